// SPDX-License-Identifier: GPL-3.0-or-later
// The fault map's titles reach the user's language: every rule title of the
// table is listed for lupdate (no drift between faultmap.json and the
// generated QT_TRANSLATE_NOOP table, both ways), and translatedFaultTitle()
// asks the installed translators under the "FaultMap" context; unknown
// titles (a site's own table) stay English.
#include "core/faults/faultmaptexts.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace Meridian::Faults;

namespace {
// A translator without a .qm file: answers for one context only, marks the text.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "FaultMap") != 0)
            return {};
        return QStringLiteral("«") + QString::fromUtf8(source) + QStringLiteral("»");
    }
};

QSet<QString> tableTitles()
{
    QFile file(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/faults/faultmap.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> out;
    for (const QJsonValue& r :
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("rules")).toArray())
        out.insert(r.toObject().value(QStringLiteral("title")).toString());
    return out;
}
} // namespace

class TestFaultMapTexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTitleListed();
    void translated_data();
    void translated();
};

void TestFaultMapTexts::everyTitleListed()
{
    const QSet<QString> table = tableTitles();
    QVERIFY(table.size() >= 30);
    const QStringList listed = faultMapTitles();
    const QSet<QString> listedSet(listed.cbegin(), listed.cend());
    for (const QString& t : table)
        QVERIFY2(listedSet.contains(t), qPrintable(QStringLiteral("not listed for translation: ") + t));
    for (const QString& t : listed)
        QVERIFY2(table.contains(t), qPrintable(QStringLiteral("listed but not in faultmap.json: ") + t));
}

void TestFaultMapTexts::translated_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    const QString first = faultMapTitles().value(0);
    QTest::addRow("table title") << first << QStringLiteral("«") + first + QStringLiteral("»");
    QTest::addRow("empty") << QString() << QString();
}

void TestFaultMapTexts::translated()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(translatedFaultTitle(title), title); // no translator: English
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString shown = translatedFaultTitle(title);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(shown, expected);
}

QTEST_GUILESS_MAIN(TestFaultMapTexts)
#include "tst_faultmaptexts.moc"
