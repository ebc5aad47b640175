// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/slurmreader_p.h"
#include "core/sources/slurm/slurmtext_p.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace Meridian::Slurm::Detail {
namespace {

// Seconds since the epoch up to the year 2200: Slurm writes projected end times far in the future
// (6091593683 was recorded for a pending job) but never beyond this.
constexpr qint64 MaxTime = 7258118400LL;

} // namespace

Reader::Reader(QJsonObject object, QString path, std::shared_ptr<Failure> failure, const Limits& limits)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_failure(std::move(failure))
    , m_limits(limits)
{ }

QString Reader::childPath(const QString& key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

bool Reader::fail(const QString& key, const QString& message) const
{
    if (ok()) {
        m_failure->path = childPath(key);
        m_failure->message = message;
    }
    return false;
}

QString Reader::string(const QString& key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        fail(key, Text::tr("expected a string"));
        return {};
    }
    QString s = v.toString();
    if (s.size() > m_limits.maxStringLength) {
        fail(key, Text::tr("%1 characters exceed the limit of %2").arg(s.size()).arg(m_limits.maxStringLength));
        return {};
    }
    return s;
}

Number Reader::checkNumber(const QString& key, const QJsonValue& v, qint64 min, qint64 max) const
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isObject()) {
        // {"set": true, "infinite": false, "number": 42}
        Reader nested(v.toObject(), childPath(key), m_failure, m_limits);
        const bool infinite = nested.boolean(QStringLiteral("infinite"));
        const bool set = nested.boolean(QStringLiteral("set"));
        const QJsonValue number = v.toObject().value(QStringLiteral("number"));
        if (!nested.ok())
            return {};
        if (infinite)
            return { Number::Infinite, 0 };
        if (!set)
            return {};
        return nested.checkNumber(QStringLiteral("number"), number, min, max);
    }
    if (!v.isDouble()) {
        fail(key, Text::tr("expected a number"));
        return {};
    }
    const double d = v.toDouble();
    if (d != std::floor(d) || d < double(min) || d > double(max)) {
        fail(key, Text::tr("%1 is not an integer in %2…%3").arg(d, 0, 'g', 17).arg(min).arg(max));
        return {};
    }
    return { Number::Set, qint64(d) };
}

Number Reader::number(const QString& key, qint64 min, qint64 max) const
{
    return checkNumber(key, m_object.value(key), min, max);
}

qint64 Reader::integer(const QString& key, qint64 min, qint64 max, qint64 fallback) const
{
    const Number n = number(key, min, max);
    return n.kind == Number::Set ? n.value : fallback;
}

qint64 Reader::time(const QString& key) const
{
    // v0.0.38 dumps some unset times as -1 or 0; both mean "not known".
    const Number n = number(key, -1, MaxTime);
    return n.kind == Number::Set && n.value > 0 ? n.value : 0;
}

bool Reader::boolean(const QString& key, bool fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(key, Text::tr("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

QJsonArray Reader::array(const QString& key, qsizetype maxSize) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        fail(key, Text::tr("expected an array"));
        return {};
    }
    QJsonArray a = v.toArray();
    if (a.size() > maxSize) {
        fail(key, Text::tr("%1 entries exceed the limit of %2").arg(a.size()).arg(maxSize));
        return {};
    }
    return a;
}

QStringList Reader::strings(const QString& key) const
{
    const QJsonArray a = array(key, m_limits.maxListItems);
    QStringList out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        if (!a.at(i).isString()) {
            fail(key + u'[' + QString::number(i) + u']', Text::tr("expected a string"));
            return {};
        }
        QString s = a.at(i).toString();
        if (s.size() > m_limits.maxStringLength) {
            fail(key + u'[' + QString::number(i) + u']', Text::tr("string too long"));
            return {};
        }
        out.append(std::move(s));
    }
    return out;
}

QStringList Reader::stringOrStrings(const QString& key) const
{
    if (m_object.value(key).isString())
        return string(key).split(u',', Qt::SkipEmptyParts);
    return strings(key);
}

Reader Reader::object(const QString& key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isUndefined() && !v.isNull() && !v.isObject())
        fail(key, Text::tr("expected an object"));
    return Reader(v.toObject(), childPath(key), m_failure, m_limits);
}

Reader Reader::element(const QString& key, const QJsonArray& array, qsizetype index) const
{
    const QString name = key + u'[' + QString::number(index) + u']';
    const QJsonValue v = array.at(index);
    if (!v.isObject())
        fail(name, Text::tr("expected an object"));
    return Reader(v.toObject(), childPath(name), m_failure, m_limits);
}

bool parseObject(const QByteArray& body, const Limits& limits, QJsonObject* object, QString* error)
{
    if (body.size() > limits.maxBodyBytes) {
        *error
            = Text::tr("the answer has %1 bytes, more than the limit of %2").arg(body.size()).arg(limits.maxBodyBytes);
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = Text::tr("not JSON (%1 at byte %2)").arg(parse.errorString()).arg(parse.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = Text::tr("not a JSON object");
        return false;
    }
    *object = doc.object();
    return true;
}

} // namespace Meridian::Slurm::Detail
