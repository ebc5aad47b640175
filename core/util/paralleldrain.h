// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/backgroundpriority.h"

#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>

namespace Meridian {

// Items handed to the other cores while the calling thread produces more, then the rest shared with it: for a
// worker's loop that must read on one thread (a SQLite cursor) and whose items then take independent CPU work
// (decoding the cache's 25,000 node blobs at start-up, which the console waits for). Helpers are global-pool
// threads at background priority, one per other core; finish() never waits for one the pool has not started (a
// busy pool only makes it slower). post() takes a pointer the caller keeps alive until finish() returns; `work`
// must be safe to run on distinct items at once.
template <typename Item> class ParallelDrain
{
public:
    explicit ParallelDrain(std::function<void(Item*)> work)
        : m_shared(std::make_shared<Shared>())
    {
        m_shared->work = std::move(work);
        const int helpers = std::max(0, QThread::idealThreadCount() - 1);
        for (int h = 0; h < helpers; ++h) {
            QThreadPool::globalInstance()->start([shared = m_shared] {
                {
                    QMutexLocker lock(&shared->mutex);
                    if (shared->closed && shared->queue.empty())
                        return; // started too late to help: nothing of the caller's is touched
                    ++shared->running;
                }
                lowerCurrentThreadToBackground();
                while (Item* item = shared->next(true))
                    shared->work(item);
                QMutexLocker lock(&shared->mutex);
                --shared->running;
                shared->changed.wakeAll();
            });
        }
    }
    ~ParallelDrain() { finish(); }
    ParallelDrain(const ParallelDrain&) = delete;
    ParallelDrain& operator=(const ParallelDrain&) = delete;

    void post(Item* item)
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->queue.push_back(item);
        m_shared->changed.wakeAll();
    }

    // Every posted item is done when this returns; the calling thread takes its share of what is left.
    void finish()
    {
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->closed = true;
            m_shared->changed.wakeAll();
        }
        while (Item* item = m_shared->next(false))
            m_shared->work(item);
        QMutexLocker lock(&m_shared->mutex);
        while (m_shared->running > 0)
            m_shared->changed.wait(&m_shared->mutex);
    }

private:
    struct Shared
    {
        std::function<void(Item*)> work;
        QMutex mutex;
        QWaitCondition changed; ///< an item posted, the queue closed, or a helper done
        std::deque<Item*> queue;
        int running = 0; ///< helpers inside their loop
        bool closed = false;

        // The next item; nullptr when there is none and none will come (not waiting: none now).
        Item* next(bool wait)
        {
            QMutexLocker lock(&mutex);
            while (queue.empty() && wait && !closed)
                changed.wait(&mutex);
            if (queue.empty())
                return nullptr;
            Item* item = queue.front();
            queue.pop_front();
            return item;
        }
    };
    std::shared_ptr<Shared> m_shared;
};

} // namespace Meridian
