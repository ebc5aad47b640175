// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the REAL meridian-agent on loopback, with a token, a fake
// nvidia-smi that prints a recorded fixture, and a job-mapping directory.

#include "core/protocol/prometheustext.h"
#include "core/protocol/protocoljson.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Protocol;

namespace {

const QByteArray Token = "test-token-0123456789abcdef";

struct Reply
{
    int status = 0;
    QByteArray body;
};

class Agent
{
public:
    ~Agent()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    bool start(const QStringList& args)
    {
        m_process.start(QStringLiteral(MERIDIAN_AGENT_BIN), args);
        if (!m_process.waitForStarted(5000))
            return false;
        static const QRegularExpression ready(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)/$"));
        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(10000))
            out += m_process.readAllStandardOutput();
        const auto match = ready.match(QString::fromUtf8(out.split('\n').value(0)));
        if (!match.hasMatch())
            return false;
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1));
        return true;
    }

    QProcess& process() { return m_process; }

    Reply get(const QString& path, const QByteArray& token = Token)
    {
        QNetworkRequest request(QUrl(m_base + path));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = m_nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
        reply->deleteLater();
        return r;
    }

private:
    QProcess m_process;
    QNetworkAccessManager m_nam;
    QString m_base;
};

// Runs a finished agent invocation that must fail; returns its stderr.
QByteArray runFailing(const QStringList& args, int* exitCode)
{
    QProcess p;
    p.start(QStringLiteral(MERIDIAN_AGENT_BIN), args);
    p.waitForFinished(10000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardError();
}

} // namespace

class TestAgentProcess : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_tokenFile;
    QString m_fakeNvidiaSmi;
    QString m_mappingDir;

    QStringList baseArgs() const
    {
        return { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), m_tokenFile,
            QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--npu-smi"), QStringLiteral("none"),
            QStringLiteral("--nvidia-smi"), m_fakeNvidiaSmi, QStringLiteral("--job-mapping-dir"), m_mappingDir,
            QStringLiteral("--region"), QStringLiteral("east-china"), QStringLiteral("--node-id"),
            QStringLiteral("test-node") };
    }

    // promtool must accept the exposition. Its lint also flags the camelCase
    // names node_exporter and dcgm-exporter use (node_memory_MemTotal_bytes,
    // modelName, counters without _total), which Meridian keeps on purpose for dashboard compatibility:
    // those, and only those, are tolerated.
    void checkWithPromtool(const QByteArray& metrics)
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(), "promtool not found: install Debian's prometheus package");
        QProcess p;
        p.start(promtool, { QStringLiteral("check"), QStringLiteral("metrics") });
        QVERIFY(p.waitForStarted());
        p.write(metrics);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0 || p.exitCode() == 3, qPrintable(output)); // 3: lint findings only
        static const QRegularExpression tolerated(QStringLiteral(
            "^((node_memory_\\w+ metric names|DCGM_FI_DEV_\\w+ label names) should be written in 'snake_case' not "
            "'camelCase'|DCGM_FI_DEV_\\w+ counter metrics should have \"_total\" suffix)$"));
        for (const QString& line : output.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(tolerated.match(line.trimmed()).hasMatch(), qPrintable(QStringLiteral("promtool: ") + line));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("token"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        token.write(Token + "\n");
        token.close();
        m_fakeNvidiaSmi = m_dir.filePath(QStringLiteral("nvidia-smi"));
        QFile tool(m_fakeNvidiaSmi);
        QVERIFY(tool.open(QIODevice::WriteOnly));
        tool.write("#!/bin/sh\nexec cat '" MERIDIAN_FIXTURES_DIR "/nvidia-smi/h800-8gpu.csv'\n");
        tool.close();
        tool.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_mappingDir = m_dir.filePath(QStringLiteral("jobmap"));
        QVERIFY(QDir().mkpath(m_mappingDir));
        for (const char* index : { "0", "1" }) {
            QFile f(m_mappingDir + u'/' + QLatin1String(index));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("train-42\n");
        }
    }

    void endpointsDecode()
    {
        Agent agent;
        QVERIFY(agent.start(baseArgs()));

        const Reply node = agent.get(QStringLiteral("/api/v1/node"));
        QCOMPARE(node.status, 200);
        NodeInventory inv;
        DecodeResult r = Json::decodeBody(node.body, &inv);
        QVERIFY2(r, qPrintable(r.error));
        QCOMPARE(inv.nodeId, QStringLiteral("test-node"));
        QCOMPARE(inv.region, QStringLiteral("east-china"));
        QCOMPARE(inv.accelerators.size(), 8);
        QCOMPARE(inv.accelerators[1].uuid, QStringLiteral("GPU-8b2a94b2-5f21-4c0a-98c1-0b6f3e8a1d77"));
        QVERIFY(inv.cpuCount > 0);
        QCOMPARE(inv.bootId.size(), 36);

        const Reply snap = agent.get(QStringLiteral("/api/v1/snapshot"));
        QCOMPARE(snap.status, 200);
        Snapshot s;
        r = Json::decodeBody(snap.body, &s);
        QVERIFY2(r, qPrintable(r.error));
        QCOMPARE(s.sample.accelerators.size(), 8);
        QCOMPARE(s.sample.accelerators[0].jobId, QStringLiteral("train-42"));
        QVERIFY(s.sample.accelerators[2].jobId.isEmpty());
        QCOMPARE(s.jobs.size(), 1);
        QCOMPARE(s.jobs[0].accelerators, QList<int>({ 0, 1 }));
        QVERIFY(s.newestEventId >= 1);
        QVERIFY(s.sample.node.memoryTotalBytes > 0);

        const Reply events = agent.get(QStringLiteral("/api/v1/events?since=0"));
        EventsPage ev;
        r = Json::decodeBody(events.body, &ev);
        QVERIFY2(r, qPrintable(r.error));
        QCOMPARE(ev.events.value(0).kind, QStringLiteral("agent-start"));

        const Reply metrics = agent.get(QStringLiteral("/metrics"), {});
        QCOMPARE(metrics.status, 200);
        const Prometheus::ParseResult parsed = Prometheus::parse(metrics.body);
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QStringList names;
        for (const auto& sample : parsed.samples)
            names.append(QString::fromUtf8(sample.name));
        for (const char* expected : { "node_cpu_seconds_total", "node_memory_MemTotal_bytes", "node_load1",
                 "node_network_receive_bytes_total", "node_boot_time_seconds", "DCGM_FI_DEV_GPU_UTIL",
                 "DCGM_FI_DEV_ECC_SBE_AGG_TOTAL", "meridian_agent_info", "meridian_agent_scrape_duration_seconds",
                 "meridian_agent_collections_total", "meridian_accelerator_job_info" })
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        checkWithPromtool(metrics.body);
    }

    void authorization()
    {
        Agent agent;
        QVERIFY(agent.start(baseArgs()));
        QCOMPARE(agent.get(QStringLiteral("/api/v1/node"), {}).status, 401);
        const Reply wrong = agent.get(QStringLiteral("/api/v1/snapshot"), "test-token-0123456789abcdeX");
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.body.contains("error"));
        QCOMPARE(agent.get(QStringLiteral("/api/v1/samples"), "short").status, 401);
        QCOMPARE(agent.get(QStringLiteral("/metrics"), {}).status, 200);
        QCOMPARE(agent.get(QStringLiteral("/api/v1/nothing")).status, 404);
        QCOMPARE(agent.get(QStringLiteral("/api/v1/samples?limit=0")).status, 400);
        QCOMPARE(agent.get(QStringLiteral("/api/v1/samples?limit=20001")).status, 400);
        QCOMPARE(agent.get(QStringLiteral("/api/v1/events?since=abc")).status, 400);
    }

    void samplesAccumulateAndSinceWorks()
    {
        Agent agent;
        QVERIFY(agent.start(baseArgs()));
        SamplesPage page;
        QTRY_VERIFY_WITH_TIMEOUT(Json::decodeBody(agent.get(QStringLiteral("/api/v1/samples?since=0")).body, &page)
                && page.samples.size() >= 3,
            15000);
        QCOMPARE(page.samples.first().seq, 1);
        QCOMPARE(page.oldestSeq, 1);
        const QString instance = page.instanceId;
        QVERIFY(!instance.isEmpty());
        const qint64 cursor = page.samples.at(1).seq;
        SamplesPage rest;
        QVERIFY(Json::decodeBody(agent.get(QStringLiteral("/api/v1/samples?since=%1").arg(cursor)).body, &rest));
        QCOMPARE(rest.instanceId, instance);
        QVERIFY(!rest.samples.isEmpty());
        QCOMPARE(rest.samples.first().seq, cursor + 1);
        SamplesPage one;
        QVERIFY(Json::decodeBody(agent.get(QStringLiteral("/api/v1/samples?since=0&limit=1")).body, &one));
        QCOMPARE(one.samples.size(), 1);
        QVERIFY(one.more);
        // Timestamps are the agent's, increasing with seq.
        QVERIFY(rest.samples.first().timestampMs > page.samples.first().timestampMs);
        // CPU utilisation needs two readings: the first tick has none, later ones do.
        QVERIFY(isMissing(page.samples.first().node.cpuUtilization));
        QVERIFY(!isMissing(page.samples.last().node.cpuUtilization));
    }

    void plainMachineHasNoAccelerators()
    {
        Agent agent;
        QVERIFY(agent.start({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--npu-smi"),
            QStringLiteral("none"), QStringLiteral("--nvidia-smi"), QStringLiteral("none") }));
        NodeInventory inv;
        QVERIFY(Json::decodeBody(agent.get(QStringLiteral("/api/v1/node"), {}).body, &inv));
        QVERIFY(inv.accelerators.isEmpty());
        Snapshot s;
        QVERIFY(Json::decodeBody(agent.get(QStringLiteral("/api/v1/snapshot"), {}).body, &s));
        QVERIFY(s.faults.isEmpty()); // no tools is not an error
        const Reply metrics = agent.get(QStringLiteral("/metrics"), {});
        QVERIFY(Prometheus::parse(metrics.body).ok);
        QVERIFY(!metrics.body.contains("DCGM_") && !metrics.body.contains("npu_chip_info"));
        checkWithPromtool(metrics.body);
    }

    void refusesToStart_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("message");
        QTest::addRow("public address without token")
            << QStringList { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") } << QByteArray()
            << QStringLiteral("refusing to listen on 0.0.0.0 without a token");
        QTest::addRow("bad listen") << QStringList { QStringLiteral("--listen"), QStringLiteral("nonsense") }
                                    << QByteArray() << QStringLiteral("listen: \"nonsense\" is not HOST:PORT");
        QTest::addRow("bad interval") << QStringList { QStringLiteral("--interval"), QStringLiteral("0") }
                                      << QByteArray() << QStringLiteral("interval: \"0\" is not an integer in 1-3600");
        QTest::addRow("unknown flag") << QStringList { QStringLiteral("--frobnicate") } << QByteArray()
                                      << QStringLiteral("frobnicate");
        QTest::addRow("missing token file")
            << QStringList { QStringLiteral("--token-file"), QStringLiteral("/nonexistent/t") } << QByteArray()
            << QStringLiteral("token file /nonexistent/t: No such file");
        QTest::addRow("config unknown key") << QStringList {} << QByteArray("listen=127.0.0.1:0\ncolour=blue\n")
                                            << QStringLiteral("unknown key \"colour\"");
        QTest::addRow("config bad interval") << QStringList {} << QByteArray("interval=fast\n")
                                             << QStringLiteral("interval: \"fast\" is not an integer");
        QTest::addRow("config section") << QStringList {} << QByteArray("[agent]\nregion=x\n")
                                        << QStringLiteral("unknown section");
        QTest::addRow("config list value")
            << QStringList {} << QByteArray("region=a,b\n") << QStringLiteral("region: expected a single value");
        QTest::addRow("config missing") << QStringList { QStringLiteral("--config"),
            QStringLiteral("/nonexistent/agent.conf") }
                                        << QByteArray() << QStringLiteral("not a readable file");
    }

    void refusesToStart()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, config);
        QFETCH(QString, message);
        if (!config.isEmpty()) {
            const QString path = m_dir.filePath(QStringLiteral("agent.conf"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(config);
            f.close();
            args << QStringLiteral("--config") << path;
        }
        int exitCode = 0;
        const QByteArray err = runFailing(args, &exitCode);
        QVERIFY2(exitCode != 0, "agent started although it should refuse");
        QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
    }

    void configFileAndFlagsOverride()
    {
        const QString path = m_dir.filePath(QStringLiteral("good.conf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("# "
                "meridian-agent\nlisten=127.0.0.1:1\nregion=north-china\npool=ulanqab-a\nrack=r09\nnpu-smi="
                "none\nnvidia-smi=none\n");
        f.close();
        Agent agent;
        QVERIFY(agent.start({ QStringLiteral("--config"), path, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--rack"), QStringLiteral("r10") }));
        NodeInventory inv;
        QVERIFY(Json::decodeBody(agent.get(QStringLiteral("/api/v1/node"), {}).body, &inv));
        QCOMPARE(inv.region, QStringLiteral("north-china"));
        QCOMPARE(inv.pool, QStringLiteral("ulanqab-a"));
        QCOMPARE(inv.rack, QStringLiteral("r10"));
    }
};

QTEST_GUILESS_MAIN(TestAgentProcess)
#include "tst_agentprocess.moc"
