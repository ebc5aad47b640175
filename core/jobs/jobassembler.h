// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fleet-wide jobs from node reports, for fleets without a scheduler front: each
// agent reports the jobs placed on its node (JobPlacement, from its job-mapping
// directory); a job spans every node that names it. Called once per poll on the
// store's nodes, so it is one pass with one hash lookup per placement.

#include "core/model/fleettypes.h"

#include <QHash>
#include <QList>

namespace Meridian::Jobs {

class JobAssembler
{
public:
    // Jobs in ascending id order; nodes of each job in ascending id order.
    static QList<Protocol::JobRecord> assemble(const QHash<QString, FleetNode>& nodes);

    // The same from plain lists (benchmarks, tests): one entry per node.
    struct NodeReport
    {
        const Protocol::NodeInventory* inventory = nullptr;
        const QList<Protocol::JobPlacement>* jobs = nullptr;
    };
    static QList<Protocol::JobRecord> assemble(const QList<NodeReport>& reports);
};

} // namespace Meridian::Jobs
