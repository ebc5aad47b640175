// SPDX-License-Identifier: GPL-3.0-or-later
// Hostlist expressions and GRES strings as Slurm writes them.

#include "core/sources/slurm/gres.h"
#include "core/sources/slurm/hostlist.h"

#include <QTest>

using namespace Meridian::Slurm;
using namespace Qt::StringLiterals;

class TestSlurmHostlist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expand_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("single") << u"n1"_s << QStringList { u"n1"_s };
        QTest::newRow("range") << u"n[1-4]"_s << QStringList { u"n1"_s, u"n2"_s, u"n3"_s, u"n4"_s };
        QTest::newRow("ranges and singles")
            << u"gpu[001-003,131]"_s << QStringList { u"gpu001"_s, u"gpu002"_s, u"gpu003"_s, u"gpu131"_s };
        QTest::newRow("padding kept") << u"n[08-10]"_s << QStringList { u"n08"_s, u"n09"_s, u"n10"_s };
        QTest::newRow("no padding without a leading zero")
            << u"n[9-11]"_s << QStringList { u"n9"_s, u"n10"_s, u"n11"_s };
        QTest::newRow("product, left to right")
            << u"a[1-2]b[3-4]"_s << QStringList { u"a1b3"_s, u"a1b4"_s, u"a2b3"_s, u"a2b4"_s };
        QTest::newRow("several expressions")
            << u"n1,n[3-4],login-a.example"_s << QStringList { u"n1"_s, u"n3"_s, u"n4"_s, u"login-a.example"_s };
        QTest::newRow("suffix after a bracket") << u"rack[1-2]-gpu"_s << QStringList { u"rack1-gpu"_s, u"rack2-gpu"_s };
        QTest::newRow("empty") << u""_s << QStringList {};
        QTest::newRow("slurmdb's never ran") << u"None assigned"_s << QStringList {};
        QTest::newRow("(null)") << u"(null)"_s << QStringList {};
    }
    void expand()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, names);
        const HostlistExpansion e = expandHostlist(expression);
        QVERIFY2(e.ok(), qPrintable(e.error));
        QCOMPARE(e.names, names);
    }

    void expandLarge()
    {
        const HostlistExpansion e = expandHostlist(u"gpu[001-128,131]");
        QVERIFY(e.ok());
        QCOMPARE(e.names.size(), 129);
        QCOMPARE(e.names.front(), QStringLiteral("gpu001"));
        QCOMPARE(e.names.at(127), QStringLiteral("gpu128"));
        QCOMPARE(e.names.back(), QStringLiteral("gpu131"));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("says");
        QTest::newRow("absurd range") << u"n[1-999999999]"_s << u"more than 65536 hosts"_s;
        QTest::newRow("absurd product") << u"a[1-1000]b[1-1000]"_s << u"more than 65536 hosts"_s;
        QTest::newRow("absurd sum") << u"a[1-40000],b[1-40000]"_s << u"more than 65536 hosts"_s;
        QTest::newRow("huge numbers") << u"n[1-999999999999999999]"_s << u"more than 65536 hosts"_s;
        QTest::newRow("too many digits") << u"n[1-9999999999999999999]"_s << u"not a number"_s;
        QTest::newRow("unclosed") << u"n[1-4"_s << u"never closed"_s;
        QTest::newRow("stray close") << u"n1-4]"_s << u"has no '['"_s;
        QTest::newRow("nested") << u"n[1-[2]]"_s << u"cannot nest"_s;
        QTest::newRow("backwards") << u"n[4-1]"_s << u"runs backwards"_s;
        QTest::newRow("letters in a range") << u"n[a-c]"_s << u"not a number"_s;
        QTest::newRow("empty name") << u"n1,,n2"_s << u"an empty name"_s;
        QTest::newRow("space") << u"n1 n2"_s << u"cannot be part of a host name"_s;
        QTest::newRow("many bracket groups") << u"a[1]b[1]c[1]d[1]e[1]f[1]g[1]h[1]i[1]"_s << u"bracket groups"_s;
    }
    void rejects()
    {
        QFETCH(QString, expression);
        QFETCH(QString, says);
        const HostlistExpansion e = expandHostlist(expression);
        QVERIFY(!e.ok());
        QVERIFY(e.names.isEmpty());
        QVERIFY2(e.error.contains(says), qPrintable(e.error));
    }

    void capIsConfigurable()
    {
        QVERIFY(expandHostlist(u"n[1-10]", 10).ok());
        QVERIFY(!expandHostlist(u"n[1-11]", 10).ok());
    }

    void compress_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("expression");
        QTest::newRow("run") << QStringList { u"n1"_s, u"n2"_s, u"n3"_s, u"n5"_s } << u"n[1-3,5]"_s;
        QTest::newRow("unsorted, duplicates") << QStringList { u"n3"_s, u"n1"_s, u"n2"_s, u"n1"_s } << u"n[1-3]"_s;
        QTest::newRow("padded") << QStringList { u"gpu001"_s, u"gpu002"_s, u"gpu003"_s, u"gpu131"_s }
                                << u"gpu[001-003,131]"_s;
        QTest::newRow("padded past the pad")
            << QStringList { u"gpu099"_s, u"gpu100"_s, u"gpu101"_s } << u"gpu[099-101]"_s;
        QTest::newRow("unpadded across a digit") << QStringList { u"n9"_s, u"n10"_s } << u"n[9-10]"_s;
        QTest::newRow("single") << QStringList { u"n7"_s } << u"n7"_s;
        QTest::newRow("prefixes") << QStringList { u"b1"_s, u"a1"_s, u"a2"_s } << u"a[1-2],b1"_s;
        QTest::newRow("plain names") << QStringList { u"login"_s, u"n1"_s } << u"login,n1"_s;
        QTest::newRow("empty") << QStringList {} << u""_s;
    }
    void compress()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, expression);
        QCOMPARE(compressHostlist(names), expression);
    }

    void roundTrip()
    {
        QStringList names;
        for (int i = 1; i <= 128; ++i)
            names.append(QStringLiteral("gpu%1").arg(i, 3, 10, QChar(u'0')));
        names.append(QStringLiteral("gpu131"));
        names.append(QStringLiteral("login"));
        const QString expression = compressHostlist(names);
        QCOMPARE(expression, QStringLiteral("login,gpu[001-128,131]"));
        QStringList sorted = names;
        const HostlistExpansion back = expandHostlist(expression);
        QVERIFY(back.ok());
        QCOMPARE(QSet<QString>(back.names.cbegin(), back.names.cend()), QSet<QString>(sorted.cbegin(), sorted.cend()));
    }

    void gres_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<GresList>("gres");
        QTest::newRow("typed") << u"gpu:h100:4"_s << GresList { { u"gpu"_s, u"h100"_s, 4, {} } };
        QTest::newRow("untyped") << u"gpu:4"_s << GresList { { u"gpu"_s, u""_s, 4, {} } };
        QTest::newRow("name only") << u"gpu"_s << GresList { { u"gpu"_s, u""_s, 1, {} } };
        QTest::newRow("type without count") << u"gpu:h100"_s << GresList { { u"gpu"_s, u"h100"_s, 1, {} } };
        QTest::newRow("indexes") << u"gpu:h100:2(IDX:0-1)"_s << GresList { { u"gpu"_s, u"h100"_s, 2, { 0, 1 } } };
        QTest::newRow("indexes with commas")
            << u"gpu:h100:3(IDX:0,2-3)"_s << GresList { { u"gpu"_s, u"h100"_s, 3, { 0, 2, 3 } } };
        QTest::newRow("no indexes") << u"gpu:h100:0(IDX:N/A)"_s << GresList { { u"gpu"_s, u"h100"_s, 0, {} } };
        QTest::newRow("socket affinity") << u"gpu:h100:4(S:0-1)"_s << GresList { { u"gpu"_s, u"h100"_s, 4, {} } };
        QTest::newRow("several") << u"gpu:h100:2(IDX:0-1),gpu:a100:1(IDX:3),mps:100"_s
                                 << GresList { { u"gpu"_s, u"h100"_s, 2, { 0, 1 } }, { u"gpu"_s, u"a100"_s, 1, { 3 } },
                                        { u"mps"_s, u""_s, 100, {} } };
        QTest::newRow("v0.0.38 request") << u"gres:gpu:2"_s << GresList { { u"gpu"_s, u""_s, 2, {} } };
        QTest::newRow("v0.0.39+ request") << u"gres/gpu:h100:2"_s << GresList { { u"gpu"_s, u"h100"_s, 2, {} } };
        QTest::newRow("suffix") << u"shard:2K"_s << GresList { { u"shard"_s, u""_s, 2048, {} } };
        QTest::newRow("none") << u"(null)"_s << GresList {};
        QTest::newRow("N/A") << u"N/A"_s << GresList {};
    }
    void gres()
    {
        QFETCH(QString, text);
        QFETCH(GresList, gres);
        const GresParse p = parseGres(text);
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.gres, gres);
    }

    void gresRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("too many fields") << u"gpu:h100:4:5"_s;
        QTest::newRow("bad count") << u"gpu:h100:x4"_s;
        QTest::newRow("unclosed") << u"gpu:2(IDX:0-1"_s;
        QTest::newRow("backwards indexes") << u"gpu:2(IDX:3-1)"_s;
        QTest::newRow("absurd indexes") << u"gpu:2(IDX:0-99999999)"_s;
        QTest::newRow("absurd count") << u"gpu:99999999999999"_s;
        QTest::newRow("empty name") << u":4"_s;
    }
    void gresRejects()
    {
        QFETCH(QString, text);
        const GresParse p = parseGres(text);
        QVERIFY(!p.ok());
        QVERIFY(p.gres.isEmpty());
        QVERIFY(p.error.contains(text.left(10)));
    }

    void tres()
    {
        const GresParse p = parseTresGres(u"cpu=8,mem=62.50G,billing=8,gres/gpu=4,gres/gpu:h100=4");
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.gres, (GresList { { u"gpu"_s, u""_s, 4, {} }, { u"gpu"_s, u"h100"_s, 4, {} } }));
        // The untyped total is not added to the per-type counts.
        QCOMPARE(gresCount(p.gres), 4);
        QCOMPARE(gresCount(parseGres(u"gpu:h100:4,gpu:a100:2").gres), 6);
        QCOMPARE(gresCount(parseGres(u"mps:100").gres), 0);
        QVERIFY(!parseTresGres(u"cpu=8,gres/gpu").ok());
        QVERIFY(!parseTresGres(u"gres/gpu=lots").ok());
    }
};

QTEST_GUILESS_MAIN(TestSlurmHostlist)
#include "tst_slurmhostlist.moc"
