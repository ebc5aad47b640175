// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/faultspage.h"

#include "core/faults/faultacks.h"
#include "core/faults/faulttracker.h"
#include "core/faults/supportbundle.h"
#include "core/session/fleethistory.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/common/navigator.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/common/viewstate.h"
#include "ui/faults/acknowledgedialog.h"
#include "ui/faults/blastradiuspanel.h"
#include "ui/faults/incidentfiltermodel.h"
#include "ui/faults/incidenttablemodel.h"
#include "ui/faults/nodeactioncontroller.h"
#include "ui/faults/nodefaultpanel.h"
#include "ui/faults/recoverypanel.h"
#include "ui/faults/reliabilitychart.h"
#include "ui/faults/scrollanchor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Meridian::Faults {

FaultsPage::FaultsPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_history(context.history)
    , m_session(context.session)
    , m_navigator(context.navigator)
    , m_tracker(context.faults)
    , m_acknowledgements(context.acknowledgements)
    , m_model(new IncidentTableModel(m_tracker, this))
    , m_filter(new IncidentFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_newAbove(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_blast(new BlastRadiusPanel(this))
    , m_recovery(new RecoveryPanel(this))
    , m_node(new NodeFaultPanel(m_tracker, context.history, this))
    , m_nodeActions(new NodeActionController(context.actions, this))
    , m_ack(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_detailTimer(new QTimer(this))
    , m_reliabilityTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("faultsPage"));
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("incidentTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(IncidentTableModel::FirstSeen, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // The fault's title takes what is left: it is the long text, elided with its whole wording in the
    // tooltip; where (node, rack or pool) is elided in the middle.
    // The fault's text gets the room: the other columns fitted narrower, but "where" as wide as a node and
    // accelerator name ("ulanqab-trn1-0102-n08 accelerator 7", elided in the middle) while the window allows;
    // scope, component (the fault's text names it) and count on demand (header menu). First seen stays: the
    // table is sorted by it.
    TableLayout::apply(m_table, QStringLiteral("faults/incidents"),
        { .key = IncidentTableModel::Title,
            .identifiers = { IncidentTableModel::Where },
            .widestChars = 30,
            .hidden = { IncidentTableModel::Scope, IncidentTableModel::Component, IncidentTableModel::Count } });
    ViewState::attach(
        m_table,
        [this] {
            return m_model->rowCount() > 0 ? tr("No incidents match the filter")
                                           : tr("No incidents: no node, accelerator or link has reported a fault");
        },
        context.store);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_anchor = new ScrollAnchor(m_table);

    m_search->setClearButtonEnabled(true);
    m_newAbove->setObjectName(QStringLiteral("newIncidentsAbove"));
    m_newAbove->setFlat(true);
    m_newAbove->hide();
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    addFacetButton(int(IncidentFilterModel::Facet::Severity), QStringLiteral("severity"),
        { { QStringLiteral("critical"), QString() }, { QStringLiteral("warning"), QString() },
            { QStringLiteral("info"), QString() } });
    addFacetButton(int(IncidentFilterModel::Facet::State), QStringLiteral("state"),
        { { QStringLiteral("open"), QString() }, { QStringLiteral("acknowledged"), QString() },
            { QStringLiteral("recovering"), QString() }, { QStringLiteral("resolved"), QString() } });
    QList<std::pair<QString, QString>> components;
    for (int c = 0; c <= int(Component::SiteLink); ++c)
        components.append({ toKey(Component(c)), QString() });
    addFacetButton(int(IncidentFilterModel::Facet::Component), QStringLiteral("component"), components);
    for (QToolButton* b : m_facetButtons)
        bar->addWidget(b);
    bar->addWidget(m_newAbove);
    bar->addWidget(m_summary);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    auto* actions = new QHBoxLayout;
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_export->setObjectName(QStringLiteral("exportBundleButton"));
    actions->addWidget(m_ack);
    actions->addWidget(m_export);
    actions->addStretch(1);
    leftLayout->addLayout(actions);

    m_tabs->setObjectName(QStringLiteral("faultTabs"));
    m_tabs->addTab(m_blast, QString());
    m_tabs->addTab(m_recovery, QString());
    m_tabs->addTab(m_node, QString());
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 1000, 520 }); // the detail tabs hold tables of their own (blast radius, recovery, node)
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Spacing, Theme::Spacing, Theme::Spacing, Theme::Spacing);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &IncidentFilterModel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FaultsPage::updateDetail);
    connect(m_ack, &QPushButton::clicked, this, &FaultsPage::onAcknowledge);
    connect(m_export, &QPushButton::clicked, this, &FaultsPage::onExport);
    connect(m_node, &NodeFaultPanel::openInPools, this, &FaultsPage::showNodeInPools);
    connect(m_node, &NodeFaultPanel::nodeActionRequested, m_nodeActions, &NodeActionController::request);
    connect(m_nodeActions, &NodeActionController::status, m_node, &NodeFaultPanel::setActionStatus);
    connect(m_anchor, &ScrollAnchor::rowsAddedAboveChanged, this, [this](int n) {
        m_newAbove->setText(tr("↑ %n new", nullptr, n));
        m_newAbove->setVisible(n > 0);
    });
    connect(m_newAbove, &QPushButton::clicked, this, [this] {
        m_anchor->resetCount();
        m_newAbove->hide();
        m_table->scrollToTop();
    });
    // Details follow live changes of the selected incident at most once a second.
    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(1000);
    connect(m_detailTimer, &QTimer::timeout, this, &FaultsPage::updateDetail);
    connect(m_tracker, &FaultTracker::incidentsChanged, this, [this](const QList<int>& changed, int previousCount) {
        if (m_shownIncident > 0 && (changed.contains(m_shownIncident) || previousCount < m_tracker->incidentCount()))
            m_detailTimer->start();
        updateSummary();
    });
    if (m_acknowledgements)
        connect(m_acknowledgements, &AcknowledgementLog::acknowledged, this, &FaultsPage::acknowledged);
    connect(m_store, &FleetStore::changed, this, [this](const FleetChangeSet& c) {
        if (c.jobsChanged && m_shownIncident > 0 && !m_detailTimer->isActive())
            m_detailTimer->start();
        updateNodeDrained();
    });
    m_reliabilityTimer->setInterval(10000);
    connect(m_reliabilityTimer, &QTimer::timeout, this, &FaultsPage::updateReliability);
    m_reliabilityTimer->start();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_recovery)
            updateReliability(); // fresh figures when the user looks, not only every 10 s
    });

    updateTexts();
    updateSummary();
    updateDetail();
}

void FaultsPage::addFacetButton(int facet, const QString& name, const QList<std::pair<QString, QString>>& values)
{
    auto* button = new QToolButton(this);
    button->setObjectName(name + QStringLiteral("Facet"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    for (const auto& [key, label] : values) {
        QAction* a = menu->addAction(key);
        a->setCheckable(true);
        a->setData(key);
        connect(a, &QAction::toggled, this, [this, menu, facet] {
            QSet<QString> keys;
            for (QAction* x : menu->actions())
                if (x->isChecked())
                    keys.insert(x->data().toString());
            m_filter->setFacet(IncidentFilterModel::Facet(facet), keys);
            updateTexts();
        });
    }
    button->setMenu(menu);
    m_facetButtons.append(button);
}

void FaultsPage::selectIncident(int incidentId)
{
    const QModelIndex source = m_model->index(m_model->rowOf(incidentId), 0);
    const QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid())
        return;
    m_table->selectionModel()->select(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
    m_table->scrollTo(proxy);
}

int FaultsPage::selectedIncident() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(IncidentTableModel::IncidentIdRole).toInt();
}

void FaultsPage::setFilterText(const QString& text)
{
    m_search->setText(text);
}

QString FaultsPage::filterText() const
{
    return m_search->text();
}

QVariant FaultsPage::place() const
{
    return QVariantMap { { QStringLiteral("filter"), filterText() },
        { QStringLiteral("incident"), selectedIncident() } };
}

void FaultsPage::restorePlace(const QVariant& place)
{
    const QVariantMap p = place.toMap();
    setFilterText(p.value(QStringLiteral("filter")).toString());
    const int incident = p.value(QStringLiteral("incident")).toInt();
    if (incident > 0)
        selectIncident(incident);
    else
        m_table->clearSelection();
}

void FaultsPage::updateDetail()
{
    const int id = selectedIncident();
    const bool changedSelection = id != m_shownIncident;
    m_shownIncident = id;
    const Incident* inc = m_tracker->grouper().incident(id);
    m_ack->setEnabled(inc && inc->state != IncidentState::Resolved);
    m_export->setEnabled(inc != nullptr);
    if (!inc) {
        m_blast->setRadius({}, false);
        m_recovery->setTimeline({}, false);
        m_node->setNode({}, 0, -1);
        return;
    }
    const BlastRadius radius = blastRadius(m_tracker->grouper(), id, m_store->nodes(), m_store->jobs());
    m_blast->setRadius(radius, true);
    m_recovery->setTimeline(recoveryTimeline(*inc, radius), true);
    if (changedSelection) {
        const FaultObservation& first = m_tracker->grouper().observations()[inc->members.first()];
        m_node->setNode(
            first.nodeId, inc->firstSeenMs, inc->scope == IncidentScope::Accelerator ? first.accelerator : -1);
    }
    updateNodeDrained();
}

void FaultsPage::updateNodeDrained()
{
    const FleetNode* node = m_node->nodeId().isEmpty() ? nullptr : m_store->node(m_node->nodeId());
    m_node->setDrained(node && node->snapshot.sample.state == Protocol::NodeState::Draining);
}

void FaultsPage::updateSummary()
{
    int open = 0, critical = 0;
    for (const Incident& inc : m_tracker->grouper().incidents()) {
        if (inc.state == IncidentState::Resolved)
            continue;
        ++open;
        critical += inc.severity == Protocol::Severity::Critical ? 1 : 0;
    }
    m_summary->setText(
        tr("%n open incident(s)", nullptr, open) + QStringLiteral(" · ") + tr("%n critical", nullptr, critical));
}

void FaultsPage::updateReliability()
{
    const qint64 now = std::max(m_store->newestDataMs(), qint64(1));
    constexpr qint64 Day = 24LL * 3600 * 1000;
    m_recovery->setReliability(poolReliability(m_tracker->grouper(), now - Day, now + 1),
        poolReliability(m_tracker->grouper(), now - 7 * Day, now + 1));
    m_recovery->chart()->setIncidents(incidentSpans(m_tracker->grouper()), now);
}

void FaultsPage::acknowledgeSelected(const QString& note)
{
    acknowledgeIncident(selectedIncident(), note);
}

void FaultsPage::acknowledgeIncident(int id, const QString& note)
{
    if (!m_tracker->grouper().incident(id))
        return;
    if (!m_acknowledgements) {
        m_tracker->acknowledge(id, note.trimmed().left(MaxNoteLength));
        Q_EMIT acknowledged(id, false);
        return;
    }
    m_acknowledgements->acknowledge(id, note, qEnvironmentVariable("USER", QStringLiteral("console")));
}

void FaultsPage::onAcknowledge()
{
    const int id = selectedIncident();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    auto* dialog = new AcknowledgeDialog(m_model->index(row, IncidentTableModel::Title).data().toString(),
        m_model->index(row, IncidentTableModel::Where).data().toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The selection may move while the dialog is open: the incident it names is the one acknowledged.
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] { acknowledgeIncident(id, dialog->note()); });
    Q_EMIT acknowledgeDialogShown(dialog);
    dialog->open();
}

void FaultsPage::onExport()
{
    const Incident* inc = m_tracker->grouper().incident(selectedIncident());
    if (!inc)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export support bundle"), supportBundleFileName(*inc), tr("Tar archives (*.tar)"));
    if (!path.isEmpty())
        exportBundle(inc->id, path);
}

void FaultsPage::exportBundle(int incidentId, const QString& path)
{
    const Incident* inc = m_tracker->grouper().incident(incidentId);
    if (!inc) {
        Q_EMIT bundleWritten(path, false);
        return;
    }
    auto input = std::make_shared<SupportBundleInput>();
    input->grouper = &m_tracker->grouper();
    input->incidentId = incidentId;
    input->radius = blastRadius(m_tracker->grouper(), incidentId, m_store->nodes(), m_store->jobs());
    input->timeline = recoveryTimeline(*inc, input->radius);
    input->consoleVersion = QCoreApplication::applicationVersion();
    input->createdMs = QDateTime::currentMSecsSinceEpoch();
    if (m_session)
        input->sources = m_session->sources();
    // At most 50 nodes' inventories and events, 16 chips' metric windows: a bundle stays mailable.
    QStringList nodes = QStringList(m_tracker->grouper().nodesOf(incidentId).values());
    nodes.sort();
    nodes = nodes.mid(0, 50);
    QList<std::pair<QString, int>> chips;
    for (int m : inc->members) {
        const FaultObservation& o = m_tracker->grouper().observations()[m];
        if (o.accelerator >= 0 && chips.size() < 16)
            chips.append({ o.nodeId, o.accelerator });
    }
    for (const QString& n : nodes)
        if (const FleetNode* node = m_store->node(n))
            input->inventories.append(node->inventory);
    auto pending = std::make_shared<int>(1);
    auto finish = [this, input, pending, path] {
        if (--*pending > 0)
            return;
        QSaveFile file(path);
        const bool ok = file.open(QIODevice::WriteOnly) && file.write(buildSupportBundle(*input)) >= 0 && file.commit();
        Q_EMIT bundleWritten(path, ok);
    };
    if (m_history) {
        const qint64 from = inc->firstSeenMs - NodeFaultPanel::WindowMs;
        const qint64 to = std::max(inc->lastSeenMs, inc->firstSeenMs) + NodeFaultPanel::WindowMs;
        for (const QString& n : nodes) {
            EventFilter f;
            f.nodeId = n;
            f.fromMs = from;
            f.toMs = to;
            f.limit = 200;
            ++*pending;
            whenReady(
                this, m_history->events(f),
                [input, finish](const QList<Protocol::Event>& events) {
                    input->events.append(events);
                    finish();
                },
                finish);
        }
        for (const auto& [node, acc] : chips) {
            for (AcceleratorMetric metric : { AcceleratorMetric::TemperatureC, AcceleratorMetric::Utilization }) {
                ++*pending;
                whenReady(
                    this, m_history->accelerator(node, acc, metric, from, to, 240),
                    [input, finish](const MetricSeries& s) {
                        input->metrics.append(s);
                        finish();
                    },
                    finish);
            }
        }
    }
    finish();
}

void FaultsPage::showNodeInPools(const QString& nodeId)
{
    // The main window carries the request out (selects the Pools page, opens the node).
    if (m_navigator)
        m_navigator->showNode(nodeId);
}

void FaultsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void FaultsPage::updateTexts()
{
    m_search->setPlaceholderText(tr("Filter by fault, node, rack, pool or region"));
    const QString names[] = { tr("Severity"), tr("State"), tr("Component") };
    for (int i = 0; i < m_facetButtons.size(); ++i) {
        const int checked = int(m_filter->facet(IncidentFilterModel::Facet(i)).size());
        m_facetButtons[i]->setText(checked > 0 ? QStringLiteral("%1 (%2)").arg(names[i]).arg(checked) : names[i]);
    }
    // Facet entries: translated names, untranslated keys in data().
    if (m_facetButtons.size() == 3) {
        for (QAction* a : m_facetButtons[0]->menu()->actions()) {
            const QString k = a->data().toString();
            a->setText(k == QLatin1String("critical") ? tr("Critical")
                    : k == QLatin1String("warning")   ? tr("Warning")
                                                      : tr("Info"));
        }
        for (QAction* a : m_facetButtons[1]->menu()->actions()) {
            const QString k = a->data().toString();
            for (int s = 0; s <= int(IncidentState::Resolved); ++s)
                if (toKey(IncidentState(s)) == k)
                    a->setText(displayName(IncidentState(s)));
        }
        for (QAction* a : m_facetButtons[2]->menu()->actions()) {
            Component c;
            if (fromKey(a->data().toString(), &c))
                a->setText(displayName(c));
        }
    }
    m_ack->setText(tr("Acknowledge…"));
    m_export->setText(tr("Export support bundle…"));
    m_tabs->setTabText(0, tr("Blast radius"));
    m_tabs->setTabText(1, tr("Recovery"));
    m_tabs->setTabText(2, tr("Node"));
    m_model->retranslate();
    updateSummary();
}

} // namespace Meridian::Faults
