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

ReportColumn col(const char* title, ValueKind kind = ValueKind::Text)
{
    return { title, kind };
}

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
};

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

} // namespace

const char* FaultsReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Faults");
}

std::optional<ReportData> FaultsReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    ReportData data;
    const auto scope = scopeCapacity(p, context);
    if (!scope)
        return std::nullopt;
    coverage(*scope, p.fromMs, p.toMs, &data);
    context.progress(5);
    if (data.isEmpty())
        return data;

    const auto state = context.wait(context.cache()->lastState());
    if (!state)
        return std::nullopt;
    context.progress(15);
    const qint64 nowMs = sourceNowMs(*state, p, data.coveredToMs);
    QHash<QString, NodeInfo> nodes;
    QMap<std::pair<QString, QString>, int> nodesPerPool;
    for (const FleetNode& n : state->nodes) {
        if (!p.scope.contains(n.inventory.region, n.inventory.pool))
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
        nodes.insert(n.inventory.nodeId, info);
        ++nodesPerPool[{ info.region, info.pool }];
    }

    const auto events
        = readEvents(p.fromMs - LookbackMs, p.toMs - 1, context, [&](int pc) { context.progress(15 + pc * 7 / 10); });
    if (!events)
        return std::nullopt;
    const QList<FaultSpan> spans = pairFaultSpans(*events);
    context.progress(88);

    const Faults::FaultMap& model = Faults::FaultMap::builtIn();
    Tally all;
    QMap<QString, Tally> byClass, byKind;
    QMap<QString, QString> classOfKind;
    QMap<std::pair<QString, QString>, Tally> byVendorModel, byPool;
    QHash<QString, Tally> byNode;
    QHash<std::pair<QString, int>, std::pair<QString, Tally>> byLink; // (node, port) → kind, tally
    const qint64 bucket = bucketFor(p.fromMs, p.toMs);
    QMap<qint64, std::pair<int, int>> perBucket; // opened, cleared
    for (const FaultSpan& i : spans) {
        const auto node = nodes.constFind(i.nodeId);
        if (node == nodes.constEnd())
            continue; // outside the scope (or a node the cache has no inventory for)
        if (i.isClosed() && i.clearedMs >= p.fromMs && i.clearedMs < p.toMs)
            ++perBucket[bucketStart(i.clearedMs, p.fromMs, bucket)].second;
        if (i.openedMs < p.fromMs || i.openedMs >= p.toMs)
            continue;
        ++perBucket[bucketStart(i.openedMs, p.fromMs, bucket)].first;
        const bool onChip = i.accelerator >= 0 && i.accelerator < node->accelerators.size();
        const QString vendor = onChip ? node->accelerators[i.accelerator].first : node->vendor;
        const QString chipModel = onChip ? node->accelerators[i.accelerator].second : node->model;
        const Faults::Component component = model.classify(vendor, i.kind, i.code, i.severity).component;
        const QString faultClass = Faults::toKey(component);
        all.add(i, nowMs);
        byClass[faultClass].add(i, nowMs);
        byKind[i.kind].add(i, nowMs);
        classOfKind.insert(i.kind, faultClass);
        byVendorModel[{ vendor, chipModel }].add(i, nowMs);
        byPool[{ node->region, node->pool }].add(i, nowMs);
        byNode[i.nodeId].add(i, nowMs);
        if (component == Faults::Component::Link || component == Faults::Component::IntraNodeLink) {
            auto& link = byLink[{ i.nodeId, i.accelerator }];
            link.first = i.kind;
            link.second.add(i, nowMs);
        }
    }
    context.progress(95);

    ReportTable classes;
    classes.id = QStringLiteral("faults_by_class");
    classes.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by class");
    classes.columns = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Class")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean time to clear (min)"), ValueKind::Minutes),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer) };
    for (auto it = byClass.cbegin(); it != byClass.cend(); ++it)
        classes.rows.append({ it.key(), qint64(it->faults), qint64(it->open), it->openHours(), it->meanClearMinutes(),
            qint64(it->nodes.size()) });

    ReportTable kinds;
    kinds.id = QStringLiteral("faults_by_kind");
    kinds.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by kind");
    kinds.columns
        = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Class")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean time to clear (min)"), ValueKind::Minutes) };
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds.rows.append({ it.key(), classOfKind.value(it.key()), qint64(it->faults), qint64(it->open),
            it->openHours(), it->meanClearMinutes() });

    ReportTable vendors;
    vendors.id = QStringLiteral("faults_by_vendor_model");
    vendors.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by vendor and model");
    vendors.columns
        = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Vendor")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer) };
    for (auto it = byVendorModel.cbegin(); it != byVendorModel.cend(); ++it)
        vendors.rows.append({ it.key().first, it.key().second, qint64(it->faults), qint64(it->open), it->openHours(),
            qint64(it->nodes.size()) });

    ReportTable pools;
    pools.id = QStringLiteral("faults_by_pool");
    pools.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by pool");
    pools.columns
        = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes with faults"), ValueKind::Integer) };
    for (auto it = nodesPerPool.cbegin(); it != nodesPerPool.cend(); ++it) {
        const Tally t = byPool.value(it.key());
        pools.rows.append({ it.key().first, it.key().second, qint64(it.value()), qint64(t.faults), qint64(t.open),
            t.openHours(), qint64(t.nodes.size()) });
    }

    // Worst first: most faults, then longest open, then by name (a stable order).
    QList<QString> nodeIds = byNode.keys();
    std::sort(nodeIds.begin(), nodeIds.end(), [&](const QString& a, const QString& b) {
        const Tally& x = byNode[a];
        const Tally& y = byNode[b];
        return std::tie(y.faults, y.openMs, a) < std::tie(x.faults, x.openMs, b);
    });
    ReportTable topNodes;
    topNodes.id = QStringLiteral("top_nodes");
    topNodes.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Top offending nodes");
    topNodes.columns
        = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kinds")) };
    for (qsizetype n = 0; n < std::min<qsizetype>(nodeIds.size(), TopCount); ++n) {
        const Tally& t = byNode[nodeIds[n]];
        const NodeInfo& info = nodes[nodeIds[n]];
        topNodes.rows.append({ nodeIds[n], info.region, info.pool, info.model, qint64(t.faults), qint64(t.open),
            t.openHours(), sorted(t.kinds).join(QLatin1Char(' ')) });
    }

    QList<std::pair<QString, int>> linkIds = byLink.keys();
    std::sort(linkIds.begin(), linkIds.end(), [&](const auto& a, const auto& b) {
        const Tally& x = byLink[a].second;
        const Tally& y = byLink[b].second;
        return std::tie(y.faults, y.openMs, a) < std::tie(x.faults, x.openMs, b);
    });
    ReportTable topLinks;
    topLinks.id = QStringLiteral("top_links");
    topLinks.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Top offending links");
    topLinks.columns = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Port"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Open at end"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Time open (h)"), ValueKind::Hours) };
    for (qsizetype n = 0; n < std::min<qsizetype>(linkIds.size(), TopCount); ++n) {
        const auto& [kind, t] = byLink[linkIds[n]];
        topLinks.rows.append(
            { linkIds[n].first, linkIds[n].second >= 0 ? QVariant(qint64(linkIds[n].second)) : QVariant(), kind,
                qint64(t.faults), qint64(t.open), t.openHours() });
    }

    // Per bucket over the whole range: the job history (the scheduler's account) and the
    // event log are read by cursor, so they span the console's own gaps in the samples.
    ReportLine openedLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Faults opened"), {} };
    ReportLine clearedLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Faults cleared"), {} };
    for (qint64 b = bucketStart(p.fromMs, p.fromMs, bucket); b < p.toMs; b += bucket) {
        const auto v = perBucket.value(b, { 0, 0 });
        openedLine.points.append({ b, double(v.first) });
        clearedLine.points.append({ b, double(v.second) });
    }
    ReportChart chart;
    chart.id = QStringLiteral("faults");
    chart.title = bucket == DayMs ? QT_TRANSLATE_NOOP("Meridian::Reports", "Faults per day")
                                  : QT_TRANSLATE_NOOP("Meridian::Reports", "Faults per hour");
    chart.lines = { openedLine, clearedLine };
    chart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Faults");
    data.charts = { chart };

    data.figures = {
        { QStringLiteral("nodes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), qint64(nodes.size()),
            ValueKind::Integer },
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
            ratio(100.0 * all.faults, double(nodes.size())), ValueKind::Number },
    };
    data.tables = { classes, kinds, vendors, pools, topNodes, topLinks, gapsTable(data.gaps) };
    return data;
}

} // namespace Meridian::Reports
