// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/planjsonwriter.h"

#include <QJsonArray>

#include <cmath>

namespace Meridian {

namespace {

using namespace Planner;

QJsonValue json(double v)
{
    return std::isnan(v) || std::isinf(v) ? QJsonValue() : QJsonValue(v);
}

QString stateKey(FitState s)
{
    switch (s) {
    case FitState::Now:
        return QStringLiteral("now");
    case FitState::Later:
        return QStringLiteral("later");
    case FitState::Unknown:
        return QStringLiteral("unknown");
    case FitState::Never:
        break;
    }
    return QStringLiteral("never");
}

QString historyKey(RiskHistory h)
{
    switch (h) {
    case RiskHistory::None:
        return QStringLiteral("none");
    case RiskHistory::TooShort:
        return QStringLiteral("too-short");
    case RiskHistory::Enough:
        break;
    }
    return QStringLiteral("enough");
}

// The member pools of a spanning candidate and the share each takes; empty for one pool.
QJsonArray spansJson(const Candidate& c, bool wholeNodes)
{
    QJsonArray spans;
    for (int i = 0; i < c.spans.size(); ++i)
        spans.append(QJsonObject { { QStringLiteral("pool"), c.spans[i] },
            { wholeNodes ? QStringLiteral("wholeNodes") : QStringLiteral("chips"), c.spanShares.value(i) } });
    return spans;
}

} // namespace

QJsonObject PlanJsonWriter::toJson(const PlanAnswer& a)
{
    QJsonArray candidates;
    for (const Candidate& c : a.candidates) {
        candidates.append(QJsonObject {
            { QStringLiteral("rank"), c.rank },
            { QStringLiteral("region"), c.region },
            { QStringLiteral("pool"), c.pool },
            { QStringLiteral("models"), QJsonArray::fromStringList(c.models) },
            { QStringLiteral("spanning"), c.spanning() },
            { QStringLiteral("spans"), spansJson(c, a.request.wholeNodes) },
            { QStringLiteral("fit"),
                QJsonObject { { QStringLiteral("chips"), c.fit.chips },
                    { QStringLiteral("freeChips"), c.fit.freeChips },
                    { QStringLiteral("freeWholeNodes"), c.fit.freeWholeNodes },
                    { QStringLiteral("nodesNeeded"), c.fit.nodesNeeded }, { QStringLiteral("fitsNow"), c.fit.fitsNow },
                    { QStringLiteral("fragmented"), c.fit.fragmented } } },
            { QStringLiteral("wait"),
                QJsonObject { { QStringLiteral("state"), stateKey(c.wait.state) },
                    { QStringLiteral("atMs"),
                        c.wait.state == FitState::Later || c.wait.state == FitState::Now ? QJsonValue(c.wait.atMs)
                                                                                         : QJsonValue() },
                    { QStringLiteral("waitMs"), c.wait.waitMs >= 0 ? QJsonValue(c.wait.waitMs) : QJsonValue() },
                    { QStringLiteral("jobsEnding"), c.wait.jobsEnding },
                    { QStringLiteral("queuedAhead"), c.wait.queuedAhead },
                    { QStringLiteral("unknownEnds"), c.wait.unknownEnds } } },
            { QStringLiteral("latency"),
                QJsonObject { { QStringLiteral("site"), c.latency.site },
                    { QStringLiteral("anchor"), c.latency.anchor }, { QStringLiteral("p50Ms"), json(c.latency.p50Ms) },
                    { QStringLiteral("p99Ms"), json(c.latency.p99Ms) },
                    { QStringLiteral("loss"), json(c.latency.loss) },
                    { QStringLiteral("violates"), c.latency.violates } } },
            { QStringLiteral("risk"),
                QJsonObject { { QStringLiteral("history"), historyKey(c.risk.history) },
                    { QStringLiteral("observedFaults"),
                        c.risk.observedFaults >= 0 ? QJsonValue(c.risk.observedFaults) : QJsonValue() },
                    { QStringLiteral("observedNodeHours"), json(c.risk.observedNodeHours) },
                    { QStringLiteral("faultsPerNodeHour"), json(c.risk.faultsPerNodeHour) },
                    { QStringLiteral("faultsPerNodeHourInterval"),
                        QJsonArray { json(c.risk.faultsPerNodeHourLow), json(c.risk.faultsPerNodeHourHigh) } },
                    { QStringLiteral("expectedInterruptions"), json(c.risk.expectedInterruptions) },
                    { QStringLiteral("expectedInterruptionsInterval"),
                        QJsonArray { json(c.risk.expectedInterruptionsLow), json(c.risk.expectedInterruptionsHigh) } },
                    { QStringLiteral("checkpointIntervalHours"), json(c.risk.checkpointIntervalHours) },
                    { QStringLiteral("medianRecoveryMs"), json(c.risk.medianRecoveryMs) },
                    { QStringLiteral("recoveryOverTarget"), c.risk.recoveryOverTarget } } },
            { QStringLiteral("scores"),
                QJsonObject { { QStringLiteral("fit"), c.scores.fit }, { QStringLiteral("wait"), c.scores.wait },
                    { QStringLiteral("latency"), c.scores.latency }, { QStringLiteral("risk"), c.scores.risk },
                    { QStringLiteral("total"), c.scores.total } } },
        });
    }
    QJsonArray problems;
    for (const PlanProblem& p : a.problems)
        problems.append(describe(p));
    return QJsonObject { { QStringLiteral("request"), Planner::toJson(a.request) },
        { QStringLiteral("models"), QJsonArray::fromStringList(a.models) }, { QStringLiteral("nowMs"), a.nowMs },
        { QStringLiteral("weights"),
            QJsonObject { { QStringLiteral("fit"), a.weights.fit }, { QStringLiteral("wait"), a.weights.wait },
                { QStringLiteral("latency"), a.weights.latency }, { QStringLiteral("risk"), a.weights.risk } } },
        { QStringLiteral("best"), stateKey(a.best()) }, { QStringLiteral("candidates"), candidates },
        { QStringLiteral("problems"), problems } };
}

} // namespace Meridian
