// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

class QAbstractItemView;

namespace Meridian {

// Keeps the row at the top of a view where it is on screen while rows are
// inserted above it or the model re-sorts: a live list that never moves what
// is under the user's mouse. Works in pixel and item scroll modes.
class ScrollAnchor : public QObject
{
    Q_OBJECT
public:
    explicit ScrollAnchor(QAbstractItemView* view);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    int rowsAddedAbove() const { return m_addedAbove; } ///< since the last resetCount()
    void resetCount() { m_addedAbove = 0; }

Q_SIGNALS:
    void rowsAddedAboveChanged(int count);

private:
    void capture();
    void restore();
    void attach();

    QAbstractItemView* m_view;
    QPointer<QAbstractItemModel> m_model;
    QPersistentModelIndex m_anchor;
    int m_anchorY = 0;
    int m_anchorRow = -1;
    int m_addedAbove = 0;
    bool m_enabled = true;
};

} // namespace Meridian
