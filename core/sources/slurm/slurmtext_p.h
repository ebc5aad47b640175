// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: the translation context of the decoder's messages, which the console shows.

#include <QCoreApplication>

namespace Meridian::Slurm {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Slurm)
};

} // namespace Meridian::Slurm
