// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agents' --token-file, read as ssh reads its keys (core/util/secretfile.h): a regular file, not
// readable by others, text only, at most MaxTokenFileBytes. The token is the first line, trimmed.

#include <QByteArray>
#include <QString>

namespace Meridian::Agent {

inline constexpr qsizetype MaxTokenFileBytes = 4096;

// Empty on error, with the reason (and the chmod to run, when that is the reason) in *error.
QByteArray readTokenSecret(const QString& path, QString* error);

} // namespace Meridian::Agent
