// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Roles per bearer token: viewers read, operators also act on jobs, admins do
// everything. A tokens file holds one "ROLE TOKEN" line per token (# comments
// and blank lines allowed); the single --token-file token keeps meaning admin.
// Routes that change something call requireRole(), which answers 401/403 with
// a clear reason when the caller may not.

#include "agent/common/httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace Meridian::Agent {

enum class Role : quint8 { None, Viewer, Operator, Admin };

QString toString(Role role); ///< "viewer", "operator", "admin", "none"
bool fromString(QStringView text, Role* out);

class RoleTable
{
public:
    static constexpr qsizetype MaxFileBytes = 64 * 1024;
    static constexpr int MaxTokens = 1024;

    // Parses a tokens file; nullptr with the reason (file and line) in *error.
    static std::shared_ptr<RoleTable> load(const QString& path, QString* error);
    // Parses the text of a tokens file; false with the reason in *error.
    bool parse(const QByteArray& text, QString* error);

    void add(Role role, const QByteArray& token);
    bool isEmpty() const { return m_entries.isEmpty(); }
    // Constant time per entry: every token is compared in full.
    Role roleOf(QByteArrayView token) const;
    // A short, non-secret name for audit lines: "operator#2" (the role and the line's ordinal).
    QString principalOf(QByteArrayView token) const;

private:
    struct Entry
    {
        Role role = Role::None;
        QByteArray token;
        QString principal;
    };
    QList<Entry> m_entries;
};

struct Caller
{
    Role role = Role::None;
    QString principal; ///< "admin#1", "anonymous" when no authentication is configured
};

// Who sent `request`. No table or an empty one: authentication is off
// (loopback-only service), the caller is an anonymous admin.
Caller callerOf(const HttpRequest& request, const RoleTable* roles);

// False (and a 401/403 JSON reply naming the role needed) when the caller's role is below `needed`.
bool requireRole(const Caller& caller, Role needed, HttpResponse& response);

} // namespace Meridian::Agent
