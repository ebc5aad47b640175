// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/simfixture.h"

#include "core/session/fleetsession.h"

#include <QJsonDocument>

namespace Meridian::Test {

SimulatorFixture::SimulatorFixture() = default;
SimulatorFixture::~SimulatorFixture() = default;

bool SimulatorFixture::start(const QStringList& extraArgs, int timeoutMs)
{
    m_process = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_FLEETSIM_BIN),
        QStringList {
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), m_token.path() }
            + extraArgs);
    return m_process->start(timeoutMs);
}

QString SimulatorFixture::error() const
{
    return m_process ? m_process->error() : QStringLiteral("the simulator was not started");
}

QUrl SimulatorFixture::url() const
{
    return m_process ? m_process->url() : QUrl();
}

SourceConfig SimulatorFixture::source(const QString& name, int intervalMs) const
{
    SourceConfig source;
    source.name = name;
    source.kind = SourceConfig::Kind::Fleet;
    source.url = url();
    source.tokenFile = tokenFile();
    source.intervalMs = intervalMs;
    return source;
}

bool SimulatorFixture::openSession(
    FleetSession& session, const QString& cacheDir, QString* error, const QString& sourceName) const
{
    if (!session.open(cacheDir, error))
        return false;
    session.setSources({ source(sourceName) });
    return true;
}

QJsonObject SimulatorFixture::truth(int timeoutMs) const
{
    const HttpResult r = get(QStringLiteral("sim/truth"), timeoutMs);
    return r.status == 200 ? QJsonDocument::fromJson(r.body).object() : QJsonObject();
}

} // namespace Meridian::Test
