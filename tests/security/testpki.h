// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a private CA and certificates made at test time with the
// openssl command-line tool, in a temporary directory. EC P-256 keys: fast.

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Meridian::Test {

class TestPki
{
public:
    TestPki();
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A self-signed CA: NAME.crt, NAME.key.
    bool makeCa(const QString& name, const QString& commonName);
    // A certificate NAME.crt/.key signed by `ca`, with subjectAltNames such as "IP:127.0.0.1", "DNS:x".
    // startDate/endDate "YYYYMMDDHHMMSSZ"; empty: valid from now for 30 days.
    bool makeCert(const QString& name, const QString& ca, const QString& commonName, const QStringList& sans,
        bool client, const QString& startDate = {}, const QString& endDate = {});
    // A web-config file NAME with the given text; returns its path.
    QString write(const QString& name, const QByteArray& text) const;

private:
    bool run(const QStringList& args);
    QTemporaryDir m_dir;
    QString m_error;
    int m_serial = 1;
};

} // namespace Meridian::Test
