// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Planner page's request (docs/planner.md, "The request"): model or family, count, whole nodes, memory,
// duration, anchor and bound, tenant, regions, the share of work that may be lost, the weights, and saved requests.
// It only describes the question; the page asks it.

#include "core/planner/plannertypes.h"

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

namespace Meridian {

class FleetStore;

namespace Planner {
class PlannerService;
}

class PlannerRequestForm : public QWidget
{
    Q_OBJECT
public:
    PlannerRequestForm(FleetStore* store, Planner::PlannerService* planner, QWidget* parent = nullptr);

    Planner::PlacementRequest request() const; ///< what Plan would ask
    void setRequest(const Planner::PlacementRequest& request);
    Planner::PlannerWeights weights() const;
    void setWeights(const Planner::PlannerWeights& weights);
    double lostWorkShare() const; ///< 0–1
    void fillChoices(); ///< models, families and sites from the fleet
    bool hasChoices() const;

Q_SIGNALS:
    void planRequested(); ///< Plan pressed, or a saved request chosen
    void weightsChanged();
    void message(const QString& text); ///< for the answer's summary line

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createFields();
    void updateTexts();
    void showWeights();
    void loadSaved();
    void saveRequest();
    void deleteRequest();
    void useSaved(int index);

    FleetStore* m_store;
    Planner::PlannerService* m_planner;
    QList<Planner::PlacementRequest> m_saved;

    QScrollArea* m_scroll = nullptr;
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
};

} // namespace Meridian
