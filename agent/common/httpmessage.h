// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The request and answer a route sees: plain values, independent of the
// transport (httpserver.h) so that route code knows nothing of Asio or Beast.
// A request reaches a route only once it has been read in full and passed the
// framing checks (httpparser.h).

#include <QByteArray>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Meridian::Agent {

using HttpFields = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest
{
    std::string method; ///< "GET", "POST", … as sent
    std::string target; ///< as sent: path and query
    std::string path; ///< percent-decoded, without the query
    HttpFields query; ///< decoded name/value pairs, in order ('+' is a space)
    HttpFields headers; ///< as sent (names keep their case; compare with header())
    std::string body;
    std::string remoteAddress;
    std::vector<std::string> matches; ///< set by the router: [0] the path, [1…] the pattern's groups

    // First value of header `name` (case-insensitive); empty when absent.
    std::string header(std::string_view name) const;
    bool hasParam(std::string_view name) const;
    std::string param(std::string_view name) const; ///< first value; empty when absent
};

struct HttpResponse
{
    int status = 200;
    HttpFields headers; ///< extra fields (Content-Type and Content-Length are set from the body)
    std::string contentType;
    QByteArray body; ///< implicitly shared: a cached document is sent without a copy

    void setHeader(std::string name, std::string value);
    std::string header(std::string_view name) const;
    void removeHeader(std::string_view name);
    void setContent(QByteArray content, std::string type);
};

bool equalsIgnoringCase(std::string_view a, std::string_view b);

} // namespace Meridian::Agent
