// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/probehistory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Meridian {
namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr int KeepSiteMinutes = 5; ///< site minutes still accumulating in RAM

QVariant real(double v)
{
    return std::isnan(v) ? QVariant() : QVariant(v); // NULL, never 0, for a missing figure
}

double fromSql(const QVariant& v)
{
    return v.isNull() ? Protocol::Missing : v.toDouble();
}

} // namespace

void ProbeHistoryWriter::add(
    const QString& nodeId, const Protocol::NodeInventory* inventory, const Protocol::Snapshot& snapshot)
{
    if (inventory) {
        QString site = inventory->labels.value(QStringLiteral("site"));
        if (site.isEmpty())
            site = inventory->pool.section(QLatin1Char('-'), 0, 0);
        m_siteOf.insert(nodeId, site);
    }
    const auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    for (const Protocol::ProbeResult& p : snapshot.probes) {
        if (p.windowEndMs <= 0 || p.peer.isEmpty())
            continue;
        const QString pair = nodeId + QLatin1Char('|') + p.peer;
        Protocol::ProbeResult& last = m_last[pair];
        if (p.windowEndMs < last.windowEndMs
            || (p.windowEndMs == last.windowEndMs && same(p.p50Ms, last.p50Ms) && same(p.p99Ms, last.p99Ms)
                && same(p.loss, last.loss) && p.count == last.count))
            continue; // an older window, or the same one unchanged (agents report it until the next closes)
        last = p;
        m_rows.append({ p.windowEndMs, nodeId, p.peer, p });
    }
}

void ProbeHistoryWriter::addHistory(const QString& nodeId, const Protocol::ProbeResult& probe)
{
    if (probe.windowEndMs <= 0 || probe.peer.isEmpty() || nodeId.isEmpty())
        return;
    m_rows.append({ probe.windowEndMs, nodeId, probe.peer, probe });
}

bool ProbeHistoryWriter::commit(QSqlQuery& q)
{
    // Sites are resolved now, not in add(): the peer's inventory may come later in the same update.
    for (const Row& r : std::as_const(m_rows)) {
        const QString a = m_siteOf.value(r.node), b = m_siteOf.value(r.peer);
        if (a.isEmpty() || b.isEmpty() || a == b)
            continue;
        const SiteKey key { r.t / Minute * Minute, a, b };
        m_sites[key].insert(r.node + QLatin1Char('|') + r.peer, r.probe);
        m_dirtySites[key] = true;
    }
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO probe_window(t_ms, node_id, peer, p50, p99, loss, n) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    // Stable: a window queued twice keeps its newer version last, and INSERT OR REPLACE keeps that one.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& x, const Row& y) { return x.t < y.t; });
    for (const Row& r : std::as_const(m_rows)) {
        q.bindValue(0, r.t);
        q.bindValue(1, r.node);
        q.bindValue(2, r.peer);
        q.bindValue(3, real(r.probe.p50Ms));
        q.bindValue(4, real(r.probe.p99Ms));
        q.bindValue(5, real(r.probe.loss));
        q.bindValue(6, r.probe.count);
        if (!q.exec())
            return false;
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO probe_site_1m(minute_ms, site_a, site_b, p50, p99, loss, n) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& entry : m_dirtySites) {
        const SiteKey& key = entry.first;
        PairAccumulator acc;
        for (const Protocol::ProbeResult& p : std::as_const(m_sites[key]))
            acc.add(p);
        const PairStats s = acc.finish();
        q.bindValue(0, key.minute);
        q.bindValue(1, key.a);
        q.bindValue(2, key.b);
        q.bindValue(3, real(s.p50Ms));
        q.bindValue(4, real(s.p99Ms));
        q.bindValue(5, real(s.loss));
        q.bindValue(6, s.probes);
        if (!q.exec())
            return false;
    }
    m_rows.clear(); // only now: a failed commit rolls back both tables and retries both
    m_dirtySites.clear();
    // Minutes older than a few windows are complete: their row stays as written.
    if (!m_sites.empty()) {
        const qint64 keepFrom = m_sites.rbegin()->first.minute - KeepSiteMinutes * Minute;
        while (!m_sites.empty() && m_sites.begin()->first.minute < keepFrom)
            m_sites.erase(m_sites.begin());
    }
    return true;
}

namespace ProbeHistory {

QStringList migration()
{
    return {
        QStringLiteral("CREATE TABLE probe_window(t_ms INTEGER NOT NULL, node_id TEXT NOT NULL, peer TEXT NOT NULL,"
                       " p50 REAL, p99 REAL, loss REAL, n INTEGER NOT NULL, PRIMARY KEY(t_ms, node_id, peer))"
                       " WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX probe_window_pair ON probe_window(node_id, peer, t_ms)"),
        QStringLiteral("CREATE TABLE probe_site_1m(minute_ms INTEGER NOT NULL, site_a TEXT NOT NULL,"
                       " site_b TEXT NOT NULL, p50 REAL, p99 REAL, loss REAL, n INTEGER NOT NULL,"
                       " PRIMARY KEY(minute_ms, site_a, site_b)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX probe_site_pair ON probe_site_1m(site_a, site_b, minute_ms)"),
    };
}

QList<PairPoint> read(
    const QSqlDatabase& db, bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs)
{
    QList<PairPoint> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(siteLevel
            ? QStringLiteral("SELECT minute_ms, p50, p99, loss FROM probe_site_1m"
                             " WHERE site_a = ? AND site_b = ? AND minute_ms BETWEEN ? AND ? ORDER BY minute_ms")
            : QStringLiteral("SELECT t_ms, p50, p99, loss FROM probe_window"
                             " WHERE node_id = ? AND peer = ? AND t_ms BETWEEN ? AND ? ORDER BY t_ms"));
    q.bindValue(0, from);
    q.bindValue(1, to);
    q.bindValue(2, fromMs);
    q.bindValue(3, toMs);
    if (!q.exec())
        return out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), fromSql(q.value(1)), fromSql(q.value(2)), fromSql(q.value(3)) });
    return out;
}

} // namespace ProbeHistory
} // namespace Meridian
