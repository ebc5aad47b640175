// SPDX-License-Identifier: GPL-3.0-or-later
// One host, several names: a short name and the FQDN whose first label it is are one node, in either order.

#include "core/store/nodeidentity.h"

#include <QTest>

using namespace Meridian;
using namespace Qt::StringLiterals;

class TestNodeIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortNames_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("shortName");
        QTest::newRow("bare") << u"gpu001"_s << u"gpu001"_s;
        QTest::newRow("fqdn") << u"gpu001.example.org"_s << u"gpu001"_s;
        QTest::newRow("case") << u"GPU001.Example.org"_s << u"gpu001"_s;
        QTest::newRow("ipv4") << u"10.0.0.1"_s << QString();
        QTest::newRow("with port") << u"gpu001:9100"_s << QString();
        QTest::newRow("ipv6") << u"fe80::1"_s << QString();
        QTest::newRow("url") << u"http://gpu001"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void shortNames()
    {
        QFETCH(QString, id);
        QFETCH(QString, shortName);
        QCOMPARE(NodeIdentity::shortName(id), shortName);
    }

    void bareThenFqdn()
    {
        NodeIdentity identity;
        QCOMPARE(identity.resolve(u"gpu001"_s), u"gpu001"_s);
        QCOMPARE(identity.resolve(u"gpu001.example.org"_s), u"gpu001"_s);
        QCOMPARE(identity.lookup(u"gpu001.example.org"_s), u"gpu001"_s);
        // A second domain is another host: a bare name joins one FQDN only.
        QCOMPARE(identity.resolve(u"gpu001.other.org"_s), u"gpu001.other.org"_s);
        QCOMPARE(identity.resolve(u"gpu002"_s), u"gpu002"_s);
    }

    void fqdnThenBare()
    {
        NodeIdentity identity;
        QCOMPARE(identity.resolve(u"gpu001.example.org"_s), u"gpu001.example.org"_s);
        QCOMPARE(identity.resolve(u"gpu001"_s), u"gpu001.example.org"_s);
        QCOMPARE(identity.resolve(u"GPU001"_s), u"gpu001.example.org"_s);
        // Two FQDNs with the same first label stay two nodes.
        QCOMPARE(identity.resolve(u"gpu001.other.org"_s), u"gpu001.other.org"_s);
        QCOMPARE(identity.lookup(u"gpu001"_s), u"gpu001.example.org"_s);
    }

    void addressesAreNeverShortened()
    {
        NodeIdentity identity;
        QCOMPARE(identity.resolve(u"10.0.0.1"_s), u"10.0.0.1"_s);
        QCOMPARE(identity.resolve(u"10"_s), u"10"_s);
        QCOMPARE(identity.resolve(u"gpu001:9100"_s), u"gpu001:9100"_s);
        QCOMPARE(identity.resolve(u"gpu001"_s), u"gpu001"_s);
    }

    void forgottenNodesFreeTheirNames()
    {
        NodeIdentity identity;
        identity.resolve(u"gpu001"_s);
        identity.resolve(u"gpu001.example.org"_s);
        identity.forget(u"gpu001"_s);
        QCOMPARE(identity.lookup(u"gpu001.example.org"_s), u"gpu001.example.org"_s);
        QCOMPARE(identity.resolve(u"gpu001.example.org"_s), u"gpu001.example.org"_s);
        QCOMPARE(identity.resolve(u"gpu001"_s), u"gpu001.example.org"_s);
    }

    // check-source: which of a scheduler's nodes no metrics source serves, by the same rules.
    void idsWithoutMatch()
    {
        const QStringList known { u"gpu001.example.org"_s, u"GPU002"_s, u"gpu003.a.org"_s, u"10.0.0.4"_s };
        const QStringList slurm { u"gpu001"_s, u"gpu002.example.org"_s, u"gpu003.b.org"_s, u"gpu004"_s, u"10.0.0.4"_s };
        QCOMPARE(NodeIdentity::withoutMatch(slurm, known), (QStringList { u"gpu003.b.org"_s, u"gpu004"_s }));
        QCOMPARE(NodeIdentity::withoutMatch(slurm, {}), slurm);
        QVERIFY(NodeIdentity::withoutMatch({}, known).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNodeIdentity)
#include "tst_nodeidentity.moc"
