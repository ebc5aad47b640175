// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Job history in state.db (schema 2): each job's run segments and
// interruptions beside its row in `job`, so finished jobs keep their whole life
// across restarts; and the append-only `audit` table of the console's actions
// (triggers refuse UPDATE and DELETE: nothing in the console can edit it).

#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QStringList>

class QSqlDatabase;
class QSqlQuery;

namespace Meridian::CacheJobHistory {

QStringList migrationV2(); ///< DDL of state.db schema 2

// Writes the history of `jobs` inside the caller's open transaction; false with the error in `query`.
bool write(const QHash<QString, Protocol::JobRecord>& jobs, QSqlQuery& query);
// Fills segments and interruptions of `jobs` from the table; damaged rows are skipped.
void load(const QSqlDatabase& db, QList<Protocol::JobRecord>* jobs);

QByteArray encode(const Protocol::JobRecord& job); ///< compact JSON of the history
bool decode(const QByteArray& blob, Protocol::JobRecord* job); ///< strict (protocol caps); false: damaged

} // namespace Meridian::CacheJobHistory
