// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/actionservice.h" // AuditEntry (a page never includes the audit store)

#include <QCoreApplication>
#include <QString>

namespace Meridian {

// An audit entry in words a person reads: who did what, on what, where, and how it ended.
// The raw record (the confirmed preview, the engine's answer, the HTTP status) is details()
// — shown on demand, never as JSON in a cell.
class AuditText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::AuditText)
public:
    static QString what(const AuditEntry& entry); ///< "Cancel job", "Preview: drain node"
    static QString target(const AuditEntry& entry); ///< "job job-000072", "node gpu017", "incident …"
    static QString result(const AuditEntry& entry); ///< "Done", "Failed (HTTP 403): forbidden", "No answer: …"
    static QString sentence(const AuditEntry& entry); ///< the whole line, for a tooltip or a screen reader
    static QString details(const AuditEntry& entry); ///< the raw record, one field a line
    static bool succeeded(const AuditEntry& entry);
};

} // namespace Meridian
