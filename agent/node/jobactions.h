// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Job actions on a real node: POST /api/v1/jobs/ID/cancel|requeue runs the
// command configured for that action (e.g. "scancel %j") through QProcess with
// an argument list, never a shell; %j becomes the (validated) job id. No
// command configured: 501 with how to configure one. The job must be one this
// node reports (409 otherwise). {"dryRun": true} previews the command line.
// Operator role needed; every action and refused attempt goes to the audit log.

#include <QString>
#include <QStringList>

#include <memory>

namespace Meridian::Agent {

class AgentState;
class AuditLog;
class HttpService;
class RoleTable;

struct JobActionCommands
{
    QString cancel; ///< command line; empty: not configured
    QString requeue;
    int timeoutMs = 30000;
};

class JobActions
{
public:
    JobActions(HttpService* service, const AgentState* state, JobActionCommands commands,
        std::shared_ptr<const RoleTable> roles, AuditLog* audit);

    // The argument list for `commandLine` with %j replaced; empty when the line is empty or unbalanced.
    static QStringList expand(const QString& commandLine, const QString& jobId);

private:
    const AgentState* m_state;
    JobActionCommands m_commands;
    std::shared_ptr<const RoleTable> m_roles;
    AuditLog* m_audit;
};

} // namespace Meridian::Agent
