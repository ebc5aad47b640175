// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: the real meridian-fleetsim on loopback, with its token, and the
// console source that polls it — the set-up most end-to-end tests begin with.

#include "core/sources/sourceconfig.h"
#include "tests/support/processharness.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Meridian {
class FleetSession;
}

namespace Meridian::Test {

class SimulatorFixture
{
public:
    SimulatorFixture();
    ~SimulatorFixture();

    // Starts meridian-fleetsim on 127.0.0.1 (any port) with this fixture's token file, then
    // the test's own arguments (seed, nodes, history, --paused …); false with error() on failure.
    bool start(const QStringList& extraArgs = {}, int timeoutMs = 60000);
    QString error() const;
    void stop() { m_process.reset(); } ///< ends the simulator (SIGTERM, and wait) before the fixture goes
    ServerProcess& process() { return *m_process; }

    QUrl url() const; ///< base URL, ends with '/'
    QUrl url(const QString& path) const { return url().resolved(QUrl(path)); }
    QByteArray token() const { return m_token.token(); }
    QString tokenFile() const { return m_token.path(); }

    // The console's source for this simulator: a fleet front polled every second.
    SourceConfig source(const QString& name = QStringLiteral("sim"), int intervalMs = 1000) const;
    // Opens the session's cache at cacheDir and makes source(sourceName) its only source.
    bool openSession(FleetSession& session, const QString& cacheDir, QString* error,
        const QString& sourceName = QStringLiteral("sim")) const;

    // Requests with the simulator's token (its administrator's: it may inject faults and step the clock).
    HttpResult get(const QString& path, int timeoutMs = 30000) const { return httpGet(url(path), token(), timeoutMs); }
    HttpResult post(const QString& path, const QJsonObject& body, int timeoutMs = 30000) const
    {
        return httpPost(url(path), body, token(), timeoutMs);
    }
    QJsonObject truth(int timeoutMs = 30000) const; ///< GET /sim/truth; empty when it does not answer 200

private:
    TokenFile m_token;
    std::unique_ptr<ServerProcess> m_process;
};

} // namespace Meridian::Test
