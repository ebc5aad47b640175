// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Meridian::Reports {

// Writes a computed report as PDF, CSV or XLSX on its own thread, so the UI thread
// never waits for the file. Only the PDF's charts are drawn on the calling (GUI)
// thread first — the chart classes are widgets — as vector recordings the worker
// replays (recordCharts). cancel() returns at once; a cancelled PDF leaves no file.
class ReportWriter : public QObject
{
    Q_OBJECT
public:
    explicit ReportWriter(QObject* parent = nullptr);
    ~ReportWriter() override; ///< cancels and joins a running write

    // format: "pdf", "csv" (path is a directory) or "xlsx". False while one is running.
    bool start(const ReportData& data, const QString& format, const QString& path, bool bom = false);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    qint64 lastGuiThreadMs() const { return m_guiThreadMs; } ///< chart recording of the last start()

Q_SIGNALS:
    void progress(int percent);
    void written(const QString& path);
    void failed(const QString& message);
    void cancelled();

private:
    void done();

    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::atomic<int> m_lastProgress { -1 };
    qint64 m_guiThreadMs = 0;
};

} // namespace Meridian::Reports
