// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace Meridian::Planner {

// The planner's editable files ({"schema": 1, "<listKey>": [ … ]}: model families, saved requests): the list,
// or false with *error when the text is not such a document.
bool readSchemaList(const QByteArray& json, const QString& listKey, QJsonArray* list, QString* error);

} // namespace Meridian::Planner
