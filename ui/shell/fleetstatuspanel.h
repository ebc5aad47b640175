// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace Meridian {

class FleetStore;

// The status bar's fleet part: agents per status (colour-coded, with the first
// problem agents and their reasons in the tooltip) and the age of the data.
class FleetStatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FleetStatusPanel(FleetStore* store, QWidget* parent = nullptr);

    // Data older than this is shown as a warning (default 15 s: three 5 s polls).
    void setStaleThresholdMs(qint64 ms);

    QString dataAgeText() const;

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void updateCounts();
    void updateAge();

    FleetStore* m_store;
    QList<QLabel*> m_counts; // up, stale, unreachable, unauthorized, bad payload
    QLabel* m_age;
    AgentStatusCounts m_last;
    qint64 m_staleThresholdMs = 15'000;
    QTimer m_ageTimer;
    QTimer m_throttle;
    QElapsedTimer m_sinceUpdate;
};

} // namespace Meridian
