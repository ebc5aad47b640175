// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QLabel;

namespace Meridian {

// Makes a label a link to somewhere else (a card's "2 down" to the Faults page) without changing its
// text: a pointing hand, underlined while hovered, follow() on a left click. The click is the label's:
// the card under it does not see it. A child of the label.
class LabelLink : public QObject
{
    Q_OBJECT
public:
    static LabelLink* attach(QLabel* label, std::function<void()> follow);
    void follow() const { m_follow(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    LabelLink(QLabel* label, std::function<void()> follow);

    QLabel* m_label;
    std::function<void()> m_follow;
};

} // namespace Meridian
