// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportwriter.h"

#include "core/reports/reportexport.h"
#include "core/reports/reporttext.h"
#include "ui/reports/reportpdf.h"

#include <QElapsedTimer>
#include <QThread>

namespace Meridian::Reports {

ReportWriter::ReportWriter(QObject* parent)
    : QObject(parent)
{ }

ReportWriter::~ReportWriter()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool ReportWriter::start(const ReportData& data, const QString& format, const QString& path, bool bom)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_lastProgress = -1;
    QElapsedTimer gui;
    gui.start();
    // The only widget work: the charts, recorded here on the GUI thread.
    auto charts = std::make_shared<QList<QPicture>>();
    if (format == QLatin1String("pdf"))
        *charts = recordCharts(data, ReportText(data.parameters.language));
    m_guiThreadMs = gui.elapsed();
    auto cancel = m_cancel;
    m_thread = QThread::create([this, data, format, path, bom, charts, cancel] {
        const ReportText text(data.parameters.language); // its own translator, on this thread
        QString error;
        bool ok = false;
        if (format == QLatin1String("pdf")) {
            PdfOptions options;
            options.charts = charts.get();
            options.cancel = cancel.get();
            options.progress = [this](int percent) {
                if (m_lastProgress.exchange(percent) != percent)
                    Q_EMIT progress(percent);
            };
            ok = writePdf(data, text, path, &error, options);
        } else if (!cancel->load()) {
            ok = format == QLatin1String("xlsx") ? writeXlsx(data, text, path, &error)
                                                 : writeCsv(data, text, path, bom, &error);
        }
        QMetaObject::invokeMethod(
            this,
            [this, ok, error, path, cancel] {
                done();
                if (ok)
                    Q_EMIT written(path);
                else if (cancel->load() || error.isEmpty())
                    Q_EMIT cancelled();
                else
                    Q_EMIT failed(error);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("meridian-report-writer"));
    m_thread->start(QThread::LowPriority);
    return true;
}

void ReportWriter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ReportWriter::done()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace Meridian::Reports
