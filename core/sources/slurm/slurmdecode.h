// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Decoding slurmrestd answers, v0.0.38 to v0.0.41, into the version-independent values of slurmtypes.h.
// Pure functions: the HTTP status and body in, values or a precise failure out; no network, no state.
//
// Every answer is checked before use: the body against Limits::maxBodyBytes before it is parsed, each
// field's type against the version's schema, each list against Limits::maxItems, each hostlist against
// Limits::maxHostlistNames. Any violation rejects the whole answer with the offending field named.
// Slurm's own errors[] fail an answer whatever its HTTP status (slurmrestd answers 200 with errors too);
// warnings[] are passed on with the values.

#include "core/sources/slurm/slurmtypes.h"

#include <QByteArray>

namespace Meridian::Slurm {

struct Limits
{
    // One answer. 64 MiB holds a v0.0.38 jobs answer of ~15,000 jobs (4 KB each as recorded) or ~50,000
    // nodes; a larger cluster raises it. Parsing holds about three times the body in memory.
    qsizetype maxBodyBytes = qsizetype(64) * 1024 * 1024;
    qsizetype maxItems = 200000; ///< nodes, partitions or jobs in one answer
    qsizetype maxHostlistNames = 65536; ///< hosts one hostlist expression may name
    qsizetype maxStringLength = 65536; ///< characters in one string field
    qsizetype maxListItems = 4096; ///< entries of a small list (partitions of a node, features, gres_detail)
};

enum class Failure : quint8 {
    None,
    TooLarge, ///< the body exceeds Limits::maxBodyBytes: not parsed
    Malformed, ///< not JSON, or a field of the wrong type or out of range (the error names it)
    TokenRejected, ///< the JWT is bad or expired: renew it
    Unauthenticated, ///< HTTP 401/403: no user or token sent, or the user is unknown
    SlurmError, ///< Slurm said errors[] (e.g. "Invalid job id specified"), whatever the HTTP status
    HttpError, ///< a non-2xx answer without Slurm errors (a proxy, a missing endpoint)
    WrongVersion, ///< the answer's meta names another API version than the one asked for
};

// One entry of errors[] or warnings[] (v0.0.38 writes "errno", later versions "error_number").
struct Message
{
    QString error; ///< short form ("Invalid job id specified"); empty for warnings
    QString description; ///< long form ("Unable to find JobId=999999")
    QString source; ///< where Slurm noticed it ("slurm_load_job")
    int number = 0; ///< Slurm's error number; -1: "Unspecified error"
    friend bool operator==(const Message&, const Message&) = default;
};

// What every answer says besides its values.
struct AnswerInfo
{
    int httpStatus = 0;
    ApiVersion version = ApiVersion::Unknown; ///< from meta, when it names one
    QString slurmRelease; ///< "22.05.8"
    QList<Message> errors;
    QList<Message> warnings;
};

template <typename T> struct Decoded
{
    T value {};
    AnswerInfo info;
    Failure failure = Failure::None;
    QString error; ///< translated, for the console: why the answer was not used
    bool ok() const { return failure == Failure::None; }
};

// What /openapi/v3 lists (on 22.05 also /openapi and /openapi.json; it needs the token like the rest).
struct Discovery
{
    QList<ApiVersion> slurm; ///< supported versions with /slurm/ paths, newest first
    QList<ApiVersion> slurmdb; ///< supported versions with /slurmdb/ paths (slurmdbd configured), newest first
    QStringList unsupported; ///< versions found that this decoder does not read ("v0.0.36", "v0.0.42")
    bool nodeUpdate = false; ///< POST /slurm/{best}/node/{name} exists (v0.0.39+): drain and resume over REST
    ApiVersion best() const { return slurm.isEmpty() ? ApiVersion::Unknown : slurm.front(); }
    ApiVersion bestSlurmdb() const { return slurmdb.isEmpty() ? ApiVersion::Unknown : slurmdb.front(); }
};

Decoded<Discovery> decodeDiscovery(int httpStatus, const QByteArray& body, const Limits& limits = {});
// The API version an answer's meta names ("openapi/v0.0.38", "data_parser/v0.0.41"), for probing
// /slurm/vX/ping newest first when there is no discovery document.
ApiVersion versionFromAnswer(const QByteArray& body, const Limits& limits = {});

Decoded<QList<Node>> decodeNodes(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits = {});
Decoded<QList<Partition>> decodePartitions(
    ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits = {});
Decoded<QList<Job>> decodeJobs(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits = {});
// GET job/{id}: the job with that id (an array's job/{id} lists every task: the one whose id it is).
Decoded<Job> decodeJob(
    ApiVersion version, qint64 jobId, int httpStatus, const QByteArray& body, const Limits& limits = {});
// GET /slurmdb/vX/jobs: the accounting records (history), one per job id and requeue.
Decoded<QList<Job>> decodeSlurmdbJobs(
    ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits = {});
// An action's answer (DELETE job/{id}, POST job/{id}, POST node/{name}): only its errors and warnings.
Decoded<bool> decodeActionReply(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits = {});

} // namespace Meridian::Slurm
