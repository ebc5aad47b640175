// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/faultmap.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Meridian::Faults {
namespace {

constexpr qsizetype MaxBytes = 1 << 20;
constexpr qsizetype MaxEntries = 2000;

// Reads one JSON object with a fixed set of keys; every problem names its place.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject& object, QString where, QString* error)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(error)
    { }

    bool allowOnly(std::initializer_list<const char*> keys)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            bool known = false;
            for (const char* k : keys)
                known = known || it.key() == QLatin1String(k);
            if (!known)
                return fail(QStringLiteral("unknown key \"%1\"").arg(it.key().left(64)));
        }
        return true;
    }

    bool string(const char* key, QString* out, bool required, int maxLength = 256)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString())
            return fail(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
        if (v.toString().isEmpty() || v.toString().size() > maxLength)
            return fail(QStringLiteral("\"%1\" must have 1…%2 characters").arg(QLatin1String(key)).arg(maxLength));
        *out = v.toString();
        return true;
    }

    bool number(const char* key, double* out, bool required, double min, double max)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < min || v.toDouble() > max)
            return fail(QStringLiteral("\"%1\" must be a number in %2…%3").arg(QLatin1String(key)).arg(min).arg(max));
        *out = v.toDouble();
        return true;
    }

    bool fail(const QString& message)
    {
        *m_error = m_where + QStringLiteral(": ") + message;
        return false;
    }

private:
    const QJsonObject& m_object;
    QString m_where;
    QString* m_error;
};

bool validPattern(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\*|[A-Za-z0-9][A-Za-z0-9 _.%-]{0,47}\\*?)$"));
    return re.match(text).hasMatch();
}

bool parseRule(const QJsonObject& o, const QString& where, FaultRule* rule, QString* error)
{
    ObjectReader r(o, where, error);
    if (!r.allowOnly({ "id", "vendor", "kind", "code", "when", "component", "severity", "action", "title", "source" }))
        return false;
    QString component, severity, action, when;
    rule->vendor = rule->kind = rule->code = QStringLiteral("*");
    if (!r.string("id", &rule->id, true, 64) || !r.string("vendor", &rule->vendor, false, 32)
        || !r.string("kind", &rule->kind, true, 48) || !r.string("code", &rule->code, false, 48)
        || !r.string("when", &when, false, 16) || !r.string("component", &component, true, 32)
        || !r.string("severity", &severity, true, 16) || !r.string("action", &action, true, 16)
        || !r.string("title", &rule->result.title, true, 200) || !r.string("source", &rule->result.source, true, 400))
        return false;
    if (!validPattern(rule->vendor) || !validPattern(rule->kind) || !validPattern(rule->code))
        return r.fail(QStringLiteral("vendor, kind and code must be \"*\", a name or a prefix ending in '*'"));
    if (!fromKey(component, &rule->result.component))
        return r.fail(QStringLiteral("unknown component \"%1\"").arg(component));
    if (!fromKey(action, &rule->result.action))
        return r.fail(QStringLiteral("unknown action \"%1\"").arg(action));
    if (!Protocol::fromString(severity, &rule->result.severity))
        return r.fail(QStringLiteral("unknown severity \"%1\"").arg(severity));
    if (!when.isEmpty()) {
        Protocol::Severity s;
        if (!Protocol::fromString(when, &s))
            return r.fail(QStringLiteral("unknown severity \"%1\" in \"when\"").arg(when));
        rule->when = s;
    }
    rule->result.ruleId = rule->id;
    return true;
}

bool parseCounter(const QJsonObject& o, const QString& where, CounterRule* rule, QString* error)
{
    ObjectReader r(o, where, error);
    if (!r.allowOnly(
            { "id", "vendor", "metric", "mode", "minDelta", "threshold", "clearAt", "kind", "code", "severity" }))
        return false;
    QString mode, severity;
    if (!r.string("id", &rule->id, true, 64) || !r.string("vendor", &rule->vendor, true, 32)
        || !r.string("metric", &rule->metric, true, 128) || !r.string("mode", &mode, true, 16)
        || !r.number("minDelta", &rule->minDelta, false, 1e-9, 1e15)
        || !r.number("threshold", &rule->threshold, false, -1e9, 1e15) || !r.string("kind", &rule->kind, true, 48)
        || !r.string("code", &rule->code, false, 48) || !r.string("severity", &severity, true, 16))
        return false;
    static const char* const modes[] = { "rise", "status", "above", "below", "last-value" };
    int m = -1;
    for (int i = 0; i < 5; ++i)
        m = mode == QLatin1String(modes[i]) ? i : m;
    if (m < 0)
        return r.fail(QStringLiteral("unknown mode \"%1\"").arg(mode));
    rule->mode = CounterRule::Mode(m);
    rule->clearAt = rule->threshold;
    if (!r.number("clearAt", &rule->clearAt, false, -1e9, 1e15))
        return false;
    if ((rule->mode == CounterRule::Mode::Above && rule->clearAt > rule->threshold)
        || (rule->mode == CounterRule::Mode::Below && rule->clearAt < rule->threshold))
        return r.fail(QStringLiteral("\"clearAt\" must lie on the healthy side of \"threshold\""));
    if (!Protocol::fromString(severity, &rule->severity))
        return r.fail(QStringLiteral("unknown severity \"%1\"").arg(severity));
    return true;
}

// How specific a rule is: the most specific matching rule wins, ties go to the earlier one.
int specificity(const FaultRule& rule)
{
    // A vendor code says more than an event kind: an exact code outranks a
    // prefix, which outranks any kind-only rule.
    int score = 0;
    if (rule.code.endsWith(QLatin1Char('*')) && rule.code.size() > 1)
        score += 1000 + int(rule.code.size());
    else if (rule.code != QLatin1String("*"))
        score += 2000;
    score += rule.kind != QLatin1String("*") ? 100 : 0;
    score += rule.when ? 20 : 0;
    score += rule.vendor != QLatin1String("*") ? 10 : 0;
    return score;
}

bool matches(const QString& pattern, const QString& value)
{
    if (pattern == QLatin1String("*"))
        return true;
    if (pattern.endsWith(QLatin1Char('*')))
        return value.startsWith(QStringView(pattern).chopped(1), Qt::CaseInsensitive);
    return value.compare(pattern, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<FaultMap> FaultMap::fromJson(const QByteArray& json, QString* error)
{
    QString ignored;
    error = error ? error : &ignored;
    if (json.size() > MaxBytes) {
        *error = QStringLiteral("the fault map is larger than 1 MiB");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    ObjectReader r(root, QStringLiteral("faultmap"), error);
    if (!r.allowOnly({ "schema", "comment", "repeat", "rules", "counters" }))
        return std::nullopt;
    if (root.value(QLatin1String("schema")) != QJsonValue(1)) {
        r.fail(QStringLiteral("\"schema\" must be 1"));
        return std::nullopt;
    }
    FaultMap model;
    const QJsonObject repeat = root.value(QLatin1String("repeat")).toObject();
    ObjectReader rr(repeat, QStringLiteral("repeat"), error);
    double windowMinutes = 60, count = 3;
    if (!root.value(QLatin1String("repeat")).isObject() || !rr.allowOnly({ "windowMinutes", "count" })
        || !rr.number("windowMinutes", &windowMinutes, true, 1, 7 * 24 * 60)
        || !rr.number("count", &count, true, 1, 100))
        return std::nullopt;
    model.m_repeatWindowMs = qint64(windowMinutes * 60000);
    model.m_repeatCount = int(count);

    const QJsonValue rules = root.value(QLatin1String("rules"));
    const QJsonValue counters = root.value(QLatin1String("counters"));
    if (!rules.isArray() || !counters.isArray()) {
        r.fail(QStringLiteral("\"rules\" and \"counters\" must be arrays"));
        return std::nullopt;
    }
    if (rules.toArray().size() > MaxEntries || counters.toArray().size() > MaxEntries) {
        r.fail(QStringLiteral("more than %1 rules or counters").arg(MaxEntries));
        return std::nullopt;
    }
    QSet<QString> ids;
    bool catchAll = false;
    const QJsonArray ruleArray = rules.toArray();
    for (qsizetype i = 0; i < ruleArray.size(); ++i) {
        const QString where = QStringLiteral("rules[%1]").arg(i);
        if (!ruleArray.at(i).isObject()) {
            *error = where + QStringLiteral(": must be an object");
            return std::nullopt;
        }
        FaultRule rule;
        if (!parseRule(ruleArray.at(i).toObject(), where, &rule, error))
            return std::nullopt;
        if (ids.contains(rule.id)) {
            *error = where + QStringLiteral(": duplicate id \"%1\"").arg(rule.id);
            return std::nullopt;
        }
        ids.insert(rule.id);
        catchAll = catchAll || (specificity(rule) == 0);
        model.m_rules.append(rule);
    }
    if (!catchAll) {
        *error = QStringLiteral("rules: no catch-all rule (vendor, kind and code \"*\")");
        return std::nullopt;
    }
    const QJsonArray counterArray = counters.toArray();
    for (qsizetype i = 0; i < counterArray.size(); ++i) {
        const QString where = QStringLiteral("counters[%1]").arg(i);
        if (!counterArray.at(i).isObject()) {
            *error = where + QStringLiteral(": must be an object");
            return std::nullopt;
        }
        CounterRule rule;
        if (!parseCounter(counterArray.at(i).toObject(), where, &rule, error))
            return std::nullopt;
        if (ids.contains(rule.id)) {
            *error = where + QStringLiteral(": duplicate id \"%1\"").arg(rule.id);
            return std::nullopt;
        }
        ids.insert(rule.id);
        model.m_counters.append(rule);
    }
    // Most specific first, stable: classify() takes the first match.
    std::stable_sort(model.m_rules.begin(), model.m_rules.end(),
        [](const FaultRule& a, const FaultRule& b) { return specificity(a) > specificity(b); });
    return model;
}

const FaultMap& FaultMap::builtIn()
{
    static const FaultMap model = [] {
        QFile file(QStringLiteral(":/faults/faultmap.json"));
        QString error = QStringLiteral("cannot open :/faults/faultmap.json");
        std::optional<FaultMap> m;
        if (file.open(QIODevice::ReadOnly))
            m = fromJson(file.read(MaxBytes + 1), &error);
        if (!m)
            qFatal("built-in fault map: %s", qPrintable(error));
        return *m;
    }();
    return model;
}

FaultClass FaultMap::classify(
    const QString& vendor, const QString& kind, const QString& code, Protocol::Severity eventSeverity) const
{
    for (const FaultRule& rule : m_rules) {
        if (rule.when && *rule.when != eventSeverity)
            continue;
        if (matches(rule.vendor, vendor) && matches(rule.kind, kind) && matches(rule.code, code))
            return rule.result;
    }
    return {}; // unreachable: the loader insists on a catch-all rule
}

Action FaultMap::escalate(Action action, int occurrencesInWindow) const
{
    const int extra = std::max(0, occurrencesInWindow - m_repeatCount + 1);
    return Action(std::min(int(Action::Isolate), int(action) + extra));
}

const CounterRule* FaultMap::counter(const QString& vendor, const QString& metric) const
{
    for (const CounterRule& rule : m_counters)
        if (rule.metric == metric && (rule.vendor == vendor || rule.vendor == QLatin1String("*")))
            return &rule;
    return nullptr;
}

} // namespace Meridian::Faults
