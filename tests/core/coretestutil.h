// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QTest>

// QCOMPARE cannot print AgentStatus: ADL finds Meridian::toString(AgentStatus),
// which returns a QString, not the char* QTest wants. Compare the names instead.
#define QCOMPARE_STATUS(actual, expected) QCOMPARE(Meridian::toString(actual), Meridian::toString(expected))
