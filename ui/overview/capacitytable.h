// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace Meridian {

// Compact per-model table (model | total | allocated | free | faulty) made of
// labels: a handful of rows per card, so no view/model machinery. Labels are
// named "<column>:<model>" (e.g. "free:Ascend 910B") for tests and accessibility.
class CapacityTable : public QWidget
{
    Q_OBJECT
public:
    explicit CapacityTable(QWidget* parent = nullptr);

    // known = false: the numbers were never reported; every cell shows "—".
    // blankReason: what to say when nothing is known (the sources fail, or have not answered yet).
    void setModels(const QList<ModelCapacity>& models, bool known, const QString& blankReason = {});

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild(const QList<ModelCapacity>& models);
    void updateHeaderText();
    void updateFaultyColors();

    QGridLayout* m_grid;
    QList<QLabel*> m_header;
    QStringList m_modelOrder;
    QList<QList<QLabel*>> m_rows; // per model: name, total, allocated, free, faulty
    QList<int> m_faulty; // per model, -1 unknown
    QLabel* m_empty;
};

} // namespace Meridian
