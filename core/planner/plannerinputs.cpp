// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/plannerinputs.h"

#include "core/reports/reporttypes.h"
#include "core/store/fleetstore.h"

#include <cmath>

namespace Meridian::Planner {
namespace {

// Columns of the availability report's by-pool table (core/reports/availabilityreport.cpp, byPoolTable).
int columnOf(const Reports::ReportTable& table, const char* title)
{
    for (int i = 0; i < table.columns.size(); ++i)
        if (qstrcmp(table.columns[i].title, title) == 0)
            return i;
    return -1;
}

} // namespace

qint64 sourcesNowMs(const QHash<QString, FleetNode>& nodes)
{
    qint64 now = 0;
    for (const FleetNode& n : nodes)
        now = std::max(now, n.snapshot.sample.timestampMs);
    return now;
}

PlannerInputs inputsFrom(const FleetStore& store)
{
    PlannerInputs in;
    in.nodes = store.nodes();
    in.jobs = store.jobs();
    in.nowMs = sourcesNowMs(in.nodes);
    return in;
}

QHash<QString, PoolRisk> riskFrom(const Reports::ReportData& data)
{
    QHash<QString, PoolRisk> out;
    const qint64 window = data.parameters.toMs - data.parameters.fromMs;
    for (const Reports::ReportTable& t : data.tables) {
        if (t.id != QLatin1String("availability_by_pool"))
            continue;
        const int region = columnOf(t, "Region"), pool = columnOf(t, "Pool"), faults = columnOf(t, "Faults"),
                  mtbf = columnOf(t, "MTBF (h)"), upHours = columnOf(t, "Up node-hours");
        if (region < 0 || pool < 0 || faults < 0 || mtbf < 0)
            return out;
        for (const QVariantList& row : t.rows) {
            PoolRisk r;
            r.faults = row.value(faults).isValid() ? int(row.value(faults).toLongLong()) : -1;
            const QVariant m = row.value(mtbf);
            r.mtbfHours = m.isValid() ? m.toDouble() : Protocol::Missing;
            r.windowMs = window;
            const QVariant up = upHours >= 0 ? row.value(upHours) : QVariant();
            r.upNodeHours = up.isValid() ? up.toDouble() : Protocol::Missing;
            out.insert(poolKey(row.value(region).toString(), row.value(pool).toString()), r);
        }
    }
    return out;
}

} // namespace Meridian::Planner
