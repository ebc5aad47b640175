// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/httpmessage.h"

#include <algorithm>

namespace Meridian::Agent {
namespace {

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

const std::string* find(const HttpFields& fields, std::string_view name, bool ignoreCase)
{
    for (const auto& [key, value] : fields)
        if (ignoreCase ? equalsIgnoringCase(key, name) : key == name)
            return &value;
    return nullptr;
}

} // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string HttpRequest::header(std::string_view name) const
{
    const std::string* v = find(headers, name, true);
    return v ? *v : std::string();
}

bool HttpRequest::hasParam(std::string_view name) const
{
    return find(query, name, false) != nullptr;
}

std::string HttpRequest::param(std::string_view name) const
{
    const std::string* v = find(query, name, false);
    return v ? *v : std::string();
}

void HttpResponse::setHeader(std::string name, std::string value)
{
    removeHeader(name);
    headers.emplace_back(std::move(name), std::move(value));
}

std::string HttpResponse::header(std::string_view name) const
{
    const std::string* v = find(headers, name, true);
    return v ? *v : std::string();
}

void HttpResponse::removeHeader(std::string_view name)
{
    std::erase_if(headers, [name](const auto& field) { return equalsIgnoringCase(field.first, name); });
}

void HttpResponse::setContent(QByteArray content, std::string type)
{
    body = std::move(content);
    contentType = std::move(type);
}

} // namespace Meridian::Agent
