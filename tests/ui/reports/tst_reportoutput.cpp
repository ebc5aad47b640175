// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF (poppler's pdfinfo/pdftotext/pdffonts as the second reader), the
// Reports page generating a file offscreen, and the headless `meridian report`.

#include "core/cache/cachereader.h"
#include "core/reports/report.h"
#include "core/reports/reportexport.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "tests/core/reports/reportfixture.h"
#include "ui/reports/reportpdf.h"
#include "ui/reports/reportspage.h"
#include "ui/reports/reportwriter.h"

#include <QComboBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::ReportFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString pdftotext(const QString& pdf)
{
    return run(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") }).out;
}

} // namespace

class TestReportOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdf_data();
    void pdf();
    void pageGeneratesReport();
    void pageCancels();
    void writerCancels();
    void latencyCsvRoundTrip();
    void headlessErrors_data();
    void headlessErrors();
    void headlessFromCache();
    void headlessFromDemo();
    void headlessLatencyFromDemo();

private:
    ReportData compute(const QString& type, const QString& language);

    QTemporaryDir m_dir;
    std::unique_ptr<CacheReader> m_reader;
};

void TestReportOutput::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    QVERIFY(ReportFixture::build(m_dir.filePath(QStringLiteral("cache"))));
    m_reader = std::make_unique<CacheReader>(m_dir.filePath(QStringLiteral("cache")));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("poppler-utils (pdftotext, pdfinfo, pdffonts) are needed: apt-get install poppler-utils");
}

ReportData TestReportOutput::compute(const QString& type, const QString& language)
{
    ReportParameters p;
    p.type = type;
    p.language = language;
    p.fromMs = T0;
    p.toMs = T0 + Minutes * Min;
    return generate(p, ReportContext(m_reader.get())).value_or(ReportData {});
}

void TestReportOutput::pdf_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("worker"); ///< written by ReportWriter on its thread (charts recorded here)
    QTest::addRow("availability en") << QStringLiteral("availability") << QStringLiteral("en") << false;
    QTest::addRow("availability zh_CN") << QStringLiteral("availability") << QStringLiteral("zh_CN") << false;
    QTest::addRow("capacity en") << QStringLiteral("capacity") << QStringLiteral("en") << false;
    QTest::addRow("capacity zh_CN") << QStringLiteral("capacity") << QStringLiteral("zh_CN") << false;
    QTest::addRow("latency en") << QStringLiteral("latency") << QStringLiteral("en") << false;
    QTest::addRow("latency zh_CN worker") << QStringLiteral("latency") << QStringLiteral("zh_CN") << true;
    QTest::addRow("availability en worker") << QStringLiteral("availability") << QStringLiteral("en") << true;
    QTest::addRow("jobs en") << QStringLiteral("jobs") << QStringLiteral("en") << false;
    QTest::addRow("jobs zh_CN worker") << QStringLiteral("jobs") << QStringLiteral("zh_CN") << true;
    QTest::addRow("faults en") << QStringLiteral("faults") << QStringLiteral("en") << false;
    QTest::addRow("faults zh_CN") << QStringLiteral("faults") << QStringLiteral("zh_CN") << false;
}

void TestReportOutput::pdf()
{
    QFETCH(QString, type);
    QFETCH(QString, language);
    QFETCH(bool, worker);
    const ReportData d = compute(type, language);
    QVERIFY(!d.isEmpty());
    const ReportText text(language);
    const QString path
        = m_dir.filePath(type + language + (worker ? QStringLiteral("-w") : QString()) + QStringLiteral(".pdf"));
    if (worker) {
        ReportWriter writer;
        QSignalSpy written(&writer, &ReportWriter::written);
        QSignalSpy failed(&writer, &ReportWriter::failed);
        QVERIFY(writer.start(d, QStringLiteral("pdf"), path));
        QVERIFY(writer.isRunning());
        QVERIFY(written.wait(60000));
        QCOMPARE(failed.size(), 0);
    } else {
        QString error;
        QVERIFY2(writePdf(d, text, path, &error), qPrintable(error));
    }

    const Run info = run(QStringLiteral("pdfinfo"), { path });
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains(QStringLiteral("A4")), qPrintable(info.out));
    const int pages = info.out.section(QStringLiteral("Pages:"), 1).section(QLatin1Char('\n'), 0, 0).trimmed().toInt();
    QVERIFY(pages >= 2);

    const QString body = pdftotext(path);
    QVERIFY(body.contains(text.localized(d.title)));
    QVERIFY(body.contains(text.range(d.parameters.fromMs, d.parameters.toMs)));
    QVERIFY(body.contains(text.range(d.gaps[0].fromMs, d.gaps[0].toMs))); // the gap is shown
    QVERIFY(body.contains(text.localized("Page %1 of %2").arg(pages).arg(pages)));
    QVERIFY(body.contains(QStringLiteral("Meridian ") + QStringLiteral(MERIDIAN_VERSION)));
    for (const ReportFigure& f : d.figures)
        QVERIFY2(body.contains(text.display(f.value, f.kind)), qPrintable(text.display(f.value, f.kind)));
    for (const ReportTable& t : d.tables) {
        for (const QVariantList& row : t.rows) // first cell of every row (ids, names, times)
            QVERIFY2(body.contains(text.display(row[0], t.columns[0].kind).left(8)), qPrintable(row[0].toString()));
    }
    if (type == QLatin1String("availability"))
        QVERIFY(body.contains(QStringLiteral("训练"))); // the job's CJK name, drawn and extractable
    for (const ReportChart& c : d.charts) // chart titles, and the recorded charts' own text (axis labels)
        QVERIFY2(body.contains(text.localized(c.title)), c.title);
    if (type == QLatin1String("latency") || type == QLatin1String("availability"))
        QVERIFY2(body.contains(text.localized(d.charts.value(0).yLabel)), qPrintable(body.left(3000)));

    // Fonts embedded (a CJK one included), so the file looks the same on any machine.
    const Run fonts = run(QStringLiteral("pdffonts"), { path });
    QCOMPARE(fonts.exitCode, 0);
    const QStringList rows = fonts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(!rows.isEmpty());
    bool cjk = false;
    for (const QString& row : rows) {
        const QStringList cols = row.simplified().split(QLatin1Char(' '));
        QVERIFY2(cols.size() >= 7 && cols[cols.size() - 5] == QLatin1String("yes"), qPrintable(row)); // emb
        QVERIFY2(cols[cols.size() - 3] == QLatin1String("yes"), qPrintable(row)); // uni: text extracts
        cjk = cjk || row.contains(QStringLiteral("CJK")) || row.contains(QStringLiteral("DroidSansFallback"));
    }
    if (language == QLatin1String("zh_CN") || type == QLatin1String("availability")) // Chinese text on the page
        QVERIFY2(cjk, qPrintable(fonts.out));
}

void TestReportOutput::pageGeneratesReport()
{
    ReportRunner runner(m_reader.get());
    PageContext context;
    context.reports = &runner;
    ReportsPage page(context);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.typeBox()->setCurrentIndex(page.typeBox()->findData(QStringLiteral("availability")));
    page.rangeBox()->setCurrentIndex(2); // 30 days, ending with the newest data
    page.formatBox()->setCurrentIndex(page.formatBox()->findData(QStringLiteral("pdf")));
    const QString path = m_dir.filePath(QStringLiteral("page.pdf"));
    page.setOutputPath(path);
    QSignalSpy written(&page, &ReportsPage::reportWritten);
    QTest::mouseClick(page.generateButton(), Qt::LeftButton);
    QVERIFY(!page.generateButton()->isEnabled());
    QVERIFY(page.cancelButton()->isEnabled());
    QVERIFY(written.wait(30000));
    QCOMPARE(written.at(0).at(0).toString(), path);
    QCOMPARE(page.progressBar()->value(), 100);
    QVERIFY(page.generateButton()->isEnabled());
    QVERIFY(page.statusText().contains(QStringLiteral("gap")));
    QVERIFY(page.preview()->toPlainText().contains(QStringLiteral("east-a")));
    QCOMPARE(run(QStringLiteral("pdfinfo"), { path }).exitCode, 0);
    QVERIFY(pdftotext(path).contains(QStringLiteral("Availability")));

    // The same page writes CSV too, one file per table in a folder.
    page.formatBox()->setCurrentIndex(page.formatBox()->findData(QStringLiteral("csv")));
    const QString dir = m_dir.filePath(QStringLiteral("page-csv"));
    page.setOutputPath(dir);
    QTest::mouseClick(page.generateButton(), Qt::LeftButton);
    QVERIFY(written.wait(30000));
    QVERIFY(QFile::exists(dir + QStringLiteral("/availability_by_pool.csv")));
}

void TestReportOutput::pageCancels()
{
    CacheReader reader(m_dir.filePath(QStringLiteral("cache")));
    ReportRunner runner(&reader);
    PageContext context;
    context.reports = &runner;
    ReportsPage page(context);
    page.show();
    page.setOutputPath(m_dir.filePath(QStringLiteral("cancelled.pdf")));
    // Hold the reader's second query until the cancel click has happened.
    QSemaphore release;
    std::atomic<int> queries { 0 };
    reader.setJobObserver([&] {
        if (++queries == 2)
            release.acquire();
    });
    QSignalSpy cancelled(&page, &ReportsPage::reportCancelled);
    QSignalSpy written(&page, &ReportsPage::reportWritten);
    QTest::mouseClick(page.generateButton(), Qt::LeftButton);
    QTRY_COMPARE(queries.load(), 2);
    QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
    release.release();
    QVERIFY(cancelled.wait(10000));
    QCOMPARE(written.size(), 0);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("cancelled.pdf"))));
    QVERIFY(page.generateButton()->isEnabled());
    reader.setJobObserver({});
}

void TestReportOutput::writerCancels()
{
    // A long PDF (400+ pages), cancelled from the writer's own progress callback after its first table.
    ReportData d = compute(QStringLiteral("availability"), QStringLiteral("en"));
    ReportTable big;
    big.id = QStringLiteral("big");
    big.title = "big";
    big.columns = { { "n", ValueKind::Integer } };
    for (qint64 i = 0; i < 20000; ++i)
        big.rows.append(QVariantList { i });
    d.tables.append(big);
    const QString path = m_dir.filePath(QStringLiteral("writer-cancelled.pdf"));
    ReportWriter writer;
    QSignalSpy cancelled(&writer, &ReportWriter::cancelled);
    QSignalSpy written(&writer, &ReportWriter::written);
    connect(
        &writer, &ReportWriter::progress, &writer, [&writer] { writer.cancel(); }, Qt::DirectConnection);
    QVERIFY(writer.start(d, QStringLiteral("pdf"), path));
    QVERIFY(cancelled.wait(60000));
    QCOMPARE(written.size(), 0);
    QVERIFY(!writer.isRunning());
    QVERIFY(!QFile::exists(path));
}

void TestReportOutput::latencyCsvRoundTrip()
{
    // CSV written off the UI thread, read back: every cell of every table as the report holds it.
    const ReportData d = compute(QStringLiteral("latency"), QStringLiteral("en"));
    QVERIFY(!d.isEmpty());
    const QString dir = m_dir.filePath(QStringLiteral("latency-csv"));
    ReportWriter writer;
    QSignalSpy written(&writer, &ReportWriter::written);
    QVERIFY(writer.start(d, QStringLiteral("csv"), dir));
    QVERIFY(written.wait(60000));
    for (const ReportTable& t : d.tables) {
        QFile f(dir + QLatin1Char('/') + t.id + QStringLiteral(".csv"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(t.id));
        const auto rows = parseCsv(f.readAll());
        QVERIFY(rows);
        QCOMPARE(rows->size(), t.rows.size() + 1); // the header
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            for (qsizetype c = 0; c < t.columns.size(); ++c)
                QCOMPARE(rows->at(r + 1).value(c), ReportText::machine(t.rows[r][c], t.columns[c].kind));
        }
    }
    QVERIFY(!d.tables.isEmpty() && d.tables.first().id == QStringLiteral("latency_pairs"));
}

void TestReportOutput::headlessErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/tmp/never-written.pdf");
    QTest::addRow("no type") << QStringList { QStringLiteral("-o"), out } << 2 << QStringLiteral("--type");
    QTest::addRow("bad type") << QStringList { QStringLiteral("--type"), QStringLiteral("nope"), QStringLiteral("-o"),
        out } << 2 << QStringLiteral("--type");
    QTest::addRow("bad scope") << QStringList { QStringLiteral("--type"), QStringLiteral("capacity"),
        QStringLiteral("--scope"), QStringLiteral("pool:x"), QStringLiteral("-o"), out }
                               << 2 << QStringLiteral("--scope");
    QTest::addRow("bad range") << QStringList { QStringLiteral("--type"), QStringLiteral("capacity"),
        QStringLiteral("--range"), QStringLiteral("yesterday"), QStringLiteral("-o"), out }
                               << 2 << QStringLiteral("--range");
    QTest::addRow("bad format") << QStringList { QStringLiteral("--type"), QStringLiteral("capacity"),
        QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("-o"), out }
                                << 2 << QStringLiteral("--format");
    QTest::addRow("no output") << QStringList { QStringLiteral("--type"), QStringLiteral("capacity") } << 2
                               << QStringLiteral("-o");
    QTest::addRow("no cache") << QStringList { QStringLiteral("--type"), QStringLiteral("capacity"),
        QStringLiteral("--cache"), QStringLiteral("/nonexistent/cache"), QStringLiteral("-o"), out }
                              << 1 << QStringLiteral("no cache");
}

void TestReportOutput::headlessErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(QStringLiteral(MERIDIAN_BIN), QStringList { QStringLiteral("report") } + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.pdf")));
}

void TestReportOutput::headlessFromCache()
{
    const QString cache = m_dir.filePath(QStringLiteral("cache"));
    const QString range = QStringLiteral("2025-06-15T15:07:00Z..2025-06-15T18:07:00Z"); // the fixture's 3 hours
    // Empty for the range asked: a clear error and no file.
    const QString empty = m_dir.filePath(QStringLiteral("empty.pdf"));
    Run r = run(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("capacity"), QStringLiteral("--range"),
            QStringLiteral("2024-01-01..2024-01-02"), QStringLiteral("--cache"), cache, QStringLiteral("-o"), empty });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no data")), qPrintable(r.err));
    QVERIFY(!QFile::exists(empty));

    const QString xlsx = m_dir.filePath(QStringLiteral("cmd.xlsx"));
    r = run(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("availability"), QStringLiteral("--scope"),
            QStringLiteral("region:east"), QStringLiteral("--range"), range, QStringLiteral("--format"),
            QStringLiteral("xlsx"), QStringLiteral("--cache"), cache, QStringLiteral("-o"), xlsx });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(xlsx).size() > 1000);

    const QString csv = m_dir.filePath(QStringLiteral("cmd-csv"));
    r = run(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("availability"), QStringLiteral("--range"),
            range, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--bom"),
            QStringLiteral("--cache"), cache, QStringLiteral("-o"), csv });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile report(csv + QStringLiteral("/report.csv"));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray content = report.readAll();
    QVERIFY(content.startsWith("\xEF\xBB\xBF"));
    QVERIFY(content.contains("gaps,1\r\n"));
    QVERIFY(content.contains("data_from,2025-06-15T15:07:00Z\r\n"));
    QVERIFY(content.contains("console_version," MERIDIAN_VERSION "\r\n"));
}

void TestReportOutput::headlessFromDemo()
{
    // The real thing: the demo fleet (meridian-fleetsim) into a fresh cache, then a PDF, no display.
    const QString pdf = m_dir.filePath(QStringLiteral("demo.pdf"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("availability"), QStringLiteral("--demo"),
            QStringLiteral("--demo-history"), QStringLiteral("1h"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
            QStringLiteral("-o"), pdf });
    QVERIFY(p.waitForFinished(280000)); // a functional bound under the test's 300 s (alone it takes ~25 s)
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(pdftotext(pdf).contains(QStringLiteral("Meridian")));
}

void TestReportOutput::headlessLatencyFromDemo()
{
    // The demo's pre-generated history carries probe windows: a latency report with every site pair.
    const QString dir = m_dir.filePath(QStringLiteral("demo-latency"));
    const Run r = run(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("latency"), QStringLiteral("--demo"),
            QStringLiteral("--demo-history"), QStringLiteral("1h"), QStringLiteral("--range"), QStringLiteral("24h"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), dir },
        240000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile pairs(dir + QStringLiteral("/latency_pairs.csv"));
    QVERIFY(pairs.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(pairs.readAll());
    QVERIFY(rows);
    QVERIFY2(rows->size() > 20, qPrintable(QString::number(rows->size()))); // 11 sites: ~110 ordered pairs
    // An hour of history: each pair was probed for about an hour of the 24, the rest is "no data".
    const double noData = rows->at(1).value(5).toDouble();
    QVERIFY2(noData > 90 && noData < 100, qPrintable(rows->at(1).join(QLatin1Char(','))));
}

QTEST_MAIN(TestReportOutput)
#include "tst_reportoutput.moc"
