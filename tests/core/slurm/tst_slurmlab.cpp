// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder against a real Slurm 22.05 (Debian 12) started by the test: after GPU jobs, a drained node, a
// killed slurmd, a requeue and a cancel, what the decoder makes of slurmrestd's answers equals what
// `scontrol show node`, `sinfo` and `squeue` print: nodes by state and reason, GPUs total and allocated per
// partition, jobs by state. Every wait polls a condition with a deadline.

#include "core/sources/slurm/hostlist.h"
#include "core/sources/slurm/slurmdecode.h"
#include "tests/support/slurmlab.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace Meridian::Slurm;
using namespace Meridian::Test;
using namespace Qt::StringLiterals;

namespace {

// What both sides must agree on, as comparable text maps.
struct Picture
{
    QMap<QString, QString> nodes; ///< name → "STATE+FLAGS|reason"
    QMap<QString, QString> partitions; ///< name → "nodes|gpus total|gpus allocated"
    QMap<QString, QString> jobs; ///< id → "STATE|reason|user|account|partition|nodes"
    QMap<QString, int> jobsByState;
    friend bool operator==(const Picture&, const Picture&) = default;
};

// "ReqNodeNotAvail, UnavailableNodes:n[1,4]": the node list is computed by whoever prints it, at its own moment
// (squeue from its node query, slurmctld when it last scheduled); the reason is the word before it.
QString withoutUnavailableNodes(QString text)
{
    static const QRegularExpression unavailable(u", UnavailableNodes:[^|]*"_s);
    return text.remove(unavailable);
}

QString sortedWords(QStringList words)
{
    words.removeAll(QString());
    words.sort();
    return words.join(u'+');
}

// GPUs in a GRES text of `scontrol show node -d` (Gres=gpu:h100:4, GresUsed=gpu:h100:2(IDX:0-1)). The node's
// TRES would be simpler, but it counts gres/gpu only with accounting (AccountingStorageTRES needs slurmdbd).
qint64 gpus(const QString& gres)
{
    return gresCount(parseGres(gres).gres);
}

// `scontrol show node -d -o`: one line per node, "Key=value" pairs; Reason= runs to the end ("text [user@time]").
QMap<QString, QHash<QString, QString>> scontrolNodes(const SlurmLab& lab)
{
    QMap<QString, QHash<QString, QString>> nodes;
    const SlurmLab::Run r = lab.scontrol({ u"show"_s, u"node"_s, u"-d"_s, u"-o"_s });
    for (const QString& line : QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts)) {
        QHash<QString, QString> fields;
        QString rest = line;
        if (const qsizetype reason = rest.indexOf(u" Reason="_s); reason >= 0) {
            QString text = rest.mid(reason + 8);
            text = text.left(text.lastIndexOf(u" ["_s) >= 0 ? text.lastIndexOf(u" ["_s) : text.size());
            fields.insert(u"Reason"_s, text.trimmed());
            rest = rest.left(reason);
        }
        for (const QString& pair : rest.split(u' ', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq > 0)
                fields.insert(pair.left(eq), pair.mid(eq + 1));
        }
        nodes.insert(fields.value(u"NodeName"_s), fields);
    }
    return nodes;
}

Picture fromCommands(const SlurmLab& lab)
{
    Picture p;
    const auto nodes = scontrolNodes(lab);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        p.nodes.insert(it.key(), sortedWords(it->value(u"State"_s).split(u'+')) + u'|' + it->value(u"Reason"_s));
    const SlurmLab::Run parts = lab.sinfo({ u"-h"_s, u"-o"_s, u"%R|%N"_s });
    for (const QString& line : QString::fromUtf8(parts.out).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u'|');
        const QStringList members = expandHostlist(f.value(1)).names;
        qint64 total = 0, used = 0;
        for (const QString& n : members) {
            total += gpus(nodes.value(n).value(u"Gres"_s));
            used += gpus(nodes.value(n).value(u"GresUsed"_s));
        }
        p.partitions.insert(f.value(0),
            QStringLiteral("%1|%2|%3").arg(members.join(u','), QString::number(total), QString::number(used)));
    }
    const SlurmLab::Run jobs
        = lab.squeue({ u"-h"_s, u"-t"_s, u"all"_s, u"--array"_s, u"-o"_s, u"%A|%T|%r|%u|%a|%P|%N"_s });
    for (const QString& line : QString::fromUtf8(jobs.out).split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype bar = line.indexOf(u'|');
        // squeue prints an unset account as "(null)".
        p.jobs.insert(line.left(bar), withoutUnavailableNodes(line.mid(bar + 1).replace(u"|(null)|"_s, u"||"_s)));
        ++p.jobsByState[line.mid(bar + 1).section(u'|', 0, 0)];
    }
    return p;
}

QString stateWord(const Job& job)
{
    // v0.0.38 writes one word, the flag when one is set: the word squeue prints.
    return job.state == JobState::Unknown && !job.stateFlags.isEmpty() ? job.stateFlags.front()
                                                                       : jobStateName(job.state);
}

bool fromRest(const SlurmLab& lab, Picture* p, QString* error)
{
    const ApiVersion v = ApiVersion::V0038;
    const auto nodes = decodeNodes(v, lab.get(u"slurm/v0.0.38/nodes"_s).status, lab.get(u"slurm/v0.0.38/nodes"_s).body);
    const auto parts = decodePartitions(v, 200, lab.get(u"slurm/v0.0.38/partitions"_s).body);
    const auto jobs = decodeJobs(v, 200, lab.get(u"slurm/v0.0.38/jobs"_s).body);
    for (const QString& e : { nodes.error, parts.error, jobs.error }) {
        if (!e.isEmpty()) {
            *error = e;
            return false;
        }
    }
    QHash<QString, Node> byName;
    for (const Node& n : nodes.value) {
        byName.insert(n.name, n);
        QStringList words { nodeStateName(n.state).toUpper() };
        for (NodeFlag f : { NodeFlag::Drain, NodeFlag::Completing, NodeFlag::NotResponding, NodeFlag::Fail,
                 NodeFlag::Maintenance, NodeFlag::Reserved, NodeFlag::Planned, NodeFlag::PoweredDown,
                 NodeFlag::PoweringDown, NodeFlag::PoweringUp, NodeFlag::RebootRequested, NodeFlag::RebootIssued,
                 NodeFlag::Cloud, NodeFlag::InvalidRegistration }) {
            if (n.flags.testFlag(f))
                words.append(nodeFlagName(f));
        }
        words += n.otherFlags;
        p->nodes.insert(n.name, sortedWords(words) + u'|' + n.reason);
    }
    for (const Partition& part : parts.value) {
        qint64 total = 0, used = 0;
        for (const QString& n : part.nodes) {
            total += gresCount(byName.value(n).gres);
            used += gresCount(byName.value(n).gresUsed);
        }
        p->partitions.insert(part.name,
            QStringLiteral("%1|%2|%3").arg(part.nodes.join(u','), QString::number(total), QString::number(used)));
    }
    for (const Job& j : jobs.value) {
        const QString state = stateWord(j);
        p->jobs.insert(QString::number(j.id),
            QStringList { state, j.reason, j.user, j.account, j.partition, compressHostlist(j.nodes) }.join(u'|'));
        ++p->jobsByState[state];
    }
    return true;
}

bool waitFor(int timeoutMs, const std::function<bool()>& condition)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(200);
    }
    return true;
}

} // namespace

class TestSlurmLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = SlurmLab::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_lab = std::make_unique<SlurmLab>();
        QString error;
        QVERIFY2(m_lab->start(&error), qPrintable(error));
        qInfo("lab of 4 nodes started in %lld ms", m_lab->startMs());
    }

    void cleanupTestCase()
    {
        if (!m_lab)
            return;
        QString error;
        QVERIFY2(m_lab->stop(&error), qPrintable(error));
        qInfo("lab stopped in %lld ms", m_lab->stopMs());
    }

    void discoveryAndAuthentication()
    {
        const SlurmLab::Http doc = m_lab->get(u"openapi/v3"_s);
        const auto d = decodeDiscovery(doc.status, doc.body);
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.value.best(), ApiVersion::V0038);
        QVERIFY(!d.value.nodeUpdate);
        QCOMPARE(versionFromAnswer(m_lab->get(u"slurm/v0.0.38/ping"_s).body), ApiVersion::V0038);

        QByteArray bad = m_lab->token();
        bad.chop(6);
        bad += "AAAAAA";
        const SlurmLab::Http rejected = m_lab->get(u"slurm/v0.0.38/nodes"_s, m_lab->user(), bad);
        QCOMPARE(decodeNodes(ApiVersion::V0038, rejected.status, rejected.body).failure, Failure::TokenRejected);
        const SlurmLab::Http anonymous = m_lab->get(u"slurm/v0.0.38/nodes"_s, QString(), QByteArray());
        QCOMPARE(decodeNodes(ApiVersion::V0038, anonymous.status, anonymous.body).failure, Failure::Unauthenticated);
        const SlurmLab::Http unknown = m_lab->get(u"slurm/v0.0.38/job/999999"_s);
        QCOMPARE(decodeJobs(ApiVersion::V0038, unknown.status, unknown.body).failure, Failure::SlurmError);
    }

    void busyAndBrokenClusterMatchesTheCommands()
    {
        SlurmLab& lab = *m_lab;
        const qint64 train
            = lab.submit({ u"-J"_s, u"train"_s, u"--gres=gpu:2"_s, u"-t"_s, u"60"_s, u"--wrap"_s, u"sleep 600"_s });
        const qint64 wide
            = lab.submit({ u"-J"_s, u"wide"_s, u"-N"_s, u"2"_s, u"--gres=gpu:h100:4"_s, u"--wrap"_s, u"sleep 600"_s });
        const qint64 sweep
            = lab.submit({ u"-J"_s, u"sweep"_s, u"--array=0-1"_s, u"--gres=gpu:1"_s, u"--wrap"_s, u"sleep 600"_s });
        const qint64 cancel = lab.submit({ u"-J"_s, u"cancel"_s, u"--gres=gpu:1"_s, u"--wrap"_s, u"sleep 600"_s });
        const qint64 requeue
            = lab.submit({ u"-J"_s, u"requeue"_s, u"--requeue"_s, u"--gres=gpu:1"_s, u"--wrap"_s, u"sleep 600"_s });
        const qint64 fails = lab.submit({ u"-J"_s, u"fails"_s, u"--wrap"_s, u"exit 3"_s });
        QVERIFY(train && wide && sweep && cancel && requeue && fails);
        const auto jobState = [&lab](qint64 id) {
            const QString out = QString::fromUtf8(lab.scontrol({ u"show"_s, u"job"_s, QString::number(id) }).out);
            return out.section(u"JobState="_s, 1).section(u' ', 0, 0);
        };
        QVERIFY(waitFor(30000, [&] {
            return jobState(train) == u"RUNNING" && jobState(cancel) == u"RUNNING" && jobState(requeue) == u"RUNNING"
                && jobState(fails) == u"FAILED";
        }));

        QCOMPARE(lab.run(u"scancel"_s, { QString::number(cancel) }).exitCode, 0);
        QCOMPARE(lab.scontrol({ u"requeue"_s, QString::number(requeue) }).exitCode, 0);
        const QString trainNode
            = QString::fromUtf8(lab.squeue({ u"-h"_s, u"-j"_s, QString::number(train), u"-o"_s, u"%N"_s }).out)
                  .trimmed();
        QCOMPARE(
            lab.scontrol({ u"update"_s, u"nodename="_s + trainNode, u"state=drain"_s, u"reason=meridian test drain"_s })
                .exitCode,
            0);
        const QString victim = trainNode == u"n4" ? u"n3"_s : u"n4"_s;
        QVERIFY(lab.killSlurmd(victim));
        QVERIFY(waitFor(30000, [&] { return jobState(cancel) == u"CANCELLED"; }));
        QVERIFY(waitFor(30000, [&] {
            return QString::fromUtf8(lab.scontrol({ u"show"_s, u"job"_s, QString::number(requeue) }).out)
                .contains(u"Restarts=1"_s);
        }));
        QElapsedTimer failing;
        failing.start();
        QVERIFY(waitFor(
            60000, [&] { return scontrolNodes(lab).value(victim).value(u"State"_s).contains(u"NOT_RESPONDING"_s); }));
        qInfo("killed slurmd of %s: NOT_RESPONDING after %lld ms", qPrintable(victim), failing.elapsed());

        // Both views are taken a moment apart while Slurm moves on: they must agree at some moment.
        Picture commands, rest;
        QString error;
        const bool agreed = waitFor(30000, [&] {
            commands = fromCommands(lab);
            rest = Picture();
            return fromRest(lab, &rest, &error) && rest == commands;
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rest.nodes, commands.nodes);
        QCOMPARE(rest.partitions, commands.partitions);
        QCOMPARE(rest.jobs, commands.jobs);
        QCOMPARE(rest.jobsByState, commands.jobsByState);
        QVERIFY(agreed);
        // What the scenario made, seen through the decoder.
        QVERIFY(rest.nodes.value(trainNode).contains(u"DRAIN"_s));
        QVERIFY(rest.nodes.value(trainNode).endsWith(u"|meridian test drain"_s));
        QVERIFY(rest.nodes.value(victim).contains(u"NOT_RESPONDING"_s));
        QVERIFY(rest.jobsByState.value(u"CANCELLED"_s) >= 1);
        QVERIFY(rest.jobsByState.value(u"FAILED"_s) >= 1);
        QVERIFY(rest.jobsByState.value(u"RUNNING"_s) >= 1);
        for (auto it = rest.partitions.cbegin(); it != rest.partitions.cend(); ++it)
            qInfo("partition %s: nodes|gpus|allocated = %s", qPrintable(it.key()), qPrintable(it.value()));

        const auto job
            = decodeJob(ApiVersion::V0038, requeue, 200, lab.get(u"slurm/v0.0.38/job/%1"_s.arg(requeue)).body);
        QVERIFY2(job.ok(), qPrintable(job.error));
        QCOMPARE(job.value.restartCount, 1);
        const auto failed
            = decodeJob(ApiVersion::V0038, fails, 200, lab.get(u"slurm/v0.0.38/job/%1"_s.arg(fails)).body);
        QCOMPARE(failed.value.exitCode, 3);
    }

private:
    std::unique_ptr<SlurmLab> m_lab;
};

QTEST_GUILESS_MAIN(TestSlurmLab)
#include "tst_slurmlab.moc"
