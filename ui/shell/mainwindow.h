// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"
#include "ui/shell/backhistory.h"

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace Meridian {

class FleetSession;
class FleetStatusPanel;
class Navigator;
class QuickJump;

// Wires pages, actions and the status bar; the pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(FleetSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where the Sources dialog saves (empty: nowhere) and which sources are
    // for this run only (the demo fleet).
    void setConfig(const QString& configPath, const ConsoleConfig& config, const QStringList& sessionOnly = {});

    bool showPage(const QString& id); ///< false: no such page
    QString currentPageId() const;
    QWidget* page(const QString& id) const;
    FleetStatusPanel* fleetStatus() const { return m_status; }
    QuickJump* quickJump() const { return m_jump; } ///< the Ctrl+K box
    QMenu* goMenu() const { return m_goMenu; }
    const BackHistory& backHistory() const { return m_back; }
    QAction* documentationAction() const { return m_docsAction; }
    QAction* shortcutsAction() const { return m_shortcutsAction; }
    // The actions that have a shortcut, as Help → Keyboard shortcuts lists them.
    QList<QAction*> shortcutActions() const;

public Q_SLOTS:
    void showSources();
    void showMessage(const QString& message); ///< a transient note in the status bar
    bool goBack(); ///< Esc: to the page and place before the last move; false when there is none
    void showShortcuts();
    void openDocumentation();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void updateTexts();
    void updateStaleThreshold();
    void connectNavigation(Navigator* navigator);
    void createGoMenu();
    BackHistory::Place currentPlace() const;
    void recordPlace(); ///< before a move: where the user is now, for Esc

    FleetSession* m_session;
    QListWidget* m_nav;
    QStackedWidget* m_pages;
    FleetStatusPanel* m_status;
    QStringList m_pageIds;
    QString m_configPath;
    ConsoleConfig m_config;
    QStringList m_sessionOnly;
    QuickJump* m_jump = nullptr;
    class QAction* m_sourcesAction = nullptr;
    class QAction* m_quitAction = nullptr;
    class QAction* m_aboutAction = nullptr;
    class QAction* m_jumpAction = nullptr;
    class QAction* m_backAction = nullptr;
    class QAction* m_shortcutsAction = nullptr;
    class QAction* m_docsAction = nullptr;
    QList<QAction*> m_pageActions; ///< Go → each page, Ctrl+1…
    class QMenu* m_fileMenu = nullptr;
    class QMenu* m_goMenu = nullptr;
    class QMenu* m_helpMenu = nullptr;
    BackHistory m_back;
    bool m_moving = false; ///< inside one move: its parts record no further steps
    class QToolBar* m_toolBar = nullptr;
};

} // namespace Meridian
