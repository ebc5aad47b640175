// SPDX-License-Identifier: GPL-3.0-or-later
// The Slurm source and the Slurm action client against a real Slurm 22.05 (Debian 12) started once for this
// program (tests/support/labs/slurm-lab.sh): a console session with a slurm source sees the lab's nodes,
// its partitions as pools, a submitted job with its nodes and GPUs, a drained node with its reason, and a
// rejected JWT as "token rejected"; actions go to slurmrestd (cancel) or, where v0.0.38 has no call (drain,
// resume, requeue), come back with the exact scontrol command, which the test then runs to prove it.

#include "core/model/fleettypes.h"
#include "core/session/actionservice.h"
#include "core/session/fleetsession.h"
#include "core/session/jobdetails.h"
#include "core/sources/slurm/hostlist.h"
#include "core/sources/slurmsource.h"
#include "core/store/fleetstore.h"
#include "tests/support/processharness.h"
#include "tests/support/slurmlab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Meridian;
using namespace Meridian::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 30000;

QString jobField(const SlurmLab& lab, qint64 id, const QString& key)
{
    const QString out = QString::fromUtf8(lab.scontrol({ u"show"_s, u"job"_s, QString::number(id) }).out);
    return out.section(key + u'=', 1).section(u' ', 0, 0).trimmed();
}

QString nodeField(const SlurmLab& lab, const QString& node, const QString& key)
{
    const QString out = QString::fromUtf8(lab.scontrol({ u"show"_s, u"node"_s, node, u"-o"_s }).out);
    return out.section(key + u'=', 1).section(u' ', 0, 0).trimmed();
}

} // namespace

class TestSlurmSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        registerCoreMetaTypes();
        if (const QString why = SlurmLab::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_lab = std::make_unique<SlurmLab>();
        QString error;
        QVERIFY2(m_lab->start(&error), qPrintable(error));
        m_token = std::make_unique<TokenFile>(m_lab->token());
        QVERIFY(m_cache.isValid());
        m_session = std::make_unique<FleetSession>();
        QVERIFY2(m_session->open(m_cache.path(), &error), qPrintable(error));
        m_session->setSources({ config() });
    }

    void cleanupTestCase()
    {
        m_session.reset();
        if (!m_lab)
            return;
        QString error;
        QVERIFY2(m_lab->stop(&error), qPrintable(error));
    }

    void sessionSeesNodesAndPartitionsAsPools()
    {
        const FleetStore* store = m_session->store();
        const auto up = [store](const QString& id) {
            const FleetNode* n = store->node(id);
            return n && n->status == AgentStatus::Up;
        };
        QTRY_VERIFY_WITH_TIMEOUT(up(u"n1"_s) && up(u"n2"_s) && up(u"n3"_s) && up(u"n4"_s), WaitMs);
        QCOMPARE(store->nodes().size(), 4);
        const FleetNode* n4 = store->node(u"n4"_s);
        QCOMPARE(n4->inventory.pool, u"gpu"_s); // n4 is in the "gpu" partition only
        QCOMPARE(n4->inventory.region, u"lab"_s);
        QCOMPARE(n4->inventory.accelerators.size(), 4);
        QCOMPARE(n4->snapshot.sample.accelerators.size(), 4);
        QCOMPARE(n4->inventory.accelerators.front().model, u"a100"_s);
        QVERIFY2(n4->inventory.agentVersion.contains(u"22.05"_s) && n4->inventory.agentVersion.contains(u"v0.0.38"_s),
            qPrintable(n4->inventory.agentVersion));
        QCOMPARE(store->node(u"n1"_s)->inventory.pool, u"first"_s); // the configured prefix rule
        QCOMPARE(store->sourceFor(u"n4"_s, NodeFacet::Scheduling), u"lab"_s);
        // An idle cluster: every GPU free, none faulty.
        QTRY_COMPARE_WITH_TIMEOUT(store->summary().models.size(), 2, WaitMs);
        int total = 0, free = 0;
        for (const ModelCapacity& m : store->summary().models) {
            total += m.total;
            free += m.free;
        }
        QCOMPARE(total, 16);
        QCOMPARE(free, 16);
        QVERIFY(store->hasJobList());
    }

    void submittedJobShowsWithItsNodesAndGpus()
    {
        const qint64 id = m_lab->submit(
            { u"-J"_s, u"train"_s, u"-N"_s, u"2"_s, u"--gres=gpu:2"_s, u"-t"_s, u"60"_s, u"--wrap"_s, u"sleep 600"_s });
        QVERIFY(id > 0);
        const QString jobId = QString::number(id);
        const FleetStore* store = m_session->store();
        const auto running = [&] {
            const auto it = store->jobs().constFind(jobId);
            return it != store->jobs().cend() && it->state == u"running" && it->nodes.size() == 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(running(), WaitMs);
        const Protocol::JobRecord job = store->jobs().value(jobId);
        QCOMPARE(job.name, u"train"_s);
        QCOMPARE(job.user, m_lab->user());
        QCOMPARE(job.acceleratorsAllocated, 4);
        const QString squeueNodes
            = QString::fromUtf8(m_lab->squeue({ u"-h"_s, u"-j"_s, jobId, u"-o"_s, u"%N"_s }).out).trimmed();
        QCOMPARE(job.nodes, Slurm::expandHostlist(squeueNodes).names);
        QCOMPARE(store->sourceForJob(jobId), u"lab"_s);
        // Each of its nodes shows two GPUs held by it.
        for (const QString& node : job.nodes) {
            const auto held = [&] {
                int count = 0;
                for (const Protocol::AcceleratorSample& s : store->node(node)->snapshot.sample.accelerators)
                    count += s.jobId == jobId;
                return count;
            };
            QTRY_COMPARE_WITH_TIMEOUT(held(), 2, WaitMs);
            QCOMPARE(store->node(node)->snapshot.jobs.size(), 1);
        }
        // Its detail: the history the source watched, and the answer says that is all there is.
        QSignalSpy detail(m_session->jobDetails(), &JobDetails::answered);
        m_session->jobDetails()->request(jobId);
        QVERIFY(detail.wait(WaitMs));
        const auto answer = detail.front().front().value<JobDetailAnswer>();
        QCOMPARE(int(answer.kind), int(JobDetailAnswer::Watched));
        QCOMPARE(answer.source, u"lab"_s);

        QCOMPARE(m_lab->run(u"scancel"_s, { jobId }).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(store->jobs().value(jobId).state, u"cancelled"_s, WaitMs);
    }

    void drainedNodeShowsDrainedWithItsReason()
    {
        QCOMPARE(
            m_lab->scontrol({ u"update"_s, u"nodename=n2"_s, u"state=drain"_s, u"reason=hbm ecc on gpu 3"_s }).exitCode,
            0);
        const FleetStore* store = m_session->store();
        QTRY_VERIFY_WITH_TIMEOUT(store->node(u"n2"_s)->snapshot.sample.state == NodeState::Draining, WaitMs);
        QCOMPARE(store->node(u"n2"_s)->snapshot.stateReason, u"hbm ecc on gpu 3"_s);
        QCOMPARE(m_lab->scontrol({ u"update"_s, u"nodename=n2"_s, u"state=resume"_s }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(store->node(u"n2"_s)->snapshot.sample.state == NodeState::Up, WaitMs);
        QVERIFY(store->node(u"n2"_s)->snapshot.stateReason.isEmpty());
    }

    void rejectedTokenSaysSo()
    {
        QByteArray bad = m_lab->token();
        bad.chop(6);
        bad += "AAAAAA";
        TokenFile badToken(bad);
        SourceConfig c = config();
        c.name = u"bad-token"_s;
        c.tokenFile = badToken.path();
        SlurmSource source(c);
        FleetStore store;
        store.setCoalescingInterval(0);
        connect(&source, &Source::updateReady, &store, &FleetStore::applyUpdate);
        source.start();
        const auto status = [&store] {
            const FleetNode* n = store.node(u"bad-token"_s);
            return n ? n->status : AgentStatus::Unknown;
        };
        QTRY_VERIFY_WITH_TIMEOUT(status() == AgentStatus::Unauthorized, WaitMs);
        const QString error = store.node(u"bad-token"_s)->lastError;
        QVERIFY2(error.contains(u"rejected the token"_s) && error.contains(u"renew"_s), qPrintable(error));
        source.stop();
    }

    void cancelGoesThroughSlurmrestd()
    {
        const qint64 id = m_lab->submit({ u"-J"_s, u"victim"_s, u"--gres=gpu:1"_s, u"--wrap"_s, u"sleep 600"_s });
        QVERIFY(id > 0);
        const QString jobId = QString::number(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->jobs().value(jobId).state, u"running"_s, WaitMs);

        const ActionReply preview = act({ ActionKind::CancelJob, jobId, {}, true });
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        const JobActionPreview p = JobActionPreview::fromJson(preview.body);
        QCOMPARE(p.stateBefore, u"running"_s);
        QCOMPARE(p.accelerators, 1);
        QCOMPARE(p.nodes.size(), 1);
        QVERIFY(preview.manualCommand.isEmpty());
        QCOMPARE(jobField(*m_lab, id, u"JobState"_s), u"RUNNING"_s); // a preview changes nothing

        const ActionReply done = act({ ActionKind::CancelJob, jobId, {}, false });
        QVERIFY2(done.ok(), qPrintable(done.error));
        QCOMPARE(JobActionPreview::fromJson(done.body).stateAfter, u"cancelled"_s);
        QTRY_COMPARE_WITH_TIMEOUT(jobField(*m_lab, id, u"JobState"_s), u"CANCELLED"_s, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->jobs().value(jobId).state, u"cancelled"_s, WaitMs);
    }

    void drainAndResumeGiveTheExactScontrolCommand()
    {
        const qint64 id
            = m_lab->submit({ u"-J"_s, u"on-n3"_s, u"-w"_s, u"n3"_s, u"--gres=gpu:3"_s, u"--wrap"_s, u"sleep 600"_s });
        QVERIFY(id > 0);
        const QString jobId = QString::number(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->jobs().value(jobId).state, u"running"_s, WaitMs);

        // The preview lists the jobs drain would leave running, and says the console cannot do it itself.
        const ActionReply preview = act({ ActionKind::DrainNode, u"n3"_s, {}, true });
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        const NodeActionPreview p = NodeActionPreview::fromJson(preview.body);
        QCOMPARE(p.jobs.size(), 1);
        QCOMPARE(p.jobs.front().id, jobId);
        QCOMPARE(p.jobs.front().accelerators, QList<int>({ 0, 1, 2 }));
        QVERIFY2(p.effect.contains(u"no node update"_s), qPrintable(p.effect));
        QVERIFY(p.command.isEmpty()); // not a command on the node: the reply's manualCommand, for a Slurm host
        QCOMPARE(
            preview.manualCommand, u"scontrol update nodename=n3 state=drain reason='drained from Meridian by root'"_s);

        const ActionReply drain = act({ ActionKind::DrainNode, u"n3"_s, u"psu swap, ticket 'A-17'"_s, false });
        QVERIFY2(!drain.ok() && drain.status == 0, qPrintable(drain.error));
        QCOMPARE(
            drain.manualCommand, u"scontrol update nodename=n3 state=drain reason='psu swap, ticket '\\''A-17'\\'''"_s);
        QVERIFY2(drain.error.contains(drain.manualCommand), qPrintable(drain.error));
        QCOMPARE(nodeField(*m_lab, u"n3"_s, u"State"_s), u"MIXED"_s); // never pretends: nothing was done

        // The command is exact: run on a Slurm host, it does what was asked.
        QCOMPARE(m_lab->run(u"sh"_s, { u"-c"_s, drain.manualCommand }).exitCode, 0);
        const FleetStore* store = m_session->store();
        QTRY_VERIFY_WITH_TIMEOUT(store->node(u"n3"_s)->snapshot.sample.state == NodeState::Draining, WaitMs);
        QCOMPARE(store->node(u"n3"_s)->snapshot.stateReason, u"psu swap, ticket 'A-17'"_s);

        const ActionReply resume = act({ ActionKind::ResumeNode, u"n3"_s, {}, false });
        QCOMPARE(resume.manualCommand, u"scontrol update nodename=n3 state=resume"_s);
        QCOMPARE(m_lab->run(u"sh"_s, { u"-c"_s, resume.manualCommand }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(store->node(u"n3"_s)->snapshot.sample.state == NodeState::Up, WaitMs);
        QCOMPARE(m_lab->run(u"scancel"_s, { jobId }).exitCode, 0);
    }

    void requeueGivesTheScontrolCommand()
    {
        const qint64 id
            = m_lab->submit({ u"-J"_s, u"again"_s, u"--requeue"_s, u"--gres=gpu:1"_s, u"--wrap"_s, u"sleep 600"_s });
        QVERIFY(id > 0);
        const QString jobId = QString::number(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->jobs().value(jobId).state, u"running"_s, WaitMs);
        const ActionReply preview = act({ ActionKind::RequeueJob, jobId, {}, true });
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QCOMPARE(preview.manualCommand, u"scontrol requeue "_s + jobId);
        const ActionReply requeue = act({ ActionKind::RequeueJob, jobId, {}, false });
        QVERIFY2(requeue.status == 0 && !requeue.manualCommand.isEmpty(), qPrintable(requeue.error));
        QCOMPARE(requeue.manualCommand, u"scontrol requeue "_s + jobId);
        QCOMPARE(jobField(*m_lab, id, u"Restarts"_s), u"0"_s);
        QCOMPARE(m_lab->run(u"sh"_s, { u"-c"_s, requeue.manualCommand }).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(jobField(*m_lab, id, u"Restarts"_s), u"1"_s, WaitMs);
        // Requeued and waiting, or already running again: counted as an interruption either way.
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->jobs().value(jobId).interruptions, 1, WaitMs);
        // Watched as it happened: the run that was open is closed as requeued, and the interruption logged.
        const Protocol::JobRecord job = m_session->store()->jobs().value(jobId);
        QCOMPARE(job.interruptionLog.size(), 1);
        QVERIFY2(
            job.interruptionLog.front().cause.contains(u"requeued"_s), qPrintable(job.interruptionLog.front().cause));
        QVERIFY(!job.segments.isEmpty());
        QCOMPARE(job.segments.front().endReason, u"requeued"_s);
        QVERIFY(job.segments.front().endMs >= job.segments.front().startMs);
        QCOMPARE(m_lab->run(u"scancel"_s, { jobId }).exitCode, 0);
    }

    // Last: it changes the session's sources. A meridian-agent serving node n1 beside Slurm: one node n1 with
    // the agent's telemetry and Slurm's allocation and scheduling state.
    void metricsAndSchedulerMergeIntoOneNode()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Four GPUs as n1 has in Slurm: GPU 0 busy (97 %), GPU 1 idle (0 %), as nvidia-smi prints them.
        const QString smi = dir.filePath(u"nvidia-smi"_s);
        {
            QFile csv(QStringLiteral(MERIDIAN_FIXTURES_DIR "/nvidia-smi/h800-8gpu.csv"));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            QFile rows(dir.filePath(u"rows.csv"_s));
            QVERIFY(rows.open(QIODevice::WriteOnly));
            for (int i = 0; i < 4; ++i)
                rows.write(csv.readLine());
            QFile tool(smi);
            QVERIFY(tool.open(QIODevice::WriteOnly));
            tool.write("#!/bin/sh\nexec cat '" + rows.fileName().toUtf8() + "'\n");
            tool.close();
            tool.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        TokenFile agentToken;
        ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
            { u"--listen"_s, u"127.0.0.1:0"_s, u"--token-file"_s, agentToken.path(), u"--interval"_s, u"1"_s,
                u"--node-id"_s, u"n1"_s, u"--region"_s, u"east"_s, u"--pool"_s, u"train"_s, u"--npu-smi"_s, u"none"_s,
                u"--nvidia-smi"_s, smi });
        QVERIFY2(agent.start(), qPrintable(agent.error()));
        SourceConfig metrics;
        metrics.name = u"agent-n1"_s;
        metrics.kind = SourceConfig::Kind::Agent;
        metrics.url = agent.url();
        metrics.tokenFile = agentToken.path();
        metrics.intervalMs = 1000;
        m_session->setSources({ config(), metrics });

        const qint64 id
            = m_lab->submit({ u"-J"_s, u"merge"_s, u"-w"_s, u"n1"_s, u"--gres=gpu:2"_s, u"--wrap"_s, u"sleep 600"_s });
        QVERIFY(id > 0);
        const QString jobId = QString::number(id);
        const FleetStore* store = m_session->store();
        const auto merged = [&] {
            const FleetNode* n = store->node(u"n1"_s);
            if (!n || store->facts(u"n1"_s).size() != 2 || n->snapshot.sample.accelerators.size() != 4)
                return false;
            const auto& chips = n->snapshot.sample.accelerators;
            return chips[0].jobId == jobId && chips[1].jobId == jobId && chips[2].jobId.isEmpty();
        };
        const auto describe = [&]() -> QString {
            const FleetNode* n = store->node(u"n1"_s);
            QStringList chips;
            for (const Protocol::AcceleratorSample& c :
                n ? n->snapshot.sample.accelerators : QList<Protocol::AcceleratorSample>())
                chips.append(QStringLiteral("%1:%2:%3").arg(c.index).arg(c.jobId).arg(c.utilization));
            QStringList facts;
            for (const NodeFacts& f : store->facts(u"n1"_s))
                facts.append(f.source + u'/' + toString(f.status) + u'/' + f.error);
            return facts.join(u", "_s) + u" chips "_s + chips.join(u' ');
        };
        QTRY_VERIFY2_WITH_TIMEOUT(merged(), qPrintable(describe()), WaitMs);
        const FleetNode* n1 = store->node(u"n1"_s);
        // Utilization from the agent, allocation from Slurm: GPU 1 is allocated but idle.
        QCOMPARE(n1->snapshot.sample.accelerators[0].utilization, 97.0);
        QCOMPARE(n1->snapshot.sample.accelerators[1].utilization, 0.0);
        QCOMPARE(n1->inventory.region, u"east"_s); // placement from the agent
        QCOMPARE(n1->inventory.accelerators.front().model, u"H800"_s); // hardware as measured
        QCOMPARE(n1->source, u"agent-n1"_s); // history and events are the agent's
        QCOMPARE(store->sourceFor(u"n1"_s, NodeFacet::Scheduling), u"lab"_s);
        QCOMPARE(store->sourceFor(u"n1"_s, NodeFacet::Telemetry), u"agent-n1"_s);
        QCOMPARE(n1->snapshot.jobs.size(), 1);
        QCOMPARE(n1->snapshot.jobs.front().jobId, jobId);
        // Nodes only Slurm knows stay, counted.
        QVERIFY(store->node(u"n2"_s) && store->node(u"n2"_s)->status == AgentStatus::Up);
        QCOMPARE(store->nodes().size(), 4);
        checkSourceSeesTheClusterAndTheNodesWithoutMetrics(metrics, dir.path());

        // Drained in Slurm: the node is draining with Slurm's reason, though its agent says up.
        QCOMPARE(
            m_lab->scontrol({ u"update"_s, u"nodename=n1"_s, u"state=drain"_s, u"reason=merge test"_s }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(store->node(u"n1"_s)->snapshot.sample.state == NodeState::Draining, WaitMs);
        QCOMPARE(store->node(u"n1"_s)->snapshot.stateReason, u"merge test"_s);
        QCOMPARE(m_lab->scontrol({ u"update"_s, u"nodename=n1"_s, u"state=resume"_s }).exitCode, 0);
        QCOMPARE(m_lab->run(u"scancel"_s, { jobId }).exitCode, 0);
        m_session->setSources({ config() });
    }

private:
    // `meridian check-source --source lab --json` with the agent beside it in the configuration: the Slurm
    // report's figures are squeue's and sinfo's, and the three nodes no agent serves are named as a problem.
    void checkSourceSeesTheClusterAndTheNodesWithoutMetrics(const SourceConfig& agent, const QString& dir)
    {
#ifndef MERIDIAN_CONSOLE_BIN
        Q_UNUSED(agent);
        Q_UNUSED(dir);
        qInfo("check-source not run: the console is not built here (UI-free build)");
#else
        const QJsonObject slurm { { u"name"_s, u"lab"_s }, { u"kind"_s, u"slurm"_s },
            { u"url"_s, m_lab->restUrl().toString() }, { u"user"_s, m_lab->user() },
            { u"tokenFile"_s, m_token->path() } };
        const QJsonObject metrics { { u"name"_s, agent.name }, { u"url"_s, agent.url.toString() },
            { u"tokenFile"_s, agent.tokenFile } };
        const QString config = dir + u"/console.json"_s;
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject { { u"version"_s, 1 }, { u"sources"_s, QJsonArray { slurm, metrics } } })
                       .toJson());
        file.close();
        QProcess p;
        p.start(QStringLiteral(MERIDIAN_CONSOLE_BIN),
            { u"check-source"_s, u"--config"_s, config, u"--source"_s, u"lab"_s, u"--json"_s });
        QVERIFY(p.waitForFinished(WaitMs * 3));
        const QByteArray out = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray sources = QJsonDocument::fromJson(out).object().value(u"sources"_s).toArray();
        QCOMPARE(sources.size(), 1); // --source: the agent is asked only for its node names
        const QJsonObject r = sources.at(0).toObject();
        QCOMPARE(r.value(u"kind"_s).toString(), u"slurm"_s);
        QCOMPARE(r.value(u"status"_s).toString(), u"up"_s);
        QVERIFY2(r.value(u"serverVersion"_s).toString().contains(u"v0.0.38"_s), out.constData());
        QCOMPARE(r.value(u"nodes"_s).toObject().value(u"total"_s).toInt(), 4);
        QCOMPARE(r.value(u"accelerators"_s).toObject().value(u"total"_s).toInt(), 16);
        const QJsonObject s = r.value(u"scheduler"_s).toObject();
        int byState = 0;
        for (const QJsonValue v : s.value(u"nodesByState"_s).toObject())
            byState += v.toInt();
        QCOMPARE(byState, 4);
        // Jobs by state as squeue counts them.
        QMap<QString, int> squeue;
        for (const QByteArray& line : m_lab->squeue({ u"-h"_s, u"-t"_s, u"all"_s, u"-o"_s, u"%T"_s }).out.split('\n'))
            if (!line.trimmed().isEmpty())
                ++squeue[QString::fromUtf8(line.trimmed())];
        QMap<QString, int> reported;
        const QJsonObject jobs = s.value(u"jobsByState"_s).toObject();
        for (auto it = jobs.begin(); it != jobs.end(); ++it)
            reported.insert(it.key(), it.value().toInt());
        QCOMPARE(reported, squeue);
        // Partitions as sinfo names them; the one holding n1 has the merge job's two GPUs allocated.
        QStringList sinfo = QString::fromUtf8(m_lab->sinfo({ u"-h"_s, u"-s"_s, u"-o"_s, u"%R"_s }).out)
                                .split(u'\n', Qt::SkipEmptyParts);
        sinfo.sort();
        sinfo.removeDuplicates();
        QStringList names;
        qint64 allocated = 0;
        for (const QJsonValue v : s.value(u"partitions"_s).toArray()) {
            names.append(v.toObject().value(u"name"_s).toString());
            allocated = std::max<qint64>(allocated, v.toObject().value(u"gpusAllocated"_s).toInteger());
        }
        names.sort();
        QCOMPARE(names, sinfo);
        QVERIFY(allocated >= 2);
        QCOMPARE(s.value(u"nodesWithoutMetrics"_s).toInt(), 3);
        QCOMPARE(s.value(u"nodesWithoutMetricsNamed"_s).toArray(), (QJsonArray { u"n2"_s, u"n3"_s, u"n4"_s }));
        bool named = false;
        for (const QJsonValue v : r.value(u"problems"_s).toArray())
            named |= v.toString().contains(u"3 nodes in Slurm with no metrics: n2, n3, n4"_s);
        QVERIFY2(named, out.constData());
#endif
    }

    SourceConfig config() const
    {
        SourceConfig c;
        c.name = u"lab"_s;
        c.kind = SourceConfig::Kind::Slurm;
        c.url = m_lab->restUrl();
        c.user = m_lab->user();
        c.tokenFile = m_token->path();
        c.intervalMs = 1000;
        c.pools = { { PoolRule::Match::NamePrefix, u"n1"_s, u"first"_s } };
        return c;
    }

    ActionReply act(const ActionRequest& request)
    {
        ActionService* actions = m_session->actions();
        QSignalSpy answered(actions, &ActionService::answered);
        QString why;
        if (!actions->send(request, QString(), &why)) {
            ActionReply r;
            r.error = why;
            return r;
        }
        if (!answered.wait(WaitMs))
            return {};
        return answered.front().front().value<ActionReply>();
    }

    std::unique_ptr<SlurmLab> m_lab;
    std::unique_ptr<TokenFile> m_token;
    QTemporaryDir m_cache;
    std::unique_ptr<FleetSession> m_session;
};

QTEST_GUILESS_MAIN(TestSlurmSource)
#include "tst_slurmsource.moc"
