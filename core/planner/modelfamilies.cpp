// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/modelfamilies.h"

#include "core/planner/schemafile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace Meridian::Planner {

bool parseFamilies(const QByteArray& json, QList<ModelFamily>* out, QString* error)
{
    QJsonArray list;
    if (!readSchemaList(json, QStringLiteral("families"), &list, error))
        return false;
    QList<ModelFamily> families;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        ModelFamily f;
        f.name = o.value(QStringLiteral("name")).toString();
        for (const QJsonValue& m : o.value(QStringLiteral("models")).toArray())
            if (!m.toString().isEmpty())
                f.models.append(m.toString());
        if (f.name.isEmpty() || f.models.isEmpty()) {
            *error = QStringLiteral("families[%1]: expected a name and a list of models").arg(i);
            return false;
        }
        families.append(f);
    }
    *out = families;
    return true;
}

QList<ModelFamily> builtInFamilies()
{
    QFile file(QStringLiteral(":/planner/families.json"));
    QList<ModelFamily> families;
    QString error;
    if (file.open(QIODevice::ReadOnly))
        parseFamilies(file.readAll(), &families, &error);
    return families;
}

QList<ModelFamily> mergeFamilies(const QList<ModelFamily>& base, const QList<ModelFamily>& overrides)
{
    QList<ModelFamily> out = base;
    for (const ModelFamily& o : overrides) {
        auto it = std::find_if(out.begin(), out.end(), [&](const ModelFamily& f) { return f.name == o.name; });
        if (it != out.end())
            *it = o;
        else
            out.append(o);
    }
    return out;
}

QList<ModelFamily> loadFamilies(const QString& overridePath, QString* warning)
{
    QList<ModelFamily> overrides;
    QFile file(overridePath);
    if (!overridePath.isEmpty() && file.exists()) {
        QString error;
        if (!file.open(QIODevice::ReadOnly) || !parseFamilies(file.readAll(), &overrides, &error)) {
            if (warning)
                *warning = QStringLiteral("%1: %2").arg(overridePath, error.isEmpty() ? file.errorString() : error);
            overrides.clear();
        }
    }
    return mergeFamilies(builtInFamilies(), overrides);
}

QString userFamiliesPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("planner-families.json"));
}

QString savedRequestsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("planner-requests.json"));
}

QStringList acceptedModels(const QString& model, const QString& family, const QList<ModelFamily>& families)
{
    if (!model.isEmpty())
        return { model };
    for (const ModelFamily& f : families)
        if (f.name.compare(family, Qt::CaseInsensitive) == 0)
            return f.models;
    return {};
}

} // namespace Meridian::Planner
