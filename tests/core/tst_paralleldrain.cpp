// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/paralleldrain.h"

#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <deque>

using namespace Meridian;

class TestParallelDrain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPostedItemIsDoneOnceWhenFinishReturns()
    {
        struct Item
        {
            int value = 0;
            int squared = -1;
            std::atomic<int> visits { 0 };
        };
        std::deque<Item> items;
        ParallelDrain<Item> drain([](Item* item) {
            item->squared = item->value * item->value;
            ++item->visits;
        });
        for (int i = 0; i < 5000; ++i) {
            items.emplace_back().value = i;
            drain.post(&items.back());
        }
        drain.finish();
        for (const Item& item : items) {
            QCOMPARE(item.squared, item.value * item.value);
            QCOMPARE(item.visits.load(), 1);
        }
    }

    void aBusyGlobalPoolDoesNotHoldItBack()
    {
        // Every thread of the global pool is held until the drain is done: the drain has threads of its own.
        QThreadPool* pool = QThreadPool::globalInstance();
        std::atomic<bool> release { false };
        for (int t = 0; t < pool->maxThreadCount(); ++t) {
            pool->start([&release] {
                while (!release.load())
                    QThread::msleep(1);
            });
        }
        std::atomic<int> done { 0 };
        {
            std::deque<int> items(100, 1);
            ParallelDrain<int> drain([&done](int* v) { done += *v; });
            for (int& v : items)
                drain.post(&v);
            drain.finish();
        }
        QCOMPARE(done.load(), 100);
        release = true;
        pool->waitForDone();
    }

    void finishingTwiceAndDestroyingAreSafe()
    {
        int x = 0;
        ParallelDrain<int> drain([](int* v) { ++*v; });
        drain.post(&x);
        drain.finish();
        drain.finish();
        QCOMPARE(x, 1);
    }
};

QTEST_GUILESS_MAIN(TestParallelDrain)
#include "tst_paralleldrain.moc"
