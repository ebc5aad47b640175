// SPDX-License-Identifier: GPL-3.0-or-later
// npu-smi and nvidia-smi output, recorded from real tools, parsed into readings.

#include "agent/node/npusmiparser.h"
#include "agent/node/nvidiasmiparser.h"

#include <QFile>
#include <QTest>

using namespace Meridian::Agent;
using Meridian::Protocol::AcceleratorHealth;
using Meridian::Protocol::isMissing;

namespace {
QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(MERIDIAN_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}
constexpr double MiB = 1024.0 * 1024.0;
} // namespace

class TestSmiParsers : public QObject
{
    Q_OBJECT
private slots:
    void npuSmi910b()
    {
        const ParseOutcome r = NpuSmi::parse(fixture(QStringLiteral("npu-smi/910b3-8npu.txt")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.accelerators.size(), 8); // the process table is not read as chips
        const AcceleratorReading& a3 = r.accelerators[3];
        QCOMPARE(a3.info.index, 3);
        QCOMPARE(a3.info.vendor, QStringLiteral("huawei"));
        QCOMPARE(a3.info.model, QStringLiteral("Ascend 910B3"));
        QCOMPARE(a3.info.memoryBytes, qint64(65536 * MiB));
        QCOMPARE(a3.busId, QStringLiteral("0000:82:00.0"));
        QCOMPARE(a3.sample.utilization, 12.0);
        QCOMPARE(a3.sample.memoryUsedBytes, 53984 * MiB); // "53984/ 65536": the glued form
        QCOMPARE(a3.sample.temperatureC, 41.0);
        QCOMPARE(a3.sample.powerW, 99.5);
        QVERIFY(a3.highBandwidthMemory);
        QVERIFY(a3.sample.health == AcceleratorHealth::Healthy);
        QVERIFY(r.accelerators[4].sample.health == AcceleratorHealth::Warning);
        const AcceleratorReading& a6 = r.accelerators[6];
        QVERIFY(a6.sample.health == AcceleratorHealth::Faulty);
        QVERIFY(isMissing(a6.sample.powerW)); // "NA" is missing, never 0
        QVERIFY(isMissing(a6.sample.utilization));
        QVERIFY(isMissing(a6.sample.eccSingleBitTotal)); // npu-smi info has no ECC counters
    }

    void npuSmiSingleAnd310p()
    {
        const ParseOutcome single = NpuSmi::parse(fixture(QStringLiteral("npu-smi/910b4-single.txt")));
        QVERIFY2(single.ok, qPrintable(single.error));
        QCOMPARE(single.accelerators.size(), 1);
        QCOMPARE(single.accelerators[0].deviceId, QStringLiteral("5"));
        QCOMPARE(single.accelerators[0].info.index, 0);
        QCOMPARE(single.accelerators[0].info.memoryBytes, qint64(32768 * MiB));

        const ParseOutcome p = NpuSmi::parse(fixture(QStringLiteral("npu-smi/310p3-2npu.txt")));
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.accelerators.size(), 2);
        QVERIFY(!p.accelerators[1].highBandwidthMemory);
        QCOMPARE(p.accelerators[1].info.model, QStringLiteral("Ascend 310P3"));
        QCOMPARE(p.accelerators[1].sample.memoryUsedBytes, 1070 * MiB);
        QCOMPARE(p.accelerators[1].info.memoryBytes, qint64(21534 * MiB));
    }

    void npuSmiMalformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addRow("truncated") << QStringLiteral("npu-smi/malformed-truncated.txt")
                                   << QStringLiteral("without its chip row");
        QTest::addRow("driver error") << QStringLiteral("npu-smi/malformed-driver-error.txt")
                                      << QStringLiteral("no npu-smi table header");
        QTest::addRow("bad number") << QStringLiteral("npu-smi/malformed-bad-number.txt")
                                    << QStringLiteral("line 11: ");
        QTest::addRow("extra cell") << QStringLiteral("npu-smi/malformed-extra-cell.txt")
                                    << QStringLiteral("line 10: expected a row of three cells");
    }

    void npuSmiMalformed()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const ParseOutcome r = NpuSmi::parse(fixture(file));
        QVERIFY(!r.ok);
        QVERIFY(r.accelerators.isEmpty());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void npuSmiHostile()
    {
        QVERIFY(!NpuSmi::parse({}).ok);
        QVERIFY(!NpuSmi::parse(QByteArray(2 * 1024 * 1024, '|')).ok);
        // 65 chips exceed the cap.
        const QList<QByteArray> lines = fixture(QStringLiteral("npu-smi/910b4-single.txt")).split('\n');
        QByteArray many;
        for (int i = 0; i < 6; ++i)
            many += lines[i] + '\n';
        const QByteArray pair
            = "| 0     910B4               | OK            | 89.9        39                0    / 0             |\n"
              "| 0                         | 0000:41:00.0  | 0           0    / 0          2922 / 32768         |\n";
        many += pair.repeated(65);
        const ParseOutcome r = NpuSmi::parse(many);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("more than 64")), qPrintable(r.error));
    }

    void nvidiaSmi()
    {
        const ParseOutcome r = NvidiaSmi::parse(fixture(QStringLiteral("nvidia-smi/h800-8gpu.csv")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.accelerators.size(), 8);
        const AcceleratorReading& g1 = r.accelerators[1];
        QCOMPARE(g1.info.vendor, QStringLiteral("nvidia"));
        QCOMPARE(g1.info.model, QStringLiteral("H800"));
        QCOMPARE(g1.rawName, QStringLiteral("NVIDIA H800"));
        QCOMPARE(g1.info.uuid, QStringLiteral("GPU-8b2a94b2-5f21-4c0a-98c1-0b6f3e8a1d77"));
        QCOMPARE(g1.info.memoryBytes, qint64(81559 * MiB));
        QCOMPARE(g1.sample.eccSingleBitTotal, 12.0);
        QCOMPARE(g1.sample.eccDoubleBitTotal, 1.0);
        QCOMPARE(g1.sample.powerW, 112.9);
        QCOMPARE(r.accelerators[0].sample.memoryUsedBytes, 79162 * MiB);
        QVERIFY(r.accelerators[0].sample.health == AcceleratorHealth::Healthy);
        QVERIFY(NvidiaSmi::arguments().join(u' ').contains(QStringLiteral("noheader,nounits")));
    }

    void nvidiaSmiNotSupported()
    {
        const ParseOutcome r = NvidiaSmi::parse(fixture(QStringLiteral("nvidia-smi/t4-not-supported.csv")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.accelerators.size(), 3);
        QVERIFY(isMissing(r.accelerators[0].sample.eccSingleBitTotal));
        QCOMPARE(r.accelerators[0].sample.utilization, 0.0); // a real 0 stays 0
        QVERIFY(isMissing(r.accelerators[1].sample.powerW));
        QVERIFY(r.accelerators[1].sample.health == AcceleratorHealth::Healthy);
        QVERIFY(isMissing(r.accelerators[2].sample.utilization));
        QVERIFY(r.accelerators[2].sample.health == AcceleratorHealth::Faulty); // "[Unknown Error]": lost GPU
    }

    void nvidiaSmiMalformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addRow("driver error") << QStringLiteral("nvidia-smi/malformed-driver-error.txt")
                                      << QStringLiteral("line 1: expected 10");
        QTest::addRow("missing field") << QStringLiteral("nvidia-smi/malformed-missing-field.csv")
                                       << QStringLiteral("got 9");
        QTest::addRow("bad number") << QStringLiteral("nvidia-smi/malformed-bad-number.csv")
                                    << QStringLiteral("utilization.gpu \"ninety\"");
        QTest::addRow("header row") << QStringLiteral("nvidia-smi/malformed-with-header.csv")
                                    << QStringLiteral("not a GPU index");
    }

    void nvidiaSmiMalformed()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const ParseOutcome r = NvidiaSmi::parse(fixture(file));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void nvidiaSmiOutOfRangeIsMissing()
    {
        const ParseOutcome r = NvidiaSmi::parse("0, GPU-x, NVIDIA H20, 97871, 99999, 140, 900, -5, 0, 0\n");
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(isMissing(r.accelerators[0].sample.utilization));
        QVERIFY(isMissing(r.accelerators[0].sample.temperatureC));
        QVERIFY(isMissing(r.accelerators[0].sample.powerW));
        QVERIFY(isMissing(r.accelerators[0].sample.memoryUsedBytes)); // used > total
    }
};

QTEST_GUILESS_MAIN(TestSmiParsers)
#include "tst_smiparsers.moc"
