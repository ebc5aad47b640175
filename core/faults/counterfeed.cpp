// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/counterfeed.h"

#include "core/protocol/exportermetrics.h"

#include <cmath>

namespace Meridian::Faults {

QList<CounterSeries> countersOf(const QString& vendor, const Protocol::AcceleratorSample& a)
{
    // The protocol's per-accelerator counters under the names the vendor's exporter gives them
    // (core/protocol/exportermetrics.h): a Prometheus source reads the same names, so one rule covers both.
    using Protocol::Exporter::ChipField;
    const Protocol::Exporter::Dialect dialect = Protocol::Exporter::dialectOf(vendor);
    QList<CounterSeries> series;
    auto add = [&](ChipField field, double value) {
        if (const Protocol::Exporter::ChipMetric* m = Protocol::Exporter::chipMetric(dialect, field))
            series.append({ QString::fromLatin1(m->name), a.index, value });
    };
    if (dialect == Protocol::Exporter::Dialect::Meridian)
        return series;
    add(ChipField::EccSingleBitTotal, a.eccSingleBitTotal);
    add(ChipField::EccDoubleBitTotal, a.eccDoubleBitTotal);
    if (dialect == Protocol::Exporter::Dialect::NpuExporter)
        add(ChipField::TemperatureC, a.temperatureC);
    return series;
}

const QList<const CounterRule*>& CounterFeed::rulesOf(const QString& vendor)
{
    auto it = m_rules.find(vendor);
    if (it == m_rules.end()) {
        QList<const CounterRule*> rules;
        for (const CounterSeries& s : countersOf(vendor, Protocol::AcceleratorSample()))
            rules.append(m_model.counter(vendor, s.metric));
        it = m_rules.insert(vendor, rules);
    }
    return *it;
}

bool CounterFeed::stepAccelerator(const QString& nodeId, NodeCounters* node, const QString& vendor,
    const Protocol::AcceleratorSample& accelerator, qint64 ts)
{
    const QList<const CounterRule*>& rules = rulesOf(vendor);
    if (rules.isEmpty())
        return false;
    const QList<CounterSeries> series = countersOf(vendor, accelerator);
    bool changed = false;
    for (qsizetype i = 0; i < series.size() && i < rules.size(); ++i) {
        if (const CounterRule* rule = rules[i]) {
            const CounterSeries& s = series[i];
            changed
                |= stepSeries(nodeId, node, *rule, s.metric, s.accelerator, s.accelerator * 8 + int(i), s.value, ts);
        }
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
