// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: state words as the versions write them. v0.0.38 writes a node's base state in
// lower case ("idle") and its flags apart (state_flags: ["DRAIN"]); v0.0.39+ one upper-case array
// (["IDLE", "DRAIN"]); `scontrol` and `sinfo` join them with '+' ("IDLE+DRAIN"). Jobs: one word up to
// v0.0.39 (a flag, when set, replaces the base: "COMPLETING"), an array from v0.0.40.

#include "core/sources/slurm/slurmtypes.h"

namespace Meridian::Slurm::Detail {

// Applies each word (any case, '+'-joined or not) to STATE, FLAGS and OTHER.
void applyNodeStateWords(const QStringList& words, NodeState* state, NodeFlags* flags, QStringList* other);
void applyJobStateWords(const QStringList& words, JobState* state, QStringList* flags);
PartitionState partitionStateFromWords(const QStringList& words);

} // namespace Meridian::Slurm::Detail
