// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/webconfig.h"

#include "agent/common/tlspolicy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cctype>
#include <crypt.h>
#include <cstring>
#include <functional>
#include <memory>

namespace Meridian::Agent {
namespace {

constexpr qsizetype MaxLineBytes = 8192;
constexpr int MaxUsers = 1000;
constexpr int MaxSans = 1000;

struct Line
{
    int number = 0;
    int indent = 0;
    QByteArray text; ///< without indentation and comment, right-trimmed
};

// Removes a comment: '#' at the start or after whitespace, outside quotes.
QByteArray stripComment(const QByteArray& line)
{
    char quote = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            else if (c == '\\' && quote == '"')
                ++i;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
            return line.left(i);
        }
    }
    return line;
}

bool scalar(QByteArray v, QString* out, QString* error)
{
    v = v.trimmed();
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        QByteArray s;
        for (qsizetype i = 1; i + 1 < v.size(); ++i) {
            if (v[i] == '\\') {
                if (i + 2 >= v.size() || (v[i + 1] != '"' && v[i + 1] != '\\')) {
                    *error = QStringLiteral("unsupported escape in a quoted string");
                    return false;
                }
                ++i;
            } else if (v[i] == '"') {
                *error = QStringLiteral("unbalanced quote");
                return false;
            }
            s += v[i];
        }
        *out = QString::fromUtf8(s);
        return true;
    }
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
        *out = QString::fromUtf8(v.mid(1, v.size() - 2).replace("''", "'"));
        return true;
    }
    if (v.startsWith('"') || v.startsWith('\'') || v.startsWith('|') || v.startsWith('>') || v.startsWith('&')
        || v.startsWith('*') || v.startsWith('!') || v.startsWith('{')) {
        *error = QStringLiteral("unsupported YAML value (block scalars, anchors, tags and flow maps are not read)");
        return false;
    }
    *out = QString::fromUtf8(v);
    return true;
}

bool flowList(const QByteArray& v, QStringList* out, QString* error)
{
    const QByteArray inner = v.trimmed().mid(1, v.trimmed().size() - 2).trimmed();
    if (inner.isEmpty())
        return true;
    // Items are scalars without commas inside (SANs and cipher names never have one).
    for (const QByteArray& item : inner.split(',')) {
        QString s;
        if (!scalar(item, &s, error))
            return false;
        if (s.isEmpty()) {
            *error = QStringLiteral("empty list item");
            return false;
        }
        if (out->size() >= MaxSans) {
            *error = QStringLiteral("list longer than %1 items").arg(MaxSans);
            return false;
        }
        out->append(s);
    }
    return true;
}

bool splitKey(const QByteArray& text, QByteArray* key, QByteArray* value)
{
    const qsizetype colon = text.indexOf(':');
    if (colon <= 0 || (colon + 1 < text.size() && text[colon + 1] != ' '))
        return false;
    *key = text.left(colon).trimmed();
    *value = text.mid(colon + 1).trimmed();
    for (const char c : *key) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '@'))
            return false;
    }
    return true;
}

class Parser
{
public:
    Parser(QList<Line> lines, QString baseDir, WebConfig* out)
        : m_lines(std::move(lines))
        , m_baseDir(std::move(baseDir))
        , m_out(out)
    { }

    bool run(QString* error)
    {
        while (m_pos < m_lines.size()) {
            const Line& line = m_lines.at(m_pos);
            QByteArray key, value;
            if (line.indent != 0 || !splitKey(line.text, &key, &value))
                return fail(line, QStringLiteral("expected a top-level \"key:\""), error);
            if (!value.isEmpty() && value != "{}" && value != "null")
                return fail(line, QStringLiteral("%1: expected a mapping").arg(QString::fromUtf8(key)), error);
            ++m_pos;
            bool ok = false;
            if (key == "tls_server_config") {
                m_out->tlsEnabled = true;
                ok = section(error, [this](const Line& l, const QByteArray& k, const QByteArray& v, QString* e) {
                    return tlsKey(l, k, v, e);
                });
            } else if (key == "basic_auth_users") {
                ok = section(error, [this](const Line& l, const QByteArray& k, const QByteArray& v, QString* e) {
                    return userKey(l, k, v, e);
                });
            } else {
                return fail(line,
                    QStringLiteral("unknown or unsupported key \"%1\"").arg(QString::fromUtf8(key.left(64))), error);
            }
            if (!ok)
                return false;
        }
        return validate(error);
    }

private:
    using KeyHandler = std::function<bool(const Line&, const QByteArray&, const QByteArray&, QString*)>;

    bool fail(const Line& line, const QString& why, QString* error)
    {
        *error = QStringLiteral("line %1: %2").arg(line.number).arg(why);
        return false;
    }

    bool section(QString* error, const KeyHandler& handler)
    {
        int indent = -1;
        while (m_pos < m_lines.size() && m_lines.at(m_pos).indent > 0) {
            const Line& line = m_lines.at(m_pos);
            if (indent < 0)
                indent = line.indent;
            if (line.indent != indent)
                return fail(line, QStringLiteral("inconsistent indentation"), error);
            QByteArray key, value;
            if (!splitKey(line.text, &key, &value))
                return fail(line, QStringLiteral("expected \"key: value\""), error);
            ++m_pos;
            if (!handler(line, key, value, error))
                return false;
        }
        return true;
    }

    QString path(const QString& name) const
    {
        return name.isEmpty() || QDir::isAbsolutePath(name) ? name : QDir(m_baseDir).filePath(name);
    }

    bool tlsKey(const Line& line, const QByteArray& key, const QByteArray& value, QString* error)
    {
        QString why;
        if (key == "client_allowed_sans") {
            if (value.startsWith('[')) {
                if (!value.endsWith(']') || !flowList(value, &m_out->clientAllowedSans, &why))
                    return fail(line, why.isEmpty() ? QStringLiteral("unterminated list") : why, error);
                return true;
            }
            if (!value.isEmpty())
                return fail(line, QStringLiteral("client_allowed_sans: expected a list"), error);
            while (m_pos < m_lines.size() && m_lines.at(m_pos).indent > line.indent
                && m_lines.at(m_pos).text.startsWith("- ")) {
                QString item;
                if (!scalar(m_lines.at(m_pos).text.mid(2), &item, &why) || item.isEmpty())
                    return fail(m_lines.at(m_pos), why.isEmpty() ? QStringLiteral("empty list item") : why, error);
                if (m_out->clientAllowedSans.size() >= MaxSans)
                    return fail(m_lines.at(m_pos), QStringLiteral("too many SANs"), error);
                m_out->clientAllowedSans.append(item);
                ++m_pos;
            }
            return true;
        }
        QString v;
        if (!scalar(value, &v, &why))
            return fail(line, why, error);
        if (key == "cert_file") {
            m_out->certFile = path(v);
        } else if (key == "key_file") {
            m_out->keyFile = path(v);
        } else if (key == "client_ca_file") {
            m_out->clientCaFile = path(v);
        } else if (key == "client_auth_type") {
            static const QStringList names { QStringLiteral("NoClientCert"), QStringLiteral("RequestClientCert"),
                QStringLiteral("RequireAnyClientCert"), QStringLiteral("VerifyClientCertIfGiven"),
                QStringLiteral("RequireAndVerifyClientCert") };
            const qsizetype i = names.indexOf(v);
            if (i < 0)
                return fail(line, QStringLiteral("client_auth_type: unknown value \"%1\"").arg(v.left(64)), error);
            m_out->clientAuth = WebConfig::ClientAuth(i);
        } else if (key == "min_version" || key == "max_version") {
            static const QStringList names { QStringLiteral("TLS10"), QStringLiteral("TLS11"), QStringLiteral("TLS12"),
                QStringLiteral("TLS13") };
            const qsizetype i = names.indexOf(v);
            if (i < 0)
                return fail(line, QStringLiteral("%1: expected TLS10…TLS13").arg(QString::fromUtf8(key)), error);
            (key == "min_version" ? m_out->minVersion : m_out->maxVersion) = WebConfig::TlsVersion(i);
        } else if (key == "cipher_suites" || key == "curve_preferences" || key == "prefer_server_cipher_suites") {
            // Accepted for compatibility; OpenSSL's defaults for TLS ≥ 1.2 apply.
            while (m_pos < m_lines.size() && m_lines.at(m_pos).indent > line.indent)
                ++m_pos;
        } else {
            return fail(line,
                QStringLiteral("tls_server_config: unknown or unsupported key \"%1\"")
                    .arg(QString::fromUtf8(key.left(64))),
                error);
        }
        return true;
    }

    bool userKey(const Line& line, const QByteArray& key, const QByteArray& value, QString* error)
    {
        QString hash, why;
        if (!scalar(value, &hash, &why))
            return fail(line, why, error);
        if (!(hash.startsWith(QLatin1String("$2a$")) || hash.startsWith(QLatin1String("$2b$"))
                || hash.startsWith(QLatin1String("$2y$")))
            || hash.size() != 60)
            return fail(line,
                QStringLiteral("basic_auth_users: the password of \"%1\" is not a bcrypt hash")
                    .arg(QString::fromUtf8(key.left(64))),
                error);
        if (m_out->basicAuthUsers.size() >= MaxUsers)
            return fail(line, QStringLiteral("more than %1 users").arg(MaxUsers), error);
        const QString user = QString::fromUtf8(key);
        if (m_out->basicAuthUsers.contains(user))
            return fail(line, QStringLiteral("user \"%1\" listed twice").arg(user.left(64)), error);
        m_out->basicAuthUsers.insert(user, hash.toLatin1());
        return true;
    }

    bool validate(QString* error)
    {
        if (!m_out->tlsEnabled)
            return true;
        if (m_out->certFile.isEmpty() || m_out->keyFile.isEmpty()) {
            *error = QStringLiteral("tls_server_config: cert_file and key_file are required");
            return false;
        }
        const bool verifies = m_out->clientAuth == WebConfig::ClientAuth::VerifyClientCertIfGiven
            || m_out->clientAuth == WebConfig::ClientAuth::RequireAndVerifyClientCert;
        if (verifies && m_out->clientCaFile.isEmpty()) {
            *error = QStringLiteral("tls_server_config: client_auth_type verifies certificates but client_ca_file is "
                                    "missing");
            return false;
        }
        if (!m_out->clientCaFile.isEmpty() && !verifies) {
            *error
                = QStringLiteral("tls_server_config: client_ca_file needs client_auth_type VerifyClientCertIfGiven or "
                                 "RequireAndVerifyClientCert");
            return false;
        }
        if (!m_out->clientAllowedSans.isEmpty() && !verifies) {
            *error = QStringLiteral("tls_server_config: client_allowed_sans needs verified client certificates");
            return false;
        }
        if (m_out->minVersion < WebConfig::TlsVersion::Tls12) {
            // TLS 1.0/1.1 are broken; Meridian requires 1.2 or later whatever the file says.
            *error = QStringLiteral("tls_server_config: min_version below TLS12 is not allowed");
            return false;
        }
        if (m_out->maxVersion < m_out->minVersion) {
            *error = QStringLiteral("tls_server_config: max_version is below min_version");
            return false;
        }
        return true;
    }

    QList<Line> m_lines;
    QString m_baseDir;
    WebConfig* m_out;
    qsizetype m_pos = 0;
};

} // namespace

bool WebConfig::parse(const QByteArray& text, const QString& baseDir, WebConfig* out, QString* error)
{
    if (text.size() > MaxFileBytes) {
        *error = QStringLiteral("larger than %1 bytes").arg(MaxFileBytes);
        return false;
    }
    QList<Line> lines;
    int number = 0;
    for (const QByteArray& raw : text.split('\n')) {
        ++number;
        if (raw.size() > MaxLineBytes) {
            *error = QStringLiteral("line %1: longer than %2 bytes").arg(number).arg(MaxLineBytes);
            return false;
        }
        QByteArray body = raw;
        if (body.endsWith('\r'))
            body.chop(1);
        if (number == 1 && body.startsWith("\xEF\xBB\xBF"))
            body = body.mid(3);
        if (body.contains('\t') || body.contains('\0')) {
            *error = QStringLiteral("line %1: tabs and NUL bytes are not allowed").arg(number);
            return false;
        }
        body = stripComment(body);
        while (!body.isEmpty() && body.back() == ' ')
            body.chop(1);
        int indent = 0;
        while (indent < body.size() && body[indent] == ' ')
            ++indent;
        if (indent == body.size())
            continue;
        if (number == 1 && body == "---")
            continue;
        lines.append(Line { number, indent, body.mid(indent) });
    }
    WebConfig config;
    if (!Parser(std::move(lines), baseDir, &config).run(error))
        return false;
    *out = std::move(config);
    return true;
}

bool WebConfig::load(const QString& path, WebConfig* out, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("web config %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray text = file.read(MaxFileBytes + 1);
    QString why;
    WebConfig config;
    if (!parse(text, QFileInfo(path).absolutePath(), &config, &why)) {
        *error = QStringLiteral("web config %1: %2").arg(path, why);
        return false;
    }
    // The files it names are checked now, at start and at every re-read (agent/common/tlspolicy.h).
    if (config.tlsEnabled
        && (!checkServerCredentials(config.certFile, config.keyFile, &why)
            || (!config.clientCaFile.isEmpty() && !checkCaFile(config.clientCaFile, &why)))) {
        *error = QStringLiteral("web config %1: %2").arg(path, why);
        return false;
    }
    *out = std::move(config);
    return true;
}

bool bcryptMatches(const QByteArray& password, const QByteArray& hash)
{
    if (hash.size() != 60 || password.size() > 72 || password.contains('\0'))
        return false; // bcrypt reads at most 72 bytes: longer passwords would match on a prefix
    auto data = std::make_unique<crypt_data>();
    const char* result = crypt_r(password.constData(), hash.constData(), data.get());
    if (!result || result[0] == '*')
        return false;
    const size_t n = std::strlen(result);
    if (n != size_t(hash.size()))
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(result[i] ^ hash[qsizetype(i)]);
    return diff == 0;
}

BasicAuth::BasicAuth(QMap<QString, QByteArray> users)
    : m_users(std::move(users))
{ }

bool BasicAuth::check(const QByteArray& header, QString* user)
{
    constexpr std::string_view prefix = "Basic ";
    if (header.size() <= qsizetype(prefix.size()) || header.size() > 1024 || !header.startsWith(prefix))
        return false;
    const auto result = QByteArray::fromBase64Encoding(
        header.mid(qsizetype(prefix.size())).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    const QByteArray* decoded = &result.decoded;
    const qsizetype colon = decoded->indexOf(':');
    if (colon < 0)
        return false;
    *user = QString::fromUtf8(decoded->left(colon)).left(64);
    const QByteArray password = decoded->mid(colon + 1);
    const auto it = m_users.constFind(QString::fromUtf8(decoded->left(colon)));
    if (it == m_users.constEnd()) {
        // Spend the same time as for a known user: response time does not reveal user names.
        bcryptMatches(password, QByteArrayLiteral("$2y$10$") + QByteArray(53, '.'));
        return false;
    }
    const QByteArray key = QCryptographicHash::hash(
        QByteArray(decoded->left(colon) + '\0' + password + '\0' + it.value()), QCryptographicHash::Sha256);
    {
        std::lock_guard lock(m_mutex);
        if (m_verified.contains(key))
            return true;
    }
    if (!bcryptMatches(password, it.value()))
        return false;
    std::lock_guard lock(m_mutex);
    if (m_verified.size() < 10000)
        m_verified.insert(key);
    return true;
}

} // namespace Meridian::Agent
