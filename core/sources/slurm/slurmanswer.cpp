// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/slurmanswer_p.h"
#include "core/sources/slurm/slurmtext_p.h"

#include <QRegularExpression>

namespace Meridian::Slurm::Detail {
namespace {

// SLURM_PROTOCOL_AUTHENTICATION_ERROR (slurm/slurm_errno.h): slurmctld refused the credential.
constexpr int AuthenticationErrorNumber = 1007;

ApiVersion versionIn(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("v?0\\.0\\.(\\d{2})"));
    const QRegularExpressionMatch m = pattern.match(text);
    return m.hasMatch() ? apiVersionFromString(m.captured(0)) : ApiVersion::Unknown;
}

QList<Message> readMessages(Reader& top, Key key, bool warnings)
{
    const JsonArray array = top.array(key, top.limits().maxListItems);
    QList<Message> out;
    for (qsizetype i = 0; i < array.size() && top.ok(); ++i) {
        Reader r = top.element(key, array, i);
        Message m;
        m.error = r.string(warnings ? "warning" : "error");
        m.description = r.string("description");
        m.source = r.string("source");
        // v0.0.38 writes "errno" in some errors and "error_number" in others.
        m.number = int(r.integer("error_number", -1, 1 << 30, r.integer("errno", -1, 1 << 30, 0)));
        out.append(std::move(m));
    }
    return out;
}

void readMeta(Reader& top, AnswerInfo* info)
{
    Reader meta = top.object("meta");
    Reader plugin = meta.object("plugin");
    // v0.0.40+: "data_parser/v0.0.41" beside "openapi/slurmctld"; before: "openapi/v0.0.38", "openapi/dbv0.0.38".
    info->version = versionIn(plugin.string("data_parser"));
    if (info->version == ApiVersion::Unknown)
        info->version = versionIn(plugin.string("type"));
    // "Slurm" up to v0.0.39, "slurm" from v0.0.40.
    const Key slurmKey = meta.has("slurm") ? "slurm" : "Slurm";
    info->slurmRelease = meta.object(slurmKey).string("release");
}

QString messagesText(const QList<Message>& messages)
{
    QStringList parts;
    for (const Message& m : messages) {
        QString text = m.error.isEmpty() ? m.description : m.error;
        if (!m.description.isEmpty() && m.description != text)
            text += QStringLiteral(" (") + m.description + u')';
        if (m.number != 0)
            text += QStringLiteral(" [%1]").arg(m.number);
        parts.append(text);
    }
    return parts.join(QStringLiteral("; "));
}

// 22.05 answers a bad or expired JWT with HTTP 500 and only {"error":"Unspecified error","errno":-1}
// (recorded, tests/fixtures/slurm/v0.0.38); later releases name the authentication error.
bool isTokenRejection(int httpStatus, const QList<Message>& errors)
{
    bool allUnspecified = !errors.isEmpty();
    for (const Message& m : errors) {
        if (m.number == AuthenticationErrorNumber)
            return true;
        allUnspecified = allUnspecified && m.number == -1 && m.error == u"Unspecified error" && m.description.isEmpty();
    }
    return httpStatus == 500 && allUnspecified;
}

} // namespace

QString missingArrayMessage()
{
    return Text::tr("missing or not an array");
}

QString malformedMessage(const Reader::Failure& failure)
{
    return Text::tr("slurmrestd's answer is not usable: %1: %2").arg(failure.path, failure.message);
}

Opened openAnswer(ApiVersion expected, int httpStatus, const QByteArray& body, const Limits& limits, Keep keep)
{
    Opened out;
    out.info.httpStatus = httpStatus;
    if (body.size() > limits.maxBodyBytes) {
        out.failure = Failure::TooLarge;
        out.error = Text::tr("slurmrestd's answer has %1 bytes, more than the limit of %2")
                        .arg(body.size())
                        .arg(limits.maxBodyBytes);
        return out;
    }
    if (httpStatus == 401 || httpStatus == 403) {
        out.failure = Failure::Unauthenticated;
        out.error = Text::tr("slurmrestd refused the request (HTTP %1): no user name or token was sent, or the "
                             "user is unknown")
                        .arg(httpStatus);
        return out;
    }
    const bool success = httpStatus >= 200 && httpStatus < 300;
    QString parseError;
    out.document = std::make_unique<JsonDocument>();
    if (!parseObject(body, limits, keep, out.document.get(), &parseError)) {
        out.document.reset();
        out.failure = success ? Failure::Malformed : Failure::HttpError;
        out.error = success ? Text::tr("slurmrestd's answer is not usable: %1").arg(parseError)
                            : Text::tr("slurmrestd answered HTTP %1").arg(httpStatus);
        return out;
    }
    auto failure = std::make_shared<Reader::Failure>();
    Reader top(out.root(), QString(), failure, limits);
    readMeta(top, &out.info);
    out.info.errors = readMessages(top, "errors", false);
    out.info.warnings = readMessages(top, "warnings", true);
    if (!top.ok()) {
        out.failure = Failure::Malformed;
        out.error = malformedMessage(*failure);
    } else if (isTokenRejection(httpStatus, out.info.errors)) {
        out.failure = Failure::TokenRejected;
        out.error = Text::tr("slurmrestd rejected the token: it is invalid or has expired — renew it");
    } else if (!out.info.errors.isEmpty()) {
        out.failure = Failure::SlurmError;
        out.error = Text::tr("Slurm reported an error: %1").arg(messagesText(out.info.errors));
    } else if (!success) {
        out.failure = Failure::HttpError;
        out.error = Text::tr("slurmrestd answered HTTP %1").arg(httpStatus);
    } else if (expected != ApiVersion::Unknown && out.info.version != ApiVersion::Unknown
        && out.info.version != expected) {
        out.failure = Failure::WrongVersion;
        out.error = Text::tr("slurmrestd answered with API %1 where %2 was asked for")
                        .arg(apiVersionName(out.info.version), apiVersionName(expected));
    }
    if (out.failure != Failure::None)
        out.document.reset();
    return out;
}

} // namespace Meridian::Slurm::Detail

namespace Meridian::Slurm {

using namespace Detail;

Decoded<Discovery> decodeDiscovery(int httpStatus, const QByteArray& body, const Limits& limits)
{
    Decoded<Discovery> out;
    Opened opened;
    if (!open(ApiVersion::Unknown, httpStatus, body, limits, &out, &opened, Keep::All))
        return out;
    auto failure = std::make_shared<Reader::Failure>();
    Reader top(opened.root(), QString(), failure, limits);
    const Json* paths = top.value("paths");
    if (!paths || !paths->IsObject())
        top.fail("paths", Text::tr("missing or not an object: not an OpenAPI document"));
    static const QRegularExpression pattern(QStringLiteral("^/(slurm|slurmdb)/(v0\\.0\\.\\d+)/"));
    static const Json noPaths(rapidjson::kObjectType);
    const Json& pathObject = paths && paths->IsObject() ? *paths : noPaths;
    if (qsizetype(pathObject.MemberCount()) > limits.maxItems)
        top.fail("paths", Text::tr("%1 entries exceed the limit").arg(pathObject.MemberCount()));
    for (auto it = pathObject.MemberBegin(); it != pathObject.MemberEnd() && top.ok(); ++it) {
        const QString path = QString::fromUtf8(it->name.GetString(), qsizetype(it->name.GetStringLength()));
        const QRegularExpressionMatch m = pattern.match(path);
        if (!m.hasMatch())
            continue;
        const ApiVersion v = apiVersionFromString(m.captured(2));
        if (v == ApiVersion::Unknown) {
            if (!out.value.unsupported.contains(m.captured(2)))
                out.value.unsupported.append(m.captured(2));
            continue;
        }
        QList<ApiVersion>& list = m.captured(1) == u"slurm" ? out.value.slurm : out.value.slurmdb;
        if (!list.contains(v))
            list.append(v);
    }
    const auto newestFirst = [](ApiVersion a, ApiVersion b) { return quint8(a) > quint8(b); };
    std::sort(out.value.slurm.begin(), out.value.slurm.end(), newestFirst);
    std::sort(out.value.slurmdb.begin(), out.value.slurmdb.end(), newestFirst);
    out.value.unsupported.sort();
    if (const ApiVersion best = out.value.best(); best != ApiVersion::Unknown) {
        const QByteArray node = QStringLiteral("/slurm/%1/node/{node_name}").arg(apiVersionName(best)).toUtf8();
        const Json* operations = member(pathObject, std::string_view(node.constData(), size_t(node.size())));
        out.value.nodeUpdate = operations && operations->IsObject() && member(*operations, "post");
    }
    finish(top, &out);
    return out;
}

ApiVersion versionFromAnswer(const QByteArray& body, const Limits& limits)
{
    JsonDocument root;
    QString error;
    if (!parseObject(body, limits, Keep::Decoded, &root, &error))
        return ApiVersion::Unknown;
    AnswerInfo info;
    auto failure = std::make_shared<Reader::Failure>();
    Reader top(&root, QString(), failure, limits);
    readMeta(top, &info);
    return top.ok() ? info.version : ApiVersion::Unknown;
}

Decoded<bool> decodeActionReply(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    Decoded<bool> out;
    Opened opened;
    out.value = open(version, httpStatus, body, limits, &out, &opened);
    return out;
}

} // namespace Meridian::Slurm
