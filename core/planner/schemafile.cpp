// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/schemafile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Planner {

bool readSchemaList(const QByteArray& json, const QString& listKey, QJsonArray* list, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("expected an object");
        return false;
    }
    if (doc.object().value(QStringLiteral("schema")).toInt() != 1) {
        *error = QStringLiteral("schema: expected 1");
        return false;
    }
    *list = doc.object().value(listKey).toArray();
    return true;
}

} // namespace Meridian::Planner
