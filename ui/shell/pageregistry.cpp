// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/pageregistry.h"

#include "ui/faults/faultspage.h"
#include "ui/jobs/jobspage.h"
#include "ui/latency/latencypage.h"
#include "ui/overview/overviewpage.h"
#include "ui/planner/plannerpage.h"
#include "ui/pools/poolspage.h"
#include "ui/reports/reportspage.h"

#include <QCoreApplication>

namespace Meridian {

const QList<PageInfo>& pages()
{
    static const QList<PageInfo> list = {
        { QStringLiteral("overview"), QStringLiteral(":/icons/overview.svg"),
            QT_TRANSLATE_NOOP("Meridian::Pages", "Overview"),
            [](const PageContext& c) { return new OverviewPage(c); } },
        { QStringLiteral("pools"), QStringLiteral(":/icons/pools.svg"), QT_TRANSLATE_NOOP("Meridian::Pages", "Pools"),
            [](const PageContext& c) { return new PoolsPage(c); } },
        { QStringLiteral("jobs"), QStringLiteral(":/icons/jobs.svg"), QT_TRANSLATE_NOOP("Meridian::Pages", "Jobs"),
            [](const PageContext& c) { return new JobsPage(c); } },
        { QStringLiteral("latency"), QStringLiteral(":/icons/latency.svg"),
            QT_TRANSLATE_NOOP("Meridian::Pages", "Latency"), [](const PageContext& c) { return new LatencyPage(c); } },
        { QStringLiteral("faults"), QStringLiteral(":/icons/faults.svg"),
            QT_TRANSLATE_NOOP("Meridian::Pages", "Faults"),
            [](const PageContext& c) { return new Faults::FaultsPage(c); } },
        { QStringLiteral("reports"), QStringLiteral(":/icons/reports.svg"),
            QT_TRANSLATE_NOOP("Meridian::Pages", "Reports"),
            [](const PageContext& c) { return new Reports::ReportsPage(c); } },
        { QStringLiteral("planner"), QStringLiteral(":/icons/planner.svg"),
            QT_TRANSLATE_NOOP("Meridian::Pages", "Planner"), [](const PageContext& c) { return new PlannerPage(c); } },
    };
    return list;
}

QStringList pageIds()
{
    QStringList ids;
    for (const PageInfo& page : pages())
        ids.append(page.id);
    return ids;
}

QString pageTitle(const PageInfo& page)
{
    return QCoreApplication::translate("Meridian::Pages", page.title);
}

} // namespace Meridian
