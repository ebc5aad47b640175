// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "ui/common/theme.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace Meridian {

// Who a node is and how its agent is doing: host, placement, labels, CPUs,
// memory, agent version, boot id, status and the last error.
class NodeInventoryPanel : public QWidget
{
    Q_OBJECT
public:
    enum Field {
        Host,
        NodeId,
        Region,
        Pool,
        Rack,
        Labels,
        Cpus,
        Memory,
        AgentVersion,
        BootId,
        State,
        Status,
        LastSeen,
        LastError,
        FieldCount
    };
    explicit NodeInventoryPanel(QWidget* parent = nullptr);

    void setNode(const FleetNode* node); ///< nullptr: every value missing
    QString value(Field field) const; ///< the shown text (tests)

protected:
    void changeEvent(QEvent* event) override;

private:
    static constexpr const char* PlainTextProperty = "plainText";
    void updateLabels();
    void setStateValue(Field field, Theme::State state, const QString& text);
    QFormLayout* m_form;
    QList<QLabel*> m_names;
    QList<QLabel*> m_values;
};

} // namespace Meridian
