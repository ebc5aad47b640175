// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/fleetstatuspanel.h"

#include "core/model/peertext.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/stateicon.h"
#include "ui/shell/sourcenoticelabel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>

namespace Meridian {

namespace {
constexpr int MinUpdateMs = 250;
constexpr int TooltipAgents = 8;
const AgentStatus shownStatuses[] = { AgentStatus::Up, AgentStatus::Stale, AgentStatus::Unreachable,
    AgentStatus::Unauthorized, AgentStatus::BadPayload };
const char* const countNames[]
    = { "statusUp", "statusStale", "statusUnreachable", "statusUnauthorized", "statusBadPayload" };

int countOf(const AgentStatusCounts& c, AgentStatus s)
{
    switch (s) {
    case AgentStatus::Up:
        return c.up;
    case AgentStatus::Stale:
        return c.stale;
    case AgentStatus::Unreachable:
        return c.unreachable;
    case AgentStatus::Unauthorized:
        return c.unauthorized;
    case AgentStatus::BadPayload:
        return c.badPayload;
    case AgentStatus::Unknown:
        break;
    }
    return c.unknown;
}
} // namespace

FleetStatusPanel::FleetStatusPanel(FleetStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_age(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(Theme::Spacing, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::Margin);
    for (int i = 0; i < 5; ++i) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(countNames[i]));
        label->setTextFormat(Qt::RichText);
        layout->addWidget(label);
        m_counts.append(label);
    }
    auto* separator = new QLabel(QStringLiteral("|"), this);
    separator->setForegroundRole(QPalette::Mid);
    layout->addWidget(separator);
    m_age->setObjectName(QStringLiteral("dataAge"));
    layout->addWidget(m_age);
    // The sources' own word (history being read, partial answers) after the nodes' counts and the data's age.
    layout->addSpacing(Theme::Margin);
    layout->addWidget(new SourceNoticeLabel(store, this));

    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &FleetStatusPanel::updateAge);
    m_ageTimer.start();
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &FleetStatusPanel::refresh);
    connect(m_store, &FleetStore::changed, this, &FleetStatusPanel::onStoreChanged);
    refresh();
}

void FleetStatusPanel::setStaleThresholdMs(qint64 ms)
{
    m_staleThresholdMs = qMax<qint64>(1000, ms);
    updateAge();
}

void FleetStatusPanel::onStoreChanged(const FleetChangeSet& changes)
{
    if (changes.isEmpty() || m_throttle.isActive())
        return;
    const qint64 elapsed = m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : MinUpdateMs;
    m_throttle.start(int(qMax<qint64>(0, MinUpdateMs - elapsed)));
}

void FleetStatusPanel::refresh()
{
    m_sinceUpdate.start();
    updateCounts();
    updateAge();
}

void FleetStatusPanel::updateCounts()
{
    m_last = m_store->agentStatusCounts();
    const QLocale locale;
    for (int i = 0; i < 5; ++i) {
        const AgentStatus status = shownStatuses[i];
        const int n = countOf(m_last, status);
        // Zero problem counts stay grey, so a colour always means "look here".
        const QColor dot = (n > 0 || status == AgentStatus::Up) ? Theme::color(Theme::tone(status), palette())
                                                                : palette().color(QPalette::Mid);
        m_counts[i]->setText(QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
                                 .arg(dot.name(), Theme::stateGlyph(Theme::state(status)),
                                     tr("%1 %2").arg(locale.toString(n), Format::agentStatus(status))));
        m_counts[i]->setProperty("value", n);
        m_counts[i]->setVisible(
            status == AgentStatus::Up || status == AgentStatus::Stale || status == AgentStatus::Unreachable || n > 0);
    }

    // Tooltip: the first few problem agents with their reasons, sorted for a stable list.
    QList<const FleetNode*> problems;
    for (const FleetNode& node : m_store->nodes()) {
        if (node.status != AgentStatus::Up && node.status != AgentStatus::Unknown)
            problems.append(&node);
    }
    const auto byId = [](const FleetNode* a, const FleetNode* b) { return a->inventory.nodeId < b->inventory.nodeId; };
    const qsizetype shown = std::min<qsizetype>(problems.size(), TooltipAgents);
    std::partial_sort(problems.begin(), problems.begin() + shown, problems.end(), byId);
    QString tip = tr("%1 agents known, %2 not polled yet")
                      .arg(locale.toString(m_last.total()), locale.toString(m_last.unknown));
    if (!problems.isEmpty()) {
        tip += QStringLiteral("<br/><br/><b>") + tr("Agents with problems:") + QStringLiteral("</b>");
        for (qsizetype i = 0; i < shown; ++i) {
            const FleetNode* node = problems[i];
            tip += QStringLiteral("<br/>") + node->inventory.nodeId.toHtmlEscaped() + QStringLiteral(" — ")
                + Format::agentStatus(node->status);
            if (!node->lastError.isEmpty())
                tip += QStringLiteral(": ") + PeerText::show(node->lastError).left(160).toHtmlEscaped();
        }
        if (problems.size() > shown)
            tip += QStringLiteral("<br/>") + tr("… and %1 more").arg(locale.toString(problems.size() - shown));
    }
    for (QLabel* label : std::as_const(m_counts))
        label->setToolTip(tip);
}

QString FleetStatusPanel::dataAgeText() const
{
    return m_age->text();
}

void FleetStatusPanel::updateAge()
{
    const qint64 newest = m_store->newestDataMs();
    const bool noAnswerYet = m_last.total() > 0 && m_last.unknown == m_last.total();
    QString text;
    bool warn = false;
    if (newest <= 0) {
        // Waiting only while no source has answered at all; a source that failed is counted beside this
        // ("1 unreachable"), and the views say which and since when (ViewState).
        text = noAnswerYet ? tr("waiting for the first answer") : tr("no data yet");
    } else if (noAnswerYet) {
        text = tr("showing cached data from %1").arg(Format::timestamp(newest));
        warn = true;
    } else {
        // The age compares the agents' clock with ours; a clock ahead of ours counts as fresh.
        const qint64 age = qMax<qint64>(0, QDateTime::currentMSecsSinceEpoch() - newest);
        text = tr("data %1 old").arg(Format::duration(age));
        warn = age > m_staleThresholdMs;
    }
    m_age->setText(text);
    m_age->setProperty("warning", warn);
    QPalette p = palette();
    if (warn)
        p.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Warning, palette()));
    m_age->setPalette(p);
    m_age->setToolTip(newest > 0 ? tr("Newest agent timestamp: %1").arg(Format::timestamp(newest)) : QString());
}

void FleetStatusPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        QMetaObject::invokeMethod(this, &FleetStatusPanel::refresh, Qt::QueuedConnection);
    QWidget::changeEvent(event);
}

} // namespace Meridian
