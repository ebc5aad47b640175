// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Planner page (docs/planner.md): a placement request on the left (model or family, count, whole nodes,
// memory, duration, anchor and bound, tenant, regions; saved requests), the ranked answer on the right with every
// factor, adjustable weights and "why this rank" for the selected candidate. One click shows the candidate's free
// nodes on the Pools page, or its path to the anchor on the Latency map. Answers come from the session's
// PlannerService (computed on its worker); the page never reads the cache or the network.

#include "core/planner/plannertypes.h"
#include "ui/common/pagecontext.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace Meridian {

class FleetStore;
class Navigator;
struct FleetChangeSet;

namespace Planner {
class PlannerService;
}

class PlannerPage : public QWidget
{
    Q_OBJECT
public:
    enum Column { RankColumn, PoolColumn, FitColumn, WhenColumn, LatencyColumn, RiskColumn, ScoreColumn, ColumnCount };

    explicit PlannerPage(const PageContext& context, QWidget* parent = nullptr);
    ~PlannerPage() override;

    // The form's request (what Plan would ask); setRequest() fills the form.
    Planner::PlacementRequest request() const;
    void setRequest(const Planner::PlacementRequest& request);
    Planner::PlannerWeights weights() const;
    void setWeights(const Planner::PlannerWeights& weights);
    const Planner::PlanAnswer& answer() const { return m_answer; }
    QTableWidget* table() const { return m_table; }
    QTextBrowser* whyView() const { return m_why; }

public Q_SLOTS:
    void plan(); ///< asks the planner with the form's request
    void showOnPools(); ///< the selected candidate's pool with its free nodes selected
    void showOnLatencyMap(); ///< the path from the selected candidate's site to the anchor

Q_SIGNALS:
    void answered(); ///< a new answer is shown

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createForm();
    QWidget* createAnswer();
    void updateTexts();
    void fillChoices(); ///< models, families, sites, regions from the fleet
    void showAnswer(const Planner::PlanAnswer& answer);
    void fillTable();
    void showWhy();
    void onWeightsChanged();
    void onStoreChanged();
    int selectedCandidate() const;
    void loadSaved();
    void saveRequest();
    void deleteRequest();
    void useSaved(int index);

    FleetStore* m_store;
    Navigator* m_navigator;
    Planner::PlannerService* m_planner;
    Planner::PlanAnswer m_answer;
    bool m_haveAnswer = false;
    QList<Planner::PlacementRequest> m_saved;
    QTimer* m_refresh; ///< re-asks the open question after fleet changes, at most every few seconds

    QScrollArea* m_formScroll = nullptr;
    QComboBox* m_saved_ = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QComboBox* m_kind = nullptr; ///< model or family
    QComboBox* m_model = nullptr;
    QSpinBox* m_count = nullptr;
    QCheckBox* m_whole = nullptr;
    QDoubleSpinBox* m_minMemory = nullptr;
    QLineEdit* m_duration = nullptr;
    QComboBox* m_anchor = nullptr;
    QComboBox* m_boundKind = nullptr; ///< none, p99 RTT, pair class
    QDoubleSpinBox* m_maxRtt = nullptr;
    QComboBox* m_pairClass = nullptr;
    QLineEdit* m_tenant = nullptr;
    QLineEdit* m_allow = nullptr;
    QLineEdit* m_deny = nullptr;
    QDoubleSpinBox* m_lostWork = nullptr;
    QSlider* m_weight[4] = {};
    QLabel* m_weightLabel[4] = {};
    QPushButton* m_planButton = nullptr;
    QLabel* m_labels[16] = {};
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QTextBrowser* m_why = nullptr;
    QPushButton* m_poolsButton = nullptr;
    QPushButton* m_mapButton = nullptr;
};

} // namespace Meridian
