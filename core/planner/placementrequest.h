// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an operator asks the placement planner (docs/planner.md, "The request"): which chips, how many, for how
// long, near what, and where not. A value type with its JSON form (saved requests) and its checks.

#include "core/protocol/protocoltypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Planner {

struct PlacementRequest
{
    QString name; ///< a saved request's name; empty for a one-off question
    QString model; ///< one accelerator model ("Ascend 910B"), or
    QString family; ///< a family of compatible models (modelfamilies.h); exactly one of the two is given
    int count = 0; ///< accelerators
    bool wholeNodes = false; ///< whole nodes only, or any free chips
    double minMemoryGiB = Protocol::Missing; ///< per chip; NaN: no bound
    qint64 durationMs = 0; ///< expected run time
    QString anchorSite; ///< the site of the data or the users (site id, "shanghai"); empty: no latency factor
    double maxP99Ms = Protocol::Missing; ///< bound on the p99 RTT to the anchor; NaN: none (or a pair class)
    QString pairClass; ///< or the bound of a pair class's latency target ("hub-city"); empty: none
    QString tenant; ///< carried with the request (no quota model yet: it does not filter)
    QStringList allowRegions; ///< empty: every region
    QStringList denyRegions;

    bool allowsRegion(const QString& region) const;
    friend bool operator==(const PlacementRequest&, const PlacementRequest&) = default;
};

// Problems that make the request unanswerable, in English (the command prints them; the page shows them
// through its own translated checks). Empty: valid.
QStringList validate(const PlacementRequest& request);

QJsonObject toJson(const PlacementRequest& request);
// Strict: a wrong type or an out-of-range value fails with the field named; unknown keys are ignored.
bool fromJson(const QJsonObject& json, PlacementRequest* out, QString* error);

// Saved requests: {"schema":1,"requests":[…]} in the config dir (plannerRequestsPath()).
QByteArray saveRequests(const QList<PlacementRequest>& requests);
bool loadRequests(const QByteArray& json, QList<PlacementRequest>* out, QString* error);

// "7d", "36h", "90m", "2w" → ms; 0: not a duration.
qint64 parseDuration(const QString& text);
QString formatDuration(qint64 ms); ///< "7d", "36h", "90m": the shortest exact form parseDuration() reads back
// "10ms", "10" → 10; NaN: not a latency.
double parseMilliseconds(const QString& text);

} // namespace Meridian::Planner
