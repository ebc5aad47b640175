// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: what every slurmrestd answer shares (size cap, HTTP status, meta, errors[],
// warnings[]) before the decoders read their own part of it.

#include "core/sources/slurm/slurmreader_p.h"

namespace Meridian::Slurm::Detail {

struct Opened
{
    std::unique_ptr<JsonDocument> document; ///< the parsed answer (its kept members)
    AnswerInfo info;
    Failure failure = Failure::None;
    QString error;
    const Json* root() const { return document.get(); }
};

// Checks the size, parses, reads meta/errors/warnings and classifies the answer. EXPECTED (may be Unknown)
// is the version the request asked for. document is set only when failure is None.
Opened openAnswer(
    ApiVersion expected, int httpStatus, const QByteArray& body, const Limits& limits, Keep keep = Keep::Decoded);

// Fills a Decoded<T> from an opened answer that failed, or from a reader's failure.
template <typename T> void setFailure(Decoded<T>* out, Failure failure, const QString& error)
{
    out->value = T {};
    out->failure = failure;
    out->error = error;
}
QString malformedMessage(const Reader::Failure& failure);

template <typename T>
bool open(ApiVersion expected, int status, const QByteArray& body, const Limits& limits, Decoded<T>* out,
    Opened* opened, Keep keep = Keep::Decoded)
{
    *opened = openAnswer(expected, status, body, limits, keep);
    out->info = std::move(opened->info);
    if (opened->failure != Failure::None) {
        setFailure(out, opened->failure, opened->error);
        return false;
    }
    return true;
}

// After reading: a reader's failure rejects the whole answer.
template <typename T> void finish(const Reader& reader, Decoded<T>* out)
{
    if (!reader.ok())
        setFailure(out, Failure::Malformed, malformedMessage(*reader.failure()));
}

QString missingArrayMessage();

// An answer whose KEY lists items, each read by READ(version, reader).
template <typename T, typename ReadFn>
Decoded<QList<T>> decodeList(
    ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits, Key key, ReadFn read)
{
    Decoded<QList<T>> out;
    Opened opened;
    if (!open(version, httpStatus, body, limits, &out, &opened))
        return out;
    Reader top(opened.root(), QString(), std::make_shared<Reader::Failure>(), limits);
    if (const Json* list = top.value(key); !list || !list->IsArray())
        top.fail(key, missingArrayMessage());
    const JsonArray items = top.array(key, limits.maxItems);
    out.value.reserve(items.size());
    for (qsizetype i = 0; i < items.size() && top.ok(); ++i) {
        Reader item = top.element(key, items, i);
        out.value.append(read(version, item));
    }
    finish(top, &out);
    return out;
}

} // namespace Meridian::Slurm::Detail
