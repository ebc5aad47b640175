// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/options.h"

#include "agent/fleetsim/scenario.h"

#include <QRegularExpression>

#include <cmath>

namespace Meridian::Sim {
namespace {

constexpr qint64 MaxHistoryMs = 30LL * 24 * 3600 * 1000;
constexpr qint64 MinTimestampMs = 946684800000LL; // 2000-01-01
constexpr qint64 MaxTimestampMs = 4102444800000LL; // 2100-01-01

} // namespace

std::optional<qint64> parseDuration(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9}(?:\\.\\d{1,3})?)([smhd]?)$"));
    const auto match = re.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    const double seconds = unit == QLatin1String("m") ? 60.0
        : unit == QLatin1String("h")                  ? 3600.0
        : unit == QLatin1String("d")                  ? 86400.0
                                                      : 1.0;
    const double ms = value * seconds * 1000.0;
    if (!(ms >= 0) || ms > double(MaxHistoryMs))
        return std::nullopt;
    return qint64(std::llround(ms));
}

QString usage()
{
    return QStringLiteral(
        "Usage: meridian-fleetsim [options]\n"
        "Serves a deterministic simulated fleet over Meridian protocol v1 on one port.\n\n"
        "  --listen HOST:PORT     address to listen on (default 127.0.0.1:0, any free port)\n"
        "  --scenario FILE        scenario JSON (default: the built-in national demo)\n"
        "  --seed N               random seed (default 1)\n"
        "  --nodes N              scale the scenario's pools to N nodes in total\n"
        "  --speed X              simulated seconds per real second (default 1)\n"
        "  --token-file FILE      require this bearer token on /api/* and /sim/*\n"
        "  --tokens-file FILE     more tokens with roles, one \"viewer|operator|admin TOKEN\" a line\n"
        "  --audit-log FILE       append every job action and refused attempt here (JSON lines)\n"
        "  --audit-log-max-bytes N  rotate the audit log past N bytes (default 67108864)\n"
        "  --audit-log-keep N     rotated audit logs kept, FILE.1 … FILE.N (1-100, default 5)\n"
        "  --web-config FILE      TLS and basic auth (node_exporter's web-config.yml format)\n"
        "  --history DURATION     pre-generated history, e.g. 90m, 2h, 1d (default 0)\n"
        "  --interval SECONDS     sample interval (default 5)\n"
        "  --start-time MS        simulated time at start, ms since the epoch (default: now)\n"
        "  --paused               start with the clock paused (advance with POST /sim/control)\n"
        "  --threads N            HTTP worker threads (default 32)\n"
        "  --help                 this text\n");
}

bool parseOptions(const QStringList& args, Options* out, QString* error)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& flag = args[i];
        if (flag == QLatin1String("--paused")) {
            o.simulation.paused = true;
            continue;
        }
        static const QStringList valued = { QStringLiteral("--listen"), QStringLiteral("--scenario"),
            QStringLiteral("--seed"), QStringLiteral("--nodes"), QStringLiteral("--speed"),
            QStringLiteral("--token-file"), QStringLiteral("--web-config"), QStringLiteral("--tokens-file"),
            QStringLiteral("--audit-log"), QStringLiteral("--history"), QStringLiteral("--interval"),
            QStringLiteral("--start-time"), QStringLiteral("--threads"), QStringLiteral("--audit-log-max-bytes"),
            QStringLiteral("--audit-log-keep") };
        QString name = flag;
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = flag.indexOf(u'='); eq > 0 && flag.startsWith(QLatin1String("--"))) {
            name = flag.left(eq);
            value = flag.mid(eq + 1);
            hasValue = true;
        }
        if (!valued.contains(name)) {
            *error = QStringLiteral("unknown option %1 (see --help)").arg(flag.left(64));
            return false;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                *error = QStringLiteral("%1 needs a value").arg(name);
                return false;
            }
            value = args[++i];
        }
        bool ok = false;
        if (name == QLatin1String("--listen")) {
            const qsizetype colon = value.lastIndexOf(u':');
            const uint port = colon > 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
            if (colon <= 0 || !ok || port > 65535) {
                *error = QStringLiteral("--listen expects HOST:PORT, got \"%1\"").arg(value.left(64));
                return false;
            }
            o.host = value.left(colon);
            if (o.host.startsWith(u'[') && o.host.endsWith(u']'))
                o.host = o.host.mid(1, o.host.size() - 2);
            o.port = quint16(port);
        } else if (name == QLatin1String("--scenario")) {
            o.scenarioPath = value;
        } else if (name == QLatin1String("--seed")) {
            o.simulation.seed = value.toULongLong(&ok);
            if (!ok) {
                *error = QStringLiteral("--seed expects a non-negative integer");
                return false;
            }
        } else if (name == QLatin1String("--nodes")) {
            o.nodes = value.toInt(&ok);
            if (!ok || o.nodes < 1 || o.nodes > MaxNodes) {
                *error = QStringLiteral("--nodes expects an integer in 1…%1").arg(MaxNodes);
                return false;
            }
        } else if (name == QLatin1String("--speed")) {
            o.simulation.speed = value.toDouble(&ok);
            if (!ok || !(o.simulation.speed > 0) || o.simulation.speed > 100000) {
                *error = QStringLiteral("--speed expects a number in (0, 100000]");
                return false;
            }
        } else if (name == QLatin1String("--token-file")) {
            o.tokenFile = value;
        } else if (name == QLatin1String("--tokens-file")) {
            o.tokensFile = value;
        } else if (name == QLatin1String("--audit-log")) {
            o.auditLogFile = value;
        } else if (name == QLatin1String("--audit-log-max-bytes")) {
            o.auditLogMaxBytes = value.toLongLong(&ok);
            if (!ok || o.auditLogMaxBytes < 4096 || o.auditLogMaxBytes > (64LL << 30)) {
                *error = QStringLiteral("--audit-log-max-bytes expects an integer in 4096…68719476736");
                return false;
            }
        } else if (name == QLatin1String("--audit-log-keep")) {
            o.auditLogKeep = value.toInt(&ok);
            if (!ok || o.auditLogKeep < 1 || o.auditLogKeep > 100) {
                *error = QStringLiteral("--audit-log-keep expects an integer in 1…100");
                return false;
            }
        } else if (name == QLatin1String("--web-config")) {
            o.webConfigFile = value;
        } else if (name == QLatin1String("--history")) {
            const auto d = parseDuration(value);
            if (!d) {
                *error = QStringLiteral("--history expects a duration such as 90m, 2h or 1d (at most 30d)");
                return false;
            }
            o.simulation.historyMs = *d;
        } else if (name == QLatin1String("--interval")) {
            const double s = value.toDouble(&ok);
            if (!ok || !(s >= 0.1) || s > 3600) {
                *error = QStringLiteral("--interval expects seconds in 0.1…3600");
                return false;
            }
            o.simulation.intervalMs = qint64(std::llround(s * 1000));
        } else if (name == QLatin1String("--start-time")) {
            const qint64 ms = value.toLongLong(&ok);
            if (!ok || ms < MinTimestampMs || ms > MaxTimestampMs) {
                *error = QStringLiteral("--start-time expects ms since the epoch between 2000 and 2100");
                return false;
            }
            o.startTime = ms;
        } else if (name == QLatin1String("--threads")) {
            o.threads = value.toInt(&ok);
            if (!ok || o.threads < 1 || o.threads > 64) {
                *error = QStringLiteral("--threads expects an integer in 1…64");
                return false;
            }
        }
    }
    *out = o;
    return true;
}

} // namespace Meridian::Sim
