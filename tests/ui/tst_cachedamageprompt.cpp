// SPDX-License-Identifier: GPL-3.0-or-later
// The console's question on a damaged cache (ui/shell/cachedamageprompt.h): asked once, plainly; "Move
// Aside and Start Fresh" keeps the damaged file under a new name and a new cache starts; declining leaves
// the files alone.

#include "core/session/fleetsession.h"
#include "ui/shell/cachedamageprompt.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Meridian;

namespace {

// A cache the writer made, with a table more than it makes.
void makeDamagedCache(const QString& directory)
{
    {
        FleetSession session;
        QString error;
        QVERIFY2(session.open(directory, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QDir(directory).filePath(QStringLiteral("metrics.db"))), 10000);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(QDir(directory).filePath(QStringLiteral("state.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE spy(a)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

QAbstractButton* button(QMessageBox* box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton* b : box->buttons()) {
        if (box->buttonRole(b) == role)
            return b;
    }
    return nullptr;
}

} // namespace

class TestCacheDamagePrompt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void movesAsideOnRequest();
    void decliningKeepsTheFiles();
};

void TestCacheDamagePrompt::movesAsideOnRequest()
{
    QTemporaryDir dir;
    makeDamagedCache(dir.path());
    QWidget window;
    FleetSession session;
    CacheDamagePrompt prompt(&session, &window);
    QSignalSpy moved(&session, &FleetSession::cacheMovedAside);
    QString error;
    QVERIFY(session.open(dir.path(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(prompt.box() != nullptr, 10000);
    QVERIFY2(prompt.box()->detailedText().contains(QLatin1String("spy")), qPrintable(prompt.box()->detailedText()));
    QAbstractButton* fresh = button(prompt.box(), QMessageBox::AcceptRole);
    QVERIFY(fresh);
    fresh->click();
    QVERIFY(moved.wait(10000));
    QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("state.db.damaged-*") }).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("state.db"))), 10000);
}

void TestCacheDamagePrompt::decliningKeepsTheFiles()
{
    QTemporaryDir dir;
    makeDamagedCache(dir.path());
    QWidget window;
    FleetSession session;
    CacheDamagePrompt prompt(&session, &window);
    QSignalSpy moved(&session, &FleetSession::cacheMovedAside);
    QString error;
    QVERIFY(session.open(dir.path(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(prompt.box() != nullptr, 10000);
    QAbstractButton* keep = button(prompt.box(), QMessageBox::RejectRole);
    QVERIFY(keep);
    keep->click();
    QTRY_VERIFY(prompt.box() == nullptr);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*.damaged-*") }).size(), 0);
}

QTEST_MAIN(TestCacheDamagePrompt)
#include "tst_cachedamageprompt.moc"
