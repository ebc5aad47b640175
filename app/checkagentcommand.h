// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Meridian {

// `meridian check-agent URL [--token-file FILE]`: runs on a QCoreApplication
// (no display needed), prints the report, returns 0 only when the agent is healthy.
int runCheckAgent(const QStringList& arguments);

} // namespace Meridian
