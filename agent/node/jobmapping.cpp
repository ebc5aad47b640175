// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/jobmapping.h"

#include "agent/node/procfscollector.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Meridian::Agent::JobMappingReader {
namespace {

constexpr qint64 MaxTimestampMs = 4102444800000LL; // 2100-01-01
constexpr qint64 MinTimestampMs = 946684800000LL; // 2000-01-01

bool readCapped(const QString& path, qsizetype cap, QByteArray* out, QString* why)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        *why = QStringLiteral("not a regular file");
        return false;
    }
    if (info.size() > cap || !readSmallFile(QFile::encodeName(path), out, cap)) {
        *why = QStringLiteral("unreadable or larger than %1 bytes").arg(cap);
        return false;
    }
    return true;
}

bool validText(const QJsonObject& o, const char* key, QString* out, QString* why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > 256) {
        *why = QStringLiteral("%1: expected a string of at most 256 characters").arg(QLatin1String(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool validTime(const QJsonObject& o, const char* key, qint64* out, QString* why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble(-1);
    // 0 means "not yet"; anything else must be a plausible epoch-milliseconds time.
    if (!v.isDouble() || d != std::floor(d) || (d != 0 && (d < double(MinTimestampMs) || d > double(MaxTimestampMs)))) {
        *why = QStringLiteral("%1: expected milliseconds since the epoch").arg(QLatin1String(key));
        return false;
    }
    *out = qint64(d);
    return true;
}

// Fills the description of a job from DIR/jobs/<id>.json when present.
void describe(const QDir& dir, Protocol::JobPlacement* job, QStringList* warnings)
{
    const QString path = dir.filePath(QStringLiteral("jobs/") + job->jobId + QStringLiteral(".json"));
    if (!QFileInfo::exists(path))
        return;
    QByteArray text;
    QString why;
    if (!readCapped(path, MaxJobFileBytes, &text, &why)) {
        warnings->append(QStringLiteral("jobs/%1.json: %2").arg(job->jobId, why));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        warnings->append(QStringLiteral("jobs/%1.json: not a JSON object").arg(job->jobId));
        return;
    }
    const QJsonObject o = doc.object();
    Protocol::JobPlacement j = *job;
    const bool ok = validText(o, "name", &j.name, &why) && validText(o, "tenant", &j.tenant, &why)
        && validText(o, "user", &j.user, &why) && validText(o, "kind", &j.kind, &why)
        && validText(o, "state", &j.state, &why) && validTime(o, "startedMs", &j.startedMs, &why)
        && validTime(o, "lastCheckpointMs", &j.lastCheckpointMs, &why);
    static const QStringList kinds { QStringLiteral("training"), QStringLiteral("inference"), QStringLiteral("other") };
    static const QStringList states { QStringLiteral("queued"), QStringLiteral("running"),
        QStringLiteral("checkpointing"), QStringLiteral("recovering"), QStringLiteral("failed"),
        QStringLiteral("completed"), QStringLiteral("cancelled") };
    // A user name goes into logs and tables: no line breaks or other control characters.
    const bool userControl
        = std::any_of(j.user.cbegin(), j.user.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (ok && userControl)
        why = QStringLiteral("user: control characters are not allowed");
    else if (ok && !j.kind.isEmpty() && !kinds.contains(j.kind))
        why = QStringLiteral("kind: unknown value");
    else if (ok && !j.state.isEmpty() && !states.contains(j.state))
        why = QStringLiteral("state: unknown value");
    else if (ok) {
        *job = std::move(j);
        return;
    }
    warnings->append(QStringLiteral("jobs/%1.json: %2").arg(job->jobId, why));
}

} // namespace

bool isValidJobId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        // The id names a file under jobs/: no separators, no leading dot.
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-' && c != ':' && c != '@' && c != '+')))
            return false;
    }
    return true;
}

JobMapping read(const QString& directory, int acceleratorCount)
{
    JobMapping mapping;
    if (directory.isEmpty())
        return mapping;
    const QDir dir(directory);
    if (!dir.exists()) {
        mapping.warnings.append(QStringLiteral("%1: no such directory").arg(directory));
        return mapping;
    }
    const QStringList names = dir.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    if (names.size() > MaxDirectoryEntries)
        mapping.warnings.append(QStringLiteral("more than %1 files: the rest are ignored").arg(MaxDirectoryEntries));
    QMap<QString, Protocol::JobPlacement> jobs;
    for (const QString& name : names.mid(0, MaxDirectoryEntries)) {
        bool isNumber = false;
        const int index = name.toInt(&isNumber);
        if (!isNumber || name != QString::number(index))
            continue; // not an accelerator file (README, MIG instance files "0.1", …)
        if (index < 0 || index >= acceleratorCount) {
            mapping.warnings.append(QStringLiteral("%1: no accelerator with that index").arg(name));
            continue;
        }
        QByteArray text;
        QString why;
        if (!readCapped(dir.filePath(name), MaxMappingFileBytes, &text, &why)) {
            mapping.warnings.append(name + QStringLiteral(": ") + why);
            continue;
        }
        const QByteArray id = text.split('\n').value(0).trimmed();
        if (id.isEmpty())
            continue; // free
        if (!isValidJobId(id)) {
            mapping.warnings.append(name + QStringLiteral(": job id is empty, too long or has forbidden characters"));
            continue;
        }
        const QString jobId = QString::fromLatin1(id);
        mapping.jobByAccelerator.insert(index, jobId);
        auto it = jobs.find(jobId);
        if (it == jobs.end()) {
            Protocol::JobPlacement job;
            job.jobId = jobId;
            job.state = QStringLiteral("running");
            it = jobs.insert(jobId, job);
        }
        it->accelerators.append(index);
    }
    for (Protocol::JobPlacement& job : jobs) {
        describe(dir, &job, &mapping.warnings);
        std::sort(job.accelerators.begin(), job.accelerators.end());
        mapping.jobs.append(job);
    }
    return mapping;
}

} // namespace Meridian::Agent::JobMappingReader
