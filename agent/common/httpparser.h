// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Strict HTTP/1.1 request framing on Beast's parser, shared by the server
// (httpserver.cpp) and the fuzz target: limits from HttpLimits, and on top of
// what Beast rejects by itself (malformed or conflicting Content-Length,
// oversized heads and bodies) any Transfer-Encoding other than a lone
// "chunked", Transfer-Encoding beside Content-Length, too many fields, and a
// target that is not a decodable origin-form path.

#include "agent/common/httplimits.h"
#include "agent/common/httpmessage.h"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace Meridian::Agent {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Why a request is refused before any route sees it: the status to answer (then the connection closes).
struct HttpRefusal
{
    int status = 0; ///< 0: accepted
    std::string reason;
    explicit operator bool() const { return status != 0; }
};

void configureParser(RequestParser& parser, const HttpLimits& limits);
// Checks the head once it is parsed (before the body is read).
HttpRefusal checkHead(const RequestParser& parser, const HttpLimits& limits);
// The refusal for a parse error Beast reported.
HttpRefusal refusalFor(const boost::system::error_code& error);
// The complete message as a route sees it; a refusal when the target cannot be decoded.
HttpRefusal toRequest(RequestParser& parser, std::string remoteAddress, HttpRequest* out);

// Decodes %XX (and '+' as a space when `plusIsSpace`); false on a malformed escape.
bool percentDecode(std::string_view in, bool plusIsSpace, std::string* out);

// Every request in `bytes` (pipelined one after another), as the server would read them: the
// requests accepted, then at most one refusal; stops at the first incomplete one. For the fuzzer.
struct ParsedStream
{
    std::vector<HttpRequest> requests;
    HttpRefusal refusal;
    bool incomplete = false;
};
ParsedStream parseRequests(std::string_view bytes, const HttpLimits& limits);

} // namespace Meridian::Agent
