// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/gres.h"

#include "core/sources/slurm/slurmtext_p.h"

namespace Meridian::Slurm {
namespace {

constexpr qint64 MaxCount = qint64(1) << 40; // far beyond any node, below any overflow

bool isEmptyList(QStringView text)
{
    return text.isEmpty() || text == u"(null)" || text == u"N/A" || text == u"none";
}

// Commas inside parentheses ("IDX:0,2-3") do not separate entries.
QList<QStringView> splitEntries(QStringView text)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'(')
            ++depth;
        else if (text[i] == u')')
            depth = std::max(0, depth - 1);
        else if (text[i] == u',' && depth == 0) {
            parts.append(text.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(text.mid(start));
    return parts;
}

bool isName(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (QChar c : text) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
            return false;
    }
    return true;
}

// "4", "2K" (Slurm's suffixes multiply by 1024).
bool parseCount(QStringView text, qint64* count)
{
    qint64 multiplier = 1;
    if (!text.isEmpty()) {
        switch (text.back().toUpper().unicode()) {
        case u'K':
            multiplier = 1024;
            break;
        case u'M':
            multiplier = 1024 * 1024;
            break;
        case u'G':
            multiplier = 1024 * 1024 * 1024;
            break;
        default:
            break;
        }
        if (multiplier > 1)
            text.chop(1);
    }
    if (text.isEmpty() || text.size() > 12)
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    *count = text.toLongLong() * multiplier;
    return *count <= MaxCount;
}

// "0-1,3" → 0,1,3; "N/A" → none.
bool parseIndexes(QStringView text, QList<int>* indexes)
{
    if (text == u"N/A")
        return true;
    for (QStringView part : text.split(u',')) {
        const qsizetype dash = part.indexOf(u'-');
        bool okLow = false, okHigh = false;
        const int low = (dash < 0 ? part : part.left(dash)).toInt(&okLow);
        const int high = dash < 0 ? low : part.mid(dash + 1).toInt(&okHigh);
        if (!okLow || (dash >= 0 && !okHigh) || low < 0 || high < low || high > MaxGresIndex
            || indexes->size() + (high - low) > MaxGresIndex)
            return false;
        for (int i = low; i <= high; ++i)
            indexes->append(i);
    }
    return true;
}

// One entry: name[:type][:count][(IDX:…|S:…)].
QString parseEntry(QStringView entry, Gres* gres)
{
    QStringView detail;
    if (const qsizetype open = entry.indexOf(u'('); open >= 0) {
        if (!entry.endsWith(u')'))
            return Text::tr("\"%1\" has an unclosed '('").arg(entry.left(60));
        detail = entry.mid(open + 1, entry.size() - open - 2);
        entry = entry.left(open);
    }
    const QList<QStringView> fields = entry.split(u':');
    if (fields.size() > 3 || !isName(fields[0]))
        return Text::tr("\"%1\" is not name[:type][:count]").arg(entry.left(60));
    gres->name = fields[0].toString();
    gres->count = 1;
    if (fields.size() == 3) {
        if (!isName(fields[1]) || !parseCount(fields[2], &gres->count))
            return Text::tr("\"%1\" is not name:type:count").arg(entry.left(60));
        gres->type = fields[1].toString();
    } else if (fields.size() == 2) {
        // "gpu:4" is a count, "gpu:h100" a type with a count of one; all digits is always a count.
        const bool digits
            = std::all_of(fields[1].cbegin(), fields[1].cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!parseCount(fields[1], &gres->count)) {
            if (digits)
                return Text::tr("\"%1\" is not a count").arg(fields[1].left(20));
            if (!isName(fields[1]))
                return Text::tr("\"%1\" is not name:type or name:count").arg(entry.left(60));
            gres->type = fields[1].toString();
            gres->count = 1;
        }
    }
    // Details are ';'-free "KEY:value" pairs; only IDX matters here (S: is socket affinity).
    if (detail.startsWith(u"IDX:") && !parseIndexes(detail.mid(4), &gres->indexes))
        return Text::tr("\"%1\" has bad device indexes").arg(detail.left(60));
    return {};
}

} // namespace

GresParse parseGres(QStringView text)
{
    GresParse result;
    text = text.trimmed();
    if (isEmptyList(text))
        return result;
    for (QStringView entry : splitEntries(text)) {
        entry = entry.trimmed();
        // A job's request: "gres:gpu:2" (v0.0.38) or "gres/gpu:2" (v0.0.39+).
        if (entry.startsWith(u"gres:") || entry.startsWith(u"gres/"))
            entry = entry.mid(5);
        Gres gres;
        if (QString error = parseEntry(entry, &gres); !error.isEmpty()) {
            result.error = Text::tr("GRES \"%1\": %2").arg(text.left(80), error);
            result.gres.clear();
            return result;
        }
        result.gres.append(std::move(gres));
    }
    return result;
}

GresParse parseTresGres(QStringView text)
{
    GresParse result;
    text = text.trimmed();
    if (isEmptyList(text))
        return result;
    for (QStringView entry : text.split(u',')) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0) {
            result.error = Text::tr("TRES \"%1\": \"%2\" is not key=value").arg(text.left(80), entry.left(40));
            result.gres.clear();
            return result;
        }
        const QStringView key = entry.left(equals);
        if (!key.startsWith(u"gres/"))
            continue;
        const QList<QStringView> names = key.mid(5).split(u':');
        Gres gres;
        if (names.size() > 2 || !isName(names[0]) || (names.size() == 2 && !isName(names[1]))
            || !parseCount(entry.mid(equals + 1), &gres.count)) {
            result.error = Text::tr("TRES \"%1\": bad entry \"%2\"").arg(text.left(80), entry.left(40));
            result.gres.clear();
            return result;
        }
        gres.name = names[0].toString();
        if (names.size() == 2)
            gres.type = names[1].toString();
        result.gres.append(std::move(gres));
    }
    return result;
}

qint64 gresCount(const GresList& list, QStringView name)
{
    qint64 untyped = 0, typed = 0;
    bool anyUntyped = false;
    for (const Gres& g : list) {
        if (g.name != name)
            continue;
        if (g.type.isEmpty()) {
            anyUntyped = true;
            untyped += g.count;
        } else {
            typed += g.count;
        }
    }
    return anyUntyped ? untyped : typed;
}

} // namespace Meridian::Slurm
