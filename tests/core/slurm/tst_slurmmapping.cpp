// SPDX-License-Identifier: GPL-3.0-or-later
// What the console makes of a Slurm cluster (slurmmapping.h), from the recorded v0.0.38 answers and the
// v0.0.39-v0.0.41 documents written for the same cluster: nodes with their state, reason, GPUs and which job
// holds each, jobs in the console's words — and the same picture whatever the API version.

#include "core/sources/slurm/slurmdecode.h"
#include "core/sources/slurmjobhistory.h"
#include "core/sources/slurmmapping.h"
#include "tests/core/slurm/slurmfixtures.h"

#include <QMap>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Slurm;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Meridian::Slurm::ApiVersion)

namespace {

SourceUpdate mapped(ApiVersion v, const QList<PoolRule>& rules = {}, const QMap<QString, QString>& hostNames = {})
{
    SlurmView view;
    view.version = v;
    const auto nodes = decodeNodes(v, 200, Test::fixture(v, u"nodes"_s));
    const auto partitions = decodePartitions(v, 200, Test::fixture(v, u"partitions"_s));
    const auto jobs = decodeJobs(v, 200, Test::fixture(v, u"jobs"_s));
    if (!nodes.ok() || !partitions.ok() || !jobs.ok())
        qFatal("fixture does not decode: %s %s %s", qPrintable(nodes.error), qPrintable(partitions.error),
            qPrintable(jobs.error));
    view.nodes = nodes.value;
    view.partitions = partitions.value;
    view.jobs = jobs.value;
    view.release = nodes.info.slurmRelease;
    SlurmMapping m;
    m.source = u"cluster"_s;
    m.pools = rules;
    m.hostNames = hostNames;
    m.nowMs = 1'800'000'000'000;
    m.seq = 7;
    return slurmUpdate(view, m);
}

// The picture both versions must agree on, as text.
QMap<QString, QString> picture(const SourceUpdate& u)
{
    QMap<QString, QString> out;
    for (const NodeUpdate& n : u.nodes) {
        QStringList held;
        for (const Protocol::AcceleratorSample& s : n.snapshot.sample.accelerators)
            held.append(s.jobId.isEmpty() ? u"-"_s : s.jobId);
        out.insert(u"node "_s + n.nodeId,
            QStringLiteral("%1|%2|%3|%4|%5|%6")
                .arg(Protocol::toString(n.snapshot.sample.state), n.snapshot.stateReason, n.inventory.pool,
                    n.inventory.accelerators.value(0).model, held.join(u','))
                .arg(n.snapshot.faults.size()));
    }
    for (const Protocol::JobRecord& j : u.jobs) {
        out.insert(u"job "_s + j.jobId,
            QStringLiteral("%1|%2|%3|%4|%5|%6")
                .arg(j.state, j.user, j.tenant, j.pool, j.nodes.join(u','))
                .arg(j.acceleratorsAllocated));
    }
    return out;
}

const NodeUpdate* nodeOf(const SourceUpdate& u, const QString& id)
{
    for (const NodeUpdate& n : u.nodes) {
        if (n.nodeId == id)
            return &n;
    }
    return nullptr;
}

} // namespace

class TestSlurmMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedClusterAsTheConsoleShowsIt()
    {
        const SourceUpdate u = mapped(ApiVersion::V0038);
        QCOMPARE(u.claims, SourceClaims::scheduler());
        QVERIFY(u.hasJobs && u.jobsComplete);
        QCOMPARE(u.nodes.size(), 4);

        // sinfo: n1 draining "hbm ecc errors on gpu 3" (MIXED+DRAIN), holding 4 GPUs for jobs 1, 4_0 and 4_1.
        const NodeUpdate* n1 = nodeOf(u, u"n1"_s);
        QVERIFY(n1);
        QCOMPARE(Protocol::toString(n1->snapshot.sample.state), Protocol::toString(Protocol::NodeState::Draining));
        QCOMPARE(n1->snapshot.stateReason, u"hbm ecc errors on gpu 3"_s);
        QCOMPARE(n1->inventory.pool, u"gpu"_s);
        QCOMPARE(n1->inventory.region, u"cluster"_s);
        QCOMPARE(n1->inventory.accelerators.size(), 4);
        QCOMPARE(n1->inventory.accelerators.front().model, u"h100"_s);
        QCOMPARE(n1->inventory.cpuCount, 8);
        QCOMPARE(n1->inventory.agentVersion, u"Slurm 22.05.8, REST API v0.0.38"_s);
        QCOMPARE(n1->snapshot.sample.seq, 7);
        int held = 0;
        for (const Protocol::AcceleratorSample& s : n1->snapshot.sample.accelerators)
            held += !s.jobId.isEmpty();
        QCOMPARE(held, 4);
        QCOMPARE(n1->snapshot.jobs.size(), 3);

        // n4: down, not responding: a fault of the node.
        const NodeUpdate* n4 = nodeOf(u, u"n4"_s);
        QCOMPARE(Protocol::toString(n4->snapshot.sample.state), Protocol::toString(Protocol::NodeState::Down));
        QCOMPARE(n4->snapshot.stateReason, u"Not responding"_s);
        QCOMPARE(n4->snapshot.faults.size(), 1);
        QCOMPARE(n4->snapshot.faults.front().kind, u"node-down"_s);
        // n3 is planned (idle, reserved for a pending job): up.
        QCOMPARE(
            Protocol::toString(nodeOf(u, u"n3"_s)->snapshot.sample.state), Protocol::toString(Protocol::NodeState::Up));

        QMap<QString, Protocol::JobRecord> jobs;
        for (const Protocol::JobRecord& j : u.jobs)
            jobs.insert(j.jobId, j);
        const Protocol::JobRecord three = jobs.value(u"3"_s);
        QCOMPARE(three.state, u"running"_s);
        QCOMPARE(three.tenant, u"ml"_s);
        QCOMPARE(three.nodes, QStringList { u"n2"_s });
        QCOMPARE(three.pool, u"gpu"_s); // its node's pool, though it runs in partition debug
        QCOMPARE(three.segments.size(), 1);
        QCOMPARE(three.segments.front().endMs, 0);
        QCOMPARE(jobs.value(u"2"_s).state, u"queued"_s);
        QCOMPARE(jobs.value(u"2"_s).pool, u"gpu"_s);
        QVERIFY(jobs.value(u"2"_s).segments.isEmpty());
    }

    // Slurm has no job kind: "other" unless the QOS is called so or a configured rule says it.
    void jobKinds()
    {
        const SourceUpdate plain = mapped(ApiVersion::V0038);
        QVERIFY(!plain.jobs.isEmpty());
        for (const Protocol::JobRecord& j : plain.jobs)
            QCOMPARE(j.kind, u"other"_s);
        const auto jobs = decodeJobs(ApiVersion::V0038, 200, Test::fixture(ApiVersion::V0038, u"jobs"_s));
        QVERIFY(jobs.ok());
        QCOMPARE(jobs.value.front().qos, u"normal"_s); // read from the recorded answer
        for (ApiVersion v : { ApiVersion::V0040, ApiVersion::V0041 }) {
            const auto later = decodeJobs(v, 200, Test::fixture(v, u"jobs"_s));
            QVERIFY2(later.ok(), qPrintable(later.error));
            QCOMPARE(later.value.front().qos, u"normal"_s);
        }

        Job job;
        job.name = u"train-llama"_s;
        job.qos = u"Inference"_s;
        job.partition = u"gpu"_s;
        job.account = u"ml"_s;
        QCOMPARE(slurmJobKind(job, {}), u"inference"_s); // a QOS called so, any case
        job.qos = u"normal"_s;
        QCOMPARE(slurmJobKind(job, {}), u"other"_s);
        using Match = JobKindRule::Match;
        const QList<JobKindRule> rules { { Match::Partition, u"GPU"_s, u"training"_s },
            { Match::NamePrefix, u"train-"_s, u"inference"_s } };
        QCOMPARE(slurmJobKind(job, rules), u"training"_s); // the first rule that matches
        QCOMPARE(slurmJobKind(job, { { Match::NamePrefix, u"Train-"_s, u"training"_s } }), u"other"_s);
        QCOMPARE(slurmJobKind(job, { { Match::Account, u"ml"_s, u"training"_s } }), u"training"_s);
        QCOMPARE(slurmJobKind(job, { { Match::Qos, u"normal"_s, u"inference"_s } }), u"inference"_s);

        SlurmView view;
        view.version = ApiVersion::V0038;
        view.jobs = jobs.value;
        SlurmMapping m;
        m.source = u"cluster"_s;
        m.nowMs = 1'800'000'000'000;
        m.jobKinds = { { Match::Qos, u"normal"_s, u"training"_s } };
        for (const Protocol::JobRecord& j : slurmUpdate(view, m).jobs)
            QCOMPARE(j.kind, u"training"_s);
    }

    void poolRules()
    {
        const SourceUpdate u = mapped(ApiVersion::V0038,
            { { PoolRule::Match::NamePrefix, u"n4"_s, u"spare"_s },
                { PoolRule::Match::NamePrefix, u"n"_s, u"all"_s } });
        QCOMPARE(nodeOf(u, u"n4"_s)->inventory.pool, u"spare"_s);
        QCOMPARE(nodeOf(u, u"n1"_s)->inventory.pool, u"all"_s);
    }

    // hostNames: the node and the jobs on it by the host's name; the inventory keeps Slurm's name to act on.
    void hostNames()
    {
        const SourceUpdate u = mapped(ApiVersion::V0038, {}, { { u"n1"_s, u"node-a.example.org"_s } });
        QStringList ids;
        for (const NodeUpdate& n : u.nodes) {
            ids.append(n.nodeId);
            if (n.nodeId == u"node-a.example.org")
                QCOMPARE(n.inventory.nodeId, u"n1"_s);
        }
        QVERIFY2(ids.contains(u"node-a.example.org"_s) && !ids.contains(u"n1"_s), qPrintable(ids.join(u' ')));
        QVERIFY(ids.contains(u"n2"_s));
        bool onMapped = false;
        for (const Protocol::JobRecord& j : u.jobs) {
            QVERIFY(!j.nodes.contains(u"n1"_s));
            onMapped = onMapped || j.nodes.contains(u"node-a.example.org"_s);
        }
        QVERIFY(onMapped);
    }

    void everyVersionGivesTheSamePicture_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addRow("v0.0.39") << ApiVersion::V0039;
        QTest::addRow("v0.0.40") << ApiVersion::V0040;
        QTest::addRow("v0.0.41") << ApiVersion::V0041;
    }

    void everyVersionGivesTheSamePicture()
    {
        QFETCH(ApiVersion, version);
        QCOMPARE(picture(mapped(version)), picture(mapped(ApiVersion::V0038)));
    }

    void requeuesAndNodeFailuresAreWatched()
    {
        SlurmJobHistory history;
        Job job;
        job.id = 42;
        job.state = JobState::Running;
        job.startTime = 900;
        job.nodes = QStringList { u"n2"_s };
        const auto poll = [&](qint64 nowS) {
            QList<Protocol::JobRecord> records { Protocol::JobRecord {} };
            history.apply({ job }, &records, nowS * 1000);
            return records.front();
        };
        Protocol::JobRecord r = poll(1000);
        QCOMPARE(r.segments, (QList<Protocol::JobSegment> { { 900'000, 0, {}, 0 } }));
        QVERIFY(r.interruptionLog.isEmpty());

        job.state = JobState::Pending; // requeued
        job.restartCount = 1;
        job.nodes.clear();
        r = poll(2000);
        QCOMPARE(r.segments, (QList<Protocol::JobSegment> { { 900'000, 2'000'000, u"requeued"_s, 0 } }));
        QCOMPARE(r.interruptionLog.size(), 1);
        QCOMPARE(r.interruptionLog.front().atMs, 2'000'000);
        QCOMPARE(r.interruptionLog.front().recoveredMs, 0);
        QCOMPARE(r.interruptions, 1);

        job.state = JobState::Running; // runs again
        job.startTime = 2400;
        job.nodes = QStringList { u"n3"_s };
        r = poll(2500);
        QCOMPARE(r.segments.size(), 2);
        QCOMPARE(r.segments.last(), (Protocol::JobSegment { 2'400'000, 0, {}, 0 }));
        QCOMPARE(r.interruptionLog.front().recoveredMs, 2'400'000);

        job.state = JobState::NodeFail; // its node died: the run ends as a fault of n3
        job.endTime = 2900;
        r = poll(3000);
        QCOMPARE(r.segments.last(), (Protocol::JobSegment { 2'400'000, 2'900'000, u"failed"_s, 0 }));
        QCOMPARE(r.interruptionLog.size(), 2);
        QCOMPARE(r.interruptionLog.last().nodeId, u"n3"_s);
        QCOMPARE(r.interruptions, 2);

        // First seen after two requeues: the earlier runs are unknown, so no segments at all.
        Job late;
        late.id = 43;
        late.state = JobState::Running;
        late.startTime = 100;
        late.restartCount = 2;
        QList<Protocol::JobRecord> records { Protocol::JobRecord {} };
        history.apply({ late }, &records, 200'000);
        QVERIFY(records.front().segments.isEmpty());
        QCOMPARE(records.front().interruptions, 2);
    }

    void jobStates()
    {
        Job job;
        job.state = JobState::Pending;
        QCOMPARE(slurmJobState(job), u"queued"_s);
        job.restartCount = 1; // requeued and waiting to run again
        QCOMPARE(slurmJobState(job), u"recovering"_s);
        job.state = JobState::NodeFail;
        QCOMPARE(slurmJobState(job), u"failed"_s);
        job.state = JobState::Unknown; // v0.0.38 writes only the flag
        job.stateFlags = QStringList { u"REQUEUED"_s };
        QCOMPARE(slurmJobState(job), u"recovering"_s);
    }
};

QTEST_GUILESS_MAIN(TestSlurmMapping)
#include "tst_slurmmapping.moc"
