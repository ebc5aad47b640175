// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/sourcesdialog.h"

#include "core/session/fleetsession.h"
#include "ui/common/tablelayout.h"
#include "ui/common/theme.h"
#include "ui/sources/agentstatusmodel.h"
#include "ui/sources/sourceeditdialog.h"
#include "ui/sources/sourcetablemodel.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Meridian {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    // Fixed row heights: the agent list may hold 25,000 rows.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->setWordWrap(false);
    return view;
}
} // namespace

SourcesDialog::SourcesDialog(FleetSession* session, const QString& configPath, const ConsoleConfig& config,
    const QStringList& sessionOnly, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_configPath(configPath)
    , m_config(config)
    , m_sessionOnly(sessionOnly)
    , m_sources(new SourceTableModel(this))
    , m_agents(new AgentStatusModel(session->store(), this))
    , m_sourceView(makeTable(m_sources, this))
    , m_agentView(makeTable(m_agents, this))
{
    setWindowTitle(tr("Sources"));
    setObjectName(QStringLiteral("sourcesDialog"));
    m_sources->setSources(session->sources());
    m_sourceView->setObjectName(QStringLiteral("sourceView"));
    m_agentView->setObjectName(QStringLiteral("agentView"));
    // Addresses and paths are elided in the middle: their start and their end tell them apart.
    TableLayout* layouts[] = {
        TableLayout::apply(m_sourceView, QStringLiteral("sources/sources"),
            { .key = SourceTableModel::UrlColumn,
                .identifiers = { SourceTableModel::UrlColumn, SourceTableModel::TokenFileColumn } }),
        TableLayout::apply(m_agentView, QStringLiteral("sources/agents"),
            { .key = AgentStatusModel::ErrorColumn, .identifiers = { AgentStatusModel::NodeColumn } }),
    };
    for (TableLayout* layout : layouts)
        connect(this, &QDialog::finished, layout, &TableLayout::save); // a dialog's table is gone before the quit

    auto* add = new QPushButton(tr("&Add…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    connect(add, &QPushButton::clicked, this, &SourcesDialog::addSource);
    connect(m_edit, &QPushButton::clicked, this, &SourcesDialog::editSource);
    connect(m_remove, &QPushButton::clicked, this, &SourcesDialog::removeSource);
    connect(m_sourceView, &QTableView::doubleClicked, this, &SourcesDialog::editSource);
    connect(
        m_sourceView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SourcesDialog::updateButtons);
    connect(m_sources, &QAbstractItemModel::modelReset, this, &SourcesDialog::updateButtons);

    auto* note = new QLabel(this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->setText(m_configPath.isEmpty() ? tr("No configuration file: changes apply to this session only.")
                                         : tr("Sources are saved to %1").arg(m_configPath));

    auto* sourceBox = new QGroupBox(tr("Configured sources"), this);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourceView, 1);
    sourceRow->addLayout(buttons);
    auto* sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addLayout(sourceRow);
    sourceLayout->addWidget(note);

    auto* agentBox = new QGroupBox(tr("Agents"), this);
    auto* agentLayout = new QVBoxLayout(agentBox);
    agentLayout->addWidget(m_agentView);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(sourceBox);
    splitter->addWidget(agentBox);
    splitter->setStretchFactor(1, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &SourcesDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(box->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SourcesDialog::apply);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(box);
    resize(960, 640);
    updateButtons();
}

SourcesDialog::~SourcesDialog() = default;

QStringList SourcesDialog::namesExcept(int row) const
{
    QStringList names;
    const QList<SourceConfig>& sources = m_sources->sources();
    for (int i = 0; i < sources.size(); ++i) {
        if (i != row)
            names.append(sources[i].name);
    }
    return names;
}

void SourcesDialog::addSource()
{
    SourceConfig fresh;
    SourceEditDialog dialog(fresh, namesExcept(-1), this);
    if (dialog.exec() == QDialog::Accepted)
        m_sources->addSource(dialog.source());
}

void SourcesDialog::editSource()
{
    const QModelIndex current = m_sourceView->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    SourceEditDialog dialog(m_sources->sources().at(row), namesExcept(row), this);
    if (dialog.exec() == QDialog::Accepted)
        m_sources->replaceSource(row, dialog.source());
}

void SourcesDialog::removeSource()
{
    const QModelIndex current = m_sourceView->currentIndex();
    if (current.isValid())
        m_sources->removeSource(current.row());
    updateButtons();
}

void SourcesDialog::updateButtons()
{
    const bool selected = m_sourceView->selectionModel()->hasSelection();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

bool SourcesDialog::apply()
{
    const QList<SourceConfig> sources = m_sources->sources();
    if (!m_configPath.isEmpty()) {
        ConsoleConfig toSave = m_config;
        toSave.sources.clear();
        for (const SourceConfig& source : sources) {
            if (!m_sessionOnly.contains(source.name))
                toSave.sources.append(source);
        }
        QString error;
        if (!toSave.save(m_configPath, &error)) {
            QMessageBox::warning(
                this, tr("Sources"), tr("The sources could not be saved to %1:\n%2").arg(m_configPath, error));
            return false;
        }
        m_config = toSave;
        Q_EMIT configSaved(m_config);
    }
    m_session->setSources(sources);
    return true;
}

void SourcesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Meridian
