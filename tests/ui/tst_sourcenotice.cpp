// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's word on the sources themselves: history being read and partial answers, in words (never by
// colour alone), every text in the tooltip, nothing when there is nothing to say; and the label follows the store.

#include "core/store/fleetstore.h"
#include "ui/common/translations.h"
#include "ui/shell/sourcenoticelabel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Meridian;

class TestSourceNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(installTranslations(QLocale(QLocale::English))); } // English plural forms

    void nothingToSay()
    {
        QHash<QString, SourceProgress> progress;
        QVERIFY(SourceNoticeLabel::noticeFor(progress).text.isEmpty());
        progress.insert(QStringLiteral("prom-east"), SourceProgress {}); // never read history, no warnings
        QVERIFY(SourceNoticeLabel::noticeFor(progress).text.isEmpty());
        SourceProgress done;
        done.historyFromMs = 1000;
        done.historyToMs = 2000;
        done.historyDoneMs = 2000;
        done.historyCaughtUp = true;
        progress.insert(QStringLiteral("prom-east"), done);
        QVERIFY(SourceNoticeLabel::noticeFor(progress).text.isEmpty());
    }

    void historyBeingRead()
    {
        SourceProgress p;
        p.historyFromMs = 0 + 1000;
        p.historyToMs = 1000 + 4 * 3600 * 1000;
        p.historyDoneMs = 1000 + 3600 * 1000;
        const SourceNoticeLabel::Notice n = SourceNoticeLabel::noticeFor({ { QStringLiteral("prom-east"), p } });
        QCOMPARE(n.text, QStringLiteral("Reading history: prom-east 25 %"));
        QVERIFY(!n.warning);
        QVERIFY(n.toolTip.contains(QStringLiteral("prom-east: reading history from")));
        p.historyProblem = QStringLiteral("HTTP 503");
        QVERIFY(SourceNoticeLabel::noticeFor({ { QStringLiteral("prom-east"), p } })
                    .toolTip.contains(QStringLiteral("HTTP 503")));
    }

    void warningsInWordsAndTooltip()
    {
        SourceProgress east;
        east.warnings = { QStringLiteral("PromQL info: partial <result>") };
        SourceNoticeLabel::Notice n = SourceNoticeLabel::noticeFor({ { QStringLiteral("prom-east"), east } });
        QCOMPARE(n.text, QStringLiteral("⚠ 1 warning from prom-east"));
        QVERIFY(n.warning);
        QVERIFY(n.toolTip.contains(QStringLiteral("partial &lt;result&gt;"))); // escaped: a peer's text
        SourceProgress west;
        west.warnings = { QStringLiteral("a"), QStringLiteral("b") };
        n = SourceNoticeLabel::noticeFor(
            { { QStringLiteral("prom-east"), east }, { QStringLiteral("prom-west"), west } });
        QCOMPARE(n.text, QStringLiteral("⚠ 3 warnings from 2 sources"));
    }

    void followsTheStore()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        SourceNoticeLabel label(&store);
        QVERIFY(label.isHidden());
        SourceUpdate u;
        u.source = QStringLiteral("prom-east");
        SourceProgress p;
        p.warnings = { QStringLiteral("partial") };
        u.progress = p;
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(u);
        QVERIFY(spy.wait(1000));
        QCOMPARE(label.text(), QStringLiteral("⚠ 1 warning from prom-east"));
        QVERIFY(!label.isHidden());
        store.removeSource(QStringLiteral("prom-east"));
        QVERIFY(spy.wait(1000));
        QVERIFY(label.isHidden());
    }
};

QTEST_MAIN(TestSourceNotice)
#include "tst_sourcenotice.moc"
