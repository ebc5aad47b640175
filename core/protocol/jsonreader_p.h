// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the protocol library: the strict reader and the checks shared by
// the codecs in protocoljson.cpp and jobjson.cpp. Not part of the API.

#include "core/protocol/protocoljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Meridian::Protocol::Detail {

// Timestamps outside 2000-01-01 … 2100-01-01 are a unit mix-up (seconds read as
// milliseconds lands in 1970), not data.
constexpr qint64 MinTimestampMs = 946684800000LL;
constexpr qint64 MaxTimestampMs = 4102444800000LL;
constexpr double MaxBytes = 1e16; // 10 PB: larger is garbage, not a machine
constexpr qint64 MaxSeq = qint64(1) << 53; // exact in a JSON double

inline QJsonValue number(double v)
{
    return isMissing(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

// Walks one JSON object and records the first violation with its path.
class Reader
{
public:
    Reader(const QJsonObject& object, QString path, DecodeResult* result, const Limits& limits)
        : m_object(object)
        , m_path(std::move(path))
        , m_result(result)
        , m_limits(limits)
    { }

    bool ok() const { return m_result->ok; }
    const Limits& limits() const { return m_limits; }
    QString path(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    bool fail(const QString& key, const QString& message)
    {
        if (m_result->ok) {
            m_result->ok = false;
            m_result->error = path(key) + u": " + message;
        }
        return false;
    }

    QJsonValue value(const QString& key, bool required)
    {
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            if (required)
                fail(key, QStringLiteral("missing"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return *it;
    }

    QString string(const QString& key, bool required = true, int maxLength = -1)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined() || (!required && v.isNull()))
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("expected a string"));
            return {};
        }
        QString s = v.toString();
        const int cap = maxLength < 0 ? m_limits.maxStringLength : maxLength;
        if (s.size() > cap) {
            fail(key, QStringLiteral("string of %1 characters exceeds %2").arg(s.size()).arg(cap));
            return {};
        }
        return s;
    }

    qint64 integer(const QString& key, qint64 min, qint64 max, bool required = true, qint64 fallback = 0)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return fallback;
        return checkInteger(key, v, min, max);
    }

    qint64 checkInteger(const QString& key, const QJsonValue& v, qint64 min, qint64 max)
    {
        if (!v.isDouble()) {
            fail(key, QStringLiteral("expected a number"));
            return 0;
        }
        const double d = v.toDouble();
        if (d != std::floor(d) || d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("%1 is not an integer in %2…%3").arg(d, 0, 'g', 17).arg(min).arg(max));
            return 0;
        }
        return qint64(d);
    }

    // Absent or null → Missing.
    double measurement(const QString& key, double min, double max)
    {
        return checkMeasurement(key, value(key, false), min, max);
    }

    double checkMeasurement(const QString& key, const QJsonValue& v, double min, double max)
    {
        if (v.isUndefined() || v.isNull())
            return Missing;
        if (!v.isDouble()) {
            fail(key, QStringLiteral("expected a number or null"));
            return Missing;
        }
        const double d = v.toDouble();
        if (!(d >= min && d <= max)) {
            fail(key, QStringLiteral("%1 is outside %2…%3").arg(d, 0, 'g', 17).arg(min).arg(max));
            return Missing;
        }
        return d;
    }

    bool boolean(const QString& key, bool fallback = false)
    {
        const QJsonValue v = value(key, false);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            fail(key, QStringLiteral("expected true or false"));
            return fallback;
        }
        return v.toBool();
    }

    // An optional array of at most maxSize strings (a message key's arguments).
    QStringList strings(const QString& key, int maxSize, int maxLength)
    {
        QStringList out;
        const QJsonArray a = array(key, maxSize, false);
        for (const QJsonValue& v : a) {
            if (!v.isString() || v.toString().size() > maxLength) {
                fail(key, QStringLiteral("expected strings of at most %1 characters").arg(maxLength));
                return {};
            }
            out.append(v.toString());
        }
        return out;
    }

    QJsonArray array(const QString& key, int maxSize, bool required = true)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("expected an array"));
            return {};
        }
        QJsonArray a = v.toArray();
        if (a.size() > maxSize) {
            fail(key, QStringLiteral("%1 entries exceed the limit of %2").arg(a.size()).arg(maxSize));
            return {};
        }
        return a;
    }

    QJsonObject object(const QString& key, bool required = true)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(key, QStringLiteral("expected an object"));
            return {};
        }
        return v.toObject();
    }

    template <typename Enum> Enum enumeration(const QString& key, Enum fallback, bool required = true)
    {
        const QString text = string(key, required);
        if (!ok() || text.isEmpty())
            return fallback;
        Enum e = fallback;
        if (!fromString(text, &e))
            fail(key, QStringLiteral("unknown value \"%1\"").arg(text.left(40)));
        return e;
    }

    qint64 timestamp(const QString& key, bool required = true)
    {
        return integer(key, MinTimestampMs, MaxTimestampMs, required, 0);
    }

    DecodeResult* result() const { return m_result; }

private:
    QJsonObject m_object;
    QString m_path;
    DecodeResult* m_result;
    const Limits& m_limits;
};

inline QString indexed(const QString& key, qsizetype i)
{
    return key + u'[' + QString::number(i) + u']';
}

// Every element of an array must be an object; returns false after recording the failure.
template <typename Fn> bool forEachObject(Reader& r, const QString& key, const QJsonArray& array, Fn&& fn)
{
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        if (!array.at(i).isObject())
            return r.fail(indexed(key, i), QStringLiteral("expected an object"));
        Reader child(array.at(i).toObject(), r.path(indexed(key, i)), r.result(), r.limits());
        fn(child);
    }
    return r.ok();
}

} // namespace Meridian::Protocol::Detail
