// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/faultacks.h"

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

} // namespace Meridian::Faults
