// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One job's full history (every segment, interruption and checkpoint), from the source that reported the job:
// a fleet front (GET /api/v1/jobs/ID, on a worker thread, strictly decoded); later a scheduler's accounting.
// Agents keep no job history: for their jobs the answer says so instead of pretending. A Slurm source's jobs
// carry the history the source watched (its requeues and node failures between polls); the answer says that
// this is all there is, since slurmctld forgets earlier runs.

#include "core/protocol/protocoltypes.h"
#include "core/sources/sourceconfig.h"

#include <QObject>

namespace Meridian {

class FleetStore;
class JobDetailClient;

struct JobDetailAnswer
{
    enum Kind : quint8 {
        Full, ///< `job` is the source's whole record
        NoHistory, ///< the source keeps none (an agent): the job list's view is all there is
        Watched, ///< a scheduler without accounting (Slurm, no slurmdbd): runs and interruptions seen while polled
        NoSource, ///< no configured source serves the job
        Failed, ///< `error` says why
    };
    quint64 requestId = 0;
    QString jobId;
    QString source; ///< the source asked (or that would have been); empty when none serves the job
    Kind kind = Failed;
    Protocol::JobRecord job;
    QString error;
};

class JobDetails : public QObject
{
    Q_OBJECT
public:
    explicit JobDetails(const FleetStore* store, QObject* parent = nullptr);

    void setSources(const QList<SourceConfig>& sources) { m_sources = sources; }
    // Asks for the job's history; the answer comes through answered(), also when it is known at once.
    quint64 request(const QString& jobId);

Q_SIGNALS:
    void answered(const Meridian::JobDetailAnswer& answer);

private:
    void answerLater(JobDetailAnswer answer);

    const FleetStore* m_store;
    QList<SourceConfig> m_sources;
    JobDetailClient* m_client;
    quint64 m_nextId = 0;
    struct Pending
    {
        quint64 requestId = 0;
        QString source;
    };
    QHash<quint64, Pending> m_pending; ///< the client's request id → ours
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::JobDetailAnswer)
