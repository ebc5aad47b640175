// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundpriority.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace Meridian;

class TestBackgroundPriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A background worker runs BackgroundNiceIncrement nice steps below the thread that made it;
    // the UI thread itself keeps its priority.
    void workerRunsBelowItsCreator()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread priorities are nice values on Linux only");
#endif
        const int before = currentThreadNice();
        std::atomic<int> workerNice { -100 };
        QThread worker;
        setBackgroundPriority(&worker);
        QObject probe;
        probe.moveToThread(&worker);
        connect(&worker, &QThread::started, &probe, [&] { workerNice = currentThreadNice(); });
        worker.start();
        QTRY_VERIFY(workerNice != -100);
        worker.quit();
        QVERIFY(worker.wait(10000));
        QCOMPARE(workerNice.load(), std::min(19, before + BackgroundNiceIncrement));
        QCOMPARE(currentThreadNice(), before);

        // An unmarked thread keeps its creator's priority.
        std::atomic<int> plainNice { -100 };
        QThread plain;
        QObject plainProbe;
        plainProbe.moveToThread(&plain);
        connect(&plain, &QThread::started, &plainProbe, [&] { plainNice = currentThreadNice(); });
        plain.start();
        QTRY_VERIFY(plainNice != -100);
        plain.quit();
        QVERIFY(plain.wait(10000));
        QCOMPARE(plainNice.load(), before);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
