// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/nodeformat.h"

#include "ui/common/displayformat.h"

#include <QCoreApplication>

#include <cmath>

namespace Meridian::NodeFormat {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::NodeFormat", text);
}
} // namespace

QString nodeStateKey(const FleetNode& node)
{
    if (node.snapshot.sample.seq > 0)
        return Protocol::toString(node.snapshot.sample.state);
    return toString(node.status);
}

QString stateText(const QString& key)
{
    static const QHash<QString, const char*> names = {
        { QStringLiteral("up"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "up") },
        { QStringLiteral("degraded"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "degraded") },
        { QStringLiteral("down"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "down") },
        { QStringLiteral("draining"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "draining") },
        { QStringLiteral("unknown"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "not polled yet") },
        { QStringLiteral("stale"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "stale") },
        { QStringLiteral("unreachable"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "unreachable") },
        { QStringLiteral("unauthorized"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "unauthorized") },
        { QStringLiteral("bad-payload"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "bad payload") },
        { QStringLiteral("free"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "free") },
        { QStringLiteral("allocated"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "allocated") },
        { QStringLiteral("faulty"), QT_TRANSLATE_NOOP("Meridian::NodeFormat", "faulty") },
    };
    const char* name = names.value(key);
    return name ? tr(name) : (key.isEmpty() ? Format::missing() : key);
}

QString capacityKey(CapacityClass c)
{
    switch (c) {
    case CapacityClass::Allocated:
        return QStringLiteral("allocated");
    case CapacityClass::Faulty:
        return QStringLiteral("faulty");
    case CapacityClass::Free:
        break;
    }
    return QStringLiteral("free");
}

QString healthText(Protocol::AcceleratorHealth health)
{
    switch (health) {
    case Protocol::AcceleratorHealth::Healthy:
        return tr("healthy");
    case Protocol::AcceleratorHealth::Warning:
        return tr("warning");
    case Protocol::AcceleratorHealth::Faulty:
        return tr("faulty");
    case Protocol::AcceleratorHealth::Unknown:
        break;
    }
    return Format::missing();
}

QString percent(double value)
{
    return std::isnan(value) ? Format::missing() : tr("%1 %").arg(value, 0, 'f', 1);
}

QString celsius(double value)
{
    return std::isnan(value) ? Format::missing() : tr("%1 °C").arg(value, 0, 'f', 0);
}

QString watts(double value)
{
    return std::isnan(value) ? Format::missing() : tr("%1 W").arg(value, 0, 'f', 0);
}

QString gib(double bytes)
{
    return std::isnan(bytes) ? Format::missing() : tr("%1 GiB").arg(bytes / double(1 << 30), 0, 'f', 1);
}

QString gibPair(double used, double total)
{
    if (std::isnan(used))
        return Format::missing();
    if (std::isnan(total) || total <= 0)
        return gib(used);
    return tr("%1 / %2 GiB").arg(used / double(1 << 30), 0, 'f', 1).arg(total / double(1 << 30), 0, 'f', 1);
}

} // namespace Meridian::NodeFormat
