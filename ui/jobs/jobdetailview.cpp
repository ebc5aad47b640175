// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobdetailview.h"

#include "core/jobs/jobfigures.h"
#include "core/model/peertext.h"
#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/jobsformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/stateicon.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"
#include "ui/jobs/jobtimeline.h"
#include "ui/jobs/jobutilizationchart.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

namespace Meridian {

JobDetailView::JobDetailView(const FleetStore* store, FleetHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_history(history)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_status(new QLabel(this))
    , m_timeline(new JobTimeline(this))
    , m_tabs(new QTabWidget(this))
    , m_interruptions(new QTreeWidget(this))
    , m_nodes(new QListWidget(this))
    , m_utilization(new JobUtilizationChart(history, this))
    , m_events(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("Cancel job…"), this))
    , m_requeue(new QPushButton(tr("Requeue…"), this))
{
    auto* back = new QPushButton(tr("← Jobs"), this);
    connect(back, &QPushButton::clicked, this, &JobDetailView::backRequested);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* l : { m_facts, m_figures }) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_status->setObjectName(QStringLiteral("jobDetailStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_requeue->setObjectName(QStringLiteral("requeueJob"));
    connect(m_cancel, &QPushButton::clicked, this,
        [this] { Q_EMIT actionRequested(m_job.jobId, QStringLiteral("cancel")); });
    connect(m_requeue, &QPushButton::clicked, this,
        [this] { Q_EMIT actionRequested(m_job.jobId, QStringLiteral("requeue")); });

    m_interruptions->setRootIsDecorated(false);
    m_interruptions->setHeaderLabels({ tr("Interrupted"), tr("Cause"), tr("Fault event"), tr("Node"), tr("Work lost"),
        tr("Recovery"), tr("Target 10 min") });
    // Times, nodes and durations are short and must be read whole; the cause takes what is left.
    TableLayout::apply(m_interruptions, QStringLiteral("jobs/interruptions"), { .key = 1, .identifiers = { 3 } });
    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({ tr("Time"), tr("Node"), tr("Kind"), tr("Message") });
    TableLayout::apply(m_events, QStringLiteral("jobs/events"), { .key = 3, .identifiers = { 1 } });
    ViewState::attach(m_interruptions, tr("No interruptions: the job has run without one"));
    ViewState::attach(m_events, tr("No events for this job's nodes"));
    connect(m_nodes, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { Q_EMIT nodeRequested(item->data(Qt::UserRole).toString()); });

    auto* nodesPage = new QWidget(this);
    auto* nodesLayout = new QVBoxLayout(nodesPage);
    auto* showNode = new QPushButton(tr("Show in Pools"), nodesPage);
    connect(showNode, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_nodes->currentItem())
            Q_EMIT nodeRequested(item->data(Qt::UserRole).toString());
    });
    nodesLayout->addWidget(m_nodes);
    nodesLayout->addWidget(showNode, 0, Qt::AlignLeft);

    m_tabs->addTab(m_interruptions, tr("Interruptions"));
    m_tabs->addTab(nodesPage, tr("Nodes"));
    m_tabs->addTab(m_utilization, tr("Utilization"));
    m_tabs->addTab(m_events, tr("Events"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_utilization)
            loadUtilization();
        else if (m_tabs->widget(index) == m_events)
            loadEvents();
    });

    auto* top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(m_requeue);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_facts);
    layout->addWidget(m_figures);
    layout->addWidget(m_status);
    layout->addWidget(m_timeline);
    layout->addWidget(m_tabs, 1);
}

void JobDetailView::setActionsEnabled(bool enabled, const QString& why)
{
    m_actionsAllowed = enabled;
    const bool active = Jobs::isActive(m_job.state);
    m_cancel->setEnabled(enabled && active);
    m_requeue->setEnabled(enabled && Jobs::isRunning(m_job.state));
    m_cancel->setToolTip(why);
    m_requeue->setToolTip(why);
}

void JobDetailView::setDetailStatus(const QString& text, bool failed)
{
    m_status->setText(text);
    m_status->setProperty("failed", failed);
    // A failure must be seen: in red; otherwise a plain note.
    m_status->setStyleSheet(failed ? QStringLiteral("color: #c62828;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void JobDetailView::setJob(const Protocol::JobRecord& job, qint64 nowMs)
{
    const bool same = job.jobId == m_job.jobId;
    m_job = job;
    m_nowMs = nowMs;
    m_title->setText(job.name.isEmpty() ? job.jobId : tr("%1 — %2").arg(job.jobId, job.name));
    const auto orMissing = [](const QString& s) { return s.isEmpty() ? Format::missing() : s; };
    m_facts->setText(
        tr("%1 · %2 · tenant %3, user %4 · pool %5 (%6) · %7 of %8 × %9 · submitted %10, started %11%12")
            .arg(JobsFormat::stateText(job.state), JobsFormat::kindText(job.kind), orMissing(job.tenant),
                orMissing(job.user), orMissing(job.pool), orMissing(regionDisplayName(job.region)))
            .arg(job.acceleratorsAllocated)
            .arg(job.acceleratorsRequested)
            .arg(orMissing(job.model), job.submitMs > 0 ? Format::timestamp(job.submitMs) : Format::missing(),
                job.startMs > 0 ? Format::timestamp(job.startMs) : Format::missing(),
                job.endMs > 0 ? tr(", ended %1").arg(Format::timestamp(job.endMs)) : QString()));
    const Jobs::JobFigures f = Jobs::figures(job, nowMs);
    double recoverySum = 0;
    int recovered = 0;
    for (const Jobs::Recovery& r : f.recoveries)
        if (!r.open) {
            recoverySum += double(r.durationMs);
            ++recovered;
        }
    const QLocale locale;
    m_figures->setText(
        tr("Goodput %1 · longest uninterrupted run %2 · running for %3 · %4 interruption(s), %5 a day · "
           "work lost %6 · mean recovery %7, %8 over the 10-minute target")
            .arg(JobsFormat::goodput(f.goodput),
                f.longestRunMs >= 0 ? Format::duration(f.longestRunMs) : Format::missing(),
                f.wallMs >= 0 ? Format::duration(f.wallMs) : Format::missing())
            .arg(f.interruptions)
            .arg(std::isnan(f.interruptionsPerDay) ? Format::missing() : locale.toString(f.interruptionsPerDay, 'f', 2),
                f.hasHistory ? Format::duration(f.lostWorkMs) : Format::missing(),
                recovered > 0 ? Format::duration(qint64(recoverySum / recovered)) : Format::missing())
            .arg(f.recoveriesOverTarget));
    m_timeline->setJob(job, nowMs);
    fillInterruptions(nowMs);
    if (!same) {
        m_nodes->clear();
        for (const QString& node : job.nodes) {
            auto* item = new QListWidgetItem(node, m_nodes);
            item->setData(Qt::UserRole, node);
        }
        if (m_nodes->count() == 0) {
            auto* item = new QListWidgetItem(tr("No accelerators allocated now"), m_nodes);
            item->setFlags(Qt::NoItemFlags);
        }
        m_events->clear();
        if (m_tabs->currentWidget() == m_utilization)
            loadUtilization();
        else if (m_tabs->currentWidget() == m_events)
            loadEvents();
    }
    setActionsEnabled(m_actionsAllowed, m_cancel->toolTip());
}

void JobDetailView::fillInterruptions(qint64 nowMs)
{
    m_interruptions->clear();
    const Jobs::JobFigures f = Jobs::figures(m_job, nowMs);
    for (qsizetype i = 0; i < m_job.interruptionLog.size(); ++i) {
        const Protocol::JobInterruption& in = m_job.interruptionLog[i];
        const Jobs::Recovery r = f.recoveries.value(i);
        auto* item = new QTreeWidgetItem(m_interruptions);
        item->setText(0, Format::timestamp(in.atMs));
        item->setText(1, in.cause);
        item->setText(2, in.faultEventId > 0 ? QString::number(in.faultEventId) : Format::missing());
        item->setText(3, in.nodeId.isEmpty() ? Format::missing() : in.nodeId);
        item->setText(4, Format::duration(r.lostWorkMs));
        item->setText(5, r.open ? tr("%1 so far").arg(Format::duration(r.durationMs)) : Format::duration(r.durationMs));
        item->setText(6, r.overTarget() ? tr("over") : tr("within"));
        const Theme::State state = r.overTarget() ? Theme::State::Critical : Theme::State::Ok;
        item->setForeground(6, Theme::color(state, palette()));
        item->setIcon(6, Theme::stateIcon(state, palette()));
    }
}

void JobDetailView::loadUtilization()
{
    QList<QPair<QString, int>> accelerators;
    for (const QString& nodeId : std::as_const(m_job.nodes)) {
        const auto it = m_store ? m_store->nodes().constFind(nodeId) : QHash<QString, FleetNode>::const_iterator();
        if (!m_store || it == m_store->nodes().constEnd())
            continue;
        bool any = false;
        for (const Protocol::AcceleratorSample& a : it->snapshot.sample.accelerators)
            if (a.jobId == m_job.jobId) {
                accelerators.append({ nodeId, a.index });
                any = true;
            }
        if (!any)
            for (const Protocol::AcceleratorInfo& a : it->inventory.accelerators)
                accelerators.append({ nodeId, a.index });
        if (accelerators.size() >= JobUtilizationChart::MaxSeries)
            break;
    }
    const qint64 from = m_job.startMs > 0 ? m_job.startMs : m_nowMs;
    m_utilization->setTitle(
        tr("Job %1: mean utilization of %n accelerator(s)", "", int(accelerators.size())).arg(m_job.jobId));
    m_utilization->show(accelerators, from, m_job.endMs > 0 ? m_job.endMs : m_nowMs);
}

void JobDetailView::loadEvents()
{
    if (!m_history || m_job.startMs <= 0)
        return;
    const quint64 generation = ++m_eventsGeneration;
    EventFilter filter;
    filter.fromMs = m_job.startMs;
    filter.toMs = m_job.endMs > 0 ? m_job.endMs + 60000 : std::numeric_limits<qint64>::max();
    filter.limit = 20000;
    const QString jobId = m_job.jobId;
    whenReady(this, m_history->events(filter), [this, generation, jobId](const QList<Protocol::Event>& events) {
        if (generation != m_eventsGeneration)
            return;
        m_events->clear();
        // The job's own events name it; the faults that interrupted it are linked by id.
        QSet<qint64> faults;
        for (const Protocol::JobInterruption& in : std::as_const(m_job.interruptionLog))
            if (in.faultEventId > 0)
                faults.insert(in.faultEventId);
        for (const Protocol::Event& e : events) {
            if (!e.message.contains(jobId) && !faults.contains(e.id))
                continue;
            auto* item = new QTreeWidgetItem(m_events);
            item->setText(0, Format::timestamp(e.timestampMs));
            item->setText(1, e.nodeId);
            item->setText(2, e.kind);
            item->setText(3, PeerText::show(e.message, e.messageKey, e.messageArgs));
        }
        if (m_events->topLevelItemCount() == 0) {
            auto* item = new QTreeWidgetItem(m_events);
            item->setText(3, tr("No cached events for this job"));
        }
    });
}

} // namespace Meridian
