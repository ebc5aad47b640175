// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the accelerator tool parsers.

#include <QByteArrayView>
#include <QList>

namespace Meridian::Agent::SmiText {

inline constexpr qsizetype MaxOutputBytes = 1024 * 1024;
inline constexpr int MaxAccelerators = 64;

enum class Number { Ok, Missing, Invalid };

// A decimal number, or one of the tools' "no data" words (NA, N/A, [N/A], [Not Supported], -).
Number number(QByteArrayView token, double* out);

QList<QByteArrayView> lines(QByteArrayView text);
QList<QByteArrayView> tokens(QByteArrayView text);
bool isPrintable(QByteArrayView text);

} // namespace Meridian::Agent::SmiText
