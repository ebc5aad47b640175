// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Generic resources (GRES) as Slurm writes them: node gres ("gpu:h100:4", "gpu:h100:4(S:0-1)"), gres in use
// with indexes ("gpu:h100:2(IDX:0-1)", "gpu:h100:0(IDX:N/A)"), a job's request ("gres:gpu:2" in v0.0.38,
// "gres/gpu:h100:2" later) and TRES strings ("cpu=8,mem=62.50G,gres/gpu=4,gres/gpu:h100=4").

#include <QList>
#include <QString>

namespace Meridian::Slurm {

struct Gres
{
    QString name; ///< "gpu", "mps", …
    QString type; ///< "h100"; empty when untyped
    qint64 count = 0;
    QList<int> indexes; ///< IDX: the devices in use; empty when not given or N/A
    friend bool operator==(const Gres&, const Gres&) = default;
};
using GresList = QList<Gres>;

struct GresParse
{
    GresList gres;
    QString error; ///< empty on success; names the offending entry
    bool ok() const { return error.isEmpty(); }
};

// A comma-separated gres list. "(null)", "N/A" and the empty string are an empty list.
GresParse parseGres(QStringView text);
// The gres entries of a TRES string ("gres/gpu=4", "gres/gpu:h100=4"); other resources are skipped.
GresParse parseTresGres(QStringView text);

// How many of NAME the list holds: the untyped entries when there are any (TRES lists carry the total
// untyped beside the per-type counts), else the sum of the typed ones.
qint64 gresCount(const GresList& list, QStringView name = u"gpu");

inline constexpr int MaxGresIndex = 65535; ///< a device index beyond this is garbage, not hardware

} // namespace Meridian::Slurm
