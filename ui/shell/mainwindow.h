// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"

#include <QMainWindow>

class QListWidget;
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

public Q_SLOTS:
    void showSources();
    void showMessage(const QString& message); ///< a transient note in the status bar

protected:
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void updateTexts();
    void updateStaleThreshold();
    void connectNavigation(Navigator* navigator);

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
    class QMenu* m_fileMenu = nullptr;
    class QMenu* m_helpMenu = nullptr;
    class QToolBar* m_toolBar = nullptr;
};

} // namespace Meridian
