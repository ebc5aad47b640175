// SPDX-License-Identifier: GPL-3.0-or-later
// The UI thread's part of updating an open answer on a fleet tick (issue 19 §5: ≤ 16 ms), at 120 candidates, the
// most a 120-pool fleet gives: PlannerAnswerView::showAnswer() — re-rank with the sliders' weights, summary, the
// table's rows with every factor in words, the selection kept, "why this rank" — and rerank on new weights (a
// slider moved). The worker's part is bench_planner.
// - planner_ui_show_answer: median of 21 showAnswer() calls on a shown view (offscreen);
// - planner_ui_reweigh: median of 21 reweigh() calls.

#include "core/planner/planner.h"
#include "tests/bench/planner/benchline.h"
#include "ui/planner/planneranswerview.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Meridian;
using namespace Meridian::Planner;

namespace {

constexpr qint64 Now = 1'767'225'600'000;
constexpr qint64 HourMs = 3600 * 1000;

// 120 candidates with every factor known (the longest texts), a third fitting now, a third later, a third unknown.
PlanAnswer answerOf120()
{
    PlanAnswer a;
    a.request.model = QStringLiteral("model-3");
    a.request.count = 256;
    a.request.wholeNodes = true;
    a.request.durationMs = 7 * 24 * HourMs;
    a.request.anchorSite = QStringLiteral("site7");
    a.request.maxP99Ms = 30;
    a.nowMs = Now;
    for (int p = 0; p < 120; ++p) {
        Candidate c;
        c.region = QStringLiteral("region-%1").arg(p % 11);
        c.pool = QStringLiteral("site%1-pool%2").arg(p % 30).arg(p);
        c.models = { a.request.model };
        c.fit = { 1664, 300 + p, 31 + p % 5, 8, 32, 0, p % 3 == 0, p % 3 != 0 };
        c.wait.state = p % 3 == 0 ? FitState::Now : p % 3 == 1 ? FitState::Later : FitState::Unknown;
        c.wait.atMs = Now + p * HourMs;
        c.wait.waitMs = c.wait.state == FitState::Later ? p * HourMs : -1;
        c.wait.jobsEnding = p % 17;
        c.wait.queuedAhead = p % 4;
        c.wait.unknownEnds = p % 6;
        c.latency = { true, QStringLiteral("site%1").arg(p % 30), a.request.anchorSite, 5.0 + p % 30, 9.0 + p % 40,
            0.001, 30, {}, true, 9.0 + p % 40 > 30 };
        c.risk.history = RiskHistory::Enough;
        c.risk.observedFaults = 12 + p;
        c.risk.observedNodeHours = 3400 + p;
        c.risk.faultsPerNodeHour = c.risk.observedFaults / c.risk.observedNodeHours;
        c.risk.expectedInterruptions = c.risk.faultsPerNodeHour * 32 * 168;
        c.risk.expectedInterruptionsLow = c.risk.expectedInterruptions * 0.6;
        c.risk.expectedInterruptionsHigh = c.risk.expectedInterruptions * 1.6;
        c.risk.checkpointIntervalHours = 2 * 0.01 / (c.risk.faultsPerNodeHour * 32);
        c.risk.medianRecoveryMs = 300000 + p * 1000;
        c.risk.recoveries = 5;
        for (int n = 0; n < 40; ++n)
            c.freeNodes.append(QStringLiteral("node-%1").arg(p * 200 + n, 5, 10, QLatin1Char('0')));
        a.candidates.append(c);
    }
    rerank(&a, {});
    return a;
}

using PlannerBench::bench;
using PlannerBench::median;

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    PlannerAnswerView view;
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();
    const PlanAnswer answer = answerOf120();
    view.showAnswer(answer, {}); // the first answer: the table's layout fits its columns once
    QApplication::processEvents();
    QList<double> show, reweigh;
    for (int run = 0; run < 21; ++run) {
        QElapsedTimer t;
        t.start();
        view.showAnswer(answer, {}); // a tick's new answer for the open question
        show.append(t.nsecsElapsed() / 1e6);
        QApplication::processEvents(); // the repaint, outside the figure: Qt paints after the handler returns
        t.restart();
        view.reweigh(run % 2 ? PlannerWeights { 0.1, 0.3, 0.3, 0.3 } : PlannerWeights {});
        reweigh.append(t.nsecsElapsed() / 1e6);
        QApplication::processEvents();
    }
    std::printf("# %lld candidates\n", qlonglong(view.answer().candidates.size()));
    bench("planner_ui_show_answer", median(show), "ms");
    bench("planner_ui_reweigh", median(reweigh), "ms");
    return view.answer().candidates.size() == 120 ? 0 : 1;
}
