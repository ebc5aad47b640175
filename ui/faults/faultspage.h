// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/common/pagecontext.h"
#include "ui/common/pageplace.h"

#include <QWidget>

class QDialog;

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Meridian {

class ActionService;
class FleetHistory;
class FleetSession;
class FleetStore;
class Navigator;
class ScrollAnchor;

namespace Faults {

class AcknowledgementLog;
class BlastRadiusPanel;
class FaultTracker;
class IncidentFilterModel;
class IncidentTableModel;
class NodeActionController;
class NodeFaultPanel;
class RecoveryPanel;

// The support staff's page: live incidents with facets, the selected one's
// blast radius, recovery stopwatch and node drill-down, MTTR and time between incidents per pool,
// acknowledgement with a note (kept in the cache's audit table) and the
// support bundle export.
class FaultsPage : public QWidget, public PagePlace
{
    Q_OBJECT
public:
    // Needs the context's fault tracker; acknowledgements, actions, history and the navigator are optional.
    explicit FaultsPage(const PageContext& context, QWidget* parent = nullptr);

    FaultTracker* tracker() const { return m_tracker; }
    QTableView* table() const { return m_table; }
    IncidentTableModel* model() const { return m_model; }
    IncidentFilterModel* filter() const { return m_filter; }
    BlastRadiusPanel* blastPanel() const { return m_blast; }
    RecoveryPanel* recoveryPanel() const { return m_recovery; }
    NodeFaultPanel* nodePanel() const { return m_node; }
    NodeActionController* nodeActions() const { return m_nodeActions; }
    QTabWidget* tabs() const { return m_tabs; }

    void selectIncident(int incidentId);
    int selectedIncident() const;
    // Shows the incidents whose fault, place or region contains text (in the search box, as if typed).
    void setFilterText(const QString& text);
    QString filterText() const;

    QVariant place() const override; ///< the filter and the selected incident
    void restorePlace(const QVariant& place) override;
    void acknowledgeSelected(const QString& note);
    void exportBundle(int incidentId, const QString& path);

Q_SIGNALS:
    void bundleWritten(const QString& path, bool ok);
    void acknowledged(int incidentId, bool stored);
    void acknowledgeDialogShown(QDialog* dialog); ///< for tests

protected:
    void changeEvent(QEvent* event) override;

private:
    void acknowledgeIncident(int id, const QString& note);
    void addFacetButton(int facet, const QString& name, const QList<std::pair<QString, QString>>& values);
    void updateDetail();
    void updateSummary();
    void updateReliability();
    void updateTexts();
    void onAcknowledge();
    void onExport();
    void showNodeInPools(const QString& nodeId);
    void updateNodeDrained();

    FleetStore* m_store;
    FleetHistory* m_history;
    const FleetSession* m_session;
    Navigator* m_navigator;
    FaultTracker* m_tracker;
    AcknowledgementLog* m_acknowledgements;
    IncidentTableModel* m_model;
    IncidentFilterModel* m_filter;
    QLineEdit* m_search;
    QList<QToolButton*> m_facetButtons;
    QLabel* m_summary;
    QPushButton* m_newAbove;
    QTableView* m_table;
    ScrollAnchor* m_anchor;
    QTabWidget* m_tabs;
    BlastRadiusPanel* m_blast;
    RecoveryPanel* m_recovery;
    NodeFaultPanel* m_node;
    NodeActionController* m_nodeActions;
    QPushButton* m_ack;
    QPushButton* m_export;
    QTimer* m_detailTimer;
    QTimer* m_reliabilityTimer;
    int m_shownIncident = 0;
};

} // namespace Faults
} // namespace Meridian
