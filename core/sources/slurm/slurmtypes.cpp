// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/slurmtypes.h"

#include "core/sources/slurm/slurmstates_p.h"

#include <QHash>

namespace Meridian::Slurm {

QString apiVersionName(ApiVersion version)
{
    switch (version) {
    case ApiVersion::V0038:
        return QStringLiteral("v0.0.38");
    case ApiVersion::V0039:
        return QStringLiteral("v0.0.39");
    case ApiVersion::V0040:
        return QStringLiteral("v0.0.40");
    case ApiVersion::V0041:
        return QStringLiteral("v0.0.41");
    case ApiVersion::Unknown:
        break;
    }
    return {};
}

ApiVersion apiVersionFromString(QStringView text)
{
    if (text.startsWith(u'v'))
        text = text.mid(1);
    if (text == u"0.0.38")
        return ApiVersion::V0038;
    if (text == u"0.0.39")
        return ApiVersion::V0039;
    if (text == u"0.0.40")
        return ApiVersion::V0040;
    if (text == u"0.0.41")
        return ApiVersion::V0041;
    return ApiVersion::Unknown;
}

QList<ApiVersion> supportedVersions()
{
    return { ApiVersion::V0041, ApiVersion::V0040, ApiVersion::V0039, ApiVersion::V0038 };
}

namespace {

const QHash<QString, NodeState>& nodeStates()
{
    static const QHash<QString, NodeState> states {
        { QStringLiteral("UNKNOWN"), NodeState::Unknown },
        { QStringLiteral("IDLE"), NodeState::Idle },
        { QStringLiteral("MIXED"), NodeState::Mixed },
        { QStringLiteral("ALLOCATED"), NodeState::Allocated },
        { QStringLiteral("DOWN"), NodeState::Down },
        { QStringLiteral("ERROR"), NodeState::Error },
        { QStringLiteral("FUTURE"), NodeState::Future },
    };
    return states;
}

const QHash<QString, NodeFlag>& nodeFlags()
{
    static const QHash<QString, NodeFlag> flags {
        { QStringLiteral("DRAIN"), NodeFlag::Drain },
        { QStringLiteral("COMPLETING"), NodeFlag::Completing },
        { QStringLiteral("NOT_RESPONDING"), NodeFlag::NotResponding },
        { QStringLiteral("FAIL"), NodeFlag::Fail },
        { QStringLiteral("MAINTENANCE"), NodeFlag::Maintenance },
        { QStringLiteral("MAINT"), NodeFlag::Maintenance }, // v0.0.38 spells it short
        { QStringLiteral("RESERVED"), NodeFlag::Reserved },
        { QStringLiteral("PLANNED"), NodeFlag::Planned },
        { QStringLiteral("POWERED_DOWN"), NodeFlag::PoweredDown },
        { QStringLiteral("POWERING_DOWN"), NodeFlag::PoweringDown },
        { QStringLiteral("POWERING_UP"), NodeFlag::PoweringUp },
        { QStringLiteral("REBOOT_REQUESTED"), NodeFlag::RebootRequested },
        { QStringLiteral("REBOOT_ISSUED"), NodeFlag::RebootIssued },
        { QStringLiteral("CLOUD"), NodeFlag::Cloud },
        { QStringLiteral("INVALID_REG"), NodeFlag::InvalidRegistration },
    };
    return flags;
}

const QHash<QString, JobState>& jobStates()
{
    static const QHash<QString, JobState> states {
        { QStringLiteral("PENDING"), JobState::Pending },
        { QStringLiteral("RUNNING"), JobState::Running },
        { QStringLiteral("SUSPENDED"), JobState::Suspended },
        { QStringLiteral("COMPLETED"), JobState::Completed },
        { QStringLiteral("CANCELLED"), JobState::Cancelled },
        { QStringLiteral("FAILED"), JobState::Failed },
        { QStringLiteral("TIMEOUT"), JobState::Timeout },
        { QStringLiteral("NODE_FAIL"), JobState::NodeFail },
        { QStringLiteral("PREEMPTED"), JobState::Preempted },
        { QStringLiteral("BOOT_FAIL"), JobState::BootFail },
        { QStringLiteral("DEADLINE"), JobState::Deadline },
        { QStringLiteral("OUT_OF_MEMORY"), JobState::OutOfMemory },
    };
    return states;
}

QStringList splitWords(const QStringList& words)
{
    QStringList out;
    for (const QString& w : words) {
        for (const QString& part : w.split(u'+', Qt::SkipEmptyParts))
            out.append(part.trimmed().toUpper());
    }
    return out;
}

} // namespace

namespace Detail {

void applyNodeStateWords(const QStringList& words, NodeState* state, NodeFlags* flags, QStringList* other)
{
    for (const QString& word : splitWords(words)) {
        if (const auto s = nodeStates().constFind(word); s != nodeStates().constEnd())
            *state = *s;
        else if (const auto f = nodeFlags().constFind(word); f != nodeFlags().constEnd())
            *flags |= *f;
        else if (!other->contains(word))
            other->append(word);
    }
}

void applyJobStateWords(const QStringList& words, JobState* state, QStringList* flags)
{
    for (const QString& word : splitWords(words)) {
        if (const auto s = jobStates().constFind(word); s != jobStates().constEnd())
            *state = *s;
        else if (!flags->contains(word))
            flags->append(word);
    }
}

PartitionState partitionStateFromWords(const QStringList& words)
{
    PartitionState state = PartitionState::Unknown;
    for (const QString& word : splitWords(words)) {
        if (word == u"UP")
            state = PartitionState::Up;
        else if (word == u"DOWN")
            state = PartitionState::Down;
        else if (word == u"DRAIN")
            state = PartitionState::Drain;
        else if (word == u"INACTIVE")
            state = PartitionState::Inactive;
    }
    return state;
}

} // namespace Detail

QString nodeStateName(NodeState state)
{
    switch (state) {
    case NodeState::Idle:
        return QStringLiteral("idle");
    case NodeState::Mixed:
        return QStringLiteral("mixed");
    case NodeState::Allocated:
        return QStringLiteral("allocated");
    case NodeState::Down:
        return QStringLiteral("down");
    case NodeState::Error:
        return QStringLiteral("error");
    case NodeState::Future:
        return QStringLiteral("future");
    case NodeState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString partitionStateName(PartitionState state)
{
    switch (state) {
    case PartitionState::Up:
        return QStringLiteral("UP");
    case PartitionState::Down:
        return QStringLiteral("DOWN");
    case PartitionState::Drain:
        return QStringLiteral("DRAIN");
    case PartitionState::Inactive:
        return QStringLiteral("INACTIVE");
    case PartitionState::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

QString jobStateName(JobState state)
{
    for (auto it = jobStates().cbegin(); it != jobStates().cend(); ++it) {
        if (it.value() == state)
            return it.key();
    }
    return QStringLiteral("UNKNOWN");
}

QString nodeFlagName(NodeFlag flag)
{
    if (flag == NodeFlag::Maintenance)
        return QStringLiteral("MAINTENANCE");
    return nodeFlags().key(flag);
}

bool jobHoldsNodes(const Job& job)
{
    return job.state == JobState::Running || job.state == JobState::Suspended;
}

} // namespace Meridian::Slurm
