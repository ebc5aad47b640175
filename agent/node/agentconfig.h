// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// meridian-agent's settings: command-line flags, optionally on top of an INI
// file (--config FILE) with the same keys as the long flags. Flags win.

#include "agent/node/probeconfig.h"

#include <QString>
#include <QStringList>

namespace Meridian::Agent {

struct AgentConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 9464;
    QString tokenFile;
    QString webConfigFile; ///< exporter web-config: TLS, client certificates, basic auth
    QString tokensFile; ///< roles per token (agent/common/roles.h)
    QString auditLogFile; ///< JSON lines of job actions
    qint64 auditLogMaxBytes = 64 * 1024 * 1024; ///< rotation size (auditlog.h)
    int auditLogKeep = 5; ///< rotated files kept
    QString cancelCommand; ///< "scancel %j": run via QProcess, no shell; empty: cancel refused (501)
    QString requeueCommand;
    QString drainCommand; ///< "scontrol update nodename=%n state=drain reason=%r"; empty: drain refused (501)
    QString resumeCommand;
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
    ProbeSettings probes; ///< latency probes to peer agents (prober.h)

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
