// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/planner/plannertext.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Meridian::PlannerText {
namespace {

using namespace Planner;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::PlannerText)
};

QString number(double v, int decimals)
{
    return std::isnan(v) ? Format::missing() : QLocale().toString(v, 'f', decimals);
}

} // namespace

QString pool(const Candidate& c)
{
    return c.spanning() ? Text::tr("%1 (spanning)").arg(c.pool) : c.pool;
}

QString spans(const Candidate& c, bool wholeNodes)
{
    QStringList parts;
    for (int i = 0; i < c.spans.size(); ++i)
        parts.append(wholeNodes ? Text::tr("%1: %n whole node(s)", "", c.spanShares.value(i)).arg(c.spans[i])
                                : Text::tr("%1: %n chip(s)", "", c.spanShares.value(i)).arg(c.spans[i]));
    return parts.join(QStringLiteral(", "));
}

QString fit(const Candidate& c, bool wholeNodes)
{
    if (c.fit.fragmented && !wholeNodes)
        return Text::tr("%n free chip(s), but only %1 whole node(s)", "", c.fit.freeChips).arg(c.fit.freeWholeNodes);
    if (c.fit.fragmented || wholeNodes)
        return Text::tr("%n free whole node(s) of %1 needed", "", c.fit.freeWholeNodes).arg(c.fit.nodesNeeded) + u' '
            + Text::tr("(%n free chip(s))", "", c.fit.freeChips);
    return Text::tr("%n free chip(s)", "", c.fit.freeChips);
}

QString when(const Candidate& c)
{
    switch (c.wait.state) {
    case FitState::Now:
        return Text::tr("now");
    case FitState::Later:
        return Text::tr("in %1").arg(Format::duration(c.wait.waitMs)) + u' '
            + Text::tr("(%n job(s) end by then,", "", c.wait.jobsEnding) + u' '
            + Text::tr("%n queued ahead)", "", c.wait.queuedAhead);
    case FitState::Unknown:
        return Text::tr("unknown: %n running job(s) have no expected end", "", c.wait.unknownEnds);
    case FitState::Never:
        break;
    }
    return Text::tr("never");
}

QString latency(const Candidate& c)
{
    if (!c.latency.asked)
        return Text::tr("no anchor");
    if (!c.latency.known)
        return Text::tr("unknown (no probes)");
    QString s = Text::tr("p50 %1 ms, p99 %2 ms, loss %3 %")
                    .arg(number(c.latency.p50Ms, 2), number(c.latency.p99Ms, 2), number(c.latency.loss * 100, 2));
    if (c.latency.violates)
        s = Text::tr("over the bound: %1").arg(s);
    return s;
}

QString observation(const Candidate& c)
{
    return Text::tr("%n fault(s) in %1 node-hours", "", c.risk.observedFaults).arg(number(c.risk.observedNodeHours, 1));
}

QString risk(const Candidate& c)
{
    QString s;
    switch (c.risk.history) {
    case RiskHistory::None:
        s = Text::tr("unknown (no fault history)");
        break;
    case RiskHistory::TooShort:
        s = Text::tr("not enough history (%1)").arg(observation(c));
        break;
    case RiskHistory::Enough: {
        const QString interval = std::isinf(c.risk.checkpointIntervalHours)
            ? Text::tr("any checkpoint interval")
            : Text::tr("checkpoint every %1")
                  .arg(Format::duration(qint64(c.risk.checkpointIntervalHours * 3600 * 1000)));
        s = Text::tr("%1 expected interruptions (90 % interval %2–%3; %4), %5")
                .arg(number(c.risk.expectedInterruptions, 2), number(c.risk.expectedInterruptionsLow, 2),
                    number(c.risk.expectedInterruptionsHigh, 2), observation(c), interval);
        break;
    }
    }
    if (!std::isnan(c.risk.medianRecoveryMs))
        s += u' '
            + (c.risk.recoveryOverTarget ? Text::tr("(median recovery %1, over 10 min)")
                                         : Text::tr("(median recovery %1)"))
                  .arg(Format::duration(qint64(c.risk.medianRecoveryMs)));
    return s;
}

QString why(const Candidate& c, const PlannerWeights& w, bool wholeNodes)
{
    const double sum = w.fit + w.wait + w.latency + w.risk;
    auto row = [&](const QString& factor, double weight, double score, const QString& text) {
        return QStringLiteral("<tr><td><b>%1</b></td><td align=right>%2</td><td align=right>%3</td><td>%4</td></tr>")
            .arg(factor.toHtmlEscaped(), number(sum > 0 ? weight / sum : 0, 2), number(score, 2), text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p><b>%1</b></p>")
                       .arg(Text::tr("#%1 %2 / %3: score %4")
                                .arg(c.rank)
                                .arg(regionDisplayName(c.region), pool(c), number(c.scores.total, 3))
                                .toHtmlEscaped());
    if (c.spanning())
        html += QStringLiteral("<p>%1</p>")
                    .arg(Text::tr("Spans the pools of one site: %1. Free chips add up; latency is the worst member's, "
                                  "risk is over the nodes each member gives, and it fits when the last member does.")
                             .arg(spans(c, wholeNodes))
                             .toHtmlEscaped());
    if (c.latency.violates)
        html += QStringLiteral("<p><font color=#c0392b>%1</font></p>")
                    .arg(Text::tr("Breaks the latency bound: listed after every candidate within it.").toHtmlEscaped());
    html += QStringLiteral(
        "<table cellspacing=4><tr><th align=left>%1</th><th>%2</th><th>%3</th><th align=left>%4</th></tr>")
                .arg(Text::tr("Factor"), Text::tr("Weight"), Text::tr("Score"), Text::tr("Why"));
    html += row(Text::tr("Fits now"), w.fit, c.scores.fit, fit(c, wholeNodes));
    html += row(Text::tr("When"), w.wait, c.scores.wait, when(c));
    html += row(Text::tr("Latency"), w.latency, c.scores.latency, latency(c));
    html += row(Text::tr("Risk"), w.risk, c.scores.risk, risk(c));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>%1</p>")
                .arg(Text::tr("Score = Σ weight × factor score ÷ Σ weights; unknown factors score 0, except an unknown "
                              "risk, which scores 0.5 (as one expected interruption): neither best nor worst.")
                         .toHtmlEscaped());
    return html;
}

QString problem(const PlanProblem& p)
{
    switch (p.kind) {
    case PlanProblem::Kind::Invalid:
        return Text::tr("The request is incomplete: %1").arg(p.detail);
    case PlanProblem::Kind::UnknownFamily:
        return Text::tr("No model family is called %1.").arg(p.detail);
    case PlanProblem::Kind::NoQualifyingChips:
        return Text::tr("No pool has %1 with enough memory per chip.").arg(p.detail);
    case PlanProblem::Kind::TooSmall:
        return p.detail == QLatin1String("whole nodes")
            ? Text::tr("No pool is large enough: the largest has %n qualifying whole node(s).", "", p.largest)
            : Text::tr("No pool is large enough: the largest has %n qualifying chip(s).", "", p.largest);
    case PlanProblem::Kind::AllExcluded:
        return Text::tr("The region allow and deny lists leave no pool.");
    }
    return {};
}

} // namespace Meridian::PlannerText
