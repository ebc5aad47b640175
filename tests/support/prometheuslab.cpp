// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/prometheuslab.h"

#include "tests/support/processharness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace Meridian::Test {
namespace {

QString script()
{
    return QStringLiteral(MERIDIAN_SOURCE_DIR "/tests/support/labs/prometheus-lab.sh");
}

bool runScript(const QStringList& arguments, int timeoutMs, QString* error)
{
    QProcess process;
    process.start(QStringLiteral("bash"), QStringList { script() } + arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        if (error)
            *error = QStringLiteral("prometheus-lab.sh %1: did not finish").arg(arguments.value(0));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("prometheus-lab.sh %1 failed: %2")
                         .arg(arguments.value(0), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace

QString PrometheusLab::unavailableReason()
{
    for (const char* program : { "prometheus", "python3", "bash" }) {
        if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty())
            return QStringLiteral("%1 is not installed (quickstart.sh installs Debian's prometheus)")
                .arg(QLatin1String(program));
    }
    return {};
}

PrometheusLab::PrometheusLab(PrometheusLabOptions options)
    : m_options(std::move(options))
{
    QDir().mkpath(directory() + QStringLiteral("/targets"));
}

PrometheusLab::~PrometheusLab()
{
    stop();
}

QJsonArray PrometheusLab::fleetTargets(const QUrl& fleetUrl, const QByteArray& token, QString* error)
{
    const HttpResult r = httpGet(fleetUrl.resolved(QUrl(QStringLiteral("api/v1/fleet"))), token);
    const QJsonArray nodes = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("nodes")).toArray();
    if (r.status != 200 || nodes.isEmpty()) {
        *error = QStringLiteral("GET api/v1/fleet: %1 %2").arg(r.status).arg(r.error);
        return {};
    }
    const QString target = QStringLiteral("%1:%2").arg(fleetUrl.host()).arg(fleetUrl.port());
    QJsonArray groups;
    for (const QJsonValue& v : nodes) {
        const QJsonObject n = v.toObject();
        groups.append(QJsonObject { { QStringLiteral("targets"), QJsonArray { target } },
            { QStringLiteral("labels"),
                QJsonObject { { QStringLiteral("__metrics_path__"),
                                  QString(n.value(QStringLiteral("path")).toString() + QStringLiteral("metrics")) },
                    { QStringLiteral("node"), n.value(QStringLiteral("id")) },
                    { QStringLiteral("region"), n.value(QStringLiteral("region")) },
                    { QStringLiteral("pool"), n.value(QStringLiteral("pool")) },
                    { QStringLiteral("rack"), n.value(QStringLiteral("rack")) } } } });
    }
    return groups;
}

bool PrometheusLab::setTargets(const QString& name, const QJsonArray& groups, QString* error)
{
    // Written aside and renamed: Prometheus never reads half a file.
    QSaveFile file(directory() + QStringLiteral("/targets/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(groups).toJson()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool PrometheusLab::start(int expectUp, QString* error)
{
    QStringList args { QStringLiteral("start"), directory(), QStringLiteral("--interval"), m_options.interval,
        QStringLiteral("--expect"), QString::number(expectUp) };
    if (!m_options.basicAuth.isEmpty())
        args << QStringLiteral("--basic-auth") << m_options.basicAuth;
    if (!m_options.backfill.isEmpty())
        args << QStringLiteral("--backfill") << m_options.backfill;
    QElapsedTimer timer;
    timer.start();
    m_started = true; // from here on, stop() ends whatever part of it started
    if (!runScript(args, 90000, error))
        return false;
    m_startMs = timer.elapsed();
    QFile env(directory() + QStringLiteral("/lab.env"));
    if (env.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : env.readAll().split('\n')) {
            if (line.startsWith("LAB_PROMETHEUS_URL="))
                m_url = QUrl(QString::fromUtf8(line.mid(19)));
        }
    }
    if (!m_url.isValid()) {
        *error = QStringLiteral("prometheus-lab.sh wrote no usable lab.env");
        return false;
    }
    return true;
}

bool PrometheusLab::stop(QString* error)
{
    if (!m_started)
        return true;
    m_started = false;
    return runScript({ QStringLiteral("stop"), directory() }, 30000, error);
}

} // namespace Meridian::Test
