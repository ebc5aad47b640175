// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/audittext.h"

#include "core/faults/faultacks.h"
#include "ui/common/displayformat.h"

namespace Meridian {

namespace {
const QString PreviewSuffix = QStringLiteral(" (preview)");

struct Action
{
    QString verb; ///< the engine's word without "-node" and " (preview)"
    bool onNode = false;
    bool preview = false;
    bool acknowledge = false;
};

Action parse(const AuditEntry& entry)
{
    Action a;
    QString name = entry.action;
    a.preview = name.endsWith(PreviewSuffix);
    if (a.preview)
        name.chop(PreviewSuffix.size());
    a.acknowledge = name == QLatin1String(Faults::AcknowledgeAction);
    a.onNode = name.endsWith(QLatin1String("-node"));
    if (a.onNode)
        name.chop(5);
    a.verb = name;
    return a;
}
} // namespace

QString AuditText::what(const AuditEntry& entry)
{
    const Action a = parse(entry);
    QString text;
    if (a.acknowledge)
        text = tr("Acknowledge incident");
    else if (a.verb == QLatin1String("cancel"))
        text = tr("Cancel job");
    else if (a.verb == QLatin1String("requeue"))
        text = tr("Requeue job");
    else if (a.verb == QLatin1String("drain"))
        text = tr("Drain node");
    else if (a.verb == QLatin1String("resume"))
        text = tr("Resume node");
    else
        text = entry.action; // an action a newer console wrote: its own word
    return a.preview ? tr("Preview: %1").arg(text) : text;
}

QString AuditText::target(const AuditEntry& entry)
{
    const Action a = parse(entry);
    if (a.acknowledge)
        return tr("incident %1").arg(entry.jobId);
    return a.onNode ? tr("node %1").arg(entry.jobId) : tr("job %1").arg(entry.jobId);
}

bool AuditText::succeeded(const AuditEntry& entry)
{
    if (parse(entry).acknowledge)
        return true; // written by the console itself: nothing was sent
    return entry.status >= 200 && entry.status < 300;
}

QString AuditText::result(const AuditEntry& entry)
{
    const Action a = parse(entry);
    if (a.acknowledge)
        return entry.result.isEmpty() ? tr("Acknowledged") : tr("Acknowledged: %1").arg(entry.result);
    if (entry.status == 0)
        return entry.result.isEmpty() ? tr("No answer") : tr("No answer: %1").arg(entry.result);
    if (succeeded(entry))
        return a.preview ? tr("Previewed") : tr("Done");
    // A failure's text is the engine's or the console's own sentence, not a JSON body.
    return tr("Failed (HTTP %1): %2").arg(entry.status).arg(entry.result);
}

QString AuditText::sentence(const AuditEntry& entry)
{
    return tr("%1 at %2: %3 %4 through %5. %6")
        .arg(entry.principal, Format::timestamp(entry.timestampMs), what(entry), target(entry), entry.source,
            result(entry));
}

QString AuditText::details(const AuditEntry& entry)
{
    QStringList lines;
    if (!entry.preview.isEmpty())
        lines.append(tr("Confirmed: %1").arg(entry.preview));
    if (entry.status > 0)
        lines.append(tr("HTTP status: %1").arg(entry.status));
    if (!entry.result.isEmpty())
        lines.append(tr("Answer: %1").arg(entry.result));
    lines.append(tr("Recorded as: %1").arg(entry.action));
    return lines.join(QLatin1Char('\n'));
}

} // namespace Meridian
