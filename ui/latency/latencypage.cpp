// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencypage.h"

#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "core/util/backgroundpriority.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"
#include "ui/latency/latencycolors.h"
#include "ui/latency/latencylegend.h"
#include "ui/latency/latencymapview.h"
#include "ui/latency/latencymatrixview.h"
#include "ui/latency/mappairs.h"
#include "ui/latency/pairhistorychart.h"
#include "ui/latency/violationmodel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QPromise>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace Meridian {
namespace {

Q_LOGGING_CATEGORY(lcLatency, "meridian.latency")

constexpr int RecomputeMs = 500;
// Unseen, the matrix is still built (the pair history must not have gaps) but once per poll interval, not per
// change set, and not drawn: at 25,000 nodes copying its inputs takes the UI thread ~10 ms, drawing the map,
// matrix and violations tens of milliseconds more, and a fleet's tick arrives as dozens of change sets.
constexpr int HiddenRecomputeMs = 5000;

struct LatencyBuild
{
    LatencyMatrix matrix;
    LatencyHistory history;
};

// The matrix of a 25,000-node fleet, and its record into the pair history, take 100-200 ms: on a pool thread,
// at background priority, from shared copies — of what the build reads of each node (LatencyInputs, never the
// store's own table), and of the history (the worker's record detaches its copy).
QFuture<LatencyBuild> buildInBackground(LatencyInputs::Chunks inputs, LatencyHistory history)
{
    auto promise = std::make_shared<QPromise<LatencyBuild>>();
    QFuture<LatencyBuild> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, inputs = std::move(inputs), history = std::move(history)]() mutable {
        lowerCurrentThreadToBackground();
        LatencyBuild build;
        build.matrix = LatencyMatrix::build(LatencyInputs::flatten(inputs));
        inputs = {}; // released here: the UI thread's next change need not copy the chunks
        history.record(build.matrix);
        build.history = std::move(history);
        promise->addResult(std::move(build));
        promise->finish();
    });
    return future;
}

} // namespace

LatencyPage::LatencyPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_past(context.history)
    , m_tabs(new QTabWidget)
    , m_map(new LatencyMapView)
    , m_heatmap(new LatencyMatrixView)
    , m_levelBox(new QComboBox)
    , m_statBox(new QComboBox)
    , m_history(new PairHistoryChart)
    , m_violations(new ViolationModel(this))
    , m_violationView(new QTableView)
    , m_violationSummary(new QLabel)
    , m_mapSummary(new QLabel)
    , m_targets(loadTargets())
{
    QString error;
    LandMap land = LandMap::load(QStringLiteral(":/map/land-cn.bin"), &error);
    if (!error.isEmpty())
        qCWarning(lcLatency) << error;
    m_map->setLand(std::move(land));

    auto* mapPage = new QWidget;
    auto* mapLayout = new QVBoxLayout(mapPage);
    m_mapSummary->setWordWrap(true);
    mapLayout->addWidget(m_mapSummary);
    mapLayout->addWidget(m_map, 1);

    auto* matrixPage = new QWidget;
    auto* matrixLayout = new QVBoxLayout(matrixPage);
    auto* controls = new QHBoxLayout;
    m_levelBox->addItem(tr("Sites"));
    m_levelBox->addItem(tr("Pools"));
    m_levelBox->addItem(tr("Nodes"));
    m_statBox->addItem(tr("p50"));
    m_statBox->addItem(tr("p99"));
    m_statBox->addItem(tr("Loss"));
    controls->addWidget(new QLabel(tr("Level:")));
    controls->addWidget(m_levelBox);
    controls->addWidget(new QLabel(tr("Value in cells:")));
    controls->addWidget(m_statBox);
    auto* hint
        = new QLabel(tr("Rows probe columns; colour: p50 against the pair's target. Zoom in (wheel) for the "
                        "values; double-click a site or pool for its nodes; click a cell for the pair's history."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    controls->addWidget(hint, 1);
    matrixLayout->addLayout(controls);
    matrixLayout->addWidget(m_heatmap, 1);
    m_heatmap->setColorTable(LatencyColors::verdictTable(m_heatmap->palette()));
    m_heatmap->setToolTipProvider([this](int row, int col) { return cellToolTip(row, col); });
    m_heatmap->setCellTextProvider([this](int row, int col) { return cellText(row, col); });

    auto* violationPage = new QWidget;
    auto* violationLayout = new QVBoxLayout(violationPage);
    m_violationSummary->setWordWrap(true);
    violationLayout->addWidget(m_violationSummary);
    violationLayout->addWidget(m_violationView, 1);
    m_violationView->setModel(m_violations);
    m_violationView->verticalHeader()->hide();
    m_violationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_violationView->setObjectName(QStringLiteral("violationTable"));
    m_violationView->setWordWrap(false);
    ViewState::attach(m_violationView, tr("No site pair breaks its target"), m_store);
    TableLayout::apply(m_violationView, QStringLiteral("latency/violations"),
        { .identifiers = { ViolationModel::From, ViolationModel::To } });

    m_tabs->addTab(mapPage, tr("Map"));
    m_tabs->addTab(matrixPage, tr("Matrix"));
    m_tabs->addTab(m_history, tr("Pair history"));
    m_tabs->addTab(violationPage, tr("Violations"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_map, &LatencyMapView::edgeClicked, this, [this](int edge) {
        if (edge >= 0 && edge < m_edgePairs.size())
            openPair(LatencyLevel::Site, m_edgePairs[edge].first, m_edgePairs[edge].second);
    });
    connect(
        m_heatmap, &LatencyMatrixView::cellClicked, this, [this](int row, int col) { openPair(level(), row, col); });
    connect(m_heatmap, &LatencyMatrixView::cellDoubleClicked, this, [this](int row, int) {
        // Zoom from a site or pool to its nodes: the node block of that row.
        const LatencyLevel from = level();
        if (from == LatencyLevel::Node)
            return;
        const LatencyTopology& t = m_matrix.topology();
        int first = -1, count = 0;
        for (int n = 0; n < t.nodes.size(); ++n) {
            const bool inside
                = from == LatencyLevel::Site ? t.siteOf(LatencyLevel::Node, n) == row : t.nodePool[n] == row;
            if (inside) {
                first = first < 0 ? n : first;
                ++count;
            }
        }
        setLevel(LatencyLevel::Node);
        if (count > 0)
            m_heatmap->zoomToCells(first, count, first, count);
    });
    connect(m_violationView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const Violation& v = m_violations->violation(index.row());
        const LatencyTopology& t = m_matrix.topology();
        openPair(LatencyLevel::Site, t.siteIndex.value(v.from, -1), t.siteIndex.value(v.to, -1));
    });
    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] { updateMatrix(); });
    connect(m_statBox, &QComboBox::currentIndexChanged, this, [this] { updateMatrix(); });

    m_recomputeTimer.setSingleShot(true);
    m_recomputeTimer.setInterval(RecomputeMs);
    connect(&m_recomputeTimer, &QTimer::timeout, this, &LatencyPage::recompute);
    connect(m_store, &FleetStore::changed, this, &LatencyPage::onStoreChanged);
    m_inputs.reset(m_store->nodes());
    recompute();
}

LatencyPage::~LatencyPage() = default;

LatencyTargets LatencyPage::loadTargets()
{
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                             .filePath(QStringLiteral("latency-targets.json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString error;
    LatencyTargets t = LatencyTargets::fromJson(f.read(64 * 1024 + 1), &error);
    if (!error.isEmpty())
        qCWarning(lcLatency) << path << error;
    return t;
}

void LatencyPage::setTargets(const LatencyTargets& targets)
{
    m_targets = targets;
    showMatrix(); // the same matrix, judged against other targets
}

LatencyLevel LatencyPage::level() const
{
    return LatencyLevel(std::clamp(m_levelBox->currentIndex(), 0, 2));
}

void LatencyPage::setLevel(LatencyLevel level)
{
    m_levelBox->setCurrentIndex(int(level));
}

void LatencyPage::onStoreChanged(const FleetChangeSet& changes)
{
    m_inputs.apply(m_store->nodes(), changes);
    if (!m_recomputeTimer.isActive())
        m_recomputeTimer.start(isVisible() ? RecomputeMs : HiddenRecomputeMs);
}

void LatencyPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_showWhenVisible, false))
        showMatrix();
    // What changed while the page was hidden is shown now, not at the end of the hidden interval.
    if (m_recomputeTimer.isActive()) {
        m_recomputeTimer.stop();
        recompute();
    }
}

void LatencyPage::recompute()
{
    if (m_building) {
        m_buildAgain = true;
        return;
    }
    m_building = true;
    whenReady(this, buildInBackground(m_inputs.chunks(), m_pairHistory), [this](LatencyBuild build) {
        m_building = false;
        // The previous matrix and history are freed on a pool thread: 40-60 ms of the UI thread's at 25,000 nodes.
        auto previous = std::make_shared<LatencyBuild>(LatencyBuild {
            std::exchange(m_matrix, std::move(build.matrix)), std::exchange(m_pairHistory, std::move(build.history)) });
        QThreadPool::globalInstance()->start([previous = std::move(previous)]() mutable { previous.reset(); });
        if (isVisible())
            showMatrix();
        else
            m_showWhenVisible = true;
        if (std::exchange(m_buildAgain, false))
            recompute();
    });
}

void LatencyPage::showMatrix()
{
    updateMap();
    updateMatrix();
    updateViolations();
    if (m_tabs->currentWidget() == m_history)
        m_history->refresh();
    Q_EMIT recomputed();
}

QString LatencyPage::siteLabel(int site) const
{
    const auto& sites = m_matrix.topology().sites;
    // Known sites read in the user's language (乌兰察布, 芜湖 …); others as reported.
    return site >= 0 && site < sites.size() ? regionDisplayName(sites[site].name) : QString();
}

void LatencyPage::updateMap()
{
    const LatencyTopology& t = m_matrix.topology();
    QList<MapSite> sites;
    QList<int> mapIndex(t.sites.size(), -1);
    for (int i = 0; i < t.sites.size(); ++i) {
        const SiteInfo& s = t.sites[i];
        if (!s.hasLocation())
            continue; // no coordinates: in the matrix only
        mapIndex[i] = int(sites.size());
        sites.append({ s.id, siteLabel(i), s.longitude, s.latitude, s.accelerators,
            LatencyColors::siteHealth(s.nodes, s.nodesDown),
            tr("%1 (%2)\n%3 nodes, %4 down, %5 accelerators")
                .arg(siteLabel(i), regionDisplayName(s.region))
                .arg(s.nodes)
                .arg(s.nodesDown)
                .arg(s.accelerators) });
    }
    const QList<MapPair> pairs = mapPairs(m_matrix, m_targets, mapIndex);
    QList<MapEdge> edges;
    m_edgePairs.clear();
    int violating = 0;
    const QPalette pal = m_map->palette();
    for (const MapPair& pair : pairs) {
        violating += pair.violations;
        const auto [a, b] = pair.worse;
        const PairStats& s = m_matrix.pairs(LatencyLevel::Site)[LatencyMatrix::key(a, b)];
        MapEdge e;
        e.from = mapIndex[a];
        e.to = mapIndex[b];
        e.selected = !m_path.first.isEmpty()
            && ((t.sites[a].id == m_path.first && t.sites[b].id == m_path.second)
                || (t.sites[b].id == m_path.first && t.sites[a].id == m_path.second));
        e.color = LatencyColors::verdictColor(pair.verdict, pal);
        e.cut = pair.verdict == TargetVerdict::Lost;
        e.violation = pair.verdict == TargetVerdict::Over || e.cut;
        e.highlight = e.violation || pair.verdict == TargetVerdict::Near;
        e.label
            = e.cut ? tr("lost") : tr("%1 / %2 ms").arg(Format::milliseconds(s.p50Ms), Format::milliseconds(s.p99Ms));
        e.toolTip = edgeToolTip(a, b);
        edges.append(e);
        m_edgePairs.append(pair.worse);
    }
    m_map->setSites(sites);
    m_map->setEdges(edges);
    // The count of violations is the Violations tab's (LatencyMatrix::violations); the map draws only
    // pairs between two sites with coordinates, so it says how many of them it shows.
    const int violations = int(m_matrix.violations(LatencyLevel::Site, m_targets).size());
    QString summary
        = tr("%n site pair(s) on the map, each line the worse of its two directions; ", nullptr, int(edges.size()))
        + tr("%n direction(s) break their target", nullptr, violations);
    if (violating < violations)
        summary += tr(" (%n of them on the map; the others are within one site or between sites without coordinates)",
            nullptr, violating);
    const QString blank = ViewState::fleetBlankText(m_store);
    m_mapSummary->setText(!blank.isEmpty() ? blank
            : sites.isEmpty()
            ? tr("No site coordinates yet: sites appear once their agents report a location (labels lat/lon).")
            : summary + tr(". Click an edge for its history."));
}

QString LatencyPage::edgeToolTip(int a, int b) const
{
    // Both directions: the line shows the worse one.
    const LatencyTopology& t = m_matrix.topology();
    const PairClass c = t.classify(LatencyLevel::Site, a, b);
    const LatencyTarget target = m_targets.target(c);
    QStringList lines { tr("%1 ↔ %2 (%3), target p50 ≤ %4 ms")
                            .arg(siteLabel(a), siteLabel(b), ViolationModel::className(c),
                                Format::milliseconds(target.p50Ms)) };
    for (const auto& [from, to] : { std::pair { a, b }, std::pair { b, a } }) {
        const PairStats s = m_matrix.stats(LatencyLevel::Site, from, to);
        lines << (s.hasData()
                ? tr("%1 → %2: p50 %3 ms, p99 %4 ms, loss %5 — %6")
                      .arg(siteLabel(from), siteLabel(to), Format::milliseconds(s.p50Ms), Format::milliseconds(s.p99Ms),
                          Format::percentOfOne(s.loss), LatencyLegend::verdictName(verdict(s, target)))
                : tr("%1 → %2: not probed").arg(siteLabel(from), siteLabel(to)));
    }
    return lines.join(u'\n');
}

QString LatencyPage::mapSummary() const
{
    return m_mapSummary->text();
}

void LatencyPage::updateMatrix()
{
    // Cells coloured by where the pair stands against its own target (the map's verdicts); the chosen
    // statistic is written in the cells once they are large enough to hold it.
    const LatencyLevel lv = level();
    const LatencyTopology& t = m_matrix.topology();
    const int n = t.count(lv);
    auto grid = std::make_shared<HeatmapGrid>(n, n);
    std::vector<quint8> cells(size_t(n) * size_t(n), 0);
    const auto& pairs = m_matrix.pairs(lv);
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
        const LatencyTarget& target = m_targets.target(t.classify(lv, a, b));
        cells[size_t(a) * size_t(n) + size_t(b)] = LatencyColors::verdictIndex(verdict(*it, target));
    }
    grid->fillIndexes(std::move(cells));
    m_heatmap->setBlockStarts(m_matrix.topology().blockStarts(lv));
    QStringList labels;
    for (int i = 0; i < n && n <= 400; ++i)
        labels.append(lv == LatencyLevel::Site ? siteLabel(i) : m_matrix.topology().id(lv, i));
    m_heatmap->setAxisLabels(labels);
    const QString blank = ViewState::fleetBlankText(m_store);
    m_heatmap->setEmptyText(!blank.isEmpty() ? blank
            : n == 0                         ? tr("No probe results yet: nodes probe each other once their agents run")
                                             : QString());
    m_heatmap->setGrid(grid);
}

void LatencyPage::updateViolations()
{
    const QList<Violation> now = m_matrix.violations(LatencyLevel::Site, m_targets);
    m_violations->setViolations(now);
    // Violating windows over the last hour, all site pairs: the count reports reuse.
    const LatencyTopology& t = m_matrix.topology();
    const qint64 to = m_matrix.newestWindowMs();
    int windows = 0;
    for (auto it = m_matrix.pairs(LatencyLevel::Site).cbegin(); it != m_matrix.pairs(LatencyLevel::Site).cend(); ++it) {
        const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
        const QList<PairPoint> points = m_pairHistory.points(
            LatencyLevel::Site, t.id(LatencyLevel::Site, a), t.id(LatencyLevel::Site, b), to - 3600 * 1000, to);
        windows += countViolations(points, m_targets.target(t.classify(LatencyLevel::Site, a, b)));
    }
    m_violationSummary->setText(tr("%n site pair(s) break their target now; ", nullptr, int(now.size()))
        + tr("%n violating probe window(s) in the last hour. Targets: latency-targets.json in the "
             "configuration directory (see docs/latency.md).",
            nullptr, windows));
}

QString LatencyPage::pairTitle(LatencyLevel level, int from, int to) const
{
    const LatencyTopology& t = m_matrix.topology();
    const PairClass c = t.classify(level, from, to);
    const LatencyTarget target = m_targets.target(c);
    const QString a = level == LatencyLevel::Site ? siteLabel(from) : t.id(level, from);
    const QString b = level == LatencyLevel::Site ? siteLabel(to) : t.id(level, to);
    return tr("%1 → %2 (%3): target p50 ≤ %4 ms, loss ≤ %5")
        .arg(a, b, ViolationModel::className(c), Format::milliseconds(target.p50Ms), Format::percentOfOne(target.loss));
}

void LatencyPage::showPath(const QString& fromSite, const QString& toSite)
{
    m_path = { fromSite, toSite };
    updateMap();
    m_tabs->setCurrentIndex(MapTab);
}

void LatencyPage::openPair(LatencyLevel level, int from, int to)
{
    const LatencyTopology& t = m_matrix.topology();
    if (from < 0 || to < 0 || from >= t.count(level) || to >= t.count(level))
        return;
    const QString a = t.id(level, from), b = t.id(level, to);
    const QString title = pairTitle(level, from, to);
    const LatencyTarget target = m_targets.target(t.classify(level, from, to));
    // The live history at once; the cache's (site and node pairs) replaces it when it answers.
    auto live
        = [this, level, a, b](qint64 fromMs, qint64 toMs) { return m_pairHistory.points(level, a, b, fromMs, toMs); };
    m_history->showPair(title, target, live);
    m_tabs->setCurrentWidget(m_history);
    const quint64 request = ++m_pairRequest;
    if (!m_past || level == LatencyLevel::Pool)
        return;
    whenReady(this, m_past->probes(level == LatencyLevel::Site, a, b, 0, std::numeric_limits<qint64>::max()),
        [this, request, title, target, live](const QList<PairPoint>& cached) {
            if (request != m_pairRequest || cached.isEmpty())
                return; // another pair was opened meanwhile, or nothing persisted yet
            m_history->showPair(title, target, [cached, live](qint64 fromMs, qint64 toMs) {
                // Persisted windows, then the live ones newer than the cache's last.
                QList<PairPoint> out;
                for (const PairPoint& p : cached)
                    if (p.timestampMs >= fromMs && p.timestampMs <= toMs)
                        out.append(p);
                for (const PairPoint& p : live(cached.last().timestampMs + 1, toMs))
                    out.append(p);
                return out;
            });
        });
}

QString LatencyPage::cellText(int row, int col) const
{
    const PairStats s = m_matrix.stats(level(), row, col);
    if (!s.hasData())
        return {};
    const LatencyStat stat = LatencyStat(std::clamp(m_statBox->currentIndex(), 0, 2));
    if (stat == LatencyStat::Loss)
        return Format::percentOfOne(s.loss);
    const double v = s.value(stat);
    return std::isnan(v) && !std::isnan(s.loss) && s.loss >= LostLoss ? tr("lost") : Format::milliseconds(v);
}

QString LatencyPage::cellToolTip(int row, int col) const
{
    const LatencyLevel lv = level();
    const LatencyTopology& t = m_matrix.topology();
    const PairStats s = m_matrix.stats(lv, row, col);
    const QString a = lv == LatencyLevel::Site ? siteLabel(row) : t.id(lv, row);
    const QString b = lv == LatencyLevel::Site ? siteLabel(col) : t.id(lv, col);
    if (!s.hasData())
        return tr("%1 → %2: not probed").arg(a, b);
    const LatencyTarget& target = m_targets.target(t.classify(lv, row, col));
    return tr("%1 → %2\np50 %3 ms, p99 %4 ms, loss %5 (%n probe(s))", nullptr, s.probes)
               .arg(a, b, Format::milliseconds(s.p50Ms), Format::milliseconds(s.p99Ms), Format::percentOfOne(s.loss))
        + u'\n'
        + tr("target p50 ≤ %1 ms: %2")
              .arg(Format::milliseconds(target.p50Ms), LatencyLegend::verdictName(verdict(s, target)));
}

} // namespace Meridian
