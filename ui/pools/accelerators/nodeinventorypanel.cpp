// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/nodeinventorypanel.h"

#include "core/model/peertext.h"
#include "ui/common/displayformat.h"
#include "ui/common/nodeformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/stateicon.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace Meridian {

NodeInventoryPanel::NodeInventoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (int f = 0; f < FieldCount; ++f) {
        auto* name = new QLabel(this);
        auto* value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        value->setTextFormat(Qt::PlainText);
        m_names.append(name);
        m_values.append(value);
        m_form->addRow(name, value);
    }
    updateLabels();
    setNode(nullptr);
}

void NodeInventoryPanel::updateLabels()
{
    const QStringList names { tr("Host"), tr("Node id"), tr("Region"), tr("Pool"), tr("Rack"), tr("Labels"), tr("CPUs"),
        tr("Memory"), tr("Agent version"), tr("Boot id"), tr("State"), tr("Agent status"), tr("Last data"),
        tr("Last error") };
    for (int f = 0; f < FieldCount; ++f)
        m_names[f]->setText(names.at(f));
}

void NodeInventoryPanel::setNode(const FleetNode* node)
{
    const QString none = Format::missing();
    auto text = [&](const QString& s) { return s.isEmpty() ? none : s; };
    if (!node) {
        for (QLabel* v : std::as_const(m_values)) {
            v->setTextFormat(Qt::PlainText);
            v->setProperty(PlainTextProperty, {});
            v->setText(none);
        }
        return;
    }
    const Protocol::NodeInventory& inv = node->inventory;
    QStringList labels;
    for (auto it = inv.labels.cbegin(); it != inv.labels.cend(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    const bool hasSample = node->snapshot.sample.seq != 0;
    QString state = none;
    if (hasSample) {
        state = NodeFormat::stateText(Protocol::toString(node->snapshot.sample.state));
        if (!node->snapshot.stateReason.isEmpty())
            state += QStringLiteral(" (")
                + PeerText::show(
                    node->snapshot.stateReason, node->snapshot.stateReasonKey, node->snapshot.stateReasonArgs)
                + QLatin1Char(')');
    }
    m_values[Host]->setText(text(inv.hostname));
    m_values[NodeId]->setText(text(inv.nodeId));
    m_values[Region]->setText(inv.region.isEmpty() ? none : regionDisplayName(inv.region));
    m_values[Pool]->setText(text(inv.pool));
    m_values[Rack]->setText(text(inv.rack));
    m_values[Labels]->setText(labels.isEmpty() ? tr("none") : labels.join(QStringLiteral(", ")));
    m_values[Cpus]->setText(inv.cpuCount > 0 ? QLocale().toString(inv.cpuCount) : none);
    m_values[Memory]->setText(
        inv.memoryBytes > 0 ? tr("%1 GiB").arg(QLocale().toString(inv.memoryBytes / double(1LL << 30), 'f', 0)) : none);
    m_values[AgentVersion]->setText(text(inv.agentVersion));
    m_values[BootId]->setText(text(inv.bootId));
    setStateValue(State, hasSample ? Theme::state(node->snapshot.sample.state) : Theme::State::Unknown, state);
    setStateValue(Status, Theme::state(node->status), Format::agentStatus(node->status));
    m_values[LastSeen]->setText(node->lastSeenMs > 0 ? Format::timestamp(node->lastSeenMs) : none);
    m_values[LastError]->setText(text(PeerText::show(node->lastError)));
}

void NodeInventoryPanel::setStateValue(Field field, Theme::State state, const QString& text)
{
    // The state's shape and colour before its word (never colour alone); value() still answers the word.
    QLabel* label = m_values.at(field);
    label->setTextFormat(Qt::RichText);
    label->setText(Theme::stateHtml(state, text, palette()));
    label->setProperty(PlainTextProperty, text);
}

QString NodeInventoryPanel::value(Field field) const
{
    const QLabel* label = m_values.value(field);
    if (!label)
        return {};
    const QVariant plain = label->property(PlainTextProperty);
    return plain.isValid() ? plain.toString() : label->text();
}

void NodeInventoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateLabels();
    QWidget::changeEvent(event);
}

} // namespace Meridian
