// SPDX-License-Identifier: GPL-3.0-or-later
// A source whose configuration names a keyring credential instead of a token
// file: the session reads the token from the credential store before the
// source starts, polls a real simulator with it, and shows a clear
// "unauthorized" reason when the keyring has no such credential. The token
// never reaches the configuration file.

#include "core/session/consoleconfig.h"
#include "core/session/credentialstore.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

class TestKeyringSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenFromTheKeyring_data()
    {
        QTest::addColumn<QString>("credential");
        QTest::addColumn<bool>("reaches");
        QTest::addRow("stored") << QStringLiteral("sim-token") << true;
        QTest::addRow("not in the keyring") << QStringLiteral("nobody-stored-this") << false;
    }

    void tokenFromTheKeyring()
    {
        QFETCH(QString, credential);
        QFETCH(bool, reaches);
        SimulatorFixture sim;
        QVERIFY2(sim.start({ QStringLiteral("--seed"), QStringLiteral("3") }), qPrintable(sim.error()));
        QTemporaryDir cacheDir;
        QVERIFY(cacheDir.isValid());

        FleetSession session;
        QString error;
        QVERIFY2(session.open(cacheDir.path(), &error), qPrintable(error));
        auto backend = std::make_unique<MemoryCredentialBackend>();
        bool stored = false;
        backend->write(QStringLiteral("sim-token"), sim.token(), [&stored](const QString& e) { stored = e.isEmpty(); });
        QTRY_VERIFY(stored); // backends answer on a later event-loop pass
        session.setCredentialBackend(std::move(backend));

        SourceConfig source = sim.source();
        source.tokenFile.clear(); // the keyring is the only way in
        source.credential = credential;
        session.setSources({ source });

        if (reaches) {
            QTRY_VERIFY_WITH_TIMEOUT(session.store()->agentStatusCounts().up >= 100, 60000);
        } else {
            // The source stands for its fleet with one placeholder node while nothing is known.
            const auto placeholderStatus = [&session] {
                const FleetNode* node = session.store()->node(QStringLiteral("sim"));
                return node ? node->status : AgentStatus::Unknown;
            };
            QTRY_VERIFY_WITH_TIMEOUT(placeholderStatus() == AgentStatus::Unauthorized, 30000);
            const FleetNode* placeholder = session.store()->node(QStringLiteral("sim"));
            QVERIFY2(placeholder->lastError.contains(QLatin1String("keyring")), qPrintable(placeholder->lastError));
            QVERIFY2(placeholder->lastError.contains(credential), qPrintable(placeholder->lastError));
            QCOMPARE(session.store()->agentStatusCounts().up, 0);
        }

        // Saved configuration: the credential's name, never the secret.
        ConsoleConfig config;
        config.sources = session.sources();
        const QString path = cacheDir.filePath(QStringLiteral("console.json"));
        QVERIFY2(config.save(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains(credential.toUtf8()));
        QVERIFY(!saved.contains(sim.token()));
    }
};

QTEST_GUILESS_MAIN(TestKeyringSource)
#include "tst_keyringsource.moc"
