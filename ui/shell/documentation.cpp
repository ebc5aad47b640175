// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/documentation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Meridian {

QUrl documentationUrl()
{
    QStringList candidates { QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/meridian") };
    for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        candidates.append(data + QStringLiteral("/doc/meridian"));
#ifdef MERIDIAN_SOURCE_DOCS
    candidates.append(QStringLiteral(MERIDIAN_SOURCE_DOCS));
#endif
    for (const QString& path : std::as_const(candidates)) {
        // An installed folder holds the pages, not only the agent's example configuration.
        if (QFileInfo::exists(path + QStringLiteral("/architecture.md")))
            return QUrl::fromLocalFile(QDir::cleanPath(path));
    }
    return {};
}

} // namespace Meridian
