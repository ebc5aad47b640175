// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/planner/planneranswerview.h"

#include "core/planner/planner.h"
#include "ui/common/regionnames.h"
#include "ui/common/stateicon.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/planner/plannertext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Meridian {

using namespace Planner;

namespace {

QString keyOf(const Candidate& c)
{
    return c.region + u'|' + c.pool;
}

} // namespace

PlannerAnswerView::PlannerAnswerView(QWidget* parent)
    : QWidget(parent)
{
    auto* panel = this;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(panel);
    m_summary->setObjectName(QStringLiteral("plannerSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, ColumnCount, panel);
    m_table->setObjectName(QStringLiteral("candidateTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // The layout every console table shares: fitted to content, the "when" column stretched, widths kept.
    TableLayout::apply(
        m_table, QStringLiteral("planner/candidates"), { .key = WhenColumn, .identifiers = { PoolColumn } });
    // Before the first answer (or with no candidate) the table says so instead of showing empty columns.
    ViewState::attach(m_table, [this] {
        return m_haveAnswer ? tr("No pool can take this job: the summary above says why.")
                            : tr("Describe the job and press Plan.");
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PlannerAnswerView::showWhy);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &PlannerAnswerView::showOnPoolsRequested);
    auto* split = new QSplitter(Qt::Vertical, panel);
    split->addWidget(m_table);
    auto* bottom = new QWidget(split);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    m_poolsButton = new QPushButton(bottom);
    m_poolsButton->setObjectName(QStringLiteral("showOnPools"));
    m_mapButton = new QPushButton(bottom);
    m_mapButton->setObjectName(QStringLiteral("showOnMap"));
    connect(m_poolsButton, &QPushButton::clicked, this, &PlannerAnswerView::showOnPoolsRequested);
    connect(m_mapButton, &QPushButton::clicked, this, &PlannerAnswerView::showOnMapRequested);
    buttons->addWidget(m_poolsButton);
    buttons->addWidget(m_mapButton);
    buttons->addStretch(1);
    bottomLayout->addLayout(buttons);
    m_why = new QTextBrowser(bottom);
    m_why->setObjectName(QStringLiteral("whyThisRank"));
    bottomLayout->addWidget(m_why);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_poolsButton->setEnabled(false);
    m_mapButton->setEnabled(false);
    updateTexts();
}

void PlannerAnswerView::updateTexts()
{
    m_poolsButton->setText(tr("Show free nodes on the Pools page"));
    m_mapButton->setText(tr("Show the path on the Latency map"));
    m_table->setHorizontalHeaderLabels(
        { tr("Rank"), tr("Pool"), tr("Fits now"), tr("When"), tr("Latency to anchor"), tr("Risk"), tr("Score") });
    // Columns as wide as their labels until rows arrive (a width the user kept is not overridden).
    if (TableLayout* layout = TableLayout::of(m_table); layout && !layout->restored() && m_table->rowCount() == 0)
        layout->fitToContents();
    if (m_haveAnswer) {
        showSummary();
        fillTable();
        showWhy();
    } else {
        m_summary->setText(tr("Describe the job and press Plan: every pool that can take it, ranked, with why."));
    }
    showEmptyState();
}

void PlannerAnswerView::showEmptyState()
{
    ViewState* state = ViewState::of(m_table);
    state->setLoaded();
    state->refresh();
}

void PlannerAnswerView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void PlannerAnswerView::setNavigable(bool navigable)
{
    m_navigable = navigable;
    showWhy();
}

void PlannerAnswerView::showMessage(const QString& text)
{
    m_summary->setText(text);
}

void PlannerAnswerView::showAnswer(const PlanAnswer& answer, const PlannerWeights& weights)
{
    const int i = selectedCandidate();
    const QString selected = i >= 0 ? keyOf(m_answer.candidates[i]) : QString();
    m_answer = answer;
    m_haveAnswer = true;
    rerank(&m_answer, weights); // the sliders may have moved while it was computed
    showSummary();
    fillTable();
    showEmptyState();
    selectPool(selected);
    showWhy();
}

void PlannerAnswerView::reweigh(const PlannerWeights& weights)
{
    if (!m_haveAnswer)
        return;
    const int i = selectedCandidate();
    const QString selected = i >= 0 ? keyOf(m_answer.candidates[i]) : QString();
    rerank(&m_answer, weights); // no fleet pass: only the order and the scores change
    fillTable();
    selectPool(selected);
    showWhy();
}

void PlannerAnswerView::selectPool(const QString& key)
{
    for (int i = 0; i < m_answer.candidates.size(); ++i)
        if (keyOf(m_answer.candidates[i]) == key)
            m_table->selectRow(i);
    if (selectedCandidate() < 0 && !m_answer.candidates.isEmpty())
        m_table->selectRow(0);
}

void PlannerAnswerView::showSummary()
{
    QStringList lines;
    int now = 0, later = 0, violating = 0;
    for (const Candidate& c : std::as_const(m_answer.candidates)) {
        now += c.wait.state == FitState::Now && !c.latency.violates ? 1 : 0;
        later += (c.wait.state == FitState::Later || c.wait.state == FitState::Unknown) && !c.latency.violates ? 1 : 0;
        violating += c.latency.violates ? 1 : 0;
    }
    if (!m_answer.candidates.isEmpty())
        lines << tr("%n pool(s) can take it:", "", int(m_answer.candidates.size())) + u' ' + tr("%n now,", "", now)
                + u' ' + tr("%n later,", "", later) + u' ' + tr("%n over the latency bound.", "", violating);
    for (const PlanProblem& p : std::as_const(m_answer.problems))
        lines << PlannerText::problem(p);
    if (m_answer.poolsExcluded > 0)
        lines << tr("%n pool(s) excluded by the region lists.", "", m_answer.poolsExcluded);
    m_summary->setText(lines.join(u'\n'));
}

void PlannerAnswerView::fillTable()
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_answer.candidates.size()));
    for (int row = 0; row < m_answer.candidates.size(); ++row) {
        const Candidate& c = m_answer.candidates[row];
        const QString texts[ColumnCount]
            = { QString::number(c.rank), regionDisplayName(c.region) + QStringLiteral(" / ") + PlannerText::pool(c),
                  PlannerText::fit(c, m_answer.request.wholeNodes), PlannerText::when(c), PlannerText::latency(c),
                  PlannerText::risk(c), QLocale().toString(c.scores.total, 'f', 3) };
        for (int col = 0; col < ColumnCount; ++col) {
            auto* item = new QTableWidgetItem(texts[col]);
            item->setToolTip(texts[col]);
            // Never by colour alone: the latency text says "breaks the bound", and its cell carries the shape.
            if (c.latency.violates)
                item->setForeground(Theme::color(Theme::State::Critical, palette()));
            if (col == FitColumn && c.fit.fitsNow)
                item->setForeground(Theme::color(Theme::State::Ok, palette()));
            if (col == LatencyColumn && c.latency.violates)
                item->setIcon(Theme::stateIcon(Theme::State::Critical, palette()));
            m_table->setItem(row, col, item);
        }
    }
}

int PlannerAnswerView::selectedCandidate() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    const int row = ranges.isEmpty() ? -1 : ranges.first().topRow();
    return row >= 0 && row < m_answer.candidates.size() ? row : -1;
}

void PlannerAnswerView::showWhy()
{
    const int i = selectedCandidate();
    m_poolsButton->setEnabled(i >= 0 && m_navigable);
    m_mapButton->setEnabled(i >= 0 && m_navigable && !m_answer.request.anchorSite.isEmpty());
    if (i < 0) {
        m_why->clear();
        return;
    }
    m_why->setHtml(PlannerText::why(m_answer.candidates[i], m_answer.weights, m_answer.request.wholeNodes));
}

} // namespace Meridian
