// SPDX-License-Identifier: GPL-3.0-or-later
// The fault model as data: the built-in table loads, maps every vendor signal
// to the documented component/severity/rung, and the loader rejects bad tables.
#include "core/faults/faultmap.h"
#include "tests/core/faults/faultcompare.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using Protocol::Severity;

class TestFaultModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInLoads();
    void mapping_data();
    void mapping();
    void rejects_data();
    void rejects();
    void escalation();
    void counterLookup();

private:
    static QJsonObject minimal();
};

QJsonObject TestFaultModel::minimal()
{
    return QJsonDocument::fromJson(R"({"schema":1,"repeat":{"windowMinutes":60,"count":3},
        "rules":[{"id":"any","kind":"*","component":"node","severity":"warning","action":"observe",
                  "title":"t","source":"s"}],
        "counters":[]})")
        .object();
}

void TestFaultModel::builtInLoads()
{
    QFile file(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/faults/faultmap.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const auto model = FaultMap::fromJson(file.readAll(), &error);
    QVERIFY2(model, qPrintable(error));
    // The compiled-in copy is the same table.
    QCOMPARE(FaultMap::builtIn().rules().size(), model->rules().size());
    QCOMPARE(FaultMap::builtIn().counters().size(), model->counters().size());
    QVERIFY(model->rules().size() >= 30);
}

void TestFaultModel::mapping_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Severity>("eventSeverity");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("rule");
    const auto W = Severity::Warning, C = Severity::Critical, I = Severity::Info;
    auto row = [](const char* name, const char* v, const char* k, const char* c, Severity es, const char* comp,
                   Severity s, const char* a, const char* r) {
        QTest::addRow("%s", name) << QString::fromLatin1(v) << QString::fromLatin1(k) << QString::fromLatin1(c) << es
                                  << QString::fromLatin1(comp) << Protocol::toString(s) << QString::fromLatin1(a)
                                  << QString::fromLatin1(r);
    };
    // Ascend (MindCluster codes and levels)
    row("ascend HBM DBE code", "huawei", "hbm-ecc", "80E18005", C, "memory", C, "isolate", "ascend-hbm-dbe");
    row("ascend HBM SBE code", "huawei", "hbm-ecc", "80E18008", I, "memory", W, "pre-isolate", "ascend-hbm-sbe");
    row("ascend RestartNPU code", "huawei", "chip-fault", "80CB8002", C, "accelerator", C, "reset",
        "ascend-chip-80cb8002");
    row("ascend RestartBusiness", "huawei", "chip-fault", "8C084E00", C, "accelerator", C, "drain",
        "ascend-chip-8c084e00");
    row("ascend SeparateNPU", "huawei", "chip-fault", "80C98008", C, "accelerator", C, "isolate",
        "ascend-chip-80c98008");
    row("ascend unlisted code", "huawei", "chip-fault", "81234567", C, "accelerator", C, "drain", "ascend-chip-other");
    row("ascend code case-insensitive", "huawei", "chip-fault", "80cb8002", C, "accelerator", C, "reset",
        "ascend-chip-80cb8002");
    row("ascend HCCS CRC", "huawei", "hccs-crc", "", W, "intra-node-link", W, "pre-isolate", "ascend-hccs-crc");
    row("ascend RoCE link down", "huawei", "link-down", "", C, "link", C, "drain", "ascend-link-down");
    row("ascend RoCE retries", "huawei", "roce-errors", "retry", W, "link", W, "pre-isolate", "roce-errors");
    row("ascend optical RX", "huawei", "optical-rx-power", "", W, "link", W, "pre-isolate", "optical-rx");
    // NVIDIA (Xid catalog, DCGM counters)
    row("xid 48 as hbm-ecc", "nvidia", "hbm-ecc", "Xid 48", C, "memory", C, "reset", "nvidia-xid-48");
    row("xid 79 as chip-fault", "nvidia", "chip-fault", "Xid 79", C, "accelerator", C, "reset", "nvidia-xid-79");
    row("xid 79 from the gauge", "nvidia", "xid", "Xid 79", W, "accelerator", C, "reset", "nvidia-xid-79");
    row("xid 13", "nvidia", "xid", "Xid 13", W, "accelerator", C, "drain", "nvidia-xid-13");
    row("xid 64", "nvidia", "xid", "Xid 64", W, "memory", C, "isolate", "nvidia-xid-64");
    row("xid informational", "nvidia", "xid", "Xid 31", W, "accelerator", W, "observe", "nvidia-xid-other");
    row("nvlink errors", "nvidia", "nvlink-errors", "CRC", W, "intra-node-link", W, "pre-isolate",
        "nvidia-nvlink-errors");
    row("retired pending", "nvidia", "retired-pending", "", W, "memory", W, "reset", "nvidia-retired-pending");
    row("remap failure", "nvidia", "remap-failure", "", C, "memory", C, "isolate", "nvidia-remap-failure");
    row("nvidia thermal", "nvidia", "thermal", "HW_THERMAL_SLOWDOWN", W, "accelerator", W, "observe", "thermal");
    // Vendor-neutral agent and console signals
    row("agent DBE", "cambricon", "hbm-ecc", "DBE", C, "memory", C, "reset", "hbm-dbe");
    row("agent SBE", "nvidia", "hbm-ecc", "SBE", I, "memory", I, "observe", "hbm-sbe");
    row("health faulty", "huawei", "accelerator-health", "", C, "accelerator", C, "drain", "health-faulty");
    row("health warning", "huawei", "accelerator-health", "", W, "accelerator", W, "pre-isolate", "health-warning");
    row("node down", "huawei", "node-down", "", C, "node", C, "drain", "node-down");
    row("heartbeat loss", "", "heartbeat-loss", "", C, "node", C, "drain", "heartbeat-loss");
    row("rack power", "", "rack-power", "", C, "rack", C, "isolate", "rack-power");
    row("site link cut", "", "link-cut", "", C, "site-link", C, "observe", "site-link-cut");
    row("site link degraded", "", "link-degrade", "", W, "site-link", W, "observe", "site-link-degrade");
    row("counters missing", "nvidia", "counter-missing", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", W, "node", W, "pre-isolate",
        "counter-missing");
    row("unknown kind", "hygon", "mystery", "42", C, "node", W, "observe", "unknown");
}

void TestFaultModel::mapping()
{
    QFETCH(QString, vendor);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(Severity, eventSeverity);
    const FaultClass c = FaultMap::builtIn().classify(vendor, kind, code, eventSeverity);
    QTEST(c.ruleId, "rule");
    QTEST(toKey(c.component), "component");
    QTEST(Protocol::toString(c.severity), "severity");
    QTEST(toKey(c.action), "action");
    QVERIFY(!c.source.isEmpty());
}

void TestFaultModel::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    auto with = [](const std::function<void(QJsonObject&)>& edit) {
        QJsonObject o = minimal();
        edit(o);
        return QJsonDocument(o).toJson();
    };
    auto rule = [](QJsonObject& o, const char* key, const QJsonValue& value) {
        QJsonArray rules = o.value(QLatin1String("rules")).toArray();
        QJsonObject r = rules.at(0).toObject();
        r.insert(QLatin1String(key), value);
        rules.replace(0, r);
        o.insert(QStringLiteral("rules"), rules);
    };
    QTest::addRow("not json") << QByteArray("{") << QStringLiteral("not a JSON object");
    QTest::addRow("schema 2") << with([](QJsonObject& o) { o.insert(QStringLiteral("schema"), 2); })
                              << QStringLiteral("\"schema\" must be 1");
    QTest::addRow("unknown top key") << with([](QJsonObject& o) { o.insert(QStringLiteral("extra"), 1); })
                                     << QStringLiteral("unknown key \"extra\"");
    QTest::addRow("unknown rule key") << with([&](QJsonObject& o) { rule(o, "level", 1); })
                                      << QStringLiteral("rules[0]: unknown key \"level\"");
    QTest::addRow("bad component") << with([&](QJsonObject& o) { rule(o, "component", QStringLiteral("gpu")); })
                                   << QStringLiteral("unknown component \"gpu\"");
    QTest::addRow("bad action") << with([&](QJsonObject& o) { rule(o, "action", QStringLiteral("reboot")); })
                                << QStringLiteral("unknown action \"reboot\"");
    QTest::addRow("bad severity") << with([&](QJsonObject& o) { rule(o, "severity", QStringLiteral("fatal")); })
                                  << QStringLiteral("unknown severity \"fatal\"");
    QTest::addRow("number as title") << with([&](QJsonObject& o) { rule(o, "title", 3); })
                                     << QStringLiteral("\"title\" must be a string");
    QTest::addRow("bad pattern") << with([&](QJsonObject& o) { rule(o, "code", QStringLiteral("a*b")); })
                                 << QStringLiteral("prefix ending in '*'");
    QTest::addRow("no catch-all") << with([&](QJsonObject& o) { rule(o, "kind", QStringLiteral("node-down")); })
                                  << QStringLiteral("no catch-all rule");
    QTest::addRow("duplicate id") << with([](QJsonObject& o) {
        QJsonArray rules = o.value(QLatin1String("rules")).toArray();
        rules.append(rules.at(0));
        o.insert(QStringLiteral("rules"), rules);
    }) << QStringLiteral("duplicate id \"any\"");
    QTest::addRow("repeat out of range") << with([](QJsonObject& o) {
        o.insert(QStringLiteral("repeat"),
            QJsonObject { { QStringLiteral("windowMinutes"), 0 }, { QStringLiteral("count"), 3 } });
    }) << QStringLiteral("\"windowMinutes\" must be a number");
    QTest::addRow("counter bad mode") << with([](QJsonObject& o) {
        o.insert(QStringLiteral("counters"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("c") },
                { QStringLiteral("vendor"), QStringLiteral("nvidia") },
                { QStringLiteral("metric"), QStringLiteral("M") }, { QStringLiteral("mode"), QStringLiteral("delta") },
                { QStringLiteral("kind"), QStringLiteral("k") },
                { QStringLiteral("severity"), QStringLiteral("info") } } });
    }) << QStringLiteral("unknown mode \"delta\"");
    QTest::addRow("counter hysteresis wrong side") << with([](QJsonObject& o) {
        o.insert(QStringLiteral("counters"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("c") },
                { QStringLiteral("vendor"), QStringLiteral("nvidia") },
                { QStringLiteral("metric"), QStringLiteral("M") }, { QStringLiteral("mode"), QStringLiteral("above") },
                { QStringLiteral("threshold"), 90 }, { QStringLiteral("clearAt"), 95 },
                { QStringLiteral("kind"), QStringLiteral("k") },
                { QStringLiteral("severity"), QStringLiteral("info") } } });
    }) << QStringLiteral("healthy side");
    QTest::addRow("too large") << QByteArray(2 << 20, ' ') << QStringLiteral("larger than 1 MiB");
}

void TestFaultModel::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!FaultMap::fromJson(json, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    // The minimal table itself is fine: each rejection is the edit's doing.
    QVERIFY(FaultMap::fromJson(QJsonDocument(minimal()).toJson(), &error));
}

void TestFaultModel::escalation()
{
    const FaultMap& m = FaultMap::builtIn();
    QCOMPARE(m.repeatCount(), 3);
    QCOMPARE(m.escalate(Action::Drain, 1), Action::Drain);
    QCOMPARE(m.escalate(Action::Drain, 2), Action::Drain);
    QCOMPARE(m.escalate(Action::Drain, 3), Action::Reset);
    QCOMPARE(m.escalate(Action::Drain, 4), Action::Isolate);
    QCOMPARE(m.escalate(Action::Reset, 9), Action::Isolate);
}

void TestFaultModel::counterLookup()
{
    const FaultMap& m = FaultMap::builtIn();
    const CounterRule* dbe = m.counter(QStringLiteral("nvidia"), QStringLiteral("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL"));
    QVERIFY(dbe);
    QCOMPARE(dbe->mode, CounterRule::Mode::Rise);
    QCOMPARE(dbe->code, QStringLiteral("DBE"));
    QVERIFY(!m.counter(QStringLiteral("huawei"), QStringLiteral("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL")));
    const CounterRule* temp = m.counter(QStringLiteral("huawei"), QStringLiteral("npu_chip_info_temperature"));
    QVERIFY(temp);
    QCOMPARE(temp->clearAt, 90.0);
}

QTEST_GUILESS_MAIN(TestFaultModel)
#include "tst_faultmap.moc"
