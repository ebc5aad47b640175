// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one peer may cost the agents' HTTP front: every value here is a bound a
// hostile client meets (docs/security.md lists them). A slow or idle connection
// holds a file descriptor and a few KiB, never a thread.

#include <chrono>
#include <cstddef>

namespace Meridian::Agent {

struct HttpLimits
{
    std::size_t maxHeaderBytes = 16 * 1024; ///< request line and every field together (431 beyond)
    std::size_t maxHeaderFields = 100; ///< 431 beyond
    std::size_t maxBodyBytes = 64 * 1024; ///< counted as a chunked body arrives, too (413 beyond)
    std::chrono::milliseconds headDeadline { 10000 }; ///< the whole request head, from its first byte
    std::chrono::milliseconds bodyDeadline { 10000 }; ///< the whole body, once the head is in
    std::chrono::milliseconds tlsHandshakeDeadline { 10000 };
    std::chrono::milliseconds keepAliveIdle { 5000 }; ///< between requests on one connection
    std::chrono::milliseconds writeDeadline { 10000 }; ///< the whole answer
    int maxConnections = 2048; ///< beyond: a new connection is closed at once
    int maxConnectionsPerPeer = 128; ///< per remote address
};

} // namespace Meridian::Agent
