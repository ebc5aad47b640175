// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace Meridian {

class AgentStatusModel;
class FleetSession;
class SourceTableModel;

// Lists, adds, edits and removes sources and shows every agent's status.
// Applying saves the sources to the configuration file (when there is one)
// and hands them to the session.
class SourcesDialog : public QDialog
{
    Q_OBJECT
public:
    // sessionOnly: names of sources that exist for this run only (the demo
    // fleet); they are applied but never written to the file.
    SourcesDialog(FleetSession* session, const QString& configPath, const ConsoleConfig& config,
        const QStringList& sessionOnly, QWidget* parent = nullptr);
    ~SourcesDialog() override;

    SourceTableModel* sourceModel() const { return m_sources; }
    AgentStatusModel* agentModel() const { return m_agents; }

    bool apply(); ///< false: the file could not be written (a message was shown)
    void accept() override;

Q_SIGNALS:
    void configSaved(const Meridian::ConsoleConfig& config);

private:
    void addSource();
    void editSource();
    void removeSource();
    void updateButtons();
    QStringList namesExcept(int row) const;

    FleetSession* m_session;
    QString m_configPath;
    ConsoleConfig m_config;
    QStringList m_sessionOnly;
    SourceTableModel* m_sources;
    AgentStatusModel* m_agents;
    QTableView* m_sourceView;
    QTableView* m_agentView;
    class QPushButton* m_edit;
    class QPushButton* m_remove;
};

} // namespace Meridian
