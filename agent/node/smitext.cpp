// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/smitext.h"

#include <charconv>
#include <cmath>

namespace Meridian::Agent::SmiText {

Number number(QByteArrayView token, double* out)
{
    token = token.trimmed();
    if (token == "NA" || token == "N/A" || token == "-" || (token.startsWith('[') && token.endsWith(']')))
        return Number::Missing;
    double v = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    if (token.isEmpty() || ec != std::errc() || end != token.data() + token.size() || !std::isfinite(v))
        return Number::Invalid;
    *out = v;
    return Number::Ok;
}

QList<QByteArrayView> lines(QByteArrayView text)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        out.append(line);
        start = end + 1;
    }
    return out;
}

QList<QByteArrayView> tokens(QByteArrayView text)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t')
            ++i;
        if (i > start)
            out.append(text.sliced(start, i - start));
    }
    return out;
}

bool isPrintable(QByteArrayView text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

} // namespace Meridian::Agent::SmiText
