// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: a checked walk over one JSON object of a slurmrestd answer. Every field is
// optional (slurmrestd leaves out what it does not know) but, when present, must have the type the schema
// gives; the first violation is kept with its path ("nodes[3].alloc_cpus: expected a number").
//
// The tree walked is the one slurmjson_p.h builds: only the keys the decoders read are in it (a v0.0.38 job
// has ~111 keys, the decoder reads ~26), so a key not in slurmjson.cpp's list reads as absent.

#include "core/sources/slurm/slurmdecode.h"
#include "core/sources/slurm/slurmjson_p.h"

#include <memory>
#include <string_view>

namespace Meridian::Slurm::Detail {

// A Slurm number: plain (v0.0.38, many v0.0.39 fields), null, or v0.0.39+'s {"set","infinite","number"}.
struct Number
{
    enum Kind : quint8 { Absent, Set, Infinite } kind = Absent;
    qint64 value = 0;
};

using Key = std::string_view; ///< a member name as Slurm spells it (ASCII)

class Reader
{
public:
    // The first failure of a whole document, shared by the readers of its nested objects.
    struct Failure
    {
        QString path;
        QString message;
    };

    // OBJECT may be null (an absent object reads as empty) and must outlive the reader.
    Reader(const Json* object, QString path, std::shared_ptr<Failure> failure, const Limits& limits);

    bool ok() const { return m_failure->message.isEmpty(); }
    const Limits& limits() const { return m_limits; }
    const QString& path() const { return m_path; }
    bool fail(Key key, const QString& message) const;
    bool failAt(const QString& name, const QString& message) const; ///< NAME: a member or "list[3]"

    bool has(Key key) const { return value(key) != nullptr; }
    const Json* value(Key key) const; ///< null when absent
    QString string(Key key) const;
    Number number(Key key, qint64 min, qint64 max) const;
    qint64 integer(Key key, qint64 min, qint64 max, qint64 fallback = 0) const; ///< Absent → fallback
    qint64 time(Key key) const; ///< seconds since the epoch; absent, unset or infinite → 0
    bool boolean(Key key, bool fallback = false) const;
    QStringList strings(Key key) const; ///< an array of strings
    QStringList stringOrStrings(Key key) const; ///< v0.0.38's "a,b" or an array
    JsonArray array(Key key, qsizetype maxSize) const; ///< empty when absent or failed
    Reader object(Key key) const; ///< an empty reader when absent
    Reader element(Key key, const JsonArray& array, qsizetype index) const; ///< fails unless an object

    std::shared_ptr<Failure> failure() const { return m_failure; }

private:
    QString childPath(const QString& key) const;
    Number checkNumber(Key key, const Json* v, qint64 min, qint64 max) const;

    const Json* m_object = nullptr;
    QString m_path;
    std::shared_ptr<Failure> m_failure;
    const Limits& m_limits;
};

} // namespace Meridian::Slurm::Detail
