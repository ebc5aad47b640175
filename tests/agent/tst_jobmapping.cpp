// SPDX-License-Identifier: GPL-3.0-or-later
// The job-mapping directory: good layout, and oversized / garbage / hostile files.

#include "agent/node/jobmapping.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Agent;

namespace {
void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}
} // namespace

class TestJobMapping : public QObject
{
    Q_OBJECT
private slots:
    void goodDirectory()
    {
        const JobMapping m = JobMappingReader::read(QStringLiteral(MERIDIAN_FIXTURES_DIR "/jobmapping/good"), 8);
        QCOMPARE(m.jobByAccelerator.size(), 3);
        QCOMPARE(m.jobByAccelerator.value(0), QStringLiteral("train-42"));
        QCOMPARE(m.jobByAccelerator.value(1), QStringLiteral("train-42"));
        QVERIFY(!m.jobByAccelerator.contains(2)); // empty file: free
        QCOMPARE(m.jobByAccelerator.value(3), QStringLiteral("infer-7"));
        QCOMPARE(m.jobs.size(), 2);
        const auto& train = m.jobs[1];
        QCOMPARE(train.jobId, QStringLiteral("train-42"));
        QCOMPARE(train.accelerators, QList<int>({ 0, 1 }));
        QCOMPARE(train.name, QStringLiteral("llm-pretrain-70b"));
        QCOMPARE(train.tenant, QStringLiteral("lab-a"));
        QCOMPARE(train.user, QStringLiteral("zhang.wei"));
        QCOMPARE(train.kind, QStringLiteral("training"));
        QCOMPARE(train.state, QStringLiteral("checkpointing"));
        QCOMPARE(train.lastCheckpointMs, 1767225000000LL);
        // infer-7.json has a number for "name": the job stays, its description is dropped, a warning says why.
        QCOMPARE(m.jobs[0].jobId, QStringLiteral("infer-7"));
        QVERIFY(m.jobs[0].name.isEmpty());
        QCOMPARE(m.warnings.size(), 1);
        QVERIFY2(m.warnings[0].contains(QStringLiteral("infer-7.json: name")), qPrintable(m.warnings[0]));
    }

    void hostile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("warning");
        QTest::addRow("oversized mapping")
            << QStringLiteral("0") << QByteArray(5000, 'a') << QStringLiteral("larger than 4096");
        QTest::addRow("path in job id") << QStringLiteral("0") << QByteArray("../../etc/passwd\n")
                                        << QStringLiteral("forbidden characters");
        QTest::addRow("binary garbage") << QStringLiteral("0") << QByteArray("\x01\x02\xff\xfe", 4)
                                        << QStringLiteral("forbidden characters");
        QTest::addRow("too long id") << QStringLiteral("0") << QByteArray(200, 'j') << QStringLiteral("too long");
        QTest::addRow("no such accelerator")
            << QStringLiteral("9") << QByteArray("job-1") << QStringLiteral("no accelerator");
        QTest::addRow("oversized job json")
            << QStringLiteral("jobs/job-1.json") << QByteArray(70000, ' ') << QStringLiteral("larger than 65536");
        QTest::addRow("garbage job json")
            << QStringLiteral("jobs/job-1.json") << QByteArray("{not json") << QStringLiteral("not a JSON object");
        QTest::addRow("seconds as ms") << QStringLiteral("jobs/job-1.json") << QByteArray("{\"startedMs\": 1767222000}")
                                       << QStringLiteral("startedMs");
        QTest::addRow("user not a string")
            << QStringLiteral("jobs/job-1.json") << QByteArray("{\"user\": 1001}") << QStringLiteral("user: expected");
        QTest::addRow("user too long") << QStringLiteral("jobs/job-1.json")
                                       << QByteArray("{\"user\": \"" + QByteArray(300, 'u') + "\"}")
                                       << QStringLiteral("user: expected");
        QTest::addRow("user with newline")
            << QStringLiteral("jobs/job-1.json") << QByteArray("{\"user\": \"eve\\nroot\"}")
            << QStringLiteral("user: control characters");
        QTest::addRow("unknown kind") << QStringLiteral("jobs/job-1.json") << QByteArray("{\"kind\": \"mining\"}")
                                      << QStringLiteral("kind: unknown");
    }

    void hostile()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        write(dir.filePath(QStringLiteral("1")), "job-1\n"); // a good neighbour keeps working
        write(dir.filePath(file), content);
        const JobMapping m = JobMappingReader::read(dir.path(), 4);
        QCOMPARE(m.jobByAccelerator.value(1), QStringLiteral("job-1"));
        QVERIFY(!m.jobByAccelerator.contains(0));
        QVERIFY(!m.warnings.isEmpty());
        QVERIFY2(m.warnings.join(u'\n').contains(warning), qPrintable(m.warnings.join(u'\n')));
    }

    void missingDirectory()
    {
        const JobMapping m = JobMappingReader::read(QStringLiteral("/nonexistent/job-map"), 4);
        QVERIFY(m.jobByAccelerator.isEmpty());
        QCOMPARE(m.warnings.size(), 1);
        QVERIFY(JobMappingReader::read(QString(), 4).warnings.isEmpty()); // not configured
    }

    void symlinkToSpecialFileIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("0"))));
        const JobMapping m = JobMappingReader::read(dir.path(), 4);
        QVERIFY(m.jobByAccelerator.isEmpty());
        QVERIFY(m.warnings.join(u'\n').contains(QStringLiteral("not a regular file")));
    }
};

QTEST_GUILESS_MAIN(TestJobMapping)
#include "tst_jobmapping.moc"
