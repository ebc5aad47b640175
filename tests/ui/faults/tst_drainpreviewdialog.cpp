// SPDX-License-Identifier: GPL-3.0-or-later
// The node action dialog when the engine's API cannot act (Slurm's v0.0.38 has no node update): it says so,
// shows the scontrol command built from the reason typed, copies it, and offers nothing to confirm.
#include "core/sources/slurmactionclient.h"
#include "ui/faults/drainpreviewdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Qt::StringLiterals;

class TestDrainPreviewDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manualCommandFollowsTheReason()
    {
        NodeActionPreview preview;
        preview.jobs.append({ u"17"_s, u"train"_s, u"running"_s, { 0, 1 } });
        DrainPreviewDialog dialog(u"n3"_s, u"drain"_s, preview);
        const ActionRequest request { ActionKind::DrainNode, u"n3"_s, {}, true };
        dialog.setManualCommand([request](const QString& reason) {
            ActionRequest r = request;
            r.reason = reason;
            return SlurmActionClient::scontrolCommand(r, u"ops"_s);
        });
        dialog.show();
        QVERIFY(!dialog.confirmButton()->isVisible()); // nothing to confirm: the console does not act
        QCOMPARE(dialog.jobs()->rowCount(), 1); // the jobs it would leave running are still shown
        QCOMPARE(dialog.manualCommand()->text(),
            u"scontrol update nodename=n3 state=drain reason='drained from Meridian by ops'"_s);
        dialog.findChild<QLineEdit*>(u"drainReason"_s)->setText(u"fan swap; rm -rf /"_s);
        QCOMPARE(
            dialog.manualCommand()->text(), u"scontrol update nodename=n3 state=drain reason='fan swap; rm -rf /'"_s);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"copyManualCommand"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.manualCommand()->text());
    }
};

QTEST_MAIN(TestDrainPreviewDialog)
#include "tst_drainpreviewdialog.moc"
