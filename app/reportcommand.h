// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Meridian {

// `meridian report --type TYPE --scope SCOPE --range RANGE --format pdf|csv|xlsx -o PATH
//  [--config FILE | --demo | --cache DIR] [--lang en|zh_CN] [--bom]`: writes one report from
// the cache without a window (cron). Runs on a QApplication on the offscreen platform (the
// PDF's charts are widgets). Returns 0 on success, 2 on bad arguments, 1 on any other failure
// (unusable or empty cache, write error).
int runReport(const QStringList& arguments);

} // namespace Meridian
