// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Acknowledgements of incidents live in the cache's append-only audit table
// (AuditStore, state.db): one entry per acknowledgement, the incident's stable
// key as the target and the note as the result. No schema change: the audit
// is the store, and reading it back restores the acknowledgements at start.

#include "core/cache/auditstore.h"
#include "core/faults/faulttypes.h"

#include <QHash>

namespace Meridian::Faults {

inline constexpr char AcknowledgeAction[] = "acknowledge-incident";
inline constexpr int MaxNoteLength = 2000;

AuditEntry acknowledgementEntry(const Incident& incident, const QString& note, const QString& principal, qint64 nowMs);
// Incident key → note, from audit entries given newest first (the newest note wins).
QHash<QString, QString> acknowledgementsFrom(const QList<AuditEntry>& entries);

} // namespace Meridian::Faults
