// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A support bundle: one incident as a single POSIX tar archive to send to a
// vendor: manifest (console and agent versions), the incident with its
// members, blast radius and recovery timeline, the cached events of the
// affected nodes, metric windows around the fault, node inventories, and the
// console's source settings without secrets (no tokens, token files or
// keyring names). Pure: the caller gathers the cache answers first.

#include "core/cache/cachetypes.h"
#include "core/faults/recoverytimeline.h"
#include "core/sources/sourceconfig.h"

#include <QByteArray>
#include <QList>

namespace Meridian::Faults {

// A minimal ustar writer: regular files only, names ≤ 100 bytes, 0644.
class TarWriter
{
public:
    bool addFile(const QString& name, const QByteArray& content, qint64 mtimeSeconds);
    QByteArray finish(); ///< appends the two zero blocks; the writer is empty afterwards
    static constexpr qint64 MaxFileBytes = 64LL << 20;

private:
    QByteArray m_data;
};

struct SupportBundleInput
{
    const IncidentGrouper* grouper = nullptr;
    int incidentId = 0;
    BlastRadius radius;
    RecoveryTimeline timeline;
    QList<Protocol::Event> events; ///< cached events of the affected nodes around the incident
    QList<MetricSeries> metrics; ///< metric windows around the first fault
    QList<Protocol::NodeInventory> inventories;
    QList<SourceConfig> sources;
    QString consoleVersion;
    qint64 createdMs = 0; ///< console clock: when the bundle was made (the only console timestamp in it)
};

QByteArray buildSupportBundle(const SupportBundleInput& input);
QString supportBundleFileName(const Incident& incident); ///< "meridian-incident-<id>-<first seen>.tar"

} // namespace Meridian::Faults
