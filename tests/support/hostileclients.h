// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: clients as a hostile peer on the node's network would run
// them against a real agent on loopback (slow request heads, idle keep-alive
// connections, a trickled TLS ClientHello, header and chunked floods), and a
// plain, timed, legitimate client (HTTP or HTTPS, with a client certificate if
// asked) to see whether the agent still answers. POSIX sockets and OpenSSL,
// no event loop: hundreds of connections on one thread.

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace Meridian::Test {

// A connected blocking socket to 127.0.0.1:port from local address `from` (any 127.0.0.0/8 address:
// several attackers look like several hosts); -1 on failure.
int connectFrom(quint16 port, const QByteArray& from = "127.0.0.1", int timeoutMs = 5000);

struct TlsClientSetup
{
    QString caFile; ///< empty: plain HTTP
    QString certFile; ///< client certificate (mutual TLS); empty: none
    QString keyFile;
    QByteArray tls12Ciphers; ///< not empty: TLS 1.2 at most, offering only these suites (OpenSSL names)
};

struct TimedAnswer
{
    int status = 0; ///< 0: no HTTP answer
    qint64 elapsedMs = 0;
    qint64 elapsedUs = 0;
    QByteArray body;
    QString error;
};

// One request on a fresh connection ("Connection: close"), answered within timeoutMs or not at all.
TimedAnswer timedGet(quint16 port, const QByteArray& path, const QByteArray& token = {}, const TlsClientSetup& tls = {},
    int timeoutMs = 5000);

// Raw bytes on a fresh plain connection; what came back until the server closed or timeoutMs passed.
QByteArray exchange(quint16 port, const QByteArray& request, int timeoutMs = 3000, bool* closedByServer = nullptr);
// Status codes of every response in `raw` (in order).
QList<int> statuses(const QByteArray& raw);

// `count` connections that hold the agent busy the way `kind` says, from `sources` loopback
// addresses (127.0.0.2 …), on a thread of their own until stop() or destruction. A connection
// the agent closes is opened again: the attack lasts as long as the object.
class HostileClients
{
public:
    enum class Kind {
        SlowHead, ///< a request head, one byte every interval, never finished
        IdleKeepAlive, ///< one request answered, then silence
        TrickledClientHello, ///< a TLS ClientHello, one byte every interval
    };
    HostileClients(quint16 port, Kind kind, int count, std::chrono::milliseconds interval, int sources = 8);
    ~HostileClients();
    HostileClients(const HostileClients&) = delete;
    HostileClients& operator=(const HostileClients&) = delete;

    void stop();
    int open() const { return m_open.load(); } ///< connections open now
    long long reconnects() const { return m_reconnects.load(); } ///< connections the agent closed

private:
    void run();
    int openOne(int index);

    quint16 m_port;
    Kind m_kind;
    int m_count;
    std::chrono::milliseconds m_interval;
    int m_sources;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_open { 0 };
    std::atomic<long long> m_reconnects { 0 };
    std::thread m_thread;
};

// Floods: one connection each sends `totalBytes` (or until the agent closes it). Returns the bytes sent.
// Header flood: "GET /metrics" followed by 8 KB header lines. Chunked flood: a chunked POST body.
qint64 floodHeaders(quint16 port, qint64 totalBytes);
qint64 floodChunkedBody(quint16 port, const QByteArray& path, qint64 totalBytes);

// VmRSS and VmHWM (peak) of a process in KiB, from /proc/PID/status; -1 when unreadable.
qint64 residentKiB(qint64 pid, const char* field = "VmRSS:");

} // namespace Meridian::Test
