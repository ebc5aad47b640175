// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmrest.h"

namespace Meridian::SlurmRest {

QList<std::pair<QByteArray, QByteArray>> headers(const QString& user, const QByteArray& token)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    if (!user.isEmpty())
        out.append({ QByteArrayLiteral("X-SLURM-USER-NAME"), user.toUtf8() });
    if (!token.isEmpty())
        out.append({ QByteArrayLiteral("X-SLURM-USER-TOKEN"), token });
    return out;
}

QString path(Slurm::ApiVersion version, const QString& what)
{
    return QStringLiteral("slurm/%1/%2").arg(Slurm::apiVersionName(version), what);
}

AgentStatus statusOf(Slurm::Failure failure, int httpStatus)
{
    switch (failure) {
    case Slurm::Failure::None:
        return AgentStatus::Up;
    case Slurm::Failure::TokenRejected:
    case Slurm::Failure::Unauthenticated:
        return AgentStatus::Unauthorized;
    case Slurm::Failure::TooLarge:
    case Slurm::Failure::Malformed:
    case Slurm::Failure::WrongVersion:
        return AgentStatus::BadPayload;
    case Slurm::Failure::SlurmError:
        // slurmrestd answered, Slurm behind it did not (slurmctld down, a query refused).
        return AgentStatus::Unreachable;
    case Slurm::Failure::HttpError:
        return httpStatus >= 500 || httpStatus == 429 ? AgentStatus::Unreachable : AgentStatus::BadPayload;
    }
    return AgentStatus::Unreachable;
}

bool answered(const HttpResult& result)
{
    return result.outcome == HttpResult::Outcome::Ok || result.outcome == HttpResult::Outcome::HttpError;
}

VersionProbe::VersionProbe(HttpClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

bool VersionProbe::run(const QUrl& base, const HttpRequestOptions& options, Done done)
{
    if (m_done)
        return false;
    m_base = base;
    m_options = options;
    m_done = std::move(done);
    m_discoveryError.clear();
    m_client->get(
        endpointUrl(m_base, QStringLiteral("openapi/v3")), m_options, [this](HttpResult r) { onDiscovery(r); });
    return true;
}

void VersionProbe::onDiscovery(const HttpResult& r)
{
    if (!answered(r))
        return finish({ Slurm::ApiVersion::Unknown, false, r.status(), r.error });
    Slurm::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    const Slurm::Decoded<Slurm::Discovery> d = Slurm::decodeDiscovery(r.httpStatus, r.body, limits);
    if (d.failure == Slurm::Failure::TokenRejected || d.failure == Slurm::Failure::Unauthenticated)
        return finish({ Slurm::ApiVersion::Unknown, false, AgentStatus::Unauthorized, d.error });
    if (d.ok() && d.value.best() != Slurm::ApiVersion::Unknown)
        return finish({ d.value.best(), d.value.nodeUpdate, AgentStatus::Up, {} });
    // No discovery document (or none naming a version we read): ask each version's ping.
    m_discoveryError = d.ok()
        ? tr("openapi/v3 names no API version Meridian reads (%1)").arg(d.value.unsupported.join(QStringLiteral(", ")))
        : d.error;
    probe(0);
}

void VersionProbe::probe(int index)
{
    const QList<Slurm::ApiVersion> versions = Slurm::supportedVersions();
    if (index >= versions.size()) {
        return finish({ Slurm::ApiVersion::Unknown, false, AgentStatus::BadPayload,
            tr("slurmrestd serves none of the API versions v0.0.38 to v0.0.41 (%1)").arg(m_discoveryError) });
    }
    const Slurm::ApiVersion version = versions.at(index);
    m_client->get(
        endpointUrl(m_base, path(version, QStringLiteral("ping"))), m_options, [this, index, version](HttpResult r) {
            if (!answered(r))
                return finish({ Slurm::ApiVersion::Unknown, false, r.status(), r.error });
            Slurm::Limits limits;
            limits.maxBodyBytes = m_options.maxBodyBytes;
            const Slurm::Decoded<bool> d = Slurm::decodeActionReply(version, r.httpStatus, r.body, limits);
            if (d.failure == Slurm::Failure::TokenRejected || d.failure == Slurm::Failure::Unauthenticated)
                return finish({ Slurm::ApiVersion::Unknown, false, AgentStatus::Unauthorized, d.error });
            if (d.ok())
                // Node update over REST exists from v0.0.39 on.
                return finish({ version, version != Slurm::ApiVersion::V0038, AgentStatus::Up, {} });
            probe(index + 1);
        });
}

void VersionProbe::finish(const Result& result)
{
    Done done = std::exchange(m_done, {});
    if (done)
        done(result);
}

} // namespace Meridian::SlurmRest
