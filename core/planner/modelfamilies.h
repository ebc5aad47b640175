// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Families of compatible accelerator models ("Ascend 910-class": 910B and 910C), from a small editable file:
// the one built in (resources/planner/families.json) and, when present, the user's override in the config dir
// (a family of the same name replaces the built-in one, new names are added).

#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Planner {

struct ModelFamily
{
    QString name;
    QStringList models;
    friend bool operator==(const ModelFamily&, const ModelFamily&) = default;
};

// {"schema":1,"families":[{"name":…,"models":[…]}]}; strict, with the offending entry named.
bool parseFamilies(const QByteArray& json, QList<ModelFamily>* out, QString* error);
QList<ModelFamily> builtInFamilies(); ///< :/planner/families.json
QList<ModelFamily> mergeFamilies(const QList<ModelFamily>& base, const QList<ModelFamily>& overrides);
// The built-in families merged with the override file at `overridePath` (absent: none); a broken override is
// ignored with *warning set, so a typo in it never hides the built-in families.
QList<ModelFamily> loadFamilies(const QString& overridePath, QString* warning = nullptr);
QString userFamiliesPath(); ///< <config dir>/planner-families.json
QString savedRequestsPath(); ///< <config dir>/planner-requests.json

// The models a request accepts: {model}, or the family's models (empty: no such family).
QStringList acceptedModels(const QString& model, const QString& family, const QList<ModelFamily>& families);

} // namespace Meridian::Planner
