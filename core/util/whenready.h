// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace Meridian {

// Runs `handler(result)` on `context`'s thread once `future` has a result.
// A QFutureWatcher connected before setFuture() never misses the finish; with
// Qt 6.4's QFuture::then(context, …) we saw about one answer in 30 lost when
// the reader finished while the continuation was being attached.
template <typename T, typename Handler, typename Missing>
void whenReady(QObject* context, const QFuture<T>& future, Handler handler, Missing onMissing)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
        [watcher, handler = std::move(handler), onMissing = std::move(onMissing)]() mutable {
            watcher->deleteLater();
            if (watcher->future().resultCount() > 0)
                handler(watcher->future().result());
            else
                onMissing(); // cancelled or failed: no result to hand over
        });
    watcher->setFuture(future);
}

template <typename T, typename Handler> void whenReady(QObject* context, const QFuture<T>& future, Handler handler)
{
    whenReady(context, future, std::move(handler), [] {});
}

} // namespace Meridian
