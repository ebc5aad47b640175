// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace Meridian {

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

Q_SIGNALS:
    void nodeRequested(const QString& nodeId);
};

} // namespace Meridian
