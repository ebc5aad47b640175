// SPDX-License-Identifier: GPL-3.0-or-later
// The REAL meridian-agent acting on jobs: a configured cancel command runs
// (no shell, %j replaced) for an operator, a viewer is refused, an action with
// no command is refused with 501, a job not on the node with 409, and every
// attempt is in the agent's audit log.
#include "tests/support/processharness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Test;

namespace {
const QByteArray ViewerToken = QByteArrayLiteral("viewer-token-0123456789");
const QByteArray OperatorToken = QByteArrayLiteral("operator-token-0123456789");

void writeFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}
} // namespace

class TestAgentJobActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void viewerRefused();
    void operatorPreviewAndCancel();
    void notConfiguredOrUnknown();

private:
    QUrl url(const QString& path) const { return m_agent->url().resolved(QUrl(path)); }
    QList<QJsonObject> audit() const;

    QTemporaryDir m_dir;
    TokenFile m_token;
    std::unique_ptr<ServerProcess> m_agent;
};

void TestAgentJobActions::initTestCase()
{
    const QString mapping = m_dir.filePath(QStringLiteral("mapping"));
    QVERIFY(QDir().mkpath(mapping + QStringLiteral("/jobs")));
    writeFile(mapping + QStringLiteral("/0"), "job-77\n");
    writeFile(mapping + QStringLiteral("/1"), "job-77\n");
    writeFile(mapping + QStringLiteral("/jobs/job-77.json"),
        R"({"name": "llm-pretrain-7b", "tenant": "acme", "kind": "training", "state": "running"})");
    const QString smi = m_dir.filePath(QStringLiteral("nvidia-smi"));
    writeFile(smi, "#!/bin/sh\nexec cat '" MERIDIAN_FIXTURES_DIR "/nvidia-smi/h800-8gpu.csv'\n", true);
    writeSecretFile(
        m_dir.filePath(QStringLiteral("tokens")), "viewer " + ViewerToken + "\noperator " + OperatorToken + "\n");
    // The "scheduler": records its arguments, so the test sees exactly what ran.
    const QString scancel = m_dir.filePath(QStringLiteral("scancel"));
    writeFile(scancel,
        "#!/bin/sh\nprintf '%s|' \"$@\" > '" + m_dir.filePath(QStringLiteral("ran")).toUtf8()
            + "'\necho cancelled \"$1\"\n",
        true);
    m_agent = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_AGENT_BIN),
        QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
            m_token.path(), QStringLiteral("--tokens-file"), m_dir.filePath(QStringLiteral("tokens")),
            QStringLiteral("--audit-log"), m_dir.filePath(QStringLiteral("audit.jsonl")), QStringLiteral("--interval"),
            QStringLiteral("1"), QStringLiteral("--npu-smi"), QStringLiteral("none"), QStringLiteral("--nvidia-smi"),
            smi, QStringLiteral("--job-mapping-dir"), mapping, QStringLiteral("--node-id"), QStringLiteral("gpu-01"),
            QStringLiteral("--cancel-command"), scancel + QStringLiteral(" --signal=TERM %j") });
    QVERIFY2(m_agent->start(), qPrintable(m_agent->error()));
    QTRY_VERIFY_WITH_TIMEOUT(
        httpGet(url(QStringLiteral("api/v1/snapshot")), m_token.token()).body.contains("job-77"), 20000);
}

QList<QJsonObject> TestAgentJobActions::audit() const
{
    QList<QJsonObject> out;
    QFile f(m_dir.filePath(QStringLiteral("audit.jsonl")));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
    return out;
}

void TestAgentJobActions::viewerRefused()
{
    const qsizetype before = audit().size();
    const HttpResult r = httpPost(url(QStringLiteral("api/v1/jobs/job-77/cancel")), {}, ViewerToken);
    QCOMPARE(r.status, 403);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ran"))));
    const QList<QJsonObject> log = audit();
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(log.last().value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
}

void TestAgentJobActions::operatorPreviewAndCancel()
{
    const HttpResult preview = httpPost(
        url(QStringLiteral("api/v1/jobs/job-77/cancel")), { { QStringLiteral("dryRun"), true } }, OperatorToken);
    QCOMPARE(preview.status, 200);
    const QJsonObject p = QJsonDocument::fromJson(preview.body).object();
    QCOMPARE(p.value(QStringLiteral("accelerators")).toInt(), 2);
    QCOMPARE(p.value(QStringLiteral("command")).toArray().last().toString(), QStringLiteral("job-77"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ran"))));

    const HttpResult done = httpPost(url(QStringLiteral("api/v1/jobs/job-77/cancel")), {}, OperatorToken);
    QCOMPARE(done.status, 200);
    const QJsonObject d = QJsonDocument::fromJson(done.body).object();
    QCOMPARE(d.value(QStringLiteral("output")).toString(), QStringLiteral("cancelled --signal=TERM"));
    QFile ran(m_dir.filePath(QStringLiteral("ran")));
    QVERIFY(ran.open(QIODevice::ReadOnly));
    QCOMPARE(ran.readAll(), QByteArray("--signal=TERM|job-77|")); // arguments, not a shell line
    const QList<QJsonObject> log = audit();
    QCOMPARE(log[log.size() - 2].value(QStringLiteral("outcome")).toString(), QStringLiteral("previewed"));
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("performed"));
    QCOMPARE(log.last().value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
}

void TestAgentJobActions::notConfiguredOrUnknown()
{
    const HttpResult requeue = httpPost(url(QStringLiteral("api/v1/jobs/job-77/requeue")), {}, OperatorToken);
    QCOMPARE(requeue.status, 501);
    QVERIFY2(requeue.body.contains("requeue-command"), requeue.body.constData());
    QCOMPARE(httpPost(url(QStringLiteral("api/v1/jobs/job-99/cancel")), {}, OperatorToken).status, 409);
    QCOMPARE(audit().last().value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
}

QTEST_GUILESS_MAIN(TestAgentJobActions)
#include "tst_agentjobactions.moc"
