// SPDX-License-Identifier: GPL-3.0-or-later
// The exporter metric table is the one place vendor names live: what the agents write from it parses
// as exposition text, leaves missing values out, and every ECC or temperature name the console's
// counter feed reads from it has a fault rule.
#include "core/faults/counterfeed.h"
#include "core/faults/faultmap.h"
#include "core/protocol/exportermetrics.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Protocol::Exporter;

class TestExporterMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneFamilyPerDialectAndField()
    {
        QSet<QString> seen, names;
        const QRegularExpression valid(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
        for (const ChipMetric& m : chipMetrics()) {
            const QString key = QStringLiteral("%1/%2").arg(int(m.dialect)).arg(int(m.field));
            QVERIFY2(!seen.contains(key), m.name);
            seen.insert(key);
            QVERIFY2(!names.contains(QLatin1String(m.name)), m.name);
            names.insert(QLatin1String(m.name));
            QVERIFY2(valid.match(QLatin1String(m.name)).hasMatch(), m.name);
            QCOMPARE(chipMetric(m.dialect, m.field), &m);
        }
    }

    void writtenChipsParseAndSkipMissing()
    {
        ChipRow a, b;
        a.index = "0";
        a.model = "910B3";
        a.uuid = "u-0";
        a.set(ChipField::Utilization, 42);
        a.set(ChipField::Health, healthValue(Protocol::AcceleratorHealth::Faulty));
        b.index = "1";
        b.model = "910B3";
        b.set(ChipField::Utilization, 7);
        Protocol::Prometheus::Writer w;
        const ChipRow rows[] = { a, b };
        writeChips(w, Dialect::NpuExporter, rows);
        const auto parsed = Protocol::Prometheus::parse(w.text());
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.samples.size(), 3); // two utilizations, one health: b's health is missing
        QCOMPARE(parsed.samples[0].name, QByteArray("npu_chip_info_health_status"));
        QCOMPARE(parsed.samples[0].value, 0.0);
        const auto labels = parsed.samples[1].labels;
        QVERIFY(labels.contains(std::pair(QByteArray("id"), QByteArray("0"))));
        QVERIFY(labels.contains(std::pair(QByteArray("vdie_id"), QByteArray("u-0"))));
        // An empty label value is left out rather than written as "".
        for (const auto& [name, value] : parsed.samples[2].labels)
            QVERIFY2(!value.isEmpty(), name.constData());
    }

    void healthOfWarningStillServes()
    {
        QCOMPARE(healthValue(Protocol::AcceleratorHealth::Healthy), 1.0);
        QCOMPARE(healthValue(Protocol::AcceleratorHealth::Warning), 1.0);
        QCOMPARE(healthValue(Protocol::AcceleratorHealth::Faulty), 0.0);
        QCOMPARE(healthValue(Protocol::AcceleratorHealth::Unknown), -1.0);
    }

    void everyCounterTheFeedReadsHasARule()
    {
        const Faults::FaultMap& map = Faults::FaultMap::builtIn();
        for (const char* vendor : { "huawei", "nvidia" }) {
            const QString v = QLatin1String(vendor);
            const auto series = Faults::countersOf(v, Protocol::AcceleratorSample());
            QVERIFY(!series.isEmpty());
            for (const auto& s : series) {
                QVERIFY2(map.counter(v, s.metric), qPrintable(s.metric));
                bool inTable = false;
                for (const ChipMetric& m : chipMetrics())
                    inTable = inTable || s.metric == QLatin1String(m.name);
                QVERIFY2(inTable, qPrintable(s.metric));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestExporterMetrics)
#include "tst_exportermetrics.moc"
