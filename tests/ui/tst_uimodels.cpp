// SPDX-License-Identifier: GPL-3.0-or-later
// Every model of the console under QAbstractItemModelTester, plus the Sources
// dialog's validation.

#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/pools/accelerators/nodelistmodels.h"
#include "ui/sources/agentstatusmodel.h"
#include "ui/sources/sourceeditdialog.h"
#include "ui/sources/sourcetablemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace Meridian;

class TestUiModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void sourceTableModel()
    {
        SourceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SourceConfig a { QStringLiteral("hub"), SourceConfig::Kind::Fleet,
            QUrl(QStringLiteral("http://127.0.0.1:9000/")), QString(), 5000 };
        SourceConfig b { QStringLiteral("node"), SourceConfig::Kind::Agent,
            QUrl(QStringLiteral("http://127.0.0.1:9464/")), QStringLiteral("/tmp/token"), 10000 };
        model.setSources({ a });
        model.addSource(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, SourceTableModel::NameColumn).data().toString(), QStringLiteral("node"));
        QCOMPARE(model.index(1, SourceTableModel::IntervalColumn).data(SourceTableModel::RawValueRole).toInt(), 10000);
        b.intervalMs = 2000;
        model.replaceSource(1, b);
        QCOMPARE(model.sources().at(1).intervalMs, 2000);
        model.removeSource(0);
        QCOMPARE(model.rowCount(), 1);
        model.removeSource(5); // out of range: ignored
        QCOMPARE(model.rowCount(), 1);
        model.setSources({});
        QCOMPARE(model.rowCount(), 0);
    }

    void agentStatusModel()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        AgentStatusModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy changed(&store, &FleetStore::changed);
        store.applyUpdate(TestFleet::update());
        QVERIFY(changed.wait(5000));
        model.reload();
        QCOMPARE(model.rowCount(), 5);
        // Problem agents first, with their reason.
        QCOMPARE(model.index(0, AgentStatusModel::NodeColumn).data().toString(), QStringLiteral("n2"));
        QCOMPARE(model.index(0, AgentStatusModel::ErrorColumn).data().toString(), QStringLiteral("connection refused"));
        QCOMPARE(model.index(0, AgentStatusModel::StatusColumn).data(AgentStatusModel::RawValueRole).toInt(),
            int(AgentStatus::Unreachable));
        QCOMPARE(model.index(4, AgentStatusModel::StatusColumn).data(AgentStatusModel::RawValueRole).toInt(),
            int(AgentStatus::Up));
        // Same row count: refreshed in place, still consistent for the tester.
        store.applyUpdate(TestFleet::update(QDateTime::currentMSecsSinceEpoch() + 5000));
        QVERIFY(changed.wait(5000));
        model.reload();
        QCOMPARE(model.rowCount(), 5);
    }

    void sourceValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("tokenFile");
        QTest::addColumn<int>("intervalMs");
        QTest::addColumn<bool>("valid");
        QTest::addRow("good") << "a"
                              << "http://127.0.0.1:9464/"
                              << "" << 5000 << true;
        QTest::addRow("https") << "a"
                               << "https://agent.example:9464/"
                               << "" << 5000 << true;
        QTest::addRow("no name") << ""
                                 << "http://127.0.0.1:9464/"
                                 << "" << 5000 << false;
        QTest::addRow("duplicate name") << "taken"
                                        << "http://127.0.0.1:9464/"
                                        << "" << 5000 << false;
        QTest::addRow("no url") << "a"
                                << ""
                                << "" << 5000 << false;
        QTest::addRow("ftp url") << "a"
                                 << "ftp://127.0.0.1/"
                                 << "" << 5000 << false;
        QTest::addRow("no host") << "a"
                                 << "http:///x/"
                                 << "" << 5000 << false;
        QTest::addRow("missing token file") << "a"
                                            << "http://127.0.0.1:9464/"
                                            << "/nonexistent/token" << 5000 << false;
        QTest::addRow("interval too short") << "a"
                                            << "http://127.0.0.1:9464/"
                                            << "" << 0 << false;
        QTest::addRow("interval too long") << "a"
                                           << "http://127.0.0.1:9464/"
                                           << "" << 7'200'000 << false;
    }

    void sourceValidation()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, tokenFile);
        QFETCH(int, intervalMs);
        QFETCH(bool, valid);
        const SourceConfig source { name, SourceConfig::Kind::Agent, QUrl(url), tokenFile, intervalMs };
        const QString problem = SourceEditDialog::validate(source, { QStringLiteral("taken") });
        QCOMPARE(problem.isEmpty(), valid);
    }

    void sourceValidationAcceptsReadableTokenFile()
    {
        QTemporaryFile token;
        QVERIFY(token.open());
        token.write("secret");
        token.flush();
        const SourceConfig source { QStringLiteral("a"), SourceConfig::Kind::Agent,
            QUrl(QStringLiteral("http://127.0.0.1:1/")), token.fileName(), 5000 };
        QCOMPARE(SourceEditDialog::validate(source, {}), QString());
    }

    // A node's events and jobs: replaced whole each time the node or the range changes, down to none.
    void nodeListModels()
    {
        NodeEventsModel events;
        QAbstractItemModelTester eventsTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Protocol::Event e;
        e.id = 7;
        e.timestampMs = 1700000000000;
        e.kind = QStringLiteral("hbm-ecc");
        e.severity = Protocol::Severity::Critical;
        e.nodeId = QStringLiteral("n1");
        e.accelerator = 3;
        e.message = QStringLiteral("double-bit error");
        Protocol::Event cleared = e;
        cleared.id = 8;
        cleared.cleared = true;
        Protocol::Event whole = e;
        whole.id = 9;
        whole.accelerator = -1;
        events.setEvents({ e, cleared, whole });
        QCOMPARE(events.rowCount(), 3);
        for (int c = 0; c < events.columnCount(); ++c)
            QVERIFY(events.headerData(c, Qt::Horizontal).isValid());
        events.setEvents({ whole });
        QCOMPARE(events.rowCount(), 1);
        events.setEvents({});
        QCOMPARE(events.rowCount(), 0);

        NodeJobsModel jobs;
        QAbstractItemModelTester jobsTester(&jobs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Protocol::JobPlacement j;
        j.jobId = QStringLiteral("job-000072");
        j.name = QStringLiteral("llm-pretrain");
        j.kind = QStringLiteral("training");
        j.state = QStringLiteral("running");
        j.accelerators = { 0, 1, 2, 3 };
        j.startedMs = 1700000000000;
        jobs.setJobs({ j, j });
        QCOMPARE(jobs.rowCount(), 2);
        jobs.setJobs({});
        QCOMPARE(jobs.rowCount(), 0);
    }

    void sourceDialogEditsPrometheus()
    {
        QTemporaryFile auth;
        QVERIFY(auth.open());
        auth.write("user:password\n");
        auth.flush();
        SourceConfig original;
        original.name = QStringLiteral("east");
        original.kind = SourceConfig::Kind::Prometheus;
        original.url = QUrl(QStringLiteral("http://127.0.0.1:9090/"));
        original.basicAuthFile = auth.fileName();
        original.labels.region = QStringLiteral("cluster");
        original.intervalMs = 15000;
        SourceEditDialog dialog(original, {});
        // Kind, basic auth file and the label names the dialog does not show all survive an edit.
        const SourceConfig edited = dialog.source();
        QVERIFY(edited.kind == SourceConfig::Kind::Prometheus);
        QCOMPARE(edited.basicAuthFile, auth.fileName());
        QCOMPARE(edited.labels.region, QStringLiteral("cluster"));
        QCOMPARE(SourceEditDialog::validate(edited, {}), QString());
        auto* basicAuth = dialog.findChild<QLineEdit*>(QStringLiteral("basicAuthFile"));
        QVERIFY(basicAuth && !basicAuth->isHidden());
        // Another kind has no basic auth: the field is hidden and not saved.
        auto* kind = dialog.findChild<QComboBox*>();
        QVERIFY(kind);
        kind->setCurrentIndex(kind->findData(int(SourceConfig::Kind::Agent)));
        QVERIFY(basicAuth->isHidden());
        QVERIFY(dialog.source().basicAuthFile.isEmpty());
        // An unreadable basic auth file is refused, as the token file is.
        SourceConfig missing = original;
        missing.basicAuthFile = QStringLiteral("/nonexistent/auth");
        QVERIFY(!SourceEditDialog::validate(missing, {}).isEmpty());
        QCOMPARE(SourceTableModel::kindName(SourceConfig::Kind::Prometheus), QStringLiteral("Prometheus"));
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
