// SPDX-License-Identifier: GPL-3.0-or-later
// One poll of a 5,000-node / 50,000-job Slurm cluster (v0.0.38 shapes, the recorded node and jobs scaled up):
// decoding nodes, partitions and jobs, mapping them to one SourceUpdate (slurmmapping.h) with the job history,
// and the store applying it — all on one thread, as the worker and the UI thread would share it.
// Prints BENCH lines; the baseline is parsing the same bodies with QJsonDocument alone — what the decoder did
// before it read with RapidJSON's SAX reader, kept here only as that yardstick. slurm_poll_worker is decoding
// (reading, checking every used field, expanding hostlists) plus mapping; its ratio is to the baseline, so
// below 1 means the whole worker now costs less than parsing the JSON used to.

#include "core/sources/slurm/slurmdecode.h"
#include "core/sources/slurmjobhistory.h"
#include "core/sources/slurmmapping.h"
#include "core/sources/slurmsource.h"
#include "core/store/fleetstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>

using namespace Meridian;

namespace {

constexpr int Nodes = 5000;
constexpr int Jobs = 50000;
constexpr int Rounds = 3;

QJsonObject fixture(const char* name)
{
    QFile f(QStringLiteral(MERIDIAN_FIXTURES_DIR "/slurm/v0.0.38/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString nodeName(int i)
{
    return QStringLiteral("gpu%1").arg(i, 4, 10, QLatin1Char('0'));
}

QByteArray nodesBody()
{
    QJsonObject doc = fixture("nodes.json");
    const QJsonObject model = doc.value(QStringLiteral("nodes")).toArray().at(1).toObject(); // n2: mixed, 2 GPUs used
    QJsonArray nodes;
    for (int i = 0; i < Nodes; ++i) {
        QJsonObject n = model;
        n.insert(QStringLiteral("name"), nodeName(i));
        n.insert(QStringLiteral("partitions"), QJsonArray { QStringLiteral("gpu") });
        nodes.append(n);
    }
    doc.insert(QStringLiteral("nodes"), nodes);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

QByteArray partitionsBody()
{
    QJsonObject doc = fixture("partitions.json");
    QJsonArray parts = doc.value(QStringLiteral("partitions")).toArray();
    QJsonObject gpu = parts.at(0).toObject();
    gpu.insert(QStringLiteral("nodes"), QStringLiteral("gpu[0000-%1]").arg(Nodes - 1, 4, 10, QLatin1Char('0')));
    doc.insert(QStringLiteral("partitions"), QJsonArray { gpu });
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

// One job in five runs (two per node, each holding two GPUs); the rest wait.
QByteArray jobsBody()
{
    QJsonObject doc = fixture("jobs.json");
    const QJsonArray recorded = doc.value(QStringLiteral("jobs")).toArray();
    const QJsonObject running = recorded.at(0).toObject(); // job 1: RUNNING on n1, gpu:h100:2(IDX:0-1)
    const QJsonObject pending = recorded.at(1).toObject(); // job 2: PENDING
    QJsonArray jobs;
    for (int i = 0; i < Jobs; ++i) {
        const bool runs = i % 5 == 0;
        QJsonObject j = runs ? running : pending;
        j.insert(QStringLiteral("job_id"), i + 100);
        if (runs) {
            const int slot = (i / 5) % 2;
            j.insert(QStringLiteral("nodes"), nodeName((i / 10) % Nodes));
            j.insert(QStringLiteral("gres_detail"),
                QJsonArray { QStringLiteral("gpu:h100:2(IDX:%1-%2)").arg(2 * slot).arg(2 * slot + 1) });
        }
        jobs.append(j);
    }
    doc.insert(QStringLiteral("jobs"), jobs);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

// The process's CPU time in ms: on a shared machine (other builds running) wall time measures the load as much
// as the code; the bench is single-threaded, so this is the poll's own cost.
double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    registerCoreMetaTypes();
    const QByteArray nodes = nodesBody();
    const QByteArray partitions = partitionsBody();
    const QByteArray jobs = jobsBody();
    bench("slurm.poll_body_5k_50k", double(nodes.size() + partitions.size() + jobs.size()) / (1 << 20), "MiB");

    using Slurm::ApiVersion;
    FleetStore store;
    store.setCoalescingInterval(0);
    SlurmJobHistory history;
    double parse = 1e9, decode = 1e9, map = 1e9, apply = 1e9;
    double parseCpu = 1e9, workerCpu = 1e9;
    for (int round = 0; round < Rounds; ++round) {
        QElapsedTimer t;
        t.start();
        double cpu = cpuMs();
        for (const QByteArray* body : { &nodes, &partitions, &jobs })
            if (QJsonDocument::fromJson(*body).isNull())
                qFatal("body does not parse");
        parse = std::min(parse, t.nsecsElapsed() / 1e6);
        parseCpu = std::min(parseCpu, cpuMs() - cpu);

        t.restart();
        cpu = cpuMs();
        SlurmView view;
        view.version = ApiVersion::V0038;
        // The source's cap (SlurmSourceOptions), not the decoder's default: 50,000 jobs are ~110 MiB in v0.0.38.
        Slurm::Limits limits;
        limits.maxBodyBytes = SlurmSourceOptions().maxBodyBytes;
        const auto n = Slurm::decodeNodes(ApiVersion::V0038, 200, nodes, limits);
        const auto p = Slurm::decodePartitions(ApiVersion::V0038, 200, partitions, limits);
        const auto j = Slurm::decodeJobs(ApiVersion::V0038, 200, jobs, limits);
        if (!n.ok() || !p.ok() || !j.ok())
            qFatal("decode failed: %s %s %s", qPrintable(n.error), qPrintable(p.error), qPrintable(j.error));
        view.nodes = n.value;
        view.partitions = p.value;
        view.jobs = j.value;
        decode = std::min(decode, t.nsecsElapsed() / 1e6);

        t.restart();
        SlurmMapping mapping;
        mapping.source = QStringLiteral("cluster");
        mapping.nowMs = 1'800'000'000'000 + round * 10'000;
        mapping.seq = round + 1;
        SourceUpdate update = slurmUpdate(view, mapping);
        history.apply(view.jobs, &update.jobs, mapping.nowMs);
        map = std::min(map, t.nsecsElapsed() / 1e6);
        workerCpu = std::min(workerCpu, cpuMs() - cpu);

        t.restart();
        store.applyUpdate(update);
        apply = std::min(apply, t.nsecsElapsed() / 1e6);
    }
    if (store.nodes().size() != Nodes || store.jobs().size() != Jobs)
        qFatal("store holds %lld nodes and %lld jobs", qlonglong(store.nodes().size()), qlonglong(store.jobs().size()));
    int allocated = 0;
    for (const ModelCapacity& m : store.summary().models)
        allocated += m.allocated;
    if (allocated != 4 * Nodes)
        qFatal("allocated %d GPUs, expected %d", allocated, 4 * Nodes);

    bench("slurm.poll_5k_50k.json_parse", parse, "ms");
    bench("slurm.poll_5k_50k.decode", decode, "ms");
    bench("slurm.poll_5k_50k.map", map, "ms");
    bench("slurm.poll_5k_50k.store_apply", apply, "ms");
    bench("slurm_poll_worker", decode + map, "ms");
    bench("slurm_poll_worker.ratio", (decode + map) / std::max(parse, 1e-6), "x");
    bench("slurm.poll_5k_50k.json_parse.cpu", parseCpu, "ms");
    bench("slurm_poll_worker.cpu", workerCpu, "ms");
    bench("slurm_poll_worker.cpu_ratio", workerCpu / std::max(parseCpu, 1e-6), "x");
    return 0;
}
