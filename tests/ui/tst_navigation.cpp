// SPDX-License-Identifier: GPL-3.0-or-later
// Moving around the console: Go → each page with Ctrl+1…6, Ctrl+K from every page, Esc back to the page
// and the place before, Help → keyboard shortcuts and the documentation, the Overview's cards as links.

#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/common/navigator.h"
#include "ui/common/tablelayout.h"
#include "ui/faults/faultspage.h"
#include "ui/faults/incidenttablemodel.h"
#include "ui/jobs/jobspage.h"
#include "ui/overview/overviewpage.h"
#include "ui/overview/regioncard.h"
#include "ui/pools/nodetablemodel.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/quickjump.h"
#include "ui/shell/shortcutsdialog.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Meridian;

class TestNavigation : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void openUrl(const QUrl& url) { m_opened.append(url); } ///< stands in for the desktop's file manager

private:
    QTemporaryDir m_settings;
    QList<QUrl> m_opened;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_window.get(), Qt::Key(key), modifiers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerCoreMetaTypes();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_settings.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_navigation"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        m_session->store()->setCoalescingInterval(0);
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
    }

    void goMenuHasEveryPageWithItsShortcut()
    {
        const QStringList order { QStringLiteral("overview"), QStringLiteral("pools"), QStringLiteral("jobs"),
            QStringLiteral("latency"), QStringLiteral("faults"), QStringLiteral("reports") };
        const QStringList titles { QStringLiteral("Overview"), QStringLiteral("Pools"), QStringLiteral("Jobs"),
            QStringLiteral("Latency"), QStringLiteral("Faults"), QStringLiteral("Reports") };
        QMenu* go = m_window->goMenu();
        QVERIFY(go);
        QCOMPARE(go->title(), QStringLiteral("&Go"));
        const QList<QAction*> actions = go->actions();
        for (int i = 0; i < order.size(); ++i) {
            QCOMPARE(actions.at(i)->objectName(), order[i] + QStringLiteral("PageAction"));
            QCOMPARE(actions.at(i)->text(), titles[i]);
            QCOMPARE(actions.at(i)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
        // Ctrl+K and Esc are listed in the menu too.
        auto* jump = m_window->findChild<QAction*>(QStringLiteral("quickJumpAction"));
        auto* back = m_window->findChild<QAction*>(QStringLiteral("backAction"));
        QVERIFY(actions.contains(jump) && actions.contains(back));
        QCOMPARE(jump->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QCOMPARE(back->shortcut(), QKeySequence(Qt::Key_Escape));
        QVERIFY(!back->isEnabled()); // nowhere to go back to yet
    }

    void ctrlNumberOpensThePage()
    {
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));
        press(Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("jobs"));
        press(Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("faults"));
        press(Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("reports"));
        press(Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));
    }

    void escReturnsToThePreviousPage()
    {
        press(Qt::Key_3, Qt::ControlModifier);
        press(Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("faults"));
        m_window->findChild<QWidget*>(QStringLiteral("navigation"))->setFocus(); // a list takes Esc for itself
        press(Qt::Key_Escape);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("jobs"));
        press(Qt::Key_Escape);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));
        QVERIFY(m_window->backHistory().isEmpty());
        press(Qt::Key_Escape); // nothing left: stays
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));
    }

    void ctrlKWorksFromEveryPage()
    {
        for (int i = 0; i < 6; ++i) {
            press(Qt::Key_1 + i, Qt::ControlModifier);
            QVERIFY(!m_window->quickJump()->isVisible());
            press(Qt::Key_K, Qt::ControlModifier);
            QVERIFY2(m_window->quickJump()->isVisible(), qPrintable(m_window->currentPageId()));
            m_window->quickJump()->hide();
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        }
    }

    void escReturnsToTheSelectionToo()
    {
        m_session->store()->applyUpdate(TestFleet::update());
        auto* pools = qobject_cast<PoolsPage*>(m_window->page(QStringLiteral("pools")));
        auto* jobs = qobject_cast<JobsPage*>(m_window->page(QStringLiteral("jobs")));
        QVERIFY(pools && jobs);

        // Pools narrowed to North China; then a node opened from elsewhere (as Faults' "Open in Pools" does).
        press(Qt::Key_2, Qt::ControlModifier);
        pools->setScope(QStringLiteral("North China"));
        press(Qt::Key_3, Qt::ControlModifier);
        jobs->showJob(QStringLiteral("job-1")); // the user opens a job's detail on the Jobs page
        QVERIFY(jobs->isShowingDetail());
        m_window->findChild<Navigator*>()->showNode(QStringLiteral("e1"));
        QCOMPARE(m_window->currentPageId(), QStringLiteral("pools"));
        QVERIFY(pools->isShowingDetail());

        press(Qt::Key_Escape); // back to the job that was open
        QCOMPARE(m_window->currentPageId(), QStringLiteral("jobs"));
        QVERIFY(jobs->isShowingDetail());
        press(Qt::Key_Escape); // to the job table it was opened from
        QCOMPARE(m_window->currentPageId(), QStringLiteral("jobs"));
        QVERIFY(!jobs->isShowingDetail());
        press(Qt::Key_Escape); // to Pools as it was: North China, tables
        QCOMPARE(m_window->currentPageId(), QStringLiteral("pools"));
        QVERIFY(!pools->isShowingDetail());
        QCOMPARE(pools->place().toMap().value(QStringLiteral("region")).toString(), QStringLiteral("North China"));
    }

    void overviewCardsLeadToPoolsAndFaults()
    {
        m_session->store()->applyUpdate(TestFleet::update());
        RegionCard* card = nullptr;
        QTRY_VERIFY((card = m_window->findChild<RegionCard*>(QStringLiteral("regionCard:East China"))));

        // The region's name: Pools on that region.
        auto* title = card->findChild<QLabel*>(QStringLiteral("title"));
        QVERIFY(title);
        QCOMPARE(title->cursor().shape(), Qt::PointingHandCursor);
        QTest::mouseClick(title, Qt::LeftButton);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("pools"));
        auto* pools = qobject_cast<PoolsPage*>(m_window->page(QStringLiteral("pools")));
        QCOMPARE(pools->place().toMap().value(QStringLiteral("region")).toString(), QStringLiteral("East China"));
        QCOMPARE(pools->nodeModel()->rowCount(), 2); // e1, e2
        press(Qt::Key_Escape);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));
        auto* overview = qobject_cast<OverviewPage*>(m_window->page(QStringLiteral("overview")));
        QVERIFY(overview->scope().isEmpty()); // following a link is not a click on the card

        // "1 down": the Faults page, filtered to the region.
        auto* faults = qobject_cast<Faults::FaultsPage*>(m_window->page(QStringLiteral("faults")));
        QTest::mouseClick(card->findChild<QLabel*>(QStringLiteral("nodesDown")), Qt::LeftButton);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("faults"));
        QCOMPARE(faults->filterText(), QStringLiteral("East China"));
        press(Qt::Key_Escape);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("overview"));

        // Open faults: the same; the whole fleet's open faults in the summary: Faults, unfiltered.
        QTest::mouseClick(card->findChild<QLabel*>(QStringLiteral("openFaults")), Qt::LeftButton);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("faults"));
        QCOMPARE(faults->filterText(), QStringLiteral("East China"));
        press(Qt::Key_1, Qt::ControlModifier);
        auto* summaryFaults = overview->findChild<QWidget*>(QStringLiteral("summaryBar"))
                                  ->findChild<QLabel*>(QStringLiteral("openFaults"));
        QTest::mouseClick(summaryFaults, Qt::LeftButton);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("faults"));
        QCOMPARE(faults->filterText(), QString());
    }

    void shortcutsDialogListsThem()
    {
        m_window->shortcutsAction()->trigger();
        ShortcutsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ShortcutsDialog*>()));
        QHash<QString, QString> keys;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            keys.insert(dialog->table()->item(row, 0)->text(), dialog->table()->item(row, 1)->text());
        QCOMPARE(
            keys.value(QStringLiteral("Jobs")), QKeySequence(Qt::CTRL | Qt::Key_3).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Faults")),
            QKeySequence(Qt::CTRL | Qt::Key_5).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Find and go to…")),
            QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Back")), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText));
        dialog->close();
    }

    void documentationOpensTheDocsFolder()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
        m_opened.clear();
        QAction* docs = m_window->documentationAction();
        QCOMPARE(docs->text(), QStringLiteral("&Documentation"));
        docs->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(m_opened.size(), 1);
        QVERIFY(m_opened.first().isLocalFile());
        QVERIFY(QDir(m_opened.first().toLocalFile()).exists(QStringLiteral("architecture.md")));
        // No path in what the user reads.
        QVERIFY(!docs->text().contains(QLatin1Char('/')) && !docs->toolTip().contains(QLatin1Char('/')));
    }

    // MERIDIAN_SCREENSHOTS=dir: the Faults page (first incident selected), a node's detail and the Overview at
    // 1366×768 and 1600×1000, for a person to look at; nothing is checked, nothing written without it.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("MERIDIAN_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("MERIDIAN_SCREENSHOTS not set");
        m_session->store()->applyUpdate(TestFleet::update());
        auto* faults = qobject_cast<Faults::FaultsPage*>(m_window->page(QStringLiteral("faults")));
        for (const QSize size : { QSize(1366, 768), QSize(1600, 1000) }) {
            m_window->resize(size);
            const QString suffix = QStringLiteral("_%1x%2.png").arg(size.width()).arg(size.height());
            press(Qt::Key_5, Qt::ControlModifier);
            QTRY_VERIFY(faults->table()->model()->rowCount() > 0);
            faults->table()->selectRow(0);
            QTest::qWait(300);
            m_window->grab().save(dir + QStringLiteral("/faults") + suffix);
            m_window->findChild<Navigator*>()->showNode(QStringLiteral("e1"));
            QTest::qWait(300);
            m_window->grab().save(dir + QStringLiteral("/node") + suffix);
            press(Qt::Key_1, Qt::ControlModifier);
            QTest::qWait(300);
            m_window->grab().save(dir + QStringLiteral("/overview") + suffix);
        }
    }

    void everyConsoleTableHasTheSharedLayout()
    {
        // The tables the issue names: Faults' incidents, Pools' nodes, the node's events.
        auto* faults = qobject_cast<Faults::FaultsPage*>(m_window->page(QStringLiteral("faults")));
        TableLayout* incidents = TableLayout::of(faults->table());
        QVERIFY(incidents);
        QCOMPARE(incidents->name(), QStringLiteral("faults/incidents"));
        QCOMPARE(faults->table()->horizontalHeader()->sectionResizeMode(Faults::IncidentTableModel::Title),
            QHeaderView::Stretch);
        QVERIFY(qobject_cast<MiddleElideDelegate*>(
            faults->table()->itemDelegateForColumn(Faults::IncidentTableModel::Where)));
        auto* pools = qobject_cast<PoolsPage*>(m_window->page(QStringLiteral("pools")));
        QVERIFY(TableLayout::of(pools->nodeTable()));
        QVERIFY(qobject_cast<MiddleElideDelegate*>(pools->nodeTable()->itemDelegateForColumn(NodeTableModel::Host)));
        QVERIFY(TableLayout::of(pools->window()->findChild<QTableView*>(QStringLiteral("nodeEventsTable"))));
        // And every other table and tree of every page.
        for (QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
            if (qobject_cast<QTableView*>(view) || qobject_cast<QTreeView*>(view))
                QVERIFY2(TableLayout::of(view),
                    qPrintable(view->objectName() + QStringLiteral(" in ") + view->parentWidget()->objectName()));
        }
    }
};

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
