// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/slurmreader_p.h"
#include "core/sources/slurm/slurmtext_p.h"

#include <cmath>

namespace Meridian::Slurm::Detail {
namespace {

// Seconds since the epoch up to the year 2200: Slurm writes projected end times far in the future
// (6091593683 was recorded for a pending job) but never beyond this.
constexpr qint64 MaxTime = 7258118400LL;

QString keyText(Key key)
{
    return QString::fromLatin1(key.data(), qsizetype(key.size()));
}

// "partitions[3]"
QString elementName(Key key, qsizetype index)
{
    QString name = keyText(key);
    name.append(u'[');
    name.append(QString::number(index));
    name.append(u']');
    return name;
}

bool absent(const Json* v)
{
    return v == nullptr || v->IsNull();
}

QString text(const Json& v)
{
    return QString::fromUtf8(v.GetString(), qsizetype(v.GetStringLength()));
}

} // namespace

Reader::Reader(const Json* object, QString path, std::shared_ptr<Failure> failure, const Limits& limits)
    : m_object(object && object->IsObject() ? object : nullptr)
    , m_path(std::move(path))
    , m_failure(std::move(failure))
    , m_limits(limits)
{ }

QString Reader::childPath(const QString& key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

bool Reader::failAt(const QString& name, const QString& message) const
{
    if (ok()) {
        m_failure->path = childPath(name);
        m_failure->message = message;
    }
    return false;
}

bool Reader::fail(Key key, const QString& message) const
{
    return failAt(keyText(key), message);
}

const Json* Reader::value(Key key) const
{
    return m_object ? member(*m_object, key) : nullptr;
}

QString Reader::string(Key key) const
{
    const Json* v = value(key);
    if (absent(v))
        return {};
    if (!v->IsString()) {
        fail(key, Text::tr("expected a string"));
        return {};
    }
    QString s = text(*v);
    if (s.size() > m_limits.maxStringLength) {
        fail(key, Text::tr("%1 characters exceed the limit of %2").arg(s.size()).arg(m_limits.maxStringLength));
        return {};
    }
    return s;
}

Number Reader::checkNumber(Key key, const Json* v, qint64 min, qint64 max) const
{
    if (absent(v))
        return {};
    if (v->IsObject()) {
        // {"set": true, "infinite": false, "number": 42}
        Reader nested(v, childPath(keyText(key)), m_failure, m_limits);
        const bool infinite = nested.boolean("infinite");
        const bool set = nested.boolean("set");
        if (!nested.ok())
            return {};
        if (infinite)
            return { Number::Infinite, 0 };
        if (!set)
            return {};
        return nested.checkNumber("number", nested.value("number"), min, max);
    }
    if (!v->IsNumber()) {
        fail(key, Text::tr("expected a number"));
        return {};
    }
    const double d = v->GetDouble();
    if (d != std::floor(d) || d < double(min) || d > double(max)) {
        fail(key, Text::tr("%1 is not an integer in %2…%3").arg(d, 0, 'g', 17).arg(min).arg(max));
        return {};
    }
    return { Number::Set, qint64(d) };
}

Number Reader::number(Key key, qint64 min, qint64 max) const
{
    return checkNumber(key, value(key), min, max);
}

qint64 Reader::integer(Key key, qint64 min, qint64 max, qint64 fallback) const
{
    const Number n = number(key, min, max);
    return n.kind == Number::Set ? n.value : fallback;
}

qint64 Reader::time(Key key) const
{
    // v0.0.38 dumps some unset times as -1 or 0; both mean "not known".
    const Number n = number(key, -1, MaxTime);
    return n.kind == Number::Set && n.value > 0 ? n.value : 0;
}

bool Reader::boolean(Key key, bool fallback) const
{
    const Json* v = value(key);
    if (absent(v))
        return fallback;
    if (!v->IsBool()) {
        fail(key, Text::tr("expected true or false"));
        return fallback;
    }
    return v->GetBool();
}

JsonArray Reader::array(Key key, qsizetype maxSize) const
{
    const Json* v = value(key);
    if (absent(v))
        return {};
    if (!v->IsArray()) {
        fail(key, Text::tr("expected an array"));
        return {};
    }
    if (qsizetype(v->Size()) > maxSize) {
        fail(key, Text::tr("%1 entries exceed the limit of %2").arg(v->Size()).arg(maxSize));
        return {};
    }
    return JsonArray(v);
}

QStringList Reader::strings(Key key) const
{
    const JsonArray a = array(key, m_limits.maxListItems);
    QStringList out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        const auto name = [key, i] { return elementName(key, i); };
        if (!a.at(i).IsString()) {
            failAt(name(), Text::tr("expected a string"));
            return {};
        }
        QString s = text(a.at(i));
        if (s.size() > m_limits.maxStringLength) {
            failAt(name(), Text::tr("string too long"));
            return {};
        }
        out.append(std::move(s));
    }
    return out;
}

QStringList Reader::stringOrStrings(Key key) const
{
    const Json* v = value(key);
    if (v && v->IsString())
        return string(key).split(u',', Qt::SkipEmptyParts);
    return strings(key);
}

Reader Reader::object(Key key) const
{
    const Json* v = value(key);
    if (!absent(v) && !v->IsObject())
        fail(key, Text::tr("expected an object"));
    return Reader(v, childPath(keyText(key)), m_failure, m_limits);
}

Reader Reader::element(Key key, const JsonArray& array, qsizetype index) const
{
    const QString name = elementName(key, index);
    const Json& v = array.at(index);
    if (!v.IsObject())
        failAt(name, Text::tr("expected an object"));
    return Reader(&v, childPath(name), m_failure, m_limits);
}

} // namespace Meridian::Slurm::Detail
