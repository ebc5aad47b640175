// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace Meridian {

// Installs the console's embedded catalogue and Qt's own (qtbase) for the
// locale, replacing what an earlier call installed, and makes the locale the
// default (number formatting). English needs no catalogue. Returns false when
// Meridian has no catalogue for a non-English locale (the UI stays English).
bool installTranslations(const QLocale& locale);

} // namespace Meridian
