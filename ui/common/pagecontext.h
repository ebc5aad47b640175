// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a page gets to build itself: the store it observes and the core services it asks — for the past
// (history), faults, idle accelerators, actions and job details, report computation — and the navigator
// for cross-page requests. Pages own no domain state and reach neither the cache nor the network: every
// figure and action comes from one of these, shared by every page, report and command of the session.
// A null service is a console without it (tests drive pages with what they need).

#include <QtGlobal>

namespace Meridian {

class FleetSession;
class FleetStore;
class FleetHistory;
class IdleTracker;
class ActionService;
class JobDetails;
class Navigator;
namespace Faults {
class FaultTracker;
class AcknowledgementLog;
} // namespace Faults
namespace Reports {
class ReportRunner;
}
namespace Planner {
class PlannerService;
}

struct PageContext
{
    FleetStore* store = nullptr;
    FleetHistory* history = nullptr;
    Faults::FaultTracker* faults = nullptr;
    Faults::AcknowledgementLog* acknowledgements = nullptr;
    IdleTracker* idle = nullptr;
    ActionService* actions = nullptr;
    JobDetails* jobDetails = nullptr;
    Reports::ReportRunner* reports = nullptr;
    Planner::PlannerService* planner = nullptr; ///< the placement planner (the window's)
    Navigator* navigator = nullptr; ///< may be null: cross-page requests are then ignored
    const FleetSession* session = nullptr; ///< the configuration (sources) only, e.g. for a support bundle

    // Every service of a session (the report runner, the planner and the navigator are the window's).
    static PageContext of(FleetSession* session, Navigator* navigator = nullptr,
        Reports::ReportRunner* reports = nullptr, Planner::PlannerService* planner = nullptr);
};

} // namespace Meridian
