// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Prometheus text exposition format 0.0.4: a writer for the agents' /metrics
// and a strict parser (for `meridian check-agent` and the tests). The grammar is
// Prometheus's "Exposition formats" document; docs/protocol.md (`GET /metrics`)
// says what the agents write.

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Meridian::Protocol::Prometheus {

using Label = std::pair<QByteArrayView, QByteArrayView>;

// Writes families one after another; samples belong to the last family begun.
// Missing values (NaN from a collector that could not read them) are skipped:
// an absent series means "no data", a NaN sample would be read as a value.
class Writer
{
public:
    enum class Type { Gauge, Counter, Untyped };

    void beginFamily(QByteArrayView name, Type type, QByteArrayView help);
    void sample(std::initializer_list<Label> labels, double value);
    void sample(const QList<Label>& labels, double value);
    void sampleWithSuffix(QByteArrayView suffix, const QList<Label>& labels, double value);
    const QByteArray& text() const { return m_text; }
    QByteArray take() { return std::exchange(m_text, {}); }

private:
    void writeSample(QByteArrayView suffix, const Label* begin, const Label* end, double value);
    QByteArray m_text;
    QByteArray m_family;
};

struct ParsedSample
{
    QByteArray name;
    QList<std::pair<QByteArray, QByteArray>> labels;
    double value = 0;
    bool hasTimestamp = false;
    qint64 timestampMs = 0;
};

struct ParseLimits
{
    qsizetype maxBytes = 16 * 1024 * 1024;
    qsizetype maxLineBytes = 64 * 1024;
    int maxLabelsPerSample = 64;
    int maxLabelNameBytes = 128;
    int maxLabelValueBytes = 4096;
    int maxSamples = 200000;
};

struct ParseResult
{
    bool ok = false;
    QString error; ///< "line 17: duplicate series node_load1{}"
    QList<ParsedSample> samples;
    QList<std::pair<QByteArray, QByteArray>> types; ///< family name → type, in order
};

// Rejects the whole exposition on the first violation (Prometheus does the same).
ParseResult parse(QByteArrayView text, const ParseLimits& limits = {});

} // namespace Meridian::Protocol::Prometheus
