// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measures RTT to the configured peer agents as TCP connect time to their
// port: no privileges needed, and it crosses the same path the console's
// traffic takes. One attempt per peer per interval; a connect that does not
// finish within the timeout (or is refused) counts as lost. At the end of each
// window (aligned to the wall clock) it publishes p50/p90/p99/max/loss/count per peer.

#include "agent/node/probeconfig.h"
#include "core/protocol/protocoltypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

class QTcpSocket;

namespace Meridian::Agent {

class Prober : public QObject
{
    Q_OBJECT
public:
    explicit Prober(ProbeSettings settings, QObject* parent = nullptr);
    ~Prober() override;

    void start();
    // Statistics of one window's RTTs (ms) and attempts; public for tests.
    static Protocol::ProbeResult summarise(
        const QString& peer, qint64 windowEndMs, std::vector<double> rttsMs, int attempts);

Q_SIGNALS:
    void windowClosed(const QList<Meridian::Protocol::ProbeResult>& results);

private:
    struct PeerState
    {
        std::vector<double> rtts; ///< answered attempts of the open window
        int attempts = 0; ///< finished attempts (answered or lost) of the open window
        QTcpSocket* socket = nullptr; ///< the attempt in flight
        QElapsedTimer started;
    };

    void probeAll();
    void finishAttempt(int peer, QTcpSocket* attempt, bool answered);
    void closeWindow();
    qint64 nextWindowEnd(qint64 nowMs) const;

    ProbeSettings m_settings;
    std::vector<PeerState> m_peers;
    QTimer m_interval;
    QTimer m_window;
    qint64 m_windowEndMs = 0;
};

} // namespace Meridian::Agent
