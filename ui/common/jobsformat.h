// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the jobs page writes job states, kinds and figures (translated).

#include <QColor>
#include <QString>

namespace Meridian::JobsFormat {

QString stateText(const QString& state);
QString kindText(const QString& kind);
QString reasonText(const QString& endReason);
QString goodput(double fraction); ///< "93.4 %", or missing
QColor stateColor(const QString& state);

} // namespace Meridian::JobsFormat
