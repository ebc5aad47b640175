// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: a checked walk over one JSON object of a slurmrestd answer. Every field is
// optional (slurmrestd leaves out what it does not know) but, when present, must have the type the schema
// gives; the first violation is kept with its path ("nodes[3].alloc_cpus: expected a number").

#include "core/sources/slurm/slurmdecode.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <memory>

namespace Meridian::Slurm::Detail {

// A Slurm number: plain (v0.0.38, many v0.0.39 fields), null, or v0.0.39+'s {"set","infinite","number"}.
struct Number
{
    enum Kind : quint8 { Absent, Set, Infinite } kind = Absent;
    qint64 value = 0;
};

class Reader
{
public:
    // The first failure of a whole document, shared by the readers of its nested objects.
    struct Failure
    {
        QString path;
        QString message;
    };

    Reader(QJsonObject object, QString path, std::shared_ptr<Failure> failure, const Limits& limits);

    bool ok() const { return m_failure->message.isEmpty(); }
    const Limits& limits() const { return m_limits; }
    const QString& path() const { return m_path; }
    bool fail(const QString& key, const QString& message) const;

    bool has(const QString& key) const { return m_object.contains(key); }
    QString string(const QString& key) const;
    Number number(const QString& key, qint64 min, qint64 max) const;
    qint64 integer(const QString& key, qint64 min, qint64 max, qint64 fallback = 0) const; ///< Absent → fallback
    qint64 time(const QString& key) const; ///< seconds since the epoch; absent, unset or infinite → 0
    bool boolean(const QString& key, bool fallback = false) const;
    QStringList strings(const QString& key) const; ///< an array of strings
    QStringList stringOrStrings(const QString& key) const; ///< v0.0.38's "a,b" or an array
    QJsonArray array(const QString& key, qsizetype maxSize) const;
    Reader object(const QString& key) const; ///< an empty reader when absent
    Reader element(const QString& key, const QJsonArray& array, qsizetype index) const; ///< fails unless an object

    std::shared_ptr<Failure> failure() const { return m_failure; }

private:
    QString childPath(const QString& key) const;
    Number checkNumber(const QString& key, const QJsonValue& v, qint64 min, qint64 max) const;

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<Failure> m_failure;
    const Limits& m_limits;
};

// Parses BODY as one JSON object within the limits; on failure fills *error and returns false.
bool parseObject(const QByteArray& body, const Limits& limits, QJsonObject* object, QString* error);

} // namespace Meridian::Slurm::Detail
