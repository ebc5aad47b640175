// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportrunner.h"

#include "core/cache/cachereader.h"
#include "core/reports/report.h"

#include <QCoreApplication>
#include <QThread>

namespace Meridian::Reports {

ReportRunner::ReportRunner(CacheReader* cache, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
{
    qRegisterMetaType<ReportData>();
}

ReportRunner::~ReportRunner()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool ReportRunner::start(const ReportParameters& parameters)
{
    if (m_thread || !m_cache)
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_lastProgress = -1;
    CacheReader* cache = m_cache;
    auto cancel = m_cancel;
    m_thread = QThread::create([this, cache, cancel, parameters] {
        // Waiting here is waiting on the report's own thread: the reader checks on its thread.
        const CacheVerdict verdict = cache->verify().result();
        if (verdict.state == CacheVerdict::State::Damaged) {
            QMetaObject::invokeMethod(
                this,
                [this, detail = verdict.detail] {
                    done();
                    Q_EMIT damaged(detail);
                },
                Qt::QueuedConnection);
            return;
        }
        const ReportContext context(cache, cancel.get(), [this](int percent) {
            // One signal per percent step: the UI thread never queues thousands of updates.
            if (m_lastProgress.exchange(percent) != percent)
                Q_EMIT progress(percent);
        });
        std::optional<ReportData> data = generate(parameters, context);
        QMetaObject::invokeMethod(
            this,
            [this, data = std::move(data), cancel] {
                done();
                if (cancel->load() || !data)
                    Q_EMIT cancelled();
                else
                    Q_EMIT finished(*data);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("meridian-report"));
    m_thread->start(QThread::LowPriority);
    return true;
}

void ReportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ReportRunner::done()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace Meridian::Reports
