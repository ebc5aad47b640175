// SPDX-License-Identifier: GPL-3.0-or-later
// Credentials: stored and read back through the store with the in-memory test
// backend, names and secrets validated, errors never carry the secret, and the
// console configuration names a credential without ever holding it.

#include "core/session/consoleconfig.h"
#include "core/session/credentialstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Meridian;

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void validation_data();
    void validation();
    void lockedKeyring();
    void storedGarbageIsNotEchoed();
    void configNamesButNeverHoldsTheSecret();
    void callbacksStopWithTheStore();
};

namespace {
QString writeSync(CredentialStore& store, const QString& name, const QByteArray& secret)
{
    std::optional<QString> result;
    store.write(name, secret, [&](QString e) { result = e; });
    [&] { QTRY_VERIFY(result.has_value()); }();
    return result.value_or(QStringLiteral("timeout"));
}
std::pair<QByteArray, QString> readSync(CredentialStore& store, const QString& name)
{
    std::optional<std::pair<QByteArray, QString>> result;
    store.read(name, [&](QByteArray s, QString e) { result = std::pair { s, e }; });
    [&] { QTRY_VERIFY(result.has_value()); }();
    return result.value_or(std::pair { QByteArray(), QStringLiteral("timeout") });
}
} // namespace

void TestCredentialStore::roundTrip()
{
    CredentialStore store(std::make_unique<MemoryCredentialBackend>());
    QCOMPARE(writeSync(store, QStringLiteral("east-front"), "tok-0123456789abcdef"), QString());
    auto [secret, error] = readSync(store, QStringLiteral("east-front"));
    QCOMPARE(error, QString());
    QCOMPARE(secret, QByteArray("tok-0123456789abcdef"));
    // Rotation: a new write replaces the old token.
    QCOMPARE(writeSync(store, QStringLiteral("east-front"), "tok-rotated-999"), QString());
    QCOMPARE(readSync(store, QStringLiteral("east-front")).first, QByteArray("tok-rotated-999"));
    std::optional<QString> removed;
    store.remove(QStringLiteral("east-front"), [&](QString e) { removed = e; });
    QTRY_VERIFY(removed.has_value());
    QCOMPARE(*removed, QString());
    const auto missing = readSync(store, QStringLiteral("east-front"));
    QVERIFY(missing.first.isEmpty());
    QVERIFY(missing.second.contains(QStringLiteral("east-front")));
}

void TestCredentialStore::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("ok");
    QTest::addRow("good") << "lab.agent_01-x" << QByteArray("abc") << true;
    QTest::addRow("empty name") << "" << QByteArray("abc") << false;
    QTest::addRow("slash in name") << "a/b" << QByteArray("abc") << false;
    QTest::addRow("non-ASCII name") << "东部" << QByteArray("abc") << false;
    QTest::addRow("long name") << QString(129, u'a') << QByteArray("abc") << false;
    QTest::addRow("empty secret") << "a" << QByteArray() << false;
    QTest::addRow("newline in secret") << "a" << QByteArray("ab\r\nX-Evil: 1") << false;
    QTest::addRow("space in secret") << "a" << QByteArray("a b") << false;
    QTest::addRow("huge secret") << "a" << QByteArray(4097, 'x') << false;
}

void TestCredentialStore::validation()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, secret);
    QFETCH(bool, ok);
    CredentialStore store(std::make_unique<MemoryCredentialBackend>());
    const QString error = writeSync(store, name, secret);
    QCOMPARE(error.isEmpty(), ok);
    if (!secret.isEmpty())
        QVERIFY(!error.contains(QString::fromLatin1(secret)));
}

void TestCredentialStore::lockedKeyring()
{
    auto backend = std::make_unique<MemoryCredentialBackend>();
    backend->setFailure(QStringLiteral("the keyring is locked"));
    CredentialStore store(std::move(backend));
    QCOMPARE(writeSync(store, QStringLiteral("a"), "secret-1"), QStringLiteral("the keyring is locked"));
    QCOMPARE(readSync(store, QStringLiteral("a")).second, QStringLiteral("the keyring is locked"));
}

void TestCredentialStore::storedGarbageIsNotEchoed()
{
    // Something else wrote a value with a newline under our name: refused, and not repeated in the error.
    class Raw : public MemoryCredentialBackend
    {
    public:
        void read(const QString&, ReadDone done) override { done("line1\nline2-secret", {}); }
    };
    CredentialStore store(std::make_unique<Raw>());
    const auto [secret, error] = readSync(store, QStringLiteral("x"));
    QVERIFY(secret.isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(QStringLiteral("line2-secret")));
}

void TestCredentialStore::configNamesButNeverHoldsTheSecret()
{
    QTemporaryDir dir;
    ConsoleConfig config;
    SourceConfig source;
    source.name = QStringLiteral("east");
    source.url = QUrl(QStringLiteral("https://east-front.example:9464/"));
    source.credential = QStringLiteral("east-front");
    source.tls.caFile = QStringLiteral("/etc/meridian/site-ca.crt");
    config.sources.append(source);
    const QString path = dir.filePath(QStringLiteral("console.json"));
    QString error;
    QVERIFY2(config.save(path, &error), qPrintable(error));
    ConsoleConfig loaded;
    QVERIFY2(ConsoleConfig::load(path, &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.sources.value(0).credential, QStringLiteral("east-front"));
    QCOMPARE(loaded.sources.value(0).tls.caFile, QStringLiteral("/etc/meridian/site-ca.crt"));

    CredentialStore store(std::make_unique<MemoryCredentialBackend>());
    QCOMPARE(writeSync(store, source.credential, "tok-never-in-a-file-42"), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("tok-never-in-a-file-42"));
}

void TestCredentialStore::callbacksStopWithTheStore()
{
    bool called = false;
    {
        CredentialStore store(std::make_unique<MemoryCredentialBackend>());
        store.read(QStringLiteral("a"), [&](QByteArray, QString) { called = true; });
    }
    QCoreApplication::processEvents(); // the queued answer runs now: it must find the store gone
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
