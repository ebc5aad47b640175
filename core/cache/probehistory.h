// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Probe history in metrics.db (schema 2): one row per probe window and node
// pair, and per-minute rollups per site pair (mean p50, mean p99, mean loss —
// LatencyMatrix's aggregation). Both tables are time-major (t first in the
// key) like the sample chunks, so each commit appends at the B-tree's right edge.

#include "core/model/latencytypes.h"
#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <map>

namespace Meridian {

class ProbeHistoryWriter
{
public:
    // Remembers the node's site (inventory label "site", else the pool's prefix) and queues
    // every probe window that is new or changed since it was last seen.
    void add(const QString& nodeId, const Protocol::NodeInventory* inventory, const Protocol::Snapshot& snapshot);
    // A past window from a front's probe history: written as given (a row already there is replaced
    // by the same figures), without touching what add() has seen of the live windows.
    void addHistory(const QString& nodeId, const Protocol::ProbeResult& probe);
    int pendingRows() const { return int(m_rows.size()); }
    // Inside the caller's transaction, with its query (its lastError() tells why on false); kept on failure.
    bool commit(QSqlQuery& q);

private:
    struct Row
    {
        qint64 t = 0;
        QString node, peer;
        Protocol::ProbeResult probe;
    };
    struct SiteKey
    {
        qint64 minute = 0;
        QString a, b;
        bool operator<(const SiteKey& o) const { return std::tie(minute, a, b) < std::tie(o.minute, o.a, o.b); }
    };

    QHash<QString, QString> m_siteOf;
    QHash<QString, Protocol::ProbeResult> m_last; ///< "node|peer" → newest window queued
    QList<Row> m_rows;
    // The last few minutes per site pair: each node pair's newest result for that minute, so a
    // window reported again with other figures replaces its earlier version instead of adding to it.
    std::map<SiteKey, QHash<QString, Protocol::ProbeResult>> m_sites;
    std::map<SiteKey, bool> m_dirtySites;
};

namespace ProbeHistory {

QStringList migration(); ///< metrics.db schema 2
// Windows of one node pair, or one site pair's minutes (siteLevel), between fromMs and toMs, ascending.
QList<PairPoint> read(
    const QSqlDatabase& db, bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs);

} // namespace ProbeHistory
} // namespace Meridian
