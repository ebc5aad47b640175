// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a TCP fault proxy on loopback between the console's core and a
// real agent. Unlike LinkProxy (cut / garbage) it degrades the link the way
// long-haul links between regions do: added latency, a bandwidth limit, a
// connection reset in the middle of a response, responses sliced into single
// bytes, and a black hole (connections accepted, nothing ever answered).
// Runs on the thread that creates it (event-loop driven, no sleeps).

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace Meridian::Test {

class NetworkFaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        None, ///< forward both ways at once
        Latency, ///< every chunk from the agent is held `latencyMs` before it goes on
        Bandwidth, ///< the agent's answer flows at `bytesPerSecond`
        ResetMidResponse, ///< after `resetAfterBytes` bytes of an answer, the connection is reset (RST)
        SingleByteSlices, ///< the answer goes out one byte per TCP segment
        BlackHole, ///< connections are accepted and read, nothing is ever sent back or closed
    };
    Q_ENUM(Fault)

    struct Settings
    {
        int latencyMs = 300;
        qint64 bytesPerSecond = 64 * 1024;
        qint64 resetAfterBytes = 200; ///< inside the headers or the first part of the body
    };

    explicit NetworkFaultProxy(quint16 upstreamPort, QObject* parent = nullptr);
    ~NetworkFaultProxy() override;
    bool listen();
    QUrl url() const; ///< http://127.0.0.1:PORT/
    quint16 port() const { return m_server.serverPort(); }

    // Applies to new connections and to the answers still flowing on open ones.
    void setFault(Fault fault);
    Fault fault() const { return m_fault; }
    Settings& settings() { return m_settings; }

    qint64 bytesToClient() const { return m_bytesToClient; } ///< for tests that a fault really applied
    int resets() const { return m_resets; }

private:
    struct Link;
    void onNewConnection();
    void fromUpstream(Link* link);
    void pump(Link* link); ///< moves what the fault allows from link->pending to the client
    void reset(Link* link);
    void close(Link* link);

    QTcpServer m_server;
    quint16 m_upstreamPort;
    Fault m_fault = Fault::None;
    Settings m_settings;
    QList<Link*> m_links;
    QTimer m_tick; ///< drives bandwidth and slices
    qint64 m_bytesToClient = 0;
    int m_resets = 0;
};

} // namespace Meridian::Test
