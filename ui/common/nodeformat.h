// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QString>

// How node and accelerator values read on every page: states, health, percent, °C, W, GiB.
// Missing values are NaN in and "—" out.
namespace Meridian::NodeFormat {

// The state a node row shows: its reported state while it has a snapshot, else its agent status.
QString nodeStateKey(const FleetNode& node); ///< untranslated ("up", "down", "unreachable", …)
QString stateText(const QString& key); ///< translated node state, agent status or capacity class
QString capacityKey(CapacityClass c); ///< "free", "allocated", "faulty"
QString healthText(Protocol::AcceleratorHealth health);
QString percent(double value);
QString celsius(double value);
QString watts(double value);
QString gib(double bytes);
QString gibPair(double used, double total); ///< "12.0 / 64.0 GiB"

} // namespace Meridian::NodeFormat
