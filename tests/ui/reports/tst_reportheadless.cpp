// SPDX-License-Identifier: GPL-3.0-or-later
// `meridian report --type jobs|faults --demo` without a display: the demo fleet
// (the real meridian-fleetsim) into a fresh cache, then a PDF (checked with
// pdftotext) and the CSV tables.

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestReportHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fromDemo_data();
    void fromDemo();

private:
    QTemporaryDir m_dir;
};

void TestReportHeadless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("poppler-utils (pdftotext) is needed: apt-get install poppler-utils");
}

void TestReportHeadless::fromDemo_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("expected"); ///< text in the PDF, or CSV files written
    QTest::addRow("jobs pdf zh_CN") << QStringLiteral("jobs") << QStringLiteral("pdf") << QStringLiteral("zh_CN")
                                    << QStringList { QStringLiteral("Meridian"), QStringLiteral("job-") };
    QTest::addRow("jobs csv") << QStringLiteral("jobs") << QStringLiteral("csv") << QStringLiteral("en")
                              << QStringList { QStringLiteral("report.csv"), QStringLiteral("figures.csv"),
                                     QStringLiteral("jobs_by_kind_state.csv"),
                                     QStringLiteral("interruption_causes.csv"), QStringLiteral("jobs.csv") };
    QTest::addRow("faults pdf en") << QStringLiteral("faults") << QStringLiteral("pdf") << QStringLiteral("en")
                                   << QStringList { QStringLiteral("Faults by class"),
                                          QStringLiteral("Faults by kind") };
    QTest::addRow("faults csv") << QStringLiteral("faults") << QStringLiteral("csv") << QStringLiteral("en")
                                << QStringList { QStringLiteral("faults_by_class.csv"),
                                       QStringLiteral("faults_by_vendor_model.csv"),
                                       QStringLiteral("faults_by_pool.csv"), QStringLiteral("top_nodes.csv"),
                                       QStringLiteral("top_links.csv"), QStringLiteral("gaps.csv") };
}

void TestReportHeadless::fromDemo()
{
    QFETCH(QString, type);
    QFETCH(QString, format);
    QFETCH(QString, language);
    QFETCH(QStringList, expected);
    const QString out = m_dir.filePath(type + QLatin1Char('.') + format);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), type, QStringLiteral("--range"), QStringLiteral("30d"),
            QStringLiteral("--format"), format, QStringLiteral("--demo"), QStringLiteral("--demo-history"),
            QStringLiteral("2h"), QStringLiteral("--lang"), language, QStringLiteral("-o"), out });
    QVERIFY(p.waitForFinished(180000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    if (format == QLatin1String("pdf")) {
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { out, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(30000));
        const QString body = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString& e : expected)
            QVERIFY2(body.contains(e), qPrintable(e));
    } else {
        const QStringList files = QDir(out).entryList(QDir::Files);
        for (const QString& e : expected)
            QVERIFY2(files.contains(e), qPrintable(files.join(QLatin1Char(' '))));
        QFile report(QDir(out).filePath(QStringLiteral("report.csv")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.readAll().contains(QByteArray("type," + type.toUtf8())));
    }
}

QTEST_GUILESS_MAIN(TestReportHeadless)
#include "tst_reportheadless.moc"
