// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which job runs on which accelerator, from a directory the scheduler's prolog
// and epilog maintain (the layout of dcgm-exporter's --hpc-job-mapping-dir):
//
//   DIR/<index>          one file per accelerator index; first line = job id; empty = free
//   DIR/jobs/<id>.json   optional description {name, tenant, user, kind, state, startedMs, lastCheckpointMs}
//
// Every file is size-capped and validated; a bad file is skipped with a warning
// and never stops the agent.

#include "core/protocol/protocoltypes.h"

#include <QMap>
#include <QStringList>

namespace Meridian::Agent {

struct JobMapping
{
    QMap<int, QString> jobByAccelerator;
    QList<Protocol::JobPlacement> jobs; ///< one per job id found, accelerators filled in
    QStringList warnings; ///< "3: job id contains forbidden characters"
};

namespace JobMappingReader {

inline constexpr qsizetype MaxMappingFileBytes = 4096;
inline constexpr qsizetype MaxJobFileBytes = 64 * 1024;
inline constexpr int MaxDirectoryEntries = 4096;

bool isValidJobId(QByteArrayView id);
JobMapping read(const QString& directory, int acceleratorCount);

} // namespace JobMappingReader
} // namespace Meridian::Agent
