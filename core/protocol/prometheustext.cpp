// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheustext.h"

#include <charconv>
#include <cmath>

namespace Meridian::Protocol::Prometheus {
namespace {

void appendEscapedLabelValue(QByteArray& out, QByteArrayView value)
{
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
}

void appendEscapedHelp(QByteArray& out, QByteArrayView help)
{
    for (char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

void appendNumber(QByteArray& out, double value)
{
    if (std::isinf(value)) {
        out += value > 0 ? "+Inf" : "-Inf";
        return;
    }
    // Shortest round-trip form, locale-independent.
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, ec == std::errc() ? end - buffer : 0);
}

const char* typeName(Writer::Type type)
{
    switch (type) {
    case Writer::Type::Gauge:
        return "gauge";
    case Writer::Type::Counter:
        return "counter";
    case Writer::Type::Untyped:
        break;
    }
    return "untyped";
}

} // namespace

void Writer::beginFamily(QByteArrayView name, Type type, QByteArrayView help)
{
    m_family = name.toByteArray();
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    appendEscapedHelp(m_text, help);
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += typeName(type);
    m_text += '\n';
}

void Writer::sample(std::initializer_list<Label> labels, double value)
{
    writeSample({}, labels.begin(), labels.end(), value);
}

void Writer::sample(const QList<Label>& labels, double value)
{
    writeSample({}, labels.constData(), labels.constData() + labels.size(), value);
}

void Writer::sampleWithSuffix(QByteArrayView suffix, const QList<Label>& labels, double value)
{
    writeSample(suffix, labels.constData(), labels.constData() + labels.size(), value);
}

void Writer::writeSample(QByteArrayView suffix, const Label* begin, const Label* end, double value)
{
    if (std::isnan(value))
        return;
    m_text += m_family;
    m_text += suffix;
    if (begin != end) {
        m_text += '{';
        for (const Label* l = begin; l != end; ++l) {
            if (l != begin)
                m_text += ',';
            m_text += l->first;
            m_text += "=\"";
            appendEscapedLabelValue(m_text, l->second);
            m_text += '"';
        }
        m_text += '}';
    }
    m_text += ' ';
    appendNumber(m_text, value);
    m_text += '\n';
}

} // namespace Meridian::Protocol::Prometheus
