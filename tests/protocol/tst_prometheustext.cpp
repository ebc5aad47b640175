// SPDX-License-Identifier: GPL-3.0-or-later
// The strict 0.0.4 parser: real exporter output parses; each grammar or limit
// violation rejects the whole exposition with "line N: reason"; and what the
// Writer produces parses back to the same values.

#include "core/protocol/prometheustext.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Meridian::Protocol::Prometheus;

namespace {

QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(MERIDIAN_FIXTURES_DIR "/prometheus/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

const ParsedSample* find(
    const ParseResult& r, const QByteArray& name, const QByteArray& label = {}, const QByteArray& value = {})
{
    for (const ParsedSample& s : r.samples) {
        if (s.name != name)
            continue;
        if (label.isEmpty())
            return &s;
        for (const auto& [k, v] : s.labels) {
            if (k == label && v == value)
                return &s;
        }
    }
    return nullptr;
}

} // namespace

class TestPrometheusText : public QObject
{
    Q_OBJECT
private slots:
    void goodFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("minSamples");
        QTest::addRow("node_exporter 1.5.0 (Debian 12)") << QStringLiteral("node-exporter-1.5.0.prom") << 400;
        QTest::addRow("dcgm-exporter") << QStringLiteral("dcgm-exporter.prom") << 20;
        QTest::addRow("npu-exporter") << QStringLiteral("npu-exporter.prom") << 10;
        QTest::addRow("histogram and summary") << QStringLiteral("histogram-and-summary.prom") << 15;
    }

    void goodFixtures()
    {
        QFETCH(QString, file);
        QFETCH(int, minSamples);
        const ParseResult r = parse(fixture(file));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.samples.size() >= minSamples);
    }

    void values()
    {
        const ParseResult r = parse(fixture(QStringLiteral("histogram-and-summary.prom")));
        QVERIFY2(r.ok, qPrintable(r.error));
        const ParsedSample* esc = find(r, "weird_values", "kind", "escaped");
        QVERIFY(esc);
        QCOMPARE(esc->value, -1.5e-3);
        QVERIFY(esc->hasTimestamp);
        QCOMPARE(esc->timestampMs, 1723621883587LL);
        QCOMPARE(esc->labels.value(1).second, QByteArray("C:\\dir\\\"q\"\nline"));
        QVERIFY(std::isinf(find(r, "weird_values", "kind", "pos-inf")->value));
        QVERIFY(find(r, "weird_values", "kind", "neg-inf")->value < 0);
        QVERIFY(std::isnan(find(r, "rpc_duration_seconds", "quantile", "0.99")->value));
        QCOMPARE(
            r.types.value(0), std::make_pair(QByteArray("http_request_duration_seconds"), QByteArray("histogram")));
        QVERIFY(r.types.contains(std::make_pair(QByteArray("untyped_metric"), QByteArray("untyped"))));
        const ParseResult dcgm = parse(fixture(QStringLiteral("dcgm-exporter.prom")));
        // The DCGM "not supported" sentinel parses as the number it is; range checks come later.
        QCOMPARE(find(dcgm, "DCGM_FI_DEV_MEMORY_TEMP")->value, 9223372036854775794.0);
    }

    void writerRoundTrip()
    {
        Writer w;
        w.beginFamily("meridian_test_bytes_total", Writer::Type::Counter, "Help with \\ and\nnewline.");
        w.sample({ { "device", "eth0" }, { "path", "a\"b\\c\nd" } }, 1e15);
        w.sample({ { "device", "eth1" } }, std::nan(""));
        w.beginFamily("meridian_test_gauge", Writer::Type::Gauge, "g");
        w.sample({}, 0.1);
        w.sample({ { "x", "1" } }, -std::numeric_limits<double>::infinity());
        const ParseResult r = parse(w.text());
        QVERIFY2(r.ok, qPrintable(r.error + QStringLiteral("\n") + QString::fromUtf8(w.text())));
        QCOMPARE(r.samples.size(), 3); // NaN is skipped by the writer: missing, not a value
        QCOMPARE(r.samples[0].labels[1].second, QByteArray("a\"b\\c\nd"));
        QCOMPARE(r.samples[0].value, 1e15);
        QCOMPARE(r.samples[1].value, 0.1);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const QByteArray& text, const char* expected) {
            QTest::addRow("%s", name) << text << QString::fromUtf8(expected);
        };
        row("no final newline", "a 1", "line 1: last line does not end");
        row("bad metric name", "1abc 2\n", "line 1: invalid metric name");
        row("bad label name", "a{1x=\"v\"} 1\n", "line 1: invalid label name");
        row("reserved label", "a{__name__=\"v\"} 1\n", "reserved __ prefix");
        row("duplicate label", "a{x=\"1\",x=\"2\"} 1\n", "line 1: duplicate label x");
        row("unterminated labels", "a{x=\"1\" 1\n", "line 1:");
        row("unterminated value", "a{x=\"1} 1\n", "line 1: unterminated value");
        row("bad escape", "a{x=\"\\t\"} 1\n", "invalid escape");
        row("bad help escape", "# HELP a bad \\t escape\na 1\n", "line 1: invalid escape in HELP");
        row("value missing", "a{x=\"1\"}\n", "line 1:");
        row("value garbage", "a 12abc\n", "line 1: invalid value");
        row("value hex", "a 0x10\n", "line 1: invalid value");
        row("value with comma", "a 1,5\n", "line 1: invalid value");
        row("timestamp float seconds", "a 1 1520879607.789\n", "line 1: invalid timestamp");
        row("trailing text", "a 1 2 3\n", "line 1: trailing text");
        row("type after samples", "a 1\n# TYPE a gauge\n", "line 2: TYPE for a after its samples");
        row("two types", "# TYPE a gauge\n# TYPE a counter\na 1\n", "line 2: second TYPE");
        row("two helps", "# HELP a x\n# HELP a y\na 1\n", "line 2: second HELP");
        row("unknown type", "# TYPE a gaugey\na 1\n", "line 1: unknown type");
        row("interleaved families", "a 1\nb 1\na{x=\"2\"} 1\n", "line 3: samples of a are not grouped");
        row("duplicate series", "a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2\n", "line 2: duplicate series a");
        row("histogram no inf", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 1\n",
            "no le=\"+Inf\" bucket");
        row("histogram inf != count", "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 3\nh_count 4\nh_sum 1\n",
            "+Inf bucket differs from _count");
        row("histogram le order",
            "# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",
            "le values must increase");
        row("histogram decreasing",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"2\"} 4\nh_bucket{le=\"+Inf\"} 5\nh_count 5\n",
            "bucket counts must not decrease");
        row("histogram bare sample", "# TYPE h histogram\nh 1\n", "without _bucket");
        row("histogram bad le", "# TYPE h histogram\nh_bucket{le=\"abc\"} 1\n", "invalid le");
        row("histogram no count", "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\n", "has no _count");
        row("invalid utf-8", "a{x=\"\xc3\x28\"} 1\n", "line 1: invalid UTF-8");
        row("NUL byte", QByteArray("a 1\nb\0 1\n", 9), "line 2: invalid UTF-8 or NUL");
        row("overlong utf-8", "a{x=\"\xc0\xaf\"} 1\n", "line 1: invalid UTF-8");
        row("type names invalid metric", "# TYPE 9a gauge\n", "line 1: TYPE names an invalid metric");
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const ParseResult r = parse(text);
        QVERIFY2(!r.ok, "malformed exposition accepted");
        QVERIFY(r.samples.isEmpty()); // nothing half-ingested
        QVERIFY2(r.error.contains(expected), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(r.error, expected)));
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::addRow("bytes") << QByteArray("# filler\n").repeated(10) << 0 << QStringLiteral("exceeds");
        QTest::addRow("line") << (QByteArray("a{x=\"") + QByteArray(200, 'v') + "\"} 1\n") << 1
                              << QStringLiteral("line longer");
        QTest::addRow("labels") << QByteArray("a{a=\"1\",b=\"2\",c=\"3\"} 1\n") << 2
                                << QStringLiteral("more than 2 labels");
        QTest::addRow("label name") << QByteArray("a{abcdefghijk=\"1\"} 1\n") << 3
                                    << QStringLiteral("label name longer");
        QTest::addRow("label value") << QByteArray("a{a=\"0123456789abc\"} 1\n") << 4
                                     << QStringLiteral("value of label a longer");
        QTest::addRow("samples") << QByteArray("a{i=\"1\"} 1\na{i=\"2\"} 1\na{i=\"3\"} 1\n") << 5
                                 << QStringLiteral("more than 2 samples");
    }

    void limits()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, which);
        QFETCH(QString, expected);
        ParseLimits l;
        switch (which) {
        case 0:
            l.maxBytes = 20;
            break;
        case 1:
            l.maxLineBytes = 100;
            break;
        case 2:
            l.maxLabelsPerSample = 2;
            break;
        case 3:
            l.maxLabelNameBytes = 10;
            break;
        case 4:
            l.maxLabelValueBytes = 10;
            break;
        default:
            l.maxSamples = 2;
            break;
        }
        QVERIFY(parse(text).ok); // within the default limits
        const ParseResult r = parse(text, l);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void lenientWhereTheFormatIs()
    {
        // Trailing comma in a label set, blanks around tokens, comments and empty lines.
        const ParseResult r = parse("# just a comment\n\n  a{x=\"1\",} \t 2  \n#TYPEless comment\n");
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.samples.size(), 1);
        QCOMPARE(r.samples[0].value, 2.0);
        QVERIFY(parse("").ok);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"
