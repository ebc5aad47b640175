// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/faultacks.h"

#include "core/faults/faulttracker.h"
#include "core/util/whenready.h"

#include <QDateTime>
#include <QTimer>

namespace Meridian::Faults {

AuditEntry acknowledgementEntry(const Incident& incident, const QString& note, const QString& principal, qint64 nowMs)
{
    AuditEntry e;
    e.timestampMs = nowMs;
    e.principal = principal;
    e.source = QStringLiteral("console");
    e.action = QLatin1String(AcknowledgeAction);
    e.jobId = incident.key; // the audit's target column
    e.preview = QStringLiteral("%1 · %2 · %3 faults · first seen %4")
                    .arg(incident.title, incident.region)
                    .arg(incident.count())
                    .arg(incident.firstSeenMs);
    e.result = note.left(MaxNoteLength);
    e.status = 0;
    return e;
}

QHash<QString, QString> acknowledgementsFrom(const QList<AuditEntry>& entries)
{
    QHash<QString, QString> acks;
    for (const AuditEntry& e : entries)
        if (e.action == QLatin1String(AcknowledgeAction) && !e.jobId.isEmpty() && !acks.contains(e.jobId))
            acks.insert(e.jobId, e.result);
    return acks;
}

namespace {
constexpr int RestoreAttempts = 10;
constexpr int RestoreRetryMs = 1000;
constexpr int AppendAttempts = 5;
constexpr int AppendRetryMs = 500;
} // namespace

AcknowledgementLog::AcknowledgementLog(FaultTracker* tracker, QObject* parent)
    : QObject(parent)
    , m_tracker(tracker)
{ }

void AcknowledgementLog::setAuditStore(AuditStore* audit)
{
    m_audit = audit;
    m_restoreAttempts = 0;
    restore();
}

void AcknowledgementLog::restore()
{
    if (!m_audit)
        return;
    whenReady(this, m_audit->entries(10000), [this](const QList<AuditEntry>& entries) {
        m_tracker->restoreAcknowledgements(acknowledgementsFrom(entries));
        if (entries.isEmpty() && m_audit && !m_audit->lastError().isEmpty() && m_restoreAttempts++ < RestoreAttempts)
            QTimer::singleShot(RestoreRetryMs, this, &AcknowledgementLog::restore);
    });
}

void AcknowledgementLog::acknowledge(int incidentId, const QString& note, const QString& principal)
{
    const Incident* incident = m_tracker->grouper().incident(incidentId);
    if (!incident)
        return;
    const QString trimmed = note.trimmed().left(MaxNoteLength);
    const AuditEntry entry = acknowledgementEntry(*incident, trimmed, principal, QDateTime::currentMSecsSinceEpoch());
    m_tracker->acknowledge(incidentId, trimmed);
    if (!m_audit) {
        Q_EMIT acknowledged(incidentId, false);
        return;
    }
    append(entry, incidentId, AppendAttempts);
}

void AcknowledgementLog::append(const AuditEntry& entry, int incidentId, int attemptsLeft)
{
    // The cache writer may still be creating state.db at start-up: try again a few times.
    whenReady(this, m_audit->append(entry), [this, entry, incidentId, attemptsLeft](bool ok) {
        if (ok || attemptsLeft <= 1 || !m_audit)
            Q_EMIT acknowledged(incidentId, ok);
        else
            QTimer::singleShot(AppendRetryMs, this, [=, this] { append(entry, incidentId, attemptsLeft - 1); });
    });
}

} // namespace Meridian::Faults
