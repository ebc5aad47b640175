// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fault titles in the user's language. The mapping table (faultmap.json) is
// English data; its titles are listed for lupdate under the context
// "FaultMap" (faultmaptexts.cpp) and looked up here at display time. A title
// the translation does not know (a site's own table) stays as it is.

#include <QString>
#include <QStringList>

namespace Meridian::Faults {

QString translatedFaultTitle(const QString& title);
QStringList faultMapTitles(); ///< the English titles listed for translation (tests: no drift from the table)

} // namespace Meridian::Faults
