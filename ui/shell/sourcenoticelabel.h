// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/sourceupdate.h"

#include <QHash>
#include <QLabel>

namespace Meridian {

class FleetStore;

// The status bar's word on the sources themselves, beside the per-node counts: history being read ("Reading
// history: prom-east 35 %"), and warnings of partial answers or failing detail queries ("⚠ 2 warnings from
// prom-east"), with every text in the tooltip. Hidden when there is nothing to say.
class SourceNoticeLabel : public QLabel
{
    Q_OBJECT
public:
    explicit SourceNoticeLabel(FleetStore* store, QWidget* parent = nullptr);

    struct Notice
    {
        QString text; ///< empty: nothing to say
        QString toolTip; ///< rich text
        bool warning = false;
    };
    // What to say about these sources' progress (pure, for tests).
    static Notice noticeFor(const QHash<QString, SourceProgress>& progress);

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    FleetStore* m_store;
};

} // namespace Meridian
