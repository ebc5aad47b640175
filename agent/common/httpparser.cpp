// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/httpparser.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

namespace Meridian::Agent {
namespace http = boost::beast::http;

void configureParser(RequestParser& parser, const HttpLimits& limits)
{
    parser.header_limit(std::uint32_t(limits.maxHeaderBytes));
    parser.body_limit(std::uint64_t(limits.maxBodyBytes));
}

HttpRefusal checkHead(const RequestParser& parser, const HttpLimits& limits)
{
    const auto& head = parser.get();
    std::size_t fields = 0, transferEncodings = 0;
    bool contentLength = false;
    for (const auto& field : head) {
        ++fields;
        if (field.name() == http::field::transfer_encoding)
            ++transferEncodings;
        else if (field.name() == http::field::content_length)
            contentLength = true;
    }
    if (fields > limits.maxHeaderFields)
        return { 431, "more than " + std::to_string(limits.maxHeaderFields) + " header fields" };
    if (transferEncodings > 0) {
        if (contentLength)
            return { 400, "Transfer-Encoding and Content-Length together" };
        const auto te = head[http::field::transfer_encoding];
        if (transferEncodings > 1 || !equalsIgnoringCase(std::string_view(te.data(), te.size()), "chunked"))
            return { 501, "only Transfer-Encoding: chunked is understood" };
    }
    if (head.version() != 11 && head.version() != 10)
        return { 505, "HTTP/1.0 and HTTP/1.1 only" };
    if (head.target().empty() || head.target().front() != '/')
        return { 400, "the request target must be a path" };
    return {};
}

HttpRefusal refusalFor(const boost::system::error_code& error)
{
    if (error == http::error::header_limit)
        return { 431, "request head too large" };
    if (error == http::error::body_limit)
        return { 413, "request body too large" };
    return { 400, "malformed request: " + error.message() };
}

bool percentDecode(std::string_view in, bool plusIsSpace, std::string* out)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    out->clear();
    out->reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return false;
            const int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            out->push_back(char(hi * 16 + lo));
            i += 2;
        } else {
            out->push_back(plusIsSpace && c == '+' ? ' ' : c);
        }
    }
    return true;
}

HttpRefusal toRequest(RequestParser& parser, std::string remoteAddress, HttpRequest* out)
{
    auto message = parser.release();
    out->method = std::string(message.method_string());
    out->target = std::string(message.target());
    const std::string_view target = out->target;
    const std::size_t question = target.find('?');
    if (!percentDecode(target.substr(0, question), false, &out->path))
        return { 400, "malformed escape in the path" };
    if (question != std::string_view::npos) {
        std::string_view query = target.substr(question + 1);
        while (!query.empty()) {
            const std::size_t amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
            if (pair.empty())
                continue;
            const std::size_t eq = pair.find('=');
            std::string name, value;
            if (!percentDecode(pair.substr(0, eq), true, &name)
                || (eq != std::string_view::npos && !percentDecode(pair.substr(eq + 1), true, &value)))
                return { 400, "malformed escape in the query" };
            out->query.emplace_back(std::move(name), std::move(value));
        }
    }
    for (const auto& field : message)
        out->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    out->body = std::move(message.body());
    out->remoteAddress = std::move(remoteAddress);
    return {};
}

ParsedStream parseRequests(std::string_view bytes, const HttpLimits& limits)
{
    ParsedStream result;
    while (!bytes.empty()) {
        RequestParser parser;
        configureParser(parser, limits);
        parser.eager(true);
        bool headChecked = false;
        for (;;) {
            boost::system::error_code ec;
            const std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec == http::error::need_more && bytes.empty()) {
                // The stream ends here: a body that runs to the end of the stream is not allowed for requests.
                result.incomplete = true;
                return result;
            }
            if (ec && ec != http::error::need_more) {
                result.refusal = refusalFor(ec);
                return result;
            }
            if (parser.is_header_done() && !headChecked) {
                headChecked = true;
                if ((result.refusal = checkHead(parser, limits)))
                    return result;
            }
            if (parser.is_done())
                break;
            if (used == 0) {
                result.incomplete = true; // the parser needs more than the stream holds
                return result;
            }
        }
        HttpRequest request;
        if ((result.refusal = toRequest(parser, "fuzz", &request)))
            return result;
        result.requests.push_back(std::move(request));
    }
    return result;
}

} // namespace Meridian::Agent
