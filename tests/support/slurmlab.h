// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a private Slurm on loopback (tests/support/labs/slurm-lab.sh) in a temporary directory,
// stopped with everything it started when the SlurmLab is destroyed.

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace Meridian::Test {

struct SlurmLabOptions
{
    int nodes = 4;
    int gpusPerNode = 4;
    QString gpuTypes = QStringLiteral("h100,a100"); ///< cycled over the nodes
    bool withDbd = false; ///< slurmdbd on a private MariaDB (adds ~6 s)
};

class SlurmLab
{
public:
    struct Run
    {
        int exitCode = -1; ///< -1: did not start or timed out
        QByteArray out;
        QByteArray err;
    };
    struct Http
    {
        int status = 0; ///< 0: no HTTP answer
        QByteArray body;
        QString error;
    };

    // Empty when this machine can run the lab; else why not (not root, a program missing).
    static QString unavailableReason(bool withDbd = false);

    explicit SlurmLab(SlurmLabOptions options = {});
    ~SlurmLab();
    SlurmLab(const SlurmLab&) = delete;
    SlurmLab& operator=(const SlurmLab&) = delete;

    bool start(QString* error);
    bool stop(QString* error = nullptr);

    QUrl restUrl() const { return m_restUrl; } ///< slurmrestd, ends with '/'
    QByteArray token() const { return m_token; } ///< a JWT for user()
    QString user() const { return m_user; }
    QString slurmConf() const { return m_slurmConf; }
    QString directory() const { return m_dir.path() + QStringLiteral("/lab"); }
    qint64 startMs() const { return m_startMs; }
    qint64 stopMs() const { return m_stopMs; }

    // A Slurm command run against this lab (SLURM_CONF set for the child only).
    Run run(const QString& program, const QStringList& arguments, int timeoutMs = 30000) const;
    Run sinfo(const QStringList& arguments) const { return run(QStringLiteral("sinfo"), arguments); }
    Run squeue(const QStringList& arguments) const { return run(QStringLiteral("squeue"), arguments); }
    Run scontrol(const QStringList& arguments) const { return run(QStringLiteral("scontrol"), arguments); }
    Run sbatch(const QStringList& arguments) const { return run(QStringLiteral("sbatch"), arguments); }
    // Submits a batch job (--parsable, output to /dev/null) and returns its id; 0 on failure.
    qint64 submit(const QStringList& arguments) const;

    // SIGKILL to one node's slurmd, as a crash would.
    bool killSlurmd(const QString& node) const;

    // GET PATH (relative to restUrl()) with the lab's user and token, or with the given ones.
    Http get(const QString& path) const { return get(path, m_user, m_token); }
    Http get(const QString& path, const QString& user, const QByteArray& token) const;

private:
    SlurmLabOptions m_options;
    QTemporaryDir m_dir;
    QUrl m_restUrl;
    QByteArray m_token;
    QString m_user;
    QString m_slurmConf;
    bool m_started = false;
    qint64 m_startMs = 0;
    qint64 m_stopMs = 0;
};

} // namespace Meridian::Test
