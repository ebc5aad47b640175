// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/tokenfile.h"

#include "core/util/secretfile.h"

#include <QList>

namespace Meridian::Agent {

QByteArray readTokenSecret(const QString& path, QString* error)
{
    const SecretFile::Result file = SecretFile::read(path, MaxTokenFileBytes, QStringLiteral("token file"));
    if (!file.ok()) {
        *error = file.error;
        return {};
    }
    const QByteArray token = file.content.split('\n').value(0).trimmed();
    if (token.size() < 16 || token.size() > 512) {
        *error = QStringLiteral("token file %1: the token on its first line must have 16 to 512 characters").arg(path);
        return {};
    }
    for (const char c : token) {
        if (c < 0x21 || c > 0x7e) {
            *error = QStringLiteral("token file %1: a bearer token is printable ASCII without spaces").arg(path);
            return {};
        }
    }
    return token;
}

} // namespace Meridian::Agent
