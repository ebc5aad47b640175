// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/roles.h"

#include "agent/common/httpservice.h"
#include "core/util/secretfile.h"

namespace Meridian::Agent {

QString toString(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::None:
        break;
    }
    return QStringLiteral("none");
}

bool fromString(QStringView text, Role* out)
{
    for (Role r : { Role::Viewer, Role::Operator, Role::Admin })
        if (text == toString(r)) {
            *out = r;
            return true;
        }
    return false;
}

std::shared_ptr<RoleTable> RoleTable::load(const QString& path, QString* error)
{
    // Tokens are secrets: the file is checked as ssh checks its keys (core/util/secretfile.h).
    const SecretFile::Result file = SecretFile::read(path, MaxFileBytes, QStringLiteral("tokens file"));
    if (!file.ok()) {
        *error = file.error;
        return {};
    }
    const QByteArray& text = file.content;
    auto table = std::make_shared<RoleTable>();
    QString why;
    if (!table->parse(text, &why)) {
        *error = path + QStringLiteral(": ") + why;
        return {};
    }
    return table;
}

bool RoleTable::parse(const QByteArray& text, QString* error)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        Role role = Role::None;
        if (parts.size() != 2 || !fromString(QString::fromLatin1(parts.at(0)), &role)) {
            *error = QStringLiteral("line %1: expected \"viewer|operator|admin TOKEN\"").arg(i + 1);
            return false;
        }
        if (parts.at(1).size() < 16 || parts.at(1).size() > 512) {
            *error = QStringLiteral("line %1: a token has 16 to 512 characters").arg(i + 1);
            return false;
        }
        if (m_entries.size() >= MaxTokens) {
            *error = QStringLiteral("more than %1 tokens").arg(MaxTokens);
            return false;
        }
        if (roleOf(parts.at(1)) != Role::None) {
            *error = QStringLiteral("line %1: the token is listed twice").arg(i + 1);
            return false;
        }
        add(role, parts.at(1));
    }
    return true;
}

void RoleTable::add(Role role, const QByteArray& token)
{
    m_entries.append({ role, token, toString(role) + u'#' + QString::number(m_entries.size() + 1) });
}

Role RoleTable::roleOf(QByteArrayView token) const
{
    Role found = Role::None;
    for (const Entry& e : m_entries)
        if (tokensEqual(token, e.token))
            found = e.role; // no early exit: the time does not depend on which entry matched
    return found;
}

QString RoleTable::principalOf(QByteArrayView token) const
{
    QString found;
    for (const Entry& e : m_entries)
        if (tokensEqual(token, e.token))
            found = e.principal;
    return found;
}

Caller callerOf(const HttpRequest& request, const RoleTable* roles)
{
    if (!roles || roles->isEmpty())
        return { Role::Admin, QStringLiteral("anonymous") };
    const std::string header = request.header("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() <= prefix.size() || std::string_view(header).substr(0, prefix.size()) != prefix)
        return {};
    const QByteArrayView token = QByteArrayView(header).sliced(qsizetype(prefix.size()));
    return { roles->roleOf(token), roles->principalOf(token) };
}

bool requireRole(const Caller& caller, Role needed, HttpResponse& response)
{
    if (caller.role >= needed)
        return true;
    if (caller.role == Role::None) {
        response.setHeader("WWW-Authenticate", "Bearer");
        replyError(response, 401, QStringLiteral("missing or wrong bearer token"));
        return false;
    }
    replyError(response, 403,
        QStringLiteral("the %1 role may not do this: it needs the %2 role")
            .arg(toString(caller.role), toString(needed)));
    return false;
}

} // namespace Meridian::Agent
