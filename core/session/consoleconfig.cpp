// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/consoleconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace Meridian {
namespace {

constexpr qint64 MaxConfigBytes = 1024 * 1024;
constexpr int MaxSources = 10000;
constexpr int MaxNameLength = 128;
constexpr int MaxHostNames = 50000; // a Slurm source's hostNames; the file's 1 MiB caps it first
constexpr int MaxPathLength = 4096;
constexpr int FormatVersion = 1;

QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::ConsoleConfig", text);
}

bool unknownKeys(const QJsonObject& object, const QStringList& allowed, const QString& where, QString* error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = tr("%1: unknown key \"%2\"").arg(where, it.key().left(MaxNameLength));
            return true;
        }
    }
    return false;
}

// "hostNames": {"NodeName": "host name", …}.
bool parseHostNames(const QJsonObject& o, const QString& where, SourceConfig* out, QString* error)
{
    const QJsonValue names = o.value(QStringLiteral("hostNames"));
    if (names.isUndefined())
        return true;
    if (!names.isObject() || names.toObject().size() > MaxHostNames) {
        *error = tr("%1.hostNames: expected an object of at most %2 names").arg(where).arg(MaxHostNames);
        return false;
    }
    const QJsonObject map = names.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString host = it.value().toString().trimmed();
        if (it.key().isEmpty() || it.key().size() > MaxNameLength || host.isEmpty() || host.size() > MaxNameLength) {
            *error = tr("%1.hostNames.%2: expected a non-empty host name of at most %3 characters")
                         .arg(where, it.key())
                         .arg(MaxNameLength);
            return false;
        }
        out->hostNames.insert(it.key(), host);
    }
    return true;
}

// "jobKinds": [{"kind": "training", "qos" | "namePrefix" | "partition" | "account": "…"}, …].
bool parseJobKinds(const QJsonObject& o, const QString& where, SourceConfig* out, QString* error)
{
    const QJsonValue kinds = o.value(QStringLiteral("jobKinds"));
    if (kinds.isUndefined())
        return true;
    if (!kinds.isArray() || kinds.toArray().size() > MaxSources) {
        *error = tr("%1.jobKinds: expected an array of at most %2 rules").arg(where).arg(MaxSources);
        return false;
    }
    using Match = JobKindRule::Match;
    const std::pair<const char*, Match> matches[] = { { "qos", Match::Qos }, { "namePrefix", Match::NamePrefix },
        { "partition", Match::Partition }, { "account", Match::Account } };
    const QJsonArray rules = kinds.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = QStringLiteral("%1.jobKinds[%2]").arg(where).arg(i);
        const QJsonObject r = rules.at(i).toObject();
        const QString kind = r.value(QStringLiteral("kind")).toString();
        JobKindRule rule { Match::Qos, {}, kind };
        int keys = 0;
        for (const auto& [key, match] : matches) {
            if (r.contains(QLatin1String(key))) {
                ++keys;
                rule.match = match;
                rule.value = r.value(QLatin1String(key)).toString();
            }
        }
        const bool knownKind = kind == u"training" || kind == u"inference" || kind == u"other";
        if (!rules.at(i).isObject() || r.size() != 2 || keys != 1 || !knownKind || rule.value.isEmpty()
            || rule.value.size() > MaxNameLength) {
            *error = tr("%1: expected \"kind\" (training, inference or other) and one of \"qos\", \"namePrefix\", "
                        "\"partition\" or \"account\", a non-empty string")
                         .arg(at);
            return false;
        }
        out->jobKinds.append(rule);
    }
    return true;
}

// "user", "region", "pools", "hostNames" and "jobKinds": what only a Slurm source has.
bool parseSlurmKeys(const QJsonObject& o, const QString& where, SourceConfig* out, QString* error)
{
    const bool slurm = out->kind == SourceConfig::Kind::Slurm;
    for (const char* key : { "user", "region", "pools", "hostNames", "jobKinds" }) {
        if (!slurm && o.contains(QLatin1String(key))) {
            *error = tr("%1.%2: only a \"slurm\" source has it").arg(where, QLatin1String(key));
            return false;
        }
    }
    for (auto [key, target] : { std::pair { "user", &out->user }, std::pair { "region", &out->region } }) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined()
            && (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > MaxNameLength)) {
            *error = tr("%1.%2: expected a non-empty string of at most %3 characters")
                         .arg(where, QLatin1String(key))
                         .arg(MaxNameLength);
            return false;
        }
        *target = v.toString().trimmed();
    }
    if (!parseHostNames(o, where, out, error) || !parseJobKinds(o, where, out, error))
        return false;
    const QJsonValue pools = o.value(QStringLiteral("pools"));
    if (pools.isUndefined())
        return true;
    if (!pools.isArray() || pools.toArray().size() > MaxSources) {
        *error = tr("%1.pools: expected an array of at most %2 rules").arg(where).arg(MaxSources);
        return false;
    }
    const QJsonArray rules = pools.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = QStringLiteral("%1.pools[%2]").arg(where).arg(i);
        const QJsonObject r = rules.at(i).toObject();
        if (!rules.at(i).isObject()
            || unknownKeys(
                r, { QStringLiteral("pool"), QStringLiteral("nodePrefix"), QStringLiteral("feature") }, at, error)) {
            if (!rules.at(i).isObject())
                *error = tr("%1: expected an object").arg(at);
            return false;
        }
        const auto text = [&r](const char* key) { return r.value(QLatin1String(key)).toString(); };
        const bool prefix = r.contains(QStringLiteral("nodePrefix"));
        const QString value = prefix ? text("nodePrefix") : text("feature");
        if (text("pool").isEmpty() || text("pool").size() > MaxNameLength
            || prefix == r.contains(QStringLiteral("feature")) || value.isEmpty() || value.size() > MaxNameLength) {
            *error = tr("%1: expected \"pool\" and one of \"nodePrefix\" or \"feature\", non-empty strings").arg(at);
            return false;
        }
        out->pools.append({ prefix ? PoolRule::Match::NamePrefix : PoolRule::Match::Feature, value, text("pool") });
    }
    return true;
}

// "historyHours" (0 … 9,600: 400 days; 0 reads no history before the first round) and "historyStepSeconds"
// (10 … 60, dividing a minute: the cache's capacity rollups count minutes).
bool parseHistoryKeys(const QJsonObject& o, const QString& where, SourceConfig* out, QString* error)
{
    const QJsonValue hours = o.value(QStringLiteral("historyHours"));
    if (!hours.isUndefined()) {
        const double h = hours.toDouble(-1);
        if (!hours.isDouble() || h != std::floor(h) || h < 0 || h > SourceConfig::MaxHistoryHours) {
            *error = tr("%1.historyHours: expected a whole number of hours from 0 to %2")
                         .arg(where)
                         .arg(SourceConfig::MaxHistoryHours);
            return false;
        }
        out->historyHours = int(h);
    }
    const QJsonValue step = o.value(QStringLiteral("historyStepSeconds"));
    if (!step.isUndefined()) {
        const double s = step.toDouble(-1);
        if (!step.isDouble() || s != std::floor(s) || s < 10 || s > 60 || 60 % int(s) != 0) {
            *error = tr("%1.historyStepSeconds: expected 10, 12, 15, 20, 30 or 60").arg(where);
            return false;
        }
        out->historyStepSeconds = int(s);
    }
    return true;
}

// "basicAuthFile", "labels" and the history keys: a Prometheus source's own keys.
bool parsePrometheusKeys(const QJsonObject& o, const QString& where, SourceConfig* out, QString* error)
{
    const bool prometheus = out->kind == SourceConfig::Kind::Prometheus;
    for (const char* key : { "basicAuthFile", "labels", "historyHours", "historyStepSeconds" }) {
        if (!prometheus && o.contains(QLatin1String(key))) {
            *error = tr("%1.%2: only a \"prometheus\" source has it").arg(where, QLatin1String(key));
            return false;
        }
    }
    const QJsonValue auth = o.value(QStringLiteral("basicAuthFile"));
    if (!auth.isUndefined()
        && (!auth.isString() || auth.toString().isEmpty() || auth.toString().size() > MaxPathLength)) {
        *error = tr("%1.basicAuthFile: expected a path").arg(where);
        return false;
    }
    out->basicAuthFile = auth.toString();
    if (!parseHistoryKeys(o, where, out, error))
        return false;
    const QJsonValue labels = o.value(QStringLiteral("labels"));
    if (labels.isUndefined())
        return true;
    if (!labels.isObject()) {
        *error = tr("%1.labels: expected an object").arg(where);
        return false;
    }
    const QJsonObject map = labels.toObject();
    if (unknownKeys(map,
            { QStringLiteral("node"), QStringLiteral("region"), QStringLiteral("pool"), QStringLiteral("rack") },
            where + QStringLiteral(".labels"), error))
        return false;
    // Prometheus label names: [a-zA-Z_][a-zA-Z0-9_]*.
    static const QRegularExpression name(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]{0,127}$"));
    for (auto [key, target] : { std::pair { "node", &out->labels.node }, std::pair { "region", &out->labels.region },
             std::pair { "pool", &out->labels.pool }, std::pair { "rack", &out->labels.rack } }) {
        const QJsonValue v = map.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        if (!v.isString() || !name.match(v.toString()).hasMatch()) {
            *error = tr("%1.labels.%2: expected a Prometheus label name").arg(where, QLatin1String(key));
            return false;
        }
        *target = v.toString();
    }
    return true;
}

bool parseSource(const QJsonValue& value, int index, SourceConfig* out, QString* error)
{
    const QString where = QStringLiteral("sources[%1]").arg(index);
    if (!value.isObject()) {
        *error = tr("%1: expected an object").arg(where);
        return false;
    }
    const QJsonObject o = value.toObject();
    if (unknownKeys(o,
            { QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("tokenFile"),
                QStringLiteral("intervalSeconds"), QStringLiteral("ca"), QStringLiteral("clientCert"),
                QStringLiteral("clientKey"), QStringLiteral("credential"), QStringLiteral("user"),
                QStringLiteral("region"), QStringLiteral("pools"), QStringLiteral("hostNames"),
                QStringLiteral("jobKinds"), QStringLiteral("basicAuthFile"), QStringLiteral("labels"),
                QStringLiteral("historyHours"), QStringLiteral("historyStepSeconds") },
            where, error))
        return false;

    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty() || name.toString().size() > MaxNameLength) {
        *error = tr("%1.name: expected a non-empty string of at most %2 characters").arg(where).arg(MaxNameLength);
        return false;
    }
    out->name = name.toString().trimmed();

    const QJsonValue kind = o.value(QStringLiteral("kind"));
    if (kind.isUndefined() || kind.toString() == QLatin1String("agent")) {
        out->kind = SourceConfig::Kind::Agent;
    } else if (kind.toString() == QLatin1String("fleet")) {
        out->kind = SourceConfig::Kind::Fleet;
    } else if (kind.toString() == QLatin1String("prometheus")) {
        out->kind = SourceConfig::Kind::Prometheus;
    } else if (kind.toString() == QLatin1String("slurm")) {
        out->kind = SourceConfig::Kind::Slurm;
    } else {
        *error = tr("%1.kind: expected \"agent\", \"fleet\", \"prometheus\" or \"slurm\"").arg(where);
        return false;
    }
    if (!parsePrometheusKeys(o, where, out, error) || !parseSlurmKeys(o, where, out, error))
        return false;

    const QJsonValue url = o.value(QStringLiteral("url"));
    if (!url.isString() || url.toString().size() > MaxPathLength) {
        *error = tr("%1.url: expected a string").arg(where);
        return false;
    }
    QUrl parsed(url.toString(), QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
        || parsed.host().isEmpty()) {
        *error = tr("%1.url: expected an http:// or https:// URL with a host").arg(where);
        return false;
    }
    if (!parsed.userInfo().isEmpty() || parsed.hasQuery() || parsed.hasFragment()) {
        // Credentials belong in the token file, not in a URL that ends up in logs.
        *error = tr("%1.url: must not carry user info, a query or a fragment").arg(where);
        return false;
    }
    if (!parsed.path().endsWith(u'/'))
        parsed.setPath(parsed.path() + u'/');
    out->url = parsed;

    const QJsonValue token = o.value(QStringLiteral("tokenFile"));
    if (!token.isUndefined() && (!token.isString() || token.toString().size() > MaxPathLength)) {
        *error = tr("%1.tokenFile: expected a path").arg(where);
        return false;
    }
    out->tokenFile = token.toString();

    for (auto [key, target] : { std::pair { "ca", &out->tls.caFile }, std::pair { "clientCert", &out->tls.certFile },
             std::pair { "clientKey", &out->tls.keyFile }, std::pair { "credential", &out->credential } }) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && (!v.isString() || v.toString().isEmpty() || v.toString().size() > MaxPathLength)) {
            *error = tr("%1.%2: expected a non-empty string").arg(where, QLatin1String(key));
            return false;
        }
        *target = v.toString();
    }
    if (!out->tls.isEmpty() && parsed.scheme() != QLatin1String("https")) {
        *error = tr("%1: ca, clientCert and clientKey need an https:// URL").arg(where);
        return false;
    }
    if (out->tls.certFile.isEmpty() != out->tls.keyFile.isEmpty()) {
        *error = tr("%1: clientCert and clientKey go together").arg(where);
        return false;
    }

    const QJsonValue interval = o.value(QStringLiteral("intervalSeconds"));
    if (interval.isUndefined()) {
        out->intervalMs = 5000;
    } else if (!interval.isDouble() || !(interval.toDouble() >= 1 && interval.toDouble() <= 3600)) {
        *error = tr("%1.intervalSeconds: expected a number from 1 to 3600").arg(where);
        return false;
    } else {
        out->intervalMs = int(std::lround(interval.toDouble() * 1000));
    }
    return true;
}

} // namespace

bool ConsoleConfig::load(const QString& path, ConsoleConfig* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.read(MaxConfigBytes + 1);
    if (data.size() > MaxConfigBytes) {
        *error = tr("%1: larger than %2 bytes").arg(path).arg(MaxConfigBytes);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? tr("%1: not valid JSON at offset %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString())
            : tr("%1: expected a JSON object").arg(path);
        return false;
    }
    const QJsonObject root = doc.object();
    if (unknownKeys(
            root, { QStringLiteral("version"), QStringLiteral("cache"), QStringLiteral("sources") }, path, error))
        return false;
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != FormatVersion) {
        *error = tr("%1: version: expected %2").arg(path).arg(FormatVersion);
        return false;
    }
    ConsoleConfig config;
    const QJsonValue cache = root.value(QStringLiteral("cache"));
    if (!cache.isUndefined() && (!cache.isString() || cache.toString().size() > MaxPathLength)) {
        *error = tr("%1: cache: expected a directory path").arg(path);
        return false;
    }
    config.cachePath = cache.toString();
    const QJsonValue sources = root.value(QStringLiteral("sources"));
    if (!sources.isArray() || sources.toArray().size() > MaxSources) {
        *error = tr("%1: sources: expected an array of at most %2 sources").arg(path).arg(MaxSources);
        return false;
    }
    QSet<QString> names;
    const QJsonArray list = sources.toArray();
    for (int i = 0; i < list.size(); ++i) {
        SourceConfig source;
        QString message;
        if (!parseSource(list.at(i), i, &source, &message)) {
            *error = path + QStringLiteral(": ") + message;
            return false;
        }
        if (names.contains(source.name)) {
            *error = tr("%1: sources[%2].name: \"%3\" is used twice").arg(path).arg(i).arg(source.name);
            return false;
        }
        names.insert(source.name);
        config.sources.append(source);
    }
    *out = std::move(config);
    return true;
}

bool ConsoleConfig::save(const QString& path, QString* error) const
{
    QString ignored;
    if (!error)
        error = &ignored;
    QJsonArray list;
    for (const SourceConfig& s : sources) {
        QJsonObject o { { QStringLiteral("name"), s.name }, { QStringLiteral("kind"), sourceKindKey(s.kind) },
            { QStringLiteral("url"), s.url.toString() }, { QStringLiteral("intervalSeconds"), s.intervalMs / 1000.0 } };
        if (!s.tokenFile.isEmpty())
            o.insert(QStringLiteral("tokenFile"), s.tokenFile);
        for (auto [key, value] : { std::pair { "ca", s.tls.caFile }, std::pair { "clientCert", s.tls.certFile },
                 std::pair { "clientKey", s.tls.keyFile }, std::pair { "credential", s.credential },
                 std::pair { "user", s.user }, std::pair { "region", s.region } }) {
            if (!value.isEmpty())
                o.insert(QLatin1String(key), value);
        }
        QJsonArray pools;
        for (const PoolRule& rule : s.pools) {
            pools.append(QJsonObject { { QStringLiteral("pool"), rule.pool },
                { rule.match == PoolRule::Match::Feature ? QStringLiteral("feature") : QStringLiteral("nodePrefix"),
                    rule.value } });
        }
        if (!pools.isEmpty())
            o.insert(QStringLiteral("pools"), pools);
        QJsonArray jobKinds;
        for (const JobKindRule& rule : s.jobKinds) {
            using Match = JobKindRule::Match;
            const QString key = rule.match == Match::Qos ? QStringLiteral("qos")
                : rule.match == Match::NamePrefix        ? QStringLiteral("namePrefix")
                : rule.match == Match::Partition         ? QStringLiteral("partition")
                                                         : QStringLiteral("account");
            jobKinds.append(QJsonObject { { QStringLiteral("kind"), rule.kind }, { key, rule.value } });
        }
        if (!jobKinds.isEmpty())
            o.insert(QStringLiteral("jobKinds"), jobKinds);
        if (!s.hostNames.isEmpty()) {
            QJsonObject names;
            for (auto it = s.hostNames.cbegin(); it != s.hostNames.cend(); ++it)
                names.insert(it.key(), it.value());
            o.insert(QStringLiteral("hostNames"), names);
        }
        if (!s.basicAuthFile.isEmpty())
            o.insert(QStringLiteral("basicAuthFile"), s.basicAuthFile);
        if (s.historyHours >= 0)
            o.insert(QStringLiteral("historyHours"), s.historyHours);
        if (s.historyStepSeconds > 0)
            o.insert(QStringLiteral("historyStepSeconds"), s.historyStepSeconds);
        if (s.kind == SourceConfig::Kind::Prometheus && s.labels != Prometheus::TopologyLabels()) {
            const Prometheus::TopologyLabels& l = s.labels;
            o.insert(QStringLiteral("labels"),
                QJsonObject { { QStringLiteral("node"), l.node }, { QStringLiteral("region"), l.region },
                    { QStringLiteral("pool"), l.pool }, { QStringLiteral("rack"), l.rack } });
        }
        list.append(o);
    }
    QJsonObject root { { QStringLiteral("version"), FormatVersion }, { QStringLiteral("sources"), list } };
    if (!cachePath.isEmpty())
        root.insert(QStringLiteral("cache"), cachePath);
    // Written aside and renamed: a crash never leaves half a configuration.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Meridian
