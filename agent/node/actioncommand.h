// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the job actions (cancel, requeue) and node actions (drain, resume) of a
// real agent share: running the command the site configured for the action —
// never through a shell, bounded in time and output — then answering with what
// it did. The audit record of the request is ActionAudit (agent common).

#include "agent/common/actionaudit.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace Meridian::Agent {

// Runs `args` (the program first) and answers: 502 with the reason when it
// does not finish within `timeoutMs` or fails, else `reply` with its exit code
// and output, completed by `performed`. The outcome goes to `audit`.
void runActionCommand(const QStringList& args, int timeoutMs, QJsonObject reply,
    const std::function<void(QJsonObject*)>& performed, HttpResponse& response, ActionAudit* audit);

} // namespace Meridian::Agent
