// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/collectionloop.h"

#include "agent/node/jobmapping.h"
#include "core/protocol/peermessages.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace Meridian::Agent {
namespace {

Q_LOGGING_CATEGORY(lcAgent, "meridian.agent")

using Protocol::AcceleratorHealth;
using Protocol::Severity;

const QString HealthKind = QStringLiteral("accelerator-health");
const QString EccKind = QStringLiteral("hbm-ecc");
const QString ToolKind = QStringLiteral("accelerator-tool");

bool sameInventory(const QList<AcceleratorReading>& a, const QList<AcceleratorReading>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!(a[i].info == b[i].info))
            return false;
    }
    return true;
}

} // namespace

CollectionLoop::CollectionLoop(const AgentConfig& config, AgentState* state, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_state(state)
    , m_procfs(config.procRoot)
    , m_accelerators(AcceleratorToolOptions { config.npuSmi, config.nvidiaSmi })
    , m_host(m_procfs.readHostFacts())
{
    m_timer.setInterval(config.intervalSeconds * 1000);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CollectionLoop::tick);
}

void CollectionLoop::start()
{
    tick();
    m_timer.start();
}

Protocol::Event CollectionLoop::event(
    qint64 nowMs, const QString& kind, Severity severity, int accelerator, const QString& message) const
{
    Protocol::Event e;
    e.timestampMs = nowMs;
    e.kind = kind;
    e.severity = severity;
    e.nodeId = m_config.nodeId.isEmpty() ? m_host.hostname : m_config.nodeId;
    e.accelerator = accelerator;
    e.message = message.left(4096);
    // The key of the shared template the text was made from: the console translates by it.
    const Protocol::PeerMessage keyed = Protocol::matchPeerMessage(e.message);
    e.messageKey = keyed.key;
    e.messageArgs = keyed.args;
    return e;
}

QList<Protocol::Event> CollectionLoop::diff(
    const QList<AcceleratorReading>& now, const QStringList& toolErrors, qint64 nowMs)
{
    QList<Protocol::Event> events;
    if (m_first)
        events.append(event(nowMs, QStringLiteral("agent-start"), Severity::Info, -1,
            QStringLiteral("meridian-agent %1 started with %2 accelerators")
                .arg(QLatin1String(MERIDIAN_VERSION))
                .arg(now.size())));
    else if (!sameInventory(m_previous, now))
        events.append(event(nowMs, QStringLiteral("inventory-changed"), Severity::Info, -1,
            QStringLiteral("accelerators changed: %1 → %2").arg(m_previous.size()).arg(now.size())));

    const bool toolOpen = m_state->isFaultOpen(ToolKind, -1);
    if (!toolErrors.isEmpty() && !toolOpen)
        events.append(event(nowMs, ToolKind, Severity::Warning, -1, toolErrors.join(QStringLiteral("; "))));
    else if (toolErrors.isEmpty() && toolOpen) {
        Protocol::Event e
            = event(nowMs, ToolKind, Severity::Info, -1, QStringLiteral("accelerator tools answer again"));
        e.cleared = true;
        events.append(e);
    }

    for (const AcceleratorReading& r : now) {
        const int i = r.info.index;
        const bool sameChip = i < m_previous.size() && m_previous[i].info.uuid == r.info.uuid;
        const AcceleratorReading* before = sameChip ? &m_previous[i] : nullptr;
        const AcceleratorHealth health = r.sample.health;
        const bool healthOpen = m_state->isFaultOpen(HealthKind, i);
        if (health == AcceleratorHealth::Faulty || health == AcceleratorHealth::Warning) {
            if (!before || before->sample.health != health || !healthOpen) {
                Protocol::Event e = event(nowMs, HealthKind,
                    health == AcceleratorHealth::Faulty ? Severity::Critical : Severity::Warning, i,
                    QStringLiteral("%1 %2 health is %3").arg(r.info.model, r.info.uuid, Protocol::toString(health)));
                events.append(e);
            }
        } else if (health == AcceleratorHealth::Healthy && healthOpen) {
            Protocol::Event e = event(nowMs, HealthKind, Severity::Info, i,
                QStringLiteral("%1 %2 is healthy again").arg(r.info.model, r.info.uuid));
            e.cleared = true;
            events.append(e);
        }
        if (!before)
            continue;
        // Corrected errors are a trend to watch; uncorrected ones are a fault until the chip is serviced.
        const double sbe0 = before->sample.eccSingleBitTotal, sbe1 = r.sample.eccSingleBitTotal;
        if (!Protocol::isMissing(sbe0) && !Protocol::isMissing(sbe1) && sbe1 > sbe0) {
            Protocol::Event e = event(nowMs, EccKind, Severity::Info, i,
                QStringLiteral("corrected ECC errors rose from %1 to %2").arg(sbe0).arg(sbe1));
            e.code = QStringLiteral("SBE");
            events.append(e);
        }
        const double dbe0 = before->sample.eccDoubleBitTotal, dbe1 = r.sample.eccDoubleBitTotal;
        if (!Protocol::isMissing(dbe0) && !Protocol::isMissing(dbe1) && dbe1 > dbe0) {
            Protocol::Event e = event(nowMs, EccKind, Severity::Critical, i,
                QStringLiteral("uncorrected ECC errors rose from %1 to %2").arg(dbe0).arg(dbe1));
            e.code = QStringLiteral("DBE");
            events.append(e);
        }
    }
    return events;
}

void CollectionLoop::tick()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    TickUpdate u;
    u.sample.timestampMs = nowMs;
    u.sample.node = m_procfs.collect(nowMs);

    AcceleratorCollector::Result acc = m_accelerators.collect();
    for (const QString& error : std::as_const(acc.errors))
        qCWarning(lcAgent, "%s", qPrintable(error));
    const JobMapping mapping = JobMappingReader::read(m_config.jobMappingDir, int(acc.accelerators.size()));
    if (mapping.warnings != m_previousWarnings) {
        for (const QString& w : mapping.warnings)
            qCWarning(lcAgent, "job mapping: %s", qPrintable(w));
        m_previousWarnings = mapping.warnings;
    }
    int faulty = 0;
    for (AcceleratorReading& r : acc.accelerators) {
        r.sample.jobId = mapping.jobByAccelerator.value(r.info.index);
        u.sample.accelerators.append(r.sample);
        faulty += r.sample.health == AcceleratorHealth::Faulty ? 1 : 0;
    }
    u.sample.state = faulty > 0 ? Protocol::NodeState::Degraded : Protocol::NodeState::Up;
    if (faulty > 0)
        u.stateReason = QStringLiteral("%1 of %2 accelerators faulty").arg(faulty).arg(acc.accelerators.size());

    Protocol::NodeInventory& inv = u.inventory;
    inv.nodeId = m_config.nodeId.isEmpty() ? m_host.hostname : m_config.nodeId;
    inv.hostname = m_host.hostname;
    inv.region = m_config.region;
    inv.pool = m_config.pool;
    inv.rack = m_config.rack;
    inv.cpuCount = m_host.cpuCount;
    inv.memoryBytes = Protocol::isMissing(u.sample.node.memoryTotalBytes) ? m_host.memoryBytes
                                                                          : qint64(u.sample.node.memoryTotalBytes);
    for (const AcceleratorReading& r : std::as_const(acc.accelerators))
        inv.accelerators.append(r.info);
    inv.agentVersion = QStringLiteral(MERIDIAN_VERSION);
    inv.bootId = m_host.bootId;

    u.events = diff(acc.accelerators, acc.errors, nowMs);
    u.jobs = mapping.jobs;
    u.collectionError = !acc.errors.isEmpty();
    m_previous = acc.accelerators;
    u.accelerators = std::move(acc.accelerators);
    m_first = false;
    m_state->commit(std::move(u));
}

} // namespace Meridian::Agent
