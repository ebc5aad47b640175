// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportspage.h"

#include "core/reports/report.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "core/store/fleetstore.h"
#include "ui/reports/reportpreview.h"
#include "ui/reports/reportwriter.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

namespace Meridian::Reports {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
const QList<qint64> RangeSpans = { 24 * HourMs, 7 * 24 * HourMs, 30 * 24 * HourMs }; // then "custom"
} // namespace

ReportsPage::ReportsPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_runner(context.reports)
    , m_writer(new ReportWriter(this))
    , m_type(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_language(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_generate(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_openFile(new QPushButton(this))
    , m_showFolder(new QPushButton(this))
    , m_preview(new QTextBrowser(this))
{
    for (const QString& t : Registry::types())
        m_type->addItem(QString(), t);
    m_range->addItem(QString(), 0);
    m_range->addItem(QString(), 1);
    m_range->addItem(QString(), 2);
    m_range->addItem(QString(), 3);
    m_range->setCurrentIndex(1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (QDateTimeEdit* e : { m_from, m_to }) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    m_from->setDateTime(now.addDays(-7));
    m_to->setDateTime(now);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    if (QLocale().language() == QLocale::Chinese)
        m_language->setCurrentIndex(1);
    m_format->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    m_format->addItem(QStringLiteral("CSV"), QStringLiteral("csv"));
    m_format->addItem(QStringLiteral("XLSX"), QStringLiteral("xlsx"));

    auto* form = new QFormLayout;
    auto label = [this](QWidget* buddy) {
        auto* l = new QLabel(this);
        l->setBuddy(buddy);
        m_labels.append(l);
        return l;
    };
    form->addRow(label(m_type), m_type);
    form->addRow(label(m_scope), m_scope);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_range);
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(m_to);
    rangeRow->addStretch();
    form->addRow(label(m_range), rangeRow);
    form->addRow(label(m_language), m_language);
    form->addRow(label(m_format), m_format);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    form->addRow(label(m_path), pathRow);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_generate);
    actions->addWidget(m_cancel);
    actions->addWidget(m_progress, 1);
    auto* done = new QHBoxLayout;
    done->addWidget(m_status, 1);
    done->addWidget(m_openFile);
    done->addWidget(m_showFolder);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_cancel->setEnabled(false);
    m_openFile->setVisible(false);
    m_showFolder->setVisible(false);
    m_preview->setOpenLinks(false);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addLayout(form, 2);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addLayout(actions);
    layout->addLayout(done);
    layout->addWidget(m_preview, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_from->setEnabled(i == 3);
        m_to->setEnabled(i == 3);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &ReportsPage::suggestPath);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportsPage::suggestPath);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = format() == QLatin1String("csv")
            ? QFileDialog::getExistingDirectory(this, tr("Folder for the CSV files"), outputPath())
            : QFileDialog::getSaveFileName(this, tr("Save report"), outputPath());
        if (!path.isEmpty())
            setOutputPath(path);
    });
    connect(m_generate, &QPushButton::clicked, this, &ReportsPage::generate);
    connect(m_cancel, &QPushButton::clicked, m_writer, &ReportWriter::cancel);
    auto onCancelled = [this] {
        setRunning(false);
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled."));
        Q_EMIT reportCancelled();
    };
    if (m_runner) {
        connect(m_cancel, &QPushButton::clicked, m_runner, &ReportRunner::cancel);
        connect(m_runner, &ReportRunner::progress, m_progress, &QProgressBar::setValue);
        connect(m_runner, &ReportRunner::finished, this, &ReportsPage::finished);
        connect(m_runner, &ReportRunner::cancelled, this, onCancelled);
        connect(m_runner, &ReportRunner::damaged, this, [this](const QString& detail) {
            setRunning(false);
            m_progress->setValue(0);
            const QString message
                = tr("The cache is damaged; no report was made from it (a report from it would be wrong): %1")
                      .arg(detail);
            m_status->setText(message);
            Q_EMIT reportFailed(message);
        });
    }
    connect(m_writer, &ReportWriter::cancelled, this, onCancelled);
    connect(m_writer, &ReportWriter::progress, m_progress, &QProgressBar::setValue);
    connect(m_writer, &ReportWriter::written, this, &ReportsPage::written);
    connect(m_writer, &ReportWriter::failed, this, [this](const QString& error) {
        setRunning(false);
        m_status->setText(error);
        Q_EMIT reportFailed(error);
    });
    connect(m_openFile, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_lastPath)); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] {
        const QFileInfo info(m_lastPath);
        QDesktopServices::openUrl(QUrl::fromLocalFile(info.isDir() ? info.filePath() : info.absolutePath()));
    });

    // New regions and pools appear as sources deliver inventories: refresh the scope
    // list at most every 2 s while the page is visible (a scan of the store's nodes).
    auto* scopesLater = new QTimer(this);
    scopesLater->setSingleShot(true);
    scopesLater->setInterval(2000);
    connect(scopesLater, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_scope->view()->isVisible())
            refreshScopes();
    });
    if (m_store)
        connect(m_store, &FleetStore::changed, scopesLater, [scopesLater] {
            if (!scopesLater->isActive())
                scopesLater->start();
        });

    updateTexts();
    refreshScopes();
    suggestPath();
}

ReportsPage::~ReportsPage() = default;

QString ReportsPage::format() const
{
    return m_format->currentData().toString();
}

QString ReportsPage::outputPath() const
{
    return m_path->text();
}

void ReportsPage::setOutputPath(const QString& path)
{
    m_path->setText(path);
    m_pathEdited = true;
}

QString ReportsPage::statusText() const
{
    return m_status->text();
}

void ReportsPage::suggestPath()
{
    if (m_pathEdited)
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString base = QStringLiteral("meridian-%1-%2")
                             .arg(m_type->currentData().toString(),
                                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString f = format();
    m_path->setText(QDir(dir).filePath(f == QLatin1String("csv") ? base : base + QLatin1Char('.') + f));
}

ReportParameters ReportsPage::parameters() const
{
    ReportParameters p;
    p.type = m_type->currentData().toString();
    p.scope = ReportScope::parse(m_scope->currentData().toString()).value_or(ReportScope {});
    p.language = m_language->currentData().toString();
    const int r = m_range->currentIndex();
    if (r >= 0 && r < RangeSpans.size()) {
        p.relativeSpanMs = RangeSpans[r];
    } else {
        p.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        p.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    return p;
}

void ReportsPage::refreshScopes()
{
    const QString current = m_scope->currentData().toString();
    QSet<QString> regions;
    QSet<std::pair<QString, QString>> pools;
    if (m_store) {
        for (const FleetNode& n : m_store->nodes()) {
            if (n.inventory.region.isEmpty())
                continue;
            regions.insert(n.inventory.region);
            if (!n.inventory.pool.isEmpty())
                pools.insert({ n.inventory.region, n.inventory.pool });
        }
    }
    QStringList regionList = regions.values();
    regionList.sort();
    QList<std::pair<QString, QString>> poolList = pools.values();
    std::sort(poolList.begin(), poolList.end());
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("Whole fleet"), QStringLiteral("fleet"));
    for (const QString& r : regionList)
        m_scope->addItem(tr("Region %1").arg(r), QString(QStringLiteral("region:") + r));
    for (const auto& [r, p] : poolList)
        m_scope->addItem(tr("Pool %1 / %2").arg(r, p), QStringLiteral("pool:%1/%2").arg(r, p));
    const int i = m_scope->findData(current);
    m_scope->setCurrentIndex(i >= 0 ? i : 0);
}

void ReportsPage::generate()
{
    const ReportParameters p = parameters();
    if (p.relativeSpanMs == 0 && p.toMs <= p.fromMs) {
        m_status->setText(tr("The end of the range must be after its start."));
        return;
    }
    if (outputPath().isEmpty()) {
        m_status->setText(tr("Choose where to save the report."));
        return;
    }
    m_openFile->setVisible(false);
    m_showFolder->setVisible(false);
    m_progress->setValue(0);
    if (!m_runner || !m_runner->start(p)) {
        m_status->setText(tr("The cache is not available."));
        return;
    }
    setRunning(true);
    m_status->setText(tr("Computing the report…"));
}

void ReportsPage::finished(const ReportData& data)
{
    const ReportText text(data.parameters.language);
    m_preview->setHtml(previewHtml(data, text));
    if (data.isEmpty()) {
        setRunning(false);
        const QString message = tr("The cache holds no data for this scope and range; nothing was written.");
        m_status->setText(message);
        Q_EMIT reportFailed(message);
        return;
    }
    // The file is written on the writer's thread; the page stays busy (and cancellable) meanwhile.
    m_writingFormat = format();
    m_writingGaps = int(data.gaps.size());
    m_progress->setValue(0);
    if (!m_writer->start(data, m_writingFormat, outputPath())) {
        setRunning(false);
        return;
    }
    m_status->setText(tr("Writing the file…"));
}

void ReportsPage::written(const QString& path)
{
    setRunning(false);
    m_progress->setValue(100);
    m_lastPath = path;
    m_status->setText(m_writingGaps == 0
            ? tr("Saved to %1.").arg(QDir::toNativeSeparators(path))
            : tr("Saved to %1. The data has %n gap(s); the report shows them.", "", m_writingGaps)
                  .arg(QDir::toNativeSeparators(path)));
    m_openFile->setVisible(m_writingFormat != QLatin1String("csv"));
    m_showFolder->setVisible(true);
    Q_EMIT reportWritten(path);
}

void ReportsPage::setRunning(bool running)
{
    m_generate->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*> { m_type, m_scope, m_range, m_language, m_format, m_path })
        w->setEnabled(!running);
}

void ReportsPage::showEvent(QShowEvent* event)
{
    refreshScopes(); // pools appear as sources deliver inventories
    QWidget::showEvent(event);
}

void ReportsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void ReportsPage::updateTexts()
{
    for (int i = 0; i < m_type->count(); ++i) {
        const auto report = Registry::create(m_type->itemData(i).toString());
        m_type->setItemText(i, QCoreApplication::translate("Meridian::Reports", report->title()));
    }
    m_range->setItemText(0, tr("Last 24 hours"));
    m_range->setItemText(1, tr("Last 7 days"));
    m_range->setItemText(2, tr("Last 30 days"));
    m_range->setItemText(3, tr("Custom"));
    const QStringList labels = { tr("Report"), tr("Scope"), tr("Range"), tr("Language"), tr("Format"), tr("Save to") };
    for (qsizetype i = 0; i < m_labels.size() && i < labels.size(); ++i)
        m_labels[i]->setText(labels[i]);
    m_browse->setText(tr("Browse…"));
    m_generate->setText(tr("Generate"));
    m_cancel->setText(tr("Cancel"));
    m_openFile->setText(tr("Open file"));
    m_showFolder->setText(tr("Show folder"));
    m_preview->setPlaceholderText(tr("The preview of the report appears here once it is computed."));
    if (m_scope->count() > 0)
        m_scope->setItemText(0, tr("Whole fleet"));
}

} // namespace Meridian::Reports
