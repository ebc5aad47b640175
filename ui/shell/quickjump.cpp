// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/quickjump.h"

#include "ui/common/regionnames.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Meridian {

QuickJump::QuickJump(const FleetStore* store, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_store(store)
    , m_edit(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickJump"));
    setFrameShape(QFrame::StyledPanel);
    m_edit->setObjectName(QStringLiteral("quickJumpEdit"));
    m_edit->setPlaceholderText(tr("Go to a region, pool, rack, node or accelerator (host#3, UUID)…"));
    m_edit->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("quickJumpList"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the line edit keeps the keyboard
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    m_edit->installEventFilter(this);
    m_typing.setSingleShot(true);
    m_typing.setInterval(60);
    connect(&m_typing, &QTimer::timeout, this, &QuickJump::refresh);
    connect(m_edit, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        // Enter right after typing: search now rather than choose from stale matches.
        if (m_typing.isActive()) {
            m_typing.stop();
            refresh();
        }
        choose(m_list->currentRow());
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { choose(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { choose(m_list->row(item)); });
    resize(560, 360);
}

void QuickJump::popup(QWidget* over)
{
    m_edit->clear();
    m_typing.stop();
    refresh();
    if (over) {
        const QPoint top = over->mapToGlobal(QPoint((over->width() - width()) / 2, 40));
        move(top);
    }
    show();
    raise();
    activateWindow();
    m_edit->setFocus(Qt::PopupFocusReason);
}

void QuickJump::refresh()
{
    m_matches = searchJumpTargets(*m_store, m_edit->text());
    m_list->clear();
    static const char* kinds[] = { QT_TR_NOOP("Region"), QT_TR_NOOP("Pool"), QT_TR_NOOP("Rack"), QT_TR_NOOP("Node"),
        QT_TR_NOOP("Accelerator") };
    for (const JumpTarget& t : std::as_const(m_matches)) {
        const QString label = t.kind == JumpTarget::Region ? regionDisplayName(t.label) : t.label;
        const QString text = t.detail.isEmpty() ? tr("%1 — %2").arg(tr(kinds[t.kind]), label)
                                                : tr("%1 — %2   (%3)").arg(tr(kinds[t.kind]), label, t.detail);
        m_list->addItem(text);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickJump::choose(int row)
{
    if (row < 0 || row >= m_matches.size())
        return;
    const JumpTarget target = m_matches.at(row);
    hide();
    Q_EMIT targetChosen(target);
}

bool QuickJump::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int count = m_list->count();
        switch (key->key()) {
        case Qt::Key_Down:
            if (count > 0)
                m_list->setCurrentRow(qMin(m_list->currentRow() + 1, count - 1));
            return true;
        case Qt::Key_Up:
            if (count > 0)
                m_list->setCurrentRow(qMax(m_list->currentRow() - 1, 0));
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace Meridian
