// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QFuture>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Meridian {
class CacheReader;
}

namespace Meridian::Reports {

// What a report computes with: the cache, a cancel flag, a progress sink. Runs
// on a worker thread: it may block on the reader's futures (the reader has its
// own thread), never on the UI thread.
class ReportContext
{
public:
    ReportContext(
        CacheReader* cache, const std::atomic<bool>* cancel = nullptr, std::function<void(int percent)> progress = {});

    CacheReader* cache() const { return m_cache; }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void progress(int percent) const;
    // Blocks until the reader answers; nullopt when cancelled before or while waiting.
    template <typename T> std::optional<T> wait(QFuture<T> future) const
    {
        if (cancelled())
            return std::nullopt;
        future.waitForFinished();
        if (cancelled() || future.resultCount() == 0)
            return std::nullopt;
        return future.result();
    }

private:
    CacheReader* m_cache;
    const std::atomic<bool>* m_cancel;
    std::function<void(int)> m_progress;
};

// One report type. Adding a report (jobs, latency, faults) is one subclass and
// one line in reportregistry.cpp (see docs/reports.md).
class Report
{
public:
    virtual ~Report() = default;
    virtual QString type() const = 0; ///< command-line name, never translated
    virtual const char* title() const = 0; ///< untranslated, context "Meridian::Reports"
    // nullopt: cancelled. A report with no data in the range is returned with isEmpty().
    virtual std::optional<ReportData> compute(
        const ReportParameters& parameters, const ReportContext& context) const = 0;
};

namespace Registry {
QStringList types();
std::unique_ptr<Report> create(const QString& type); ///< null for an unknown type
} // namespace Registry

// The whole run: computes the report and stamps version and generation time.
// A relative range is resolved against the newest data of the scope first.
std::optional<ReportData> generate(ReportParameters parameters, const ReportContext& context);

} // namespace Meridian::Reports
