// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Slurm hostlist expressions: "gpu[001-128,131]", "a[1-2]b[3-4]", "n1,n[3-5],login". Brackets hold
// comma-separated numbers and ranges; a range's width is kept when its lower bound has a leading zero;
// several bracket groups in one name expand as a product, left to right.

#include <QString>
#include <QStringList>

namespace Meridian::Slurm {

inline constexpr qsizetype DefaultMaxHostlistNames = 65536;

struct HostlistExpansion
{
    QStringList names;
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty(); }
};

// Expands EXPRESSION; fails, without expanding anything, when it would name more than maxNames hosts.
HostlistExpansion expandHostlist(QStringView expression, qsizetype maxNames = DefaultMaxHostlistNames);

// The shortest expression Slurm would write for NAMES: sorted, duplicates dropped, runs of numeric suffixes
// with the same prefix and width folded into ranges ("n1,n2,n3,n5" → "n[1-3,5]").
QString compressHostlist(const QStringList& names);

} // namespace Meridian::Slurm
