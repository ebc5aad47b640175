// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// meridian-agent's settings: command-line flags, optionally on top of an INI
// file (--config FILE) with the same keys as the long flags. Flags win.

#include <QString>
#include <QStringList>

namespace Meridian::Agent {

struct AgentConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 9464;
    QString tokenFile;
    QString region;
    QString pool;
    QString rack;
    QString nodeId; ///< empty: the hostname
    int intervalSeconds = 5;
    qsizetype historySize = 0; ///< 0: one hour at the interval (at least 720 ticks)
    QString jobMappingDir;
    QString npuSmi; ///< empty: search PATH; "none": disabled
    QString nvidiaSmi;
    QString procRoot = QStringLiteral("/proc");

    qsizetype effectiveHistorySize() const;
};

struct ConfigResult
{
    enum Status { Run, ExitOk, ExitError } status = Run;
    QString message; ///< help text, or the error
};

// args includes the program name (QCoreApplication::arguments()).
ConfigResult parseAgentConfig(const QStringList& args, AgentConfig* out);

} // namespace Meridian::Agent
