// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/pagecontext.h"

#include "core/session/fleetsession.h"

namespace Meridian {

PageContext PageContext::of(
    FleetSession* session, Navigator* navigator, Reports::ReportRunner* reports, Planner::PlannerService* planner)
{
    PageContext c;
    c.store = session->store();
    c.history = session->history();
    c.faults = session->faults();
    c.acknowledgements = session->acknowledgements();
    c.idle = session->idle();
    c.actions = session->actions();
    c.jobDetails = session->jobDetails();
    c.reports = reports;
    c.planner = planner;
    c.navigator = navigator;
    c.session = session;
    return c;
}

} // namespace Meridian
