// SPDX-License-Identifier: GPL-3.0-or-later
// Exporter series → the console's nodes: identity and topology from labels (renamed by the configuration),
// DCGM, npu-exporter and meridian names mapped once, exporter-only fault counters kept under the fault
// map's names, "no data" encodings missing, and a bounded query set.

#include "core/sources/prometheus/promfleet.h"

#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Prometheus;
using namespace Qt::StringLiterals;

class TestPromFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queriesAreFewAndFixed();
    void hostOfInstance_data();
    void hostOfInstance();
    void mapsExporterSeries();
    void renamedLabelsAndUnassigned();
    void upCountsTargets();
    void jobLabelsNameTheHolder();
};

namespace {

// A vector as the decoder returns it, from (labels, value) pairs.
Vector vector(const TopologyLabels& t, const QList<std::pair<QHash<QString, QString>, double>>& series)
{
    Vector v;
    v.labelNames = wantedLabels(t);
    for (const auto& [labels, value] : series) {
        Series s;
        for (const QString& name : std::as_const(v.labelNames))
            s.labels.append(labels.value(name));
        s.value = value;
        s.timestampMs = 1000;
        v.series.append(s);
    }
    return v;
}

QHash<QString, QString> dcgm(const QString& metric, const QString& gpu)
{
    return { { u"__name__"_s, metric }, { u"gpu"_s, gpu }, { u"UUID"_s, u"GPU-"_s + gpu },
        { u"modelName"_s, u"NVIDIA H100"_s }, { u"Hostname"_s, u"h1"_s }, { u"instance"_s, u"10.0.0.1:9400"_s },
        { u"region"_s, u"East"_s }, { u"pool"_s, u"p1"_s }, { u"rack"_s, u"r1"_s } };
}

QHash<QString, QString> npu(const QString& metric, const QString& id)
{
    return { { u"__name__"_s, metric }, { u"id"_s, id }, { u"vdie_id"_s, u"VD"_s + id },
        { u"model_name"_s, u"Ascend 910B"_s }, { u"instance"_s, u"10.0.0.2:8082"_s }, { u"region"_s, u"West"_s },
        { u"pool"_s, u"p2"_s }, { u"rack"_s, u"r2"_s } };
}

} // namespace

void TestPromFleet::queriesAreFewAndFixed()
{
    QVERIFY(pollQueries().size() <= 10);
    QCOMPARE(pollQueries().first().query, Query::Up);
    QStringList wanted = wantedLabels({});
    QVERIFY(wanted.contains(QStringLiteral("__name__")));
    QCOMPARE(wanted.removeDuplicates(), 0);
}

void TestPromFleet::hostOfInstance_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("host");
    QTest::addRow("ipv4") << u"10.0.0.5:9100"_s << u"10.0.0.5"_s;
    QTest::addRow("name") << u"gpu-017.example:9400"_s << u"gpu-017.example"_s;
    QTest::addRow("ipv6") << u"[fd00::1]:9100"_s << u"fd00::1"_s;
    QTest::addRow("bare ipv6") << u"fd00::1"_s << u"fd00::1"_s;
    QTest::addRow("no port") << u"node7"_s << u"node7"_s;
    QTest::addRow("empty") << u""_s << u""_s;
}

void TestPromFleet::hostOfInstance()
{
    QFETCH(QString, instance);
    QFETCH(QString, host);
    QCOMPARE(Prometheus::hostOfInstance(instance), host);
}

void TestPromFleet::mapsExporterSeries()
{
    const TopologyLabels t;
    QList<std::pair<Query, Vector>> answers;
    answers.append({ Query::Up,
        vector(t,
            { { { { u"__name__"_s, u"up"_s }, { u"instance"_s, u"10.0.0.1:9400"_s }, { u"region"_s, u"East"_s } }, 1 },
                { { { u"__name__"_s, u"up"_s }, { u"instance"_s, u"10.0.0.2:8082"_s } }, 1 } }) });
    answers.append({ Query::HostMetrics,
        vector(t,
            { { { { u"__name__"_s, u"node_memory_MemTotal_bytes"_s }, { u"instance"_s, u"10.0.0.1:9100"_s } }, 1000 },
                { { { u"__name__"_s, u"node_memory_MemAvailable_bytes"_s }, { u"instance"_s, u"10.0.0.1:9100"_s } },
                    400 },
                { { { u"__name__"_s, u"node_load1"_s }, { u"instance"_s, u"10.0.0.1:9100"_s } }, 2.5 } }) });
    answers.append({ Query::Dcgm,
        vector(t,
            { { dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"1"_s), 55 }, { dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"0"_s), 12 },
                { dcgm(u"DCGM_FI_DEV_FB_USED"_s, u"0"_s), 1024 }, { dcgm(u"DCGM_FI_DEV_FB_FREE"_s, u"0"_s), 3072 },
                { dcgm(u"DCGM_FI_DEV_GPU_TEMP"_s, u"0"_s), std::numeric_limits<double>::quiet_NaN() },
                { dcgm(u"DCGM_FI_DEV_POWER_USAGE"_s, u"0"_s), 140737488355330.0 }, // fp64 NOT_SUPPORTED
                { dcgm(u"DCGM_FI_DEV_ECC_DBE_AGG_TOTAL"_s, u"0"_s), 3 },
                { dcgm(u"DCGM_FI_DEV_XID_ERRORS"_s, u"0"_s), 79 },
                { dcgm(u"DCGM_FI_DEV_ROW_REMAP_FAILURE"_s, u"1"_s), 1 } }) });
    answers.append({ Query::Npu,
        vector(t,
            { { npu(u"npu_chip_info_utilization"_s, u"0"_s), 70 }, { npu(u"npu_chip_info_health_status"_s, u"0"_s), 0 },
                { npu(u"npu_chip_info_hbm_total_memory"_s, u"0"_s), 65536 },
                { npu(u"npu_chip_info_temperature"_s, u"0"_s), -1 }, // collection failed
                { npu(u"npu_chip_info_hccs_statistic_info_crc_err_cnt_1"_s, u"0"_s), 5 },
                { npu(u"npu_chip_info_hccs_statistic_info_crc_err_cnt_2"_s, u"0"_s), 7 },
                { npu(u"npu_chip_optical_rx_power_0"_s, u"0"_s), 0.8 },
                { npu(u"npu_chip_optical_rx_power_3"_s, u"0"_s), 0.02 },
                { { { u"__name__"_s, u"machine_npu_nums"_s }, { u"instance"_s, u"10.0.0.2:8082"_s } }, 1 } }) });

    const QHash<QString, NodeReading> nodes = assembleNodes(answers, t, 5000);
    QCOMPARE(nodes.size(), 2);
    const NodeReading& h = nodes.value(QStringLiteral("10.0.0.1"));
    QCOMPARE(h.targetsUp, 1);
    QCOMPARE(h.inventory.region, QStringLiteral("East"));
    QCOMPARE(h.inventory.pool, QStringLiteral("p1"));
    QCOMPARE(h.inventory.hostname, QStringLiteral("h1"));
    QCOMPARE(h.inventory.memoryBytes, 1000);
    QCOMPARE(h.sample.node.memoryUsedBytes, 600.0);
    QCOMPARE(h.sample.node.load1, 2.5);
    QCOMPARE(h.sample.timestampMs, 5000);
    QCOMPARE(h.inventory.accelerators.size(), 2);
    QCOMPARE(h.inventory.accelerators[0].uuid, QStringLiteral("GPU-0")); // ordered by index, not by arrival
    QCOMPARE(h.inventory.accelerators[0].vendor, QStringLiteral("nvidia"));
    QCOMPARE(h.inventory.accelerators[0].model, QStringLiteral("NVIDIA H100"));
    QCOMPARE(h.inventory.accelerators[0].memoryBytes, qint64(4096) * 1024 * 1024);
    const Protocol::AcceleratorSample& g0 = h.sample.accelerators[0];
    QCOMPARE(g0.index, 0);
    QCOMPARE(g0.utilization, 12.0);
    QCOMPARE(g0.memoryUsedBytes, 1024.0 * 1024 * 1024);
    QVERIFY(std::isnan(g0.temperatureC));
    QVERIFY2(std::isnan(g0.powerW), "DCGM's NOT_SUPPORTED sentinel is no value");
    QCOMPARE(g0.eccDoubleBitTotal, 3.0);
    QVERIFY(g0.health == Protocol::AcceleratorHealth::Unknown);
    QCOMPARE(h.faultCounters.value(0).value(QStringLiteral("DCGM_FI_DEV_XID_ERRORS")), 79.0);
    QCOMPARE(h.faultCounters.value(1).value(QStringLiteral("DCGM_FI_DEV_ROW_REMAP_FAILURE")), 1.0);
    QCOMPARE(h.sample.accelerators[1].utilization, 55.0);

    const NodeReading& a = nodes.value(QStringLiteral("10.0.0.2"));
    QCOMPARE(a.inventory.accelerators.size(), 1); // machine_npu_nums names no chip
    QCOMPARE(a.inventory.accelerators[0].uuid, QStringLiteral("VD0"));
    QCOMPARE(a.inventory.accelerators[0].vendor, QStringLiteral("huawei"));
    QCOMPARE(a.inventory.accelerators[0].memoryBytes, qint64(65536) * 1024 * 1024);
    QVERIFY(a.sample.accelerators[0].health == Protocol::AcceleratorHealth::Faulty);
    QVERIFY(a.sample.state == Protocol::NodeState::Degraded);
    QVERIFY2(std::isnan(a.sample.accelerators[0].temperatureC), "npu-exporter's -1 is no value");
    const QMap<QString, double> c = a.faultCounters.value(0);
    QCOMPARE(c.value(QStringLiteral("npu_chip_info_hccs_statistic_info_crc_err_cnt")), 12.0); // summed over links
    QCOMPARE(c.value(QStringLiteral("npu_chip_optical_rx_power")), 0.02); // the weakest lane
    QCOMPARE(c.value(QStringLiteral("npu_chip_info_health_status")), 0.0);
}

void TestPromFleet::renamedLabelsAndUnassigned()
{
    TopologyLabels t;
    t.node = QStringLiteral("host");
    t.region = QStringLiteral("cluster");
    t.rack = QStringLiteral("rack_id");
    QList<std::pair<Query, Vector>> answers;
    answers.append({ Query::Up,
        vector(t,
            { { { { u"host"_s, u"gpu-1"_s }, { u"instance"_s, u"10.0.0.1:9100"_s }, { u"cluster"_s, u"c1"_s },
                    { u"rack_id"_s, u"7"_s } },
                  1 },
                { { { u"instance"_s, u"10.0.0.9:9100"_s } }, 1 }, { { { u"region"_s, u"ignored"_s } }, 1 } }) });
    const QHash<QString, NodeReading> nodes = assembleNodes(answers, t, 1);
    QCOMPARE(nodes.size(), 2); // a series without any identity cannot be placed
    QCOMPARE(nodes.value(QStringLiteral("gpu-1")).inventory.region, QStringLiteral("c1"));
    QCOMPARE(nodes.value(QStringLiteral("gpu-1")).inventory.rack, QStringLiteral("7"));
    QVERIFY(!nodes.value(QStringLiteral("gpu-1")).unassigned());
    QVERIFY(nodes.value(QStringLiteral("10.0.0.9")).unassigned());
    // Without an exporter's own host name, the name the site gave the node is its host name, not an address
    // (a front serving many nodes from one address would make them all "10.0.0.1").
    QCOMPARE(nodes.value(QStringLiteral("gpu-1")).inventory.hostname, QStringLiteral("gpu-1"));
    QCOMPARE(nodes.value(QStringLiteral("10.0.0.9")).inventory.hostname, QStringLiteral("10.0.0.9"));
}

void TestPromFleet::upCountsTargets()
{
    const TopologyLabels t;
    QList<std::pair<Query, Vector>> answers;
    answers.append({ Query::Up,
        vector(t,
            { { { { u"node"_s, u"a"_s }, { u"instance"_s, u"x:1"_s } }, 1 },
                { { { u"node"_s, u"a"_s }, { u"instance"_s, u"x:2"_s } }, 0 }, { { { u"node"_s, u"b"_s } }, 0 } }) });
    const QHash<QString, NodeReading> nodes = assembleNodes(answers, t, 1);
    QCOMPARE(nodes.value(QStringLiteral("a")).targetsUp, 1);
    QCOMPARE(nodes.value(QStringLiteral("a")).targetsDown, 1);
    QCOMPARE(nodes.value(QStringLiteral("b")).targetsUp, 0);
    QCOMPARE(nodes.value(QStringLiteral("b")).targetsDown, 1);
}

// Who holds a chip: dcgm-exporter's `hpc_job` (HPC mode) or `namespace/pod` (Kubernetes mode), npu-exporter's
// `namespace/pod_name`; a chip without a job label is free, and a round with any job label says so.
void TestPromFleet::jobLabelsNameTheHolder()
{
    const TopologyLabels t;
    auto withLabels = [](QHash<QString, QString> labels, const QHash<QString, QString>& extra) {
        labels.insert(extra);
        return labels;
    };
    QList<std::pair<Query, Vector>> answers;
    answers.append({ Query::Dcgm,
        vector(t,
            { { withLabels(dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"0"_s), { { u"hpc_job"_s, u"4711"_s } }), 90 },
                { withLabels(dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"1"_s),
                      { { u"pod"_s, u"train-0"_s }, { u"namespace"_s, u"team-a"_s } }),
                    80 },
                { dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"2"_s), 0 } }) });
    answers.append({ Query::Npu,
        vector(t,
            { { withLabels(npu(u"npu_chip_info_utilization"_s, u"0"_s),
                    { { u"pod_name"_s, u"infer-7"_s }, { u"namespace"_s, u"serving"_s } }),
                50 } }) });
    const QHash<QString, NodeReading> nodes = assembleNodes(answers, t, 1);
    const NodeReading gpuNode = nodes.value(u"10.0.0.1"_s);
    QCOMPARE(gpuNode.sample.accelerators.size(), 3);
    QCOMPARE(gpuNode.sample.accelerators[0].jobId, u"4711"_s);
    QCOMPARE(gpuNode.sample.accelerators[1].jobId, u"team-a/train-0"_s);
    QVERIFY(gpuNode.sample.accelerators[2].jobId.isEmpty());
    QVERIFY(gpuNode.hasJobLabels);
    const NodeReading npuNode = nodes.value(u"10.0.0.2"_s);
    QCOMPARE(npuNode.sample.accelerators.value(0).jobId, u"serving/infer-7"_s);

    // No job label anywhere: nothing is claimed about allocation.
    QList<std::pair<Query, Vector>> plain;
    plain.append({ Query::Dcgm, vector(t, { { dcgm(u"DCGM_FI_DEV_GPU_UTIL"_s, u"0"_s), 10 } }) });
    QVERIFY(!assembleNodes(plain, t, 1).value(u"10.0.0.1"_s).hasJobLabels);
}

QTEST_GUILESS_MAIN(TestPromFleet)
#include "tst_promfleet.moc"
