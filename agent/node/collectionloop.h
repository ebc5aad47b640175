// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agent's heartbeat: every interval it reads /proc and the accelerator
// tools, applies the job mapping, derives events from what changed, and
// commits one tick to the shared state. Runs on the main thread's event loop.

#include "agent/node/acceleratorcollector.h"
#include "agent/node/agentconfig.h"
#include "agent/node/agentstate.h"
#include "agent/node/procfscollector.h"

#include <QObject>
#include <QTimer>

namespace Meridian::Agent {

class CollectionLoop : public QObject
{
    Q_OBJECT
public:
    CollectionLoop(const AgentConfig& config, AgentState* state, QObject* parent = nullptr);

    void start(); ///< collects once at once, then every interval
    void tick();
    const ProcfsCollector& procfs() const { return m_procfs; }

private:
    QList<Protocol::Event> diff(const QList<AcceleratorReading>& now, const QStringList& toolErrors, qint64 nowMs);
    Protocol::Event event(
        qint64 nowMs, const QString& kind, Protocol::Severity severity, int accelerator, const QString& message) const;

    AgentConfig m_config;
    AgentState* m_state;
    ProcfsCollector m_procfs;
    AcceleratorCollector m_accelerators;
    HostFacts m_host;
    QTimer m_timer;
    bool m_first = true;
    QList<AcceleratorReading> m_previous;
    QStringList m_previousWarnings;
};

} // namespace Meridian::Agent
