// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"
#include "ui/common/pagecontext.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace Meridian {
class FleetStore;
} // namespace Meridian

namespace Meridian::Reports {

class ReportRunner;
class ReportWriter;

// The Reports page: pick type, scope, range, language and format; the report
// is computed on a worker thread (progress, cancel), previewed, then written;
// "Open file" / "Show folder" when done. The UI thread only lays out the result.
class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    // Computes with the context's report runner; without one the page says the cache is not available.
    explicit ReportsPage(const PageContext& context, QWidget* parent = nullptr);
    ~ReportsPage() override;

    ReportParameters parameters() const; ///< what the form says now
    QString outputPath() const;
    void setOutputPath(const QString& path);
    QString format() const; ///< "pdf", "csv" or "xlsx"

    // Tests: the controls by role.
    QComboBox* typeBox() const { return m_type; }
    QComboBox* scopeBox() const { return m_scope; }
    QComboBox* rangeBox() const { return m_range; }
    QComboBox* languageBox() const { return m_language; }
    QComboBox* formatBox() const { return m_format; }
    QPushButton* generateButton() const { return m_generate; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QTextBrowser* preview() const { return m_preview; }
    QString statusText() const;

Q_SIGNALS:
    void reportWritten(const QString& path);
    void reportFailed(const QString& message);
    void reportCancelled();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void generate();
    void finished(const ReportData& data);
    void written(const QString& path);
    void setRunning(bool running);
    void refreshScopes();
    void updateTexts();
    void suggestPath();

    FleetStore* m_store;
    QPointer<ReportRunner> m_runner;
    ReportWriter* m_writer;
    QComboBox* m_type;
    QComboBox* m_scope;
    QComboBox* m_range;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QComboBox* m_language;
    QComboBox* m_format;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QPushButton* m_generate;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_openFile;
    QPushButton* m_showFolder;
    QTextBrowser* m_preview;
    QList<QLabel*> m_labels;
    QString m_lastPath;
    QString m_writingFormat;
    int m_writingGaps = 0;
    bool m_pathEdited = false;
};

} // namespace Meridian::Reports
