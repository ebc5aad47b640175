// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/overviewpage.h"

#include "core/store/fleetstore.h"
#include "ui/common/navigator.h"
#include "ui/common/regionnames.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/overview/capacitytrendpanel.h"
#include "ui/overview/cardgrid.h"
#include "ui/overview/regioncard.h"
#include "ui/overview/summarybar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Meridian {

namespace {
// A 25,000-node fleet changes every coalescing interval; summaries are O(nodes),
// so a busy fleet is summarised at most four times a second.
constexpr int MinRecomputeMs = 250;
} // namespace

OverviewPage::OverviewPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_navigator(context.navigator)
    , m_summary(new SummaryBar(this))
    , m_grid(new CardGrid)
    , m_capacity(new CapacityTrendPanel(context.store, context.history, this))
{
    setObjectName(QStringLiteral("overviewPage"));

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("regionScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setMinimumCardWidth(340);
    scroll->setWidget(m_grid);
    scroll->viewport()->setAutoFillBackground(false);
    m_grid->setAutoFillBackground(false);

    // Summary and plot share the top row; the region cards get the rest of the page.
    auto* top = new QHBoxLayout;
    top->setSpacing(Theme::Margin);
    top->addWidget(m_summary, 0);
    top->addWidget(m_capacity, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Margin, Theme::Margin, Theme::Margin, Theme::Spacing);
    layout->setSpacing(Theme::Margin);
    layout->addLayout(top, 0);
    layout->addWidget(scroll, 1);

    connect(m_summary, &SummaryBar::wholeFleetRequested, this, [this] { setScope({}); });
    connect(m_summary, &SummaryBar::faultsRequested, this, &OverviewPage::showFaults);
    m_recomputeTimer.setSingleShot(true);
    connect(&m_recomputeTimer, &QTimer::timeout, this, &OverviewPage::recompute);
    connect(m_store, &FleetStore::changed, this, &OverviewPage::onStoreChanged);
    recompute();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::showInPools(const QString& region)
{
    if (m_navigator)
        m_navigator->showTarget({ .kind = JumpTarget::Region, .region = region, .label = region });
}

void OverviewPage::showFaults(const QString& region)
{
    // The Faults page filters on the text it shows: the region's name in the user's language.
    if (m_navigator)
        m_navigator->showFaults(region.isEmpty() ? QString() : regionDisplayName(region));
}

void OverviewPage::onStoreChanged(const FleetChangeSet& changes)
{
    if (changes.isEmpty() || m_recomputeTimer.isActive())
        return;
    const qint64 elapsed = m_sinceRecompute.isValid() ? m_sinceRecompute.elapsed() : MinRecomputeMs;
    m_recomputeTimer.start(int(qMax<qint64>(0, MinRecomputeMs - elapsed)));
}

RegionFigures OverviewPage::figuresFor(const QString& region) const
{
    RegionFigures figures;
    figures.summary = m_store->summary(region);
    // Nothing counted from any snapshot means nobody reported: show "—", not 0.
    figures.capacityKnown = figures.summary.newestDataMs > 0;
    figures.jobsKnown = m_store->hasJobList();
    if (!figures.capacityKnown)
        figures.blankReason = ViewState::fleetBlankText(m_store);
    return figures;
}

void OverviewPage::recompute()
{
    m_sinceRecompute.start();
    const QStringList regions = m_store->regions();
    if (regions != m_regionOrder) {
        for (auto it = m_cards.begin(); it != m_cards.end();) {
            if (!regions.contains(it.key())) {
                delete it.value();
                it = m_cards.erase(it);
            } else {
                ++it;
            }
        }
        QList<QWidget*> ordered;
        for (const QString& region : regions) {
            RegionCard*& card = m_cards[region];
            if (!card) {
                card = new RegionCard(region, m_grid);
                connect(card, &RegionCard::clicked, this, &OverviewPage::toggleScope);
                connect(card, &RegionCard::poolsRequested, this, &OverviewPage::showInPools);
                connect(card, &RegionCard::faultsRequested, this, &OverviewPage::showFaults);
            }
            ordered.append(card);
        }
        m_grid->setCards(ordered);
        m_regionOrder = regions;
        if (!m_scope.isEmpty() && !regions.contains(m_scope))
            m_scope.clear();
    }

    QStringList models;
    for (const QString& region : regions) {
        RegionCard* card = m_cards.value(region);
        const RegionFigures figures = figuresFor(region);
        card->setFigures(figures);
        card->setSelected(region == m_scope);
    }
    const RegionFigures scoped = figuresFor(m_scope);
    m_summary->setFigures(m_scope, scoped);
    for (const ModelCapacity& m : scoped.summary.models)
        models.append(m.model);
    m_capacity->setRegion(m_scope);
    m_capacity->setModels(models);
    m_slowestRecomputeNs = qMax(m_slowestRecomputeNs, m_sinceRecompute.nsecsElapsed());
    Q_EMIT recomputed();
}

void OverviewPage::setScope(const QString& region)
{
    if (region == m_scope)
        return;
    m_scope = region;
    recompute();
    Q_EMIT scopeChanged(m_scope);
}

void OverviewPage::toggleScope(const QString& region)
{
    setScope(region == m_scope ? QString() : region);
}

} // namespace Meridian
