// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the agents' HTTP request framing (agent/common/httpparser.h) on a
// byte stream as a connection delivers it, pipelined requests included. Beyond
// "no crash": whatever is accepted respects the limits it was given.

#include "agent/common/httpparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Meridian::Agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const HttpLimits limits = [] {
        HttpLimits l;
        l.maxHeaderBytes = 2048;
        l.maxHeaderFields = 16;
        l.maxBodyBytes = 1024;
        return l;
    }();
    const ParsedStream parsed = parseRequests(std::string_view(reinterpret_cast<const char*>(data), size), limits);
    for (const HttpRequest& request : parsed.requests) {
        if (request.body.size() > limits.maxBodyBytes || request.headers.size() > limits.maxHeaderFields)
            std::abort();
        if (request.target.empty() || request.target.front() != '/')
            std::abort();
    }
    if (parsed.refusal && (parsed.refusal.status < 400 || parsed.refusal.status > 599))
        std::abort();
    return 0;
}
