// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/linkproxy.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace Meridian::Test {

LinkProxy::LinkProxy(quint16 upstreamPort, QObject* parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LinkProxy::onNewConnection);
}

bool LinkProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LinkProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort()));
}

void LinkProxy::setMode(Mode mode)
{
    m_mode = mode;
    const auto sockets = findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        socket->abort();
}

void LinkProxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        switch (m_mode) {
        case Mode::Cut:
            client->abort();
            client->deleteLater();
            continue;
        case Mode::Garbage:
            connect(client, &QTcpSocket::readyRead, client, [client] {
                client->readAll();
                client->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n"
                              "{\"schema\":1,\"oops\":[}");
            });
            continue;
        case Mode::Forward:
            break;
        }
        auto* upstream = new QTcpSocket(this);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
        connect(upstream, &QAbstractSocket::errorOccurred, client, [client] { client->abort(); });
    }
}

} // namespace Meridian::Test
