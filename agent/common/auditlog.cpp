// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/auditlog.h"

#include "agent/common/httpservice.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>

namespace Meridian::Agent {

bool AuditLog::open(const QString& path, QString* error)
{
    std::lock_guard lock(m_mutex);
    if (path.isEmpty())
        return true;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("cannot open audit log %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

QJsonObject AuditLog::toJson(const AuditRecord& r)
{
    return QJsonObject { { QStringLiteral("ts"), r.timestampMs }, { QStringLiteral("principal"), r.principal },
        { QStringLiteral("role"), r.role }, { QStringLiteral("action"), r.action },
        { QStringLiteral("target"), r.target }, { QStringLiteral("outcome"), r.outcome },
        { QStringLiteral("status"), r.status }, { QStringLiteral("detail"), r.detail.left(4096) } };
}

bool AuditLog::append(const AuditRecord& record)
{
    const QByteArray line = QJsonDocument(toJson(record)).toJson(QJsonDocument::Compact) + '\n';
    std::lock_guard lock(m_mutex);
    if (!m_file.isOpen())
        return false;
    const bool ok = m_file.write(line) == line.size() && m_file.flush();
    if (ok && m_file.size() >= m_maxBytes)
        rotateLocked();
    return ok;
}

void AuditLog::setRotation(qint64 maxBytes, int keep)
{
    std::lock_guard lock(m_mutex);
    m_maxBytes = std::max<qint64>(4096, maxBytes);
    m_keep = std::clamp(keep, 1, 100);
}

void AuditLog::rotateLocked()
{
    const QString path = m_file.fileName();
    m_file.close();
    QFile::remove(path + u'.' + QString::number(m_keep));
    for (int i = m_keep - 1; i >= 1; --i)
        QFile::rename(path + u'.' + QString::number(i), path + u'.' + QString::number(i + 1));
    QFile::rename(path, path + QStringLiteral(".1"));
    m_file.setFileName(path);
    // If reopening fails the log reports "not open" and appends fail loudly, as before open().
    m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

AuditRecord authFailureRecord(const AuthFailure& f)
{
    AuditRecord r;
    r.timestampMs = QDateTime::currentMSecsSinceEpoch();
    const QString from = QString::fromStdString(f.remoteAddress).left(64);
    const QString who
        = f.principal.empty() ? QStringLiteral("unauthenticated") : QString::fromStdString(f.principal).left(64);
    r.principal = who + u'@' + from;
    r.role = QString::fromStdString(f.role).left(16);
    r.action = f.status == 403 ? QStringLiteral("authorize") : QStringLiteral("authenticate");
    r.target = QString::fromStdString(f.method).left(16) + u' ' + QString::fromStdString(f.path).left(256);
    r.outcome = QStringLiteral("refused");
    r.status = f.status;
    r.detail = QString::fromStdString(f.reason).left(256);
    return r;
}

} // namespace Meridian::Agent
