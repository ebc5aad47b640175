// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cacherepair.h"

#include "core/cache/cachedatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace Meridian::CacheRepair {
namespace {

struct CacheRepairText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CacheRepair)
};

} // namespace

QString asideSuffix(const QDateTime& now)
{
    return QStringLiteral(".damaged-") + now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

bool moveAside(const QString& directory, const QDateTime& now, QStringList* moved, QString* error)
{
    const QDir dir(directory);
    const QString suffix = asideSuffix(now);
    for (const CacheDb::File file : { CacheDb::File::State, CacheDb::File::Metrics }) {
        // The database first: a -wal left behind without it is harmless, the reverse would be replayed.
        for (const QString& tail : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            const QString from = dir.filePath(CacheDb::fileName(file) + tail);
            if (!QFile::exists(from))
                continue;
            QString to = from + suffix;
            for (int n = 2; QFile::exists(to); ++n)
                to = from + suffix + u'-' + QString::number(n);
            if (!QFile::rename(from, to)) {
                *error = CacheRepairText::tr("cannot move %1 aside to %2").arg(from, to);
                return false;
            }
            moved->append(to);
        }
    }
    return true;
}

} // namespace Meridian::CacheRepair
