// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/jobhistory.h"

#include "core/protocol/protocoljson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Meridian::CacheJobHistory {

QStringList migrationV2()
{
    return {
        QStringLiteral("CREATE TABLE job_history(job_id TEXT PRIMARY KEY, history BLOB NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL,"
                       " principal TEXT NOT NULL, source TEXT NOT NULL, action TEXT NOT NULL, job_id TEXT NOT NULL,"
                       " preview TEXT NOT NULL, result TEXT NOT NULL, status INTEGER NOT NULL)"),
        QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    };
}

QByteArray encode(const Protocol::JobRecord& job)
{
    // The protocol's own encoding, history keys only: one format to validate.
    Protocol::JobRecord h;
    h.jobId = job.jobId;
    h.kind = job.kind;
    h.state = job.state;
    h.segments = job.segments;
    h.interruptionLog = job.interruptionLog;
    return QJsonDocument(Protocol::Json::toJson(h)).toJson(QJsonDocument::Compact);
}

bool decode(const QByteArray& blob, Protocol::JobRecord* job)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(blob, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject wrapped { { QStringLiteral("ts"), 946684800000.0 }, { QStringLiteral("job"), doc.object() } };
    Protocol::JobDetail detail;
    if (!Protocol::Json::decode(wrapped, &detail))
        return false;
    job->segments = std::move(detail.job.segments);
    job->interruptionLog = std::move(detail.job.interruptionLog);
    return true;
}

bool write(const QHash<QString, Protocol::JobRecord>& jobs, QSqlQuery& q)
{
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO job_history(job_id, history) VALUES(?, ?)"));
    for (const Protocol::JobRecord& j : jobs) {
        if (j.segments.isEmpty() && j.interruptionLog.isEmpty())
            continue; // a source without history must not erase what is known
        q.bindValue(0, j.jobId);
        q.bindValue(1, encode(j));
        if (!q.exec())
            return false;
    }
    return true;
}

void load(const QSqlDatabase& db, QList<Protocol::JobRecord>* jobs)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < jobs->size(); ++i)
        index.insert(jobs->at(i).jobId, i);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT job_id, history FROM job_history")))
        return; // schema 1 file opened read-only: no history yet
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toString());
        if (it != index.constEnd())
            decode(q.value(1).toByteArray(), &(*jobs)[*it]);
    }
}

} // namespace Meridian::CacheJobHistory
