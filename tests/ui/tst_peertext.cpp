// SPDX-License-Identifier: GPL-3.0-or-later
// The peers' texts in the user's language: by message key, by the key an older peer's (or the
// cache's) English was made from; free text stays as the peer wrote it.

#include "core/model/peertext.h"
#include "ui/common/translations.h"

#include <QTest>

using namespace Meridian;

class TestPeerText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { installTranslations(QLocale(QLocale::English)); }

    void english()
    {
        installTranslations(QLocale(QLocale::English));
        QCOMPARE(PeerText::show(QStringLiteral("2 accelerator(s) faulty"), QStringLiteral("node.accelerators-faulty"),
                     { QStringLiteral("2") }),
            QStringLiteral("2 accelerators faulty"));
        QCOMPARE(PeerText::show(QStringLiteral("1 accelerator(s) faulty")), QStringLiteral("1 accelerator faulty"));
    }

    void chineseByKeyAndByText()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        const QString byKey
            = PeerText::show(QStringLiteral("HBM double-bit (uncorrectable) ECC error on NPU 3: chip isolated"),
                QStringLiteral("chip.hbm-dbe"), { QStringLiteral("NPU 3") });
        QVERIFY2(!byKey.contains(QStringLiteral("double-bit")), qPrintable(byKey));
        QVERIFY2(byKey.contains(QStringLiteral("NPU 3")), qPrintable(byKey));
        // An older peer or the cache: the English alone.
        const QString byText = PeerText::show(QStringLiteral("every probe from guian to wuhu lost"));
        QVERIFY2(!byText.contains(QStringLiteral("probe")), qPrintable(byText));
        QVERIFY2(byText.contains(QStringLiteral("guian")), qPrintable(byText));
        const QString injected = PeerText::show(QStringLiteral("heartbeat lost: power loss in rack r03 [injected]"));
        QVERIFY2(!injected.contains(QStringLiteral("injected")), qPrintable(injected));
        // Unknown key, free text: the peer's words.
        QCOMPARE(PeerText::show(QStringLiteral("custom text"), QStringLiteral("no.such-key")),
            QStringLiteral("custom text"));
    }
};

QTEST_MAIN(TestPeerText)
#include "tst_peertext.moc"
