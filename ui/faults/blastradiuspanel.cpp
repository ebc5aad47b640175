// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/blastradiuspanel.h"

#include "ui/common/displayformat.h"
#include "ui/common/jobsformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Meridian::Faults {

BlastRadiusPanel::BlastRadiusPanel(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_summary->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("blastRadiusTree"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({ tr("Affected"), tr("Accelerators lost"), tr("State"), tr("Checkpoint / recovery") });
    // What was affected (a job, a pool, a node) is read whole; the checkpoint or recovery note takes the rest and,
    // in a narrow pane, gives way first (elided, whole in its tooltip).
    TableLayout::apply(m_tree, QStringLiteral("faults/blastRadius"), { .key = 3, .keyChars = 12 });
    m_tree->setRootIsDecorated(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString job = item->data(0, Qt::UserRole).toString();
        if (!job.isEmpty())
            Q_EMIT jobActivated(job);
    });
    setRadius({}, false);
}

void BlastRadiusPanel::setRadius(const BlastRadius& r, bool hasSelection)
{
    m_tree->clear();
    if (!hasSelection) {
        m_summary->setText(tr("Select an incident to see what it hits."));
        fitColumns(); // to the headers, so that the empty state shows them whole
        return;
    }
    m_summary->setText(
        tr("%1 accelerators and %2 whole nodes lost; %3 jobs affected.")
            .arg(Format::count(r.acceleratorsLost), Format::count(r.nodesLost), Format::count(r.jobs.size())));
    auto* jobs = new QTreeWidgetItem(m_tree, { tr("Jobs (%1)").arg(r.jobs.size()) });
    for (const AffectedJob& j : r.jobs) {
        QString recovery;
        if (j.recoveredMs > 0)
            recovery = tr("running again after %1").arg(Format::duration(j.recoveredMs - j.interruptedMs));
        else if (j.interruptedMs > 0)
            recovery = tr("interrupted at %1").arg(Format::timestamp(j.interruptedMs));
        else if (j.lastCheckpointMs > 0)
            recovery = tr("checkpoint at %1").arg(Format::timestamp(j.lastCheckpointMs));
        else
            recovery = tr("no checkpoint");
        auto* item = new QTreeWidgetItem(jobs,
            { j.name.isEmpty() ? j.jobId : QStringLiteral("%1 (%2)").arg(j.jobId, j.name),
                j.acceleratorsLost > 0 ? Format::count(j.acceleratorsLost) : Format::missing(),
                JobsFormat::stateText(j.state), recovery });
        item->setData(0, Qt::UserRole, j.jobId);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    auto* capacity = new QTreeWidgetItem(m_tree, { tr("Capacity lost") });
    for (const CapacityLoss& c : r.capacity) {
        auto* item = new QTreeWidgetItem(capacity,
            { QStringLiteral("%1 · %2 · %3").arg(regionDisplayName(c.region), c.pool, c.model),
                Format::count(c.accelerators), c.nodes > 0 ? tr("%n node(s) down", nullptr, c.nodes) : QString(),
                QString() });
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    auto* links = new QTreeWidgetItem(m_tree, { tr("Site links (%1)").arg(r.siteLinks.size()) });
    for (const QString& l : r.siteLinks)
        new QTreeWidgetItem(links, { l });
    m_tree->expandAll();
    fitColumns();
}

void BlastRadiusPanel::fitColumns()
{
    // The last column stretches; the others fit their header and their rows (a blast radius has few).
    for (int column = 0; column < m_tree->columnCount() - 1; ++column)
        m_tree->resizeColumnToContents(column);
}

} // namespace Meridian::Faults
