// SPDX-License-Identifier: GPL-3.0-or-later
// The zh_CN catalogue is complete, and switching to it shows Chinese in the main window.

#include "core/model/fleettypes.h"
#include "core/session/fleetsession.h"
#include "ui/common/regionnames.h"
#include "ui/common/translations.h"
#include "ui/shell/mainwindow.h"

#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QTest>
#include <QXmlStreamReader>

using namespace Meridian;

namespace {
bool hasCjk(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void cleanup() { installTranslations(QLocale(QLocale::English)); }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("catalogue");
        QTest::addColumn<int>("least");
        QTest::addRow("zh_CN") << QStringLiteral("meridian_zh_CN.ts") << 100;
        QTest::addRow("en (plurals)") << QStringLiteral("meridian_en.ts") << 20;
    }
    void catalogueIsComplete()
    {
        QFETCH(QString, catalogue);
        QFETCH(int, least);
        QFile file(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/translations/") + catalogue);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList problems;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                // Plural forms hold <numerusform> children; their text is checked below.
                bool numerus = false;
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        numerus = true;
                        const QString form = xml.readElementText();
                        if (form.trimmed().isEmpty())
                            problems.append(QStringLiteral("empty plural form: ") + source);
                    } else if (xml.isCharacters()) {
                        text += xml.text();
                    }
                }
                if (type == QLatin1String("unfinished") || type == QLatin1String("obsolete")
                    || type == QLatin1String("vanished"))
                    problems.append(type + QStringLiteral(": ") + source);
                else if (!numerus && text.trimmed().isEmpty())
                    problems.append(QStringLiteral("empty: ") + source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > least, "the catalogue looks truncated");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void mainWindowInChinese()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        FleetSession session;
        MainWindow window(&session);
        window.show();
        QVERIFY2(hasCjk(window.windowTitle()), qPrintable(window.windowTitle()));
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->item(0)->text(), QStringLiteral("总览"));
        QVERIFY(hasCjk(window.menuBar()->actions().constFirst()->text()));
        QCOMPARE(regionDisplayName(QStringLiteral("East China")), QStringLiteral("华东"));
        QCOMPARE(regionDisplayName(QStringLiteral("wuhu")), QStringLiteral("芜湖"));
        QCOMPARE(regionDisplayName(QStringLiteral("Atlantis")), QStringLiteral("Atlantis"));
    }

    void mainWindowInEnglish()
    {
        QVERIFY(installTranslations(QLocale(QLocale::English)));
        FleetSession session;
        MainWindow window(&session);
        QVERIFY(!hasCjk(window.windowTitle()));
        QCOMPARE(
            window.findChild<QListWidget*>(QStringLiteral("navigation"))->item(0)->text(), QStringLiteral("Overview"));
        QCOMPARE(regionDisplayName(QStringLiteral("East China")), QStringLiteral("East China"));
    }

    // English plurals come from the plural-only catalogue: no "(s)" left for one or for many.
    void englishPlurals()
    {
        QVERIFY(installTranslations(QLocale(QLocale::English)));
        const char* context = "Meridian::JobTimeline";
        QCOMPARE(QCoreApplication::translate(context, "%n checkpoint(s)", nullptr, 1), QStringLiteral("1 checkpoint"));
        QCOMPARE(QCoreApplication::translate(context, "%n checkpoint(s)", nullptr, 3), QStringLiteral("3 checkpoints"));
        QCOMPARE(QCoreApplication::translate(context, "%n segment(s)", nullptr, 1), QStringLiteral("1 segment"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
