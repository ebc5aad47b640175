// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/commandline.h"

namespace Meridian {

// Loads the configuration, opens the session and the cache, starts the demo
// fleet when asked, shows the main window and runs the event loop.
int runConsole(const ConsoleOptions& options);

} // namespace Meridian
