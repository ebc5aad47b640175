// SPDX-License-Identifier: GPL-3.0-or-later
// Destructive actions ask in words: the buttons name the action and its target, a reason is required
// before the action can be confirmed, and leaving things as they are is the default.

#include "ui/faults/acknowledgedialog.h"
#include "ui/faults/drainpreviewdialog.h"
#include "ui/jobs/jobactiondialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Meridian;

class TestDestructiveDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void jobActions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QString>("keep");
        QTest::addRow("cancel") << int(ActionKind::CancelJob) << "Cancel job job-000072"
                                << "Keep running";
        QTest::addRow("requeue") << int(ActionKind::RequeueJob) << "Requeue job job-000072"
                                 << "Leave it as it is";
    }

    void jobActions()
    {
        QFETCH(int, kind);
        QFETCH(QString, confirm);
        QFETCH(QString, keep);
        JobActionDialog dialog(
            ActionKind(kind), QStringLiteral("job-000072"), QStringLiteral("running on 16 accelerators"));
        QCOMPARE(dialog.confirmButton()->text(), confirm);
        QCOMPARE(dialog.keepButton()->text(), keep);
        QVERIFY(dialog.keepButton()->isDefault());
        // What will happen, in words, and the scheduler's own preview.
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("jobActionEffect"))->text().isEmpty());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("jobActionPreview"))->text().contains(u"16 accelerators"));
        // No reason, no action.
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.reasonEdit()->setText(QStringLiteral("   "));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.reasonEdit()->setText(QStringLiteral(" stuck at step 1200 "));
        QVERIFY(dialog.confirmButton()->isEnabled());
        QCOMPARE(dialog.reason(), QStringLiteral("stuck at step 1200"));
        dialog.show();
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void drainNamesTheNodeAndNeedsAReason()
    {
        NodeActionPreview preview;
        Faults::DrainPreviewDialog drain(QStringLiteral("node-7"), QStringLiteral("drain"), preview);
        QCOMPARE(drain.confirmButton()->text(), QStringLiteral("Drain node-7"));
        QCOMPARE(drain.keepButton()->text(), QStringLiteral("Keep node-7 in service"));
        QVERIFY(drain.keepButton()->isDefault());
        QVERIFY(!drain.confirmButton()->isEnabled());
        drain.findChild<QLineEdit*>(QStringLiteral("drainReason"))->setText(QStringLiteral("fan swap"));
        QVERIFY(drain.confirmButton()->isEnabled());

        Faults::DrainPreviewDialog resume(QStringLiteral("node-7"), QStringLiteral("resume"), preview);
        QCOMPARE(resume.confirmButton()->text(), QStringLiteral("Resume node-7"));
        QCOMPARE(resume.keepButton()->text(), QStringLiteral("Leave node-7 drained"));
        QVERIFY(resume.confirmButton()->isEnabled()); // giving capacity back needs no reason
    }

    void acknowledgeNamesTheIncident()
    {
        Faults::AcknowledgeDialog dialog(QStringLiteral("HBM uncorrectable ECC errors"), QStringLiteral("node-7"));
        QCOMPARE(dialog.confirmButton()->text(), QStringLiteral("Acknowledge “HBM uncorrectable ECC errors”"));
        QCOMPARE(dialog.keepButton()->text(), QStringLiteral("Not now"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("acknowledgedIncident"))->text(),
            QStringLiteral("HBM uncorrectable ECC errors on node-7"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.noteEdit()->setPlainText(QStringLiteral("replacing the module"));
        QVERIFY(dialog.confirmButton()->isEnabled());
        QCOMPARE(dialog.note(), QStringLiteral("replacing the module"));
    }
};

QTEST_MAIN(TestDestructiveDialogs)
#include "tst_destructivedialogs.moc"
