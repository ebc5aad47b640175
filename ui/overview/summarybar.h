// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/overview/regioncard.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QToolButton;

namespace Meridian {

class CapacityTable;

// The Overview's top row: the figures of the current scope (whole fleet or the
// selected region) as large numbers, plus the per-model capacity table. Nodes down and open faults lead
// to the scope's incidents on the Faults page.
class SummaryBar : public QFrame
{
    Q_OBJECT
public:
    explicit SummaryBar(QWidget* parent = nullptr);

    // region empty: the whole fleet.
    void setFigures(const QString& region, const RegionFigures& figures);

Q_SIGNALS:
    void wholeFleetRequested();
    void faultsRequested(const QString& region); ///< nodes down or open faults clicked; empty: whole fleet

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    struct Tile
    {
        QLabel* value;
        QLabel* caption;
    };
    Tile addTile(const QString& name, int column);
    void updateTexts();
    void updateColors();

    QString m_region;
    RegionFigures m_figures;
    QLabel* m_title;
    QLabel* m_reporting;
    QToolButton* m_wholeFleet;
    QList<Tile> m_tiles; // nodesUp, nodesDown, jobsRunning, jobsQueued, jobsRecovering, openFaults
    QGridLayout* m_tileGrid;
    CapacityTable* m_table;
};

} // namespace Meridian
