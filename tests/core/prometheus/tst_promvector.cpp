// SPDX-License-Identifier: GPL-3.0-or-later
// The /api/v1/query vector decoder and the /api/v1/query_range matrix decoder: Prometheus' real shapes (values as
// strings, "NaN", "+Inf"), its error bodies, warnings, and hostile answers — each rejected whole with the reason,
// nothing kept from it.

#include "core/sources/prometheus/promvector.h"

#include <QTest>

#include <cmath>

using namespace Meridian::Prometheus;
using namespace Qt::StringLiterals;

class TestPromVector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesVector();
    void valuesAsPrometheusWritesThem();
    void prometheusErrors();
    void warningsOfPartialAnswers();
    void refusedCredentials();
    void otherResultTypes();
    void hostile_data();
    void hostile();
    void limits();
    void decodesMatrix();
    void matrixErrorsAndTypes();
    void hostileMatrix_data();
    void hostileMatrix();
    void matrixLimits();
    void slicesAMatrixByTime();
};

namespace {

const QStringList wanted { QStringLiteral("__name__"), QStringLiteral("node"), QStringLiteral("region") };

} // namespace

void TestPromVector::decodesVector()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"up","instance":"127.0.0.1:9100","job":"lab","node":"n1","region":"East China"},
         "value":[1796632974.464,"1"]},
        {"metric":{"__name__":"up","node":"n2","region":"East China","extra":"ignored"},"value":[1796632974,"0"]}
    ]}})";
    const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.vector.series.size(), 2);
    QCOMPARE(a.vector.labelNames, wanted);
    QCOMPARE(a.vector.series[0].labels, (QList<QString> { u"up"_s, u"n1"_s, u"East China"_s }));
    QCOMPARE(a.vector.series[0].value, 1.0);
    QCOMPARE(a.vector.series[0].timestampMs, 1796632974464);
    QCOMPARE(a.vector.series[1].labels[1], QStringLiteral("n2"));
    QCOMPARE(a.vector.series[1].value, 0.0);
    // Interned: the same region is one string.
    QVERIFY(a.vector.series[0].labels[2].constData() == a.vector.series[1].labels[2].constData());
    // Keys in another order, unknown keys with any value, an empty result.
    const VectorAnswer b = VectorDecoder::decode(200,
        R"({"data":{"result":[],"stats":{"a":[1,{"b":null}]},"resultType":"vector"},"infos":["x"],"status":"success"})",
        wanted);
    QVERIFY2(b.ok(), qPrintable(b.error));
    QVERIFY(b.vector.series.isEmpty());
}

void TestPromVector::valuesAsPrometheusWritesThem()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{},"value":[1,"NaN"]},{"metric":{},"value":[1,"+Inf"]},{"metric":{},"value":[1,"-Inf"]},
        {"metric":{},"value":[1,"1e+06"]},{"metric":{},"value":[1,"-2.5"]},{"metric":{},"value":[1,"9223372036854775794"]}
    ]}})";
    const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.vector.series.size(), 6);
    QVERIFY(std::isnan(a.vector.series[0].value));
    QVERIFY(std::isinf(a.vector.series[1].value) && a.vector.series[1].value > 0);
    QVERIFY(std::isinf(a.vector.series[2].value) && a.vector.series[2].value < 0);
    QCOMPARE(a.vector.series[3].value, 1e6);
    QCOMPARE(a.vector.series[4].value, -2.5);
    QVERIFY(a.vector.series[5].value > 9e18);
    double v = 0;
    for (const char* bad : { "", "1.2.3", "0x10", "nan", "1 ", " 1", "inf", "+" })
        QVERIFY2(!parseSampleValue(bad, qsizetype(qstrlen(bad)), &v), bad);
}

void TestPromVector::prometheusErrors()
{
    // As Prometheus 2.42 answers a bad query (captured from the lab).
    const QByteArray body
        = R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:4: parse error: unclosed left parenthesis"})";
    const VectorAnswer a = VectorDecoder::decode(400, body, wanted);
    QCOMPARE(a.failure, Failure::PrometheusError);
    QCOMPARE(a.errorType, QStringLiteral("bad_data"));
    QVERIFY2(a.error.contains(QLatin1String("unclosed left parenthesis")), qPrintable(a.error));
    const VectorAnswer timeout = VectorDecoder::decode(
        503, R"({"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"})", wanted);
    QCOMPARE(timeout.failure, Failure::PrometheusError);
    QCOMPARE(timeout.errorType, QStringLiteral("timeout"));
    // A proxy's HTML error page: the status, not a JSON error.
    const VectorAnswer proxy = VectorDecoder::decode(502, "<html>Bad Gateway</html>", wanted);
    QCOMPARE(proxy.failure, Failure::HttpError);
    QVERIFY(proxy.error.contains(QLatin1String("502")));
    // An error body with 200 is still an error.
    QCOMPARE(VectorDecoder::decode(200, R"({"status":"error","errorType":"execution","error":"x"})", wanted).failure,
        Failure::PrometheusError);
}

void TestPromVector::warningsOfPartialAnswers()
{
    const QByteArray body = R"({"status":"success","warnings":["store 10.0.0.1:10901 unavailable"],
        "data":{"resultType":"vector","result":[{"metric":{"node":"n1"},"value":[1,"2"]}]}})";
    const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.warnings, QStringList { QStringLiteral("store 10.0.0.1:10901 unavailable") });
    QCOMPARE(a.vector.series.size(), 1);
    QByteArray many = R"({"status":"success","data":{"resultType":"vector","result":[]},"warnings":[)";
    for (int i = 0; i < 150; ++i)
        many += (i ? ",\"w" : "\"w") + QByteArray::number(i) + '"';
    many += "]}";
    const VectorAnswer m = VectorDecoder::decode(200, many, wanted);
    QVERIFY2(m.ok(), qPrintable(m.error));
    QCOMPARE(m.warnings.size(), 101); // 100 kept and one line saying how many more
}

void TestPromVector::refusedCredentials()
{
    const VectorAnswer a = VectorDecoder::decode(401, "Unauthorized\n", wanted);
    QCOMPARE(a.failure, Failure::Unauthorized);
    QVERIFY(a.error.contains(QLatin1String("401")));
    QCOMPARE(VectorDecoder::decode(403, "", wanted).failure, Failure::Unauthorized);
}

void TestPromVector::otherResultTypes()
{
    const VectorAnswer matrix = VectorDecoder::decode(200,
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"2"]]}]}})",
        wanted);
    QCOMPARE(matrix.failure, Failure::WrongType);
    const VectorAnswer scalar
        = VectorDecoder::decode(200, R"({"status":"success","data":{"resultType":"scalar","result":[1,"1"]}})", wanted);
    QVERIFY(!scalar.ok());
}

void TestPromVector::hostile_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("not json") << QByteArray("hello");
    QTest::addRow("truncated") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric")");
    QTest::addRow("array root") << QByteArray("[]");
    QTest::addRow("trailing garbage") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[]}} {})");
    QTest::addRow("no status") << QByteArray(R"({"data":{"resultType":"vector","result":[]}})");
    QTest::addRow("no result type") << QByteArray(R"({"status":"success","data":{"result":[]}})");
    QTest::addRow("value not string") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})");
    QTest::addRow("value not a number") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}})");
    QTest::addRow("value three items") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1",2]}]}})");
    QTest::addRow("value missing") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}})");
    QTest::addRow("two values") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"],"value":[1,"2"]}]}})");
    QTest::addRow("label not string") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"node":7},"value":[1,"1"]}]}})");
    QTest::addRow("label null") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"node":null},"value":[1,"1"]}]}})");
    QTest::addRow("time negative") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[-1,"1"]}]}})");
    QTest::addRow("time huge") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1e300,"1"]}]}})");
    QTest::addRow("result object") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":{}}})");
    QTest::addRow("data string") << QByteArray(R"({"status":"success","data":"x"})");
    QTest::addRow("status number") << QByteArray(R"({"status":1,"data":{"resultType":"vector","result":[]}})");
    QTest::addRow("invalid utf-8") << QByteArray(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"node\":\"\xff\xfe\"},"
        "\"value\":[1,\"1\"]}]}}");
    QByteArray deep = R"({"status":"success","x":)";
    deep += QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    QTest::addRow("deep nesting") << deep;
    QByteArray absurd = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"node":")";
    absurd += QByteArray(100000, 'x') + R"("},"value":[1,"1"]}]}})";
    QTest::addRow("absurd label value") << absurd;
}

void TestPromVector::hostile()
{
    QFETCH(QByteArray, body);
    const VectorAnswer a = VectorDecoder::decode(200, body, wanted);
    QVERIFY(!a.ok());
    QVERIFY(!a.error.isEmpty());
    QVERIFY2(a.vector.series.isEmpty(), "nothing is kept from a rejected answer");
}

void TestPromVector::limits()
{
    QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[)";
    for (int i = 0; i < 10; ++i)
        body += (i ? "," : "") + QByteArray(R"({"metric":{"node":"n)") + QByteArray::number(i)
            + R"("},"value":[1,"1"]})";
    body += "]}}";
    Limits tight;
    tight.maxSeries = 5;
    QCOMPARE(VectorDecoder::decode(200, body, wanted, tight).failure, Failure::Malformed);
    tight = Limits();
    tight.maxBodyBytes = 100;
    QCOMPARE(VectorDecoder::decode(200, body, wanted, tight).failure, Failure::TooLarge);
    tight = Limits();
    tight.maxLabelsPerSeries = 0;
    QCOMPARE(VectorDecoder::decode(200, body, wanted, tight).failure, Failure::Malformed);
    QVERIFY(VectorDecoder::decode(200, body, wanted).ok());
}

void TestPromVector::decodesMatrix()
{
    // As Prometheus 2.42 answers a range query (recorded over promtool-backfilled history), plus NaN and ±Inf.
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","Hostname":"gpu-001","node":"n1","region":"East China"},
         "values":[[1796645820,"97"],[1796645880,"98"],[1796645940.5,"NaN"],[1796646000,"+Inf"]]},
        {"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","node":"n2","region":"East China"},"values":[[1796645880,"-Inf"]]},
        {"metric":{"__name__":"native"},"histograms":[[1796645820,{"count":"1","sum":"2"}]]}
    ]},"warnings":["partial"]})";
    const MatrixAnswer a = VectorDecoder::decodeMatrix(200, body, wanted);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.warnings, QStringList { u"partial"_s });
    QCOMPARE(a.matrix.labelNames, wanted);
    QCOMPARE(a.matrix.series.size(), 2); // the native histogram series carries no float samples
    const MatrixSeries& s = a.matrix.series[0];
    QCOMPARE(s.labels, (QList<QString> { u"DCGM_FI_DEV_GPU_UTIL"_s, u"n1"_s, u"East China"_s }));
    QCOMPARE(s.timesMs, (QList<qint64> { 1796645820000, 1796645880000, 1796645940500, 1796646000000 }));
    QCOMPARE(s.values[0], 97.0);
    QCOMPARE(s.values[1], 98.0);
    QVERIFY(std::isnan(s.values[2]));
    QVERIFY(std::isinf(s.values[3]) && s.values[3] > 0);
    QVERIFY(std::isinf(a.matrix.series[1].values[0]) && a.matrix.series[1].values[0] < 0);
    QVERIFY(a.matrix.series[0].labels[2].constData() == a.matrix.series[1].labels[2].constData()); // interned
}

void TestPromVector::matrixErrorsAndTypes()
{
    const MatrixAnswer tooMany = VectorDecoder::decodeMatrix(400,
        R"j({"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"})j",
        wanted);
    QCOMPARE(tooMany.failure, Failure::PrometheusError);
    QCOMPARE(tooMany.errorType, u"bad_data"_s);
    QVERIFY(tooMany.error.contains(u"11,000"_s));
    QCOMPARE(VectorDecoder::decodeMatrix(401, "", wanted).failure, Failure::Unauthorized);
    QCOMPARE(VectorDecoder::decodeMatrix(502, "<html>", wanted).failure, Failure::HttpError);
    // An instant answer where a range answer belongs, and the other way round.
    const QByteArray vector
        = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}})";
    QCOMPARE(VectorDecoder::decodeMatrix(200, vector, wanted).failure, Failure::WrongType);
    QCOMPARE(
        VectorDecoder::decodeMatrix(200, R"({"status":"success","data":{"resultType":"vector","result":[]}})", wanted)
            .failure,
        Failure::WrongType);
    QVERIFY(
        VectorDecoder::decodeMatrix(200, R"({"status":"success","data":{"resultType":"matrix","result":[]}})", wanted)
            .ok());
}

void TestPromVector::hostileMatrix_data()
{
    QTest::addColumn<QByteArray>("body");
    const auto matrix = [](const char* series) -> QByteArray {
        return QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)") + series + "]}}";
    };
    QTest::addRow("values not array") << matrix(R"({"metric":{},"values":{}})");
    QTest::addRow("sample not pair") << matrix(R"({"metric":{},"values":[[1,"1",2]]})");
    QTest::addRow("sample flat") << matrix(R"({"metric":{},"values":[1,"1"]})");
    QTest::addRow("value number") << matrix(R"({"metric":{},"values":[[1,1]]})");
    QTest::addRow("value word") << matrix(R"({"metric":{},"values":[[1,"lots"]]})");
    QTest::addRow("time string") << matrix(R"({"metric":{},"values":[["1","1"]]})");
    QTest::addRow("time negative") << matrix(R"({"metric":{},"values":[[-5,"1"]]})");
    QTest::addRow("time descending") << matrix(R"({"metric":{},"values":[[20,"1"],[10,"2"]]})");
    QTest::addRow("time repeated") << matrix(R"({"metric":{},"values":[[10,"1"],[10,"2"]]})");
    QTest::addRow("values twice") << matrix(R"({"metric":{},"values":[[1,"1"]],"values":[[2,"1"]]})");
    QTest::addRow("no values") << matrix(R"({"metric":{}})");
    QTest::addRow("value of a vector") << matrix(R"({"metric":{},"value":[1,"1"]})");
    QTest::addRow("label number") << matrix(R"({"metric":{"node":1},"values":[[1,"1"]]})");
    QTest::addRow("truncated") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric)");
    QByteArray absurd = R"({"metric":{"node":")";
    absurd += QByteArray(100000, 'x') + R"("},"values":[[1,"1"]]})";
    QTest::addRow("absurd label value") << matrix(absurd.constData());
}

void TestPromVector::hostileMatrix()
{
    QFETCH(QByteArray, body);
    const MatrixAnswer a = VectorDecoder::decodeMatrix(200, body, wanted);
    QVERIFY(!a.ok());
    QVERIFY(!a.error.isEmpty());
    QVERIFY2(a.matrix.series.isEmpty(), "nothing is kept from a rejected answer");
}

void TestPromVector::matrixLimits()
{
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int i = 0; i < 4; ++i) {
        body += (i ? "," : "") + QByteArray(R"({"metric":{"node":"n)") + QByteArray::number(i) + R"("},"values":[)";
        for (int t = 0; t < 5; ++t)
            body += (t ? "," : "") + QByteArray("[") + QByteArray::number(1000 + t) + R"(,"1"])";
        body += "]}";
    }
    body += "]}}";
    QVERIFY(VectorDecoder::decodeMatrix(200, body, wanted).ok());
    Limits tight;
    tight.maxPoints = 19; // 20 in all
    const MatrixAnswer a = VectorDecoder::decodeMatrix(200, body, wanted, tight);
    QCOMPARE(a.failure, Failure::Malformed);
    QVERIFY(a.error.contains(u"19"_s));
    tight.maxPoints = 20;
    QVERIFY(VectorDecoder::decodeMatrix(200, body, wanted, tight).ok());
    tight.maxSeries = 3;
    QCOMPARE(VectorDecoder::decodeMatrix(200, body, wanted, tight).failure, Failure::Malformed);
}

void TestPromVector::slicesAMatrixByTime()
{
    Matrix m { wanted, {} };
    m.series.append({ { u"a"_s }, { 1000, 2000, 3000 }, { 1, 2, 3 } });
    m.series.append({ { u"b"_s }, { 2000, 2500, 4000 }, { 20, 25, 40 } });
    QList<qsizetype> next;
    const auto at = [&](qint64 t) {
        QStringList got;
        for (const Series& s : sliceAt(m, t, &next).series)
            got << QStringLiteral("%1=%2@%3").arg(s.labels[0]).arg(s.value).arg(s.timestampMs);
        return got;
    };
    QCOMPARE(at(1000), QStringList { u"a=1@1000"_s });
    QCOMPARE(at(2000), (QStringList { u"a=2@2000"_s, u"b=20@2000"_s }));
    QCOMPARE(at(3000), QStringList { u"a=3@3000"_s }); // b's 2500 lies between the instants asked: skipped
    QCOMPARE(at(4000), QStringList { u"b=40@4000"_s });
    QCOMPARE(at(5000), QStringList {});
}

QTEST_GUILESS_MAIN(TestPromVector)
#include "tst_promvector.moc"
