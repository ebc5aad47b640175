// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/networkfaultproxy.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <sys/socket.h>

namespace Meridian::Test {

struct NetworkFaultProxy::Link
{
    // QAbstractSocket, not QTcpSocket: disconnected() can come from ~QAbstractSocket, when the
    // QTcpSocket part is already gone (a QPointer<QTcpSocket> would downcast a half-destroyed object).
    QPointer<QAbstractSocket> client;
    QPointer<QAbstractSocket> upstream;
    QByteArray pending; ///< from the agent, not yet passed on
    QList<std::pair<qint64, QByteArray>> delayed; ///< latency: (due time, bytes)
    qint64 sentInResponse = 0; ///< for ResetMidResponse
    double credit = 0; ///< bandwidth: bytes allowed but not yet sent
    bool upstreamClosed = false;
    bool closing = false;
};

namespace {
constexpr int TickMs = 5;

qint64 nowMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}
} // namespace

NetworkFaultProxy::NetworkFaultProxy(quint16 upstreamPort, QObject* parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &NetworkFaultProxy::onNewConnection);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        const QList<Link*> links = m_links;
        for (Link* link : links)
            pump(link);
    });
    m_tick.start();
}

NetworkFaultProxy::~NetworkFaultProxy()
{
    for (Link* link : std::as_const(m_links)) {
        delete link->client;
        delete link->upstream;
        delete link;
    }
}

bool NetworkFaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl NetworkFaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort()));
}

void NetworkFaultProxy::setFault(Fault fault)
{
    m_fault = fault;
    for (Link* link : std::as_const(m_links))
        link->sentInResponse = 0;
}

void NetworkFaultProxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        auto* link = new Link;
        link->client = client;
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_links.append(link);
        if (m_fault == Fault::BlackHole) {
            // Accept and swallow: the peer sees a connection that never answers.
            connect(client, &QTcpSocket::readyRead, client, [client] { client->readAll(); });
            connect(client, &QTcpSocket::disconnected, this, [this, link] { close(link); });
            continue;
        }
        auto* upstream = new QTcpSocket(this);
        link->upstream = upstream;
        upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(client, &QTcpSocket::readyRead, this, [this, link] {
            if (!link->client)
                return;
            const QByteArray data = link->client->readAll();
            if (m_fault == Fault::BlackHole || !link->upstream)
                return;
            link->sentInResponse = 0; // a new request: the reset counts from its answer
            link->upstream->write(data);
        });
        connect(upstream, &QTcpSocket::connected, this, [this, link] {
            if (link->client && link->client->bytesAvailable() && link->upstream)
                link->upstream->write(link->client->readAll());
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, link] { fromUpstream(link); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, link] {
            link->upstreamClosed = true;
            pump(link);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { close(link); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void NetworkFaultProxy::fromUpstream(Link* link)
{
    if (!link->upstream)
        return;
    const QByteArray data = link->upstream->readAll();
    if (m_fault == Fault::Latency)
        link->delayed.append({ nowMs() + m_settings.latencyMs, data });
    else
        link->pending += data;
    pump(link);
}

void NetworkFaultProxy::pump(Link* link)
{
    if (!link->client || link->closing)
        return;
    while (!link->delayed.isEmpty() && (m_fault != Fault::Latency || link->delayed.first().first <= nowMs()))
        link->pending += link->delayed.takeFirst().second;
    if (m_fault == Fault::BlackHole)
        return; // held: an open connection that went silent
    qint64 allowed = link->pending.size();
    switch (m_fault) {
    case Fault::Bandwidth:
        link->credit = std::min<double>(
            link->credit + double(m_settings.bytesPerSecond) * TickMs / 1000.0, double(m_settings.bytesPerSecond));
        allowed = std::min<qint64>(allowed, qint64(link->credit));
        link->credit -= double(allowed);
        break;
    case Fault::SingleByteSlices:
        // One write and flush per byte: with TCP_NODELAY each byte leaves as its own segment.
        for (qint64 i = 0; i < std::min<qint64>(allowed, 512) && link->client; ++i) {
            link->client->write(link->pending.constData() + i, 1);
            link->client->flush();
            ++m_bytesToClient;
        }
        link->pending.remove(0, std::min<qint64>(allowed, 512));
        allowed = 0;
        break;
    case Fault::ResetMidResponse:
        if (link->sentInResponse + allowed >= m_settings.resetAfterBytes) {
            allowed = std::max<qint64>(0, m_settings.resetAfterBytes - link->sentInResponse);
            if (allowed > 0)
                link->client->write(link->pending.left(allowed));
            link->client->flush();
            m_bytesToClient += allowed;
            return reset(link);
        }
        break;
    default:
        break;
    }
    if (allowed > 0) {
        link->client->write(link->pending.left(allowed));
        link->client->flush();
        link->pending.remove(0, allowed);
        link->sentInResponse += allowed;
        m_bytesToClient += allowed;
    }
    if (link->upstreamClosed && link->pending.isEmpty() && link->delayed.isEmpty()) {
        link->client->disconnectFromHost();
        close(link);
    }
}

void NetworkFaultProxy::reset(Link* link)
{
    ++m_resets;
    if (link->client) {
        // SO_LINGER 0: close() sends RST instead of FIN, as a broken middlebox does.
        linger l { 1, 0 };
        ::setsockopt(int(link->client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        link->client->abort();
    }
    close(link);
}

void NetworkFaultProxy::close(Link* link)
{
    if (link->closing)
        return;
    link->closing = true;
    m_links.removeOne(link);
    if (link->upstream) {
        link->upstream->disconnect(this);
        link->upstream->abort();
        link->upstream->deleteLater();
    }
    if (link->client) {
        link->client->disconnect(this);
        link->client->deleteLater();
    }
    // Deleted later as well: a signal of this link may be on the stack.
    QTimer::singleShot(0, this, [link] { delete link; });
}

} // namespace Meridian::Test
