// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"
#include "core/sources/sourceendpoint.h"
#include "ui/common/permutedtablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Meridian {

class AuditStore;
class CacheReader;
class FleetSession;
class FleetStore;
class JobActionClient;
class JobDetailClient;
class JobDetailView;
class Navigator;
struct SourceConfig;
class JobTableModel;
struct FleetChangeSet;
struct JobActionReply;

// Live and past jobs: a table sorted and filtered in its model (free text,
// facets for state, kind, pool, tenant and time range), aggregate figures
// above it, and a job's detail in place (Back returns, sort and filter kept).
// Actions go preview → confirm → send with the source's credentials →
// result, and each step is written to the cache's audit log.
class JobsPage : public QWidget
{
    Q_OBJECT
public:
    JobsPage(FleetStore* store, CacheReader* cache, FleetSession* session = nullptr, QWidget* parent = nullptr);
    ~JobsPage() override;

    JobTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    JobDetailView* detailView() const { return m_detail; }
    bool isShowingDetail() const;
    QLabel* resultLabel() const { return m_result; }
    // Where "Show in Pools" goes; without one the button does nothing (a page on its own in a test).
    void setNavigator(Navigator* navigator) { m_navigator = navigator; }

public Q_SLOTS:
    void showJob(const QString& jobId);
    void showTable();
    void showAudit();

Q_SIGNALS:
    void actionFinished(const Meridian::JobActionReply& reply); ///< for tests and the status bar

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
    void onDetailFetched(quint64 requestId, const QString& jobId, const Protocol::JobRecord& job, const QString& error);
    Protocol::JobRecord withFullDetail(Protocol::JobRecord job) const;
    bool sourceFor(const QString& jobId, SourceConfig* source, QString* why) const;
    void requestAction(const QString& jobId, const QString& action);
    void onActionReply(const JobActionReply& reply);
    bool actionTarget(const QString& jobId, SourceEndpoint* to, QString* why) const;
    void audit(const JobActionReply& reply, const QString& preview);

    FleetStore* m_store;
    CacheReader* m_cache;
    FleetSession* m_session;
    AuditStore* m_audit = nullptr;
    JobActionClient* m_client;
    JobDetailClient* m_detailClient;
    Navigator* m_navigator = nullptr;
    quint64 m_detailRequest = 0; ///< the fetch whose answer the detail view waits for; 0: none
    QString m_detailSource;
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
    QString m_pendingPreview; ///< the preview text the operator confirmed
    QString m_pendingSource;
};

} // namespace Meridian
