// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

#include "core/planner/plannerservice.h"
#include "core/reports/reportrunner.h"
#include "core/session/fleetsession.h"
#include "ui/common/navigator.h"
#include "ui/common/pageplace.h"
#include "ui/common/theme.h"
#include "ui/faults/faultspage.h"
#include "ui/latency/latencypage.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/cachedamageprompt.h"
#include "ui/shell/documentation.h"
#include "ui/shell/fleetstatuspanel.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/quickjump.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/sources/sourcesdialog.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace Meridian {

MainWindow::MainWindow(FleetSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new FleetStatusPanel(session->store(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meridian.svg")));

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setSpacing(2);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_nav->setFixedWidth(168);

    // Pages ask for cross-page moves here; the window carries them out.
    auto* navigator = new Navigator(this);
    // The report runner computes on its own thread from the session's cache; pages get it, never the cache.
    auto* reports = new Reports::ReportRunner(session->cache(), this);
    // The placement planner: its own report runner for fault figures, its own worker for answers.
    auto* planner = new Planner::PlannerService(session->store(), session->cache(), this);
    planner->setTargets(LatencyPage::loadTargets());
    const PageContext context = PageContext::of(session, navigator, reports, planner);
    for (const PageInfo& info : pages()) {
        QWidget* page = info.create(context);
        page->setParent(m_pages);
        m_pages->addWidget(page);
        auto* item = new QListWidgetItem(QIcon(info.iconPath), pageTitle(info), m_nav);
        item->setData(Qt::UserRole, info.id);
        item->setSizeHint(QSize(0, 34));
        m_pageIds.append(info.id);
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != m_pages->currentIndex())
            recordPlace();
        m_pages->setCurrentIndex(row);
    });
    connectNavigation(navigator);
    // Ctrl+K works on every page: the window owns the box, the Pools page shows what was chosen.
    m_jump = new QuickJump(session->store(), this);
    connect(m_jump, &QuickJump::targetChosen, navigator, &Navigator::showTarget);
    m_nav->setCurrentRow(0);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Plain);
    divider->setForegroundRole(QPalette::Mid);
    layout->addWidget(m_nav);
    layout->addWidget(divider);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    statusBar()->addPermanentWidget(m_status);
    statusBar()->setSizeGripEnabled(true);
    connect(session, &FleetSession::cacheFailed, this, [this](const QString& message) {
        showMessage(tr("Cache unavailable, showing live data only: %1").arg(message));
    });
    connect(new CacheDamagePrompt(session, this), &CacheDamagePrompt::message, this, &MainWindow::showMessage);

    createActions();
    updateTexts();
    qApp->installEventFilter(this); // Esc from every widget of the window (eventFilter)
    const QSize available = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(qMin(1600, available.width()), qMin(1000, available.height()));
}

MainWindow::~MainWindow() = default;

void MainWindow::connectNavigation(Navigator* navigator)
{
    // Each request is one move: where the user was is recorded once, before it (Esc goes back there).
    auto pools = [this]() -> PoolsPage* {
        auto* pools = qobject_cast<PoolsPage*>(page(QStringLiteral("pools")));
        return pools && showPage(QStringLiteral("pools")) ? pools : nullptr;
    };
    connect(navigator, &Navigator::nodeRequested, this, [this, pools](const QString& nodeId) {
        recordPlace();
        const QScopedValueRollback inMove(m_moving, true);
        if (PoolsPage* page = pools())
            page->showNode(nodeId);
    });
    connect(navigator, &Navigator::targetRequested, this, [this, pools](const JumpTarget& target) {
        recordPlace();
        const QScopedValueRollback inMove(m_moving, true);
        if (PoolsPage* page = pools())
            page->jumpTo(target);
    });
    connect(navigator, &Navigator::pageRequested, this, [this](const QString& id) { showPage(id); });
    connect(navigator, &Navigator::faultsRequested, this, [this](const QString& filter) {
        recordPlace();
        const QScopedValueRollback inMove(m_moving, true);
        auto* faults = qobject_cast<Faults::FaultsPage*>(page(QStringLiteral("faults")));
        if (faults && showPage(QStringLiteral("faults")))
            faults->setFilterText(filter);
    });
    connect(navigator, &Navigator::poolNodesRequested, this,
        [this, pools](const QString& region, const QString& pool, const QStringList& nodeIds) {
            recordPlace();
            const QScopedValueRollback inMove(m_moving, true);
            if (PoolsPage* page = pools())
                page->selectNodes(region, pool, nodeIds);
        });
    connect(navigator, &Navigator::latencyPathRequested, this, [this](const QString& from, const QString& to) {
        recordPlace();
        const QScopedValueRollback inMove(m_moving, true);
        auto* latency = qobject_cast<LatencyPage*>(page(QStringLiteral("latency")));
        if (latency && showPage(QStringLiteral("latency")))
            latency->showPath(from, to);
    });
    connect(navigator, &Navigator::moving, this, &MainWindow::recordPlace);
}

BackHistory::Place MainWindow::currentPlace() const
{
    // The page shown, not the navigation's row: that has already moved when its change is reported.
    const auto* place = dynamic_cast<const PagePlace*>(m_pages->currentWidget());
    return { m_pageIds.value(m_pages->currentIndex()), place ? place->place() : QVariant() };
}

void MainWindow::recordPlace()
{
    if (m_moving)
        return;
    m_back.record(currentPlace());
    if (m_backAction)
        m_backAction->setEnabled(true);
}

bool MainWindow::goBack()
{
    if (m_back.isEmpty())
        return false;
    const BackHistory::Place place = m_back.takeLast();
    {
        const QScopedValueRollback inMove(m_moving, true);
        showPage(place.page);
        if (auto* page = dynamic_cast<PagePlace*>(m_pages->currentWidget()); page && place.state.isValid())
            page->restorePlace(place.state);
    }
    m_backAction->setEnabled(!m_back.isEmpty());
    return true;
}

void MainWindow::createGoMenu()
{
    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->setObjectName(QStringLiteral("goMenu"));
    // Ctrl+1… in the order of the navigation list.
    for (int i = 0; i < m_pageIds.size(); ++i) {
        auto* action = new QAction(m_nav->item(i)->icon(), QString(), this);
        action->setObjectName(m_pageIds[i] + QStringLiteral("PageAction"));
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, id = m_pageIds[i]] { showPage(id); });
        addAction(action); // window-wide: a hidden page's shortcut would not fire
        m_goMenu->addAction(action);
        m_pageActions.append(action);
    }
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_jumpAction);
    m_backAction = new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), QString(), this);
    m_backAction->setObjectName(QStringLiteral("backAction"));
    m_backAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);
    addAction(m_backAction);
    m_goMenu->addAction(m_backAction);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Lists and tables take Esc for themselves before any shortcut sees it: Esc pressed in one of this
    // window's widgets still goes back. Popups and dialogs are other windows and keep their Esc.
    if (event->type() != QEvent::KeyPress || !m_backAction->isEnabled())
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const auto* widget = qobject_cast<QWidget*>(watched);
    if (key->key() != Qt::Key_Escape || key->modifiers() != Qt::NoModifier || !widget || widget->window() != this
        || QApplication::activePopupWidget() || QApplication::activeModalWidget())
        return false;
    m_backAction->trigger();
    return true;
}

QList<QAction*> MainWindow::shortcutActions() const
{
    QList<QAction*> list = m_pageActions;
    list << m_jumpAction << m_backAction << m_sourcesAction << m_shortcutsAction << m_quitAction;
    return list;
}

void MainWindow::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(shortcutActions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openDocumentation()
{
    const QUrl url = documentationUrl();
    if (!url.isValid() || !QDesktopServices::openUrl(url))
        showMessage(tr("The documentation is not installed on this computer, or no program can open it."));
}

void MainWindow::createActions()
{
    m_sourcesAction = new QAction(QIcon(QStringLiteral(":/icons/sources.svg")), QString(), this);
    m_sourcesAction->setObjectName(QStringLiteral("sourcesAction"));
    m_sourcesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_sourcesAction, &QAction::triggered, this, &MainWindow::showSources);
    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), QString(), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    // Ctrl+K: the quick jump box, from every page (a window-wide shortcut: a hidden page's would not fire).
    m_jumpAction = new QAction(this);
    m_jumpAction->setObjectName(QStringLiteral("quickJumpAction"));
    m_jumpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_jumpAction, &QAction::triggered, this, [this] { m_jump->popup(this); });
    addAction(m_jumpAction);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Meridian"),
            tr("<h3>Meridian %1</h3><p>Console for a multi-region AI compute network.</p>"
               "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                .arg(QStringLiteral(MERIDIAN_VERSION)));
    });

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    addAction(m_shortcutsAction);
    m_docsAction = new QAction(QIcon::fromTheme(QStringLiteral("help-contents")), QString(), this);
    m_docsAction->setObjectName(QStringLiteral("documentationAction"));
    m_docsAction->setShortcut(QKeySequence::HelpContents);
    connect(m_docsAction, &QAction::triggered, this, &MainWindow::openDocumentation);
    addAction(m_docsAction);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_sourcesAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    createGoMenu();
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addAction(m_docsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->addAction(m_sourcesAction);
}

void MainWindow::updateTexts()
{
    setWindowTitle(tr("Meridian — Compute Network Console"));
    m_sourcesAction->setText(tr("&Sources…"));
    m_sourcesAction->setToolTip(tr("Configure the agents and fleets to poll, and see each agent's status"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Meridian"));
    m_jumpAction->setText(tr("&Find and go to…"));
    m_backAction->setText(tr("&Back"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_docsAction->setText(tr("&Documentation"));
    m_fileMenu->setTitle(tr("&File"));
    m_goMenu->setTitle(tr("&Go"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    for (int i = 0; i < m_nav->count(); ++i) {
        const QString id = m_nav->item(i)->data(Qt::UserRole).toString();
        for (const PageInfo& info : pages()) {
            if (info.id == id) {
                m_nav->item(i)->setText(pageTitle(info));
                m_pageActions.value(i)->setText(pageTitle(info));
                m_nav->item(i)->setToolTip(m_pageActions.value(i)->shortcut().toString(QKeySequence::NativeText));
            }
        }
    }
}

void MainWindow::setConfig(const QString& configPath, const ConsoleConfig& config, const QStringList& sessionOnly)
{
    m_configPath = configPath;
    m_config = config;
    m_sessionOnly = sessionOnly;
    updateStaleThreshold();
}

void MainWindow::updateStaleThreshold()
{
    int interval = 0;
    for (const SourceConfig& source : m_session->sources())
        interval = qMax(interval, source.intervalMs);
    // Three missed polls: one late answer is normal, three are not.
    m_status->setStaleThresholdMs(interval > 0 ? 3 * qint64(interval) : 15'000);
}

bool MainWindow::showPage(const QString& id)
{
    const int index = int(m_pageIds.indexOf(id));
    if (index < 0)
        return false;
    m_nav->setCurrentRow(index);
    return true;
}

QString MainWindow::currentPageId() const
{
    return m_pageIds.value(m_nav->currentRow());
}

QWidget* MainWindow::page(const QString& id) const
{
    const int index = int(m_pageIds.indexOf(id));
    return index < 0 ? nullptr : m_pages->widget(index);
}

void MainWindow::showSources()
{
    auto* dialog = new SourcesDialog(m_session, m_configPath, m_config, m_sessionOnly, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SourcesDialog::configSaved, this, [this](const ConsoleConfig& config) { m_config = config; });
    connect(dialog, &QDialog::accepted, this, &MainWindow::updateStaleThreshold);
    dialog->open();
}

void MainWindow::showMessage(const QString& message)
{
    statusBar()->showMessage(message, 15'000);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_sourcesAction)
        updateTexts();
    QMainWindow::changeEvent(event);
}

} // namespace Meridian
