// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reporttypes.h"

#include "core/util/units.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Meridian::Reports {

namespace {
constexpr int MaxNameLength = 200; // region and pool names are short identifiers
using Units::DayMs;
constexpr qint64 MaxRangeMs = 400 * DayMs;

bool validName(const QString& s)
{
    return !s.isEmpty() && s.size() <= MaxNameLength && !s.contains(QLatin1Char('/'));
}

std::optional<qint64> parseInstant(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // documented: a time without a zone is UTC (reproducible anywhere)
    return t.toMSecsSinceEpoch();
}
} // namespace

QString ReportScope::toString() const
{
    switch (kind) {
    case ScopeKind::Fleet:
        return QStringLiteral("fleet");
    case ScopeKind::Region:
        return QStringLiteral("region:") + region;
    case ScopeKind::Pool:
        return QStringLiteral("pool:") + region + QLatin1Char('/') + pool;
    }
    return {};
}

std::optional<ReportScope> ReportScope::parse(const QString& text)
{
    ReportScope s;
    if (text == QLatin1String("fleet"))
        return s;
    if (text.startsWith(QLatin1String("region:"))) {
        s.kind = ScopeKind::Region;
        s.region = text.mid(7);
        return validName(s.region) ? std::optional(s) : std::nullopt;
    }
    if (text.startsWith(QLatin1String("pool:"))) {
        const QStringList parts = text.mid(5).split(QLatin1Char('/'));
        if (parts.size() != 2 || !validName(parts[0]) || !validName(parts[1]))
            return std::nullopt;
        s.kind = ScopeKind::Pool;
        s.region = parts[0];
        s.pool = parts[1];
        return s;
    }
    return std::nullopt;
}

bool ReportScope::contains(const QString& nodeRegion, const QString& nodePool) const
{
    switch (kind) {
    case ScopeKind::Fleet:
        return true;
    case ScopeKind::Region:
        return nodeRegion == region;
    case ScopeKind::Pool:
        return nodeRegion == region && nodePool == pool;
    }
    return false;
}

bool parseRange(const QString& text, ReportParameters* parameters)
{
    static const QRegularExpression relative(QStringLiteral("^([1-9][0-9]{0,3})([hd])$"));
    const QRegularExpressionMatch m = relative.match(text);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 span = m.captured(2) == QLatin1String("h") ? n * 3600 * 1000 : n * DayMs;
        if (span > MaxRangeMs)
            return false;
        parameters->relativeSpanMs = span;
        parameters->fromMs = parameters->toMs = 0;
        return true;
    }
    const qsizetype dots = text.indexOf(QLatin1String(".."));
    if (dots <= 0 || text.size() > 80)
        return false;
    const auto from = parseInstant(text.left(dots));
    const auto to = parseInstant(text.mid(dots + 2));
    if (!from || !to || *to <= *from || *to - *from > MaxRangeMs)
        return false;
    parameters->relativeSpanMs = 0;
    parameters->fromMs = *from;
    parameters->toMs = *to;
    return true;
}

} // namespace Meridian::Reports
