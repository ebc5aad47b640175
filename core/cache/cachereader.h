// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleettypes.h"

#include <QFuture>
#include <QObject>
#include <memory>

namespace Meridian {

// Read-only queries against the cache, run on the reader's own thread with its
// own connection. Every call returns at once; results arrive through the
// future (use QFutureWatcher or QFuture::then with a context object on the UI
// thread). No SQL ever runs on the caller's thread.
class CacheReader : public QObject
{
    Q_OBJECT
public:
    explicit CacheReader(const QString& databasePath, QObject* parent = nullptr);
    ~CacheReader() override;

    // Capacity per minute from the rollups; region/model empty = all.
    QFuture<CapacitySeries> capacityHistory(qint64 fromMs, qint64 toMs, const QString& region = {},
        const QString& model = {});

    struct State
    {
        QList<FleetNode> nodes;
        QList<Protocol::JobRecord> jobs;
    };
    QFuture<State> lastState();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian
