// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QFrame>

class QLabel;

namespace Meridian {

class CapacityTable;

// What the Overview knows about a region, beyond the store's summary: whether
// any number in it was ever reported, and whether job counts are known.
struct RegionFigures
{
    RegionSummary summary;
    bool capacityKnown = false; ///< at least one node has a snapshot (live or cached)
    bool jobsKnown = false; ///< a source reported the scheduler's job list
    QString blankReason; ///< why nothing is known yet (ViewState::fleetBlankText); empty once something reported
};

// One region of the Overview: absolute numbers, a per-model table, and a
// click/keyboard toggle that narrows the page to the region. The region's name leads to its Pools, the
// nodes down and open faults to its incidents on the Faults page. Child labels have
// object names ("nodesUp", "jobsQueued", "openFaults", "reporting", …) so tests
// and screen readers can find them.
class RegionCard : public QFrame
{
    Q_OBJECT
public:
    explicit RegionCard(const QString& region, QWidget* parent = nullptr);

    QString region() const { return m_region; }
    void setFigures(const RegionFigures& figures);
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

Q_SIGNALS:
    void clicked(const QString& region);
    void poolsRequested(const QString& region); ///< the region's name was clicked
    void faultsRequested(const QString& region); ///< "N down" or the open faults were clicked

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateTexts();
    void updateColors();

    QString m_region;
    RegionFigures m_figures;
    bool m_selected = false;
    QLabel* m_title;
    QLabel* m_reporting;
    QLabel* m_nodesCaption;
    QLabel* m_nodesUp;
    QLabel* m_nodesDown;
    QLabel* m_jobsCaption;
    QLabel* m_jobsRunning;
    QLabel* m_jobsQueued;
    QLabel* m_jobsRecovering;
    QLabel* m_faultsCaption;
    QLabel* m_openFaults;
    CapacityTable* m_table;
};

} // namespace Meridian
