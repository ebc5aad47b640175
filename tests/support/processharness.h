// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: real meridian-agent / meridian-fleetsim processes on loopback.

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Meridian::Test {

// A child process that prints `listening on http://HOST:PORT/` once it serves.
class ServerProcess
{
public:
    ServerProcess(QString program, QStringList arguments);
    ~ServerProcess();

    // Starts and waits for the ready line; false (with the process's output in error()) on failure.
    bool start(int timeoutMs = 60000);
    void kill(); ///< SIGKILL, as a crash or power loss would
    void terminate(); ///< SIGTERM, and wait
    bool isRunning() const;
    QUrl url() const { return m_url; } ///< base URL, ends with '/'
    quint16 port() const { return quint16(m_url.port()); }
    QString error() const { return m_error; }
    QProcess& process() { return *m_process; }

private:
    void forwardSanitizerReport();

    QString m_program;
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_error;
    QByteArray m_output;
};

// Writes a secret file (tokens, roles) as the programs demand it (core/util/secretfile.h): mode 0600.
bool writeSecretFile(const QString& path, const QByteArray& content);

// A token file in a private temporary directory.
class TokenFile
{
public:
    explicit TokenFile(const QByteArray& token = QByteArrayLiteral("test-token-0123456789abcdef"));
    QString path() const { return m_path; }
    QByteArray token() const { return m_token; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_token;
};

struct HttpResult
{
    int status = 0; ///< 0: no HTTP answer
    QByteArray body;
    QString error;
};

// Blocking HTTP for tests only (spins a local event loop).
HttpResult httpGet(const QUrl& url, const QByteArray& token = {}, int timeoutMs = 30000);
HttpResult httpPost(const QUrl& url, const QJsonObject& body, const QByteArray& token = {}, int timeoutMs = 30000);

} // namespace Meridian::Test
