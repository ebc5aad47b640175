// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/historysync.h"

#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QTimer>

namespace Meridian {

namespace {

constexpr qint64 HourMs = 3600 * 1000;
constexpr int DefaultHistoryHours = 48; // Prometheus::HistoryOptions' default horizon

struct Watch
{
    std::optional<SourceProgress> last;
    qint64 changedMs = 0; ///< when its progress last changed (or the run started)
    bool done = false;
};

} // namespace

HistorySync::HistorySync(QObject* parent)
    : QObject(parent)
{ }

QList<SourceConfig> HistorySync::sourcesToSync(const QList<SourceConfig>& configured, qint64 fromMs, qint64 nowMs)
{
    QList<SourceConfig> out;
    for (SourceConfig s : configured) {
        if (s.kind != SourceConfig::Kind::Prometheus)
            continue;
        if (fromMs > 0 && fromMs < nowMs) {
            const int wanted
                = int(std::min<qint64>(SourceConfig::MaxHistoryHours, (nowMs - fromMs + HourMs - 1) / HourMs + 1));
            const int configuredHours = s.historyHours >= 0 ? s.historyHours : DefaultHistoryHours;
            s.historyHours = std::max(configuredHours, wanted);
        }
        out.append(s);
    }
    return out;
}

bool HistorySync::run(const QList<SourceConfig>& configured, const QString& cachePath, const Options& options,
    QList<Outcome>* outcomes, QString* error)
{
    outcomes->clear();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    const QList<SourceConfig> sources = sourcesToSync(configured, options.fromMs, startMs);
    if (sources.isEmpty())
        return true;
    FleetSession session;
    if (!session.open(cachePath, error))
        return false;
    QHash<QString, Watch> watches;
    for (const SourceConfig& s : sources) {
        watches.insert(s.name, Watch { {}, startMs, false });
        outcomes->append(Outcome { s.name, false, {}, {} });
    }

    QEventLoop loop;
    const auto check = [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        bool allDone = true;
        for (Outcome& outcome : *outcomes) {
            Watch& w = watches[outcome.source];
            if (w.done)
                continue;
            const SourceProgress* p = session.store()->sourceProgress(outcome.source);
            if (p && (!w.last || *w.last != *p)) {
                w.last = *p;
                w.changedMs = now;
                outcome.last = *p;
                Q_EMIT progress(outcome.source, *p);
            }
            if (p && p->historyCaughtUp) {
                w.done = true;
                outcome.caughtUp = true;
                continue;
            }
            // Still reading without complaint: a slow server is waited for (up to the run's timeout).
            const bool failing = !p || !p->problem.isEmpty() || !p->historyProblem.isEmpty();
            if (failing && now - w.changedMs >= options.giveUpMs) {
                w.done = true;
                outcome.problem = !p        ? tr("no answer within %n second(s)", "", int(options.giveUpMs / 1000))
                    : !p->problem.isEmpty() ? p->problem
                                            : p->historyProblem;
                continue;
            }
            allDone = false;
        }
        if (allDone)
            loop.quit();
        else if (now - startMs >= options.timeoutMs)
            loop.quit();
    };
    connect(session.store(), &FleetStore::changed, &loop, check);
    QTimer tick;
    connect(&tick, &QTimer::timeout, &loop, check);
    tick.start(500);
    session.setSources(sources);
    loop.exec();
    for (Outcome& outcome : *outcomes) {
        if (!outcome.caughtUp && outcome.problem.isEmpty())
            outcome.problem = tr("not up to date after %n minute(s)", "", int(options.timeoutMs / 60000));
    }
    // The session's end stops the sources and commits what the cache writer holds.
    session.setSources({});
    return true;
}

} // namespace Meridian
