// SPDX-License-Identifier: GPL-3.0-or-later
// The Planner page in the main window (Ctrl+7): a request gives a ranked answer with each factor; "Show free
// nodes on the Pools page" opens the candidate's pool with exactly its free nodes selected; the weights re-rank
// without a new question; a latency path opens the Latency map with that edge singled out.

#include "core/planner/plannerservice.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/common/translations.h"
#include "ui/common/viewstate.h"
#include "ui/latency/latencypage.h"
#include "ui/planner/plannerpage.h"
#include "ui/pools/nodetablemodel.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/mainwindow.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Meridian;

class TestPlannerPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* page(const char* name) { return m_window->findChild<T*>(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        registerCoreMetaTypes();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)); // English plurals ("10 free chips")
        QVERIFY(m_settings.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_plannerpage"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8()); // saved requests and families: the test's own
        m_session = std::make_unique<FleetSession>();
        m_session->store()->setCoalescingInterval(0);
        SourceUpdate u = TestFleet::update();
        // A free 910B node beside e1 (2 free chips): wuhu-train has 10 free chips, 1 whole free node.
        u.nodes.append(TestFleet::node(
            TestFleet::inventory(QStringLiteral("e3"), QStringLiteral("East China"), QStringLiteral("wuhu-train"),
                QStringLiteral("Ascend 910B"), QStringLiteral("huawei"), 8),
            Protocol::NodeState::Up, {}, {}, 0, QDateTime::currentMSecsSinceEpoch()));
        m_session->store()->applyUpdate(u);
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
    }

    void requestToFreeNodesOnPoolsPage()
    {
        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        auto* planner = page<PlannerPage>("plannerPage");
        QVERIFY(planner);
        QTRY_VERIFY(planner->isVisible());
        Planner::PlacementRequest r;
        r.model = QStringLiteral("Ascend 910B");
        r.count = 4;
        r.durationMs = Planner::parseDuration(QStringLiteral("7d"));
        planner->setRequest(r);
        QCOMPARE(planner->request().model, r.model);
        // Before the first Plan the empty table says what to do, its columns as wide as their labels.
        ViewState* empty = ViewState::of(planner->table());
        QVERIFY(empty);
        QCOMPARE(empty->text(), QStringLiteral("Describe the job and press Plan."));
        QHeaderView* header = planner->table()->horizontalHeader();
        const QString rankLabel = planner->table()->horizontalHeaderItem(PlannerAnswerView::RankColumn)->text();
        QVERIFY(
            header->sectionSize(PlannerAnswerView::RankColumn) >= header->fontMetrics().horizontalAdvance(rankLabel));
        QSignalSpy answered(planner, &PlannerPage::answered);
        QTest::mouseClick(page<QPushButton>("planButton"), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QVERIFY(empty->text().isEmpty()); // rows: no sentence over them

        // wuhu-train fits now (10 free chips); beijing-train's chips are held by a job of unknown end.
        QTableWidget* table = planner->table();
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(0, PlannerAnswerView::PoolColumn)->text().endsWith(QStringLiteral("wuhu-train")));
        QCOMPARE(table->item(0, PlannerAnswerView::FitColumn)->text(), QStringLiteral("10 free chips"));
        QCOMPARE(table->item(0, PlannerAnswerView::WhenColumn)->text(), QStringLiteral("now"));
        QVERIFY(table->item(1, PlannerAnswerView::WhenColumn)->text().startsWith(QStringLiteral("unknown")));
        QCOMPARE(table->item(0, PlannerAnswerView::RiskColumn)->text(), QStringLiteral("unknown (no fault history)"));
        QCOMPARE(planner->answer().candidates.first().freeNodes,
            QStringList({ QStringLiteral("e3"), QStringLiteral("e1") }));
        QVERIFY(planner->whyView()->toPlainText().contains(QStringLiteral("Fits now")));

        // The weights re-rank the open answer at once, without asking again.
        auto* fitWeight = page<QSlider>("weight0");
        fitWeight->setValue(0);
        QCOMPARE(answered.size(), 1);
        QCOMPARE(planner->answer().weights.fit, 0.0);
        fitWeight->setValue(40);

        table->selectRow(0);
        QTest::mouseClick(page<QPushButton>("showOnPools"), Qt::LeftButton);
        auto* pools = m_window->findChild<PoolsPage*>();
        QVERIFY(pools);
        QTRY_VERIFY(pools->isVisible());
        QCOMPARE(pools->tabs()->currentIndex(), int(PoolsPage::NodesTab));
        QStringList selected;
        for (const QModelIndex& index : pools->nodeTable()->selectionModel()->selectedRows())
            selected.append(pools->nodeModel()->nodeIdAt(index.row()));
        selected.sort();
        QCOMPARE(selected, QStringList({ QStringLiteral("e1"), QStringLiteral("e3") }));
        // Every row shown is in the candidate's pool.
        for (int row = 0; row < pools->nodeModel()->rowCount(); ++row)
            QVERIFY(QStringList({ QStringLiteral("e1"), QStringLiteral("e3") })
                        .contains(pools->nodeModel()->nodeIdAt(row)));
    }

    void pathOnTheLatencyMap()
    {
        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        auto* planner = page<PlannerPage>("plannerPage");
        Planner::PlacementRequest r = planner->request();
        r.anchorSite = QStringLiteral("beijing");
        planner->setRequest(r);
        QSignalSpy answered(planner, &PlannerPage::answered);
        planner->plan();
        QVERIFY(answered.wait(10000));
        planner->table()->selectRow(0);
        QVERIFY(page<QPushButton>("showOnMap")->isEnabled());
        QTest::mouseClick(page<QPushButton>("showOnMap"), Qt::LeftButton);
        auto* latency = m_window->findChild<LatencyPage*>();
        QVERIFY(latency);
        QTRY_VERIFY(latency->isVisible());
        QCOMPARE(latency->path(), qMakePair(QStringLiteral("wuhu"), QStringLiteral("beijing")));
    }
};

QTEST_MAIN(TestPlannerPage)
#include "tst_plannerpage.moc"
