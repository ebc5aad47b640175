// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Meridian {

// `meridian check-slurm URL --token-file FILE [--user NAME]`: runs on a QCoreApplication (no display needed),
// prints what a Slurm source would see, returns 0 only when slurmrestd answered every request.
int runCheckSlurm(const QStringList& arguments);

} // namespace Meridian
