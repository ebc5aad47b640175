// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Planner page's answer (docs/planner.md, "Factors"): a summary, the ranked candidates with every factor, and
// "why this rank" for the selected one. Shows what it is given; re-ranks on new weights without a fleet pass.

#include "core/planner/plannertypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace Meridian {

class PlannerAnswerView : public QWidget
{
    Q_OBJECT
public:
    enum Column { RankColumn, PoolColumn, FitColumn, WhenColumn, LatencyColumn, RiskColumn, ScoreColumn, ColumnCount };

    explicit PlannerAnswerView(QWidget* parent = nullptr);

    void showAnswer(const Planner::PlanAnswer& answer, const Planner::PlannerWeights& weights);
    void reweigh(const Planner::PlannerWeights& weights); ///< re-scores and re-ranks, keeps the selection
    void showMessage(const QString& text); ///< in the summary line
    void setNavigable(bool navigable); ///< whether "show on Pools / on the map" can be offered

    bool hasAnswer() const { return m_haveAnswer; }
    const Planner::PlanAnswer& answer() const { return m_answer; }
    int selectedCandidate() const; ///< -1: none
    QTableWidget* table() const { return m_table; }
    QTextBrowser* whyView() const { return m_why; }

Q_SIGNALS:
    void showOnPoolsRequested();
    void showOnMapRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTexts();
    void showSummary();
    void showEmptyState(); ///< the words in the empty table
    void fillTable();
    void showWhy();
    void selectPool(const QString& key); ///< region|pool

    Planner::PlanAnswer m_answer;
    bool m_haveAnswer = false;
    bool m_navigable = false;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QTextBrowser* m_why = nullptr;
    QPushButton* m_poolsButton = nullptr;
    QPushButton* m_mapButton = nullptr;
};

} // namespace Meridian
