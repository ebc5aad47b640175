// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Command line of meridian-fleetsim. Every flag is checked; a bad one is an
// error with a message, never a silent default.

#include <QString>
#include <QStringList>

#include <optional>

namespace Meridian::Sim {

struct Options
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString scenarioPath; ///< empty: the built-in default scenario
    quint64 seed = 1;
    int nodes = 0; ///< 0: as the scenario says
    double speed = 1;
    QString tokenFile;
    QString tokensFile; ///< roles per token (agent/common/roles.h)
    QString auditLogFile; ///< JSON lines of job actions
    qint64 auditLogMaxBytes = 64 * 1024 * 1024; ///< rotation size (auditlog.h)
    int auditLogKeep = 5; ///< rotated files kept
    QString webConfigFile; ///< exporter web-config: TLS, client certificates, basic auth
    qint64 historyMs = 0;
    qint64 intervalMs = 5000;
    std::optional<qint64> startMs; ///< absent: now
    bool paused = false;
    int threads = 32;
};

// "90m", "2h", "1d", "45s", "300" (seconds) → milliseconds; nullopt when malformed or above 30 days.
std::optional<qint64> parseDuration(const QString& text);

// Parses argv (without the program name); false with the reason in *error.
bool parseOptions(const QStringList& arguments, Options* out, QString* error);
QString usage();

} // namespace Meridian::Sim
