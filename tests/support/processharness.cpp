// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/processharness.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace Meridian::Test {

ServerProcess::ServerProcess(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{ }

ServerProcess::~ServerProcess()
{
    terminate();
}

bool ServerProcess::start(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // A test that aborts (a failed check, a sanitizer report) runs no
    // destructor: the kernel then ends the agent or simulator it started.
    m_process->setChildProcessModifier([parent = ::getpid()] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
    });
#endif
    m_process->start(m_program, m_arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(m_program, m_process->errorString());
        return false;
    }
    static const QRegularExpression ready(QStringLiteral("listening on (https?://[^\\s]+/)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 1000)))) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            continue;
        }
        m_output += m_process->readAllStandardOutput();
        const auto match = ready.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    m_output += m_process->readAllStandardOutput();
    m_error = QStringLiteral("%1 did not become ready: stdout: %2 stderr: %3")
                  .arg(m_program, QString::fromUtf8(m_output), QString::fromUtf8(m_process->readAllStandardError()));
    return false;
}

void ServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    forwardSanitizerReport();
}

void ServerProcess::terminate()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            kill();
    }
    forwardSanitizerReport();
}

void ServerProcess::forwardSanitizerReport()
{
    // The child's stderr is kept for tests that look for a message in it, so
    // nobody else sees it. A sanitized child reports a leak when it exits (after
    // SIGTERM) and an ASan/UBSan error when it dies: copy such a report to the
    // test's own stderr, where ctest's FAIL_REGULAR_EXPRESSION (asan preset,
    // cmake/MeridianTesting.cmake) fails the test even though it passed.
    if (!m_process || m_process->state() != QProcess::NotRunning)
        return;
    const QByteArray rest = m_process->readAllStandardError();
    if (rest.contains("Sanitizer") || rest.contains("runtime error: ")) {
        const QByteArray header = "--- stderr of " + m_program.toLocal8Bit() + " ---\n";
        std::fwrite(header.constData(), 1, size_t(header.size()), stderr);
        std::fwrite(rest.constData(), 1, size_t(rest.size()), stderr);
        std::fflush(stderr);
    }
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool writeSecretFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(content) == content.size();
}

TokenFile::TokenFile(const QByteArray& token)
    : m_path(m_dir.filePath(QStringLiteral("token")))
    , m_token(token)
{
    QFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(token + '\n');
    }
}

namespace {
HttpResult run(QNetworkReply* reply, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

QNetworkRequest request(const QUrl& url, const QByteArray& token)
{
    QNetworkRequest r(url);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    return r;
}
} // namespace

HttpResult httpGet(const QUrl& url, const QByteArray& token, int timeoutMs)
{
    QNetworkAccessManager nam;
    return run(nam.get(request(url, token)), timeoutMs);
}

HttpResult httpPost(const QUrl& url, const QJsonObject& body, const QByteArray& token, int timeoutMs)
{
    QNetworkAccessManager nam;
    QNetworkRequest r = request(url, token);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return run(nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)), timeoutMs);
}

} // namespace Meridian::Test
