// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/labellink.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>

namespace Meridian {

LabelLink::LabelLink(QLabel* label, std::function<void()> follow)
    : QObject(label)
    , m_label(label)
    , m_follow(std::move(follow))
{
    setObjectName(QStringLiteral("labelLink"));
}

LabelLink* LabelLink::attach(QLabel* label, std::function<void()> follow)
{
    auto* link = new LabelLink(label, std::move(follow));
    label->setCursor(Qt::PointingHandCursor);
    label->installEventFilter(link);
    return link;
}

bool LabelLink::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_label)
        return false;
    switch (event->type()) {
    case QEvent::Enter:
    case QEvent::Leave: {
        QFont font = m_label->font();
        font.setUnderline(event->type() == QEvent::Enter);
        m_label->setFont(font);
        return false;
    }
    case QEvent::MouseButtonPress:
        return static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton;
    case QEvent::MouseButtonRelease:
        if (static_cast<QMouseEvent*>(event)->button() != Qt::LeftButton)
            return false;
        if (m_label->rect().contains(static_cast<QMouseEvent*>(event)->position().toPoint()))
            m_follow();
        return true;
    default:
        return false;
    }
}

} // namespace Meridian
