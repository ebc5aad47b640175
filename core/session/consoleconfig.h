// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/sourceconfig.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace Meridian {

// The console's configuration file (JSON, documented in docs/configuration.md).
struct ConsoleConfig
{
    QList<SourceConfig> sources;
    QString cachePath; ///< empty: the default under QStandardPaths::AppDataLocation

    // Strict: unknown kinds, bad URLs, duplicate names and out-of-range intervals are errors.
    static bool load(const QString& path, ConsoleConfig* out, QString* error);
    bool save(const QString& path, QString* error) const;
};

} // namespace Meridian
