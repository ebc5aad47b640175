// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

namespace Meridian {
class CacheReader;
}

namespace Meridian::Reports {

// Computes one report at a time on its own thread; the caller's thread only
// receives the signals (queued). The cache is verified first (schema and PRAGMA quick_check): a damaged
// cache gives damaged(), never a report. cancel() returns at once; the run stops at
// its next cache answer and emits cancelled().
class ReportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ReportRunner(CacheReader* cache, QObject* parent = nullptr);
    ~ReportRunner() override; ///< cancels and joins a running computation

    bool start(const ReportParameters& parameters); ///< false while one is running
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(int percent);
    void finished(const Meridian::Reports::ReportData& data);
    void cancelled();
    void failed(const QString& message);
    // The cache failed its check before the run (CacheReader::verify): nothing was computed, and a report
    // from it would be wrong. Instead of finished().
    void damaged(const QString& detail);

private:
    void done();

    QPointer<CacheReader> m_cache;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::atomic<int> m_lastProgress { -1 };
};

} // namespace Meridian::Reports
