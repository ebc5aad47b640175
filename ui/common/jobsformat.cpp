// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/jobsformat.h"

#include "ui/common/displayformat.h"
#include "ui/common/theme.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

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
    // The theme's colour-blind-safe palette; the state's word is always beside it.
    const QPalette palette = QGuiApplication::palette();
    if (state == QLatin1String("running"))
        return Theme::color(Theme::State::Ok, palette);
    if (state == QLatin1String("checkpointing"))
        return Theme::color(Theme::State::Info, palette);
    if (state == QLatin1String("recovering"))
        return Theme::color(Theme::State::Warning, palette);
    if (state == QLatin1String("failed"))
        return Theme::color(Theme::State::Critical, palette);
    if (state == QLatin1String("queued"))
        return Theme::color(Theme::State::Unknown, palette);
    return {};
}

} // namespace Meridian::JobsFormat
