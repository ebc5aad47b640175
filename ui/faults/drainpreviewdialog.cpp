// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/drainpreviewdialog.h"

#include "ui/common/displayformat.h"
#include "ui/common/tablelayout.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Meridian::Faults {
namespace {
QString indexList(const QList<int>& indexes)
{
    QStringList parts;
    for (int i : indexes)
        parts.append(QString::number(i));
    return parts.join(QStringLiteral(", "));
}

QTableWidget* table(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setWordWrap(false);
    return t;
}
} // namespace

DrainPreviewDialog::DrainPreviewDialog(
    const QString& nodeId, const QString& action, const NodeActionPreview& preview, QWidget* parent)
    : QDialog(parent)
    , m_effect(new QLabel(this))
    , m_jobs(table({ tr("Job"), tr("Name"), tr("State"), tr("Accelerators") }, this))
    , m_capacity(table(
          { tr("Region"), tr("Pool"), tr("Model"), tr("Accelerators"), tr("Free now"), tr("Allocated (as jobs end)") },
          this))
    , m_reason(new QLineEdit(this))
    , m_confirm(nullptr)
    , m_keep(nullptr)
{
    const bool drain = action == QLatin1String("drain");
    setObjectName(QStringLiteral("drainPreviewDialog"));
    setWindowTitle(drain ? tr("Drain node %1").arg(nodeId) : tr("Resume node %1").arg(nodeId));
    m_effect->setWordWrap(true);
    m_effect->setTextFormat(Qt::PlainText);
    m_effect->setText(drain ? tr("No new jobs will be placed on %1. Jobs running there keep running until they end "
                                 "(requeue them from the Jobs page to move them now).")
                                  .arg(nodeId)
                            : tr("%1 will take new jobs again.").arg(nodeId));
    m_effect->setToolTip(preview.effect); // the server's own words (English)
    m_jobs->setObjectName(QStringLiteral("drainPreviewJobs"));
    for (const NodeActionPreview::Job& j : preview.jobs) {
        const int row = m_jobs->rowCount();
        m_jobs->insertRow(row);
        m_jobs->setItem(row, 0, new QTableWidgetItem(j.id));
        m_jobs->setItem(row, 1, new QTableWidgetItem(j.name));
        m_jobs->setItem(row, 2, new QTableWidgetItem(j.state));
        m_jobs->setItem(row, 3,
            new QTableWidgetItem(
                tr("%n accelerator(s): %1", nullptr, int(j.accelerators.size())).arg(indexList(j.accelerators))));
    }
    m_capacity->setObjectName(QStringLiteral("drainPreviewCapacity"));
    for (const NodeActionPreview::Capacity& c : preview.capacity) {
        const int row = m_capacity->rowCount();
        m_capacity->insertRow(row);
        const QStringList cells { c.region, c.pool, c.model, Format::count(c.accelerators), Format::count(c.free),
            Format::count(c.allocated) };
        for (int col = 0; col < cells.size(); ++col)
            m_capacity->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    for (TableLayout* layout :
        { TableLayout::apply(m_jobs, QStringLiteral("faults/drainPreviewJobs"), { .key = 1, .identifiers = { 0 } }),
            TableLayout::apply(
                m_capacity, QStringLiteral("faults/drainPreviewCapacity"), { .key = 1, .identifiers = { 1 } }) })
        connect(this, &QDialog::finished, layout, &TableLayout::save); // a dialog's table is gone before the quit
    m_reason->setObjectName(QStringLiteral("drainReason"));
    m_reason->setMaxLength(256);
    m_reason->setPlaceholderText(tr("e.g. HBM replacement, ticket 4711"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_effect);
    layout->addWidget(new QLabel(tr("Jobs on the node (%1)").arg(preview.jobs.size()), this));
    layout->addWidget(m_jobs, 2);
    layout->addWidget(new QLabel(drain ? tr("Capacity removed") : tr("Capacity returned"), this));
    layout->addWidget(m_capacity, 1);
    if (!preview.command.isEmpty())
        layout->addWidget(new QLabel(tr("Command on the node: %1").arg(preview.command.join(u' ')), this));
    auto* form = new QFormLayout;
    form->addRow(tr("Reason (kept in the audit logs):"), m_reason);
    m_reason->setVisible(drain);
    form->labelForField(m_reason)->setVisible(drain);
    layout->addLayout(form);
    // Both buttons name what they do to which node; leaving the node as it is, is the default.
    auto* buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(drain ? tr("Keep %1 in service").arg(nodeId) : tr("Leave %1 drained").arg(nodeId),
        QDialogButtonBox::RejectRole);
    m_keep->setObjectName(QStringLiteral("keepNode"));
    m_confirm = buttons->addButton(
        drain ? tr("Drain %1").arg(nodeId) : tr("Resume %1").arg(nodeId), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmNodeAction"));
    m_confirm->setAutoDefault(false);
    m_keep->setDefault(true);
    if (drain) {
        // No node taken out of service without a reason a colleague can read later.
        m_confirm->setEnabled(false);
        connect(m_reason, &QLineEdit::textChanged, this, [this] { m_confirm->setEnabled(!reason().isEmpty()); });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 480);
}

void DrainPreviewDialog::setManualCommand(std::function<QString(const QString& reason)> command)
{
    if (m_command)
        return;
    m_effect->setText(tr("The scheduler's API cannot do this. Run the command below on a Slurm host; the console "
                         "has changed nothing."));
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("manualCommand"));
    m_command->setReadOnly(true);
    m_command->setText(command(reason()));
    connect(m_reason, &QLineEdit::textChanged, this, [this, command] { m_command->setText(command(reason())); });
    auto* copy = new QPushButton(tr("Copy command"), this);
    copy->setObjectName(QStringLiteral("copyManualCommand"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_command->text()); });
    auto* row = new QHBoxLayout;
    row->addWidget(m_command, 1);
    row->addWidget(copy);
    // Above the buttons, where the confirmation would be: there is nothing to confirm.
    auto* box = qobject_cast<QVBoxLayout*>(layout());
    box->insertLayout(box->count() - 1, row);
    m_confirm->hide();
}

QString DrainPreviewDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString DrainPreviewDialog::summary(const QString& nodeId, const QString& action, const NodeActionPreview& preview)
{
    QStringList jobs;
    for (const NodeActionPreview::Job& j : preview.jobs)
        jobs.append(QStringLiteral("%1 [%2]").arg(j.id, indexList(j.accelerators)));
    QStringList capacity;
    for (const NodeActionPreview::Capacity& c : preview.capacity)
        capacity.append(QStringLiteral("%1/%2 %3: %4").arg(c.region, c.pool, c.model).arg(c.accelerators));
    return tr("%1 %2: jobs %3; capacity %4")
        .arg(action, nodeId, jobs.isEmpty() ? tr("none") : jobs.join(QStringLiteral(", ")),
            capacity.join(QStringLiteral("; ")));
}

} // namespace Meridian::Faults
