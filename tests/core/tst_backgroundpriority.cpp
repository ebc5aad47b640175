// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/backgroundpriority.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace Meridian;

namespace {

// The nice value a new thread sees once it runs: marked as background work or not.
int niceOfNewThread(bool background)
{
    std::atomic<int> nice { -100 };
    QThread thread;
    if (background)
        setBackgroundPriority(&thread);
    QObject probe;
    probe.moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, &probe, [&] { nice = currentThreadNice(); });
    thread.start();
    const bool ran = QTest::qWaitFor([&] { return nice != -100; }, 10000);
    thread.quit();
    thread.wait();
    return ran ? nice.load() : -100;
}

} // namespace

class TestBackgroundPriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A background worker runs BackgroundNiceIncrement nice steps below the thread that made it;
    // the UI thread itself keeps its priority, and an unmarked thread keeps its creator's.
    void workerRunsBelowItsCreator()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread priorities are nice values on Linux only");
#endif
        const int before = currentThreadNice();
        QCOMPARE(niceOfNewThread(true), std::min(19, before + BackgroundNiceIncrement));
        QCOMPARE(currentThreadNice(), before);
        QCOMPARE(niceOfNewThread(false), before);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
