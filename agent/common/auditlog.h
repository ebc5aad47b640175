// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agent's (and simulator's) own record of every action and every refused
// attempt: one JSON object per line, appended and flushed before the answer is
// sent, so a crash cannot lose an action that was performed. Thread-safe: HTTP
// workers append concurrently.

#include <QFile>
#include <QJsonObject>
#include <QString>

#include <mutex>

namespace Meridian::Agent {

struct AuthFailure;

struct AuditRecord
{
    qint64 timestampMs = 0;
    QString principal; ///< "operator#2": never the token itself
    QString role;
    QString action; ///< "cancel", "requeue"
    QString target; ///< the job id
    QString outcome; ///< "performed", "refused", "failed", "previewed"
    int status = 200; ///< the HTTP status answered
    QString detail; ///< the preview or the reason
};

class AuditLog
{
public:
    // Empty path: records are dropped (no audit file configured).
    bool open(const QString& path, QString* error);
    bool isOpen() const { return m_file.isOpen(); }
    bool append(const AuditRecord& record);
    static QJsonObject toJson(const AuditRecord& record);
    // Rotation: past maxBytes the file becomes FILE.1 (FILE.1 → FILE.2 …, the oldest beyond `keep`
    // is removed) and a new FILE starts. Nothing is ever truncated or rewritten in place.
    void setRotation(qint64 maxBytes, int keep);

private:
    void rotateLocked();
    std::mutex m_mutex;
    QFile m_file;
    qint64 m_maxBytes = 64 * 1024 * 1024;
    int m_keep = 5;
};

// The audit line for a request HttpService refused (no or wrong credentials): who tried, from where, what.
AuditRecord authFailureRecord(const AuthFailure& failure);

} // namespace Meridian::Agent
