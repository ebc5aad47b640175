// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusSource against a fake, hostile Prometheus (cpp-httplib on loopback): Prometheus' own error bodies
// (400 bad_data, 503 timeout), HTTP errors, malformed JSON, "NaN"/"+Inf" values, partial answers with warnings,
// an answer over the body cap and a silent server. Each is reported with its reason, keeps the last good state
// (no snapshot replaces it) and crashes nothing; the source recovers when the server does.

#include "core/sources/prometheuscheck.h"
#include "core/sources/prometheussource.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <httplib.h>
#include <mutex>
#include <thread>

using namespace Meridian;

namespace {

// A fake Prometheus: `up` names two nodes, the DCGM query one GPU; everything else is empty. Misbehaves on demand.
class FakePrometheus
{
public:
    enum class Mode { Good, BadData, Timeout, ServerError, Malformed, NanValues, Warnings, Oversized, Silent };

    FakePrometheus()
    {
        m_server.Get("/api/v1/query", [this](const httplib::Request& request, httplib::Response& response) {
            const std::string query = request.get_param_value("query");
            ++m_requests;
            switch (mode()) {
            case Mode::Good:
            case Mode::NanValues:
            case Mode::Warnings:
                break;
            case Mode::BadData:
                response.status = 400;
                response.set_content(
                    R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": parse error"})",
                    "application/json");
                return;
            case Mode::Timeout:
                response.status = 503;
                response.set_content(
                    R"({"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"})",
                    "application/json");
                return;
            case Mode::ServerError:
                response.status = 502;
                response.set_content("<html>Bad Gateway</html>", "text/html");
                return;
            case Mode::Malformed:
                response.set_content(
                    R"({"status":"success","data":{"resultType":"vector","result":[{"metr)", "application/json");
                return;
            case Mode::Oversized:
                response.set_content(std::string(R"({"status":"success","data":{"resultType":"vector","result":[)")
                        + std::string(3 * 1024 * 1024, ' ') + "]}}",
                    "application/json");
                return;
            case Mode::Silent:
                std::this_thread::sleep_for(std::chrono::seconds(7));
                return;
            }
            response.set_content(answer(query), "application/json");
        });
    }
    ~FakePrometheus()
    {
        m_server.stop();
        if (m_thread.joinable())
            m_thread.join();
    }
    bool start()
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        for (int i = 0; i < 2000 && !m_server.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return m_server.is_running();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)); }
    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }

private:
    std::string answer(const std::string& query) const
    {
        const bool nan = m_mode == Mode::NanValues;
        const std::string warnings
            = m_mode == Mode::Warnings ? R"(,"warnings":["store 10.0.0.9:10901 unavailable: partial answer"])" : "";
        std::string result;
        if (query == "up")
            result
                = R"({"metric":{"__name__":"up","instance":"10.0.0.1:9400","node":"n1","region":"East"},"value":[1,"1"]},)"
                  R"({"metric":{"__name__":"up","instance":"10.0.0.2:9400","node":"n2","region":"East"},"value":[1,"1"]})";
        else if (query.find("DCGM_FI_DEV") != std::string::npos)
            result
                = std::string(R"({"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","node":"n1","gpu":"0","UUID":"GPU-0",)")
                + R"("modelName":"H100"},"value":[1,")" + (nan ? "NaN" : "42") + R"("]},)"
                + R"({"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","node":"n1","gpu":"0","UUID":"GPU-0","modelName":"H100"},)"
                + R"("value":[1,")" + (nan ? "+Inf" : "55") + R"("]})";
        return R"({"status":"success")" + warnings + R"(,"data":{"resultType":"vector","result":[)" + result + "]}}";
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<Mode> m_mode { Mode::Good };
    std::atomic<int> m_requests { 0 };
};

// The source "prom" polling a fake, every second.
SourceConfig sourceFor(const FakePrometheus& fake)
{
    SourceConfig config;
    config.name = QStringLiteral("prom");
    config.kind = SourceConfig::Kind::Prometheus;
    config.url = fake.url();
    config.intervalMs = 1000;
    return config;
}

} // namespace

class TestPromSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileAnswers_data();
    void hostileAnswers();
    void notANumberIsMissing();
    void partialAnswersAreReported();
    void checkNamesMissingExporters();

private:
    struct Seen
    {
        AgentStatus status = AgentStatus::Unknown;
        QString error;
        bool snapshot = false;
        double utilization = Protocol::Missing;
    };
    static Seen node(const QSignalSpy& spy, const QString& id, qsizetype from = 0);
};

void TestPromSource::initTestCase()
{
    registerCoreMetaTypes();
}

// What the updates from index `from` on said about node `id`: its last status and whether a snapshot came.
TestPromSource::Seen TestPromSource::node(const QSignalSpy& spy, const QString& id, qsizetype from)
{
    Seen seen;
    for (qsizetype i = from; i < spy.size(); ++i) {
        const SourceUpdate u = spy.at(i).at(0).value<SourceUpdate>();
        for (const NodeUpdate& n : u.nodes) {
            if (n.nodeId != id)
                continue;
            seen.status = n.status;
            seen.error = n.error;
            if (n.hasSnapshot) {
                seen.snapshot = true;
                if (!n.snapshot.sample.accelerators.isEmpty())
                    seen.utilization = n.snapshot.sample.accelerators.first().utilization;
            }
        }
    }
    return seen;
}

void TestPromSource::hostileAnswers_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addRow("400 bad_data") << int(FakePrometheus::Mode::BadData) << int(AgentStatus::BadPayload)
                                  << QStringLiteral("bad_data");
    QTest::addRow("503 timeout") << int(FakePrometheus::Mode::Timeout) << int(AgentStatus::Unreachable)
                                 << QStringLiteral("query timed out");
    QTest::addRow("502 proxy") << int(FakePrometheus::Mode::ServerError) << int(AgentStatus::Unreachable)
                               << QStringLiteral("502");
    QTest::addRow("malformed json") << int(FakePrometheus::Mode::Malformed) << int(AgentStatus::BadPayload)
                                    << QStringLiteral("offset");
    QTest::addRow("over the cap") << int(FakePrometheus::Mode::Oversized) << int(AgentStatus::BadPayload)
                                  << QStringLiteral("exceeds");
    QTest::addRow("silent") << int(FakePrometheus::Mode::Silent) << int(AgentStatus::Unreachable)
                            << QStringLiteral("5000 ms");
}

void TestPromSource::hostileAnswers()
{
    QFETCH(int, mode);
    QFETCH(int, status);
    QFETCH(QString, reason);
    FakePrometheus fake;
    QVERIFY(fake.start());
    const SourceConfig config = sourceFor(fake);
    PrometheusSourceOptions options;
    options.maxBodyBytes = 1024 * 1024; // the 600 MB answer in small: the cap is what matters
    PrometheusSource source(config, options);
    QSignalSpy updates(&source, &Source::updateReady);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(node(updates, QStringLiteral("n1")).snapshot, 10000);
    QCOMPARE(node(updates, QStringLiteral("n1")).utilization, 42.0);
    QVERIFY(node(updates, QStringLiteral("n1")).status == AgentStatus::Up);

    const qsizetype before = updates.size();
    fake.setMode(FakePrometheus::Mode(mode));
    QTRY_VERIFY_WITH_TIMEOUT(node(updates, QStringLiteral("n1"), before).status == AgentStatus(status), 20000);
    const Seen bad = node(updates, QStringLiteral("n1"), before);
    QVERIFY2(bad.error.contains(reason), qPrintable(bad.error));
    QVERIFY2(!bad.snapshot, "the last good state stays: no snapshot from a broken answer");
    QVERIFY(node(updates, QStringLiteral("n2"), before).status == AgentStatus(status));

    // Back to good: the next round after the backoff brings the nodes up again.
    const qsizetype broken = updates.size();
    fake.setMode(FakePrometheus::Mode::Good);
    QTRY_VERIFY_WITH_TIMEOUT(node(updates, QStringLiteral("n1"), broken).status == AgentStatus::Up, 90000);
    source.stop();
}

void TestPromSource::notANumberIsMissing()
{
    FakePrometheus fake;
    QVERIFY(fake.start());
    fake.setMode(FakePrometheus::Mode::NanValues);
    const SourceConfig config = sourceFor(fake);
    PrometheusSource source(config);
    QSignalSpy updates(&source, &Source::updateReady);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(node(updates, QStringLiteral("n1")).snapshot, 10000);
    QVERIFY(node(updates, QStringLiteral("n1")).status == AgentStatus::Up);
    QVERIFY2(std::isnan(node(updates, QStringLiteral("n1")).utilization), "NaN is missing, never 0");
    for (const QList<QVariant>& args : std::as_const(updates)) {
        for (const NodeUpdate& n : args.at(0).value<SourceUpdate>().nodes) {
            for (const Protocol::AcceleratorSample& a : n.snapshot.sample.accelerators)
                QVERIFY2(std::isnan(a.temperatureC), "+Inf is missing, never a temperature");
        }
    }
    source.stop();
}

void TestPromSource::partialAnswersAreReported()
{
    FakePrometheus fake;
    QVERIFY(fake.start());
    fake.setMode(FakePrometheus::Mode::Warnings);
    const SourceConfig config = sourceFor(fake);
    PrometheusSource source(config);
    QSignalSpy rounds(&source, &PrometheusSource::roundFinished);
    QSignalSpy updates(&source, &Source::updateReady);
    source.start();
    QVERIFY(rounds.wait(10000));
    const auto report = rounds.first().first().value<PrometheusSource::RoundReport>();
    QVERIFY(!report.warnings.isEmpty());
    QVERIFY(report.warnings.first().contains(QLatin1String("partial answer")));
    QCOMPARE(report.nodes, 2);
    // A partial answer is still an answer: the nodes are up with their values.
    QVERIFY(node(updates, QStringLiteral("n1")).status == AgentStatus::Up);
    QCOMPARE(node(updates, QStringLiteral("n1")).utilization, 42.0);
    // …and the warning travels with the source's progress, for the status bar.
    const SourceUpdate last = updates.last().first().value<SourceUpdate>();
    QVERIFY(last.progress);
    QVERIFY(last.progress->problem.isEmpty());
    QCOMPARE(last.progress->warnings, report.warnings);
    source.stop();
}

// check-source names wiring mistakes per node: n1 has DCGM series but no node_exporter, n2 no accelerator
// exporter at all.
void TestPromSource::checkNamesMissingExporters()
{
    FakePrometheus fake;
    QVERIFY(fake.start());
    const SourceConfig config = sourceFor(fake);
    PrometheusCheck check;
    check.setTimeoutMs(10000);
    QSignalSpy done(&check, &PrometheusCheck::finished);
    check.start(config);
    QVERIFY(done.wait(15000));
    const SourceCheckReport r = done.first().first().value<SourceCheckReport>();
    const QString warnings = r.warnings.join(u'\n');
    QVERIFY2(warnings.contains(QLatin1String("1 node(s) have an accelerator exporter but no node_exporter")
                 + QLatin1String(" (no host CPU, memory or load): n1")),
        qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1String("1 node(s) have no accelerator exporter")), qPrintable(warnings));
}

QTEST_GUILESS_MAIN(TestPromSource)
#include "tst_promsource.moc"
