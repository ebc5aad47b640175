// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/backgroundpriority.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace Meridian {

// Items handed to the other cores while the calling thread produces more, then the rest shared with it: for a
// worker's loop that must read on one thread (a SQLite cursor) and whose items then take independent CPU work
// (decoding the cache's 25,000 node blobs at start-up, which the console waits for). Helpers are threads of its
// own, one per other core, at background priority: the global pool may be busy with other work (a latency build)
// exactly when this is wanted. post() takes a pointer the caller keeps alive until finish() returns; `work` must
// be safe to run on distinct items at once.
template <typename Item> class ParallelDrain
{
public:
    explicit ParallelDrain(std::function<void(Item*)> work)
        : m_work(std::move(work))
    {
        const int helpers = std::max(0, QThread::idealThreadCount() - 1);
        for (int h = 0; h < helpers; ++h) {
            std::unique_ptr<QThread> thread(QThread::create([this] {
                lowerCurrentThreadToBackground();
                while (Item* item = next(true))
                    m_work(item);
            }));
            thread->start();
            m_helpers.push_back(std::move(thread));
        }
    }
    ~ParallelDrain() { finish(); }
    ParallelDrain(const ParallelDrain&) = delete;
    ParallelDrain& operator=(const ParallelDrain&) = delete;

    void post(Item* item)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(item);
        m_changed.wakeOne();
    }

    // Every posted item is done when this returns; the calling thread takes its share of what is left.
    void finish()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_closed = true;
            m_changed.wakeAll();
        }
        while (Item* item = next(false))
            m_work(item);
        for (const std::unique_ptr<QThread>& thread : m_helpers)
            thread->wait();
        m_helpers.clear();
    }

private:
    // The next item; nullptr when there is none and none will come (not waiting: none now).
    Item* next(bool wait)
    {
        QMutexLocker lock(&m_mutex);
        while (m_queue.empty() && wait && !m_closed)
            m_changed.wait(&m_mutex);
        if (m_queue.empty())
            return nullptr;
        Item* item = m_queue.front();
        m_queue.pop_front();
        return item;
    }

    std::function<void(Item*)> m_work;
    std::vector<std::unique_ptr<QThread>> m_helpers;
    QMutex m_mutex;
    QWaitCondition m_changed; ///< an item posted, or the queue closed
    std::deque<Item*> m_queue;
    bool m_closed = false;
};

} // namespace Meridian
