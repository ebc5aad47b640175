// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/recoverypanel.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/faults/reliabilitychart.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Meridian::Faults {
namespace {

QString hours(double ms)
{
    return std::isnan(ms) ? Format::missing() : Format::duration(qint64(ms));
}

} // namespace

RecoveryPanel::RecoveryPanel(QWidget* parent)
    : QWidget(parent)
    , m_steps(new QTableWidget(4, 3, this))
    , m_total(new QLabel(this))
    , m_reliability(new QTableWidget(0, 5, this))
    , m_chart(new ReliabilityChart(this))
{
    m_steps->setObjectName(QStringLiteral("recoverySteps"));
    m_steps->setHorizontalHeaderLabels({ tr("Step"), tr("At"), tr("After detection") });
    m_steps->verticalHeader()->hide();
    // A narrow pane: the step names keep only what they need, so the time columns are never squeezed to "…".
    m_steps->setWordWrap(false);
    TableLayout::apply(m_steps, QStringLiteral("faults/recoverySteps"), { .key = 0, .keyChars = 18 });
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setMaximumHeight(m_steps->verticalHeader()->defaultSectionSize() * 5 + 8);
    m_total->setObjectName(QStringLiteral("recoveryTotal"));
    m_reliability->setObjectName(QStringLiteral("reliabilityTable"));
    m_reliability->setHorizontalHeaderLabels(
        { tr("Pool"), tr("Incidents (24 h)"), tr("MTTR (24 h)"), tr("MTTR (7 d)"), tr("Between incidents (7 d)") });
    m_reliability->verticalHeader()->hide();
    m_reliability->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reliability->setWordWrap(false);
    // The pool is what the row is about: in the narrow pane, the 24-hour MTTR waits in the header menu.
    TableLayout::apply(m_reliability, QStringLiteral("faults/reliability"),
        { .key = 0, .identifiers = { 0 }, .keyChars = 14, .hidden = { 2 } });
    ViewState::attach(m_reliability, tr("No incidents in this range: MTTR and time between incidents need them"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        new QLabel(tr("<b>Recovery stopwatch</b> (target: 10 min from detection to jobs running again)"), this));
    layout->addWidget(m_steps);
    layout->addWidget(m_total);
    layout->addWidget(new QLabel(tr("<b>MTTR and time between incidents per pool</b>"), this));
    layout->addWidget(m_reliability, 1);
    layout->addWidget(m_chart, 2);
    setTimeline({}, false);
}

void RecoveryPanel::setTimeline(const RecoveryTimeline& t, bool hasSelection)
{
    const QString names[]
        = { tr("Detected"), tr("Isolated (jobs stopped)"), tr("Affected jobs restarted"), tr("Hardware resumed") };
    const qint64 times[] = { t.detectedMs, t.isolatedMs, t.restartedMs, t.resumedMs };
    for (int i = 0; i < 4; ++i) {
        const bool reached = hasSelection && times[i] > 0;
        m_steps->setItem(i, 0, new QTableWidgetItem(names[i]));
        m_steps->setItem(i, 1,
            new QTableWidgetItem(!hasSelection ? QString()
                    : reached                  ? Format::timestamp(times[i])
                                               : tr("not yet")));
        m_steps->setItem(i, 2, new QTableWidgetItem(reached ? Format::duration(times[i] - t.detectedMs) : QString()));
    }
    if (!hasSelection) {
        m_total->setText(QString());
        return;
    }
    // Its rows exist from the start, empty: the first times give the columns their widths.
    if (TableLayout* layout = TableLayout::of(m_steps); layout && !layout->restored() && !m_stepsFitted) {
        layout->fitToContents();
        m_stepsFitted = m_steps->isVisible();
    }
    const qint64 total = t.totalMs();
    const bool ok = t.withinTarget();
    m_total->setText(total < 0 ? tr("Recovery running: %1 of %2 jobs restarted.").arg(t.jobsRestarted).arg(t.jobs)
            : ok               ? tr("Recovered in %1: within the 10-minute target.").arg(Format::duration(total))
                               : tr("Recovered in %1: %2 over the 10-minute target.")
                       .arg(Format::duration(total), Format::duration(total - RecoveryTargetMs)));
    QPalette p = m_total->palette();
    p.setColor(QPalette::WindowText,
        Theme::color(total < 0 ? Theme::Tone::Info
                : ok           ? Theme::Tone::Good
                               : Theme::Tone::Bad,
            palette()));
    m_total->setPalette(p);
}

void RecoveryPanel::setReliability(const QList<PoolReliability>& day, const QList<PoolReliability>& week)
{
    m_reliability->setRowCount(int(week.size()));
    for (int row = 0; row < week.size(); ++row) {
        const PoolReliability& w = week[row];
        PoolReliability d;
        for (const PoolReliability& x : day)
            if (x.pool == w.pool && x.region == w.region)
                d = x;
        m_reliability->setItem(
            row, 0, new QTableWidgetItem(QStringLiteral("%1 · %2").arg(regionDisplayName(w.region), w.pool)));
        m_reliability->setItem(row, 1, new QTableWidgetItem(Format::count(d.incidents)));
        m_reliability->setItem(row, 2, new QTableWidgetItem(hours(d.mttrMs)));
        m_reliability->setItem(row, 3, new QTableWidgetItem(hours(w.mttrMs)));
        m_reliability->setItem(row, 4, new QTableWidgetItem(hours(w.betweenIncidentsMs)));
    }
}

} // namespace Meridian::Faults
