// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plantablewriter.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cmath>

namespace Meridian {

namespace {

using namespace Planner;

struct CommandText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::PlanCommand)
};

constexpr double HourMs = 3600.0 * 1000;

QString number(double v, int decimals)
{
    return std::isnan(v) ? CommandText::tr("unknown") : QString::number(v, 'f', decimals);
}

QString hours(qint64 ms)
{
    return ms < 0 ? CommandText::tr("unknown") : QString::number(double(ms) / HourMs, 'f', 1) + QStringLiteral(" h");
}

QString fitText(const Candidate& c)
{
    QString s = CommandText::tr("%1 free chips, %2 whole nodes").arg(c.fit.freeChips).arg(c.fit.freeWholeNodes);
    if (c.fit.fragmented)
        s += CommandText::tr(" (fragmented: %n whole node(s) needed)", "", c.fit.nodesNeeded);
    return s;
}

QString whenText(const Candidate& c)
{
    switch (c.wait.state) {
    case FitState::Now:
        return CommandText::tr("now");
    case FitState::Later:
        return CommandText::tr("in %1 (%n job(s) end by then, ", "", c.wait.jobsEnding).arg(hours(c.wait.waitMs))
            + CommandText::tr("%n queued ahead)", "", c.wait.queuedAhead);
    case FitState::Unknown:
        return CommandText::tr("unknown (%n running job(s) have no expected end)", "", c.wait.unknownEnds);
    case FitState::Never:
        break;
    }
    return CommandText::tr("never");
}

QString latencyText(const Candidate& c)
{
    if (!c.latency.asked)
        return QStringLiteral("—");
    if (!c.latency.known)
        return CommandText::tr("unknown (no probes %1 → %2)").arg(c.latency.site, c.latency.anchor);
    QString s = CommandText::tr("p50 %1 ms, p99 %2 ms, loss %3 %")
                    .arg(number(c.latency.p50Ms, 2), number(c.latency.p99Ms, 2), number(c.latency.loss * 100, 2));
    if (c.latency.violates)
        s += CommandText::tr(" — BREAKS THE BOUND");
    return s;
}

// "12 faults in 3,400 node-hours": the observation behind the rate, always stated.
QString observationText(const Candidate& c)
{
    return CommandText::tr("%n fault(s) in %1 node-hours", "", c.risk.observedFaults)
        .arg(number(c.risk.observedNodeHours, 1));
}

QString riskText(const Candidate& c)
{
    QString s;
    switch (c.risk.history) {
    case RiskHistory::None:
        s = CommandText::tr("unknown (no fault history)");
        break;
    case RiskHistory::TooShort:
        s = CommandText::tr("not enough history (%1)").arg(observationText(c));
        break;
    case RiskHistory::Enough: {
        const QString interval = std::isinf(c.risk.checkpointIntervalHours)
            ? CommandText::tr("any")
            : number(c.risk.checkpointIntervalHours, 2) + QStringLiteral(" h");
        s = CommandText::tr("%1 expected interruptions (90 % interval %2–%3; %4), checkpoint every %5")
                .arg(number(c.risk.expectedInterruptions, 2), number(c.risk.expectedInterruptionsLow, 2),
                    number(c.risk.expectedInterruptionsHigh, 2), observationText(c), interval);
        break;
    }
    }
    s += CommandText::tr(", median recovery %1")
             .arg(std::isnan(c.risk.medianRecoveryMs)
                     ? CommandText::tr("unknown")
                     : number(c.risk.medianRecoveryMs / 60000, 1) + QStringLiteral(" min"));
    if (c.risk.recoveryOverTarget)
        s += CommandText::tr(" (over the 10-minute target)");
    return s;
}

QString spansText(const Candidate& c, bool wholeNodes)
{
    QStringList parts;
    for (int i = 0; i < c.spans.size(); ++i)
        parts.append(wholeNodes ? CommandText::tr("%1 (%n whole node(s))", "", c.spanShares.value(i)).arg(c.spans[i])
                                : CommandText::tr("%1 (%n chip(s))", "", c.spanShares.value(i)).arg(c.spans[i]));
    return parts.join(QStringLiteral(", "));
}

void printTable(QTextStream& out, const PlanAnswer& a)
{

    out << CommandText::tr("Weights: fit %1, wait %2, latency %3, risk %4")
               .arg(a.weights.fit)
               .arg(a.weights.wait)
               .arg(a.weights.latency)
               .arg(a.weights.risk)
        << '\n';
    for (const Candidate& c : a.candidates) {
        out << QStringLiteral("%1. %2 / %3  [%4]  score %5%6\n")
                   .arg(c.rank)
                   .arg(c.region, c.pool, c.models.join(QStringLiteral(", ")))
                   .arg(c.scores.total, 0, 'f', 3)
                   .arg(c.latency.violates ? CommandText::tr("  (breaks the latency bound)") : QString());
        if (c.spanning())
            out << "   " << CommandText::tr("spans the pools of one site: ") << spansText(c, a.request.wholeNodes)
                << '\n';
        out << "   " << CommandText::tr("fits now: ")
            << (c.fit.fitsNow ? CommandText::tr("yes") : CommandText::tr("no")) << " — " << fitText(c) << '\n';
        out << "   " << CommandText::tr("when: ") << whenText(c) << '\n';
        out << "   " << CommandText::tr("latency: ") << latencyText(c) << '\n';
        out << "   " << CommandText::tr("risk: ") << riskText(c) << '\n';
        out << "   "
            << CommandText::tr("scores: fit %1, wait %2, latency %3, risk %4")
                   .arg(c.scores.fit, 0, 'f', 2)
                   .arg(c.scores.wait, 0, 'f', 2)
                   .arg(c.scores.latency, 0, 'f', 2)
                   .arg(c.scores.risk, 0, 'f', 2)
            << '\n';
    }
    for (const PlanProblem& p : a.problems)
        out << CommandText::tr("No placement: %1").arg(describe(p)) << '\n';
}

} // namespace

void PlanTableWriter::write(const PlanAnswer& answer)
{
    printTable(m_out, answer);
}

} // namespace Meridian
