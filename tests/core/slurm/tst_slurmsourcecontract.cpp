// SPDX-License-Identifier: GPL-3.0-or-later
// The Slurm source and action client against the API versions of Slurm 23.02-24.05 (v0.0.39-v0.0.41), which
// Debian 12 cannot run: a loopback slurmrestd answers from the contract fixtures written from SchedMD's
// schema. The version is found by probing or from openapi/v3, the cluster maps as the recorded v0.0.38 one
// does, hostile answers give their reason and keep the last good state, and node actions go over REST.

#include "core/model/fleettypes.h"
#include "core/sources/slurm/slurmdecode.h"
#include "core/sources/slurmactionclient.h"
#include "core/sources/slurmcheck.h"
#include "core/sources/slurmsource.h"
#include "core/store/fleetstore.h"
#include "tests/core/slurm/fakeslurmrestd.h"
#include "tests/core/slurm/slurmfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;
using namespace Qt::StringLiterals;
using Slurm::ApiVersion;

Q_DECLARE_METATYPE(Meridian::Slurm::ApiVersion)

namespace {

constexpr int WaitMs = 15000;
const QByteArray Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdW4iOiJtZXJpZGlhbiJ9.c2lnbmF0dXJl";

enum class Mode { Good, TokenRejected, Malformed, WrongTypes, Oversized, ErrorIn200 };

} // namespace

Q_DECLARE_METATYPE(Mode)

namespace {

// A slurmrestd of VERSION: no openapi/v3 (probing) unless DISCOVERY, fixtures for the rest.
FakeSlurmrestd::Handler slurmrestd(ApiVersion version, const Mode* mode, bool discovery = false)
{
    const QString v = Slurm::apiVersionName(version);
    return [=](const FakeSlurmrestd::Request& r) -> FakeSlurmrestd::Answer {
        const auto fixture = [version](const char* name) { return Slurm::Test::fixture(version, QLatin1String(name)); };
        if (r.path == u"/openapi/v3") {
            if (!discovery)
                return { 404, "{}" };
            const QString doc
                = QStringLiteral(R"({"paths":{"/slurm/%1/nodes":{"get":{}},"/slurm/%1/node/{node_name}":)"
                                 R"({"get":{},"post":{},"delete":{}},"/slurm/%1/job/{job_id}":{"get":{}}}})")
                      .arg(v);
            return { 200, doc.toUtf8() };
        }
        if (r.path == u"/slurm/"_s + v + u"/ping"_s)
            return { 200, fixture("node-update") }; // meta, errors, warnings: what a ping answer is read for
        if (!r.path.startsWith(u"/slurm/"_s + v + u'/'))
            return { 404, "{}" };
        const QString what = r.path.section(u'/', 3);
        if (what == u"nodes" && *mode != Mode::Good) {
            switch (*mode) {
            case Mode::TokenRejected:
                return { 500, fixture("error-token-rejected") };
            case Mode::Malformed:
                return { 200, "{\"meta\": {" };
            case Mode::WrongTypes:
                return { 200, R"({"errors":[],"warnings":[],"nodes":5})" };
            case Mode::Oversized:
                return { 200, "{\"nodes\":[" + QByteArray(2 * 1024 * 1024, ' ') + "]}" };
            case Mode::ErrorIn200:
                return { 200, fixture("job-unknown") };
            case Mode::Good:
                break;
            }
        }
        if (what == u"nodes" || what == u"partitions" || what == u"jobs")
            return { 200, fixture(qPrintable(what)) };
        if (r.method == "POST" && what.startsWith(u"node/"))
            return { 200, fixture("node-update") };
        if (r.method == "DELETE" && what.startsWith(u"job/"))
            return { 200, fixture("cancel-job") };
        return { 404, "{}" };
    };
}

struct Polled
{
    FleetStore store;
    std::unique_ptr<SlurmSource> source;
    QTemporaryDir dir;

    void start(const QUrl& url, qsizetype maxBodyBytes = qsizetype(64) * 1024 * 1024)
    {
        QFile token(dir.filePath(u"jwt"_s));
        token.open(QIODevice::WriteOnly);
        token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // a secret, as ssh would have it
        token.write(Token + '\n');
        token.close();
        SourceConfig c;
        c.name = u"cluster"_s;
        c.kind = SourceConfig::Kind::Slurm;
        c.url = url;
        c.user = u"meridian"_s;
        c.tokenFile = token.fileName();
        c.intervalMs = 200;
        store.setCoalescingInterval(0);
        source = std::make_unique<SlurmSource>(c, SlurmSourceOptions { maxBodyBytes });
        QObject::connect(source.get(), &Source::updateReady, &store, &FleetStore::applyUpdate);
        source->start();
    }
    const FleetNode* node(const QString& id) const { return store.node(id); }
    AgentStatus status(const QString& id) const { return node(id) ? node(id)->status : AgentStatus::Unknown; }
};

QString stateOf(const FleetNode* n)
{
    return n ? Protocol::toString(n->snapshot.sample.state) : QString();
}

} // namespace

class TestSlurmSourceContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void versionFoundByProbingAndClusterMapped_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addRow("v0.0.39") << ApiVersion::V0039;
        QTest::addRow("v0.0.40") << ApiVersion::V0040;
        QTest::addRow("v0.0.41") << ApiVersion::V0041;
    }

    void versionFoundByProbingAndClusterMapped()
    {
        QFETCH(ApiVersion, version);
        const Mode mode = Mode::Good;
        FakeSlurmrestd rest(slurmrestd(version, &mode));
        QVERIFY(rest.start());
        Polled p;
        p.start(rest.url());
        QTRY_VERIFY_WITH_TIMEOUT(p.status(u"n1"_s) == AgentStatus::Up, WaitMs);
        QCOMPARE(p.store.nodes().size(), 4);
        const FleetNode* n1 = p.node(u"n1"_s);
        QVERIFY2(n1->inventory.agentVersion.endsWith(u"REST API "_s + Slurm::apiVersionName(version)),
            qPrintable(n1->inventory.agentVersion));
        QCOMPARE(stateOf(n1), u"draining"_s);
        QCOMPARE(n1->snapshot.stateReason, u"hbm ecc errors on gpu 3"_s);
        QCOMPARE(stateOf(p.node(u"n4"_s)), u"down"_s);
        QTRY_VERIFY_WITH_TIMEOUT(p.store.hasJobList(), WaitMs);
        const auto recorded
            = Slurm::decodeJobs(ApiVersion::V0038, 200, Slurm::Test::fixture(ApiVersion::V0038, u"jobs"_s));
        QCOMPARE(p.store.jobs().size(), recorded.value.size());
        // Newest first: every newer version was asked for its ping before this one answered.
        QStringList pings;
        for (const FakeSlurmrestd::Request& r : rest.requests()) {
            if (r.path.endsWith(u"/ping"))
                pings.append(r.path.section(u'/', 2, 2));
            // slurmrestd's headers, and no bearer token beside them.
            QCOMPARE(r.headers.value("x-slurm-user-name"), QByteArray("meridian"));
            QCOMPARE(r.headers.value("x-slurm-user-token"), Token);
            QVERIFY(!r.headers.contains("authorization"));
        }
        QCOMPARE(pings.last(), Slurm::apiVersionName(version));
        QCOMPARE(pings.first(), u"v0.0.41"_s);

        // Stopped in the middle of a round and started again: it polls again.
        p.source->stop();
        const qsizetype before = rest.requests().size();
        p.source->start();
        QTRY_VERIFY_WITH_TIMEOUT(rest.requests().size() >= before + 6, WaitMs);
    }

    void hostileAnswerKeepsTheLastGoodState_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<AgentStatus>("status");
        QTest::addColumn<QString>("reason");
        QTest::addRow("token rejected (500 + errors)")
            << Mode::TokenRejected << AgentStatus::Unauthorized << u"renew it"_s;
        QTest::addRow("malformed") << Mode::Malformed << AgentStatus::BadPayload << u"not usable"_s;
        QTest::addRow("wrong types") << Mode::WrongTypes << AgentStatus::BadPayload << u"nodes"_s;
        QTest::addRow("oversized") << Mode::Oversized << AgentStatus::BadPayload << u"exceeds"_s;
        QTest::addRow("errors in a 200") << Mode::ErrorIn200 << AgentStatus::Unreachable
                                         << u"Slurm reported an error"_s;
    }

    void hostileAnswerKeepsTheLastGoodState()
    {
        QFETCH(Mode, mode);
        QFETCH(AgentStatus, status);
        QFETCH(QString, reason);
        Mode serving = Mode::Good;
        FakeSlurmrestd rest(slurmrestd(ApiVersion::V0041, &serving, true));
        QVERIFY(rest.start());
        Polled p;
        p.start(rest.url(), 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(p.status(u"n1"_s) == AgentStatus::Up, WaitMs);
        const int jobs = int(p.store.jobs().size());

        serving = mode;
        QTRY_VERIFY_WITH_TIMEOUT(p.status(u"n1"_s) == status, WaitMs);
        const FleetNode* n1 = p.node(u"n1"_s);
        QVERIFY2(n1->lastError.contains(reason), qPrintable(n1->lastError));
        QCOMPARE(stateOf(n1), u"draining"_s);
        QCOMPARE(n1->snapshot.stateReason, u"hbm ecc errors on gpu 3"_s);
        QCOMPARE(n1->inventory.accelerators.size(), 4);
        QCOMPARE(int(p.store.jobs().size()), jobs);
        QCOMPARE(toString(p.status(u"n4"_s)), toString(status)); // the whole cluster: slurmrestd is the only way to it

        serving = Mode::Good;
        QTRY_VERIFY_WITH_TIMEOUT(p.status(u"n1"_s) == AgentStatus::Up, 4 * WaitMs);
        QVERIFY(p.node(u"n1"_s)->lastError.isEmpty());
    }

    // check-slurm: what sinfo and squeue say of the recorded cluster (tests/fixtures/slurm/v0.0.38/cli.txt).
    void checkReportsTheCluster()
    {
        const Mode mode = Mode::Good;
        FakeSlurmrestd rest(slurmrestd(ApiVersion::V0040, &mode, true));
        QVERIFY(rest.start());
        QTemporaryDir dir;
        QFile token(dir.filePath(u"jwt"_s));
        QVERIFY(token.open(QIODevice::WriteOnly));
        QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        token.write(Token);
        token.close();
        SlurmCheck check;
        QSignalSpy finished(&check, &SlurmCheck::finished);
        check.start(rest.url(), u"meridian"_s, token.fileName());
        QVERIFY(finished.wait(WaitMs));
        const auto report = finished.front().front().value<SlurmCheckReport>();
        QVERIFY2(report.healthy(), qPrintable(report.error));
        QCOMPARE(report.version, u"Slurm 23.11.11, REST API v0.0.40"_s);
        QVERIFY(report.nodeUpdate);
        QCOMPARE(report.nodesByState.value(u"mixed+DRAIN"_s), 1);
        QCOMPARE(report.nodesByState.value(u"mixed"_s), 1);
        QCOMPARE(report.partitions.size(), 2);
        QCOMPARE(report.partitions.front().name, u"gpu"_s);
        QCOMPARE(report.partitions.front().nodes, 4);
        QCOMPARE(report.partitions.front().gpus, 16);
        QCOMPARE(report.jobsByState.value(u"RUNNING"_s), 6);
        QCOMPARE(report.jobsByState.value(u"PENDING"_s), 2);
        QVERIFY2(report.problems.join(u'\n').contains(u"node n1 is mixed+DRAIN: hbm ecc errors on gpu 3"_s),
            qPrintable(report.problems.join(u'\n')));

        const Mode rejected = Mode::TokenRejected;
        rest.setHandler(slurmrestd(ApiVersion::V0040, &rejected, true));
        SlurmCheck again;
        QSignalSpy failed(&again, &SlurmCheck::finished);
        again.start(rest.url(), u"meridian"_s, token.fileName());
        QVERIFY(failed.wait(WaitMs));
        QVERIFY2(failed.front().front().value<SlurmCheckReport>().error.contains(u"renew"_s),
            qPrintable(failed.front().front().value<SlurmCheckReport>().error));
    }

    void nodeActionsGoOverRestFromV0039()
    {
        const Mode mode = Mode::Good;
        FakeSlurmrestd rest(slurmrestd(ApiVersion::V0041, &mode, true));
        QVERIFY(rest.start());
        SourceEndpoint to;
        to.source = u"cluster"_s;
        to.kind = SourceConfig::Kind::Slurm;
        to.base = rest.url();
        to.user = u"root"_s;
        to.token = Token;
        SlurmActionClient client;
        const auto send = [&](const ActionRequest& request) {
            QSignalSpy finished(&client, &ActionClient::finished);
            if (!client.send(to, request) || !finished.wait(WaitMs))
                return ActionReply();
            return finished.front().front().value<ActionReply>();
        };

        const ActionReply preview = send({ ActionKind::DrainNode, u"n1"_s, {}, true });
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QVERIFY(preview.manualCommand.isEmpty()); // the API can do it
        QCOMPARE(NodeActionPreview::fromJson(preview.body).jobs.size(), 3);

        const ActionReply drain = send({ ActionKind::DrainNode, u"n1"_s, u"hbm ecc errors on gpu 3"_s, false });
        QVERIFY2(drain.ok(), qPrintable(drain.error));
        const FakeSlurmrestd::Request& post = rest.requests().last();
        QCOMPARE(post.method, QByteArray("POST"));
        QCOMPARE(post.path, u"/slurm/v0.0.41/node/n1"_s);
        // The body SchedMD's openapi.json describes (node-update-request.json).
        QCOMPARE(QJsonDocument::fromJson(post.body),
            QJsonDocument::fromJson(Slurm::Test::fixture(ApiVersion::V0041, u"node-update-request"_s)));

        const ActionReply resume = send({ ActionKind::ResumeNode, u"n1"_s, {}, false });
        QVERIFY2(resume.ok(), qPrintable(resume.error));
        QCOMPARE(QJsonDocument::fromJson(rest.requests().last().body).object().value(u"state"_s).toArray(),
            QJsonArray { u"RESUME"_s });

        const ActionReply cancel = send({ ActionKind::CancelJob, u"3"_s, {}, false });
        QVERIFY2(cancel.ok(), qPrintable(cancel.error));
        QCOMPARE(rest.requests().last().method, QByteArray("DELETE"));
        QCOMPARE(rest.requests().last().path, u"/slurm/v0.0.41/job/3"_s);

        QVERIFY(!client.send(to, { ActionKind::CancelJob, u"3; rm -rf /"_s, {}, false })); // not a job id
    }
};

QTEST_GUILESS_MAIN(TestSlurmSourceContract)
#include "tst_slurmsourcecontract.moc"
