// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small cache with known history for report tests: 4 nodes × 4 accelerators
// in two pools, one sample per minute for 3 hours with a 30-minute hole, one
// node down for 20 minutes, one chip faulty for 15, one training job
// interrupted once. The expected figures are worked out by hand in
// tst_capacityavailabilitylatencyreports.cpp from these definitions, not from the report's code.

#include "core/cache/cachewriter.h"
#include "core/model/sourceupdate.h"

#include <QSignalSpy>
#include <QTest>

namespace Meridian::ReportFixture {

inline constexpr qint64 T0 = 1'750'000'020'000; // a minute boundary
inline constexpr qint64 Min = 60'000;
inline constexpr int Minutes = 180;
inline constexpr int GapFrom = 60; ///< minutes [60, 90) have no samples
inline constexpr int GapTo = 90;
inline constexpr int DownFrom = 100; ///< n1 is down in minutes [100, 120)
inline constexpr int DownTo = 120;
inline constexpr int FaultFrom = 30; ///< n3's accelerator 2 is faulty in minutes [30, 45)
inline constexpr int FaultTo = 45;

inline bool inGap(int m)
{
    return m >= GapFrom && m < GapTo;
}

struct NodeSpec
{
    const char* id;
    const char* region;
    const char* pool;
    const char* model;
    const char* accs; ///< 'a' allocated, 'f' free
};
inline const NodeSpec Nodes[] = {
    { "n1", "east", "east-a", "Ascend 910B", "aaff" },
    { "n2", "east", "east-a", "Ascend 910B", "aaaa" },
    { "n3", "north", "north-b", "Ascend 910B", "ffff" },
    { "n4", "north", "north-b", "H800", "afff" },
};

inline Protocol::Sample sampleAt(const NodeSpec& n, int minute)
{
    Protocol::Sample s;
    s.seq = minute + 1;
    s.timestampMs = T0 + minute * Min + 5000;
    const bool down = QLatin1String(n.id) == QLatin1String("n1") && minute >= DownFrom && minute < DownTo;
    s.state = down ? Protocol::NodeState::Down : Protocol::NodeState::Up;
    s.node.cpuUtilization = 10;
    for (int i = 0; i < 4; ++i) {
        Protocol::AcceleratorSample a;
        a.index = i;
        const bool faulty
            = QLatin1String(n.id) == QLatin1String("n3") && i == 2 && minute >= FaultFrom && minute < FaultTo;
        a.health = faulty ? Protocol::AcceleratorHealth::Faulty : Protocol::AcceleratorHealth::Healthy;
        a.utilization = 50 + i;
        a.temperatureC = 50;
        a.powerW = 300;
        a.memoryUsedBytes = 1e9;
        if (n.accs[i] == 'a')
            a.jobId = QStringLiteral("job-1");
        s.accelerators.append(a);
    }
    return s;
}

inline Protocol::Event event(qint64 id, const char* node, int acc, const char* kind, qint64 ts, bool cleared)
{
    Protocol::Event e;
    e.id = id;
    e.nodeId = QLatin1String(node);
    e.accelerator = acc;
    e.kind = QLatin1String(kind);
    e.timestampMs = ts;
    e.cleared = cleared;
    e.severity = cleared ? Protocol::Severity::Info : Protocol::Severity::Critical;
    e.message = QStringLiteral("fixture, \"quoted\"");
    return e;
}

// Latency probes between the two sites ("east" from pool east-a, "north" from north-b), one
// window per minute: n1 → n3 at 20/30 ms, degraded to 50/100 ms in [ProbeSlowFrom, ProbeSlowTo),
// 2 % loss in [ProbeLossFrom, ProbeLossTo), silent while n1 is down and in [ProbeGapFrom,
// ProbeGapTo); n3 → n1 at 21/33 ms, all lost while n1 is down. Nothing in the sample hole.
inline constexpr int ProbeSlowFrom = 130, ProbeSlowTo = 140;
inline constexpr int ProbeLossFrom = 170, ProbeLossTo = 175;
inline constexpr int ProbeGapFrom = 150, ProbeGapTo = 160;

inline QList<NodeUpdate> probeUpdates()
{
    QList<NodeUpdate> out;
    auto window = [](const char* peer, int m, double p50, double p99, double loss) {
        Protocol::ProbeResult r;
        r.peer = QLatin1String(peer);
        r.windowEndMs = T0 + m * Min;
        r.p50Ms = r.p90Ms = p50;
        r.p99Ms = r.maxMs = p99;
        r.loss = loss;
        r.count = 60;
        return r;
    };
    for (int m = 0; m < Minutes; ++m) {
        if (inGap(m))
            continue;
        const bool n1Down = m >= DownFrom && m < DownTo;
        for (const char* node : { "n1", "n3" }) {
            NodeUpdate nu;
            nu.nodeId = QLatin1String(node);
            nu.hasSnapshot = true;
            nu.snapshot.instanceId = QStringLiteral("i-") + nu.nodeId;
            nu.snapshot.sample.timestampMs = T0 + m * Min + 5000;
            if (nu.nodeId == QLatin1String("n1")) {
                if (n1Down || (m >= ProbeGapFrom && m < ProbeGapTo))
                    continue;
                const bool slow = m >= ProbeSlowFrom && m < ProbeSlowTo;
                const bool lossy = m >= ProbeLossFrom && m < ProbeLossTo;
                nu.snapshot.probes = { window("n3", m, slow ? 50 : 20, slow ? 100 : 30, lossy ? 0.02 : 0) };
            } else {
                nu.snapshot.probes = { n1Down ? window("n1", m, Protocol::Missing, Protocol::Missing, 1.0)
                                              : window("n1", m, 21, 33, 0) };
            }
            out.append(nu);
        }
    }
    return out;
}

// Writes the fixture into `directory` (a fresh cache); false on failure.
inline bool build(const QString& directory)
{
    CacheWriter writer(directory);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    writer.start();
    if (!opened.wait(10000))
        return false;
    SourceUpdate u;
    u.source = QStringLiteral("fixture");
    for (const NodeSpec& n : Nodes) {
        NodeUpdate nu;
        nu.nodeId = QLatin1String(n.id);
        nu.hasInventory = true;
        nu.inventory.nodeId = nu.nodeId;
        nu.inventory.hostname = nu.nodeId;
        nu.inventory.region = QLatin1String(n.region);
        nu.inventory.pool = QLatin1String(n.pool);
        for (int i = 0; i < 4; ++i)
            nu.inventory.accelerators.append({ i, QStringLiteral("huawei"), QLatin1String(n.model),
                QStringLiteral("u-%1-%2").arg(nu.nodeId).arg(i), 64LL << 30 });
        nu.hasSnapshot = true;
        nu.snapshot.instanceId = QStringLiteral("i-") + nu.nodeId;
        nu.snapshot.sample = sampleAt(n, Minutes - 1);
        nu.polledAtMs = T0 + Minutes * Min;
        u.nodes.append(nu);
        for (int m = 0; m < Minutes; ++m) {
            if (!inGap(m))
                u.samples.append({ nu.nodeId, sampleAt(n, m) });
        }
    }
    u.events = { event(1, "n3", 2, "hbm-ecc", T0 + FaultFrom * Min + 5000, false),
        event(2, "n3", 2, "hbm-ecc", T0 + FaultTo * Min + 5000, true),
        event(3, "n1", -1, "node-down", T0 + DownFrom * Min + 5000, false),
        event(4, "n1", -1, "node-down", T0 + DownTo * Min + 5000, true) };
    Protocol::Event info = event(5, "n2", -1, "job-interrupted", T0 + DownFrom * Min + 6000, false);
    info.severity = Protocol::Severity::Warning; // a job's event: never a hardware incident
    u.events.append(info);
    Protocol::JobRecord j;
    j.jobId = QStringLiteral("job-1");
    j.name = QStringLiteral("llm, \"7b\" 训练");
    j.kind = QStringLiteral("training");
    j.state = QStringLiteral("running");
    j.region = QStringLiteral("east");
    j.pool = QStringLiteral("east-a");
    j.model = QStringLiteral("Ascend 910B");
    j.startMs = T0 + 10 * Min;
    j.submitMs = T0;
    j.interruptions = 1;
    j.segments = { { T0 + 10 * Min, T0 + DownFrom * Min, QStringLiteral("interrupted"), 0 },
        { T0 + 105 * Min, 0, QString(), T0 + 95 * Min } };
    j.interruptionLog = { { T0 + DownFrom * Min, QStringLiteral("node-down on n1"), 3, QStringLiteral("n1"),
        T0 + 95 * Min, T0 + 105 * Min } };
    u.hasJobs = true;
    u.jobsComplete = true;
    u.jobs = { j };
    u.nodes = probeUpdates() + u.nodes; // the last snapshot of each node stays the one above
    writer.write(u);
    writer.flush();
    return true;
}

} // namespace Meridian::ReportFixture
