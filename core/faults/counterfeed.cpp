// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/counterfeed.h"

#include "core/protocol/exportermetrics.h"

#include <QVarLengthArray>

#include <cmath>

namespace Meridian::Faults {

namespace {

using Protocol::Exporter::ChipField;

// The protocol's per-accelerator counters a vendor's exporter names (core/protocol/exportermetrics.h): a
// Prometheus source reads the same names, so one rule covers both. None for Meridian's own dialect.
QVarLengthArray<ChipField, 3> counterFieldsOf(Protocol::Exporter::Dialect dialect)
{
    switch (dialect) {
    case Protocol::Exporter::Dialect::Meridian:
        return {};
    case Protocol::Exporter::Dialect::NpuExporter:
        return { ChipField::EccSingleBitTotal, ChipField::EccDoubleBitTotal, ChipField::TemperatureC };
    default:
        return { ChipField::EccSingleBitTotal, ChipField::EccDoubleBitTotal };
    }
}

double valueOf(const Protocol::AcceleratorSample& a, ChipField field)
{
    switch (field) {
    case ChipField::EccSingleBitTotal:
        return a.eccSingleBitTotal;
    case ChipField::EccDoubleBitTotal:
        return a.eccDoubleBitTotal;
    case ChipField::TemperatureC:
        return a.temperatureC;
    default:
        return Protocol::Missing;
    }
}

} // namespace

QList<CounterSeries> countersOf(const QString& vendor, const Protocol::AcceleratorSample& a)
{
    const Protocol::Exporter::Dialect dialect = Protocol::Exporter::dialectOf(vendor);
    QList<CounterSeries> series;
    for (ChipField field : counterFieldsOf(dialect)) {
        if (const Protocol::Exporter::ChipMetric* m = Protocol::Exporter::chipMetric(dialect, field))
            series.append({ QString::fromLatin1(m->name), a.index, valueOf(a, field) });
    }
    return series;
}

const QList<CounterFeed::VendorSeries>& CounterFeed::seriesOf(const QString& vendor)
{
    auto it = m_series.find(vendor);
    if (it == m_series.end()) {
        const Protocol::Exporter::Dialect dialect = Protocol::Exporter::dialectOf(vendor);
        QList<VendorSeries> series;
        int slot = 0;
        for (ChipField field : counterFieldsOf(dialect)) {
            const Protocol::Exporter::ChipMetric* m = Protocol::Exporter::chipMetric(dialect, field);
            if (!m)
                continue;
            const QString metric = QString::fromLatin1(m->name);
            if (const CounterRule* rule = m_model.counter(vendor, metric))
                series.append({ int(field), metric, rule, slot });
            ++slot;
        }
        it = m_series.insert(vendor, series);
    }
    return *it;
}

bool CounterFeed::stepAccelerator(const QString& nodeId, NodeCounters* node, const QString& vendor,
    const Protocol::AcceleratorSample& accelerator, qint64 ts)
{
    bool changed = false;
    for (const VendorSeries& s : seriesOf(vendor)) {
        changed |= stepSeries(nodeId, node, *s.rule, s.metric, accelerator.index, accelerator.index * 8 + s.slot,
            valueOf(accelerator, ChipField(s.field)), ts);
    }
    return changed;
}

bool CounterFeed::stepExporter(const ExporterCounters& counters)
{
    NodeCounters& node = m_nodes[counters.nodeId];
    if (counters.timestampMs <= node.lastExporterMs)
        return false;
    node.lastExporterMs = counters.timestampMs;
    // Their series' memory lives apart from the samples' (accelerator * 8 + i): above ExporterStates, one slot per
    // accelerator and rule.
    constexpr int ExporterStates = 1 << 24;
    const CounterRule* first = m_model.counters().constData();
    bool changed = false;
    for (const AcceleratorCounters& a : counters.accelerators) {
        if (a.accelerator < 0 || a.accelerator >= 4096)
            continue;
        for (auto it = a.values.cbegin(); it != a.values.cend(); ++it) {
            const CounterRule* rule = m_model.counter(a.vendor, it.key());
            if (!rule)
                continue;
            const int state = ExporterStates + a.accelerator * 2048 + int(rule - first);
            changed |= stepSeries(
                counters.nodeId, &node, *rule, it.key(), a.accelerator, state, it.value(), counters.timestampMs);
        }
    }
    return changed;
}

bool CounterFeed::stepSeries(const QString& nodeId, NodeCounters* node, const CounterRule& rule, const QString& metric,
    int accelerator, int state, double value, qint64 ts)
{
    QList<CounterEvent> events;
    stepCounter(rule, &node->states[state], { ts, value }, &events);
    bool changed = false;
    for (const CounterEvent& e : std::as_const(events)) {
        // counter-missing has its own key: a series going missing must not close (or open) its condition.
        const QString key = QStringLiteral("ctr|") + nodeId + QLatin1Char('|') + QString::number(accelerator)
            + QLatin1Char('|') + rule.id
            + (e.kind == QLatin1String("counter-missing") ? QStringLiteral("|missing") : QString());
        const bool oneShot = rule.mode == CounterRule::Mode::Rise || rule.mode == CounterRule::Mode::LastValue;
        if (e.cleared) {
            changed |= node->open.remove(key) > 0;
            continue;
        }
        if (auto it = node->open.find(key); it != node->open.end()) {
            it->lastRiseMs = oneShot ? ts : 0; // still rising: the condition stays open, no new fault
            continue;
        }
        Open o;
        o.event.timestampMs = e.timestampMs;
        o.event.kind = e.kind;
        o.event.code = e.code;
        o.event.severity = e.severity;
        o.event.nodeId = nodeId;
        o.event.accelerator = accelerator;
        o.event.message = e.kind == QLatin1String("counter-missing")
            ? QStringLiteral("%1 of accelerator %2 no longer reported").arg(metric).arg(accelerator)
            : std::isnan(e.delta)
            ? QStringLiteral("%1 of accelerator %2 is %3").arg(metric).arg(accelerator).arg(e.value)
            : QStringLiteral("%1 of accelerator %2 rose by %3 to %4")
                  .arg(metric)
                  .arg(accelerator)
                  .arg(e.delta)
                  .arg(e.value);
        o.lastRiseMs = oneShot ? ts : 0;
        node->open.insert(key, o);
        changed = true;
    }
    return changed;
}

bool CounterFeed::expireQuiet(NodeCounters* node, qint64 nowMs)
{
    bool changed = false;
    for (auto o = node->open.begin(); o != node->open.end();) {
        if (o->lastRiseMs > 0 && nowMs - o->lastRiseMs >= QuietMs) {
            o = node->open.erase(o);
            changed = true;
        } else {
            ++o;
        }
    }
    return changed;
}

QList<std::pair<QString, Protocol::Event>> CounterFeed::open(const QString& nodeId) const
{
    QList<std::pair<QString, Protocol::Event>> out;
    const auto it = m_nodes.constFind(nodeId);
    if (it != m_nodes.cend())
        for (auto o = it->open.cbegin(); o != it->open.cend(); ++o)
            out.append({ o.key(), o->event });
    return out;
}

} // namespace Meridian::Faults
