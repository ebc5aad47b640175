// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Node actions on a real node: POST /api/v1/nodes/ID/drain|resume (ID: this
// agent's node id, 404 otherwise) runs the command configured for the action
// (e.g. "scontrol update nodename=%n state=drain reason=%r") through QProcess
// with an argument list, never a shell: %n becomes the node id, %r the
// operator's reason (one argument however many spaces it holds). No command
// configured: 501. {"dryRun": true} previews the jobs on the node with their
// accelerators, the capacity removed and the command line. Operator role
// needed; every action and refused attempt goes to the audit log.

#include <QString>
#include <QStringList>

#include <memory>

namespace Meridian::Agent {

class AgentState;
class AuditLog;
class HttpService;
class RoleTable;

struct NodeActionCommands
{
    QString drain; ///< command line; empty: not configured
    QString resume;
    int timeoutMs = 30000;
};

class NodeActions
{
public:
    NodeActions(HttpService* service, const AgentState* state, NodeActionCommands commands,
        std::shared_ptr<const RoleTable> roles, AuditLog* audit);

    // The argument list for `commandLine` with %n and %r replaced after splitting; empty when unparsable.
    static QStringList expand(const QString& commandLine, const QString& nodeId, const QString& reason);

private:
    const AgentState* m_state;
    NodeActionCommands m_commands;
    std::shared_ptr<const RoleTable> m_roles;
    AuditLog* m_audit;
};

} // namespace Meridian::Agent
