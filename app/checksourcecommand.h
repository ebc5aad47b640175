// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Meridian {

// `meridian check-source --config FILE [--source NAME] [--json]`: checks every source of a configuration (or the
// one named) end to end, whatever its kind, prints a report per source (or one JSON document) and returns 0 only
// when every source checked is usable. Runs on a QCoreApplication: no display needed.
int runCheckSource(const QStringList& arguments);

} // namespace Meridian
