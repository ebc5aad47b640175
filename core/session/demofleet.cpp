// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/demofleet.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcDemo, "meridian.core.session")

namespace Meridian {
namespace {

constexpr qsizetype MaxStdoutBytes = 64 * 1024; // before the ready line; more is not a simulator
constexpr int StopGraceMs = 3000;

QString findExecutable(const QString& configured)
{
    if (!configured.isEmpty())
        return configured;
    const QString name = QStringLiteral("meridian-fleetsim");
    const QString appDir = QCoreApplication::applicationDirPath();
    const QString beside = QDir(appDir).filePath(name);
    if (QFileInfo(beside).isExecutable())
        return beside;
#ifdef MERIDIAN_BUILD_DIR
    // Running from the build tree (the console in app/, tests in tests/…): the simulator is in agent/fleetsim.
    const QString buildDir = QStringLiteral(MERIDIAN_BUILD_DIR);
    if (QDir::cleanPath(appDir).startsWith(QDir::cleanPath(buildDir))) {
        const QString inTree = QDir(buildDir).filePath(QStringLiteral("agent/fleetsim/") + name);
        if (QFileInfo(inTree).isExecutable())
            return inTree;
    }
#endif
    return QStandardPaths::findExecutable(name);
}

} // namespace

DemoFleet::DemoFleet(QObject* parent)
    : QObject(parent)
{ }

DemoFleet::~DemoFleet()
{
    stop();
}

QString DemoFleet::tokenFile() const
{
    return m_tokenDir ? m_tokenDir->filePath(QStringLiteral("token")) : QString();
}

void DemoFleet::start(const DemoOptions& options)
{
    stop();
    auto failWith = [this](const QString& message) {
        qCWarning(lcDemo) << message;
        // Queued: callers connect after start() returns.
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
    };
    const QString program = findExecutable(options.executable);
    if (program.isEmpty())
        return failWith(tr("meridian-fleetsim was not found beside the console or on PATH"));

    m_tokenDir = new QTemporaryDir(QDir::temp().filePath(QStringLiteral("meridian-demo-XXXXXX")));
    if (!m_tokenDir->isValid())
        return failWith(tr("cannot create a temporary directory: %1").arg(m_tokenDir->errorString()));
    QFile::setPermissions(m_tokenDir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    QFile token(tokenFile());
    // Created 0600 before the secret goes in.
    if (!token.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || token.write(secret.toHex() + '\n') < 0 || !token.flush()) {
        return failWith(tr("cannot write the demo token: %1").arg(token.errorString()));
    }
    token.close();

    QStringList args { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
        tokenFile(), QStringLiteral("--history"), options.history, QStringLiteral("--seed"),
        QString::number(options.seed) };
    if (options.nodes > 0)
        args << QStringLiteral("--nodes") << QString::number(options.nodes);
    if (options.speed != 1.0)
        args << QStringLiteral("--speed") << QString::number(options.speed);

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    // The demo fleet lives and dies with the console, also when the console is
    // killed (SIGKILL runs no destructor): the kernel sends the child SIGTERM.
    m_process->setChildProcessModifier([parent = ::getpid()] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) // the console died before prctl took effect
            ::_exit(1);
    });
#endif
    m_stdout.clear();
    m_url.clear();

    auto* readyTimer = new QTimer(m_process);
    readyTimer->setSingleShot(true);
    connect(readyTimer, &QTimer::timeout, this, [this] {
        Q_EMIT failed(tr("meridian-fleetsim did not report its address in time"));
        stop();
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this, readyTimer] {
        if (!m_url.isEmpty()) {
            m_process->readAllStandardOutput(); // the simulator's chatter after the ready line is not ours
            return;
        }
        m_stdout += m_process->readAllStandardOutput();
        static const QRegularExpression readyLine(
            QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d{1,5}/)$"), QRegularExpression::MultilineOption);
        const auto match = readyLine.match(QString::fromLatin1(m_stdout));
        if (match.hasMatch()) {
            readyTimer->stop();
            m_url = QUrl(match.captured(1));
            m_stdout.clear();
            qCInfo(lcDemo) << "demo fleet ready at" << m_url.toString();
            Q_EMIT ready(m_url, tokenFile());
        } else if (m_stdout.size() > MaxStdoutBytes) {
            Q_EMIT failed(tr("meridian-fleetsim printed no ready line"));
            stop();
        }
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            Q_EMIT failed(tr("cannot start meridian-fleetsim: %1").arg(m_process->errorString()));
            stop();
        }
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const bool wasReady = !m_url.isEmpty();
        Q_EMIT failed(wasReady ? tr("meridian-fleetsim exited (code %1)").arg(code)
                               : tr("meridian-fleetsim exited before it was ready (code %1, %2)")
                                     .arg(code)
                                     .arg(status == QProcess::CrashExit ? tr("crashed") : tr("exited")));
        stop();
    });
    readyTimer->start(options.readyTimeoutMs);
    m_process->start();
}

void DemoFleet::stop()
{
    if (m_process) {
        QProcess* process = std::exchange(m_process, nullptr);
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(StopGraceMs)) {
                process->kill();
                process->waitForFinished(StopGraceMs);
            }
        }
        // Deferred: stop() may run inside one of the process's own signals.
        process->deleteLater();
    }
    delete std::exchange(m_tokenDir, nullptr);
    m_url.clear();
}

SourceConfig DemoFleet::source(const QString& name, int intervalMs) const
{
    SourceConfig source;
    source.name = name;
    source.kind = SourceConfig::Kind::Fleet;
    source.url = m_url;
    source.tokenFile = tokenFile();
    source.intervalMs = intervalMs;
    return source;
}

} // namespace Meridian
