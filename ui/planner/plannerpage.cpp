// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/planner/plannerpage.h"

#include "core/planner/plannerservice.h"
#include "core/store/fleetstore.h"
#include "ui/common/navigator.h"
#include "ui/planner/plannerrequestform.h"

#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace Meridian {

using namespace Planner;

namespace {

constexpr int RefreshMs = 5000; ///< an open answer follows the fleet at most this often

} // namespace

PlannerPage::PlannerPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_navigator(context.navigator)
    , m_planner(context.planner)
    , m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("plannerPage"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_form = new PlannerRequestForm(m_store, m_planner, splitter);
    m_answer = new PlannerAnswerView(splitter);
    m_answer->setNavigable(m_navigator != nullptr);
    splitter->addWidget(m_form);
    splitter->addWidget(m_answer);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({ 480, 900 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_form, &PlannerRequestForm::planRequested, this, &PlannerPage::plan);
    connect(m_form, &PlannerRequestForm::weightsChanged, this, [this] { m_answer->reweigh(weights()); });
    connect(m_form, &PlannerRequestForm::message, m_answer, &PlannerAnswerView::showMessage);
    connect(m_answer, &PlannerAnswerView::showOnPoolsRequested, this, &PlannerPage::showOnPools);
    connect(m_answer, &PlannerAnswerView::showOnMapRequested, this, &PlannerPage::showOnLatencyMap);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(RefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &PlannerPage::askAgain);
    if (m_store)
        connect(m_store, &FleetStore::changed, this, &PlannerPage::onStoreChanged);
    if (m_planner) {
        connect(m_planner, &PlannerService::answered, this, &PlannerPage::showAnswer);
        connect(m_planner, &PlannerService::riskReady, this, &PlannerPage::askAgain);
    }
}

void PlannerPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The risk is a week's availability report: read when the page is first seen, not at start-up, where it took
    // a core (and a check of both cache files) from the read of the cache the console waits for (issue 21).
    if (m_planner && !std::exchange(m_riskAsked, true) && !m_planner->hasRisk())
        m_planner->refreshRisk();
}

PlannerPage::~PlannerPage() = default;

PlacementRequest PlannerPage::request() const
{
    return m_form->request();
}

void PlannerPage::setRequest(const PlacementRequest& r)
{
    m_form->setRequest(r);
}

PlannerWeights PlannerPage::weights() const
{
    return m_form->weights();
}

void PlannerPage::setWeights(const PlannerWeights& w)
{
    m_form->setWeights(w);
}

void PlannerPage::plan()
{
    const PlacementRequest r = request();
    if (r.durationMs <= 0) {
        m_answer->showMessage(tr("The duration must be like 90m, 36h, 7d or 2w."));
        return;
    }
    if (r.model.isEmpty() && r.family.isEmpty()) {
        m_answer->showMessage(tr("Choose a model or a family."));
        return;
    }
    if (!m_planner) {
        m_answer->showMessage(tr("The planner is not available in this console."));
        return;
    }
    m_answer->showMessage(tr("Planning…"));
    m_refresh->stop();
    if (!m_planner->hasRisk())
        m_planner->refreshRisk(); // the cache may have filled since (a console's first minutes): riskReady() re-asks
    m_planner->ask(r, weights(), m_form->lostWorkShare());
}

void PlannerPage::askAgain()
{
    if (m_answer->hasAnswer() && m_planner)
        m_planner->ask(m_answer->answer().request, weights(), m_form->lostWorkShare());
}

void PlannerPage::showAnswer(const PlanAnswer& answer)
{
    m_answer->showAnswer(answer, weights());
    Q_EMIT answered();
}

void PlannerPage::onStoreChanged()
{
    if (m_answer->hasAnswer() && !m_refresh->isActive())
        m_refresh->start();
    if (!m_form->hasChoices())
        m_form->fillChoices();
}

void PlannerPage::showOnPools()
{
    const int i = m_answer->selectedCandidate();
    if (i < 0 || !m_navigator)
        return;
    const Candidate& c = answer().candidates[i];
    // A spanning candidate opens its first member; its free nodes include every member's.
    m_navigator->showPoolNodes(c.region, c.spanning() ? c.spans.first() : c.pool, c.freeNodes);
}

void PlannerPage::showOnLatencyMap()
{
    const int i = m_answer->selectedCandidate();
    if (i < 0 || !m_navigator || answer().request.anchorSite.isEmpty())
        return;
    m_navigator->showLatencyPath(answer().candidates[i].latency.site, answer().request.anchorSite);
}

} // namespace Meridian
