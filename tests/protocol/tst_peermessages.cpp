// SPDX-License-Identifier: GPL-3.0-or-later
// Message keys of the peers' texts: every key's English is made from its template and found again
// from that text (older peers, the cache); keys and arguments travel in events and snapshots through
// both encoders, and a document without them (an older peer) still decodes.

#include "core/protocol/jsonwriter.h"
#include "core/protocol/peermessages.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian::Protocol;
using namespace Meridian::Protocol::Json;

class TestPeerMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKeyRoundTrips()
    {
        const QStringList args { QStringLiteral("NPU 3"), QStringLiteral("rack r07"), QStringLiteral("2.5") };
        for (const QString& key : peerMessageKeys()) {
            const int count = int(peerTemplate(key).count(QLatin1Char('%')));
            const PeerMessage sent { key, args.mid(0, count) };
            QVERIFY2(sent.isKnown(), qPrintable(key));
            const QString english = sent.english();
            QVERIFY2(!english.contains(QLatin1Char('%')), qPrintable(english));
            const PeerMessage found = matchPeerMessage(english);
            QCOMPARE(found.key, key);
            QCOMPARE(found.args, sent.args);
            QVERIFY(!found.injected);
        }
    }

    void injectedMarkAndFreeText()
    {
        const PeerMessage found = matchPeerMessage(QStringLiteral("heartbeat lost: power loss in rack r03 [injected]"));
        QCOMPARE(found.key, QStringLiteral("node.power-loss"));
        QCOMPARE(found.args, QStringList { QStringLiteral("r03") });
        QVERIFY(found.injected);
        QVERIFY(matchPeerMessage(QStringLiteral("something an operator typed")).key.isEmpty());
        const PeerMessage unknown { QStringLiteral("no.such-key"), {} };
        QVERIFY(!unknown.isKnown());
    }

    void keysTravelInTheProtocol()
    {
        Snapshot s;
        s.instanceId = QStringLiteral("i1");
        s.sample.seq = 1;
        s.sample.timestampMs = 1'700'000'000'000;
        s.stateReasonKey = QStringLiteral("node.accelerators-faulty");
        s.stateReasonArgs = { QStringLiteral("2") };
        s.stateReason = PeerMessage { s.stateReasonKey, s.stateReasonArgs }.english();
        Event e;
        e.id = 7;
        e.timestampMs = 1'700'000'000'000;
        e.kind = QStringLiteral("hbm-ecc");
        e.nodeId = QStringLiteral("n1");
        e.messageKey = QStringLiteral("chip.hbm-dbe");
        e.messageArgs = { QStringLiteral("NPU 3") };
        e.message = PeerMessage { e.messageKey, e.messageArgs }.english();
        s.faults = { e };
        // The streaming writer and QJsonDocument agree byte for byte, keys included.
        const QByteArray streamed = writeSnapshot(s);
        QCOMPARE(streamed, document(toJson(s)));
        Snapshot back;
        const DecodeResult r = decodeBody(streamed, &back);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(back.stateReasonKey, s.stateReasonKey);
        QCOMPARE(back.stateReasonArgs, s.stateReasonArgs);
        QCOMPARE(back.stateReason, QStringLiteral("2 accelerator(s) faulty"));
        QCOMPARE(back.faults.value(0).messageKey, e.messageKey);
        QCOMPARE(back.faults.value(0).messageArgs, e.messageArgs);

        // An older peer: no keys, the English only.
        QJsonObject old = toJson(s);
        old.remove(QStringLiteral("stateReasonKey"));
        old.remove(QStringLiteral("stateReasonArgs"));
        Snapshot fromOld;
        QVERIFY(decode(old, &fromOld).ok);
        QVERIFY(fromOld.stateReasonKey.isEmpty());
        QCOMPARE(fromOld.stateReason, s.stateReason);

        // Arguments must be strings.
        QJsonObject bad = toJson(s);
        bad.insert(QStringLiteral("stateReasonArgs"), QJsonArray { 2 });
        Snapshot rejected;
        QVERIFY(!decode(bad, &rejected).ok);
    }
};

QTEST_GUILESS_MAIN(TestPeerMessages)
#include "tst_peermessages.moc"
