// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/router.h"

namespace Meridian::Agent {

void Router::add(std::string method, const std::string& pattern, HttpHandler handler)
{
    m_routes.push_back({ std::move(method), std::regex(pattern, std::regex::ECMAScript), std::move(handler) });
}

bool Router::route(HttpRequest& request, HttpResponse& response) const
{
    const std::string_view method = request.method == "HEAD" ? std::string_view("GET") : request.method;
    for (const Route& r : m_routes) {
        std::smatch m;
        if (r.method != method || !std::regex_match(request.path, m, r.pattern))
            continue;
        request.matches.assign(m.begin(), m.end());
        r.handler(request, response);
        return true;
    }
    return false;
}

} // namespace Meridian::Agent
