// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Slurm fixtures (tests/fixtures/slurm/vX/NAME.json) for the decoder's tests.

#include "core/sources/slurm/slurmtypes.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Meridian::Slurm::Test {

inline QString fixturePath(ApiVersion version, const QString& name)
{
    return QStringLiteral(MERIDIAN_FIXTURES_DIR "/slurm/") + apiVersionName(version) + u'/' + name
        + QStringLiteral(".json");
}

inline QByteArray fixture(ApiVersion version, const QString& name)
{
    QFile file(fixturePath(version, name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace Meridian::Slurm::Test
