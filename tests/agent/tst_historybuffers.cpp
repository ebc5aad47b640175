// SPDX-License-Identifier: GPL-3.0-or-later
// The sample ring and the event log: bounds, cursors and open faults.

#include "agent/node/nodeeventlog.h"
#include "agent/node/samplering.h"

#include <QTest>

using namespace Meridian::Agent;
using namespace Meridian::Protocol;

class TestHistoryBuffers : public QObject
{
    Q_OBJECT
private slots:
    void ringKeepsTheNewest()
    {
        SampleRing ring(5);
        QVERIFY(ring.isEmpty());
        QCOMPARE(ring.latest(), nullptr);
        bool more = true;
        QVERIFY(ring.since(0, 10, &more).isEmpty());
        QVERIFY(!more);
        for (int i = 0; i < 12; ++i) {
            Sample s;
            s.timestampMs = 1000 + i;
            QCOMPARE(ring.append(s), qint64(i + 1));
        }
        QCOMPARE(ring.size(), 5);
        QCOMPARE(ring.oldestSeq(), 8);
        QCOMPARE(ring.newestSeq(), 12);
        QCOMPARE(ring.latest()->timestampMs, 1011);
        QCOMPARE(ring.latest()->seq, 12);
    }

    void ringSince_data()
    {
        QTest::addColumn<qint64>("since");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<qint64>>("seqs");
        QTest::addColumn<bool>("more");
        QTest::addRow("from zero: oldest kept") << qint64(0) << 100 << QList<qint64> { 8, 9, 10, 11, 12 } << false;
        QTest::addRow("cursor evicted") << qint64(3) << 100 << QList<qint64> { 8, 9, 10, 11, 12 } << false;
        QTest::addRow("exclusive cursor") << qint64(9) << 100 << QList<qint64> { 10, 11, 12 } << false;
        QTest::addRow("limit cuts") << qint64(8) << 2 << QList<qint64> { 9, 10 } << true;
        QTest::addRow("up to date") << qint64(12) << 10 << QList<qint64> {} << false;
        QTest::addRow("future cursor") << qint64(99) << 10 << QList<qint64> {} << false;
    }

    void ringSince()
    {
        QFETCH(qint64, since);
        QFETCH(int, limit);
        QFETCH(QList<qint64>, seqs);
        QFETCH(bool, more);
        SampleRing ring(5);
        for (int i = 0; i < 12; ++i)
            ring.append({});
        bool cut = false;
        QList<qint64> got;
        for (const Sample& s : ring.since(since, limit, &cut))
            got.append(s.seq);
        QCOMPARE(got, seqs);
        QCOMPARE(cut, more);
    }

    void eventLog()
    {
        NodeEventLog log(3);
        auto make = [](const char* kind, Severity severity, int acc, bool cleared = false) {
            Event e;
            e.kind = QString::fromLatin1(kind);
            e.severity = severity;
            e.accelerator = acc;
            e.cleared = cleared;
            return e;
        };
        QCOMPARE(log.append(make("agent-start", Severity::Info, -1)), 1);
        QCOMPARE(log.append(make("accelerator-health", Severity::Critical, 2)), 2);
        QCOMPARE(log.append(make("hbm-ecc", Severity::Warning, 1)), 3);
        QCOMPARE(log.openFaults().size(), 2);
        QVERIFY(log.isOpen(QStringLiteral("accelerator-health"), 2));
        QCOMPARE(log.append(make("accelerator-health", Severity::Info, 2, true)), 4);
        QVERIFY(!log.isOpen(QStringLiteral("accelerator-health"), 2));
        QCOMPARE(log.openFaults().size(), 1);
        // Bounded: the oldest event is gone, ids keep counting.
        QCOMPARE(log.size(), 3);
        bool more = true;
        const QList<Event> all = log.since(0, 100, &more);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().id, 2);
        QVERIFY(!more);
        const QList<Event> page = log.since(2, 1, &more);
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.first().id, 3);
        QVERIFY(more);
        QVERIFY(log.since(4, 10, &more).isEmpty());
        QCOMPARE(log.newestId(), 4);
    }
};

QTEST_GUILESS_MAIN(TestHistoryBuffers)
#include "tst_historybuffers.moc"
