// SPDX-License-Identifier: GPL-3.0-or-later
// DemoFleet and FleetSession against the real meridian-fleetsim.
#include "core/session/demofleet.h"
#include "core/session/fleetsession.h"
#include "core/sources/agentcheck.h"
#include "core/store/fleetstore.h"
#include "tests/core/coretestutil.h"
#include "tests/support/processharness.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

DemoOptions smallDemo()
{
    DemoOptions o;
    o.executable = QStringLiteral(MERIDIAN_FLEETSIM_BIN);
    o.nodes = 40;
    o.history = QStringLiteral("5m");
    o.seed = 7;
    return o;
}

bool accepts(const QUrl& url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    return socket.waitForConnected(2000);
}

} // namespace

class TestDemoFleet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void startsAndStops()
    {
        DemoFleet demo;
        QSignalSpy ready(&demo, &DemoFleet::ready);
        QSignalSpy failed(&demo, &DemoFleet::failed);
        demo.start(smallDemo());
        QVERIFY2(ready.wait(60000), failed.isEmpty() ? "no ready" : qPrintable(failed.first().first().toString()));
        const QUrl url = ready.first().at(0).toUrl();
        const QString tokenFile = ready.first().at(1).toString();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(url, demo.url());
        // A private token: 64 hex characters, readable by us only.
        QFileInfo info(tokenFile);
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFileDevice::Permissions());
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().size(), 64);
        // The token is required, and the right one works.
        QCOMPARE(Test::httpGet(url.resolved(QUrl(QStringLiteral("api/v1/fleet")))).status, 401);
        file.seek(0);
        const auto fleet = Test::httpGet(url.resolved(QUrl(QStringLiteral("api/v1/fleet"))), file.readAll().trimmed());
        QCOMPARE(fleet.status, 200);

        demo.stop();
        QVERIFY(!demo.isRunning());
        QVERIFY(!accepts(url));
        QVERIFY(!QFileInfo::exists(tokenFile));
        QVERIFY(failed.isEmpty());
    }

    void checkFleetFront()
    {
        DemoFleet demo;
        QSignalSpy ready(&demo, &DemoFleet::ready);
        demo.start(smallDemo());
        QVERIFY(ready.wait(60000));
        AgentCheck check;
        QSignalSpy done(&check, &AgentCheck::finished);
        check.start(demo.url(), demo.tokenFile());
        QVERIFY(done.wait(30000));
        const AgentCheckReport& r = check.report();
        QStringList lines;
        for (const auto& f : r.findings)
            lines << QStringLiteral("%1 %2: %3").arg(int(f.severity)).arg(f.what, f.detail);
        QVERIFY2(r.isFleet, qPrintable(lines.join(u'\n')));
        QVERIFY(r.fleetNodes > 0);
        QVERIFY(!r.checkedNode.isEmpty());
        QVERIFY2(r.healthy(), qPrintable(lines.join(u'\n')));
        QVERIFY(r.historyMs > 0);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("executable");
        QTest::addRow("missing binary") << QStringLiteral("/nonexistent/meridian-fleetsim");
        QTest::addRow("exits at once") << QStringLiteral("/bin/false");
    }

    void failures()
    {
        QFETCH(QString, executable);
        DemoFleet demo;
        QSignalSpy failed(&demo, &DemoFleet::failed);
        QSignalSpy ready(&demo, &DemoFleet::ready);
        DemoOptions options = smallDemo();
        options.executable = executable;
        demo.start(options);
        QVERIFY(failed.wait(10000));
        QVERIFY(ready.isEmpty());
        QVERIFY(!failed.first().first().toString().isEmpty());
    }

    void noReadyLineTimesOut()
    {
        // A program that runs but never prints the ready line.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("silent-sim"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexec sleep 30\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        DemoFleet demo;
        QSignalSpy failed(&demo, &DemoFleet::failed);
        DemoOptions options = smallDemo();
        options.executable = script;
        options.readyTimeoutMs = 500;
        demo.start(options);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("in time")),
            qPrintable(failed.first().first().toString()));
        QVERIFY(!demo.isRunning()); // the silent child was stopped
    }

    void sessionShowsTheFleetAndRestoresIt()
    {
        DemoFleet demo;
        QSignalSpy ready(&demo, &DemoFleet::ready);
        demo.start(smallDemo());
        QVERIFY(ready.wait(60000));
        QFile tokenFile(demo.tokenFile());
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const QByteArray token = tokenFile.readAll().trimmed();
        const auto fleet = Test::httpGet(demo.url().resolved(QUrl(QStringLiteral("api/v1/fleet"))), token);
        const int fleetSize
            = int(QJsonDocument::fromJson(fleet.body).object().value(QStringLiteral("nodes")).toArray().size());
        QVERIFY(fleetSize > 0);

        QTemporaryDir cacheDir;
        const SourceConfig config { QStringLiteral("demo"), SourceConfig::Kind::Fleet, demo.url(), demo.tokenFile(),
            1000 };
        int accelerators = 0;
        {
            FleetSession session;
            QSignalSpy restored(&session, &FleetSession::restored);
            QString error;
            QVERIFY2(session.open(cacheDir.path(), &error), qPrintable(error));
            session.setSources({ config });
            QVERIFY(restored.count() == 1 || restored.wait(10000));
            FleetStore* store = session.store();
            QTRY_COMPARE_WITH_TIMEOUT(int(store->nodes().size()), fleetSize, 30000);
            QTRY_VERIFY_WITH_TIMEOUT(store->agentStatusCounts().up > 0, 10000);
            const AgentStatusCounts counts = store->agentStatusCounts();
            // Every node is up, or down as the front reports it (unreachable with the front's reason).
            QCOMPARE(counts.up + counts.unreachable, fleetSize);
            for (const FleetNode& n : store->nodes()) {
                if (n.status == AgentStatus::Unreachable)
                    QVERIFY2(n.lastError.contains(QStringLiteral("fleet front")), qPrintable(n.lastError));
            }
            for (const ModelCapacity& m : store->summary().models)
                accelerators += m.total;
            QVERIFY(accelerators > 0);
            // Replacing the sources joins the old worker cleanly and drops its late updates.
            session.setSources({});
            QCOMPARE(session.store()->nodes().size(), 0);
        }
        {
            // A new session shows the cached fleet before any source answers.
            FleetSession session;
            QSignalSpy restored(&session, &FleetSession::restored);
            QString error;
            QVERIFY2(session.open(cacheDir.path(), &error), qPrintable(error));
            QVERIFY(restored.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(int(session.store()->nodes().size()), fleetSize, 5000);
            QCOMPARE(session.store()->agentStatusCounts().unknown, fleetSize);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoFleet)
#include "tst_demofleet.moc"
