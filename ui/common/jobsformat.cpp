// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/jobsformat.h"

#include "ui/common/displayformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Meridian::JobsFormat {

QString stateText(const QString& state)
{
    static const char* const names[][2] = { { "queued", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "queued") },
        { "running", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "running") },
        { "checkpointing", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "checkpointing") },
        { "recovering", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "recovering") },
        { "failed", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "failed") },
        { "completed", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "completed") },
        { "cancelled", QT_TRANSLATE_NOOP("Meridian::JobsFormat", "cancelled") } };
    for (const auto& n : names)
        if (state == QLatin1String(n[0]))
            return QCoreApplication::translate("Meridian::JobsFormat", n[1]);
    return state;
}

QString kindText(const QString& kind)
{
    if (kind == QLatin1String("training"))
        return QCoreApplication::translate("Meridian::JobsFormat", "training");
    if (kind == QLatin1String("inference"))
        return QCoreApplication::translate("Meridian::JobsFormat", "inference");
    if (kind == QLatin1String("other"))
        return QCoreApplication::translate("Meridian::JobsFormat", "other");
    return kind;
}

QString reasonText(const QString& reason)
{
    if (reason == QLatin1String("interrupted"))
        return QCoreApplication::translate("Meridian::JobsFormat", "interrupted");
    if (reason == QLatin1String("requeued"))
        return QCoreApplication::translate("Meridian::JobsFormat", "requeued");
    if (reason.isEmpty())
        return QCoreApplication::translate("Meridian::JobsFormat", "running");
    return stateText(reason);
}

QString goodput(double fraction)
{
    if (std::isnan(fraction))
        return Format::missing();
    return QCoreApplication::translate("Meridian::JobsFormat", "%1 %").arg(QLocale().toString(fraction * 100, 'f', 1));
}

QColor stateColor(const QString& state)
{
    if (state == QLatin1String("running"))
        return QColor(0x2e, 0x7d, 0x32);
    if (state == QLatin1String("checkpointing"))
        return QColor(0x1e, 0x88, 0xe5);
    if (state == QLatin1String("recovering"))
        return QColor(0xef, 0x6c, 0x00);
    if (state == QLatin1String("failed"))
        return QColor(0xc6, 0x28, 0x28);
    if (state == QLatin1String("queued"))
        return QColor(0x75, 0x75, 0x75);
    return {};
}

} // namespace Meridian::JobsFormat
