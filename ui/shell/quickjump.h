// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/shell/quickjumpindex.h"

#include <QFrame>
#include <QTimer>

class QLineEdit;
class QListWidget;

namespace Meridian {

// The Ctrl+K box: a line edit over a list of matches, keyboard only —
// type, Up/Down to choose, Enter to go, Escape to close.
class QuickJump : public QFrame
{
    Q_OBJECT
public:
    explicit QuickJump(const FleetStore* store, QWidget* parent = nullptr);

    void popup(QWidget* over); ///< shows centred near the top of that widget, focused and empty
    QLineEdit* lineEdit() const { return m_edit; }
    QListWidget* list() const { return m_list; }
    QList<JumpTarget> matches() const { return m_matches; }

Q_SIGNALS:
    void targetChosen(const Meridian::JumpTarget& target);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void choose(int row);

    const FleetStore* m_store;
    QLineEdit* m_edit;
    QListWidget* m_list;
    QList<JumpTarget> m_matches;
    QTimer m_typing; ///< one search per pause in typing, not per key
};

} // namespace Meridian
