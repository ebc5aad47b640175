// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/prober.h"

#include <QDateTime>
#include <QTcpSocket>

#include <algorithm>
#include <cmath>

namespace Meridian::Agent {
namespace {

double percentile(const std::vector<double>& sorted, double q)
{
    // Nearest rank: a value that was measured, never an interpolation.
    const size_t rank = size_t(std::ceil(q * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

} // namespace

Prober::Prober(ProbeSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_peers(size_t(m_settings.peers.size()))
{
    m_interval.setInterval(m_settings.intervalMs);
    m_window.setSingleShot(true);
    m_window.setTimerType(Qt::PreciseTimer);
    connect(&m_interval, &QTimer::timeout, this, &Prober::probeAll);
    connect(&m_window, &QTimer::timeout, this, &Prober::closeWindow);
}

Prober::~Prober()
{
    for (PeerState& p : m_peers)
        delete p.socket;
}

void Prober::start()
{
    if (m_peers.empty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_windowEndMs = nextWindowEnd(now);
    m_window.start(int(m_windowEndMs - now));
    m_interval.start();
    probeAll();
}

qint64 Prober::nextWindowEnd(qint64 nowMs) const
{
    const qint64 w = qint64(m_settings.windowSeconds) * 1000;
    return (nowMs / w + 1) * w;
}

void Prober::probeAll()
{
    for (int i = 0; i < int(m_peers.size()); ++i) {
        PeerState& p = m_peers[size_t(i)];
        if (p.socket)
            continue; // the previous attempt is still within its timeout
        auto* socket = new QTcpSocket(this);
        p.socket = socket;
        connect(socket, &QTcpSocket::connected, this, [this, i, socket] { finishAttempt(i, socket, true); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, i, socket] { finishAttempt(i, socket, false); });
        QTimer::singleShot(m_settings.timeoutMs(), socket, [this, i, socket] { finishAttempt(i, socket, false); });
        p.started.start();
        const ProbePeer& peer = m_settings.peers[i];
        p.socket->connectToHost(peer.host, peer.port);
    }
}

void Prober::finishAttempt(int peer, QTcpSocket* attempt, bool answered)
{
    PeerState& p = m_peers[size_t(peer)];
    if (!p.socket || p.socket != attempt)
        return; // an attempt already finished (a late timeout or error)
    const double ms = double(p.started.nsecsElapsed()) / 1e6;
    QTcpSocket* socket = std::exchange(p.socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    ++p.attempts;
    if (answered)
        p.rtts.push_back(ms);
}

Protocol::ProbeResult Prober::summarise(
    const QString& peer, qint64 windowEndMs, std::vector<double> rttsMs, int attempts)
{
    Protocol::ProbeResult r;
    r.peer = peer;
    r.windowEndMs = windowEndMs;
    r.count = attempts;
    if (attempts <= 0)
        return r; // nothing finished in the window: every figure missing
    r.loss = double(attempts - int(rttsMs.size())) / attempts;
    if (rttsMs.empty())
        return r;
    std::sort(rttsMs.begin(), rttsMs.end());
    r.p50Ms = round3(percentile(rttsMs, 0.50));
    r.p90Ms = round3(percentile(rttsMs, 0.90));
    r.p99Ms = round3(percentile(rttsMs, 0.99));
    r.maxMs = round3(rttsMs.back());
    return r;
}

void Prober::closeWindow()
{
    QList<Protocol::ProbeResult> results;
    for (int i = 0; i < int(m_peers.size()); ++i) {
        PeerState& p = m_peers[size_t(i)];
        results.append(summarise(m_settings.peers[i].nodeId, m_windowEndMs, std::move(p.rtts), p.attempts));
        p.rtts.clear();
        p.attempts = 0;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_windowEndMs = nextWindowEnd(now);
    m_window.start(int(std::max<qint64>(1, m_windowEndMs - now)));
    Q_EMIT windowClosed(results);
}

} // namespace Meridian::Agent
