// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/displayformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace Meridian::Format {

QString missing()
{
    return QStringLiteral("—");
}

QString milliseconds(double ms)
{
    return std::isnan(ms) ? missing() : QString::number(ms, 'f', ms < 10 ? 2 : 1);
}

QString percentOfOne(double share)
{
    return std::isnan(share) ? missing() : QString::number(share * 100, 'f', 1) + QLatin1Char('%');
}

QString count(std::optional<qint64> value)
{
    if (!value)
        return missing();
    return QLocale().toString(*value);
}

QString duration(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    if (s < 60)
        return QCoreApplication::translate("Meridian::Format", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Meridian::Format", "%1 min").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("Meridian::Format", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("Meridian::Format", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString timestamp(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return missing();
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return locale.toString(when.time(), QLocale::ShortFormat);
    return locale.toString(when, QLocale::ShortFormat);
}

QString agentStatus(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Up:
        return QCoreApplication::translate("Meridian::Format", "up");
    case AgentStatus::Stale:
        return QCoreApplication::translate("Meridian::Format", "stale");
    case AgentStatus::Unreachable:
        return QCoreApplication::translate("Meridian::Format", "unreachable");
    case AgentStatus::Unauthorized:
        return QCoreApplication::translate("Meridian::Format", "unauthorized");
    case AgentStatus::BadPayload:
        return QCoreApplication::translate("Meridian::Format", "bad payload");
    case AgentStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("Meridian::Format", "not polled yet");
}

} // namespace Meridian::Format
