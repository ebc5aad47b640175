// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/hostlist.h"

#include "core/sources/slurm/slurmtext_p.h"

#include <QMap>

#include <algorithm>

namespace Meridian::Slurm {
namespace {

constexpr int MaxDigits = 18; // fits qint64 with room to add one
constexpr int MaxBracketGroups = 8; // per name: real clusters use one or two (rack, node)

// One piece of a host name: literal text, or a bracket group's numbers (each already formatted).
struct Range
{
    qint64 low = 0;
    qint64 high = 0;
    int width = 0; ///< zero-padded width; 0: none
};
struct Piece
{
    QString text; ///< a literal when ranges is empty
    QList<Range> ranges;
    qint64 count() const
    {
        // Saturates: each range may span 10^18 numbers, and a sum of them must not overflow.
        qint64 n = 0;
        for (const Range& r : ranges)
            n = std::min<qint64>(n + (r.high - r.low + 1), qint64(1) << 50);
        return n;
    }
};

bool validHostChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.';
}

bool parseNumber(QStringView digits, qint64* value)
{
    if (digits.isEmpty() || digits.size() > MaxDigits)
        return false;
    for (QChar c : digits) {
        if (!c.isDigit() || c.unicode() > u'9')
            return false;
    }
    bool ok = false;
    *value = digits.toLongLong(&ok);
    return ok;
}

// "001-128" or "131"; widths follow Slurm: a lower bound with a leading zero fixes the width.
QString parseRange(QStringView text, Range* range)
{
    const qsizetype dash = text.indexOf(u'-');
    const QStringView low = dash < 0 ? text : text.left(dash);
    const QStringView high = dash < 0 ? text : text.mid(dash + 1);
    if (!parseNumber(low, &range->low) || !parseNumber(high, &range->high))
        return Text::tr("\"%1\" is not a number or a range of numbers").arg(text.left(40));
    if (range->high < range->low)
        return Text::tr("the range \"%1\" runs backwards").arg(text.left(40));
    range->width = low.size() > 1 && low.front() == u'0' ? int(low.size()) : 0;
    return {};
}

// One host expression (no top-level comma) into literal and bracket pieces.
QString parsePieces(QStringView expression, QList<Piece>* pieces)
{
    qsizetype i = 0;
    while (i < expression.size()) {
        if (expression[i] == u'[') {
            const qsizetype close = expression.indexOf(u']', i + 1);
            if (close < 0)
                return Text::tr("a '[' is never closed");
            const QStringView inner = expression.mid(i + 1, close - i - 1);
            if (inner.contains(u'['))
                return Text::tr("brackets cannot nest");
            if (std::count_if(pieces->cbegin(), pieces->cend(), [](const Piece& p) { return !p.ranges.isEmpty(); })
                >= MaxBracketGroups)
                return Text::tr("more than %1 bracket groups in one name").arg(MaxBracketGroups);
            Piece piece;
            for (QStringView part : inner.split(u',')) {
                Range range;
                if (QString error = parseRange(part, &range); !error.isEmpty())
                    return error;
                piece.ranges.append(range);
            }
            pieces->append(std::move(piece));
            i = close + 1;
            continue;
        }
        if (expression[i] == u']')
            return Text::tr("a ']' has no '['");
        if (!validHostChar(expression[i]))
            return Text::tr("'%1' cannot be part of a host name").arg(expression[i]);
        if (pieces->isEmpty() || !pieces->back().ranges.isEmpty())
            pieces->append(Piece());
        pieces->back().text.append(expression[i]);
        ++i;
    }
    return {};
}

// Top-level commas separate host expressions; commas inside brackets separate ranges.
QList<QStringView> splitTopLevel(QStringView text)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'[')
            ++depth;
        else if (text[i] == u']')
            --depth;
        else if (text[i] == u',' && depth == 0) {
            parts.append(text.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(text.mid(start));
    return parts;
}

void expandPieces(const QList<Piece>& pieces, qsizetype index, const QString& prefix, QStringList* out)
{
    if (index == pieces.size()) {
        out->append(prefix);
        return;
    }
    const Piece& piece = pieces[index];
    if (piece.ranges.isEmpty())
        return expandPieces(pieces, index + 1, prefix + piece.text, out);
    for (const Range& r : piece.ranges) {
        for (qint64 n = r.low; n <= r.high; ++n)
            expandPieces(pieces, index + 1, prefix + QStringLiteral("%1").arg(n, r.width, 10, QChar(u'0')), out);
    }
}

} // namespace

HostlistExpansion expandHostlist(QStringView expression, qsizetype maxNames)
{
    HostlistExpansion result;
    const QStringView text = expression.trimmed();
    if (text.isEmpty() || text == u"(null)" || text == u"None assigned")
        return result;
    QList<QList<Piece>> hosts;
    qint64 total = 0;
    for (QStringView part : splitTopLevel(text)) {
        if (part.isEmpty()) {
            result.error = Text::tr("hostlist \"%1\": an empty name").arg(text.left(80));
            return result;
        }
        QList<Piece> pieces;
        if (QString error = parsePieces(part, &pieces); !error.isEmpty()) {
            result.error = Text::tr("hostlist \"%1\": %2").arg(text.left(80), error);
            return result;
        }
        // The product of the bracket sizes, checked against the cap before anything is built.
        qint64 names = 1;
        for (const Piece& p : pieces) {
            if (!p.ranges.isEmpty())
                names = p.count() > maxNames ? maxNames + 1 : std::min<qint64>(names * p.count(), maxNames + 1);
        }
        total += names;
        if (total > maxNames) {
            result.error = Text::tr("hostlist \"%1\" names more than %2 hosts").arg(text.left(80)).arg(maxNames);
            return result;
        }
        hosts.append(std::move(pieces));
    }
    result.names.reserve(qsizetype(total));
    for (const QList<Piece>& pieces : std::as_const(hosts))
        expandPieces(pieces, 0, QString(), &result.names);
    return result;
}

namespace {

struct Numbered
{
    qint64 value = 0;
    QString digits;
};

// "gpu001" → ("gpu", 1, "001"); a name without a numeric suffix has value -1.
std::pair<QString, Numbered> splitSuffix(const QString& name)
{
    qsizetype i = name.size();
    while (i > 0 && name[i - 1].isDigit() && name[i - 1].unicode() <= u'9')
        --i;
    Numbered n { -1, name.mid(i) };
    if (n.digits.isEmpty() || n.digits.size() > MaxDigits)
        return { name, { -1, {} } };
    n.value = n.digits.toLongLong();
    return { name.left(i), n };
}

QString padded(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QChar(u'0'));
}

int paddedWidth(const QString& digits)
{
    return digits.size() > 1 && digits.front() == u'0' ? int(digits.size()) : 0;
}

// Folds the numbers of one prefix into "[a-b,c]" groups, one group per width. A number without a leading zero
// joins a zero-padded group it prints the same in ("131" with "001": gpu[001-003,131]).
QStringList foldPrefix(const QString& prefix, QList<Numbered> numbers)
{
    QList<int> widths;
    for (const Numbered& n : std::as_const(numbers)) {
        if (const int w = paddedWidth(n.digits); w > 0 && !widths.contains(w))
            widths.append(w);
    }
    std::sort(widths.begin(), widths.end());
    QList<std::pair<int, Numbered>> placed; // (width, number)
    for (const Numbered& n : std::as_const(numbers)) {
        int width = paddedWidth(n.digits);
        if (width == 0) {
            for (int w : std::as_const(widths)) {
                if (w <= n.digits.size())
                    width = w;
            }
        }
        placed.append({ width, n });
    }
    std::sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.value < b.second.value;
    });
    QMap<int, QStringList> rangesByWidth; // width → "a-b" parts, in order
    qsizetype i = 0;
    while (i < placed.size()) {
        const int width = placed[i].first;
        const Numbered& first = placed[i].second;
        qsizetype j = i + 1;
        while (
            j < placed.size() && placed[j].first == width && placed[j].second.value == placed[j - 1].second.value + 1)
            ++j;
        const qint64 last = placed[j - 1].second.value;
        rangesByWidth[width].append(last == first.value ? first.digits : first.digits + u'-' + padded(last, width));
        i = j;
    }
    QStringList out;
    for (auto it = rangesByWidth.cbegin(); it != rangesByWidth.cend(); ++it) {
        if (it->size() == 1 && !it->front().contains(u'-'))
            out.append(prefix + it->front());
        else
            out.append(prefix + u'[' + it->join(u',') + u']');
    }
    return out;
}

} // namespace

QString compressHostlist(const QStringList& names)
{
    QMap<QString, QList<Numbered>> byPrefix;
    QStringList plain;
    for (const QString& name : names) {
        auto [prefix, number] = splitSuffix(name);
        if (number.value < 0)
            plain.append(name);
        else
            byPrefix[prefix].append(number);
    }
    QStringList parts;
    plain.sort();
    plain.removeDuplicates();
    parts += plain;
    for (auto it = byPrefix.begin(); it != byPrefix.end(); ++it) {
        QList<Numbered>& numbers = it.value();
        std::sort(numbers.begin(), numbers.end(), [](const Numbered& a, const Numbered& b) {
            return a.value != b.value ? a.value < b.value : a.digits < b.digits;
        });
        numbers.erase(std::unique(numbers.begin(), numbers.end(),
                          [](const Numbered& a, const Numbered& b) { return a.digits == b.digits; }),
            numbers.end());
        parts += foldPrefix(it.key(), std::move(numbers));
    }
    return parts.join(u',');
}

} // namespace Meridian::Slurm
