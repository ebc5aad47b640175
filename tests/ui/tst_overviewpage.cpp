// SPDX-License-Identifier: GPL-3.0-or-later
// The Overview shows exactly what the store holds: per-region cards, the summary
// row, narrowing by click, "—" for data nobody reported, one recompute per change set.

#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/charts/customplot.h"
#include "ui/overview/capacitychart.h"
#include "ui/overview/capacitytrendpanel.h"
#include "ui/overview/overviewpage.h"
#include "ui/overview/regioncard.h"
#include "ui/overview/summarybar.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace Meridian;

class TestOverviewPage : public QObject
{
    Q_OBJECT
private:
    static QString textOf(QWidget* root, const QString& name)
    {
        auto* label = root->findChild<QLabel*>(name);
        if (!label)
            return QStringLiteral("<no label %1>").arg(name);
        return label->text();
    }

    std::unique_ptr<FleetStore> m_store;
    std::unique_ptr<OverviewPage> m_page;

private Q_SLOTS:
    void initTestCase()
    {
        registerCoreMetaTypes();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_store = std::make_unique<FleetStore>();
        m_store->setCoalescingInterval(0);
        m_page = std::make_unique<OverviewPage>(PageContext { m_store.get() });
        m_page->resize(1400, 900);
        m_page->show();
        QSignalSpy recomputed(m_page.get(), &OverviewPage::recomputed);
        m_store->applyUpdate(TestFleet::update());
        QVERIFY(recomputed.wait(5000));
    }

    void cleanup()
    {
        m_page.reset();
        m_store.reset();
    }

    void regionCards_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");
        const QString east = QStringLiteral("East China"), north = QStringLiteral("North China"),
                      south = QStringLiteral("South China");
        QTest::addRow("east nodes up") << east << "nodesUp"
                                       << "1 up";
        QTest::addRow("east nodes down") << east << "nodesDown"
                                         << "1 down";
        QTest::addRow("east running") << east << "jobsRunning"
                                      << "2 running";
        QTest::addRow("east queued") << east << "jobsQueued"
                                     << "1 queued";
        QTest::addRow("east recovering") << east << "jobsRecovering"
                                         << "1 recovering";
        QTest::addRow("east faults") << east << "openFaults"
                                     << "2";
        QTest::addRow("east 910B total") << east << "total:Ascend 910B"
                                         << "8";
        QTest::addRow("east 910B allocated") << east << "allocated:Ascend 910B"
                                             << "5";
        QTest::addRow("east 910B free") << east << "free:Ascend 910B"
                                        << "2";
        QTest::addRow("east 910B faulty") << east << "faulty:Ascend 910B"
                                          << "1";
        QTest::addRow("east H20 total") << east << "total:H20"
                                        << "4";
        QTest::addRow("east H20 allocated") << east << "allocated:H20"
                                            << "0";
        QTest::addRow("east H20 free") << east << "free:H20"
                                       << "0";
        QTest::addRow("east H20 faulty") << east << "faulty:H20"
                                         << "4";
        QTest::addRow("north up") << north << "nodesUp"
                                  << "1 up";
        QTest::addRow("north down") << north << "nodesDown"
                                    << "0 down";
        QTest::addRow("north reporting") << north << "reporting"
                                         << "1 of 2 reporting";
        QTest::addRow("north 910B total") << north << "total:Ascend 910B"
                                          << "16";
        QTest::addRow("north 910B allocated") << north << "allocated:Ascend 910B"
                                              << "8";
        QTest::addRow("north 910B free") << north << "free:Ascend 910B"
                                         << "0";
        QTest::addRow("north running") << north << "jobsRunning"
                                       << "1 running";
        QTest::addRow("north queued") << north << "jobsQueued"
                                      << "2 queued";
        QTest::addRow("north recovering") << north << "jobsRecovering"
                                          << "0 recovering";
        QTest::addRow("north faults") << north << "openFaults"
                                      << "0";
        // Nobody in South China ever answered: missing, never zero.
        QTest::addRow("south up") << south << "nodesUp"
                                  << "— up";
        QTest::addRow("south down") << south << "nodesDown"
                                    << "— down";
        QTest::addRow("south faults") << south << "openFaults"
                                      << "—";
        QTest::addRow("south 910B total") << south << "total:Ascend 910B"
                                          << "—";
        QTest::addRow("south 910B free") << south << "free:Ascend 910B"
                                         << "—";
        QTest::addRow("south reporting") << south << "reporting"
                                         << "0 of 1 reporting";
        // The scheduler's list is complete, so "no jobs in South China" is a real zero.
        QTest::addRow("south running") << south << "jobsRunning"
                                       << "0 running";
    }

    void regionCards()
    {
        QFETCH(QString, region);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        RegionCard* card = m_page->card(region);
        QVERIFY(card);
        QCOMPARE(textOf(card, label), expected);
    }

    void cardsPerRegion()
    {
        QCOMPARE(m_page->findChildren<RegionCard*>().size(), 3);
        QVERIFY(
            !m_page->card(QStringLiteral("East China"))->findChild<QLabel*>(QStringLiteral("reporting"))->isVisible());
    }

    void fleetSummary_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");
        QTest::addRow("up") << "nodesUp"
                            << "2";
        QTest::addRow("down") << "nodesDown"
                              << "1";
        QTest::addRow("running") << "jobsRunning"
                                 << "3";
        QTest::addRow("queued") << "jobsQueued"
                                << "3";
        QTest::addRow("recovering") << "jobsRecovering"
                                    << "1";
        QTest::addRow("faults") << "openFaults"
                                << "2";
        QTest::addRow("910B total") << "total:Ascend 910B"
                                    << "32";
        QTest::addRow("910B allocated") << "allocated:Ascend 910B"
                                        << "13";
        QTest::addRow("910B free") << "free:Ascend 910B"
                                   << "2";
        QTest::addRow("910B faulty") << "faulty:Ascend 910B"
                                     << "1";
        QTest::addRow("H20 faulty") << "faulty:H20"
                                    << "4";
        QTest::addRow("reporting") << "reporting"
                                   << "3 of 5 nodes reporting";
        QTest::addRow("title") << "scopeTitle"
                               << "Whole fleet";
    }

    void fleetSummary()
    {
        QFETCH(QString, label);
        QFETCH(QString, expected);
        QCOMPARE(textOf(m_page->summaryBar(), label), expected);
    }

    void clickNarrowsToRegion()
    {
        SummaryBar* bar = m_page->summaryBar();
        RegionCard* east = m_page->card(QStringLiteral("East China"));
        QSignalSpy scope(m_page.get(), &OverviewPage::scopeChanged);
        QTest::mouseClick(east, Qt::LeftButton, {}, QPoint(20, 20));
        QCOMPARE(scope.count(), 1);
        QCOMPARE(m_page->scope(), QStringLiteral("East China"));
        QVERIFY(east->isSelected());
        QCOMPARE(textOf(bar, QStringLiteral("scopeTitle")), QStringLiteral("East China"));
        QCOMPARE(textOf(bar, QStringLiteral("nodesUp")), QStringLiteral("1"));
        QCOMPARE(textOf(bar, QStringLiteral("jobsRunning")), QStringLiteral("2"));
        QCOMPARE(textOf(bar, QStringLiteral("total:Ascend 910B")), QStringLiteral("8"));
        QVERIFY(bar->findChild<QToolButton*>(QStringLiteral("wholeFleet"))->isVisible());

        // Clicking the selected card again returns to the whole fleet.
        QTest::mouseClick(east, Qt::LeftButton, {}, QPoint(20, 20));
        QCOMPARE(m_page->scope(), QString());
        QVERIFY(!east->isSelected());
        QCOMPARE(textOf(bar, QStringLiteral("nodesUp")), QStringLiteral("2"));

        // So does the "whole fleet" control.
        QTest::keyClick(m_page->card(QStringLiteral("North China")), Qt::Key_Space);
        QCOMPARE(m_page->scope(), QStringLiteral("North China"));
        QCOMPARE(textOf(bar, QStringLiteral("total:Ascend 910B")), QStringLiteral("16"));
        QTest::mouseClick(bar->findChild<QToolButton*>(QStringLiteral("wholeFleet")), Qt::LeftButton);
        QCOMPARE(m_page->scope(), QString());
        QCOMPARE(textOf(bar, QStringLiteral("total:Ascend 910B")), QStringLiteral("32"));
    }

    void narrowedSummaryShowsMissing()
    {
        m_page->setScope(QStringLiteral("South China"));
        QCOMPARE(textOf(m_page->summaryBar(), QStringLiteral("nodesUp")), QStringLiteral("—"));
        QCOMPARE(textOf(m_page->summaryBar(), QStringLiteral("openFaults")), QStringLiteral("—"));
        QCOMPARE(textOf(m_page->summaryBar(), QStringLiteral("total:Ascend 910B")), QStringLiteral("—"));
    }

    void emptyStoreShowsMissing()
    {
        FleetStore store;
        OverviewPage page(PageContext { &store });
        const QStringList tiles
            = { QStringLiteral("nodesUp"), QStringLiteral("nodesDown"), QStringLiteral("jobsRunning"),
                  QStringLiteral("jobsQueued"), QStringLiteral("jobsRecovering"), QStringLiteral("openFaults") };
        for (const QString& tile : tiles)
            QCOMPARE(textOf(page.summaryBar(), tile), QStringLiteral("—"));
        QVERIFY(page.findChildren<RegionCard*>().isEmpty());
        QVERIFY(page.capacityPanel()->chart()->isEmpty());
    }

    void oneRecomputePerChangeSet()
    {
        QSignalSpy recomputed(m_page.get(), &OverviewPage::recomputed);
        QSignalSpy changed(m_store.get(), &FleetStore::changed);
        // Three updates in one event-loop pass coalesce into one change set and one recompute.
        for (int i = 0; i < 3; ++i)
            m_store->applyUpdate(TestFleet::update(QDateTime::currentMSecsSinceEpoch() + i));
        QVERIFY(recomputed.wait(5000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(recomputed.count(), 1);
        QVERIFY(!recomputed.wait(400));
    }

    void updatesFollowTheStore()
    {
        // A node comes back: East China's down node is up and its faults are gone.
        SourceUpdate u;
        u.source = QStringLiteral("test");
        const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1000;
        u.nodes.append(
            TestFleet::node(TestFleet::inventory(QStringLiteral("e2"), QStringLiteral("East China"),
                                QStringLiteral("wuhu-infer"), QStringLiteral("H20"), QStringLiteral("nvidia"), 4),
                Protocol::NodeState::Up, {}, {}, 0, now));
        QSignalSpy recomputed(m_page.get(), &OverviewPage::recomputed);
        m_store->applyUpdate(u);
        QVERIFY(recomputed.wait(5000));
        RegionCard* east = m_page->card(QStringLiteral("East China"));
        QCOMPARE(textOf(east, QStringLiteral("nodesUp")), QStringLiteral("2 up"));
        QCOMPARE(textOf(east, QStringLiteral("free:H20")), QStringLiteral("4"));
        QCOMPARE(textOf(east, QStringLiteral("faulty:H20")), QStringLiteral("0"));
        QCOMPARE(textOf(east, QStringLiteral("openFaults")), QStringLiteral("1"));
    }

    // 1366×768 leaves the page about 1,170 pixels: every card and every range button lies
    // inside it, none clipped on the right (the cards reflow by their own minimum width, the
    // selectors take a row of their own beside the summary). A card that needs 420 pixels
    // stands for a longer language or wider figures.
    void fitsTheNarrowScreen()
    {
        const int width = 1170;
        m_page->findChild<CapacityTrendPanel*>()->loadingHint()->show();
        m_page->card(QStringLiteral("East China"))->setMinimumWidth(420);
        QVERIFY(m_page->minimumSizeHint().width() <= width);
        m_page->resize(width, 660);
        QTest::qWait(0);
        QCoreApplication::processEvents();
        const QRect page = m_page->rect();
        const auto inside = [&](QWidget* w) {
            const QRect r(w->mapTo(m_page.get(), QPoint(0, 0)), w->size());
            return page.contains(r);
        };
        for (RegionCard* card : m_page->findChildren<RegionCard*>())
            QVERIFY2(inside(card), qPrintable(card->objectName()));
        const auto buttons = m_page->findChild<CapacityTrendPanel*>()->findChildren<QToolButton*>();
        QCOMPARE(buttons.size(), 4);
        for (QToolButton* button : buttons)
            QVERIFY2(inside(button), qPrintable(button->objectName()));
    }

    void chartBreaksLinesAtGaps()
    {
        CapacityChart chart;
        CapacitySeries series;
        const qint64 t0 = 1'700'000'000'000;
        for (int minute : { 0, 1, 2, 10, 11 }) // minutes 3–9 are missing
            series.points.append({ t0 + minute * 60'000, 100, 60, 35, 5, 10 });
        series.fromMs = t0;
        series.toMs = t0 + 11 * 60'000;
        chart.setSeries(series);
        QVERIFY(!chart.isEmpty());
        QCPGraph* allocated = chart.plot()->graph(1);
        QCOMPARE(allocated->data()->size(), 6); // five points and one NaN break
        int gaps = 0;
        for (auto it = allocated->data()->constBegin(); it != allocated->data()->constEnd(); ++it)
            gaps += std::isnan(it->value) ? 1 : 0;
        QCOMPARE(gaps, 1);

        chart.setSeries({});
        QVERIFY(chart.isEmpty());
        QCOMPARE(chart.findChild<QLabel*>(QStringLiteral("emptyState"))->text(),
            QStringLiteral("No history in the cache yet"));
    }
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
