// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Meridian {

// Display name of a region id from the data. Known regions are translated
// ("East China" → 华东, "wuhu" → 芜湖); unknown ones are shown as reported.
QString regionDisplayName(const QString& region);

} // namespace Meridian
