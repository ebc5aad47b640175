// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder against every fixture of every version: the recorded v0.0.38 answers of the lab cluster,
// and the v0.0.39-v0.0.41 documents written from SchedMD's schemas for the same cluster.

#include "core/sources/slurm/slurmdecode.h"
#include "tests/core/slurm/slurmfixtures.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Meridian::Slurm;
using namespace Meridian::Slurm::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Meridian::Slurm::ApiVersion)

namespace {

template <typename T> T decoded(const Decoded<T>& d)
{
    if (!d.ok())
        qWarning("decode failed: %s", qPrintable(d.error));
    return d.value;
}

const Node* findNode(const QList<Node>& nodes, const QString& name)
{
    for (const Node& n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

const Job* findJob(const QList<Job>& jobs, qint64 id)
{
    for (const Job& j : jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

void addLaterVersions()
{
    QTest::addColumn<ApiVersion>("version");
    QTest::newRow("v0.0.39") << ApiVersion::V0039;
    QTest::newRow("v0.0.40") << ApiVersion::V0040;
    QTest::newRow("v0.0.41") << ApiVersion::V0041;
}

void addAllVersions()
{
    QTest::addColumn<ApiVersion>("version");
    for (ApiVersion v : supportedVersions())
        QTest::newRow(qPrintable(apiVersionName(v))) << v;
}

} // namespace

class TestSlurmDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discoveryRecorded()
    {
        const Decoded<Discovery> d = decodeDiscovery(200, fixture(ApiVersion::V0038, u"openapi-v3"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.slurm, QList<ApiVersion> { ApiVersion::V0038 });
        QCOMPARE(d.value.slurmdb, QList<ApiVersion> { ApiVersion::V0038 });
        QCOMPARE(d.value.best(), ApiVersion::V0038);
        QVERIFY(!d.value.nodeUpdate); // v0.0.38 has no node update: drain needs scontrol
    }

    void discoveryNewer()
    {
        const QByteArray doc = R"({"openapi":"3.0.3","paths":{
            "/slurm/v0.0.40/nodes/":{"get":{}},"/slurm/v0.0.41/nodes/":{"get":{}},
            "/slurm/v0.0.41/node/{node_name}":{"get":{},"post":{},"delete":{}},
            "/slurm/v0.0.42/nodes/":{"get":{}},"/slurmdb/v0.0.41/jobs/":{"get":{}},"/openapi/v3":{"get":{}}}})";
        const Decoded<Discovery> d = decodeDiscovery(200, doc);
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.slurm, (QList<ApiVersion> { ApiVersion::V0041, ApiVersion::V0040 }));
        QCOMPARE(d.value.bestSlurmdb(), ApiVersion::V0041);
        QCOMPARE(d.value.unsupported, QStringList { u"v0.0.42"_s });
        QVERIFY(d.value.nodeUpdate);
        QCOMPARE(decodeDiscovery(200, R"({"openapi":"3.0.3"})").failure, Failure::Malformed);
        QCOMPARE(decodeDiscovery(401, "Authentication failure").failure, Failure::Unauthenticated);
    }

    void versionFromMeta_data() { addAllVersions(); }
    void versionFromMeta()
    {
        QFETCH(ApiVersion, version);
        for (const QString& name : { u"nodes"_s, u"jobs"_s, u"partitions"_s, u"slurmdb-jobs"_s, u"cancel-job"_s })
            QCOMPARE(versionFromAnswer(fixture(version, name)), version);
        QCOMPARE(versionFromAnswer("not json"), ApiVersion::Unknown);
    }

    void nodesRecorded()
    {
        const Decoded<QList<Node>> d = decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"nodes"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.info.slurmRelease, u"22.05.8"_s);
        QCOMPARE(d.info.version, ApiVersion::V0038);
        QCOMPARE(d.value.size(), 4);
        const Node* n1 = findNode(d.value, u"n1"_s);
        QVERIFY(n1);
        QCOMPARE(n1->state, NodeState::Mixed);
        QCOMPARE(n1->flags, NodeFlags(NodeFlag::Drain));
        QVERIFY(n1->draining());
        QCOMPARE(n1->reason, u"hbm ecc errors on gpu 3"_s);
        QCOMPARE(n1->reasonSetBy, u"root"_s);
        QVERIFY(n1->reasonTime > 1700000000);
        QCOMPARE(n1->partitions, (QStringList { u"gpu"_s, u"debug"_s }));
        QCOMPARE(n1->cpus, 8);
        QCOMPARE(n1->allocCpus, 3);
        QCOMPARE(n1->hostname, u"localhost"_s);
        QCOMPARE(n1->address, u"127.0.0.1"_s);
        QCOMPARE(n1->gres, (GresList { { u"gpu"_s, u"h100"_s, 4, {} } }));
        QCOMPARE(n1->gresUsed, (GresList { { u"gpu"_s, u"h100"_s, 4, { 0, 1, 2, 3 } } }));
        const Node* n3 = findNode(d.value, u"n3"_s);
        QCOMPARE(n3->state, NodeState::Idle);
        QCOMPARE(n3->flags, NodeFlags(NodeFlag::Planned));
        QCOMPARE(gresCount(n3->gresUsed), 0);
        const Node* n4 = findNode(d.value, u"n4"_s);
        QCOMPARE(n4->state, NodeState::Down);
        QVERIFY(n4->flags.testFlag(NodeFlag::NotResponding));
        QCOMPARE(n4->reason, u"Not responding"_s);
        QCOMPARE(n4->gres.front().type, u"a100"_s);
        QVERIFY(n4->features.isEmpty());
    }

    void partitionsRecorded()
    {
        const auto d = decodePartitions(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"partitions"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), 2);
        const Partition& gpu = d.value[0];
        QCOMPARE(gpu.name, u"gpu"_s);
        QCOMPARE(gpu.nodesExpression, u"n[1-4]"_s);
        QCOMPARE(gpu.nodes, (QStringList { u"n1"_s, u"n2"_s, u"n3"_s, u"n4"_s }));
        QCOMPARE(gpu.state, PartitionState::Up);
        QCOMPARE(gpu.totalNodes, 4);
        QCOMPARE(gpu.totalCpus, 32);
        QCOMPARE(gpu.maxTimeMinutes, Unlimited);
        QCOMPARE(gresCount(gpu.gres), 16);
        const Partition& debug = d.value[1];
        QCOMPARE(debug.nodes, (QStringList { u"n1"_s, u"n2"_s }));
        QCOMPARE(debug.maxTimeMinutes, 60);
        QCOMPARE(debug.defaultTimeMinutes, 30);
        QCOMPARE(debug.minNodesPerJob, 0); // "min nodes per job": a key with spaces
        QCOMPARE(gresCount(debug.gres), 8);
    }

    void jobsRecorded()
    {
        const auto d = decodeJobs(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"jobs"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), 11);
        const Job* train = findJob(d.value, 1);
        QCOMPARE(train->name, u"train-llm"_s);
        QCOMPARE(train->state, JobState::Running);
        QCOMPARE(train->user, u"root"_s);
        QCOMPARE(train->account, u"ml"_s);
        QCOMPARE(train->partition, u"gpu"_s);
        QCOMPARE(train->nodes, QStringList { u"n1"_s });
        QCOMPARE(train->gresPerNode, (GresList { { u"gpu"_s, QString(), 2, {} } }));
        QCOMPARE(train->allocatedGres.size(), 1);
        QCOMPARE(train->allocatedGres[0].node, u"n1"_s);
        QCOMPARE(train->allocatedGres[0].gres, (GresList { { u"gpu"_s, u"h100"_s, 2, { 0, 1 } } }));
        QCOMPARE(train->gpusAllocated, 2);
        QCOMPARE(train->timeLimitMinutes, 120);
        QVERIFY(train->requeue);
        QCOMPARE(train->arrayTaskId, -1);
        QCOMPARE(train->exitCode, 0);
        QVERIFY(train->submitTime > 0 && train->startTime >= train->submitTime && train->endTime > train->startTime);

        const Job* wide = findJob(d.value, 2);
        QCOMPARE(wide->state, JobState::Pending);
        QCOMPARE(wide->reason, u"ReqNodeNotAvail"_s);
        QCOMPARE(wide->user, u"nobody"_s);
        QVERIFY(wide->nodes.isEmpty());
        QCOMPARE(wide->timeLimitMinutes, Unlimited); // null in v0.0.38

        const Job* cancelled = findJob(d.value, 5);
        QCOMPARE(cancelled->state, JobState::Cancelled);
        QCOMPARE(cancelled->exitSignal, 15);
        QCOMPARE(cancelled->exitCode, -1);

        const Job* requeued = findJob(d.value, 6);
        QCOMPARE(requeued->state, JobState::Pending);
        QCOMPARE(requeued->restartCount, 1);
        QCOMPARE(requeued->reason, u"BeginTime"_s);

        const Job* failed = findJob(d.value, 7);
        QCOMPARE(failed->state, JobState::Failed);
        QCOMPARE(failed->exitCode, 3);
        QCOMPARE(failed->reason, u"NonZeroExitCode"_s);

        const Job* task = findJob(d.value, 10);
        QCOMPARE(task->arrayJobId, 4);
        QCOMPARE(task->arrayTaskId, 0);
        QCOMPARE(findJob(d.value, 9)->timeLimitMinutes, 525600);
        QCOMPARE(findJob(d.value, 9)->gpusAllocated, 0);
    }

    void oneJob_data() { addAllVersions(); }
    void oneJob()
    {
        QFETCH(ApiVersion, version);
        const Decoded<Job> d = decodeJob(version, 1, 200, fixture(version, u"job"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.name, u"train-llm"_s);
        const Decoded<Job> missing = decodeJob(version, 2, 200, fixture(version, u"job"_s));
        QCOMPARE(missing.failure, Failure::Malformed);
        QVERIFY(missing.error.contains(u"job 2"_s));
    }

    void slurmdbRecorded()
    {
        const auto d = decodeSlurmdbJobs(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"slurmdb-jobs"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), 11);
        const Job* train = findJob(d.value, 1);
        QCOMPARE(train->gpusAllocated, 2);
        QCOMPARE(train->timeLimitMinutes, 120);
        QVERIFY(train->elapsedSeconds >= 0);
        QVERIFY(findJob(d.value, 2)->nodes.isEmpty()); // "None assigned"
        const Job* requeued = findJob(d.value, 6);
        QCOMPARE(requeued->state, JobState::Unknown); // a flag-only word hides the base in v0.0.38
        QCOMPARE(requeued->stateFlags, QStringList { u"REQUEUED"_s });
        // Recorded as slurmdbd says it: 22.05's dbv0.0.38 reports 0 for a job that exited 3.
        QCOMPARE(findJob(d.value, 7)->exitCode, 0);
        QCOMPARE(findJob(d.value, 7)->state, JobState::Failed);
    }

    // The same cluster, described by v0.0.38 (recorded) and by v0.0.39-v0.0.41 (from the schemas),
    // decodes to the same values wherever the versions carry the same facts.
    void sameClusterNodes_data() { addLaterVersions(); }
    void sameClusterNodes()
    {
        QFETCH(ApiVersion, version);
        const auto base = decoded(decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"nodes"_s)));
        const auto d = decodeNodes(version, 200, fixture(version, u"nodes"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.info.version, version);
        QCOMPARE(d.value, base);
    }

    void sameClusterPartitions_data() { addLaterVersions(); }
    void sameClusterPartitions()
    {
        QFETCH(ApiVersion, version);
        auto base = decoded(decodePartitions(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"partitions"_s)));
        const auto d = decodePartitions(version, 200, fixture(version, u"partitions"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        if (version == ApiVersion::V0039) { // v0.0.39 does not dump a partition's state
            for (Partition& p : base)
                p.state = PartitionState::Unknown;
        }
        QCOMPARE(d.value, base);
    }

    void sameClusterJobs_data() { addLaterVersions(); }
    void sameClusterJobs()
    {
        QFETCH(ApiVersion, version);
        const auto base = decoded(decodeJobs(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"jobs"_s)));
        const auto d = decodeJobs(version, 200, fixture(version, u"jobs"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), base.size());
        for (qsizetype i = 0; i < base.size(); ++i)
            QCOMPARE(d.value[i], base[i]);
    }

    void sameClusterSlurmdb_data() { addLaterVersions(); }
    void sameClusterSlurmdb()
    {
        QFETCH(ApiVersion, version);
        auto base = decoded(decodeSlurmdbJobs(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"slurmdb-jobs"_s)));
        const auto d = decodeSlurmdbJobs(version, 200, fixture(version, u"slurmdb-jobs"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), base.size());
        for (qsizetype i = 0; i < base.size(); ++i)
            QCOMPARE(d.value[i], base[i]);
    }

    void unknownJob_data() { addAllVersions(); }
    void unknownJob()
    {
        QFETCH(ApiVersion, version);
        const auto d = decodeJobs(version, 500, fixture(version, u"job-unknown"_s));
        QCOMPARE(d.failure, Failure::SlurmError);
        QCOMPARE(d.info.errors.size(), 1);
        QCOMPARE(d.info.errors[0].number, 2017);
        QCOMPARE(d.info.errors[0].error, u"Invalid job id specified"_s);
        QVERIFY(d.error.contains(u"Invalid job id specified"_s));
        QVERIFY(d.value.isEmpty());
    }

    void tokenRejected_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("name");
        QTest::newRow("v0.0.38 bad (recorded)") << ApiVersion::V0038 << u"error-bad-token"_s;
        QTest::newRow("v0.0.38 expired (recorded)") << ApiVersion::V0038 << u"error-expired-token"_s;
        QTest::newRow("v0.0.39") << ApiVersion::V0039 << u"error-token-rejected"_s;
        QTest::newRow("v0.0.40") << ApiVersion::V0040 << u"error-token-rejected"_s;
        QTest::newRow("v0.0.41") << ApiVersion::V0041 << u"error-token-rejected"_s;
    }
    void tokenRejected()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, name);
        const auto d = decodeNodes(version, 500, fixture(version, name));
        QCOMPARE(d.failure, Failure::TokenRejected);
        QVERIFY(d.error.contains(u"renew it"_s));
    }

    void unauthenticated()
    {
        const auto d = decodeNodes(ApiVersion::V0038, 401, fixture(ApiVersion::V0038, u"error-no-headers"_s));
        QCOMPARE(d.failure, Failure::Unauthenticated);
        QVERIFY(d.error.contains(u"401"_s));
        // root's token under another user name is accepted by 22.05: an ordinary answer.
        QVERIFY(decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"root-token-as-nobody"_s)).ok());
    }

    void serverErrorIsNotTokenRejection()
    {
        // The same "Unspecified error" with HTTP 200 is Slurm's error, not a token problem.
        const auto ok200 = decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"error-bad-token"_s));
        QCOMPARE(ok200.failure, Failure::SlurmError);
        QCOMPARE(decodeNodes(ApiVersion::V0038, 502, "<html>Bad Gateway</html>").failure, Failure::HttpError);
        QCOMPARE(decodeNodes(ApiVersion::V0038, 404, R"({"errors":[]})").failure, Failure::HttpError);
    }

    void errorsInASuccessfulAnswer()
    {
        QByteArray body = fixture(ApiVersion::V0038, u"nodes"_s);
        body.replace(R"("errors": [
  ])",
            R"J("errors": [{"error": "Unable to contact slurm controller (connect failure)", "errno": 1001}])J");
        const auto d = decodeNodes(ApiVersion::V0038, 200, body);
        QCOMPARE(d.failure, Failure::SlurmError);
        QVERIFY(d.value.isEmpty());
        QVERIFY(d.error.contains(u"connect failure"_s));
    }

    void warnings_data() { addLaterVersions(); }
    void warnings()
    {
        QFETCH(ApiVersion, version);
        const auto d = decodeNodes(version, 200, fixture(version, u"nodes-with-warning"_s));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.size(), 1);
        QCOMPARE(d.info.warnings.size(), 1);
        const Message& w = d.info.warnings[0];
        QVERIFY(QString(w.description + w.error).contains(u"Query took longer"_s));
        QCOMPARE(w.source, u"slurm_load_node"_s);
    }

    void actions_data() { addAllVersions(); }
    void actions()
    {
        QFETCH(ApiVersion, version);
        QVERIFY(decodeActionReply(version, 200, fixture(version, u"cancel-job"_s)).ok());
        if (version != ApiVersion::V0038)
            QVERIFY(decodeActionReply(version, 200, fixture(version, u"node-update"_s)).ok());
        QCOMPARE(decodeActionReply(version, 500, fixture(version, u"job-unknown"_s)).failure, Failure::SlurmError);
    }

    void wrongVersion()
    {
        const auto d = decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0041, u"nodes"_s));
        QCOMPARE(d.failure, Failure::WrongVersion);
        QVERIFY(d.error.contains(u"v0.0.41"_s));
    }

    // Decode times of every answer (qInfo): what a poll costs for this cluster.
    void decodeTimes_data() { addAllVersions(); }
    void decodeTimes()
    {
        QFETCH(ApiVersion, version);
        for (const QString& name : { u"nodes"_s, u"partitions"_s, u"jobs"_s, u"slurmdb-jobs"_s }) {
            const QByteArray body = fixture(version, name);
            QElapsedTimer timer;
            timer.start();
            constexpr int Rounds = 50;
            bool ok = true;
            for (int i = 0; i < Rounds; ++i) {
                if (name == u"nodes")
                    ok = ok && decodeNodes(version, 200, body).ok();
                else if (name == u"partitions")
                    ok = ok && decodePartitions(version, 200, body).ok();
                else if (name == u"jobs")
                    ok = ok && decodeJobs(version, 200, body).ok();
                else
                    ok = ok && decodeSlurmdbJobs(version, 200, body).ok();
            }
            QVERIFY(ok);
            qInfo("%s %s: %lld bytes, %.3f ms per decode", qPrintable(apiVersionName(version)), qPrintable(name),
                qlonglong(body.size()), double(timer.nsecsElapsed()) / 1e6 / Rounds);
        }
    }
};

QTEST_GUILESS_MAIN(TestSlurmDecode)
#include "tst_slurmdecode.moc"
