// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Planner page (docs/planner.md): a placement request on the left (PlannerRequestForm), the ranked answer on
// the right with every factor, adjustable weights and "why this rank" for the selected candidate
// (PlannerAnswerView). One click shows the candidate's free nodes on the Pools page, or its path to the anchor on
// the Latency map. Answers come from the session's PlannerService (computed on its worker); the page never reads
// the cache or the network.

#include "core/planner/plannertypes.h"
#include "ui/common/pagecontext.h"
#include "ui/planner/planneranswerview.h"

#include <QWidget>

class QTableWidget;
class QTextBrowser;
class QTimer;

namespace Meridian {

class FleetStore;
class Navigator;
class PlannerRequestForm;

namespace Planner {
class PlannerService;
}

class PlannerPage : public QWidget
{
    Q_OBJECT
public:
    using Column = PlannerAnswerView::Column; ///< the candidate table's columns

    explicit PlannerPage(const PageContext& context, QWidget* parent = nullptr);
    ~PlannerPage() override;

    // The form's request (what Plan would ask); setRequest() fills the form.
    Planner::PlacementRequest request() const;
    void setRequest(const Planner::PlacementRequest& request);
    Planner::PlannerWeights weights() const;
    void setWeights(const Planner::PlannerWeights& weights);
    const Planner::PlanAnswer& answer() const { return m_answer->answer(); }
    QTableWidget* table() const { return m_answer->table(); }
    QTextBrowser* whyView() const { return m_answer->whyView(); }

public Q_SLOTS:
    void plan(); ///< asks the planner with the form's request
    void showOnPools(); ///< the selected candidate's pool with its free nodes selected
    void showOnLatencyMap(); ///< the path from the selected candidate's site to the anchor

Q_SIGNALS:
    void answered(); ///< a new answer is shown

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showAnswer(const Planner::PlanAnswer& answer);
    void askAgain(); ///< the open question, with the form's weights and share
    void onStoreChanged();

    FleetStore* m_store;
    Navigator* m_navigator;
    Planner::PlannerService* m_planner;
    QTimer* m_refresh; ///< re-asks the open question after fleet changes, at most every few seconds
    PlannerRequestForm* m_form = nullptr;
    PlannerAnswerView* m_answer = nullptr;
    bool m_riskAsked = false;
};

} // namespace Meridian
