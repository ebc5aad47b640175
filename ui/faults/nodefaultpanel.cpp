// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/nodefaultpanel.h"

#include "core/faults/faultmaptexts.h"
#include "core/faults/faulttracker.h"
#include "core/model/peertext.h"
#include "core/session/fleethistory.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Meridian::Faults {

NodeFaultPanel::NodeFaultPanel(FaultTracker* tracker, FleetHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_past(history)
    , m_title(new QLabel(this))
    , m_history(new QTableWidget(0, 5, this))
    , m_metrics(new QLabel(this))
    , m_open(new QPushButton(tr("Open node in Pools"), this))
    , m_drain(new QPushButton(tr("Drain…"), this))
    , m_resume(new QPushButton(tr("Resume…"), this))
    , m_actionStatus(new QLabel(this))
{
    m_history->setObjectName(QStringLiteral("nodeFaultHistory"));
    m_history->setHorizontalHeaderLabels({ tr("Time"), tr("Accelerator"), tr("Kind"), tr("Code"), tr("Message") });
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setWordWrap(false);
    // The message stretched; the code is on demand (header menu): the pane fits 1366×768 without scrolling.
    TableLayout::apply(
        m_history, QStringLiteral("faults/nodeHistory"), { .key = 4, .widestChars = 16, .hidden = { 3 } });
    ViewState::attach(m_history, tr("No faults recorded for this node"));
    m_metrics->setObjectName(QStringLiteral("nodeFaultMetrics"));
    m_metrics->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("openInPools"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_metrics);
    m_drain->setObjectName(QStringLiteral("drainNode"));
    m_drain->setToolTip(tr("Stop placing new jobs on this node (preview first)"));
    m_resume->setObjectName(QStringLiteral("resumeNode"));
    m_resume->setToolTip(tr("Let the scheduler place jobs on this node again (preview first)"));
    m_actionStatus->setObjectName(QStringLiteral("nodeActionStatus"));
    m_actionStatus->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_drain);
    buttons->addWidget(m_resume);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_actionStatus);
    connect(m_drain, &QPushButton::clicked, this, [this] {
        if (!m_nodeId.isEmpty())
            Q_EMIT nodeActionRequested(m_nodeId, QStringLiteral("drain"));
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!m_nodeId.isEmpty())
            Q_EMIT nodeActionRequested(m_nodeId, QStringLiteral("resume"));
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_nodeId.isEmpty())
            Q_EMIT openInPools(m_nodeId);
    });
    setNode({}, 0, -1);
}

void NodeFaultPanel::setNode(const QString& nodeId, qint64 aroundMs, int accelerator)
{
    m_nodeId = nodeId;
    m_aroundMs = aroundMs;
    m_accelerator = accelerator;
    ++m_generation;
    m_open->setEnabled(!nodeId.isEmpty());
    setDrained(m_drained);
    m_actionStatus->clear();
    m_metrics->clear();
    if (nodeId.isEmpty()) {
        m_title->setText(tr("Select an incident on one node to see its history."));
        m_history->setRowCount(0);
        return;
    }
    m_title->setText(tr("<b>%1</b>: faults and events from %2 to %3")
                         .arg(nodeId.toHtmlEscaped(), Format::timestamp(aroundMs - WindowMs),
                             Format::timestamp(aroundMs + WindowMs)));
    fillLive();
    loadCached();
    loadMetrics();
}

void NodeFaultPanel::setDrained(bool drained)
{
    m_drained = drained;
    m_drain->setEnabled(!m_nodeId.isEmpty() && !drained);
    m_resume->setEnabled(!m_nodeId.isEmpty() && drained);
}

void NodeFaultPanel::setActionStatus(const QString& text)
{
    m_actionStatus->setText(text);
}

void NodeFaultPanel::fillLive()
{
    m_history->setRowCount(0);
    for (const FaultObservation& o : m_tracker->grouper().observations()) {
        if (o.nodeId != m_nodeId)
            continue;
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        m_history->setItem(row, 0, new QTableWidgetItem(Format::timestamp(o.openedMs)));
        m_history->setItem(
            row, 1, new QTableWidgetItem(o.accelerator >= 0 ? QString::number(o.accelerator) : tr("node")));
        m_history->setItem(row, 2, new QTableWidgetItem(o.kind));
        m_history->setItem(row, 3, new QTableWidgetItem(o.code));
        // The table's title in the user's language; the agent's raw (English) message as the tooltip.
        const QString title = o.fault.title.isEmpty() ? PeerText::show(o.message) : translatedFaultTitle(o.fault.title);
        auto* item = new QTableWidgetItem(o.isOpen()
                ? tr("open: %1").arg(title)
                : tr("cleared after %1: %2").arg(Format::duration(o.clearedMs - o.openedMs), title));
        item->setToolTip(PeerText::show(o.message));
        m_history->setItem(row, 4, item);
    }
}

void NodeFaultPanel::loadCached()
{
    if (!m_past) {
        Q_EMIT historyLoaded();
        return;
    }
    EventFilter filter;
    filter.nodeId = m_nodeId;
    filter.fromMs = m_aroundMs - WindowMs;
    filter.toMs = m_aroundMs + WindowMs;
    filter.limit = 500;
    const int generation = m_generation;
    whenReady(this, m_past->events(filter), [this, generation](const QList<Protocol::Event>& events) {
        if (generation != m_generation)
            return;
        // Live faults are listed already; add the cached events that are not one of them.
        QSet<QString> known;
        for (int r = 0; r < m_history->rowCount(); ++r)
            known.insert(m_history->item(r, 0)->text() + m_history->item(r, 2)->text());
        for (const Protocol::Event& e : events) {
            if (known.contains(Format::timestamp(e.timestampMs) + e.kind) && !e.cleared)
                continue;
            const int row = m_history->rowCount();
            m_history->insertRow(row);
            m_history->setItem(row, 0, new QTableWidgetItem(Format::timestamp(e.timestampMs)));
            m_history->setItem(
                row, 1, new QTableWidgetItem(e.accelerator >= 0 ? QString::number(e.accelerator) : tr("node")));
            m_history->setItem(row, 2, new QTableWidgetItem(e.kind));
            m_history->setItem(row, 3, new QTableWidgetItem(e.code));
            m_history->setItem(row, 4,
                new QTableWidgetItem(e.cleared
                        ? tr("cleared: %1").arg(PeerText::show(e.message, e.messageKey, e.messageArgs))
                        : PeerText::show(e.message, e.messageKey, e.messageArgs)));
        }
        Q_EMIT historyLoaded();
    });
}

void NodeFaultPanel::loadMetrics()
{
    if (!m_past || m_accelerator < 0)
        return;
    const int generation = m_generation;
    const int acc = m_accelerator;
    whenReady(this,
        m_past->accelerator(
            m_nodeId, acc, AcceleratorMetric::TemperatureC, m_aroundMs - WindowMs, m_aroundMs + WindowMs, 60),
        [this, generation, acc](const MetricSeries& s) {
            if (generation != m_generation)
                return;
            if (s.points.isEmpty()) {
                m_metrics->setText(tr("No cached temperature of accelerator %1 around the fault.").arg(acc));
                return;
            }
            float lo = s.points.first().min, hi = s.points.first().max;
            for (const MetricPoint& p : s.points) {
                lo = std::min(lo, p.min);
                hi = std::max(hi, p.max);
            }
            m_metrics->setText(tr("Accelerator %1 temperature around the fault: %2–%3 °C over %4 points.")
                                   .arg(acc)
                                   .arg(double(lo), 0, 'f', 0)
                                   .arg(double(hi), 0, 'f', 0)
                                   .arg(s.points.size()));
        });
}

} // namespace Meridian::Faults
