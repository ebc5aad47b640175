// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobspage.h"

#include "core/jobs/jobassembler.h"
#include "core/jobs/jobfigures.h"
#include "core/session/actionservice.h"
#include "core/session/jobdetails.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/jobsformat.h"
#include "ui/common/navigator.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"
#include "ui/jobs/auditdialog.h"
#include "ui/jobs/jobactiondialog.h"
#include "ui/jobs/jobdetailview.h"
#include "ui/jobs/jobtablemodel.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
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

JobsPage::JobsPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_history(context.history)
    , m_actions(context.actions)
    , m_jobDetails(context.jobDetails)
    , m_navigator(context.navigator)
    , m_model(new JobTableModel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_detail(new JobDetailView(context.store, context.history, this))
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
    m_table->setWordWrap(false);
    ViewState::attach(
        m_table,
        [this] {
            return m_model->sourceRowTotal() > 0
                ? tr("No jobs match the filter and time range")
                : tr("No jobs reported yet: they appear when a scheduler or the nodes' agents report them");
        },
        m_store);
    TableLayout::apply(m_table, QStringLiteral("jobs/jobs"),
        { .key = JobTableModel::Name, .identifiers = { JobTableModel::Id, JobTableModel::Pool } });
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
    if (m_actions)
        connect(m_actions, &ActionService::answered, this, &JobsPage::onActionReply);
    if (m_jobDetails)
        connect(m_jobDetails, &JobDetails::answered, this, &JobsPage::onDetailAnswer);
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
    if (m_navigator)
        m_navigator->aboutToMove(); // Esc comes back to the table (or the job) shown before
    m_detail->setJob(job, referenceNowMs());
    QString why = tr("no console session with sources");
    const bool possible = m_actions && m_actions->canSend({ ActionKind::CancelJob, jobId, {}, true }, &why);
    m_detail->setActionsEnabled(possible, why);
    m_stack->setCurrentWidget(m_detail);
    fetchDetail(jobId);
}

void JobsPage::fetchDetail(const QString& jobId)
{
    // Meanwhile the view shows what the job list carries (e.g. only the newest checkpoint).
    m_fullDetail = {};
    m_detailRequest = 0;
    if (!m_jobDetails) {
        m_detail->setDetailStatus(
            tr("Full history not loaded: %1. Showing the job list's view.").arg(tr("no console session with sources")),
            true);
        return;
    }
    m_detailRequest = m_jobDetails->request(jobId);
    m_detail->setDetailStatus(tr("Loading the full history…"), false);
}

void JobsPage::onDetailAnswer(const JobDetailAnswer& answer)
{
    if (answer.requestId != m_detailRequest || m_detail->jobId() != answer.jobId)
        return; // an answer for a job no longer shown
    m_detailRequest = 0;
    switch (answer.kind) {
    case JobDetailAnswer::NoHistory:
        // An agent knows only which job its accelerators run now: it has no history to offer.
        m_detail->setDetailStatus(
            tr("Assembled from node reports (%1): agents keep no job history, so segments and checkpoints are "
               "those the nodes report now.")
                .arg(answer.source),
            false);
        return;
    case JobDetailAnswer::Watched:
        // slurmctld keeps only a job's latest start and its restart count; slurmdbd would keep every run.
        m_detail->setDetailStatus(
            tr("History from Slurm (%1) as the console watched it: runs and interruptions seen while it polled. "
               "Earlier runs are not known without Slurm's accounting (slurmdbd).")
                .arg(answer.source),
            false);
        return;
    case JobDetailAnswer::NoSource:
        m_detail->setDetailStatus(
            tr("Full history not loaded: %1. Showing the job list's view.").arg(tr("no source serves this job")), true);
        return;
    case JobDetailAnswer::Failed:
        m_detail->setDetailStatus(
            tr("Full history not loaded from %1: %2. Showing the job list's view.").arg(answer.source, answer.error),
            true);
        return;
    case JobDetailAnswer::Full:
        break;
    }
    m_fullDetail = answer.job;
    m_detail->setJob(answer.job, referenceNowMs());
    m_detail->setDetailStatus(tr("Full history from %1.").arg(answer.source), false);
}

Protocol::JobRecord JobsPage::withFullDetail(Protocol::JobRecord job) const
{
    // A list update carries the newest checkpoint only: keep the fetched ones, add a newer one.
    if (m_fullDetail.jobId != job.jobId)
        return job;
    job.checkpoints = m_fullDetail.checkpoints;
    job.checkpoints = Jobs::checkpointsOf(job);
    return job;
}

QVariant JobsPage::place() const
{
    return isShowingDetail() ? m_detail->jobId() : QString();
}

void JobsPage::restorePlace(const QVariant& place)
{
    const QString job = place.toString();
    if (job.isEmpty())
        showTable();
    else
        showJob(job);
}

void JobsPage::showTable()
{
    m_stack->setCurrentIndex(0);
    m_table->setFocus();
}

void JobsPage::showAudit()
{
    if (!m_actions || !m_actions->hasAuditLog()) {
        QMessageBox::information(this, tr("Audit log"), tr("The audit log lives in the cache, which is not open."));
        return;
    }
    auto* view = new AuditDialog(m_actions, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->open();
}

void JobsPage::showNodeInPools(const QString& nodeId)
{
    // The main window carries the request out (selects the Pools page, opens the node).
    if (m_navigator)
        m_navigator->showNode(nodeId);
}

void JobsPage::requestAction(const QString& jobId, const QString& action)
{
    ActionKind kind;
    if (!actionFromName(action, false, &kind))
        return;
    QString why = tr("no console session with sources");
    if (!m_actions || !m_actions->send({ kind, jobId, {}, true }, {}, &why)) {
        m_result->setText(why);
        m_result->show();
        return;
    }
    m_sent.insert(jobId);
    m_result->setText(tr("Asking what %1 of %2 would do…").arg(action, jobId));
    m_result->show();
}

void JobsPage::onActionReply(const ActionReply& reply)
{
    const QString& jobId = reply.request.target;
    if (isNodeAction(reply.request.kind) || !m_sent.contains(jobId))
        return; // another page's action
    if (!reply.request.dryRun || !reply.ok())
        m_sent.remove(jobId);
    Q_EMIT actionFinished(reply);
    const QString action = actionName(reply.request.kind);
    if (!reply.ok()) {
        m_result->setText(reply.status == 403 ? tr("Refused: %1").arg(reply.error)
                : reply.status == 0           ? tr("No answer: %1").arg(reply.error)
                                              : tr("Failed (%1): %2").arg(reply.status).arg(reply.error));
        return;
    }
    if (!reply.manualCommand.isEmpty()) {
        m_sent.remove(jobId);
        showManualCommand(reply);
        return;
    }
    const JobActionPreview preview = JobActionPreview::fromJson(reply.body);
    if (!reply.request.dryRun) {
        m_result->setText(
            tr("%1 of %2 done: the job is now %3").arg(action, jobId, JobsFormat::stateText(preview.stateAfter)));
        return;
    }
    const QString nodesText = preview.nodes.size() > 12
        ? preview.nodes.mid(0, 12).join(QStringLiteral(", ")) + tr(" and %1 more").arg(preview.nodes.size() - 12)
        : preview.nodes.join(QStringLiteral(", "));
    const QString text = tr("%1 %2 (%3): %4. Accelerators: %5. Nodes: %6")
                             .arg(action, jobId, JobsFormat::stateText(preview.stateBefore), preview.effect)
                             .arg(preview.accelerators)
                             .arg(nodesText.isEmpty() ? tr("none") : nodesText);
    confirmAction(reply, text);
}

void JobsPage::showManualCommand(const ActionReply& reply)
{
    // The scheduler's API has no call for this (Slurm: requeue): the command to run instead, nothing to confirm.
    const QString action = actionName(reply.request.kind);
    const QString jobId = reply.request.target;
    m_result->setText(tr("Not sent: %1 of %2 needs a command on a Slurm host").arg(action, jobId));
    auto* box = new QMessageBox(QMessageBox::Information, tr("%1 %2").arg(action, jobId),
        tr("The scheduler's API cannot %1 job %2. Run this command on a Slurm host; the console has changed "
           "nothing:\n\n%3")
            .arg(action, jobId, reply.manualCommand),
        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("manualJobAction"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton* copy = box->addButton(tr("Copy command"), QMessageBox::ActionRole);
    const QString command = reply.manualCommand;
    connect(copy, &QPushButton::clicked, box, [command] { QGuiApplication::clipboard()->setText(command); });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void JobsPage::confirmAction(const ActionReply& preview, const QString& text)
{
    const QString action = actionName(preview.request.kind);
    const QString jobId = preview.request.target;
    auto* dialog = new JobActionDialog(preview.request.kind, jobId, text, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, preview, text, action, jobId](int result) {
        if (result != QDialog::Accepted) {
            m_sent.remove(jobId);
            m_result->setText(tr("Not sent: %1 of %2 was not confirmed").arg(action, jobId));
            return;
        }
        ActionRequest request = preview.request;
        request.dryRun = false;
        request.reason = dialog->reason();
        // The audit log keeps what was confirmed and why.
        const QString confirmed = text + QStringLiteral(" — ") + tr("reason: %1").arg(request.reason);
        QString why;
        if (!m_actions->send(request, confirmed, &why)) {
            m_result->setText(why);
            return;
        }
        m_result->setText(tr("Sending %1 of %2…").arg(action, jobId));
    });
    dialog->open();
}

} // namespace Meridian
