// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Command line of meridian-fleetsim. Every flag is checked; a bad one is an
// error with a message, never a silent default.

#include <QString>
#include <QStringList>

#include <optional>

namespace Meridian::Sim {

// How the simulation runs: what the command line says, and what Simulation takes.
struct SimOptions
{
    quint64 seed = 1;
    qint64 startMs = 0; ///< simulated "now" when serving begins (from --start-time, else now, on the grid)
    qint64 historyMs = 0; ///< simulated past before startMs
    qint64 intervalMs = 5000;
    double speed = 1;
    bool paused = false;
};

// The whole command line: where and how to serve, and the simulation.
struct Options
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString scenarioPath; ///< empty: the built-in default scenario
    int nodes = 0; ///< 0: as the scenario says
    SimOptions simulation; ///< startMs is set from startTime when serving begins
    QString tokenFile;
    QString tokensFile; ///< roles per token (agent/common/roles.h)
    QString auditLogFile; ///< JSON lines of job actions
    qint64 auditLogMaxBytes = 64 * 1024 * 1024; ///< rotation size (auditlog.h)
    int auditLogKeep = 5; ///< rotated files kept
    QString webConfigFile; ///< exporter web-config: TLS, client certificates, basic auth
    std::optional<qint64> startTime; ///< --start-time; absent: now
    int threads = 32;
};

// "90m", "2h", "1d", "45s", "300" (seconds) → milliseconds; nullopt when malformed or above 30 days.
std::optional<qint64> parseDuration(const QString& text);

// Parses argv (without the program name); false with the reason in *error.
bool parseOptions(const QStringList& arguments, Options* out, QString* error);
QString usage();

} // namespace Meridian::Sim
