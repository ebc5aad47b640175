// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Meridian {

// A place in the fleet to go to: what Ctrl+K finds, and what pages ask the window to show.
struct JumpTarget
{
    enum Kind { Region, Pool, Rack, Node, Accelerator };
    Kind kind = Region;
    QString region;
    QString pool;
    QString rack;
    QString nodeId;
    int accelerator = -1;
    QString label; ///< what matched, as shown: "node-0001#3"
    QString detail; ///< where it is: "East China / wuhu-train / r01"
};

// Requests to go to another page, made by pages and carried out by whoever
// owns the pages (the main window). Pages never reach into the window's
// widgets: they ask here, and the request is a no-op when nobody listens.
class Navigator : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Open a node on the Pools page.
    void showNode(const QString& nodeId) { Q_EMIT nodeRequested(nodeId); }
    // Open any place (region, pool, rack, node, accelerator) on the Pools page.
    void showTarget(const JumpTarget& target) { Q_EMIT targetRequested(target); }
    // Open a page by its id ("faults").
    void showPage(const QString& pageId) { Q_EMIT pageRequested(pageId); }
    // Open a pool on the Pools page with these nodes selected in its node table (the planner's free nodes).
    void showPoolNodes(const QString& region, const QString& pool, const QStringList& nodeIds)
    {
        Q_EMIT poolNodesRequested(region, pool, nodeIds);
    }
    // Open the Latency map with the path between two sites singled out.
    void showLatencyPath(const QString& fromSite, const QString& toSite)
    {
        Q_EMIT latencyPathRequested(fromSite, toSite);
    }
    // Open the Faults page showing only the incidents whose text, place or region matches filter.
    void showFaults(const QString& filter) { Q_EMIT faultsRequested(filter); }
    // The page is about to show something else in place (a node's or a job's detail): whoever keeps the
    // back history (Esc) remembers where the page was first.
    void aboutToMove() { Q_EMIT moving(); }

Q_SIGNALS:
    void nodeRequested(const QString& nodeId);
    void targetRequested(const Meridian::JumpTarget& target);
    void pageRequested(const QString& pageId);
    void faultsRequested(const QString& filter);
    void poolNodesRequested(const QString& region, const QString& pool, const QStringList& nodeIds);
    void latencyPathRequested(const QString& fromSite, const QString& toSite);
    void moving();
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::JumpTarget)
