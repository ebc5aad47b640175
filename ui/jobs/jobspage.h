// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"
#include "core/sources/actionclient.h"
#include "ui/common/pagecontext.h"
#include "ui/common/pageplace.h"
#include "ui/common/permutedtablemodel.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Meridian {

class FleetHistory;
class FleetStore;
class JobDetailView;
class JobTableModel;
struct FleetChangeSet;
struct JobDetailAnswer;

// Live and past jobs: a table sorted and filtered in its model (free text,
// facets for state, kind, pool, tenant and time range), aggregate figures
// above it, and a job's detail in place (Back returns, sort and filter kept).
// Actions go preview → confirm → send → result through the session's
// ActionService, which sends them to the job's source and audits each step.
class JobsPage : public QWidget, public PagePlace
{
    Q_OBJECT
public:
    explicit JobsPage(const PageContext& context, QWidget* parent = nullptr);
    ~JobsPage() override;

    JobTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    JobDetailView* detailView() const { return m_detail; }
    bool isShowingDetail() const;
    QLabel* resultLabel() const { return m_result; }

    QVariant place() const override; ///< the job whose detail is open, else empty: the table
    void restorePlace(const QVariant& place) override;

public Q_SLOTS:
    void showJob(const QString& jobId);
    void showTable();
    void showAudit();

Q_SIGNALS:
    void actionFinished(const Meridian::ActionReply& reply); ///< for tests and the status bar

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void reloadAll();
    qint64 referenceNowMs() const;
    QToolButton* addFacetButton(PermutedTableModel::Facet facet);
    void fillFacetMenu(QToolButton* button, PermutedTableModel::Facet facet);
    void updateTexts();
    void updateAggregate();
    void showNodeInPools(const QString& nodeId);
    void fetchDetail(const QString& jobId);
    void onDetailAnswer(const JobDetailAnswer& answer);
    Protocol::JobRecord withFullDetail(Protocol::JobRecord job) const;
    void requestAction(const QString& jobId, const QString& action);
    void onActionReply(const ActionReply& reply);
    void confirmAction(const ActionReply& preview, const QString& text);
    void showManualCommand(const ActionReply& reply);

    FleetStore* m_store;
    FleetHistory* m_history;
    ActionService* m_actions;
    JobDetails* m_jobDetails;
    Navigator* m_navigator;
    quint64 m_detailRequest = 0; ///< the fetch whose answer the detail view waits for; 0: none
    Protocol::JobRecord m_fullDetail; ///< the source's full record of the job shown, once fetched
    JobTableModel* m_model;
    QStackedWidget* m_stack;
    QTableView* m_table;
    JobDetailView* m_detail;
    QLineEdit* m_filter;
    QComboBox* m_range;
    QToolButton* m_auditButton;
    QLabel* m_aggregate;
    QLabel* m_result;
    QTimer* m_aggregateTimer = nullptr;
    QList<QPair<PermutedTableModel::Facet, QToolButton*>> m_facetButtons;
    QSet<QString> m_sent; ///< jobs whose action answers this page waits for
};

} // namespace Meridian
