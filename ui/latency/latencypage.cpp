// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencypage.h"

#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/latency/latencycolors.h"
#include "ui/latency/latencymapview.h"
#include "ui/latency/latencymatrixview.h"
#include "ui/latency/pairhistorychart.h"
#include "ui/latency/violationmodel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

namespace Meridian {
namespace {

Q_LOGGING_CATEGORY(lcLatency, "meridian.latency")

constexpr int RecomputeMs = 500;

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
    controls->addWidget(new QLabel(tr("Statistic:")));
    controls->addWidget(m_statBox);
    auto* hint = new QLabel(tr("Rows probe columns. Double-click a site or pool to zoom in to its nodes; "
                               "click a cell for the pair's history."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    controls->addWidget(hint, 1);
    matrixLayout->addLayout(controls);
    matrixLayout->addWidget(m_heatmap, 1);
    m_heatmap->setColorTable(LatencyColors::heatmapTable());
    m_heatmap->setToolTipProvider([this](int row, int col) { return cellToolTip(row, col); });

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
    recompute();
}

LatencyLevel LatencyPage::level() const
{
    return LatencyLevel(std::clamp(m_levelBox->currentIndex(), 0, 2));
}

void LatencyPage::setLevel(LatencyLevel level)
{
    m_levelBox->setCurrentIndex(int(level));
}

void LatencyPage::onStoreChanged(const FleetChangeSet&)
{
    if (!m_recomputeTimer.isActive())
        m_recomputeTimer.start();
}

void LatencyPage::recompute()
{
    m_matrix = LatencyMatrix::build(m_store->nodes());
    m_pairHistory.record(m_matrix);
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
    QList<MapEdge> edges;
    m_edgePairs.clear();
    int violating = 0;
    const auto& pairs = m_matrix.pairs(LatencyLevel::Site);
    QList<quint64> keys = pairs.keys();
    std::sort(keys.begin(), keys.end()); // stable edge order between recomputes
    for (quint64 key : std::as_const(keys)) {
        const int a = int(key >> 32), b = int(key & 0xffffffffu);
        if (a == b || mapIndex.value(a) < 0 || mapIndex.value(b) < 0)
            continue;
        const PairStats& s = pairs[key];
        const PairClass c = t.classify(LatencyLevel::Site, a, b);
        const LatencyTarget target = m_targets.target(c);
        violating += m_targets.violates(c, s) ? 1 : 0;
        MapEdge e;
        e.from = mapIndex[a];
        e.to = mapIndex[b];
        e.selected = !m_path.first.isEmpty() && t.sites[a].id == m_path.first && t.sites[b].id == m_path.second;
        e.color = LatencyColors::againstTarget(s, target);
        e.cut = !std::isnan(s.loss) && s.loss >= 0.999;
        e.highlight = e.color != LatencyColors::againstTarget(PairStats { 0.0, 0.0, 0.0, 1, 0 }, target);
        e.label
            = e.cut ? tr("lost") : tr("%1 / %2 ms").arg(Format::milliseconds(s.p50Ms), Format::milliseconds(s.p99Ms));
        e.toolTip
            = tr("%1 → %2 (%3)\np50 %4 ms, p99 %5 ms, loss %6\ntarget p50 ≤ %7 ms")
                  .arg(siteLabel(a), siteLabel(b), ViolationModel::className(c), Format::milliseconds(s.p50Ms),
                      Format::milliseconds(s.p99Ms), Format::percentOfOne(s.loss), Format::milliseconds(target.p50Ms));
        edges.append(e);
        m_edgePairs.append({ a, b });
    }
    m_map->setSites(sites);
    m_map->setEdges(edges);
    // The count of violations is the Violations tab's (LatencyMatrix::violations); the map draws only
    // pairs between two sites with coordinates, so it says how many of them it shows.
    const int violations = int(m_matrix.violations(LatencyLevel::Site, m_targets).size());
    QString summary = tr("%n site pair(s) measured; ", nullptr, int(edges.size()))
        + tr("%n break their target", nullptr, violations);
    if (violating < violations)
        summary += tr(" (%n on the map; the others are within one site or between sites without coordinates)", nullptr,
            violating);
    m_mapSummary->setText(sites.isEmpty()
            ? tr("No site coordinates yet: sites appear once their agents report a location (labels lat/lon).")
            : summary + tr(". Click an edge for its history."));
}

QString LatencyPage::mapSummary() const
{
    return m_mapSummary->text();
}

void LatencyPage::updateMatrix()
{
    const LatencyLevel lv = level();
    const LatencyStat stat = LatencyStat(std::clamp(m_statBox->currentIndex(), 0, 2));
    const int n = m_matrix.topology().count(lv);
    auto grid = std::make_shared<HeatmapGrid>(n, n);
    if (stat == LatencyStat::Loss) {
        grid->setScale(0.0, 0.2, HeatmapGrid::Scale::Linear);
        m_heatmap->setLegendLabels(tr("0%"), tr("≥ 20%"));
    } else {
        grid->setScale(0.02, 200.0, HeatmapGrid::Scale::Log);
        m_heatmap->setLegendLabels(tr("0.02 ms"), tr("200 ms"));
    }
    std::vector<quint8> cells(size_t(n) * size_t(n), 0);
    const auto& pairs = m_matrix.pairs(lv);
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
        double v = it->value(stat);
        if (std::isnan(v) && stat != LatencyStat::Loss && !std::isnan(it->loss) && it->loss >= 0.999)
            v = grid->high(); // all lost: worst colour, not "no data"
        cells[size_t(a) * size_t(n) + size_t(b)] = grid->quantise(v);
    }
    grid->fillIndexes(std::move(cells));
    m_heatmap->setBlockStarts(m_matrix.topology().blockStarts(lv));
    QStringList labels;
    for (int i = 0; i < n && n <= 400; ++i)
        labels.append(lv == LatencyLevel::Site ? siteLabel(i) : m_matrix.topology().id(lv, i));
    m_heatmap->setAxisLabels(labels);
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

QString LatencyPage::cellToolTip(int row, int col) const
{
    const LatencyLevel lv = level();
    const LatencyTopology& t = m_matrix.topology();
    const PairStats s = m_matrix.stats(lv, row, col);
    const QString a = lv == LatencyLevel::Site ? siteLabel(row) : t.id(lv, row);
    const QString b = lv == LatencyLevel::Site ? siteLabel(col) : t.id(lv, col);
    if (!s.hasData())
        return tr("%1 → %2: not probed").arg(a, b);
    return tr("%1 → %2\np50 %3 ms, p99 %4 ms, loss %5 (%n probe(s))", nullptr, s.probes)
        .arg(a, b, Format::milliseconds(s.p50Ms), Format::milliseconds(s.p99Ms), Format::percentOfOne(s.loss));
}

} // namespace Meridian
