// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/placementrequest.h"

#include "core/model/latencytypes.h"
#include "core/planner/schemafile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace Meridian::Planner {
namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 MaxDurationMs = 366LL * 24 * 3600 * 1000; ///< a year: beyond it no fault history says anything
constexpr int MaxCount = 1000000;

bool isPairClassKey(const QString& key)
{
    for (int c = 0; c < PairClassCount; ++c)
        if (pairClassKey(PairClass(c)) == key)
            return true;
    return false;
}

QJsonValue numberOrNull(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

bool readStrings(const QJsonObject& json, const QString& key, QStringList* out, QString* error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        *error = QStringLiteral("%1: expected a list of names").arg(key);
        return false;
    }
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isString()) {
            *error = QStringLiteral("%1: expected a list of names").arg(key);
            return false;
        }
        out->append(e.toString());
    }
    return true;
}

} // namespace

bool PlacementRequest::allowsRegion(const QString& region) const
{
    if (denyRegions.contains(region))
        return false;
    return allowRegions.isEmpty() || allowRegions.contains(region);
}

QStringList validate(const PlacementRequest& r)
{
    QStringList problems;
    if (r.model.isEmpty() == r.family.isEmpty())
        problems << QStringLiteral("give a model or a family (one of the two)");
    if (r.count <= 0 || r.count > MaxCount)
        problems << QStringLiteral("the count must be between 1 and %1").arg(MaxCount);
    if (r.durationMs <= 0 || r.durationMs > MaxDurationMs)
        problems << QStringLiteral("the duration must be between 1 minute and 366 days");
    if (!std::isnan(r.minMemoryGiB) && !(r.minMemoryGiB > 0 && r.minMemoryGiB < 1e6))
        problems << QStringLiteral("the minimum memory must be a positive number of GiB");
    if (!std::isnan(r.maxP99Ms) && !(r.maxP99Ms > 0 && r.maxP99Ms < 1e6))
        problems << QStringLiteral("the RTT bound must be a positive number of milliseconds");
    if (!r.pairClass.isEmpty() && !isPairClassKey(r.pairClass))
        problems << QStringLiteral("unknown pair class %1").arg(r.pairClass);
    if (!std::isnan(r.maxP99Ms) && !r.pairClass.isEmpty())
        problems << QStringLiteral("give an RTT bound or a pair class, not both");
    if ((!std::isnan(r.maxP99Ms) || !r.pairClass.isEmpty()) && r.anchorSite.isEmpty())
        problems << QStringLiteral("a latency bound needs an anchor site");
    for (const QString& region : r.allowRegions)
        if (r.denyRegions.contains(region))
            problems << QStringLiteral("region %1 is both allowed and denied").arg(region);
    return problems;
}

QJsonObject toJson(const PlacementRequest& r)
{
    return QJsonObject { { QStringLiteral("name"), r.name }, { QStringLiteral("model"), r.model },
        { QStringLiteral("family"), r.family }, { QStringLiteral("count"), r.count },
        { QStringLiteral("wholeNodes"), r.wholeNodes },
        { QStringLiteral("minMemoryGiB"), numberOrNull(r.minMemoryGiB) },
        { QStringLiteral("duration"), formatDuration(r.durationMs) }, { QStringLiteral("anchorSite"), r.anchorSite },
        { QStringLiteral("maxP99Ms"), numberOrNull(r.maxP99Ms) }, { QStringLiteral("pairClass"), r.pairClass },
        { QStringLiteral("tenant"), r.tenant },
        { QStringLiteral("allowRegions"), QJsonArray::fromStringList(r.allowRegions) },
        { QStringLiteral("denyRegions"), QJsonArray::fromStringList(r.denyRegions) } };
}

bool fromJson(const QJsonObject& json, PlacementRequest* out, QString* error)
{
    PlacementRequest r;
    auto text = [&](const char* key, QString* to) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString() || v.toString().size() > 256) {
            *error = QStringLiteral("%1: expected a name").arg(QLatin1String(key));
            return false;
        }
        *to = v.toString();
        return true;
    };
    auto number = [&](const char* key, double* to) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            *error = QStringLiteral("%1: expected a number").arg(QLatin1String(key));
            return false;
        }
        *to = v.toDouble();
        return true;
    };
    QString duration;
    double count = 0;
    if (!text("name", &r.name) || !text("model", &r.model) || !text("family", &r.family) || !number("count", &count)
        || !number("minMemoryGiB", &r.minMemoryGiB) || !text("duration", &duration)
        || !text("anchorSite", &r.anchorSite) || !number("maxP99Ms", &r.maxP99Ms) || !text("pairClass", &r.pairClass)
        || !text("tenant", &r.tenant) || !readStrings(json, QStringLiteral("allowRegions"), &r.allowRegions, error)
        || !readStrings(json, QStringLiteral("denyRegions"), &r.denyRegions, error))
        return false;
    if (count != std::floor(count) || count < 0 || count > MaxCount) {
        *error = QStringLiteral("count: expected a whole number of accelerators");
        return false;
    }
    r.count = int(count);
    const QJsonValue whole = json.value(QStringLiteral("wholeNodes"));
    if (!whole.isUndefined() && !whole.isBool()) {
        *error = QStringLiteral("wholeNodes: expected true or false");
        return false;
    }
    r.wholeNodes = whole.toBool();
    r.durationMs = parseDuration(duration);
    const QStringList problems = validate(r);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    *out = r;
    return true;
}

QByteArray saveRequests(const QList<PlacementRequest>& requests)
{
    QJsonArray list;
    for (const PlacementRequest& r : requests)
        list.append(toJson(r));
    return QJsonDocument(QJsonObject { { QStringLiteral("schema"), 1 }, { QStringLiteral("requests"), list } })
        .toJson(QJsonDocument::Indented);
}

bool loadRequests(const QByteArray& json, QList<PlacementRequest>* out, QString* error)
{
    QJsonArray list;
    if (!readSchemaList(json, QStringLiteral("requests"), &list, error))
        return false;
    QList<PlacementRequest> requests;
    for (qsizetype i = 0; i < list.size(); ++i) {
        PlacementRequest r;
        QString e;
        if (!list.at(i).isObject() || !fromJson(list.at(i).toObject(), &r, &e)) {
            *error
                = QStringLiteral("requests[%1]: %2").arg(i).arg(e.isEmpty() ? QStringLiteral("expected an object") : e);
            return false;
        }
        requests.append(r);
    }
    *out = requests;
    return true;
}

qint64 parseDuration(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,6})\\s*(m|min|h|d|w)\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 unitMs = unit.startsWith(u'm') ? MinuteMs
        : unit == QLatin1String("h")            ? 60 * MinuteMs
        : unit == QLatin1String("d")            ? 24 * 60 * MinuteMs
                                                : 7 * 24 * 60 * MinuteMs;
    return n * unitMs;
}

QString formatDuration(qint64 ms)
{
    constexpr qint64 DayMs = 24 * 60 * MinuteMs;
    if (ms <= 0)
        return {};
    if (ms % DayMs == 0)
        return QStringLiteral("%1d").arg(ms / DayMs);
    if (ms % (60 * MinuteMs) == 0)
        return QStringLiteral("%1h").arg(ms / (60 * MinuteMs));
    return QStringLiteral("%1m").arg((ms + MinuteMs - 1) / MinuteMs);
}

double parseMilliseconds(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(\\.\\d+)?)\\s*(ms)?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : Protocol::Missing;
}

} // namespace Meridian::Planner
