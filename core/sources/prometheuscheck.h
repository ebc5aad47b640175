// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/sourcecheck.h"
#include "core/sources/sourceconfig.h"

#include <QObject>

#include <memory>

namespace Meridian {

class HttpClient;
class PrometheusSource;
struct SourceUpdate;

// Checks one Prometheus source end to end, as support staff need it: the server's version
// (/api/v1/status/buildinfo), one poll round exactly as the console runs it (PrometheusSource: nodes up, down and
// unassigned, accelerators per model, nodes with host metrics but no accelerator exporter) and the scrape
// targets that fail (/api/v1/targets, with Prometheus' lastError). Asynchronous; emits finished() once.
class PrometheusCheck : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusCheck(QObject* parent = nullptr);
    ~PrometheusCheck() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void start(const SourceConfig& config);

Q_SIGNALS:
    void finished(const Meridian::SourceCheckReport& report);

private:
    void onUpdate(const SourceUpdate& update);
    void fetchBuildInfo();
    void fetchTargets();
    void finish();

    SourceConfig m_config;
    SourceCheckReport m_report;
    PrometheusSource* m_source = nullptr;
    HttpClient* m_http = nullptr;
    QByteArray m_token;
    QByteArray m_basicAuth;
    int m_timeoutMs = 30000;
    int m_pending = 0;
    bool m_finished = false;
    int m_nodesWithoutAccelerators = 0;
    QStringList m_withoutHostExporter; ///< nodes with accelerator series but no node_exporter (first few named)
    int m_nodesWithoutHostExporter = 0;
};

} // namespace Meridian
