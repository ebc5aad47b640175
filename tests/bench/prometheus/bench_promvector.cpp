// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding one instant-query answer of 200,000 accelerator series (25,000 nodes × 8 GPUs, dcgm-exporter's labels
// plus region, pool, rack and node: ≈ 50 MB, as Prometheus 2.42 writes it) with the source's streaming decoder,
// and the same body with QJsonDocument (a DOM, then walked) as the same-process baseline. Prints BENCH lines:
// MB/s of each, the ratio, series per second, the mapping into nodes, and the decoder's result size.

#include "core/sources/prometheus/promfleet.h"
#include "core/sources/prometheus/promvector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Meridian::Prometheus;

namespace {

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

QByteArray answer(int nodes, int gpus)
{
    QByteArray b;
    b.reserve(qsizetype(nodes) * gpus * 280);
    b += R"({"status":"success","data":{"resultType":"vector","result":[)";
    const char* regions[] = { "East China", "North China", "Southwest China", "Northwest China" };
    for (int n = 0; n < nodes; ++n) {
        const QByteArray node = "gpu-" + QByteArray::number(n);
        const QByteArray region = regions[n % 4];
        const QByteArray pool = "pool-" + QByteArray::number(n / 500);
        const QByteArray rack = pool + "-r" + QByteArray::number((n / 16) % 32);
        for (int g = 0; g < gpus; ++g) {
            if (n || g)
                b += ',';
            b += R"({"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","Hostname":")" + node + R"(","UUID":"GPU-)"
                + QByteArray::number(n * gpus + g, 16).rightJustified(12, '0') + R"(","device":"nvidia)"
                + QByteArray::number(g) + R"(","gpu":")" + QByteArray::number(g) + R"(","instance":")" + node
                + R"(:9400","job":"dcgm","modelName":"NVIDIA H100 80GB HBM3","node":")" + node + R"(","pool":")" + pool
                + R"(","rack":")" + rack + R"(","region":")" + region + R"("},"value":[1796632974.464,")"
                + QByteArray::number((n * 7 + g * 13) % 100) + R"("]})";
        }
    }
    b += "]}}";
    return b;
}

template <typename F> double medianMs(int runs, F f)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int nodes = 25000, gpus = 8;
    const QByteArray body = answer(nodes, gpus);
    const double mb = double(body.size()) / 1e6;
    bench("promvector.body_200k_series", mb, "MB");
    const QStringList wanted = wantedLabels({});

    qsizetype series = 0;
    const double streaming = medianMs(3, [&] {
        const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
        if (!a.ok())
            qFatal("decode failed: %s", qPrintable(a.error));
        series = a.vector.series.size();
    });
    if (series != qsizetype(nodes) * gpus)
        qFatal("decoded %lld series", qint64(series));
    bench("promvector.decode_200k_series", streaming, "ms");
    bench("promvector.decode_throughput", mb / (streaming / 1000.0), "MB/s");
    bench("promvector.decode_series_per_second", double(series) / (streaming / 1000.0), "series/s");

    // Baseline: the DOM parse every other decoder in the console uses, plus the same walk over labels and values.
    const double dom = medianMs(3, [&] {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        const QJsonArray result
            = doc.object().value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
        qsizetype count = 0;
        for (const QJsonValue& v : result) {
            const QJsonObject o = v.toObject();
            const QJsonObject metric = o.value(QStringLiteral("metric")).toObject();
            for (const QString& name : wanted)
                count += metric.value(name).toString().size();
            count += o.value(QStringLiteral("value")).toArray().at(1).toString().toDouble() > 0;
        }
        if (count == 0)
            qFatal("baseline walked nothing");
    });
    bench("promvector.qjsondocument_200k_series", dom, "ms");
    bench("promvector.qjsondocument_throughput", mb / (dom / 1000.0), "MB/s");
    bench("promvector.decode_throughput.ratio", dom / streaming, "x");

    const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
    const double mapping = medianMs(3, [&] {
        const auto readings = assembleNodes({ { Query::Dcgm, a.vector } }, {}, 1796632974464);
        if (readings.size() != nodes)
            qFatal("mapped %lld nodes", qint64(readings.size()));
    });
    bench("promvector.map_200k_series_to_25k_nodes", mapping, "ms");
    return 0;
}
