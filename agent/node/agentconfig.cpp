// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/agentconfig.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

namespace Meridian::Agent {
namespace {

struct Key
{
    const char* name;
    const char* valueName;
    const char* help;
};

constexpr Key Keys[] = {
    { "listen", "HOST:PORT", "Address to serve on (default 127.0.0.1:9464; port 0 picks a free one)." },
    { "token-file", "FILE", "Bearer token for /api/* (first line of FILE). Required for non-loopback addresses." },
    { "web-config", "FILE", "TLS and basic auth in node_exporter's web-config.yml format." },
    { "tokens-file", "FILE", "More tokens with roles: one \"viewer|operator|admin TOKEN\" per line." },
    { "audit-log", "FILE", "Append every job action and refused attempt here (JSON lines)." },
    { "audit-log-max-bytes", "BYTES",
        "Rotate the audit log past this size: FILE becomes FILE.1, … (4096-68719476736, default 67108864)." },
    { "audit-log-keep", "N", "Rotated audit logs kept (FILE.1 … FILE.N), 1-100 (default 5)." },
    { "cancel-command", "CMD", "Command that cancels a job, %j = job id (e.g. \"scancel %j\"); run without a shell." },
    { "requeue-command", "CMD", "Command that requeues a job, %j = job id (e.g. \"scontrol requeue %j\")." },
    { "drain-command", "CMD",
        "Command that drains this node, %n = node id, %r = reason (e.g. \"scontrol update nodename=%n state=drain "
        "reason=%r\")." },
    { "resume-command", "CMD",
        "Command that resumes this node, %n = node id (e.g. \"scontrol update nodename=%n "
        "state=resume\")." },
    { "region", "NAME", "Region this node belongs to." },
    { "pool", "NAME", "Resource pool this node belongs to." },
    { "rack", "NAME", "Rack this node sits in." },
    { "node-id", "ID", "Node id (default: the hostname)." },
    { "interval", "SECONDS", "Collection interval in seconds, 1-3600 (default 5)." },
    { "history-size", "TICKS", "Ticks kept for /api/v1/samples (default: one hour at the interval)." },
    { "job-mapping-dir", "DIR", "Directory with one file per accelerator index naming its job id." },
    { "npu-smi", "PATH", "npu-smi binary (default: from PATH; \"none\" disables)." },
    { "nvidia-smi", "PATH", "nvidia-smi binary (default: from PATH; \"none\" disables)." },
    { "proc-root", "DIR", "Where procfs is mounted (default /proc)." },
    { "probe-peers", "LIST", "Peer agents to probe for latency: NODE-ID@HOST:PORT,… (default: none)." },
    { "probe-interval-ms", "MS", "Probe interval per peer in ms, 100-60000 (default 1000)." },
    { "probe-window", "SECONDS", "Probe statistics window in seconds, 1-3600 (default 60)." },
};

bool validName(const QString& v)
{
    if (v.size() > 128)
        return false;
    for (QChar c : v) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

// Applies one key's value; false with the reason in *error.
bool apply(const QString& key, const QString& value, AgentConfig* c, QString* error)
{
    auto integer = [&](qint64 min, qint64 max, qint64* out) {
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            *error = QStringLiteral("%1: \"%2\" is not an integer in %3-%4").arg(key, value.left(40)).arg(min).arg(max);
            return false;
        }
        *out = v;
        return true;
    };
    if (key == QLatin1String("listen")) {
        const qsizetype colon = value.lastIndexOf(u':');
        QString host = value.left(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        bool ok = false;
        const uint port = value.mid(colon + 1).toUInt(&ok);
        if (colon <= 0 || host.isEmpty() || !ok || port > 65535) {
            *error = QStringLiteral("listen: \"%1\" is not HOST:PORT").arg(value.left(80));
            return false;
        }
        c->host = host;
        c->port = quint16(port);
        return true;
    }
    if (key == QLatin1String("interval")) {
        qint64 v = 0;
        if (!integer(1, 3600, &v))
            return false;
        c->intervalSeconds = int(v);
        return true;
    }
    if (key == QLatin1String("probe-peers"))
        return value.size() <= 64 * 1024 && parseProbePeers(value, &c->probes.peers, error);
    if (key == QLatin1String("probe-interval-ms") || key == QLatin1String("probe-window")) {
        const bool ms = key == QLatin1String("probe-interval-ms");
        qint64 v = 0;
        if (!integer(ms ? 100 : 1, ms ? 60000 : 3600, &v))
            return false;
        (ms ? c->probes.intervalMs : c->probes.windowSeconds) = int(v);
        return true;
    }
    if (key == QLatin1String("audit-log-max-bytes")) {
        qint64 v = 0;
        if (!integer(4096, 64LL << 30, &v))
            return false;
        c->auditLogMaxBytes = v;
        return true;
    }
    if (key == QLatin1String("audit-log-keep")) {
        qint64 v = 0;
        if (!integer(1, 100, &v))
            return false;
        c->auditLogKeep = int(v);
        return true;
    }
    if (key == QLatin1String("history-size")) {
        qint64 v = 0;
        if (!integer(1, 1000000, &v))
            return false;
        c->historySize = qsizetype(v);
        return true;
    }
    if (QString* text = key == QLatin1String("tokens-file") ? &c->tokensFile
            : key == QLatin1String("audit-log")             ? &c->auditLogFile
            : key == QLatin1String("cancel-command")        ? &c->cancelCommand
            : key == QLatin1String("requeue-command")       ? &c->requeueCommand
            : key == QLatin1String("drain-command")         ? &c->drainCommand
            : key == QLatin1String("resume-command")        ? &c->resumeCommand
                                                            : nullptr) {
        // Paths and command lines: free text, but one line of bounded length.
        if (value.trimmed().isEmpty() || value.size() > 1024 || value.contains(u'\n') || value.contains(QChar(0))) {
            *error = QStringLiteral("%1: expected one non-empty line of at most 1024 characters").arg(key);
            return false;
        }
        *text = value;
        return true;
    }
    QString* target = key == QLatin1String("token-file") ? &c->tokenFile
        : key == QLatin1String("web-config")             ? &c->webConfigFile
        : key == QLatin1String("region")                 ? &c->region
        : key == QLatin1String("pool")                   ? &c->pool
        : key == QLatin1String("rack")                   ? &c->rack
        : key == QLatin1String("node-id")                ? &c->nodeId
        : key == QLatin1String("job-mapping-dir")        ? &c->jobMappingDir
        : key == QLatin1String("npu-smi")                ? &c->npuSmi
        : key == QLatin1String("nvidia-smi")             ? &c->nvidiaSmi
        : key == QLatin1String("proc-root")              ? &c->procRoot
                                                         : nullptr;
    if (!target) {
        *error = QStringLiteral("unknown key \"%1\"").arg(key.left(40));
        return false;
    }
    if (!validName(value)) {
        *error = QStringLiteral("%1: value too long or has control characters").arg(key);
        return false;
    }
    *target = value;
    return true;
}

bool applyFile(const QString& path, AgentConfig* c, QString* error)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("config %1: not a readable file").arg(path);
        return false;
    }
    if (info.size() > 64 * 1024) {
        *error = QStringLiteral("config %1: larger than 64 KiB").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("config %1: malformed INI").arg(path);
        return false;
    }
    if (!settings.childGroups().isEmpty()) {
        *error = QStringLiteral("config %1: unknown section [%2]").arg(path, settings.childGroups().constFirst());
        return false;
    }
    const QStringList keys = settings.childKeys();
    for (const QString& key : keys) {
        const QVariant v = settings.value(key);
        // QSettings turns "a,b" into a list: a setting here is always one value.
        if (v.typeId() != QMetaType::QString) {
            *error = QStringLiteral("config %1: %2: expected a single value").arg(path, key);
            return false;
        }
        QString why;
        if (!apply(key, v.toString().trimmed(), c, &why)) {
            *error = QStringLiteral("config %1: %2").arg(path, why);
            return false;
        }
    }
    return true;
}

} // namespace

qsizetype AgentConfig::effectiveHistorySize() const
{
    if (historySize > 0)
        return historySize;
    return std::max<qsizetype>(720, (3600 + intervalSeconds - 1) / intervalSeconds);
}

ConfigResult parseAgentConfig(const QStringList& args, AgentConfig* out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meridian node agent: serves this node's metrics, inventory and "
                                                    "history over protocol v1 and Prometheus /metrics."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption config(
        QStringLiteral("config"), QStringLiteral("INI file with the same keys as the flags."), QStringLiteral("FILE"));
    parser.addOption(config);
    // The help texts are UTF-8 ("…"): read as Latin-1 they printed "â¦" in --help.
    for (const Key& k : Keys)
        parser.addOption(
            QCommandLineOption(QLatin1String(k.name), QString::fromUtf8(k.help), QLatin1String(k.valueName)));
    if (!parser.parse(args))
        return { ConfigResult::ExitError, parser.errorText() };
    if (parser.isSet(help))
        return { ConfigResult::ExitOk, parser.helpText() };
    if (parser.isSet(version))
        return { ConfigResult::ExitOk, QStringLiteral("meridian-agent " MERIDIAN_VERSION) };
    if (!parser.positionalArguments().isEmpty())
        return { ConfigResult::ExitError,
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()) };
    AgentConfig c;
    QString error;
    if (parser.isSet(config) && !applyFile(parser.value(config), &c, &error))
        return { ConfigResult::ExitError, error };
    for (const Key& k : Keys) {
        const QString name = QLatin1String(k.name);
        if (parser.isSet(name) && !apply(name, parser.value(name), &c, &error))
            return { ConfigResult::ExitError, QStringLiteral("--") + error };
    }
    *out = c;
    return {};
}

} // namespace Meridian::Agent
