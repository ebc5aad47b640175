// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/faultsreport.h"

#include "core/faults/faultmap.h"
#include "core/reports/faultspans.h"
#include "core/reports/reportclock.h"
#include "core/reports/reportsupport.h"

#include <QMap>
#include <QSet>

namespace Meridian::Reports {

namespace {

// What every breakdown counts for its faults.
struct Tally
{
    int faults = 0;
    int open = 0; ///< not cleared at the end of the range (or of the data)
    qint64 openMs = 0; ///< Σ time open, a fault still open counted to the end
    int cleared = 0;
    qint64 clearMsSum = 0;
    QSet<QString> nodes;
    QSet<QString> kinds;

    void add(const FaultSpan& i, qint64 nowMs)
    {
        const bool closed = i.isClosed() && i.clearedMs <= nowMs;
        ++faults;
        open += closed ? 0 : 1;
        openMs += std::max<qint64>(0, (closed ? i.clearedMs : nowMs) - i.openedMs);
        if (closed) {
            ++cleared;
            clearMsSum += i.clearedMs - i.openedMs;
        }
        nodes.insert(i.nodeId);
        kinds.insert(i.kind);
    }
    QVariant meanClearMinutes() const { return ratio(double(clearMsSum) / MinuteMs, cleared); }
    double openHours() const { return double(openMs) / HourMs; }
    QVariantList cells() const { return { qint64(faults), qint64(open), openHours() }; } ///< tallyColumns()
};

// The columns every breakdown has, in the order of Tally::cells().
QList<ReportColumn> tallyColumns()
{
    return { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours) };
}

struct NodeInfo
{
    QString region, pool, vendor, model;
    QList<std::pair<QString, QString>> accelerators; ///< by index: vendor, model
};

QStringList sorted(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

// The scope's nodes with what their faults are classified by, and the node count per pool.
struct FaultsScope
{
    QHash<QString, NodeInfo> nodes;
    QMap<std::pair<QString, QString>, int> nodesPerPool;
};

FaultsScope faultsScope(const ReportRun& run)
{
    FaultsScope s;
    for (const FleetNode& n : run.state.nodes) {
        if (!run.inScope(n))
            continue;
        NodeInfo info { n.inventory.region, n.inventory.pool, {}, {}, {} };
        for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators) {
            if (a.index >= 0 && a.index < 4096) {
                info.accelerators.resize(std::max<qsizetype>(info.accelerators.size(), a.index + 1));
                info.accelerators[a.index] = { a.vendor, a.model };
            }
            if (info.vendor.isEmpty()) {
                info.vendor = a.vendor;
                info.model = a.model;
            }
        }
        s.nodes.insert(n.inventory.nodeId, info);
        ++s.nodesPerPool[{ info.region, info.pool }];
    }
    return s;
}

// Every breakdown of the faults opened in the range; opened and cleared per bucket.
struct Tallies
{
    Tally all;
    QMap<QString, Tally> byClass, byKind;
    QMap<QString, QString> classOfKind;
    QMap<std::pair<QString, QString>, Tally> byVendorModel, byPool;
    QHash<QString, Tally> byNode;
    QHash<std::pair<QString, int>, std::pair<QString, Tally>> byLink; ///< (node, port) → kind, tally
    QMap<qint64, std::pair<int, int>> perBucket; ///< opened, cleared
};

Tallies tally(const ReportRun& run, const QHash<QString, NodeInfo>& nodes, const QList<FaultSpan>& spans)
{
    const ReportParameters& p = run.p;
    const qint64 nowMs = sourceNowMs(run.state, p, run.data.coveredToMs);
    const Faults::FaultMap& model = Faults::FaultMap::builtIn();
    Tallies t;
    for (const FaultSpan& i : spans) {
        const auto node = nodes.constFind(i.nodeId);
        if (node == nodes.constEnd())
            continue; // outside the scope (or a node the cache has no inventory for)
        if (i.isClosed() && i.clearedMs >= p.fromMs && i.clearedMs < p.toMs)
            ++t.perBucket[bucketStart(i.clearedMs, p.fromMs, run.bucket)].second;
        if (i.openedMs < p.fromMs || i.openedMs >= p.toMs)
            continue;
        ++t.perBucket[bucketStart(i.openedMs, p.fromMs, run.bucket)].first;
        const bool onChip = i.accelerator >= 0 && i.accelerator < node->accelerators.size();
        const QString vendor = onChip ? node->accelerators[i.accelerator].first : node->vendor;
        const QString chipModel = onChip ? node->accelerators[i.accelerator].second : node->model;
        const Faults::Component component = model.classify(vendor, i.kind, i.code, i.severity).component;
        const QString faultClass = Faults::toKey(component);
        t.all.add(i, nowMs);
        t.byClass[faultClass].add(i, nowMs);
        t.byKind[i.kind].add(i, nowMs);
        t.classOfKind.insert(i.kind, faultClass);
        t.byVendorModel[{ vendor, chipModel }].add(i, nowMs);
        t.byPool[{ node->region, node->pool }].add(i, nowMs);
        t.byNode[i.nodeId].add(i, nowMs);
        if (component == Faults::Component::Link || component == Faults::Component::IntraNodeLink) {
            auto& link = t.byLink[{ i.nodeId, i.accelerator }];
            link.first = i.kind;
            link.second.add(i, nowMs);
        }
    }
    return t;
}

ReportTable classesTable(const Tallies& tallies)
{
    ReportTable t = table(QStringLiteral("faults_by_class"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by class"),
        QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Class")) } + tallyColumns()
            + QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean time to clear (min)"), ValueKind::Minutes),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer) });
    for (auto it = tallies.byClass.cbegin(); it != tallies.byClass.cend(); ++it)
        t.rows.append(QVariantList { it.key() } + it->cells()
            + QVariantList { it->meanClearMinutes(), qint64(it->nodes.size()) });
    return t;
}

ReportTable faultsKindsTable(const Tallies& tallies)
{
    ReportTable t = table(QStringLiteral("faults_by_kind"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by kind"),
        QList {
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Class")) }
            + tallyColumns()
            + QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean time to clear (min)"), ValueKind::Minutes) });
    for (auto it = tallies.byKind.cbegin(); it != tallies.byKind.cend(); ++it)
        t.rows.append(QVariantList { it.key(), tallies.classOfKind.value(it.key()) } + it->cells()
            + QVariantList { it->meanClearMinutes() });
    return t;
}

ReportTable vendorsTable(const Tallies& tallies)
{
    ReportTable t = table(QStringLiteral("faults_by_vendor_model"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by vendor and model"),
        QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Vendor")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")) }
            + tallyColumns() + QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer) });
    for (auto it = tallies.byVendorModel.cbegin(); it != tallies.byVendorModel.cend(); ++it)
        t.rows.append(
            QVariantList { it.key().first, it.key().second } + it->cells() + QVariantList { qint64(it->nodes.size()) });
    return t;
}

ReportTable poolsTable(const Tallies& tallies, const QMap<std::pair<QString, QString>, int>& nodesPerPool)
{
    ReportTable t = table(QStringLiteral("faults_by_pool"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by pool"),
        QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer) }
            + tallyColumns()
            + QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes with faults"), ValueKind::Integer) });
    for (auto it = nodesPerPool.cbegin(); it != nodesPerPool.cend(); ++it) {
        const Tally pool = tallies.byPool.value(it.key());
        t.rows.append(QVariantList { it.key().first, it.key().second, qint64(it.value()) } + pool.cells()
            + QVariantList { qint64(pool.nodes.size()) });
    }
    return t;
}

// The keys, worst first: most faults, then longest open, then by key (a stable order).
template <typename Key> QList<Key> worstFirst(QList<Key> keys, const std::function<const Tally&(const Key&)>& tallyOf)
{
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        const Tally& x = tallyOf(a);
        const Tally& y = tallyOf(b);
        return std::tie(y.faults, y.openMs, a) < std::tie(x.faults, x.openMs, b);
    });
    return keys;
}

ReportTable topNodesTable(const Tallies& tallies, const QHash<QString, NodeInfo>& nodes)
{
    ReportTable t = table(QStringLiteral("top_nodes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Top offending nodes"),
        QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")) }
            + tallyColumns() + QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kinds")) });
    const QList<QString> ids = worstFirst<QString>(
        tallies.byNode.keys(), [&](const QString& id) -> const Tally& { return *tallies.byNode.constFind(id); });
    for (qsizetype n = 0; n < std::min<qsizetype>(ids.size(), FaultsReport::TopCount); ++n) {
        const Tally& node = *tallies.byNode.constFind(ids[n]);
        const NodeInfo& info = *nodes.constFind(ids[n]);
        t.rows.append(QVariantList { ids[n], info.region, info.pool, info.model } + node.cells()
            + QVariantList { sorted(node.kinds).join(QLatin1Char(' ')) });
    }
    return t;
}

ReportTable topLinksTable(const Tallies& tallies)
{
    using LinkId = std::pair<QString, int>;
    ReportTable t = table(QStringLiteral("top_links"), QT_TRANSLATE_NOOP("Meridian::Reports", "Top offending links"),
        QList { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Port"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")) }
            + tallyColumns());
    const QList<LinkId> ids = worstFirst<LinkId>(
        tallies.byLink.keys(), [&](const LinkId& id) -> const Tally& { return tallies.byLink.constFind(id)->second; });
    for (qsizetype n = 0; n < std::min<qsizetype>(ids.size(), FaultsReport::TopCount); ++n) {
        const auto& [kind, link] = *tallies.byLink.constFind(ids[n]);
        t.rows.append(
            QVariantList { ids[n].first, ids[n].second >= 0 ? QVariant(qint64(ids[n].second)) : QVariant(), kind }
            + link.cells());
    }
    return t;
}

// Opened and cleared per bucket. The event log is read by cursor, so it spans the console's own gaps
// in the samples once it has data; a bucket before the cache's first data or after its last is not
// known to be free of faults: missing (a gap in the chart), never 0.
ReportChart faultsChart(const ReportRun& run, const Tallies& tallies)
{
    ReportLine openedLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Faults opened"), {} };
    ReportLine clearedLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Faults cleared"), {} };
    for (qint64 b : run.buckets()) {
        const bool known = b + run.bucket > run.data.coveredFromMs && b < run.data.coveredToMs;
        const auto v = tallies.perBucket.value(b, { 0, 0 });
        openedLine.points.append({ b, known ? double(v.first) : Protocol::Missing });
        clearedLine.points.append({ b, known ? double(v.second) : Protocol::Missing });
    }
    ReportChart chart;
    chart.id = QStringLiteral("faults");
    chart.title = run.bucket == DayMs ? QT_TRANSLATE_NOOP("Meridian::Reports", "Faults per day")
                                      : QT_TRANSLATE_NOOP("Meridian::Reports", "Faults per hour");
    chart.lines = { openedLine, clearedLine };
    chart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults");
    return chart;
}

QList<ReportFigure> faultsKeyFigures(const Tally& all, qsizetype nodes)
{
    return {
        { QStringLiteral("nodes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), qint64(nodes), ValueKind::Integer },
        { QStringLiteral("faults"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), qint64(all.faults),
            ValueKind::Integer },
        { QStringLiteral("cleared"), QT_TRANSLATE_NOOP("Meridian::Reports", "Cleared"), qint64(all.cleared),
            ValueKind::Integer },
        { QStringLiteral("open_at_end"), QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), qint64(all.open),
            ValueKind::Integer },
        { QStringLiteral("time_open"), QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), all.openHours(),
            ValueKind::Hours },
        { QStringLiteral("mean_time_to_clear"), QT_TRANSLATE_NOOP("Meridian::Reports", "Mean time to clear (min)"),
            all.meanClearMinutes(), ValueKind::Minutes },
        { QStringLiteral("nodes_with_faults"), QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes with faults"),
            qint64(all.nodes.size()), ValueKind::Integer },
        { QStringLiteral("faults_per_100_nodes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults per 100 nodes"),
            ratio(100.0 * all.faults, double(nodes)), ValueKind::Number },
    };
}

} // namespace

const char* FaultsReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Faults");
}

std::optional<ReportData> FaultsReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    auto run = startRun(p, context, { 5, 15 });
    if (!run)
        return std::nullopt;
    if (run->data.isEmpty())
        return run->data;
    const FaultsScope scope = faultsScope(*run);
    const auto events
        = readEvents(p.fromMs - LookbackMs, p.toMs - 1, context, [&](int pc) { context.progress(15 + pc * 7 / 10); });
    if (!events)
        return std::nullopt;
    context.progress(88);
    const Tallies tallies = tally(*run, scope.nodes, pairFaultSpans(*events));
    context.progress(95);

    ReportData& data = run->data;
    data.charts = { faultsChart(*run, tallies) };
    data.figures = faultsKeyFigures(tallies.all, scope.nodes.size());
    data.tables = { classesTable(tallies), faultsKindsTable(tallies), vendorsTable(tallies),
        poolsTable(tallies, scope.nodesPerPool), topNodesTable(tallies, scope.nodes), topLinksTable(tallies),
        gapsTable(data.gaps) };
    return std::move(data);
}

} // namespace Meridian::Reports
