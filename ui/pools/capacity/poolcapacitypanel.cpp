// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/capacity/poolcapacitypanel.h"

#include "core/capacity/idletracker.h"
#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "ui/charts/stackedcapacitychart.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/pools/capacity/capacitytablemodel.h"
#include "ui/pools/capacity/idletablemodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Meridian {

namespace {
const QString ThresholdKey = QStringLiteral("capacity/idleThresholdPercent");
const QString MinutesKey = QStringLiteral("capacity/idleMinutes");
constexpr int NowRefreshMs = 250;
constexpr int HistoryRefreshMs = 30'000;

QTableView* makeCapacityTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return view;
}

QSortFilterProxyModel* sortProxy(QAbstractItemModel* source, int role, QObject* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(role);
    proxy->setSortLocaleAware(true);
    return proxy;
}
} // namespace

PoolCapacityPanel::PoolCapacityPanel(const FleetStore* store, FleetHistory* history, IdleTracker* idle, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_history(history)
    , m_tracker(idle)
    , m_title(new QLabel(this))
    , m_freeLabel(new QLabel(this))
    , m_poolsLabel(new QLabel(this))
    , m_historyLabel(new QLabel(this))
    , m_idleLabel(new QLabel(this))
    , m_thresholdLabel(new QLabel(this))
    , m_durationLabel(new QLabel(this))
    , m_modelChoice(new QComboBox(this))
    , m_ranges(new QButtonGroup(this))
    , m_freeModel(new CapacityTableModel(this))
    , m_poolModel(new CapacityTableModel(this))
    , m_poolProxy(sortProxy(m_poolModel, CapacityTableModel::SortRole, this))
    , m_idleModel(new IdleTableModel(this))
    , m_idleProxy(sortProxy(m_idleModel, IdleTableModel::SortRole, this))
    , m_freeView(makeCapacityTable(m_freeModel, this))
    , m_poolView(makeCapacityTable(m_poolProxy, this))
    , m_idleView(makeCapacityTable(m_idleProxy, this))
    , m_chart(new StackedCapacityChart(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_minutes(new QSpinBox(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    for (QLabel* label : { m_freeLabel, m_poolsLabel, m_historyLabel, m_idleLabel })
        label->setFont(titleFont);

    // "Free right now": the model and the three classes; scope columns are implied.
    m_freeView->setColumnHidden(CapacityTableModel::Region, true);
    m_freeView->setColumnHidden(CapacityTableModel::Pool, true);
    m_freeView->setObjectName(QStringLiteral("freeByModel"));
    m_poolView->setSortingEnabled(true);
    m_poolView->sortByColumn(CapacityTableModel::Region, Qt::AscendingOrder);
    m_poolView->setObjectName(QStringLiteral("poolCapacity"));
    m_idleView->setSortingEnabled(true);
    m_idleView->sortByColumn(IdleTableModel::IdleFor, Qt::DescendingOrder);
    m_idleView->setObjectName(QStringLiteral("idleAccelerators"));
    TableLayout::apply(m_freeView, QStringLiteral("pools/capacityFree"), { .key = CapacityTableModel::Model });
    TableLayout::apply(m_poolView, QStringLiteral("pools/capacityPools"),
        { .key = CapacityTableModel::Pool, .identifiers = { CapacityTableModel::Pool } });
    TableLayout::apply(m_idleView, QStringLiteral("pools/idle"),
        { .key = IdleTableModel::JobName, .identifiers = { IdleTableModel::Node, IdleTableModel::Job } });
    ViewState::attach(m_freeView, tr("No accelerators reported in this scope"), store);
    ViewState::attach(m_poolView, tr("No pools reported in this scope"), store);
    ViewState::attach(m_idleView, tr("No allocated accelerator has been idle: every job uses what it holds"), store);
    connect(m_idleView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString node = index.data(IdleTableModel::NodeIdRole).toString();
        if (!node.isEmpty())
            Q_EMIT nodeActivated(node);
    });

    m_modelChoice->addItem(QString(), QString()); // "all models"; text set in updateTexts()
    connect(m_modelChoice, &QComboBox::currentIndexChanged, this, &PoolCapacityPanel::refreshHistory);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_historyLabel);
    rangeRow->addStretch(1);
    rangeRow->addWidget(m_modelChoice);
    for (int hours : { 24, 168, 720 }) {
        auto* button = new QToolButton(this);
        button->setCheckable(true);
        button->setChecked(hours == m_rangeHours);
        m_ranges->addButton(button, hours);
        rangeRow->addWidget(button);
    }
    connect(m_ranges, &QButtonGroup::idClicked, this, &PoolCapacityPanel::setRangeHours);

    QSettings settings;
    m_threshold->setRange(0.5, 100);
    m_threshold->setDecimals(1);
    m_threshold->setSingleStep(1);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(settings.value(ThresholdKey, IdleTracker::DefaultThreshold).toDouble());
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setValue(settings.value(MinutesKey, int(IdleTracker::DefaultMinimumDurationMs / 60000)).toInt());
    // The thresholds are the user's: kept in the settings, applied to the session's one tracker.
    if (m_tracker) {
        m_tracker->setThreshold(m_threshold->value());
        m_tracker->setMinimumDuration(qint64(m_minutes->value()) * 60000);
    }
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        QSettings().setValue(ThresholdKey, value);
        if (m_tracker)
            m_tracker->setThreshold(value);
    });
    connect(m_minutes, &QSpinBox::valueChanged, this, [this](int value) {
        QSettings().setValue(MinutesKey, value);
        if (m_tracker)
            m_tracker->setMinimumDuration(qint64(value) * 60000);
    });
    m_thresholdLabel->setBuddy(m_threshold);
    m_durationLabel->setBuddy(m_minutes);
    auto* idleRow = new QHBoxLayout;
    idleRow->addWidget(m_idleLabel);
    idleRow->addStretch(1);
    idleRow->addWidget(m_thresholdLabel);
    idleRow->addWidget(m_threshold);
    idleRow->addWidget(m_durationLabel);
    idleRow->addWidget(m_minutes);

    auto* nowPane = new QWidget(this);
    auto* nowGrid = new QGridLayout(nowPane);
    nowGrid->setContentsMargins(0, 0, 0, 0);
    nowGrid->addWidget(m_freeLabel, 0, 0);
    nowGrid->addWidget(m_poolsLabel, 0, 1);
    nowGrid->addWidget(m_freeView, 1, 0);
    nowGrid->addWidget(m_poolView, 1, 1);
    nowGrid->setColumnStretch(0, 2);
    nowGrid->setColumnStretch(1, 3);

    auto* historyPane = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(rangeRow);
    historyLayout->addWidget(m_chart, 1);

    auto* idlePane = new QWidget(this);
    auto* idleLayout = new QVBoxLayout(idlePane);
    idleLayout->setContentsMargins(0, 0, 0, 0);
    idleLayout->addLayout(idleRow);
    idleLayout->addWidget(m_idleView, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(nowPane);
    splitter->addWidget(historyPane);
    splitter->addWidget(idlePane);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Margin, Theme::Margin, Theme::Margin, Theme::Margin);
    layout->setSpacing(Theme::Spacing);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);

    m_nowTimer.setSingleShot(true);
    m_nowTimer.setInterval(NowRefreshMs);
    connect(&m_nowTimer, &QTimer::timeout, this, &PoolCapacityPanel::refreshNow);
    m_historyTimer.setInterval(HistoryRefreshMs);
    connect(&m_historyTimer, &QTimer::timeout, this, &PoolCapacityPanel::refreshHistory);
    m_historyTimer.start();
    if (m_tracker)
        connect(m_tracker, &IdleTracker::changed, &m_nowTimer, qOverload<>(&QTimer::start));

    // The store keeps the figures per pool (its aggregate): a change set only asks for a refresh.
    if (m_store)
        connect(m_store, &FleetStore::changed, this, [this] {
            if (!m_nowTimer.isActive())
                m_nowTimer.start();
        });
    updateTexts();
    refreshNow();
    refreshHistory();
}

PoolCapacityPanel::~PoolCapacityPanel() = default;

void PoolCapacityPanel::setScope(const QString& region, const QString& pool)
{
    if (region == m_region && pool == m_pool)
        return;
    m_region = region;
    m_pool = pool;
    updateTexts();
    refreshNow();
    refreshHistory();
}

void PoolCapacityPanel::setRangeHours(int hours)
{
    if (QAbstractButton* button = m_ranges->button(hours))
        button->setChecked(true);
    if (hours == m_rangeHours || !m_ranges->button(hours))
        return;
    m_rangeHours = hours;
    refreshHistory();
}

void PoolCapacityPanel::setIdleThresholds(double percent, int minutes)
{
    m_threshold->setValue(percent);
    m_minutes->setValue(minutes);
}

QString PoolCapacityPanel::scopeRegion() const
{
    if (!m_region.isEmpty() || m_pool.isEmpty())
        return m_region;
    return m_store ? m_store->aggregate().regionOfPool(m_pool) : QString();
}

void PoolCapacityPanel::refreshNow()
{
    m_nowTimer.stop();
    const QString region = scopeRegion();
    const FleetAggregate empty;
    const FleetAggregate& fleet = m_store ? m_store->aggregate() : empty;
    const QList<ModelCapacity> models = capacityByModel(fleet, region, m_pool);
    QList<CapacityTableModel::Row> free;
    for (const ModelCapacity& m : models)
        free.append({ region, m_pool, m });
    m_freeModel->setRows(free);
    updateModelChoices(models);

    QList<CapacityTableModel::Row> rows;
    for (const PoolCapacity& p : poolCapacities(fleet, region)) {
        if (!m_pool.isEmpty() && p.pool != m_pool)
            continue;
        for (const ModelCapacity& m : p.models)
            rows.append({ p.region, p.pool, m });
    }
    m_poolModel->setRows(rows);
    refreshIdle();
    Q_EMIT nowRefreshed();
}

void PoolCapacityPanel::refreshIdle()
{
    QList<IdleAccelerator> idle = m_tracker ? m_tracker->idle() : QList<IdleAccelerator>();
    if (m_store && (!m_region.isEmpty() || !m_pool.isEmpty())) {
        const QString region = scopeRegion();
        idle.removeIf([this, &region](const IdleAccelerator& a) {
            const FleetNode* node = m_store->node(a.nodeId);
            return !node || (!region.isEmpty() && node->inventory.region != region)
                || (!m_pool.isEmpty() && node->inventory.pool != m_pool);
        });
    }
    m_idleModel->setRows(idle);
    m_idleLabel->setText(tr("Allocated but idle: %1").arg(Format::count(qint64(idle.size()))));
}

void PoolCapacityPanel::updateModelChoices(const QList<ModelCapacity>& models)
{
    QStringList names;
    for (const ModelCapacity& m : models)
        names.append(m.model);
    names.sort();
    QStringList current;
    for (int i = 1; i < m_modelChoice->count(); ++i)
        current.append(m_modelChoice->itemData(i).toString());
    if (current == names)
        return;
    const QString selected = m_modelChoice->currentData().toString();
    {
        const QSignalBlocker blocker(m_modelChoice);
        while (m_modelChoice->count() > 1)
            m_modelChoice->removeItem(1);
        for (const QString& name : std::as_const(names))
            m_modelChoice->addItem(name, name);
        const int index = m_modelChoice->findData(selected);
        m_modelChoice->setCurrentIndex(index < 0 ? 0 : index);
    }
    if (m_modelChoice->currentData().toString() != selected)
        refreshHistory();
}

void PoolCapacityPanel::refreshHistory()
{
    const quint64 generation = ++m_generation;
    if (!m_history) {
        m_chart->clear();
        Q_EMIT historyRefreshed();
        return;
    }
    // Anchored at the agents' newest time, not the console clock (see CapacityTrendPanel).
    qint64 to = m_store ? m_store->newestDataMs() : 0;
    if (to <= 0)
        to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - qint64(m_rangeHours) * 3600 * 1000;
    // A watcher, not QFuture::then(context): in Qt 6.4 a continuation attached
    // while the reader thread finishes the future can be lost.
    auto* watcher = new QFutureWatcher<CapacitySeries>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer query (another scope or range) is on its way
        const QFuture<CapacitySeries> future = watcher->future();
        if (future.isValid() && future.resultCount() > 0)
            m_chart->setSeries(future.result());
        else
            m_chart->clear();
        Q_EMIT historyRefreshed();
    });
    watcher->setFuture(
        m_history->poolCapacity(from, to, scopeRegion(), m_pool, m_modelChoice->currentData().toString()));
}

void PoolCapacityPanel::updateTexts()
{
    QString scope;
    if (!m_pool.isEmpty())
        scope = tr("Pool %1").arg(m_pool);
    else if (!m_region.isEmpty())
        scope = regionDisplayName(m_region);
    else
        scope = tr("Whole fleet");
    m_title->setText(tr("Capacity — %1").arg(scope));
    m_freeLabel->setText(tr("Free right now, by model"));
    m_poolsLabel->setText(tr("By pool and model"));
    m_historyLabel->setText(tr("Over time"));
    m_modelChoice->setItemText(0, tr("All models"));
    m_ranges->button(24)->setText(tr("24 h"));
    m_ranges->button(168)->setText(tr("7 d"));
    m_ranges->button(720)->setText(tr("30 d"));
    m_thresholdLabel->setText(tr("Utilization under"));
    m_durationLabel->setText(tr("for longer than"));
    m_minutes->setSuffix(tr(" min"));
    m_idleView->setToolTip(tr("Accelerators allocated to a job whose utilization stayed under the threshold for "
                              "longer than the duration (agent clock). Activate a row to open the node."));
    refreshIdle();
}

void PoolCapacityPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace Meridian
