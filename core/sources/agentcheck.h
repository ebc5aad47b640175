// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/tlsclient.h"
#include "core/protocol/protocoltypes.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QUrl>

#include <functional>

namespace Meridian {

class HttpClient;
struct HttpResult;

struct AgentCheckFinding
{
    enum class Severity { Ok, Warning, Error };
    Severity severity = Severity::Ok;
    QString what; ///< "reachable", "GET /api/v1/snapshot", "clock skew", …
    QString detail;
};

// What `meridian check-agent` prints: every finding, plus what the agent reports.
struct AgentCheckReport
{
    QUrl url;
    bool isFleet = false; ///< the URL is a fleet front (serves /api/v1/fleet)
    int fleetNodes = 0; ///< nodes listed by the front
    QStringList nodeIds; ///< the front's nodes, or the agent's own
    QString checkedNode; ///< fleet: the node whose own endpoints were checked
    bool hasInventory = false;
    Protocol::NodeInventory inventory;
    bool hasSnapshot = false;
    Protocol::Snapshot snapshot;
    qint64 historyMs = -1; ///< span of the ring buffer (newest − oldest sample); -1 unknown
    int metricsSamples = -1; ///< series in /metrics; -1 not parsed
    QList<AgentCheckFinding> findings;

    bool healthy() const; ///< no finding is an error
};

// Checks one agent or fleet front the way support staff need it: reachable,
// authorised, every endpoint decodes, /metrics parses, the clock agrees, the
// history is deep enough. Asynchronous; emits finished() once.
class AgentCheck : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MinHistoryMs = 3600 * 1000;
    static constexpr qint64 MaxClockSkewMs = 5000;

    explicit AgentCheck(QObject* parent = nullptr);
    ~AgentCheck() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setTls(const TlsClientFiles& files) { m_tlsFiles = files; } ///< --ca, --cert, --key
    void start(const QUrl& url, const QString& tokenFile = {});
    const AgentCheckReport& report() const { return m_report; }

Q_SIGNALS:
    void finished(const Meridian::AgentCheckReport& report);

private:
    using Step = std::function<void()>;
    void get(
        const QUrl& base, const QString& path, std::function<void(const HttpResult&)> handler, bool withToken = true);
    void add(AgentCheckFinding::Severity severity, const QString& what, const QString& detail);
    bool transportOk(const HttpResult& result, const QString& what);
    void next();
    void finish();
    void checkAgentEndpoints(const QUrl& base);

    HttpClient* m_http = nullptr;
    QByteArray m_token;
    TlsClientFiles m_tlsFiles;
    std::shared_ptr<const QSslConfiguration> m_tls;
    int m_timeoutMs = 10000;
    AgentCheckReport m_report;
    QList<Step> m_steps;
    bool m_done = false;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::AgentCheckReport)
