// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/planner/plannerpage.h"

#include "core/latency/latencytargets.h"
#include "core/planner/planner.h"
#include "core/planner/plannerservice.h"
#include "core/store/fleetstore.h"
#include "ui/common/navigator.h"
#include "ui/common/regionnames.h"
#include "ui/common/stateicon.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"
#include "ui/planner/plannertext.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Meridian {

using namespace Planner;

namespace {

constexpr int RefreshMs = 5000; ///< an open answer follows the fleet at most this often
const char* const WeightNames[4]
    = { QT_TRANSLATE_NOOP("Meridian::PlannerPage", "Fits now"), QT_TRANSLATE_NOOP("Meridian::PlannerPage", "When"),
          QT_TRANSLATE_NOOP("Meridian::PlannerPage", "Latency"), QT_TRANSLATE_NOOP("Meridian::PlannerPage", "Risk") };

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

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
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QWidget* form = createForm();
    scroll->setWidget(form);
    m_formScroll = scroll;
    splitter->addWidget(scroll);
    splitter->addWidget(createAnswer());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({ 480, 900 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(RefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (m_haveAnswer && m_planner)
            m_planner->ask(m_answer.request, weights(), m_lostWork->value() / 100);
    });
    if (m_store)
        connect(m_store, &FleetStore::changed, this, &PlannerPage::onStoreChanged);
    if (m_planner) {
        connect(m_planner, &PlannerService::answered, this, &PlannerPage::showAnswer);
        connect(m_planner, &PlannerService::riskReady, this, [this] {
            if (m_haveAnswer)
                m_planner->ask(m_answer.request, weights(), m_lostWork->value() / 100);
        });
        m_planner->refreshRisk();
    }
    loadSaved();
    fillChoices();
    updateTexts();
}

PlannerPage::~PlannerPage() = default;

QWidget* PlannerPage::createForm()
{
    auto* form = new QWidget;
    auto* outer = new QVBoxLayout(form);
    auto* fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto label = [&](int i) {
        m_labels[i] = new QLabel(form);
        return m_labels[i];
    };

    auto* savedRow = new QHBoxLayout;
    m_saved_ = new QComboBox(form);
    m_saved_->setObjectName(QStringLiteral("savedRequests"));
    m_saveButton = new QPushButton(form);
    m_deleteButton = new QPushButton(form);
    savedRow->addWidget(m_saved_, 1);
    savedRow->addWidget(m_saveButton);
    savedRow->addWidget(m_deleteButton);
    fields->addRow(label(0), savedRow);
    connect(m_saved_, &QComboBox::activated, this, &PlannerPage::useSaved);
    connect(m_saveButton, &QPushButton::clicked, this, &PlannerPage::saveRequest);
    connect(m_deleteButton, &QPushButton::clicked, this, &PlannerPage::deleteRequest);

    m_kind = new QComboBox(form);
    m_kind->setObjectName(QStringLiteral("requestKind"));
    m_kind->addItems({ QString(), QString() });
    fields->addRow(label(1), m_kind);
    m_model = new QComboBox(form);
    m_model->setObjectName(QStringLiteral("requestModel"));
    m_model->setEditable(true);
    fields->addRow(label(2), m_model);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PlannerPage::fillChoices);
    m_count = new QSpinBox(form);
    m_count->setObjectName(QStringLiteral("requestCount"));
    m_count->setRange(1, 1000000);
    m_count->setValue(8);
    fields->addRow(label(3), m_count);
    m_whole = new QCheckBox(form);
    m_whole->setObjectName(QStringLiteral("requestWholeNodes"));
    fields->addRow(label(4), m_whole);
    m_minMemory = new QDoubleSpinBox(form);
    m_minMemory->setRange(0, 4096);
    m_minMemory->setDecimals(0);
    m_minMemory->setSuffix(QStringLiteral(" GiB"));
    fields->addRow(label(5), m_minMemory);
    m_duration = new QLineEdit(QStringLiteral("7d"), form);
    m_duration->setObjectName(QStringLiteral("requestDuration"));
    fields->addRow(label(6), m_duration);
    m_anchor = new QComboBox(form);
    m_anchor->setObjectName(QStringLiteral("requestAnchor"));
    fields->addRow(label(7), m_anchor);
    m_boundKind = new QComboBox(form);
    m_boundKind->addItems({ QString(), QString(), QString() });
    fields->addRow(label(8), m_boundKind);
    m_maxRtt = new QDoubleSpinBox(form);
    m_maxRtt->setObjectName(QStringLiteral("requestMaxRtt"));
    m_maxRtt->setRange(0.1, 10000);
    m_maxRtt->setValue(10);
    m_maxRtt->setSuffix(QStringLiteral(" ms"));
    fields->addRow(label(9), m_maxRtt);
    m_pairClass = new QComboBox(form);
    for (int c = 0; c < PairClassCount; ++c)
        m_pairClass->addItem(QString(), pairClassKey(PairClass(c)));
    fields->addRow(label(10), m_pairClass);
    auto boundChanged = [this] {
        m_maxRtt->setEnabled(m_boundKind->currentIndex() == 1);
        m_pairClass->setEnabled(m_boundKind->currentIndex() == 2);
    };
    connect(m_boundKind, &QComboBox::currentIndexChanged, this, boundChanged);
    boundChanged();
    m_tenant = new QLineEdit(form);
    fields->addRow(label(11), m_tenant);
    m_allow = new QLineEdit(form);
    fields->addRow(label(12), m_allow);
    m_deny = new QLineEdit(form);
    fields->addRow(label(13), m_deny);
    m_lostWork = new QDoubleSpinBox(form);
    m_lostWork->setRange(0.1, 50);
    m_lostWork->setValue(1);
    m_lostWork->setSuffix(QStringLiteral(" %"));
    fields->addRow(label(14), m_lostWork);
    outer->addLayout(fields);

    auto* weightsBox = new QGroupBox(form);
    weightsBox->setObjectName(QStringLiteral("weightsBox"));
    auto* weightsLayout = new QFormLayout(weightsBox);
    const PlannerWeights defaults;
    const double values[4] = { defaults.fit, defaults.wait, defaults.latency, defaults.risk };
    for (int i = 0; i < 4; ++i) {
        m_weight[i] = new QSlider(Qt::Horizontal, weightsBox);
        m_weight[i]->setObjectName(QStringLiteral("weight%1").arg(i));
        m_weight[i]->setRange(0, 100);
        m_weight[i]->setValue(int(std::lround(values[i] * 100)));
        m_weightLabel[i] = new QLabel(weightsBox);
        weightsLayout->addRow(m_weightLabel[i], m_weight[i]);
        connect(m_weight[i], &QSlider::valueChanged, this, &PlannerPage::onWeightsChanged);
    }
    outer->addWidget(weightsBox);
    m_planButton = new QPushButton(form);
    m_planButton->setObjectName(QStringLiteral("planButton"));
    m_planButton->setDefault(true);
    connect(m_planButton, &QPushButton::clicked, this, &PlannerPage::plan);
    outer->addWidget(m_planButton);
    outer->addStretch(1);
    return form;
}

QWidget* PlannerPage::createAnswer()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(panel);
    m_summary->setObjectName(QStringLiteral("plannerSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, ColumnCount, panel);
    m_table->setObjectName(QStringLiteral("candidateTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // The layout every console table shares: fitted to content, the "when" column stretched, widths kept.
    TableLayout::apply(
        m_table, QStringLiteral("planner/candidates"), { .key = WhenColumn, .identifiers = { PoolColumn } });
    ViewState::attach(m_table, [this] {
        return m_haveAnswer ? tr("No pool can take this job: the lines above say why")
                            : tr("Describe the job on the left and press Plan: the pools that can take it appear here");
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PlannerPage::showWhy);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &PlannerPage::showOnPools);
    auto* split = new QSplitter(Qt::Vertical, panel);
    split->addWidget(m_table);
    auto* bottom = new QWidget(split);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    m_poolsButton = new QPushButton(bottom);
    m_poolsButton->setObjectName(QStringLiteral("showOnPools"));
    m_mapButton = new QPushButton(bottom);
    m_mapButton->setObjectName(QStringLiteral("showOnMap"));
    connect(m_poolsButton, &QPushButton::clicked, this, &PlannerPage::showOnPools);
    connect(m_mapButton, &QPushButton::clicked, this, &PlannerPage::showOnLatencyMap);
    buttons->addWidget(m_poolsButton);
    buttons->addWidget(m_mapButton);
    buttons->addStretch(1);
    bottomLayout->addLayout(buttons);
    m_why = new QTextBrowser(bottom);
    m_why->setObjectName(QStringLiteral("whyThisRank"));
    bottomLayout->addWidget(m_why);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_poolsButton->setEnabled(false);
    m_mapButton->setEnabled(false);
    return panel;
}

void PlannerPage::updateTexts()
{
    const char* labels[15] = { QT_TR_NOOP("Saved requests"), QT_TR_NOOP("Ask for"), QT_TR_NOOP("Model or family"),
        QT_TR_NOOP("Accelerators"), QT_TR_NOOP("Whole nodes only"), QT_TR_NOOP("Min. memory per chip"),
        QT_TR_NOOP("Duration (90m, 36h, 7d)"), QT_TR_NOOP("Near site"), QT_TR_NOOP("Latency bound"),
        QT_TR_NOOP("Max. p99 RTT"), QT_TR_NOOP("Pair class"), QT_TR_NOOP("Tenant"), QT_TR_NOOP("Only regions (a, b)"),
        QT_TR_NOOP("Never regions (a, b)"), QT_TR_NOOP("Work lost at most") };
    for (int i = 0; i < 15; ++i)
        m_labels[i]->setText(tr(labels[i]));
    m_saveButton->setText(tr("Save…"));
    m_deleteButton->setText(tr("Delete"));
    m_kind->setItemText(0, tr("A model"));
    m_kind->setItemText(1, tr("A family of models"));
    m_minMemory->setSpecialValueText(tr("any"));
    // The Latency page's names of the pair classes (its targets are the bounds).
    const char* classes[PairClassCount] = { QT_TRANSLATE_NOOP("Meridian::ViolationModel", "same rack"),
        QT_TRANSLATE_NOOP("Meridian::ViolationModel", "same pool"),
        QT_TRANSLATE_NOOP("Meridian::ViolationModel", "same site"),
        QT_TRANSLATE_NOOP("Meridian::ViolationModel", "same region"),
        QT_TRANSLATE_NOOP("Meridian::ViolationModel", "hub ↔ city"),
        QT_TRANSLATE_NOOP("Meridian::ViolationModel", "cross-region") };
    for (int c = 0; c < PairClassCount; ++c)
        m_pairClass->setItemText(c, QCoreApplication::translate("Meridian::ViolationModel", classes[c]));
    m_boundKind->setItemText(0, tr("None"));
    m_boundKind->setItemText(1, tr("p99 RTT"));
    m_boundKind->setItemText(2, tr("A pair class's target"));
    if (auto* box = findChild<QGroupBox*>(QStringLiteral("weightsBox")))
        box->setTitle(tr("Weights"));
    onWeightsChanged();
    m_planButton->setText(tr("Plan"));
    m_poolsButton->setText(tr("Show free nodes on the Pools page"));
    m_mapButton->setText(tr("Show the path on the Latency map"));
    m_table->setHorizontalHeaderLabels(
        { tr("Rank"), tr("Pool"), tr("Fits now"), tr("When"), tr("Latency to anchor"), tr("Risk"), tr("Score") });
    // The whole form in view (it scrolls down only): as wide as its labels and fields need, in either language.
    m_formScroll->setMinimumWidth(
        m_formScroll->widget()->sizeHint().width() + m_formScroll->verticalScrollBar()->sizeHint().width());
    if (m_haveAnswer)
        showAnswer(m_answer);
    else
        m_summary->setText(tr("Describe the job and press Plan: every pool that can take it, ranked, with why."));
}

void PlannerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void PlannerPage::fillChoices()
{
    if (!m_store || !m_model)
        return;
    const QString current = m_model->currentText();
    QStringList names;
    if (m_kind->currentIndex() == 1) {
        if (m_planner)
            for (const ModelFamily& f : m_planner->families())
                names.append(f.name);
    } else {
        QSet<QString> models;
        for (const FleetNode& n : m_store->nodes())
            for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators)
                models.insert(a.model);
        names = QStringList(models.cbegin(), models.cend());
        names.sort();
    }
    m_model->clear();
    m_model->addItems(names);
    if (!current.isEmpty() && names.contains(current))
        m_model->setCurrentText(current);
    const QString anchor = m_anchor->currentData().toString();
    m_anchor->clear();
    m_anchor->addItem(tr("(no anchor)"), QString());
    if (m_planner)
        for (const QString& site : m_planner->sites())
            m_anchor->addItem(regionDisplayName(site), site);
    m_anchor->setCurrentIndex(std::max(0, m_anchor->findData(anchor)));
}

PlacementRequest PlannerPage::request() const
{
    PlacementRequest r;
    (m_kind->currentIndex() == 1 ? r.family : r.model) = m_model->currentText().trimmed();
    r.count = m_count->value();
    r.wholeNodes = m_whole->isChecked();
    if (m_minMemory->value() > 0)
        r.minMemoryGiB = m_minMemory->value();
    r.durationMs = parseDuration(m_duration->text());
    r.anchorSite = m_anchor->currentData().toString();
    if (!r.anchorSite.isEmpty() && m_boundKind->currentIndex() == 1)
        r.maxP99Ms = m_maxRtt->value();
    if (!r.anchorSite.isEmpty() && m_boundKind->currentIndex() == 2)
        r.pairClass = m_pairClass->currentData().toString();
    r.tenant = m_tenant->text().trimmed();
    r.allowRegions = splitList(m_allow->text());
    r.denyRegions = splitList(m_deny->text());
    return r;
}

void PlannerPage::setRequest(const PlacementRequest& r)
{
    m_kind->setCurrentIndex(r.family.isEmpty() ? 0 : 1);
    fillChoices();
    m_model->setCurrentText(r.family.isEmpty() ? r.model : r.family);
    m_count->setValue(r.count);
    m_whole->setChecked(r.wholeNodes);
    m_minMemory->setValue(std::isnan(r.minMemoryGiB) ? 0 : r.minMemoryGiB);
    m_duration->setText(formatDuration(r.durationMs));
    if (m_anchor->findData(r.anchorSite) < 0 && !r.anchorSite.isEmpty())
        m_anchor->addItem(regionDisplayName(r.anchorSite), r.anchorSite);
    m_anchor->setCurrentIndex(std::max(0, m_anchor->findData(r.anchorSite)));
    m_boundKind->setCurrentIndex(!std::isnan(r.maxP99Ms) ? 1 : r.pairClass.isEmpty() ? 0 : 2);
    if (!std::isnan(r.maxP99Ms))
        m_maxRtt->setValue(r.maxP99Ms);
    m_pairClass->setCurrentIndex(std::max(0, m_pairClass->findData(r.pairClass)));
    m_tenant->setText(r.tenant);
    m_allow->setText(r.allowRegions.join(QStringLiteral(", ")));
    m_deny->setText(r.denyRegions.join(QStringLiteral(", ")));
}

PlannerWeights PlannerPage::weights() const
{
    return { m_weight[0]->value() / 100.0, m_weight[1]->value() / 100.0, m_weight[2]->value() / 100.0,
        m_weight[3]->value() / 100.0 };
}

void PlannerPage::setWeights(const PlannerWeights& w)
{
    const double v[4] = { w.fit, w.wait, w.latency, w.risk };
    for (int i = 0; i < 4; ++i)
        m_weight[i]->setValue(int(std::lround(v[i] * 100)));
}

void PlannerPage::plan()
{
    const PlacementRequest r = request();
    if (r.durationMs <= 0) {
        m_summary->setText(tr("The duration must be like 90m, 36h, 7d or 2w."));
        return;
    }
    if (r.model.isEmpty() && r.family.isEmpty()) {
        m_summary->setText(tr("Choose a model or a family."));
        return;
    }
    if (!m_planner) {
        m_summary->setText(tr("The planner is not available in this console."));
        return;
    }
    m_summary->setText(tr("Planning…"));
    ViewState::of(m_table)->setLoading(tr("Planning…"));
    m_refresh->stop();
    if (!m_planner->hasRisk())
        m_planner->refreshRisk(); // the cache may have filled since (a console's first minutes): riskReady() re-asks
    m_planner->ask(r, weights(), m_lostWork->value() / 100);
}

void PlannerPage::showAnswer(const PlanAnswer& answer)
{
    const QString selectedPool = [&] {
        const int i = selectedCandidate();
        return i >= 0 ? m_answer.candidates[i].region + u'|' + m_answer.candidates[i].pool : QString();
    }();
    m_answer = answer;
    m_haveAnswer = true;
    rerank(&m_answer, weights()); // the sliders may have moved while it was computed
    QStringList lines;
    int now = 0, later = 0, violating = 0;
    for (const Candidate& c : std::as_const(m_answer.candidates)) {
        now += c.wait.state == FitState::Now && !c.latency.violates ? 1 : 0;
        later += (c.wait.state == FitState::Later || c.wait.state == FitState::Unknown) && !c.latency.violates ? 1 : 0;
        violating += c.latency.violates ? 1 : 0;
    }
    if (!m_answer.candidates.isEmpty())
        lines << tr("%n pool(s) can take it:", "", int(m_answer.candidates.size())) + u' ' + tr("%n now,", "", now)
                + u' ' + tr("%n later,", "", later) + u' ' + tr("%n over the latency bound.", "", violating);
    for (const PlanProblem& p : std::as_const(m_answer.problems))
        lines << PlannerText::problem(p);
    if (m_answer.poolsExcluded > 0)
        lines << tr("%n pool(s) excluded by the region lists.", "", m_answer.poolsExcluded);
    m_summary->setText(lines.join(u'\n'));
    ViewState::of(m_table)->setLoaded();
    fillTable();
    for (int i = 0; i < m_answer.candidates.size(); ++i)
        if (m_answer.candidates[i].region + u'|' + m_answer.candidates[i].pool == selectedPool)
            m_table->selectRow(i);
    if (selectedCandidate() < 0 && !m_answer.candidates.isEmpty())
        m_table->selectRow(0);
    showWhy();
    Q_EMIT answered();
}

void PlannerPage::fillTable()
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_answer.candidates.size()));
    for (int row = 0; row < m_answer.candidates.size(); ++row) {
        const Candidate& c = m_answer.candidates[row];
        const QString texts[ColumnCount]
            = { QString::number(c.rank), regionDisplayName(c.region) + QStringLiteral(" / ") + c.pool,
                  PlannerText::fit(c, m_answer.request.wholeNodes), PlannerText::when(c), PlannerText::latency(c),
                  PlannerText::risk(c), QLocale().toString(c.scores.total, 'f', 3) };
        for (int col = 0; col < ColumnCount; ++col) {
            auto* item = new QTableWidgetItem(texts[col]);
            item->setToolTip(texts[col]);
            if (c.latency.violates)
                item->setForeground(Theme::color(Theme::State::Critical, palette()));
            if (col == FitColumn && c.fit.fitsNow)
                item->setForeground(Theme::color(Theme::State::Ok, palette()));
            if (col == LatencyColumn && c.latency.violates)
                item->setIcon(Theme::stateIcon(Theme::State::Critical, palette()));
            m_table->setItem(row, col, item);
        }
    }
}

int PlannerPage::selectedCandidate() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    const int row = ranges.isEmpty() ? -1 : ranges.first().topRow();
    return row >= 0 && row < m_answer.candidates.size() ? row : -1;
}

void PlannerPage::showWhy()
{
    const int i = selectedCandidate();
    m_poolsButton->setEnabled(i >= 0 && m_navigator);
    m_mapButton->setEnabled(i >= 0 && m_navigator && !m_answer.request.anchorSite.isEmpty());
    if (i < 0) {
        m_why->clear();
        return;
    }
    m_why->setHtml(PlannerText::why(m_answer.candidates[i], m_answer.weights, m_answer.request.wholeNodes));
}

void PlannerPage::onWeightsChanged()
{
    const PlannerWeights w = weights();
    const double v[4] = { w.fit, w.wait, w.latency, w.risk };
    for (int i = 0; i < 4; ++i)
        m_weightLabel[i]->setText(tr("%1: %2").arg(tr(WeightNames[i])).arg(v[i], 0, 'f', 2));
    if (!m_haveAnswer)
        return;
    const int i = selectedCandidate();
    const QString selected = i >= 0 ? m_answer.candidates[i].pool : QString();
    rerank(&m_answer, w); // no fleet pass: only the order and the scores change
    fillTable();
    for (int r = 0; r < m_answer.candidates.size(); ++r)
        if (m_answer.candidates[r].pool == selected)
            m_table->selectRow(r);
    showWhy();
}

void PlannerPage::onStoreChanged()
{
    if (m_haveAnswer && !m_refresh->isActive())
        m_refresh->start();
    if (m_model->count() == 0)
        fillChoices();
}

void PlannerPage::showOnPools()
{
    const int i = selectedCandidate();
    if (i < 0 || !m_navigator)
        return;
    const Candidate& c = m_answer.candidates[i];
    m_navigator->showPoolNodes(c.region, c.pool, c.freeNodes);
}

void PlannerPage::showOnLatencyMap()
{
    const int i = selectedCandidate();
    if (i < 0 || !m_navigator || m_answer.request.anchorSite.isEmpty())
        return;
    m_navigator->showLatencyPath(m_answer.candidates[i].latency.site, m_answer.request.anchorSite);
}

void PlannerPage::loadSaved()
{
    QFile file(savedRequestsPath());
    m_saved.clear();
    if (file.open(QIODevice::ReadOnly)) {
        QString error;
        if (!loadRequests(file.readAll(), &m_saved, &error))
            m_saved.clear(); // a broken file is left as it is; saving writes a new one
    }
    m_saved_->clear();
    m_saved_->addItem(QString());
    for (const PlacementRequest& r : std::as_const(m_saved))
        m_saved_->addItem(r.name);
}

void PlannerPage::saveRequest()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save request"), tr("Name:"), QLineEdit::Normal, m_saved_->currentText(), &ok)
              .trimmed();
    if (!ok || name.isEmpty())
        return;
    PlacementRequest r = request();
    r.name = name;
    if (!validate(r).isEmpty()) {
        m_summary->setText(tr("Only a complete request can be saved."));
        return;
    }
    auto it = std::find_if(m_saved.begin(), m_saved.end(), [&](const PlacementRequest& s) { return s.name == name; });
    if (it != m_saved.end())
        *it = r;
    else
        m_saved.append(r);
    QDir().mkpath(QFileInfo(savedRequestsPath()).path());
    QSaveFile file(savedRequestsPath());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(saveRequests(m_saved));
        file.commit();
    }
    loadSaved();
    m_saved_->setCurrentText(name);
}

void PlannerPage::deleteRequest()
{
    const int index = m_saved_->currentIndex() - 1;
    if (index < 0 || index >= m_saved.size())
        return;
    m_saved.removeAt(index);
    QSaveFile file(savedRequestsPath());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(saveRequests(m_saved));
        file.commit();
    }
    loadSaved();
}

void PlannerPage::useSaved(int index)
{
    if (index <= 0 || index > m_saved.size())
        return;
    setRequest(m_saved[index - 1]);
    plan();
}

} // namespace Meridian
