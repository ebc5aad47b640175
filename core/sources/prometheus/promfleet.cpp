// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/prometheus/promfleet.h"

#include "core/protocol/exportermetrics.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace Meridian::Prometheus {
namespace {

using Protocol::Missing;
constexpr double MiB = 1024.0 * 1024.0;

// Label positions in every vector of a round (they all keep the same wantedLabels()).
struct LabelIndex
{
    int name = -1, node = -1, instance = -1, hostname = -1, region = -1, pool = -1, rack = -1;
    int gpu = -1, dcgmUuid = -1, dcgmModel = -1, npuId = -1, vdie = -1, npuModel = -1;
    int index = -1, uuid = -1, model = -1, vendor = -1;
    int hpcJob = -1, pod = -1, podName = -1, podNamespace = -1, jobId = -1; ///< who holds the chip

    LabelIndex(const QStringList& names, const TopologyLabels& t)
    {
        auto at = [&names](const QString& n) { return int(names.indexOf(n)); };
        name = at(QStringLiteral("__name__"));
        node = at(t.node);
        instance = at(QStringLiteral("instance"));
        hostname = at(QStringLiteral("Hostname"));
        region = at(t.region);
        pool = at(t.pool);
        rack = at(t.rack);
        gpu = at(QStringLiteral("gpu"));
        dcgmUuid = at(QStringLiteral("UUID"));
        dcgmModel = at(QStringLiteral("modelName"));
        npuId = at(QStringLiteral("id"));
        vdie = at(QStringLiteral("vdie_id"));
        npuModel = at(QStringLiteral("model_name"));
        index = at(QStringLiteral("index"));
        uuid = at(QStringLiteral("uuid"));
        model = at(QStringLiteral("model"));
        vendor = at(QStringLiteral("vendor"));
        hpcJob = at(QStringLiteral("hpc_job"));
        pod = at(QStringLiteral("pod"));
        podName = at(QStringLiteral("pod_name"));
        podNamespace = at(QStringLiteral("namespace"));
        jobId = at(QStringLiteral("job_id"));
    }
};

QString label(const Series& s, int i)
{
    return i >= 0 && i < s.labels.size() ? s.labels[i] : QString();
}

// "No data" in the exporters' encodings: NaN/±Inf, npu-exporter's −1 (any negative), DCGM's int32, int64 and
// fp64 BLANK / NOT_FOUND / NOT_SUPPORTED / NOT_PERMISSIONED sentinels (accelerator-metrics.md §2).
double clean(double v)
{
    if (!std::isfinite(v) || v < 0)
        return Missing;
    if (v >= 2147483632.0 && v < 2147483648.0)
        return Missing;
    if (v >= 9.223372036854775e18)
        return Missing;
    if (v >= 140737488355328.0 && v < 140737488355344.0)
        return Missing;
    return v;
}

struct Chip
{
    QString vendor, model, uuid;
    int index = -1;
    Protocol::AcceleratorSample sample;
    double memoryTotal = Missing;
    double framebufferFree = Missing;
    double framebufferReserved = Missing;
    QMap<QString, double> counters;
};

struct Node
{
    NodeReading reading;
    QMap<QString, Chip> chips; ///< vendor|uuid or vendor|#index
    double memTotal = Missing, memAvailable = Missing, bootTime = Missing, nodeTime = Missing;
    QString hostname; ///< dcgm-exporter's Hostname: the machine's own name, preferred to an address
    // The host name when no exporter states one: the node label the site set (its relabelling's choice), else the
    // host part of `instance` (an address, or the one address of a front serving many nodes).
    QString fallbackName;
};

void takeTopology(Node* n, const Series& s, const LabelIndex& li)
{
    Protocol::NodeInventory& inv = n->reading.inventory;
    auto fill = [&s](QString* field, int i) {
        if (field->isEmpty())
            *field = label(s, i);
    };
    fill(&inv.region, li.region);
    fill(&inv.pool, li.pool);
    fill(&inv.rack, li.rack);
    fill(&n->hostname, li.hostname);
}

void addSum(double* into, double v)
{
    if (!std::isnan(v))
        *into = std::isnan(*into) ? v : *into + v;
}

void addMin(double* into, double v)
{
    if (!std::isnan(v))
        *into = std::isnan(*into) ? v : std::min(*into, v);
}

// A chip's counter, created missing (QMap's operator[] would start it at 0, a value).
double& counter(Chip* c, const QString& name)
{
    auto it = c->counters.find(name);
    if (it == c->counters.end())
        it = c->counters.insert(name, Missing);
    return *it;
}

void hostValue(Node* n, const QString& name, double v)
{
    Protocol::NodeMetrics& m = n->reading.sample.node;
    n->reading.hasHostMetrics = true;
    if (name == QLatin1String("node_load1"))
        m.load1 = v;
    else if (name == QLatin1String("node_memory_MemTotal_bytes"))
        n->memTotal = v;
    else if (name == QLatin1String("node_memory_MemAvailable_bytes"))
        n->memAvailable = v;
    else if (name == QLatin1String("node_boot_time_seconds"))
        n->bootTime = v;
    else if (name == QLatin1String("node_time_seconds"))
        n->nodeTime = v;
    else if (name == QLatin1String("meridian_node_cpu_utilization_percent"))
        m.cpuUtilization = v;
    else if (name == QLatin1String("meridian_node_network_receive_bytes_per_second"))
        m.netRxBytesPerSecond = v;
    else if (name == QLatin1String("meridian_node_network_transmit_bytes_per_second"))
        m.netTxBytesPerSecond = v;
}

Protocol::AcceleratorHealth healthOf(double v)
{
    if (std::isnan(v))
        return Protocol::AcceleratorHealth::Unknown;
    return v >= 1 ? Protocol::AcceleratorHealth::Healthy : Protocol::AcceleratorHealth::Faulty;
}

// A per-chip value under the name the agents write it with (core/protocol/exportermetrics.h): the one
// table both sides read. False when the name is not the dialect's table entry.
bool tableValue(Chip* c, Protocol::Exporter::Dialect dialect, const QString& name, double v)
{
    using namespace Protocol::Exporter;
    static const QHash<QString, std::pair<Dialect, ChipField>> fields = [] {
        QHash<QString, std::pair<Dialect, ChipField>> h;
        for (const ChipMetric& m : chipMetrics())
            h.insert(QString::fromLatin1(m.name), { m.dialect, m.field });
        return h;
    }();
    const auto it = fields.constFind(name);
    if (it == fields.cend() || it->first != dialect)
        return false;
    Protocol::AcceleratorSample& a = c->sample;
    const double bytes = std::isnan(v) ? v : v * MiB;
    switch (it->second) {
    case ChipField::Utilization:
        a.utilization = v;
        break;
    case ChipField::TemperatureC:
        a.temperatureC = v;
        break;
    case ChipField::PowerW:
        a.powerW = v;
        break;
    case ChipField::HbmUsedMiB:
    case ChipField::MemoryUsedMiB:
        a.memoryUsedBytes = bytes;
        break;
    case ChipField::DdrUsedMiB: // cards without HBM; HBM wins where both are reported
        if (std::isnan(a.memoryUsedBytes))
            a.memoryUsedBytes = bytes;
        break;
    case ChipField::HbmTotalMiB:
        c->memoryTotal = bytes;
        break;
    case ChipField::DdrTotalMiB:
        if (std::isnan(c->memoryTotal))
            c->memoryTotal = bytes;
        break;
    case ChipField::MemoryFreeMiB:
        c->framebufferFree = v;
        break;
    case ChipField::MemoryUsedBytes:
        a.memoryUsedBytes = v;
        break;
    case ChipField::MemoryTotalBytes:
        c->memoryTotal = v;
        break;
    case ChipField::EccSingleBitTotal:
        a.eccSingleBitTotal = v;
        break;
    case ChipField::EccDoubleBitTotal:
        a.eccDoubleBitTotal = v;
        break;
    case ChipField::Health:
        a.health = healthOf(v);
        break;
    }
    return true;
}

void dcgmValue(Chip* c, const QString& name, double v)
{
    if (tableValue(c, Protocol::Exporter::Dialect::DcgmExporter, name, v))
        return;
    Protocol::AcceleratorSample& a = c->sample;
    const QStringView field = QStringView(name).sliced(std::min<qsizetype>(name.size(), 12)); // after DCGM_FI_DEV_
    if (field == u"FB_RESERVED")
        c->framebufferReserved = v;
    else if (field == u"ECC_SBE_VOL_TOTAL" && std::isnan(a.eccSingleBitTotal)) // the aggregate wins where both are
        a.eccSingleBitTotal = v;
    else if (field == u"ECC_DBE_VOL_TOTAL" && std::isnan(a.eccDoubleBitTotal))
        a.eccDoubleBitTotal = v;
    else if (field == u"NVLINK_CRC_FLIT_ERROR_COUNT_TOTAL" || field == u"NVLINK_REPLAY_ERROR_COUNT_TOTAL")
        addSum(&counter(c, name), v); // per link when the exporter splits them: summed per chip
    else if (field == u"XID_ERRORS" || field == u"RETIRED_PENDING" || field == u"ROW_REMAP_FAILURE"
        || field == u"THERMAL_VIOLATION")
        c->counters[name] = v;
}

void npuValue(Chip* c, const QString& name, double v)
{
    static const QString hccs = QStringLiteral("npu_chip_info_hccs_statistic_info_crc_err_cnt");
    static const QString optical = QStringLiteral("npu_chip_optical_rx_power");
    static const QString health = QString::fromLatin1(
        Protocol::Exporter::chipMetric(Protocol::Exporter::Dialect::NpuExporter, Protocol::Exporter::ChipField::Health)
            ->name);
    if (name == health)
        c->counters[name] = v; // also a status rule's input
    if (tableValue(c, Protocol::Exporter::Dialect::NpuExporter, name, v))
        return;
    if (name == QLatin1String("npu_chip_info_link_status") || name == QLatin1String("npu_chip_roce_rx_err_pkt_num")
        || name == QLatin1String("npu_chip_roce_new_pkt_rty_num"))
        c->counters[name] = v;
    else if (name.startsWith(hccs)) // _1 … _7: one per HCCS link, summed per chip
        addSum(&counter(c, hccs), v);
    else if (name.startsWith(optical)) // _0 … _3: the weakest lane decides
        addMin(&counter(c, optical), v);
}

void meridianValue(Chip* c, const QString& name, double v)
{
    tableValue(c, Protocol::Exporter::Dialect::Meridian, name, v);
}

// Who holds a chip, from the exporters' job labels: dcgm-exporter's HPC mode `hpc_job`, its Kubernetes mode
// `pod` (+ `namespace`), npu-exporter's `pod_name` (+ `namespace`; empty on a host), meridian's `job_id`.
// Empty: no job label on this series (the chip is free where the exporters carry job labels at all).
QString holderOf(Query q, const Series& s, const LabelIndex& li)
{
    const auto inNamespace = [&](const QString& name) {
        const QString ns = label(s, li.podNamespace);
        return name.isEmpty() || ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
    };
    switch (q) {
    case Query::Dcgm:
        if (const QString job = label(s, li.hpcJob); !job.isEmpty())
            return job;
        return inNamespace(label(s, li.pod));
    case Query::Npu:
        return inNamespace(label(s, li.podName));
    default:
        return label(s, li.jobId);
    }
}

// The chip a series is about, created on first sight; nullptr when the series names none.
Chip* chipOf(Node* n, Query q, const Series& s, const LabelIndex& li)
{
    QString vendor, uuid, model, index;
    switch (q) {
    case Query::Dcgm:
        vendor = QStringLiteral("nvidia");
        uuid = label(s, li.dcgmUuid);
        model = label(s, li.dcgmModel);
        index = label(s, li.gpu);
        break;
    case Query::Npu:
        vendor = QStringLiteral("huawei");
        uuid = label(s, li.vdie);
        model = label(s, li.npuModel);
        index = label(s, li.npuId);
        break;
    default:
        vendor = label(s, li.vendor);
        uuid = label(s, li.uuid);
        model = label(s, li.model);
        index = label(s, li.index);
        break;
    }
    if (uuid.isEmpty() && index.isEmpty())
        return nullptr; // a node-level series of an accelerator exporter (machine_npu_nums …)
    const QString key = vendor + QLatin1Char('|') + (uuid.isEmpty() ? QString(QStringLiteral("#") + index) : uuid);
    Chip& c = n->chips[key];
    if (c.vendor.isEmpty() && c.uuid.isEmpty()) {
        c.vendor = vendor;
        c.uuid = uuid;
        bool ok = false;
        const int i = index.toInt(&ok);
        c.index = ok && i >= 0 ? i : -1;
    }
    if (c.model.isEmpty())
        c.model = model;
    if (c.sample.jobId.isEmpty())
        c.sample.jobId = holderOf(q, s, li);
    return &c;
}

void finish(Node* n, qint64 evaluatedMs)
{
    NodeReading& r = n->reading;
    r.inventory.hostname = n->hostname.isEmpty() ? n->fallbackName : n->hostname;
    Protocol::NodeMetrics& m = r.sample.node;
    if (!std::isnan(n->memTotal)) {
        m.memoryTotalBytes = n->memTotal;
        r.inventory.memoryBytes = qint64(n->memTotal);
        if (!std::isnan(n->memAvailable) && n->memAvailable <= n->memTotal)
            m.memoryUsedBytes = n->memTotal - n->memAvailable;
    }
    const double now = std::isnan(n->nodeTime) ? double(evaluatedMs) / 1000.0 : n->nodeTime;
    if (!std::isnan(n->bootTime) && n->bootTime <= now)
        m.uptimeSeconds = now - n->bootTime;

    QList<Chip> chips = n->chips.values();
    std::sort(chips.begin(), chips.end(), [](const Chip& a, const Chip& b) {
        return std::tie(a.vendor, a.index, a.uuid) < std::tie(b.vendor, b.index, b.uuid);
    });
    bool anyFaulty = false;
    for (qsizetype i = 0; i < chips.size(); ++i) {
        Chip& c = chips[i];
        if (std::isnan(c.memoryTotal) && !std::isnan(c.framebufferFree) && !std::isnan(c.sample.memoryUsedBytes))
            c.memoryTotal = c.sample.memoryUsedBytes
                + (c.framebufferFree + (std::isnan(c.framebufferReserved) ? 0 : c.framebufferReserved)) * MiB;
        Protocol::AcceleratorInfo info;
        info.index = int(i);
        info.vendor = c.vendor;
        info.model = c.model;
        info.uuid = c.uuid;
        info.memoryBytes = std::isnan(c.memoryTotal) ? 0 : qint64(std::llround(c.memoryTotal));
        r.inventory.accelerators.append(info);
        c.sample.index = int(i);
        if (!c.counters.isEmpty())
            r.faultCounters.insert(int(i), std::move(c.counters));
        anyFaulty |= c.sample.health == Protocol::AcceleratorHealth::Faulty;
        r.hasJobLabels |= !c.sample.jobId.isEmpty();
        r.sample.accelerators.append(std::move(c.sample));
    }
    r.hasAcceleratorMetrics = !chips.isEmpty();
    r.sample.timestampMs = evaluatedMs;
    r.sample.state = anyFaulty ? Protocol::NodeState::Degraded : Protocol::NodeState::Up;
}

} // namespace

const QList<QuerySpec>& pollQueries()
{
    static const QList<QuerySpec> queries {
        { Query::Up, QStringLiteral("up") },
        { Query::HostMetrics,
            QStringLiteral("{__name__=~\"node_load1|node_memory_MemTotal_bytes|node_memory_MemAvailable_bytes"
                           "|node_boot_time_seconds|node_time_seconds|meridian_node_cpu_utilization_percent"
                           "|meridian_node_network_(receive|transmit)_bytes_per_second\"}") },
        { Query::HostCpu,
            QStringLiteral("100 * (1 - avg without (cpu, mode) (rate(node_cpu_seconds_total{mode=\"idle\"}[2m])))") },
        { Query::Dcgm,
            QStringLiteral("{__name__=~\"DCGM_FI_DEV_(GPU_UTIL|GPU_TEMP|POWER_USAGE|FB_USED|FB_FREE|FB_RESERVED"
                           "|ECC_(SBE|DBE)_(AGG|VOL)_TOTAL|XID_ERRORS|RETIRED_PENDING|ROW_REMAP_FAILURE"
                           "|NVLINK_(CRC_FLIT|REPLAY)_ERROR_COUNT_TOTAL|THERMAL_VIOLATION)\"}") },
        { Query::Npu,
            QStringLiteral("{__name__=~\"npu_chip_info_(utilization|temperature|power|health_status|link_status"
                           "|hbm_used_memory|hbm_total_memory|used_memory|total_memory"
                           "|hbm_ecc_total_(single|double)_bit_error_cnt|hccs_statistic_info_crc_err_cnt_[0-9]+)"
                           "|npu_chip_roce_(rx_err_pkt_num|new_pkt_rty_num)|npu_chip_optical_rx_power_[0-9]+\"}") },
        { Query::Meridian,
            QStringLiteral("{__name__=~\"meridian_accelerator_(utilization_percent|temperature_celsius|power_watts"
                           "|memory_used_bytes|memory_total_bytes|health)\"}") },
    };
    return queries;
}

QStringList wantedLabels(const TopologyLabels& t)
{
    QStringList names { QStringLiteral("__name__"), t.node, QStringLiteral("instance"), QStringLiteral("Hostname"),
        t.region, t.pool, t.rack, QStringLiteral("gpu"), QStringLiteral("UUID"), QStringLiteral("modelName"),
        QStringLiteral("id"), QStringLiteral("vdie_id"), QStringLiteral("model_name"), QStringLiteral("index"),
        QStringLiteral("uuid"), QStringLiteral("model"), QStringLiteral("vendor"), QStringLiteral("hpc_job"),
        QStringLiteral("pod"), QStringLiteral("pod_name"), QStringLiteral("namespace"), QStringLiteral("job_id") };
    names.removeDuplicates();
    return names;
}

QString hostOfInstance(const QString& instance)
{
    if (instance.startsWith(u'[')) {
        const qsizetype end = instance.indexOf(u']');
        return end > 1 ? instance.mid(1, end - 1) : QString();
    }
    const qsizetype colon = instance.lastIndexOf(u':');
    // One colon: host:port. More: a bare IPv6 address without a port.
    if (colon > 0 && instance.indexOf(u':') == colon)
        return instance.left(colon);
    return instance;
}

QHash<QString, NodeReading> assembleNodes(
    const QList<std::pair<Query, Vector>>& answers, const TopologyLabels& labels, qint64 evaluatedMs)
{
    QHash<QString, Node> nodes;
    for (const auto& [query, vector] : answers) {
        const LabelIndex li(vector.labelNames, labels);
        for (const Series& s : vector.series) {
            QString id = label(s, li.node);
            const bool named = !id.isEmpty();
            if (id.isEmpty())
                id = hostOfInstance(label(s, li.instance));
            if (id.isEmpty())
                id = label(s, li.hostname);
            if (id.isEmpty())
                continue; // no identity at all: cannot be placed on a node
            Node& n = nodes[id];
            n.reading.inventory.nodeId = id;
            if (n.fallbackName.isEmpty())
                n.fallbackName = named ? id : hostOfInstance(label(s, li.instance));
            takeTopology(&n, s, li);
            const double v = clean(s.value);
            const QString name = label(s, li.name);
            switch (query) {
            case Query::Up:
                (s.value == 1 ? n.reading.targetsUp : n.reading.targetsDown) += 1;
                break;
            case Query::HostMetrics:
                hostValue(&n, name, v);
                break;
            case Query::HostCpu:
                n.reading.sample.node.cpuUtilization = v;
                n.reading.hasHostMetrics = true;
                break;
            case Query::Dcgm:
            case Query::Npu:
            case Query::Meridian:
                if (Chip* c = chipOf(&n, query, s, li)) {
                    if (query == Query::Dcgm)
                        dcgmValue(c, name, v);
                    else if (query == Query::Npu)
                        npuValue(c, name, v);
                    else
                        meridianValue(c, name, v);
                }
                break;
            case Query::Count:
                break;
            }
        }
    }
    QHash<QString, NodeReading> out;
    out.reserve(nodes.size());
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        finish(&*it, evaluatedMs);
        out.insert(it.key(), std::move(it->reading));
    }
    return out;
}

} // namespace Meridian::Prometheus
