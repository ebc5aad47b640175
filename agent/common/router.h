// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Routes by method and path: a pattern is a regular expression that must match
// the whole (decoded) path; its groups land in HttpRequest::matches. The first
// route registered that matches wins. Routes are registered before the server
// starts and only read afterwards, from any worker thread.

#include "agent/common/httpmessage.h"

#include <functional>
#include <regex>
#include <string>
#include <vector>

namespace Meridian::Agent {

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

class Router
{
public:
    void get(const std::string& pattern, HttpHandler handler) { add("GET", pattern, std::move(handler)); }
    void post(const std::string& pattern, HttpHandler handler) { add("POST", pattern, std::move(handler)); }
    void del(const std::string& pattern, HttpHandler handler) { add("DELETE", pattern, std::move(handler)); }
    void add(std::string method, const std::string& pattern, HttpHandler handler);

    // Runs the matching route (HEAD runs the GET route; the server drops the body). False when no
    // route matches the path and method: the response is left untouched.
    bool route(HttpRequest& request, HttpResponse& response) const;

private:
    struct Route
    {
        std::string method;
        std::regex pattern;
        HttpHandler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace Meridian::Agent
