// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/nodedetailview.h"

#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/pools/accelerators/acceleratortablemodel.h"
#include "ui/pools/accelerators/historychart.h"
#include "ui/pools/accelerators/nodeinventorypanel.h"
#include "ui/pools/accelerators/nodelistmodels.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Meridian {

namespace {
constexpr qint64 HourMs = 3600LL * 1000;
constexpr std::array<qint64, 4> Ranges { HourMs, 24 * HourMs, 7 * 24 * HourMs, 30 * 24 * HourMs };

double liveValue(const Protocol::AcceleratorSample& s, AcceleratorMetric metric)
{
    switch (metric) {
    case AcceleratorMetric::Utilization:
        return s.utilization;
    case AcceleratorMetric::MemoryUsedBytes:
        return s.memoryUsedBytes;
    case AcceleratorMetric::TemperatureC:
        return s.temperatureC;
    case AcceleratorMetric::PowerW:
        return s.powerW;
    case AcceleratorMetric::EccSingleBitTotal:
        return s.eccSingleBitTotal;
    case AcceleratorMetric::EccDoubleBitTotal:
        return s.eccDoubleBitTotal;
    case AcceleratorMetric::Health:
        return s.health == Protocol::AcceleratorHealth::Unknown ? Protocol::Missing : double(s.health);
    }
    return Protocol::Missing;
}

QTableView* makeDetailTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    return view;
}
} // namespace

NodeDetailView::NodeDetailView(const FleetStore* store, FleetHistory* past, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_history(past)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(Theme::Margin, Theme::Margin, Theme::Margin, Theme::Margin);
    outer->setSpacing(Theme::Spacing);

    auto* top = new QHBoxLayout;
    auto* back = new QPushButton(this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    back->setShortcut(QKeySequence::Back);
    m_backButton = back;
    connect(back, &QPushButton::clicked, this, &NodeDetailView::closed);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(back);
    top->addWidget(m_title, 1);
    outer->addLayout(top);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    auto* upper = new QSplitter(Qt::Horizontal, vertical);
    m_inventory = new NodeInventoryPanel;
    auto* scroll = new QScrollArea(upper);
    scroll->setWidget(m_inventory);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // A scroll area hints at almost no width; the inventory's values must stay readable beside the table.
    scroll->setMinimumWidth(320);
    m_accelModel = new AcceleratorTableModel(this);
    m_accelTable = makeDetailTable(m_accelModel, upper);
    m_accelTable->setObjectName(QStringLiteral("acceleratorTable"));
    // What a narrow screen can spare (UUID, single-bit ECC) is on demand in the header menu; the job
    // stretched: the table fits 1366×768 without sideways scrolling.
    TableLayout::apply(m_accelTable, QStringLiteral("pools/nodeAccelerators"),
        { .key = AcceleratorTableModel::Job,
            .identifiers = { AcceleratorTableModel::Uuid, AcceleratorTableModel::Job },
            .widestChars = 16,
            .hidden = { AcceleratorTableModel::Uuid, AcceleratorTableModel::EccSingle } });
    upper->addWidget(scroll);
    upper->addWidget(m_accelTable);
    upper->setStretchFactor(1, 3);
    connect(m_accelTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            const int index = m_accelModel->acceleratorIndex(current.row());
            if (index >= 0 && index != m_accelerator) {
                m_accelerator = index;
                m_customRange = {};
                requestHistory();
            }
        });

    // History: metric, range, where it comes from, the plot.
    auto* history = new QWidget(vertical);
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    m_metricCombo = new QComboBox(history);
    m_metricCombo->setObjectName(QStringLiteral("metricCombo"));
    controls->addWidget(m_metricCombo);
    m_rangeGroup = new QButtonGroup(this);
    m_rangeGroup->setExclusive(true);
    for (int i = 0; i < int(Ranges.size()); ++i) {
        auto* button = new QToolButton(history);
        button->setCheckable(true);
        button->setChecked(i == 0);
        m_rangeGroup->addButton(button, i);
        controls->addWidget(button);
    }
    connect(m_rangeGroup, &QButtonGroup::idClicked, this, [this](int id) { setHistoryRange(Ranges.at(id)); });
    m_sourceLabel = new QLabel(history);
    m_sourceLabel->setForegroundRole(QPalette::PlaceholderText);
    m_sourceLabel->setWordWrap(true);
    controls->addWidget(m_sourceLabel, 1);
    historyLayout->addLayout(controls);
    m_chart = new HistoryChart(history);
    historyLayout->addWidget(m_chart, 1);
    connect(m_chart, &HistoryChart::viewRangeChanged, this, &NodeDetailView::setHistoryWindow);
    connect(m_metricCombo, &QComboBox::activated, this,
        [this](int row) { setHistoryMetric(m_metricCombo->itemData(row).toInt()); });

    auto* tabs = new QTabWidget(vertical);
    m_tabs = tabs;
    m_eventsModel = new NodeEventsModel(this);
    m_eventsTable = makeDetailTable(m_eventsModel, tabs);
    m_jobsModel = new NodeJobsModel(this);
    m_jobsTable = makeDetailTable(m_jobsModel, tabs);
    m_eventsTable->setObjectName(QStringLiteral("nodeEventsTable"));
    m_jobsTable->setObjectName(QStringLiteral("nodeJobsTable"));
    TableLayout::apply(m_eventsTable, QStringLiteral("pools/nodeEvents"),
        { .key = NodeEventsModel::Message, .widestChars = 16, .hidden = { NodeEventsModel::Code } });
    TableLayout::apply(m_jobsTable, QStringLiteral("pools/nodeJobs"),
        { .key = NodeJobsModel::Name, .identifiers = { NodeJobsModel::Job } });
    ViewState::attach(m_accelTable, tr("This node reports no accelerators"));
    ViewState::attach(m_eventsTable, tr("No events for this node"));
    ViewState::attach(m_jobsTable, tr("No jobs on this node"));
    tabs->addTab(m_eventsTable, QString());
    tabs->addTab(m_jobsTable, QString());
    vertical->addWidget(upper);
    vertical->addWidget(history);
    vertical->addWidget(tabs);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    vertical->setStretchFactor(2, 2);
    outer->addWidget(vertical, 1);

    // Persisted history grows one 5-minute window at a time; look again now and then.
    m_historyTimer.setInterval(60 * 1000);
    connect(&m_historyTimer, &QTimer::timeout, this, [this] {
        if (!m_customRange.first && isVisible())
            requestHistory();
    });
    if (m_store)
        connect(m_store, &FleetStore::changed, this, &NodeDetailView::onStoreChanged);
    updateTexts();
}

NodeDetailView::~NodeDetailView() = default;

void NodeDetailView::updateTexts()
{
    qobject_cast<QPushButton*>(m_backButton)->setText(tr("Back"));
    const QStringList rangeNames { tr("1 h"), tr("24 h"), tr("7 d"), tr("30 d") };
    for (int i = 0; i < rangeNames.size(); ++i)
        m_rangeGroup->button(i)->setText(rangeNames.at(i));
    const std::pair<AcceleratorMetric, QString> metrics[] {
        { AcceleratorMetric::Utilization, tr("Utilization (%)") },
        { AcceleratorMetric::MemoryUsedBytes, tr("Memory used (GiB)") },
        { AcceleratorMetric::TemperatureC, tr("Temperature (°C)") },
        { AcceleratorMetric::PowerW, tr("Power (W)") },
        { AcceleratorMetric::EccSingleBitTotal, tr("ECC single-bit errors") },
        { AcceleratorMetric::EccDoubleBitTotal, tr("ECC double-bit errors") },
        { AcceleratorMetric::Health, tr("Health (0 unknown … 3 faulty)") },
    };
    m_metricCombo->clear();
    for (const auto& [metric, name] : metrics)
        m_metricCombo->addItem(name, int(metric));
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(m_metric));
    m_tabs->setTabText(0, tr("Events"));
    m_tabs->setTabText(1, tr("Jobs"));
    m_sourceLabel->setText(tr("History: the console's cache (stored in 5-minute windows; the newest minutes may "
                              "not be stored yet). The dot is the live sample."));
    refreshLive();
}

void NodeDetailView::showNode(const QString& nodeId)
{
    showAccelerator(nodeId, -1);
}

void NodeDetailView::showAccelerator(const QString& nodeId, int index)
{
    const bool newNode = nodeId != m_nodeId;
    m_nodeId = nodeId;
    m_customRange = {};
    m_newestEventId = -1;
    if (newNode)
        m_chart->clear(tr("Loading…"));
    refreshLive();
    const FleetNode* node = m_store ? m_store->node(nodeId) : nullptr;
    if (index < 0)
        index = node && !node->inventory.accelerators.isEmpty() ? node->inventory.accelerators.first().index : 0;
    m_accelerator = index;
    const int row = m_accelModel->rowOfAccelerator(index);
    if (row >= 0) {
        QSignalBlocker block(m_accelTable->selectionModel());
        m_accelTable->selectRow(row);
    }
    requestHistory();
    requestEvents();
    m_historyTimer.start();
}

void NodeDetailView::setHistoryRange(qint64 spanMs)
{
    m_spanMs = spanMs;
    m_customRange = {};
    for (int i = 0; i < int(Ranges.size()); ++i)
        if (Ranges.at(i) == spanMs)
            m_rangeGroup->button(i)->setChecked(true);
    requestHistory();
}

void NodeDetailView::setHistoryWindow(qint64 fromMs, qint64 toMs)
{
    m_customRange = { fromMs, std::max(toMs, fromMs + 1) };
    requestHistory();
}

void NodeDetailView::setHistoryMetric(int acceleratorMetric)
{
    m_metric = acceleratorMetric;
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(acceleratorMetric));
    requestHistory();
}

void NodeDetailView::onStoreChanged(const FleetChangeSet& changes)
{
    if (m_nodeId.isEmpty())
        return;
    if (changes.updatedNodes.contains(m_nodeId) || changes.addedNodes.contains(m_nodeId)
        || changes.removedNodes.contains(m_nodeId) || changes.inventoryChanged || changes.restoredFromCache)
        refreshLive();
}

double NodeDetailView::historyScale() const
{
    return AcceleratorMetric(m_metric) == AcceleratorMetric::MemoryUsedBytes ? 1.0 / double(1LL << 30) : 1.0;
}

void NodeDetailView::refreshLive()
{
    const FleetNode* node = m_store && !m_nodeId.isEmpty() ? m_store->node(m_nodeId) : nullptr;
    m_inventory->setNode(node);
    m_accelModel->setNode(node);
    m_jobsModel->setJobs(node ? node->snapshot.jobs : QList<Protocol::JobPlacement>());
    if (!node) {
        m_title->setText(m_nodeId.isEmpty() ? QString() : tr("%1 (not in the fleet)").arg(m_nodeId));
        return;
    }
    const QString host = node->inventory.hostname.isEmpty() ? m_nodeId : node->inventory.hostname;
    m_title->setText(
        tr("%1 — %2 / %3 / %4")
            .arg(host, regionDisplayName(node->inventory.region), node->inventory.pool, node->inventory.rack));
    const Protocol::Sample& sample = node->snapshot.sample;
    double value = Protocol::Missing;
    for (const Protocol::AcceleratorSample& s : sample.accelerators)
        if (s.index == m_accelerator)
            value = liveValue(s, AcceleratorMetric(m_metric));
    if (sample.seq != 0)
        m_chart->setLivePoint(sample.timestampMs, value);
    if (node->snapshot.newestEventId != m_newestEventId && m_newestEventId >= 0)
        requestEvents();
}

void NodeDetailView::requestHistory()
{
    if (m_nodeId.isEmpty() || !m_history)
        return;
    const int generation = ++m_generation;
    qint64 from = m_customRange.first, to = m_customRange.second;
    if (from == 0 && to == 0) {
        // The range ends at the node's own newest sample (agent clock), or now when it never answered.
        const FleetNode* node = m_store ? m_store->node(m_nodeId) : nullptr;
        to = node && node->snapshot.sample.seq != 0 ? node->snapshot.sample.timestampMs
                                                    : QDateTime::currentMSecsSinceEpoch();
        from = to - m_spanMs;
    }
    const int maxPoints = m_maxPoints > 0 ? m_maxPoints : std::clamp(m_chart->width(), 200, 2000);
    const double scale = historyScale();
    const QString unit = m_metricCombo->currentText();
    // The plot says whose history it is: node, accelerator and metric.
    m_chart->setTitle(tr("%1 · accelerator %2 · %3").arg(m_nodeId).arg(m_accelerator).arg(unit));
    whenReady(this, m_history->accelerator(m_nodeId, m_accelerator, AcceleratorMetric(m_metric), from, to, maxPoints),
        [this, generation, scale, unit](const MetricSeries& series) {
            if (generation != m_generation)
                return; // the user moved on: a newer query is in flight
            m_chart->setSeries(series, scale, unit);
            refreshLive(); // the live dot, in the series' scale
            Q_EMIT historyLoaded();
        });
}

void NodeDetailView::requestEvents()
{
    if (m_nodeId.isEmpty() || !m_history)
        return;
    const int generation = ++m_eventsGeneration;
    const FleetNode* node = m_store ? m_store->node(m_nodeId) : nullptr;
    m_newestEventId = node ? node->snapshot.newestEventId : 0;
    EventFilter filter;
    filter.nodeId = m_nodeId;
    filter.limit = 500;
    whenReady(this, m_history->events(filter), [this, generation](const QList<Protocol::Event>& events) {
        if (generation != m_eventsGeneration)
            return;
        m_eventsModel->setEvents(events);
        Q_EMIT eventsLoaded();
    });
}

void NodeDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace Meridian
