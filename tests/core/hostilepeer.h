// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A fake agent / fleet front on 127.0.0.1:0 (cpp-httplib, own thread) that
// answers correctly or misbehaves on demand, for the source tests.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace httplib {
class Server;
}

namespace Meridian::Test {

class HostilePeer
{
public:
    enum class Mode {
        Good,
        MalformedJson, ///< 200 with truncated JSON
        WrongTypes, ///< 200, valid JSON, "seq" is a string
        WrongSchema, ///< 200, "schema": 99
        Garbage, ///< 200, random bytes
        Oversized, ///< 200, 1 MiB of JSON-ish padding
        Stall, ///< 200, half a body, then nothing
        Unauthorized, ///< 401
        ServerError, ///< 500
        RetryLater, ///< 503 with Retry-After
    };

    HostilePeer();
    ~HostilePeer();

    bool start();
    QUrl url() const;
    void setMode(Mode mode);
    void setToken(const QByteArray& token); ///< required on /api/* when set
    // Agent behaviour: the next snapshot's seq (history holds 1..seq).
    void advance(qint64 ticks);
    void restartInstance(); ///< new instance id, seq starts over at 1
    qint64 seq() const;
    QStringList requests() const; ///< "path?query" in arrival order
    // Fleet front: node ids served under /api/v1/nodes and /n/ID/; a down one is reported with state down.
    void setFleet(const QStringList& nodeIds, const QString& downNode = {});

private:
    struct State;
    std::unique_ptr<State> m_state;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace Meridian::Test
