// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

#include "core/reports/reportrunner.h"
#include "core/session/fleetsession.h"
#include "ui/common/navigator.h"
#include "ui/common/theme.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/cachedamageprompt.h"
#include "ui/shell/fleetstatuspanel.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/quickjump.h"
#include "ui/sources/sourcesdialog.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
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
    const PageContext context = PageContext::of(session, navigator, reports);
    for (const PageInfo& info : pages()) {
        QWidget* page = info.create(context);
        page->setParent(m_pages);
        m_pages->addWidget(page);
        auto* item = new QListWidgetItem(QIcon(info.iconPath), pageTitle(info), m_nav);
        item->setData(Qt::UserRole, info.id);
        item->setSizeHint(QSize(0, 34));
        m_pageIds.append(info.id);
    }
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
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
    const QSize available = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(qMin(1600, available.width()), qMin(1000, available.height()));
}

MainWindow::~MainWindow() = default;

void MainWindow::connectNavigation(Navigator* navigator)
{
    auto pools = [this]() -> PoolsPage* {
        auto* pools = qobject_cast<PoolsPage*>(page(QStringLiteral("pools")));
        return pools && showPage(QStringLiteral("pools")) ? pools : nullptr;
    };
    connect(navigator, &Navigator::nodeRequested, this, [pools](const QString& nodeId) {
        if (PoolsPage* page = pools())
            page->showNode(nodeId);
    });
    connect(navigator, &Navigator::targetRequested, this, [pools](const JumpTarget& target) {
        if (PoolsPage* page = pools())
            page->jumpTo(target);
    });
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

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_sourcesAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_helpMenu = menuBar()->addMenu(QString());
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
    m_jumpAction->setText(tr("&Go to…"));
    m_fileMenu->setTitle(tr("&File"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    for (int i = 0; i < m_nav->count(); ++i) {
        const QString id = m_nav->item(i)->data(Qt::UserRole).toString();
        for (const PageInfo& info : pages()) {
            if (info.id == id)
                m_nav->item(i)->setText(pageTitle(info));
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
