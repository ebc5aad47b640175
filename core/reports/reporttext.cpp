// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reporttext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTranslator>

#include <algorithm>
#include <cmath>

namespace Meridian::Reports {

ReportText::ReportText(const QString& language)
    : m_language(language)
    , m_locale(language)
{
    if (m_locale.language() != QLocale::English && m_locale.language() != QLocale::C) {
        auto t = std::make_unique<QTranslator>();
        // The console's catalogue, embedded by meridian_ui; without it the report stays in English.
        if (t->load(m_locale, QStringLiteral("meridian"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            m_translator = std::move(t);
    }
}

ReportText::~ReportText() = default;

QString ReportText::localized(const char* source) const
{
    if (!source)
        return {};
    if (m_translator) {
        const QString t = m_translator->translate("Meridian::Reports", source);
        if (!t.isEmpty())
            return t;
    }
    return QString::fromUtf8(source);
}

bool ReportText::isMissing(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return true;
    return value.typeId() == QMetaType::Double && std::isnan(value.toDouble());
}

QString ReportText::timestamp(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

QString ReportText::range(qint64 fromMs, qint64 toMs) const
{
    return timestamp(fromMs) + QStringLiteral(" – ") + timestamp(toMs);
}

double ReportText::coveredShare(const ReportData& data)
{
    const qint64 range = data.parameters.toMs - data.parameters.fromMs;
    if (range <= 0)
        return Protocol::Missing;
    qint64 gaps = 0;
    for (const ReportGap& g : data.gaps)
        gaps += g.toMs - g.fromMs;
    return std::clamp(double(range - gaps) / double(range), 0.0, 1.0);
}

QString ReportText::dataCovered(const ReportData& data) const
{
    return data.isEmpty() ? localized(QT_TRANSLATE_NOOP("Meridian::Reports", "no data in the cache for this range"))
                          : range(data.coveredFromMs, data.coveredToMs);
}

QString ReportText::coverageNote(const ReportData& data) const
{
    const double share = coveredShare(data);
    if (data.isEmpty() || !(share < 0.5))
        return {};
    return localized(QT_TRANSLATE_NOOP("Meridian::Reports",
                         "Only %1 of the range has data: the range is mostly a gap, and every figure describes "
                         "the minutes with data only."))
        .arg(display(share * 100, ValueKind::Percent));
}

QString ReportText::scope(const ReportScope& s) const
{
    switch (s.kind) {
    case ScopeKind::Fleet:
        return localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Whole fleet"));
    case ScopeKind::Region:
        return localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Region %1")).arg(s.region);
    case ScopeKind::Pool:
        return localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool %1 / %2")).arg(s.region, s.pool);
    }
    return {};
}

QString ReportText::display(const QVariant& value, ValueKind kind) const
{
    if (isMissing(value))
        return QStringLiteral("—");
    switch (kind) {
    case ValueKind::Text:
        return value.toString();
    case ValueKind::Integer:
        return m_locale.toString(value.toLongLong());
    case ValueKind::Number:
    case ValueKind::Hours:
    case ValueKind::Minutes:
        return m_locale.toString(value.toDouble(), 'f', 1);
    case ValueKind::Percent:
        return m_locale.toString(value.toDouble(), 'f', 2) + QStringLiteral(" %");
    case ValueKind::Timestamp:
        return timestamp(value.toLongLong());
    }
    return value.toString();
}

QString ReportText::machine(const QVariant& value, ValueKind kind)
{
    if (isMissing(value))
        return {};
    switch (kind) {
    case ValueKind::Text:
        return value.toString();
    case ValueKind::Integer:
        return QString::number(value.toLongLong());
    case ValueKind::Timestamp:
        return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC).toString(Qt::ISODate);
    case ValueKind::Number:
    case ValueKind::Percent:
    case ValueKind::Hours:
    case ValueKind::Minutes:
        return QString::number(value.toDouble(), 'g', 12);
    }
    return value.toString();
}

} // namespace Meridian::Reports
