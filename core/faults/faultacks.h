// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Acknowledgements of incidents live in the cache's append-only audit table
// (AuditStore, state.db): one entry per acknowledgement, the incident's stable
// key as the target and the note as the result. No schema change: the audit
// is the store, and reading it back restores the acknowledgements at start.

#include "core/cache/auditstore.h"
#include "core/faults/faulttypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Meridian::Faults {

inline constexpr char AcknowledgeAction[] = "acknowledge-incident";
inline constexpr int MaxNoteLength = 2000;

AuditEntry acknowledgementEntry(const Incident& incident, const QString& note, const QString& principal, qint64 nowMs);
// Incident key → note, from audit entries given newest first (the newest note wins).
QHash<QString, QString> acknowledgementsFrom(const QList<AuditEntry>& entries);

class FaultTracker;

// Acknowledging an incident: noted in the tracker at once and appended to the audit log; the log is read back
// at start, so acknowledgements outlive the console. One per session, whichever page acknowledges.
class AcknowledgementLog : public QObject
{
    Q_OBJECT
public:
    explicit AcknowledgementLog(FaultTracker* tracker, QObject* parent = nullptr);

    // Restores the acknowledgements kept there; while the cache is still being created at start-up the log
    // is empty and unreadable for a moment, so an empty answer with an error is asked again a few times.
    void setAuditStore(AuditStore* audit);
    void restore();
    bool canKeep() const { return m_audit != nullptr; }
    void acknowledge(int incidentId, const QString& note, const QString& principal);

Q_SIGNALS:
    void acknowledged(int incidentId, bool kept); ///< kept: written to the audit log

private:
    void append(const AuditEntry& entry, int incidentId, int attemptsLeft);

    FaultTracker* m_tracker;
    QPointer<AuditStore> m_audit;
    int m_restoreAttempts = 0;
};

} // namespace Meridian::Faults
