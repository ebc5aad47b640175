// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The audit record of one action request (`POST …/TARGET/ACTION`: cancel,
// requeue, drain, resume), shared by the node agent and the fleet simulator so
// that both write the same trail for the same request.

#include "agent/common/auditlog.h"
#include "agent/common/httpmessage.h"

namespace Meridian::Agent {

struct Caller;

// Caller, action and target come from the request, the outcome from finish()
// or refused(). The record is appended once, with the answer's status.
class ActionAudit
{
public:
    ActionAudit(const HttpRequest& request, const Caller& caller, AuditLog* log);

    const QString& target() const { return m_record.target; }
    const QString& action() const { return m_record.action; }
    // Appends the record with the status already set on `response`.
    void finish(const HttpResponse& response, const QString& outcome, const QString& detail);
    // A refusal already answered (a bad body, requireRole() & co.): the reason is the answer's {"error"}.
    void refused(const HttpResponse& response);

private:
    AuditRecord m_record;
    AuditLog* m_log;
};

} // namespace Meridian::Agent
