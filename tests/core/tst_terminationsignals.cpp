// SPDX-License-Identifier: GPL-3.0-or-later
// SIGTERM, SIGINT and SIGHUP reach the event loop as TerminationSignals::received, and the handlers that were
// there before come back when it is destroyed. The console's end-to-end case is in tst_commandline.

#include "core/util/terminationsignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Meridian;

namespace {
extern "C" void ignoreSignal(int) { }
} // namespace

class TestTerminationSignals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversOnTheEventLoop_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGHUP") << SIGHUP;
    }

    void deliversOnTheEventLoop()
    {
        QFETCH(int, signalNumber);
        TerminationSignals termination;
        QVERIFY(termination.isActive());
        QSignalSpy spy(&termination, &TerminationSignals::received);
        QCOMPARE(::raise(signalNumber), 0); // without the handler, this process would end here
        QVERIFY(spy.isEmpty()); // not from inside the handler: on the next pass of the event loop
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), signalNumber);
    }

    void restoresThePreviousHandler()
    {
        struct sigaction mine = {};
        mine.sa_handler = ignoreSignal;
        sigemptyset(&mine.sa_mask);
        struct sigaction original = {};
        QCOMPARE(::sigaction(SIGTERM, &mine, &original), 0);
        {
            TerminationSignals termination;
            struct sigaction during = {};
            ::sigaction(SIGTERM, nullptr, &during);
            QVERIFY(during.sa_handler != ignoreSignal);
        }
        struct sigaction after = {};
        ::sigaction(SIGTERM, nullptr, &after);
        QVERIFY(after.sa_handler == ignoreSignal);
        ::sigaction(SIGTERM, &original, nullptr);
    }
};

QTEST_GUILESS_MAIN(TestTerminationSignals)
#include "tst_terminationsignals.moc"
