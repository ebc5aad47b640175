// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobspage.h"

#include "core/cache/auditstore.h"
#include "core/jobs/jobassembler.h"
#include "core/jobs/jobfigures.h"
#include "core/net/httpclient.h"
#include "core/net/tlsclient.h"
#include "core/session/fleetsession.h"
#include "core/sources/jobactionclient.h"
#include "core/sources/jobdetailclient.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/navigator.h"
#include "ui/jobs/auditview.h"
#include "ui/jobs/jobdetailview.h"
#include "ui/jobs/jobsformat.h"
#include "ui/jobs/jobtablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

namespace Meridian {

JobsPage::JobsPage(FleetStore* store, CacheReader* cache, FleetSession* session, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_cache(cache)
    , m_session(session)
    , m_client(new JobActionClient(this))
    , m_detailClient(new JobDetailClient(this))
    , m_model(new JobTableModel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_detail(new JobDetailView(store, cache, this))
    , m_filter(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_auditButton(new QToolButton(this))
    , m_aggregate(new QLabel(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("jobsPage"));
    m_aggregateTimer = new QTimer(this);
    m_aggregateTimer->setSingleShot(true);
    m_aggregateTimer->setInterval(1000);
    connect(m_aggregateTimer, &QTimer::timeout, this, &JobsPage::updateAggregate);
    if (m_session && !m_session->cachePath().isEmpty())
        m_audit = new AuditStore(m_session->cachePath(), this);

    m_filter->setObjectName(QStringLiteral("jobFilter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_model, &PermutedTableModel::setFilterText);
    m_range->setObjectName(QStringLiteral("jobTimeRange"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setTimeRange(JobTableModel::TimeRange(qMax(0, index)));
        updateAggregate();
    });
    m_auditButton->setObjectName(QStringLiteral("auditButton"));
    connect(m_auditButton, &QToolButton::clicked, this, &JobsPage::showAudit);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    for (PermutedTableModel::Facet f : { PermutedTableModel::Facet::State, JobTableModel::KindFacet,
             PermutedTableModel::Facet::Pool, JobTableModel::TenantFacet })
        bar->addWidget(addFacetButton(f));
    bar->addWidget(m_range);
    bar->addWidget(m_auditButton);

    m_table->setObjectName(QStringLiteral("jobTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(JobTableModel::Started, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(110);
    m_table->setColumnWidth(JobTableModel::Name, 200);
    m_table->setColumnWidth(JobTableModel::Started, 160);
    m_table->setColumnWidth(JobTableModel::Uninterrupted, 130);
    m_table->setWordWrap(false);
    connect(m_table, &QAbstractItemView::activated, this,
        [this](const QModelIndex& index) { showJob(m_model->jobIdAt(index.row())); });

    auto* tablePage = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(bar);
    m_aggregate->setObjectName(QStringLiteral("jobAggregate"));
    m_aggregate->setWordWrap(true);
    tableLayout->addWidget(m_aggregate);
    tableLayout->addWidget(m_table, 1);
    m_stack->addWidget(tablePage);
    m_stack->addWidget(m_detail);

    m_result->setObjectName(QStringLiteral("jobActionResult"));
    m_result->setWordWrap(true);
    m_result->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_result);
    layout->addWidget(m_stack, 1);

    connect(m_detail, &JobDetailView::backRequested, this, &JobsPage::showTable);
    connect(m_detail, &JobDetailView::nodeRequested, this, &JobsPage::showNodeInPools);
    connect(m_detail, &JobDetailView::actionRequested, this, &JobsPage::requestAction);
    connect(m_client, &JobActionClient::finished, this, &JobsPage::onActionReply);
    connect(m_detailClient, &JobDetailClient::finished, this, &JobsPage::onDetailFetched);
    connect(m_store, &FleetStore::changed, this, &JobsPage::onStoreChanged);

    updateTexts();
    reloadAll();
}

JobsPage::~JobsPage() = default;

bool JobsPage::isShowingDetail() const
{
    return m_stack->currentWidget() == m_detail;
}

qint64 JobsPage::referenceNowMs() const
{
    // The agents' clock, never the console's: the freshest data, else the newest job time.
    qint64 now = m_store->newestDataMs();
    if (now > 0)
        return now;
    for (const Protocol::JobRecord& j : m_store->jobs())
        now = std::max({ now, j.endMs, j.startMs, j.submitMs });
    return now;
}

void JobsPage::reloadAll()
{
    const qint64 now = referenceNowMs();
    if (m_store->hasJobList() || !m_store->jobs().isEmpty())
        m_model->setJobs(m_store->jobs().values(), now);
    else
        m_model->setJobs(Jobs::JobAssembler::assemble(m_store->nodes()), now);
    updateAggregate();
}

void JobsPage::onStoreChanged(const FleetChangeSet& changes)
{
    const qint64 now = referenceNowMs();
    if (changes.restoredFromCache) {
        reloadAll();
    } else if (m_store->hasJobList() || !m_store->jobs().isEmpty()) {
        if (!changes.jobsChanged && changes.updatedNodes.isEmpty())
            return;
        m_model->updateJobs(m_store->jobs(), now);
    } else if (!changes.updatedNodes.isEmpty() || !changes.addedNodes.isEmpty()) {
        // No scheduler front: jobs are what the agents report on their nodes.
        m_model->updateJobs(Jobs::JobAssembler::assemble(m_store->nodes()), now);
    } else {
        return;
    }
    // Figures over 100,000 jobs cost tens of ms: at most once a second, not per change set.
    if (!m_aggregateTimer->isActive())
        m_aggregateTimer->start();
    if (isShowingDetail()) {
        const auto it = m_store->jobs().constFind(m_detail->jobId());
        if (it != m_store->jobs().constEnd())
            m_detail->setJob(withFullDetail(*it), now);
    }
}

void JobsPage::updateAggregate()
{
    // Over the jobs the time range admits (the facet-free view would hide nothing useful here).
    QList<Protocol::JobRecord> jobs;
    const qint64 now = referenceNowMs();
    int live = 0;
    for (const Protocol::JobRecord& j : m_store->jobs()) {
        if (m_model->timeRange() != JobTableModel::TimeRange::All) {
            const QString bucket = JobTableModel::timeBucket(j, now);
            const int order = QStringList { QStringLiteral("live"), QStringLiteral("day"), QStringLiteral("week"),
                QStringLiteral("month") }
                                  .indexOf(bucket);
            if (order < 0 || order >= int(m_model->timeRange()))
                continue;
        }
        live += Jobs::isActive(j.state) ? 1 : 0;
        jobs.append(j);
    }
    const Jobs::AggregateFigures a = Jobs::aggregate(jobs, now);
    const QLocale locale;
    m_aggregate->setText(
        tr("%1 jobs (%2 live) · goodput %3 (accelerator-weighted) · %4 interruption(s), %5 a day · "
           "mean recovery %6, %7 of %8 over the 10-minute target · longest run %9")
            .arg(locale.toString(jobs.size()), locale.toString(live), JobsFormat::goodput(a.goodput))
            .arg(a.interruptions)
            .arg(std::isnan(a.interruptionsPerDay) ? QStringLiteral("—")
                                                   : locale.toString(a.interruptionsPerDay, 'f', 2),
                std::isnan(a.meanRecoveryMs) ? QStringLiteral("—") : Format::duration(qint64(a.meanRecoveryMs)))
            .arg(a.recoveriesOverTarget)
            .arg(a.recoveries)
            .arg(a.longestRunMs >= 0 ? Format::duration(a.longestRunMs) : QStringLiteral("—")));
}

QToolButton* JobsPage::addFacetButton(PermutedTableModel::Facet facet)
{
    auto* button = new QToolButton(this);
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    button->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this, button, facet] { fillFacetMenu(button, facet); });
    m_facetButtons.append({ facet, button });
    return button;
}

void JobsPage::fillFacetMenu(QToolButton* button, PermutedTableModel::Facet facet)
{
    QMenu* menu = button->menu();
    menu->clear();
    const QHash<QString, int> counts = m_model->facetCounts(facet);
    QStringList values = counts.keys();
    const QSet<QString> allowed = m_model->facet(facet);
    for (const QString& value : allowed)
        if (!counts.contains(value))
            values.append(value);
    std::sort(values.begin(), values.end());
    QAction* any = menu->addAction(tr("Any"));
    any->setCheckable(true);
    any->setChecked(allowed.isEmpty());
    connect(any, &QAction::triggered, this, [this, facet] {
        m_model->setFacet(facet, {});
        updateTexts();
    });
    menu->addSeparator();
    for (const QString& value : std::as_const(values)) {
        QString shown = value.isEmpty() ? tr("(none)") : value;
        if (facet == PermutedTableModel::Facet::State)
            shown = JobsFormat::stateText(value);
        else if (facet == JobTableModel::KindFacet)
            shown = JobsFormat::kindText(value);
        QAction* action = menu->addAction(tr("%1 (%2)").arg(shown).arg(counts.value(value)));
        action->setCheckable(true);
        action->setChecked(allowed.contains(value));
        connect(action, &QAction::triggered, this, [this, facet, value](bool checked) {
            QSet<QString> set = m_model->facet(facet);
            if (checked)
                set.insert(value);
            else
                set.remove(value);
            m_model->setFacet(facet, set);
            updateTexts();
        });
    }
}

void JobsPage::updateTexts()
{
    m_filter->setPlaceholderText(tr("Filter jobs: id, name, tenant, user, pool…"));
    for (const auto& [facet, button] : std::as_const(m_facetButtons)) {
        QString name;
        if (facet == PermutedTableModel::Facet::State)
            name = tr("State");
        else if (facet == JobTableModel::KindFacet)
            name = tr("Kind");
        else if (facet == PermutedTableModel::Facet::Pool)
            name = tr("Pool");
        else
            name = tr("Tenant");
        const int selected = int(m_model->facet(facet).size());
        button->setText(selected > 0 ? tr("%1 (%2)").arg(name).arg(selected) : name);
    }
    const int range = m_range->currentIndex();
    const QSignalBlocker block(m_range);
    m_range->clear();
    m_range->addItems({ tr("All time"), tr("Live only"), tr("Live and last day"), tr("Live and last 7 days"),
        tr("Live and last 30 days") });
    m_range->setCurrentIndex(qMax(0, range));
    m_auditButton->setText(tr("Audit log"));
}

void JobsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void JobsPage::showJob(const QString& jobId)
{
    const auto it = m_store->jobs().constFind(jobId);
    Protocol::JobRecord job;
    if (it != m_store->jobs().constEnd()) {
        job = *it;
    } else {
        // Assembled from node reports: not in the store's job list.
        for (const Protocol::JobRecord& j : Jobs::JobAssembler::assemble(m_store->nodes()))
            if (j.jobId == jobId)
                job = j;
    }
    if (job.jobId.isEmpty())
        return;
    m_detail->setJob(job, referenceNowMs());
    SourceEndpoint target;
    QString why;
    m_detail->setActionsEnabled(actionTarget(jobId, &target, &why), why);
    m_stack->setCurrentWidget(m_detail);
    fetchDetail(jobId);
}

void JobsPage::fetchDetail(const QString& jobId)
{
    // Meanwhile the view shows what the job list carries (e.g. only the newest checkpoint).
    m_fullDetail = {};
    m_detailRequest = 0;
    SourceConfig source;
    QString why;
    if (!sourceFor(jobId, &source, &why)) {
        m_detail->setDetailStatus(tr("Full history not loaded: %1. Showing the job list's view.").arg(why), true);
        return;
    }
    if (source.kind != SourceConfig::Kind::Fleet) {
        // An agent knows only which job its accelerators run now: it has no history to offer.
        m_detail->setDetailStatus(
            tr("Assembled from node reports (%1): agents keep no job history, so segments and checkpoints are "
               "those the nodes report now.")
                .arg(source.name),
            false);
        return;
    }
    SourceEndpoint endpoint;
    if (!SourceEndpoints::resolve(source, &endpoint, &why)) {
        m_detail->setDetailStatus(tr("Full history not loaded from %1: %2").arg(source.name, why), true);
        return;
    }
    HttpRequestOptions options;
    options.token = endpoint.token;
    options.timeoutMs = 15000;
    options.tls = endpoint.tls;
    m_detailSource = source.name;
    m_detailRequest = m_detailClient->fetch(source.url, options, jobId);
    m_detail->setDetailStatus(tr("Loading the full history from %1…").arg(source.name), false);
}

void JobsPage::onDetailFetched(
    quint64 requestId, const QString& jobId, const Protocol::JobRecord& job, const QString& error)
{
    if (requestId != m_detailRequest || m_detail->jobId() != jobId)
        return; // an answer for a job no longer shown
    m_detailRequest = 0;
    if (!error.isEmpty()) {
        m_detail->setDetailStatus(
            tr("Full history not loaded from %1: %2. Showing the job list's view.").arg(m_detailSource, error), true);
        return;
    }
    m_fullDetail = job;
    m_detail->setJob(job, referenceNowMs());
    m_detail->setDetailStatus(
        tr("Full history from %1: %n checkpoint(s)", nullptr, int(job.checkpoints.size())).arg(m_detailSource), false);
}

Protocol::JobRecord JobsPage::withFullDetail(Protocol::JobRecord job) const
{
    // A list update carries the newest checkpoint only: keep the fetched ones, add a newer one.
    if (m_fullDetail.jobId != job.jobId)
        return job;
    job.checkpoints = m_fullDetail.checkpoints;
    if (job.lastCheckpointMs > 0 && (job.checkpoints.isEmpty() || job.lastCheckpointMs > job.checkpoints.constLast()))
        job.checkpoints.append(job.lastCheckpointMs);
    return job;
}

void JobsPage::showTable()
{
    m_stack->setCurrentIndex(0);
    m_table->setFocus();
}

void JobsPage::showAudit()
{
    if (!m_audit) {
        QMessageBox::information(this, tr("Audit log"), tr("The audit log lives in the cache, which is not open."));
        return;
    }
    auto* view = new AuditView(m_audit, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->open();
}

void JobsPage::showNodeInPools(const QString& nodeId)
{
    // The main window carries the request out (selects the Pools page, opens the node).
    if (m_navigator)
        m_navigator->showNode(nodeId);
}

bool JobsPage::sourceFor(const QString& jobId, SourceConfig* source, QString* why) const
{
    if (!m_session) {
        *why = tr("no console session with sources");
        return false;
    }
    const QList<SourceConfig> sources = m_session->sources();
    // The source that reported the job; else the one of its first node; else a scheduler front,
    // which serves every job it lists.
    QString wanted = m_store->jobSource(jobId);
    const auto job = m_store->jobs().constFind(jobId);
    if (wanted.isEmpty() && job != m_store->jobs().constEnd() && !job->nodes.isEmpty())
        if (const FleetNode* n = m_store->node(job->nodes.constFirst()))
            wanted = n->source;
    for (const SourceConfig& s : sources) {
        if ((!wanted.isEmpty() && s.name == wanted) || (wanted.isEmpty() && s.kind == SourceConfig::Kind::Fleet)) {
            *source = s;
            why->clear();
            return true;
        }
    }
    *why = tr("no source serves this job");
    return false;
}

bool JobsPage::actionTarget(const QString& jobId, SourceEndpoint* to, QString* why) const
{
    SourceConfig config;
    if (!sourceFor(jobId, &config, why) || !SourceEndpoints::resolve(config, to, why)) {
        *why = tr("No action possible: %1").arg(*why);
        return false;
    }
    return true;
}

void JobsPage::requestAction(const QString& jobId, const QString& action)
{
    SourceEndpoint target;
    QString why;
    if (!actionTarget(jobId, &target, &why)) {
        m_result->setText(why);
        m_result->show();
        return;
    }
    m_pendingPreview.clear();
    m_pendingSource = target.source;
    if (!m_client->send(target, jobId, action, true)) {
        m_result->setText(tr("Another action is still being sent"));
        m_result->show();
        return;
    }
    m_result->setText(tr("Asking what %1 of %2 would do…").arg(action, jobId));
    m_result->show();
}

void JobsPage::onActionReply(const JobActionReply& reply)
{
    Q_EMIT actionFinished(reply);
    if (!reply.ok()) {
        const QString text = reply.status == 403 ? tr("Refused: %1").arg(reply.error)
            : reply.status == 0                  ? tr("No answer: %1").arg(reply.error)
                                                 : tr("Failed (%1): %2").arg(reply.status).arg(reply.error);
        m_result->setText(text);
        audit(reply, m_pendingPreview);
        return;
    }
    if (!reply.dryRun) {
        m_result->setText(tr("%1 of %2 done: the job is now %3")
                              .arg(reply.action, reply.jobId,
                                  JobsFormat::stateText(reply.body.value(QStringLiteral("stateAfter")).toString())));
        audit(reply, m_pendingPreview);
        return;
    }
    // Preview → confirmation.
    QStringList nodes;
    for (const QJsonValue& v : reply.body.value(QStringLiteral("nodes")).toArray())
        nodes.append(v.toString());
    const QString nodesText = nodes.size() > 12
        ? nodes.mid(0, 12).join(QStringLiteral(", ")) + tr(" and %1 more").arg(nodes.size() - 12)
        : nodes.join(QStringLiteral(", "));
    m_pendingPreview = tr("%1 %2 (%3): %4. Accelerators: %5. Nodes: %6")
                           .arg(reply.action, reply.jobId,
                               JobsFormat::stateText(reply.body.value(QStringLiteral("stateBefore")).toString()),
                               reply.body.value(QStringLiteral("effect")).toString())
                           .arg(reply.body.value(QStringLiteral("accelerators")).toInt())
                           .arg(nodesText.isEmpty() ? tr("none") : nodesText);
    JobActionReply previewed = reply;
    audit(previewed, m_pendingPreview);
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Confirm %1").arg(reply.action), m_pendingPreview, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmJobAction"));
    QPushButton* confirm = box->addButton(tr("%1 %2").arg(reply.action, reply.jobId), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, reply] {
        if (box->clickedButton() != confirm) {
            m_result->setText(tr("Not sent: %1 of %2 was not confirmed").arg(reply.action, reply.jobId));
            return;
        }
        SourceEndpoint target;
        QString why;
        if (!actionTarget(reply.jobId, &target, &why) || !m_client->send(target, reply.jobId, reply.action, false))
            m_result->setText(why.isEmpty() ? tr("Another action is still being sent") : why);
        else {
            m_pendingSource = target.source;
            m_result->setText(tr("Sending %1 of %2…").arg(reply.action, reply.jobId));
        }
    });
    box->open();
}

void JobsPage::audit(const JobActionReply& reply, const QString& preview)
{
    if (!m_audit)
        return;
    AuditEntry e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch(); // the console's own action: its clock
    e.principal = QString::fromLocal8Bit(qgetenv("USER"));
    e.source = m_pendingSource;
    e.action = reply.dryRun ? reply.action + QStringLiteral(" (preview)") : reply.action;
    e.jobId = reply.jobId;
    e.preview = preview;
    e.result = reply.ok() ? QString::fromUtf8(QJsonDocument(reply.body).toJson(QJsonDocument::Compact)) : reply.error;
    e.status = reply.status;
    m_audit->append(e);
}

} // namespace Meridian
