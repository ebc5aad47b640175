// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/slurmlab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace Meridian::Test {
namespace {

QString script()
{
    return QStringLiteral(MERIDIAN_SOURCE_DIR "/tests/support/labs/slurm-lab.sh");
}

QHash<QString, QString> readEnvFile(const QString& path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return values;
}

} // namespace

QString SlurmLab::unavailableReason(bool withDbd)
{
    if (::geteuid() != 0)
        return QStringLiteral("the Slurm lab runs as root (slurmd needs it); CI runs as root");
    QStringList programs { QStringLiteral("munged"), QStringLiteral("slurmctld"), QStringLiteral("slurmd"),
        QStringLiteral("slurmrestd"), QStringLiteral("sinfo"), QStringLiteral("scontrol") };
    if (withDbd)
        programs << QStringLiteral("slurmdbd") << QStringLiteral("mariadbd") << QStringLiteral("mariadb-install-db");
    const QStringList path { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin") };
    for (const QString& p : std::as_const(programs)) {
        if (QStandardPaths::findExecutable(p).isEmpty() && QStandardPaths::findExecutable(p, path).isEmpty())
            return QStringLiteral("%1 is not installed (quickstart.sh installs Debian's Slurm packages)").arg(p);
    }
    // Debian installs Slurm's plugins in /usr/lib/<multiarch>/slurm-wlm.
    const QStringList arches = QDir(QStringLiteral("/usr/lib")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    const bool jwt = std::any_of(arches.cbegin(), arches.cend(), [](const QString& arch) {
        return QFile::exists(QStringLiteral("/usr/lib/%1/slurm-wlm/auth_jwt.so").arg(arch));
    });
    return jwt ? QString() : QStringLiteral("auth_jwt.so is not installed (Debian: slurm-wlm-jwt-plugin)");
}

SlurmLab::SlurmLab(SlurmLabOptions options)
    : m_options(std::move(options))
{
    // slurmrestd runs as nobody and must reach the lab: the temporary directory is made traversable.
    QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
}

SlurmLab::~SlurmLab()
{
    stop();
}

bool SlurmLab::start(QString* error)
{
    QStringList args { QStringLiteral("start"), directory(), QStringLiteral("--nodes"),
        QString::number(m_options.nodes), QStringLiteral("--gpus-per-node"), QString::number(m_options.gpusPerNode),
        QStringLiteral("--gpu-types"), m_options.gpuTypes };
    if (m_options.withDbd)
        args << QStringLiteral("--with-dbd");
    QElapsedTimer timer;
    timer.start();
    m_started = true; // from here on, stop() cleans up whatever part of it started
    const Run r = run(QStringLiteral("bash"), QStringList { script() } + args, 120000);
    m_startMs = timer.elapsed();
    if (r.exitCode != 0) {
        *error = QStringLiteral("slurm-lab.sh start failed (%1): %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
        return false;
    }
    const QHash<QString, QString> env = readEnvFile(directory() + QStringLiteral("/lab.env"));
    m_restUrl = QUrl(env.value(QStringLiteral("LAB_REST_URL")));
    m_user = env.value(QStringLiteral("LAB_USER"));
    m_slurmConf = env.value(QStringLiteral("SLURM_CONF"));
    QFile token(env.value(QStringLiteral("LAB_TOKEN_FILE")));
    if (token.open(QIODevice::ReadOnly))
        m_token = token.readAll().trimmed();
    if (!m_restUrl.isValid() || m_token.isEmpty() || m_slurmConf.isEmpty()) {
        *error = QStringLiteral("slurm-lab.sh wrote no usable lab.env");
        return false;
    }
    return true;
}

bool SlurmLab::stop(QString* error)
{
    if (!m_started)
        return true;
    m_started = false;
    QElapsedTimer timer;
    timer.start();
    const Run r = run(QStringLiteral("bash"), { script(), QStringLiteral("stop"), directory() }, 60000);
    m_stopMs = timer.elapsed();
    if (r.exitCode != 0 && error)
        *error = QString::fromUtf8(r.err);
    return r.exitCode == 0;
}

SlurmLab::Run SlurmLab::run(const QString& program, const QStringList& arguments, int timeoutMs) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_slurmConf.isEmpty())
        env.insert(QStringLiteral("SLURM_CONF"), m_slurmConf);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run r;
    if (!process.waitForStarted(10000)) {
        r.err = process.errorString().toUtf8();
        return r;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        r.err = "timed out";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

qint64 SlurmLab::submit(const QStringList& arguments) const
{
    const Run r = sbatch(
        QStringList { QStringLiteral("--parsable"), QStringLiteral("--output=/dev/null"), QStringLiteral("--chdir=/") }
        + arguments);
    bool ok = false;
    const qint64 id = r.out.trimmed().split(';').value(0).toLongLong(&ok);
    return r.exitCode == 0 && ok ? id : 0;
}

bool SlurmLab::killSlurmd(const QString& node) const
{
    QFile pids(directory() + QStringLiteral("/pids"));
    if (!pids.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : pids.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 3 && fields[0] == "slurmd-" + node.toUtf8() && fields[2] == "slurmd")
            return ::kill(pid_t(fields[1].toLongLong()), SIGKILL) == 0;
    }
    return false;
}

SlurmLab::Http SlurmLab::get(const QString& path, const QString& user, const QByteArray& token) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(m_restUrl.resolved(QUrl(path)));
    if (!user.isEmpty())
        request.setRawHeader("X-SLURM-USER-NAME", user.toUtf8());
    if (!token.isEmpty())
        request.setRawHeader("X-SLURM-USER-TOKEN", token);
    QNetworkReply* reply = nam.get(request);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(30000);
    loop.exec();
    Http h;
    h.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    h.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && h.status == 0)
        h.error = reply->errorString();
    reply->deleteLater();
    return h;
}

} // namespace Meridian::Test
