// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agent's latency probe settings: which peer agents to probe (node id and
// the peer agent's HOST:PORT), how often, and over which window to report.

#include <QList>
#include <QString>

namespace Meridian::Agent {

struct ProbePeer
{
    QString nodeId;
    QString host;
    quint16 port = 0;
    friend bool operator==(const ProbePeer&, const ProbePeer&) = default;
};

inline constexpr int MaxProbePeers = 256;

struct ProbeSettings
{
    QList<ProbePeer> peers; ///< empty: no probing
    int intervalMs = 1000; ///< one TCP connect per peer per interval
    int windowSeconds = 60; ///< one ProbeResult per peer per window
    int timeoutMs() const { return std::min(intervalMs, 1000); }
};

// "ID@HOST:PORT,ID@HOST:PORT" ([v6] hosts in brackets); false with *error on anything malformed.
bool parseProbePeers(const QString& value, QList<ProbePeer>* out, QString* error);

} // namespace Meridian::Agent
