// SPDX-License-Identifier: GPL-3.0-or-later
// Token, roles and key files are read as ssh reads its keys (core/util/secretfile.h): the helper on every
// kind of path, then the real meridian-agent and meridian-fleetsim refusing each kind at start (exit 2, the
// reason and the chmod to run on stderr) instead of hanging on a FIFO or serving with a leaked token.

#include "core/util/secretfile.h"
#include "tests/support/processharness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using Meridian::SecretFile;

namespace {

constexpr qsizetype Max = 4096;
const QByteArray Token = QByteArrayLiteral("secret-token-0123456789abcdef");

// Every kind of path a token option may be given, made in `dir`; returns the path.
QString make(const QTemporaryDir& dir, const QString& kind)
{
    const QString path = dir.filePath(kind);
    auto file = [&](const QByteArray& content, QFileDevice::Permissions mode) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.setPermissions(mode);
        f.write(content);
        return path;
    };
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (kind == QLatin1String("private"))
        return file(Token + '\n', owner);
    if (kind == QLatin1String("readable-by-all"))
        return file(Token + '\n', owner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (kind == QLatin1String("group-readable"))
        return file(Token + '\n', owner | QFileDevice::ReadGroup);
    if (kind == QLatin1String("binary"))
        return file(QByteArray("secret-token-\x00\x01\x1b[2J0123456789", 29), owner);
    if (kind == QLatin1String("huge"))
        return file(QByteArray(Max + 1, 'a'), owner);
    if (kind == QLatin1String("fifo")) {
        ::mkfifo(QFile::encodeName(path).constData(), 0600);
        return path;
    }
    if (kind == QLatin1String("directory")) {
        QDir().mkpath(path);
        QFile::setPermissions(path, owner | QFileDevice::ExeOwner);
        return path;
    }
    if (kind == QLatin1String("link-to-private")) {
        QFile::link(make(dir, QStringLiteral("private")), path);
        return path;
    }
    if (kind == QLatin1String("link-to-fifo")) {
        QFile::link(make(dir, QStringLiteral("fifo")), path);
        return path;
    }
    return path; // "missing"
}

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QByteArray err;
};

Run run(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    Run r;
    r.finished = p.waitForFinished(20000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitCode();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestSecretFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helper_data();
    void helper();
    void printableText_data();
    void printableText();
    void deviceIsRefused();
    void agentRefusesAtStart_data();
    void agentRefusesAtStart();
    void simulatorRefusesRolesFile_data();
    void simulatorRefusesRolesFile();
    void agentStartsWithAPrivateFileBehindALink();

private:
    QTemporaryDir m_dir;
};

void TestSecretFiles::helper_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason");
    QTest::addRow("0600") << "private" << true << QString();
    QTest::addRow("symbolic link to a 0600 file") << "link-to-private" << true << QString();
    QTest::addRow("0644") << "readable-by-all" << false << QStringLiteral("mode 0644); run: chmod 600 ");
    QTest::addRow("0640") << "group-readable" << false << QStringLiteral("mode 0640); run: chmod 600 ");
    QTest::addRow("FIFO") << "fifo" << false << QStringLiteral("is a FIFO; it must be a regular file");
    QTest::addRow("link to a FIFO") << "link-to-fifo" << false << QStringLiteral("is a FIFO");
    QTest::addRow("directory") << "directory" << false << QStringLiteral("is a directory");
    QTest::addRow("binary") << "binary" << false << QStringLiteral("binary data at byte 13");
    QTest::addRow("huge") << "huge" << false << QStringLiteral("larger than 4096 bytes");
    QTest::addRow("missing") << "missing" << false << QStringLiteral("No such file");
}

void TestSecretFiles::helper()
{
    QFETCH(QString, kind);
    QFETCH(bool, ok);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = make(dir, kind);
    const SecretFile::Result r = SecretFile::read(path, Max, QStringLiteral("token file"));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r.content, Token + '\n');
        return;
    }
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    QVERIFY2(r.error.contains(path), qPrintable(r.error));
    if (reason.contains(QLatin1String("chmod")))
        QVERIFY2(r.error.endsWith(QStringLiteral("chmod 600 ") + path), qPrintable(r.error));
    // A certificate is not secret: the mode does not matter there, the kind of file does.
    const SecretFile::Result pub = SecretFile::readPublic(path, Max, QStringLiteral("certificate"));
    QCOMPARE(pub.ok(), kind == QLatin1String("readable-by-all") || kind == QLatin1String("group-readable"));
}

void TestSecretFiles::printableText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("firstBad");
    QTest::addRow("ascii") << QByteArray("viewer abc\r\n\tadmin x\n") << -1;
    QTest::addRow("utf-8 comment") << QByteArray("# 运维组\nviewer abc\n") << -1;
    QTest::addRow("emoji") << QByteArray("# \xF0\x9F\x94\x91\n") << -1;
    QTest::addRow("NUL") << QByteArray("abc\0def", 7) << 3;
    QTest::addRow("escape") << QByteArray("ab\x1b[31m") << 2;
    QTest::addRow("DEL") << QByteArray("ab\x7f") << 2;
    QTest::addRow("C1 control") << QByteArray("ab\xC2\x85") << 2;
    QTest::addRow("overlong") << QByteArray("ab\xC0\xAF") << 2;
    QTest::addRow("truncated sequence") << QByteArray("ab\xE4\xB8") << 2;
    QTest::addRow("latin-1") << QByteArray("caf\xE9!") << 3;
    QTest::addRow("zero-width space") << QByteArray("a\xE2\x80\x8B") << 1;
}

void TestSecretFiles::printableText()
{
    QFETCH(QByteArray, text);
    QFETCH(int, firstBad);
    QCOMPARE(SecretFile::firstUnprintable(text), qsizetype(firstBad));
}

void TestSecretFiles::deviceIsRefused()
{
    const SecretFile::Result r = SecretFile::readPublic(QStringLiteral("/dev/zero"), Max, QStringLiteral("token file"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("is a device")), qPrintable(r.error));
}

void TestSecretFiles::agentRefusesAtStart_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    for (const char* option : { "--token-file", "--tokens-file" }) {
        const QString o = QString::fromLatin1(option);
        QTest::addRow("%s 0644", option) << o << "readable-by-all" << QStringLiteral("run: chmod 600 ");
        QTest::addRow("%s FIFO", option) << o << "fifo" << QStringLiteral("is a FIFO");
        QTest::addRow("%s directory", option) << o << "directory" << QStringLiteral("is a directory");
        QTest::addRow("%s binary", option) << o << "binary" << QStringLiteral("binary data");
    }
    QTest::addRow("--token-file huge") << "--token-file"
                                       << "huge" << QStringLiteral("larger than 4096 bytes");
}

// The FIFO case hung the agent before it listened; now every case ends at once with exit 2.
void TestSecretFiles::agentRefusesAtStart()
{
    QFETCH(QString, option);
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = make(dir, kind);
    const Run r = run(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), option, path, QStringLiteral("--audit-log"),
            dir.filePath(QStringLiteral("audit.log")) });
    QVERIFY2(r.finished, "the agent did not end: it must refuse the file at start");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(reason.toUtf8()) && r.err.contains(path.toUtf8()), r.err.constData());
    if (reason.contains(QLatin1String("chmod")))
        QVERIFY2(r.err.contains(QByteArray("chmod 600 " + path.toUtf8())), r.err.constData());
}

void TestSecretFiles::simulatorRefusesRolesFile_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addRow("--tokens-file 0644") << "--tokens-file"
                                        << "readable-by-all" << QStringLiteral("run: chmod 600 ");
    QTest::addRow("--token-file FIFO") << "--token-file"
                                       << "fifo" << QStringLiteral("is a FIFO");
    QTest::addRow("--token-file 0640") << "--token-file"
                                       << "group-readable" << QStringLiteral("run: chmod 600 ");
}

void TestSecretFiles::simulatorRefusesRolesFile()
{
    QFETCH(QString, option);
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = make(dir, kind);
    const Run r = run(QStringLiteral(MERIDIAN_FLEETSIM_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--nodes"), QStringLiteral("4"),
            option, path });
    QVERIFY2(r.finished, "the simulator did not end: it must refuse the file at start");
    QVERIFY2(r.exitCode != 0, r.err.constData());
    QVERIFY2(r.err.contains(reason.toUtf8()) && r.err.contains(path.toUtf8()), r.err.constData());
}

// Kubernetes mounts secrets as links into `..data/`: a link to a private file is what ssh accepts too.
void TestSecretFiles::agentStartsWithAPrivateFileBehindALink()
{
    QTemporaryDir dir;
    Meridian::Test::ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
            make(dir, QStringLiteral("link-to-private")), QStringLiteral("--audit-log"),
            dir.filePath(QStringLiteral("audit.log")) });
    QVERIFY2(agent.start(), qPrintable(agent.error()));
}

QTEST_GUILESS_MAIN(TestSecretFiles)
#include "tst_secretfiles.moc"
