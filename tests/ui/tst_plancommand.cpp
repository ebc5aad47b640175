// SPDX-License-Identifier: GPL-3.0-or-later
// `meridian plan` as a script runs it: 2 for bad arguments (without starting any fleet), and on the demo fleet
// 0 when a candidate fits now, 3 when none does now but one fits later, 1 when no pool can hold the job — with
// the table, or JSON whose figures say the same.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList& arguments, int timeoutMs = 240000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the command needs no display
    static QTemporaryDir home;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path()); // no user override of the families
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MERIDIAN_CONSOLE_BIN), QStringList { QStringLiteral("plan") } + arguments);
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

QStringList demo(const QStringList& request)
{
    return request
        + QStringList { QStringLiteral("--demo"), QStringLiteral("--demo-history"), QStringLiteral("10m"),
              QStringLiteral("--demo-seed"), QStringLiteral("3") };
}

} // namespace

class TestPlanCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::addRow("no count") << QStringList { QStringLiteral("--model"), QStringLiteral("H20"),
            QStringLiteral("--duration"), QStringLiteral("7d") }
                                  << QByteArray("--count");
        QTest::addRow("bad duration") << QStringList { QStringLiteral("--model"), QStringLiteral("H20"),
            QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--duration"), QStringLiteral("a week") }
                                      << QByteArray("--duration");
        QTest::addRow("model and family") << QStringList { QStringLiteral("--model"), QStringLiteral("H20"),
            QStringLiteral("--family"), QStringLiteral("H20-class"), QStringLiteral("--count"), QStringLiteral("8"),
            QStringLiteral("--duration"), QStringLiteral("7d") }
                                          << QByteArray("model or a family");
        QTest::addRow("bound without anchor") << QStringList { QStringLiteral("--model"), QStringLiteral("H20"),
            QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--duration"), QStringLiteral("7d"),
            QStringLiteral("--max-rtt"), QStringLiteral("10ms") }
                                              << QByteArray("anchor");
        QTest::addRow("config and demo") << QStringList { QStringLiteral("--model"), QStringLiteral("H20"),
            QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--duration"), QStringLiteral("7d"),
            QStringLiteral("--demo"), QStringLiteral("--config"), QStringLiteral("x.json") }
                                         << QByteArray("--config");
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, messagePart);
        const Run r = run(arguments, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), r.err.constData());
    }

    void listedInHelp()
    {
        QProcess p;
        p.start(QStringLiteral(MERIDIAN_CONSOLE_BIN), { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.readAllStandardOutput().contains("plan --model MODEL|--family NAME --count N"));
        const Run help = run({ QStringLiteral("--help") }, 30000);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--whole-nodes") && help.out.contains("--max-rtt"));
    }

    void exitCodesOnTheDemoFleet()
    {
        // Fits now: a few chips of the demo's most common model, as JSON.
        const Run now = run(demo({ QStringLiteral("--model"), QStringLiteral("Ascend 910B"), QStringLiteral("--count"),
            QStringLiteral("8"), QStringLiteral("--duration"), QStringLiteral("1d"), QStringLiteral("--json") }));
        QVERIFY2(now.exitCode == 0, now.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(now.out).object();
        QCOMPARE(answer.value(QStringLiteral("best")).toString(), QStringLiteral("now"));
        const QJsonArray candidates = answer.value(QStringLiteral("candidates")).toArray();
        QVERIFY(!candidates.isEmpty());
        int mostFree = 0, mostChips = 0;
        for (const QJsonValue& c : candidates) {
            mostFree = std::max(mostFree, c[QStringLiteral("fit")][QStringLiteral("freeChips")].toInt());
            mostChips = std::max(mostChips, c[QStringLiteral("fit")][QStringLiteral("chips")].toInt());
            QVERIFY(c[QStringLiteral("scores")][QStringLiteral("total")].toDouble() >= 0);
            // One pool, or a spanning set that names its members (the demo has no site with two pools of a model).
            QVERIFY(c[QStringLiteral("spanning")].isBool());
            QCOMPARE(c[QStringLiteral("spans")].toArray().isEmpty(), !c[QStringLiteral("spanning")].toBool());
            // Risk states its observation; a figure only with enough history, then with its interval.
            const QJsonObject risk = c[QStringLiteral("risk")].toObject();
            const QString history = risk.value(QStringLiteral("history")).toString();
            QVERIFY2(QStringList({ QStringLiteral("none"), QStringLiteral("too-short"), QStringLiteral("enough") })
                         .contains(history),
                qPrintable(history));
            if (history == QLatin1String("none"))
                continue;
            QVERIFY(risk.value(QStringLiteral("observedFaults")).toInt(-1) >= 0);
            QVERIFY(risk.value(QStringLiteral("observedNodeHours")).toDouble() > 0);
            const QJsonValue expected = risk.value(QStringLiteral("expectedInterruptions"));
            const QJsonArray interval = risk.value(QStringLiteral("expectedInterruptionsInterval")).toArray();
            QCOMPARE(interval.size(), 2);
            if (history == QLatin1String("too-short")) {
                QVERIFY(expected.isNull() && interval[0].isNull() && interval[1].isNull());
            } else {
                QVERIFY(interval[0].toDouble() <= expected.toDouble());
                QVERIFY(expected.toDouble() < interval[1].toDouble());
            }
        }
        QCOMPARE(candidates.first()[QStringLiteral("rank")].toInt(), 1);
        QVERIFY(candidates.first()[QStringLiteral("fit")][QStringLiteral("fitsNow")].toBool());

        // More than any pool has free, not more than the largest holds: later (or when unknown ends finish).
        if (mostFree < mostChips) {
            const Run later
                = run(demo({ QStringLiteral("--model"), QStringLiteral("Ascend 910B"), QStringLiteral("--count"),
                    QString::number(mostFree + 1), QStringLiteral("--duration"), QStringLiteral("1d") }));
            QVERIFY2(later.exitCode == 3, later.out.constData());
            QVERIFY(later.out.contains("fits now: no"));
            // Every risk line states a figure with its interval and observation, too little history with the
            // observation, or no history: never a bare number.
            for (const QByteArray& line : later.out.split('\n')) {
                if (!line.startsWith("   risk: "))
                    continue;
                const bool figure
                    = line.contains(" expected interruptions (90 % interval ") && line.contains(" node-hours");
                const bool tooShort = line.contains("not enough history (") && line.contains(" node-hours)");
                QVERIFY2(figure || tooShort || line.contains("unknown (no fault history)"), line.constData());
            }
        }

        // Nothing can hold it: 1, and the reason.
        const Run never
            = run(demo({ QStringLiteral("--model"), QStringLiteral("Ascend 910B"), QStringLiteral("--count"),
                QStringLiteral("1000000"), QStringLiteral("--duration"), QStringLiteral("1d") }));
        QCOMPARE(never.exitCode, 1);
        QVERIFY2(never.out.contains("No placement: no pool is large enough"), never.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPlanCommand)
#include "tst_plancommand.moc"
