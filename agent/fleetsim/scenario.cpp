// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/scenario.h"

#include "core/util/units.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Meridian::Sim {
namespace {

using Units::GiB;

// Records the first violation with the path of the field.
class Checker
{
public:
    explicit Checker(QString* error)
        : m_error(error)
    { }
    bool ok() const { return m_ok; }
    bool fail(const QString& path, const QString& message)
    {
        if (m_ok) {
            m_ok = false;
            *m_error = path + QStringLiteral(": ") + message;
        }
        return false;
    }

    QString string(
        const QJsonObject& o, const QString& path, const QString& key, bool required = true, int maxLength = 64)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(path + u'.' + key, QStringLiteral("missing"));
            return {};
        }
        if (!v.isString()) {
            fail(path + u'.' + key, QStringLiteral("expected a string"));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxLength || (required && s.isEmpty()))
            fail(path + u'.' + key, QStringLiteral("expected 1…%1 characters").arg(maxLength));
        return s;
    }

    double number(const QJsonObject& o, const QString& path, const QString& key, double min, double max,
        double fallback, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(path + u'.' + key, QStringLiteral("missing"));
            return fallback;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !(d >= min && d <= max)) {
            fail(path + u'.' + key, QStringLiteral("expected a number in %1…%2").arg(min).arg(max));
            return fallback;
        }
        return d;
    }

    int integer(const QJsonObject& o, const QString& path, const QString& key, int min, int max, int fallback,
        bool required = true)
    {
        const double d = number(o, path, key, min, max, fallback, required);
        if (m_ok && d != std::floor(d))
            fail(path + u'.' + key, QStringLiteral("expected an integer"));
        return int(d);
    }

    QJsonArray array(const QJsonObject& o, const QString& key, int minSize, int maxSize)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray()) {
            fail(key, QStringLiteral("expected an array"));
            return {};
        }
        const QJsonArray a = v.toArray();
        if (a.size() < minSize || a.size() > maxSize)
            fail(key, QStringLiteral("expected %1…%2 entries, got %3").arg(minSize).arg(maxSize).arg(a.size()));
        return a;
    }

private:
    QString* m_error;
    bool m_ok = true;
};

const QRegularExpression& idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9]{0,15}$"));
    return re;
}

} // namespace

int Scenario::totalNodes() const
{
    int n = 0;
    for (const PoolSpec& p : pools)
        n += p.nodes;
    return n;
}

const ModelSpec* Scenario::model(const QString& name) const
{
    for (const ModelSpec& m : models)
        if (m.model == name)
            return &m;
    return nullptr;
}

const SiteSpec* Scenario::site(const QString& id) const
{
    for (const SiteSpec& s : sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

bool parseScenario(const QByteArray& json, Scenario* out, QString* error)
{
    if (json.size() > MaxScenarioBytes) {
        *error = QStringLiteral("scenario is larger than %1 bytes").arg(MaxScenarioBytes);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("malformed JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("expected a JSON object at the top");
        return false;
    }
    const QJsonObject root = doc.object();
    Checker c(error);
    Scenario s;
    s.name = c.string(root, QStringLiteral("scenario"), QStringLiteral("name"), false, 128);

    const QJsonArray models = c.array(root, QStringLiteral("models"), 1, 64);
    for (qsizetype i = 0; i < models.size() && c.ok(); ++i) {
        const QString path = QStringLiteral("models[%1]").arg(i);
        if (!models.at(i).isObject()) {
            c.fail(path, QStringLiteral("expected an object"));
            break;
        }
        const QJsonObject o = models.at(i).toObject();
        ModelSpec m;
        m.model = c.string(o, path, QStringLiteral("model"));
        m.vendor = c.string(o, path, QStringLiteral("vendor"));
        m.memoryBytes = qint64(c.number(o, path, QStringLiteral("memoryGiB"), 1, 1024, 64) * GiB);
        m.perNode = c.integer(o, path, QStringLiteral("perNode"), 1, 16, 8);
        m.tdpW = c.number(o, path, QStringLiteral("tdpW"), 10, 3000, 400);
        m.idleW = c.number(o, path, QStringLiteral("idleW"), 1, 3000, 80);
        m.hostCpus = c.integer(o, path, QStringLiteral("hostCpus"), 1, 4096, 192, false);
        m.hostMemoryBytes = qint64(c.number(o, path, QStringLiteral("hostMemoryGiB"), 1, 65536, 1024, false) * GiB);
        if (c.ok() && m.idleW >= m.tdpW)
            c.fail(path + QStringLiteral(".idleW"), QStringLiteral("must be below tdpW"));
        if (c.ok() && s.model(m.model))
            c.fail(path + QStringLiteral(".model"), QStringLiteral("duplicate model \"%1\"").arg(m.model));
        s.models.append(m);
    }

    const QJsonArray sites = c.array(root, QStringLiteral("sites"), 1, 256);
    for (qsizetype i = 0; i < sites.size() && c.ok(); ++i) {
        const QString path = QStringLiteral("sites[%1]").arg(i);
        if (!sites.at(i).isObject()) {
            c.fail(path, QStringLiteral("expected an object"));
            break;
        }
        const QJsonObject o = sites.at(i).toObject();
        SiteSpec site;
        site.id = c.string(o, path, QStringLiteral("id"), true, 16);
        if (c.ok() && !idPattern().match(site.id).hasMatch())
            c.fail(path + QStringLiteral(".id"), QStringLiteral("expected lower-case letters and digits"));
        site.name = c.string(o, path, QStringLiteral("name"));
        site.nameZh = c.string(o, path, QStringLiteral("nameZh"), false);
        site.region = c.string(o, path, QStringLiteral("region"));
        site.latitude = c.number(o, path, QStringLiteral("lat"), -90, 90, 0);
        site.longitude = c.number(o, path, QStringLiteral("lon"), -180, 180, 0);
        site.kind = c.string(o, path, QStringLiteral("kind"), false);
        if (site.kind.isEmpty())
            site.kind = QStringLiteral("core");
        site.ambientC = c.number(o, path, QStringLiteral("ambientC"), -20, 50, 25, false);
        if (c.ok() && s.site(site.id))
            c.fail(path + QStringLiteral(".id"), QStringLiteral("duplicate site \"%1\"").arg(site.id));
        s.sites.append(site);
    }

    const QJsonArray pools = c.array(root, QStringLiteral("pools"), 1, 1024);
    QSet<QString> poolKeys;
    for (qsizetype i = 0; i < pools.size() && c.ok(); ++i) {
        const QString path = QStringLiteral("pools[%1]").arg(i);
        if (!pools.at(i).isObject()) {
            c.fail(path, QStringLiteral("expected an object"));
            break;
        }
        const QJsonObject o = pools.at(i).toObject();
        PoolSpec p;
        p.site = c.string(o, path, QStringLiteral("site"), true, 16);
        p.id = c.string(o, path, QStringLiteral("id"), true, 16);
        p.purpose = c.string(o, path, QStringLiteral("purpose"));
        p.model = c.string(o, path, QStringLiteral("model"));
        p.nodes = c.integer(o, path, QStringLiteral("nodes"), 1, MaxNodes, 1);
        p.nodesPerRack = c.integer(o, path, QStringLiteral("nodesPerRack"), 1, 64, 8, false);
        p.targetLoad = c.number(o, path, QStringLiteral("targetLoad"), 0, 1, 0.8, false);
        if (!c.ok())
            break;
        if (!idPattern().match(p.id).hasMatch())
            c.fail(path + QStringLiteral(".id"), QStringLiteral("expected lower-case letters and digits"));
        else if (!s.site(p.site))
            c.fail(path + QStringLiteral(".site"), QStringLiteral("unknown site \"%1\"").arg(p.site));
        else if (!s.model(p.model))
            c.fail(path + QStringLiteral(".model"), QStringLiteral("unknown model \"%1\"").arg(p.model));
        else if (p.purpose != QLatin1String("training") && p.purpose != QLatin1String("inference"))
            c.fail(path + QStringLiteral(".purpose"), QStringLiteral("expected \"training\" or \"inference\""));
        else if (poolKeys.contains(p.site + u'-' + p.id))
            c.fail(path + QStringLiteral(".id"), QStringLiteral("duplicate pool \"%1\"").arg(p.id));
        poolKeys.insert(p.site + u'-' + p.id);
        s.pools.append(p);
    }
    if (c.ok() && s.totalNodes() > MaxNodes)
        c.fail(
            QStringLiteral("pools"), QStringLiteral("%1 nodes in total exceed %2").arg(s.totalNodes()).arg(MaxNodes));

    if (c.ok() && root.contains(QStringLiteral("faults"))) {
        const QJsonValue fv = root.value(QStringLiteral("faults"));
        if (!fv.isObject()) {
            c.fail(QStringLiteral("faults"), QStringLiteral("expected an object"));
        } else {
            const QJsonObject f = fv.toObject();
            const QString path = QStringLiteral("faults");
            s.faults.interruptionsPerHourPer16k
                = c.number(f, path, QStringLiteral("interruptionsPerHourPer16k"), 0, 100, 0.33, false);
            s.faults.minInterruptionsPerHour
                = c.number(f, path, QStringLiteral("minInterruptionsPerHour"), 0, 1000, 3, false);
            s.faults.warningsPerInterruption
                = c.number(f, path, QStringLiteral("warningsPerInterruption"), 0, 100, 1, false);
        }
    }
    if (c.ok() && root.contains(QStringLiteral("tenants"))) {
        const QJsonArray tenants = c.array(root, QStringLiteral("tenants"), 1, 256);
        for (qsizetype i = 0; i < tenants.size() && c.ok(); ++i) {
            const QString t = tenants.at(i).toString();
            static const QRegularExpression tenantPattern(QStringLiteral("^[a-z][a-z0-9-]{0,31}$"));
            if (!tenantPattern.match(t).hasMatch())
                c.fail(QStringLiteral("tenants[%1]").arg(i), QStringLiteral("expected a short lower-case name"));
            s.tenants.append(t);
        }
    }
    if (s.tenants.isEmpty())
        s.tenants = { QStringLiteral("default") };
    if (!c.ok())
        return false;
    *out = std::move(s);
    return true;
}

bool loadScenario(const QString& path, Scenario* out, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray content = file.read(MaxScenarioBytes + 1);
    QString reason;
    if (!parseScenario(content, out, &reason)) {
        *error = path + QStringLiteral(": ") + reason;
        return false;
    }
    return true;
}

bool loadDefaultScenario(Scenario* out, QString* error)
{
    return loadScenario(QStringLiteral(":/meridian/scenarios/default.json"), out, error);
}

void scaleScenario(Scenario* scenario, int nodes)
{
    const int total = scenario->totalNodes();
    if (nodes <= 0 || total <= 0 || nodes == total)
        return;
    // Largest-remainder rounding keeps the sum exact.
    const double factor = double(nodes) / total;
    int assigned = 0;
    QList<std::pair<double, int>> remainders;
    for (int i = 0; i < scenario->pools.size(); ++i) {
        const double exact = scenario->pools[i].nodes * factor;
        const int n = std::max(1, int(std::floor(exact)));
        scenario->pools[i].nodes = n;
        assigned += n;
        remainders.append({ exact - std::floor(exact), i });
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
    for (int k = 0; assigned < nodes && !remainders.isEmpty(); k = (k + 1) % int(remainders.size())) {
        ++scenario->pools[remainders[k].second].nodes;
        ++assigned;
    }
    // Pools floored at one node can overshoot a tiny target; trim the largest.
    while (assigned > nodes) {
        auto largest = std::max_element(scenario->pools.begin(), scenario->pools.end(),
            [](const PoolSpec& a, const PoolSpec& b) { return a.nodes < b.nodes; });
        if (largest->nodes <= 1)
            break;
        --largest->nodes;
        --assigned;
    }
}

} // namespace Meridian::Sim
