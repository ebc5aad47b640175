// SPDX-License-Identifier: GPL-3.0-or-later
// /proc readings from a fake tree (exact values) and from the real /proc (sanity).

#include "agent/node/procfscollector.h"

#include <QTest>

using namespace Meridian::Agent;
using Meridian::Protocol::isMissing;

class TestProcfsCollector : public QObject
{
    Q_OBJECT
private slots:
    void fakeTree()
    {
        const ProcfsCollector c(QStringLiteral(MERIDIAN_FIXTURES_DIR "/procfs/good"));
        const ProcReading r = c.read(1000);
        QVERIFY(r.cpuTotal.has_value());
        QCOMPARE(r.cpus.size(), 2);
        QCOMPARE(r.cpus[1].cpu, 1);
        QCOMPARE(r.cpus[1].jiffies[0], 1335401.0);
        QCOMPARE(r.bootTimeSeconds, 1700000000.0);
        QCOMPARE(r.memTotalBytes, 16307244.0 * 1024);
        QCOMPARE(r.memAvailableBytes, 9582180.0 * 1024);
        QCOMPARE(r.load15, 0.59);
        QCOMPARE(r.uptimeSeconds, 350735.47);
        QCOMPARE(r.interfaces.size(), 3);
        QCOMPARE(r.interfaces[2].device, QByteArray("ib0")); // "ib0:1000" with no blank after the colon
        QCOMPARE(r.interfaces[1].transmitBytes, 1782404.0);
        QCOMPARE(r.disks.size(), 5);
        QCOMPARE(r.disks[1].readBytes, 9447442.0 * 512);
        const HostFacts facts = c.readHostFacts();
        QCOMPARE(facts.hostname, QStringLiteral("node-fixture-01"));
        QCOMPARE(facts.bootId, QStringLiteral("0f9b1cc2-3e5c-4b6a-8d7e-2a1f4c6b8d90"));
        QCOMPARE(facts.cpuCount, 2);
    }

    void wholeDisks_data()
    {
        QTest::addColumn<QByteArray>("device");
        QTest::addColumn<bool>("whole");
        QTest::addRow("nvme") << QByteArray("nvme0n1") << true;
        QTest::addRow("nvme part") << QByteArray("nvme0n1p1") << false;
        QTest::addRow("sda") << QByteArray("sda") << true;
        QTest::addRow("sda1") << QByteArray("sda1") << false;
        QTest::addRow("vdb2") << QByteArray("vdb2") << false;
        QTest::addRow("loop0") << QByteArray("loop0") << false;
        QTest::addRow("ram0") << QByteArray("ram0") << false;
        QTest::addRow("dm-0") << QByteArray("dm-0") << true;
        QTest::addRow("md127") << QByteArray("md127") << true;
    }

    void wholeDisks()
    {
        QFETCH(QByteArray, device);
        QFETCH(bool, whole);
        QCOMPARE(Procfs::isWholeDisk(device), whole);
    }

    void rates()
    {
        const ProcfsCollector c(QStringLiteral(MERIDIAN_FIXTURES_DIR "/procfs/good"));
        ProcReading a = c.read(1000);
        // Without a previous reading nothing is a rate yet: missing, not 0.
        const auto first = ProcfsCollector::metricsBetween(nullptr, a);
        QVERIFY(isMissing(first.cpuUtilization));
        QVERIFY(isMissing(first.netRxBytesPerSecond));
        QCOMPARE(first.memoryUsedBytes, (16307244.0 - 9582180.0) * 1024);
        ProcReading b = a;
        b.timestampMs = 3000; // two seconds later
        b.cpuTotal->jiffies[0] += 150; // user
        b.cpuTotal->jiffies[3] += 50; // idle
        b.interfaces[0].receiveBytes += 1e6; // lo: not counted
        b.interfaces[1].receiveBytes += 4000;
        b.disks[1].writtenBytes += 8192; // nvme0n1
        b.disks[2].writtenBytes += 8192; // its partition: not counted twice
        const auto m = ProcfsCollector::metricsBetween(&a, b);
        QCOMPARE(m.cpuUtilization, 75.0);
        QCOMPARE(m.netRxBytesPerSecond, 2000.0);
        QCOMPARE(m.diskWriteBytesPerSecond, 4096.0);
        QCOMPARE(m.diskReadBytesPerSecond, 0.0);
        // A counter going backwards is a reset: no rate.
        b.interfaces[1].receiveBytes = 0;
        QVERIFY(isMissing(ProcfsCollector::metricsBetween(&a, b).netRxBytesPerSecond));
    }

    void malformedFiles()
    {
        ProcReading r;
        QVERIFY(!Procfs::parseStat("cpu a b c\n", &r));
        QVERIFY(!r.cpuTotal.has_value());
        QVERIFY(!Procfs::parseStat("cpu99999999999 1 2 3 4 5 6 7 8\n", &r));
        QVERIFY(!Procfs::parseMeminfo("MemTotal: lots kB\n", &r));
        QVERIFY(isMissing(r.memTotalBytes));
        QVERIFY(Procfs::parseMeminfo("MemTotal: 100 kB\nMemAvailable: 200 kB\n", &r));
        QVERIFY(isMissing(r.memAvailableBytes)); // available above total is nonsense
        QVERIFY(!Procfs::parseLoadavg("x y z\n", &r));
        QVERIFY(!Procfs::parseLoadavg("-1 0 0\n", &r));
        QVERIFY(!Procfs::parseUptime("\n", &r));
        QVERIFY(!Procfs::parseNetDev("garbage without colon\n", &r));
        QVERIFY(!Procfs::parseDiskstats("8 0 sda 1 2\n", &r));
        // A missing tree reads as all-missing, not as zeros.
        const ProcReading none = ProcfsCollector(QStringLiteral("/nonexistent-proc")).read(0);
        QVERIFY(isMissing(none.memTotalBytes));
        QVERIFY(!none.cpuTotal);
    }

    void realProc()
    {
        ProcfsCollector c;
        const ProcReading r = c.read(0);
        QVERIFY(r.cpuTotal.has_value());
        QVERIFY(!r.cpus.isEmpty());
        QVERIFY(r.memTotalBytes > 0);
        QVERIFY(r.memAvailableBytes <= r.memTotalBytes);
        QVERIFY(r.bootTimeSeconds > 1e9);
        QVERIFY(r.uptimeSeconds > 0);
        QVERIFY(!r.interfaces.isEmpty());
        const HostFacts facts = c.readHostFacts();
        QVERIFY(!facts.hostname.isEmpty());
        QCOMPARE(facts.bootId.size(), 36);
        QCOMPARE(facts.cpuCount, int(r.cpus.size()));
        qint64 t = 1000;
        Meridian::Protocol::NodeMetrics m = c.collect(t);
        // CPU utilisation needs the jiffy counters to move between two readings.
        for (int i = 0; i < 100 && isMissing(m.cpuUtilization); ++i) {
            QTest::qWait(100);
            m = c.collect(t += 1000);
        }
        QVERIFY(!isMissing(m.cpuUtilization));
        QVERIFY(m.cpuUtilization >= 0 && m.cpuUtilization <= 100);
        QVERIFY(!isMissing(m.netRxBytesPerSecond));
    }
};

QTEST_GUILESS_MAIN(TestProcfsCollector)
#include "tst_procfscollector.moc"
