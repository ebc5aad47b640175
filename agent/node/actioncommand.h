// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the job actions (cancel, requeue) and node actions (drain, resume) of a
// real agent share: the audit trail of one request, and running the command
// the site configured for the action — never through a shell, bounded in time
// and output — then answering with what it did.

#include "auditlog.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace Meridian::Agent {

struct Caller;

// One action request's audit record: caller, action and target come from the
// request (`POST …/TARGET/ACTION`), the outcome from finish().
class ActionAudit
{
public:
    ActionAudit(const httplib::Request& request, const Caller& caller, AuditLog* log);

    const QString& target() const { return m_record.target; }
    const QString& action() const { return m_record.action; }
    // Appends the record with the status already set on `response`.
    void finish(const httplib::Response& response, const QString& outcome, const QString& detail);
    // A refusal answered by requireRole() & co.: the reason is the answer's {"error"}.
    void refused(const httplib::Response& response);

private:
    AuditRecord m_record;
    AuditLog* m_log;
};

// Runs `args` (the program first) and answers: 502 with the reason when it
// does not finish within `timeoutMs` or fails, else `reply` with its exit code
// and output, completed by `performed`. The outcome goes to `audit`.
void runActionCommand(const QStringList& args, int timeoutMs, QJsonObject reply,
    const std::function<void(QJsonObject*)>& performed, httplib::Response& response, ActionAudit* audit);

} // namespace Meridian::Agent
