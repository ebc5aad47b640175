// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a TCP proxy on loopback between the console's core and a real
// agent, to cut the link (the agent keeps running and collecting) or to answer
// with garbage in the agent's place.

#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace Meridian::Test {

class LinkProxy : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Forward, ///< pass bytes both ways
        Cut, ///< close every connection at once, as a dropped link
        Garbage, ///< answer every request with HTTP 200 and a body that is not JSON
    };

    explicit LinkProxy(quint16 upstreamPort, QObject* parent = nullptr);
    bool listen();
    QUrl url() const;
    void setMode(Mode mode); ///< also drops open connections so the new mode applies at once

private:
    void onNewConnection();
    QTcpServer m_server;
    quint16 m_upstreamPort;
    Mode m_mode = Mode::Forward;
};

} // namespace Meridian::Test
