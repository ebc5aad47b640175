// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "ui/common/pagecontext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

namespace Meridian {

class FleetHistory;
class CapacityTrendPanel;
class CardGrid;
class FleetStore;
class RegionCard;
class SummaryBar;
struct RegionFigures;

// The fleet at a glance: a summary row, one card per region and the capacity
// plot. Recomputes from the store at most once per change set (and at most
// every MinRecomputeMs on a busy fleet); clicking a card narrows everything to
// that region.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(const PageContext& context, QWidget* parent = nullptr);
    ~OverviewPage() override;

    QString scope() const { return m_scope; } ///< empty: whole fleet
    RegionCard* card(const QString& region) const { return m_cards.value(region); }
    SummaryBar* summaryBar() const { return m_summary; }
    CapacityTrendPanel* capacityPanel() const { return m_capacity; }
    qint64 slowestRecomputeNs() const { return m_slowestRecomputeNs; } ///< benchmarks

public Q_SLOTS:
    void setScope(const QString& region);
    void showInPools(const QString& region); ///< through the navigator: the Pools page on that region
    void showFaults(const QString& region); ///< the Faults page filtered to that region (empty: all)

Q_SIGNALS:
    void scopeChanged(const QString& region);
    void recomputed(); ///< the cards show the store's state as of now (tests, benchmarks)

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void recompute();
    RegionFigures figuresFor(const QString& region) const;
    void toggleScope(const QString& region);

    FleetStore* m_store;
    Navigator* m_navigator;
    SummaryBar* m_summary;
    CardGrid* m_grid;
    CapacityTrendPanel* m_capacity;
    QHash<QString, RegionCard*> m_cards;
    QStringList m_regionOrder;
    QString m_scope;
    QTimer m_recomputeTimer;
    QElapsedTimer m_sinceRecompute;
    qint64 m_slowestRecomputeNs = 0;
};

} // namespace Meridian
