// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a private Prometheus on loopback (tests/support/labs/prometheus-lab.sh) in a temporary directory,
// scraping what the test names through file_sd (typically each node of a real meridian-fleetsim under
// /n/ID/metrics, with the simulator's region, pool and rack as target labels), stopped when destroyed.

#include <QJsonArray>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace Meridian::Test {

struct PrometheusLabOptions
{
    QString interval = QStringLiteral("1s");
    QString basicAuth; ///< "user:password": the API asks for it; empty: open
    QString backfill; ///< OpenMetrics file written into the storage with promtool before start; empty: none
};

class PrometheusLab
{
public:
    // Empty when this machine can run the lab; else why not.
    static QString unavailableReason();

    explicit PrometheusLab(PrometheusLabOptions options = {});
    ~PrometheusLab();
    PrometheusLab(const PrometheusLab&) = delete;
    PrometheusLab& operator=(const PrometheusLab&) = delete;

    // file_sd target groups for every node of a fleet front's /api/v1/fleet (`node`, `region`, `pool`, `rack`
    // labels, `__metrics_path__` = the node's path + "metrics"); empty with *error when the fleet is unreadable.
    static QJsonArray fleetTargets(const QUrl& fleetUrl, const QByteArray& token, QString* error);
    // Writes (replaces) the target file NAME.json: Prometheus picks it up within a second.
    bool setTargets(const QString& name, const QJsonArray& groups, QString* error);

    // Starts Prometheus and waits until `expectUp` targets are up (0: until it is ready).
    bool start(int expectUp, QString* error);
    bool stop(QString* error = nullptr);

    QUrl url() const { return m_url; } ///< the query API's base, ends with '/'
    QString directory() const { return m_dir.path() + QStringLiteral("/lab"); }
    qint64 startMs() const { return m_startMs; }

private:
    PrometheusLabOptions m_options;
    QTemporaryDir m_dir;
    QUrl m_url;
    bool m_started = false;
    qint64 m_startMs = 0;
};

} // namespace Meridian::Test
