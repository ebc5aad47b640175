// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the job-mapping directory reader. The input is split at NUL bytes
// into the files of a scratch directory: 0, 1, 2, 3 (one job id each), then
// jobs/<first line of file 0>.json (the job description).

#include "agent/node/jobmapping.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

using namespace Meridian::Agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir dir;
    static const bool made = QDir(dir.path()).mkpath(QStringLiteral("jobs"));
    if (!made)
        return 0;
    const QList<QByteArray> parts
        = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)).split('\0');
    QDir(dir.filePath(QStringLiteral("jobs"))).removeRecursively();
    QDir(dir.path()).mkpath(QStringLiteral("jobs"));
    for (int i = 0; i < 4; ++i) {
        QFile f(dir.filePath(QString::number(i)));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(parts.value(i));
    }
    const QByteArray id = parts.value(0).split('\n').value(0).trimmed();
    if (JobMappingReader::isValidJobId(id)) {
        QFile f(dir.filePath(QStringLiteral("jobs/") + QString::fromLatin1(id) + QStringLiteral(".json")));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(parts.value(4));
    }
    JobMappingReader::read(dir.path(), 4);
    return 0;
}
