// SPDX-License-Identifier: GPL-3.0-or-later
// Fleet-wide jobs assembled from node reports (no scheduler front).
#include "core/jobs/jobassembler.h"

#include <QTest>

using namespace Meridian;

namespace {

FleetNode node(const QString& id, const QString& pool, QList<Protocol::JobPlacement> jobs)
{
    FleetNode n;
    n.inventory.nodeId = id;
    n.inventory.region = QStringLiteral("north");
    n.inventory.pool = pool;
    for (int i = 0; i < 8; ++i)
        n.inventory.accelerators.append({ i, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"), {}, 0 });
    n.snapshot.sample.seq = 1;
    n.snapshot.jobs = std::move(jobs);
    return n;
}

Protocol::JobPlacement placement(const QString& id, QList<int> acc, const QString& state, qint64 started, qint64 ckpt)
{
    Protocol::JobPlacement p;
    p.jobId = id;
    p.name = QStringLiteral("name-") + id;
    p.tenant = QStringLiteral("acme");
    p.user = QStringLiteral("acme-u") + id; // from the job description file's "user"
    p.kind = QStringLiteral("training");
    p.state = state;
    p.accelerators = std::move(acc);
    p.startedMs = started;
    p.lastCheckpointMs = ckpt;
    return p;
}

} // namespace

class TestJobAssembler : public QObject
{
    Q_OBJECT
private slots:
    void spansNodes()
    {
        QHash<QString, FleetNode> nodes;
        nodes.insert(QStringLiteral("n2"),
            node(QStringLiteral("n2"), QStringLiteral("p1"),
                { placement(QStringLiteral("a"), { 0, 1, 2, 3 }, QStringLiteral("running"), 2000, 5000),
                    placement(QStringLiteral("b"), { 4 }, QStringLiteral("running"), 0, 0) }));
        nodes.insert(QStringLiteral("n1"),
            node(QStringLiteral("n1"), QStringLiteral("p1"),
                { placement(
                    QStringLiteral("a"), { 0, 1, 2, 3, 4, 5, 6, 7 }, QStringLiteral("recovering"), 1000, 4000) }));
        FleetNode silent = node(QStringLiteral("n3"), QStringLiteral("p1"),
            { placement(QStringLiteral("c"), { 0 }, QStringLiteral("running"), 0, 0) });
        silent.snapshot.sample.seq = 0; // never answered: its cached placements are not counted
        nodes.insert(QStringLiteral("n3"), silent);

        const QList<Protocol::JobRecord> jobs = Jobs::JobAssembler::assemble(nodes);
        QCOMPARE(jobs.size(), 2);
        const Protocol::JobRecord& a = jobs[0];
        QCOMPARE(a.jobId, QStringLiteral("a"));
        QCOMPARE(a.nodes, QStringList({ QStringLiteral("n1"), QStringLiteral("n2") }));
        QCOMPARE(a.acceleratorsAllocated, 12);
        QCOMPARE(a.state, QStringLiteral("recovering")); // the more urgent state wins
        QCOMPARE(a.startMs, 1000);
        QCOMPARE(a.lastCheckpointMs, 5000);
        QCOMPARE(a.model, QStringLiteral("Ascend 910B"));
        QCOMPARE(a.pool, QStringLiteral("p1"));
        QCOMPARE(a.user, QStringLiteral("acme-ua"));
        QCOMPARE(jobs[1].jobId, QStringLiteral("b"));
        QCOMPARE(jobs[1].acceleratorsAllocated, 1);
    }

    void emptyFieldsDefault()
    {
        Protocol::JobPlacement bare;
        bare.jobId = QStringLiteral("x");
        bare.accelerators = { 3 };
        QHash<QString, FleetNode> nodes;
        nodes.insert(QStringLiteral("n1"), node(QStringLiteral("n1"), QStringLiteral("p"), { bare }));
        const auto jobs = Jobs::JobAssembler::assemble(nodes);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs[0].kind, QStringLiteral("other"));
        QCOMPARE(jobs[0].state, QStringLiteral("running"));
        QCOMPARE(jobs[0].startMs, 0);
    }
};

QTEST_GUILESS_MAIN(TestJobAssembler)
#include "tst_jobassembler.moc"
