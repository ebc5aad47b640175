// SPDX-License-Identifier: GPL-3.0-or-later
// The real `meridian` binary: bad arguments give a message and a non-zero exit;
// check-agent runs without a display and reports an agent's health in its exit status;
// the console stopped by a signal closes its cache cleanly.

#include "tests/support/simfixture.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <initializer_list>

namespace {
QStringList args(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* a : list)
        result.append(QString::fromUtf8(a));
    return result;
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList& arguments, int timeoutMs = 30000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("DISPLAY")); // subcommands and argument errors must not need one
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MERIDIAN_CONSOLE_BIN), arguments);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::addRow("unknown option") << args({ "--bogus" }) << QByteArray("bogus");
        QTest::addRow("unknown page") << args({ "--page", "nosuch" }) << QByteArray("nosuch");
        QTest::addRow("page without value") << args({ "--page" }) << QByteArray("page");
        QTest::addRow("unsupported language") << args({ "--lang", "fr" }) << QByteArray("fr");
        QTest::addRow("language twice") << args({ "--lang", "en", "--lang", "zh_CN" }) << QByteArray("lang");
        QTest::addRow("config without value") << args({ "--config" }) << QByteArray("config");
        QTest::addRow("empty config") << args({ "--config", "" }) << QByteArray("config");
        QTest::addRow("missing config file")
            << args({ "--config", "/nonexistent/meridian.json" }) << QByteArray("/nonexistent/meridian.json");
        QTest::addRow("empty cache") << args({ "--cache", "" }) << QByteArray("cache");
        QTest::addRow("stray argument") << args({ "overview" }) << QByteArray("overview");
        QTest::addRow("check-agent without url") << args({ "check-agent" }) << QByteArray("check-agent URL");
        QTest::addRow("check-agent bad url") << args({ "check-agent", "ftp://127.0.0.1/" }) << QByteArray("ftp://");
        QTest::addRow("check-agent two urls")
            << args({ "check-agent", "http://127.0.0.1:1/", "http://127.0.0.1:2/" }) << QByteArray("check-agent URL");
        QTest::addRow("check-agent bad timeout")
            << args({ "check-agent", "http://127.0.0.1:1/", "--timeout", "0" }) << QByteArray("timeout");
        QTest::addRow("check-agent unknown option")
            << args({ "check-agent", "--frobnicate" }) << QByteArray("frobnicate");
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, messagePart);
        QTemporaryDir home;
        const Run r = run(arguments);
        QVERIFY2(r.exitCode > 0, qPrintable(QStringLiteral("exit %1").arg(r.exitCode)));
        QVERIFY2(r.err.contains(messagePart), r.err.constData());
    }

    void help()
    {
        const Run r = run({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        for (const char* option : { "--demo", "--config", "--page", "--lang", "--cache", "check-agent" })
            QVERIFY2(r.out.contains(option), option);
    }

    void signalClosesTheCacheCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }

    // The cache keeps "open.marker" while a writer has it open; a console that ended without closing the
    // cache leaves it behind, and the next start reports an unclean shutdown.
    void signalClosesTheCacheCleanly()
    {
        QFETCH(int, signalNumber);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString cache = home.filePath(QStringLiteral("cache"));
        const QString marker = cache + QStringLiteral("/open.marker");
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config"))); // no sources
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(MERIDIAN_CONSOLE_BIN), { QStringLiteral("--cache"), cache });
        QVERIFY(console.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 60000);

        QCOMPARE(::kill(console.processId(), signalNumber), 0);
        QVERIFY(console.waitForFinished(60000));
        const QByteArray err = console.readAllStandardError();
        QVERIFY2(console.exitStatus() == QProcess::NormalExit, err.constData());
        QVERIFY2(console.exitCode() == 0, err.constData());
        QVERIFY2(!QFile::exists(marker), err.constData());
    }

    void checkAgentUnreachable()
    {
        // Port 1 on loopback: nothing listens there.
        const Run r = run({ QStringLiteral("check-agent"), QStringLiteral("http://127.0.0.1:1/"),
            QStringLiteral("--timeout"), QStringLiteral("5") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("NOT healthy"), r.out.constData());
    }

    void checkAgentAgainstSimulator_data()
    {
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("right token") << true << 0;
        QTest::addRow("no token") << false << 1;
    }

    void checkAgentAgainstSimulator()
    {
        QFETCH(bool, withToken);
        QFETCH(int, exitCode);
        Meridian::Test::SimulatorFixture sim;
        QVERIFY2(sim.start({ QStringLiteral("--nodes"), QStringLiteral("20"), QStringLiteral("--history"),
                     QStringLiteral("2h") }),
            qPrintable(sim.error()));
        QStringList arguments { QStringLiteral("check-agent"), sim.url().toString() };
        if (withToken)
            arguments << QStringLiteral("--token-file") << sim.tokenFile();
        const Run r = run(arguments, 60000);
        QVERIFY2(r.exitCode == exitCode, r.out.constData());
    }

    // The console reads token files as the agents do (core/util/secretfile.h): one others can read is refused
    // with the chmod to run, before anything is sent.
    void checkAgentRefusesATokenOthersCanRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("token"));
        QFile token(path);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("a-token-others-can-read-0123456789\n");
        token.close();
        QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const Run r = run({ QStringLiteral("check-agent"), QStringLiteral("http://127.0.0.1:1/"),
            QStringLiteral("--token-file"), path });
        QCOMPARE(r.exitCode, 1);
        const QByteArray all = r.out + r.err;
        QVERIFY2(all.contains(QByteArray("chmod 600 " + path.toUtf8())), all.constData());
        QVERIFY2(!all.contains("0123456789"), "the token leaked into the report");
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
