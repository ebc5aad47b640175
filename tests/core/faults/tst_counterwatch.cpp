// SPDX-License-Identifier: GPL-3.0-or-later
// Counters become events only on meaningful change: sequences in, events out.
#include "core/faults/counterwatch.h"
#include "tests/core/faults/faultcompare.h"

#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Faults;

namespace {

// A compact description of the events: "kind:code:open|cleared@ts".
QStringList describe(const QList<CounterEvent>& events)
{
    QStringList out;
    for (const CounterEvent& e : events)
        out.append(QStringLiteral("%1:%2:%3@%4")
                       .arg(e.kind, e.code, e.cleared ? QStringLiteral("cleared") : QStringLiteral("open"))
                       .arg(e.timestampMs));
    return out;
}

QList<CounterReading> readings(const QList<double>& values)
{
    QList<CounterReading> out;
    for (qsizetype i = 0; i < values.size(); ++i)
        out.append({ qint64(i + 1) * 1000, values[i] });
    return out;
}

const CounterRule& rule(const char* vendor, const char* metric)
{
    const CounterRule* r = FaultMap::builtIn().counter(QLatin1String(vendor), QLatin1String(metric));
    if (!r)
        qFatal("no counter rule for %s", metric);
    return *r;
}

} // namespace

class TestCounterWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequences_data();
    void sequences();
    void noData_data();
    void noData();
    void riseDelta();
};

void TestCounterWatch::sequences_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QStringList>("expected");
    const double nan = std::nan("");
    auto row = [](const char* name, const char* vendor, const char* metric, QList<double> values,
                   QStringList expected) {
        QTest::addRow("%s", name) << QString::fromLatin1(vendor) << QString::fromLatin1(metric) << values << expected;
    };
    row("SBE flat: nothing", "nvidia", "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", { 5, 5, 5, 5 }, {});
    row("SBE first value is a baseline", "nvidia", "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", { 500 }, {});
    row("SBE rises twice", "nvidia", "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", { 5, 5, 7, 7, 8 },
        { QStringLiteral("hbm-ecc:SBE:open@3000"), QStringLiteral("hbm-ecc:SBE:open@5000") });
    row("DBE reset then rise", "nvidia", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", { 3, 0, 0, 1 },
        { QStringLiteral("hbm-ecc:DBE:open@4000") });
    row("HCCS CRC below minDelta", "huawei", "npu_chip_info_hccs_statistic_info_crc_err_cnt", { 0, 4, 9, 10 },
        { QStringLiteral("hccs-crc::open@4000") });
    row("link flaps", "huawei", "npu_chip_info_link_status", { 1, 1, 0, 0, 1, 0 },
        { QStringLiteral("link-down::open@3000"), QStringLiteral("link-down::cleared@5000"),
            QStringLiteral("link-down::open@6000") });
    row("link down at start", "huawei", "npu_chip_info_link_status", { 0, 0 },
        { QStringLiteral("link-down::open@1000") });
    row("link unknown (-1) ignored", "huawei", "npu_chip_info_link_status", { 1, -1, 1 },
        { QStringLiteral("counter-missing:npu_chip_info_link_status:open@2000"),
            QStringLiteral("counter-missing:npu_chip_info_link_status:cleared@3000") });
    row("temperature hysteresis", "huawei", "npu_chip_info_temperature", { 80, 96, 93, 97, 90, 96 },
        { QStringLiteral("thermal::open@2000"), QStringLiteral("thermal::cleared@5000"),
            QStringLiteral("thermal::open@6000") });
    row("optical RX power low", "huawei", "npu_chip_optical_rx_power", { 0.5, 0.04, 0.07, 0.2 },
        { QStringLiteral("optical-rx-power::open@2000"), QStringLiteral("optical-rx-power::cleared@4000") });
    row("xid gauge changes", "nvidia", "DCGM_FI_DEV_XID_ERRORS", { 0, 0, 79, 79, 48, 0, 48 },
        { QStringLiteral("xid:Xid 79:open@3000"), QStringLiteral("xid:Xid 48:open@5000"),
            QStringLiteral("xid:Xid 48:open@7000") });
    row("retired pending", "nvidia", "DCGM_FI_DEV_RETIRED_PENDING", { 0, 1, 1, 0 },
        { QStringLiteral("retired-pending::open@2000"), QStringLiteral("retired-pending::cleared@4000") });
    row("counter disabled after values", "nvidia", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", { 0, nan, nan, 2 },
        { QStringLiteral("counter-missing:DCGM_FI_DEV_ECC_DBE_VOL_TOTAL:open@2000"),
            QStringLiteral("counter-missing:DCGM_FI_DEV_ECC_DBE_VOL_TOTAL:cleared@4000"),
            QStringLiteral("hbm-ecc:DBE:open@4000") });
    row("never reported: silent", "nvidia", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", { nan, nan }, {});
    row("DCGM int64 sentinel is no data", "nvidia", "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", { 1, 9223372036854775794.0, 1 },
        { QStringLiteral("counter-missing:DCGM_FI_DEV_ECC_SBE_VOL_TOTAL:open@2000"),
            QStringLiteral("counter-missing:DCGM_FI_DEV_ECC_SBE_VOL_TOTAL:cleared@3000") });
}

void TestCounterWatch::sequences()
{
    QFETCH(QString, vendor);
    QFETCH(QString, metric);
    QFETCH(QList<double>, values);
    const CounterRule& r = rule(qPrintable(vendor), qPrintable(metric));
    QTEST(describe(counterEvents(r, readings(values))), "expected");
}

void TestCounterWatch::noData_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("noData");
    QTest::addRow("zero") << 0.0 << false;
    QTest::addRow("large real count") << 1e9 << false;
    QTest::addRow("minus one") << -1.0 << true;
    QTest::addRow("nan") << std::nan("") << true;
    QTest::addRow("int32 blank") << 2147483632.0 << true;
    QTest::addRow("int32 not permissioned") << 2147483635.0 << true;
    QTest::addRow("int64 not supported") << 9223372036854775794.0 << true;
    QTest::addRow("fp64 blank") << 140737488355328.0 << true;
    QTest::addRow("fp64 not found") << 140737488355329.0 << true;
    QTest::addRow("just under fp64 blank") << 140737488355327.0 << false;
}

void TestCounterWatch::noData()
{
    QFETCH(double, value);
    QTEST(isNoData(value), "noData");
}

void TestCounterWatch::riseDelta()
{
    const QList<CounterEvent> events
        = counterEvents(rule("huawei", "npu_chip_info_hbm_ecc_single_bit_error_cnt"), readings({ 10, 12, 40 }));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].delta, 2.0);
    QCOMPARE(events[1].delta, 28.0);
    QCOMPARE(events[1].value, 40.0);
    QCOMPARE(int(events[1].severity), int(Protocol::Severity::Info));
}

QTEST_GUILESS_MAIN(TestCounterWatch)
#include "tst_counterwatch.moc"
