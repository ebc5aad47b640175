// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>

namespace Meridian {

// The documentation's folder: installed beside the program (share/doc/meridian), else the source tree's
// docs/ for a console run from its build folder. Invalid when neither is there.
QUrl documentationUrl();

} // namespace Meridian
