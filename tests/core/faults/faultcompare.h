// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QCOMPARE for the fault enums: Qt Test prints their keys. (Protocol::Severity cannot have
// one: ADL finds Protocol::toString(Severity), which returns a QString; compare it as int.)

#include "core/faults/faulttypes.h"

#include <QTest>

namespace QTest {
template <> inline char* toString(const Meridian::Faults::Action& v)
{
    return qstrdup(qPrintable(Meridian::Faults::toKey(v)));
}
template <> inline char* toString(const Meridian::Faults::Component& v)
{
    return qstrdup(qPrintable(Meridian::Faults::toKey(v)));
}
template <> inline char* toString(const Meridian::Faults::IncidentState& v)
{
    return qstrdup(qPrintable(Meridian::Faults::toKey(v)));
}
template <> inline char* toString(const Meridian::Faults::IncidentScope& v)
{
    return qstrdup(QByteArray::number(int(v)).constData());
}
} // namespace QTest
