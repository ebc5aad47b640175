// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/faults/blastradius.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace Meridian::Faults {

// The blast radius of the selected incident: affected jobs with the
// accelerators they lose, capacity lost per pool and model, site links.
class BlastRadiusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BlastRadiusPanel(QWidget* parent = nullptr);
    void setRadius(const BlastRadius& radius, bool hasSelection);
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void jobActivated(const QString& jobId);

private:
    void fitColumns();

    QLabel* m_summary;
    QTreeWidget* m_tree;
};

} // namespace Meridian::Faults
