// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/capacitytable.h"

#include "ui/common/displayformat.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>

namespace Meridian {

namespace {
const char* const columnKeys[] = { "model", "total", "allocated", "free", "faulty" };
constexpr int ColumnCount = 5;
} // namespace

CapacityTable::CapacityTable(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
    , m_empty(new QLabel(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(Theme::Spacing * 2);
    m_grid->setVerticalSpacing(2);
    for (int c = 0; c < ColumnCount; ++c) {
        auto* label = new QLabel(this);
        label->setAlignment((c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        label->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(label, 0, c);
        m_header.append(label);
    }
    m_grid->setColumnStretch(0, 1);
    m_empty->setObjectName(QStringLiteral("noAccelerators"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_grid->addWidget(m_empty, 1, 0, 1, ColumnCount);
    updateHeaderText();
    setModels({}, false);
}

void CapacityTable::updateHeaderText()
{
    m_header[0]->setText(tr("Accelerator"));
    m_header[1]->setText(tr("Total"));
    m_header[2]->setText(tr("Allocated"));
    m_header[3]->setText(tr("Free"));
    m_header[4]->setText(tr("Faulty"));
    m_empty->setText(tr("No accelerators reported"));
}

void CapacityTable::rebuild(const QList<ModelCapacity>& models)
{
    for (const QList<QLabel*>& row : std::as_const(m_rows))
        qDeleteAll(row);
    m_rows.clear();
    m_modelOrder.clear();
    for (int r = 0; r < models.size(); ++r) {
        QList<QLabel*> row;
        for (int c = 0; c < ColumnCount; ++c) {
            auto* label = new QLabel(this);
            label->setObjectName(QLatin1String(columnKeys[c]) + QLatin1Char(':') + models[r].model);
            label->setAlignment((c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
            if (c == 0)
                label->setText(models[r].model);
            m_grid->addWidget(label, r + 1, c);
            row.append(label);
        }
        m_rows.append(row);
        m_modelOrder.append(models[r].model);
    }
}

void CapacityTable::setModels(const QList<ModelCapacity>& models, bool known, const QString& blankReason)
{
    QStringList order;
    for (const ModelCapacity& m : models)
        order.append(m.model);
    if (order != m_modelOrder)
        rebuild(models);
    m_empty->setVisible(models.isEmpty());
    if (models.isEmpty())
        m_empty->setText(known          ? tr("No accelerators reported")
                : blankReason.isEmpty() ? Format::missing()
                                        : blankReason);

    m_faulty.clear();
    for (int r = 0; r < models.size(); ++r) {
        const ModelCapacity& m = models[r];
        const int values[] = { m.total, m.allocated, m.free, m.faulty };
        for (int c = 1; c < ColumnCount; ++c) {
            m_rows[r][c]->setText(known ? Format::count(values[c - 1]) : Format::missing());
            m_rows[r][c]->setProperty("value", known ? QVariant(values[c - 1]) : QVariant());
        }
        m_rows[r][0]->setToolTip(m.vendor);
        m_faulty.append(known ? m.faulty : -1);
    }
    updateFaultyColors();
}

void CapacityTable::updateFaultyColors()
{
    for (int r = 0; r < m_rows.size() && r < m_faulty.size(); ++r) {
        QLabel* label = m_rows[r][4];
        QPalette p = palette();
        if (m_faulty[r] > 0)
            p.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Bad, palette()));
        label->setPalette(p);
    }
}

void CapacityTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateHeaderText();
    else if (event->type() == QEvent::PaletteChange)
        updateFaultyColors();
    QWidget::changeEvent(event);
}

} // namespace Meridian
