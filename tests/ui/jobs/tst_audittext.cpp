// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log read by a person: who, what, on what, through what, how it ended, in words and
// plurals of the user's language; the raw record (JSON answer, HTTP status) only in the details.

#include "core/faults/faultacks.h"
#include "ui/common/translations.h"
#include "ui/jobs/auditdialog.h"
#include "ui/jobs/audittext.h"

#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace Meridian;

namespace {
AuditEntry entry(const QString& action, int status, const QString& result)
{
    AuditEntry e;
    e.timestampMs = 1'700'000'000'000;
    e.principal = QStringLiteral("zhangwei");
    e.source = QStringLiteral("slurm-east");
    e.action = action;
    e.jobId = action.contains(QLatin1String("node")) ? QStringLiteral("gpu017") : QStringLiteral("job-000072");
    e.preview = QStringLiteral("Cancel job job-000072 on 8 accelerators");
    e.status = status;
    e.result = result;
    return e;
}
const QString Json = QStringLiteral(R"({"accepted":true,"jobId":"job-000072"})");
} // namespace

class TestAuditText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { installTranslations(QLocale(QLocale::English)); }
    void cleanup() { installTranslations(QLocale(QLocale::English)); }

    void inWords_data()
    {
        QTest::addColumn<AuditEntry>("e");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("result");
        QTest::newRow("cancel") << entry(QStringLiteral("cancel"), 200, Json) << QStringLiteral("Cancel job")
                                << QStringLiteral("job job-000072") << QStringLiteral("Done");
        QTest::newRow("preview") << entry(QStringLiteral("requeue (preview)"), 200, Json)
                                 << QStringLiteral("Preview: Requeue job") << QStringLiteral("job job-000072")
                                 << QStringLiteral("Previewed");
        QTest::newRow("drain refused") << entry(QStringLiteral("drain-node"), 403, QStringLiteral("forbidden"))
                                       << QStringLiteral("Drain node") << QStringLiteral("node gpu017")
                                       << QStringLiteral("Failed (HTTP 403): forbidden");
        QTest::newRow("no answer") << entry(QStringLiteral("resume-node"), 0, QStringLiteral("connection refused"))
                                   << QStringLiteral("Resume node") << QStringLiteral("node gpu017")
                                   << QStringLiteral("No answer: connection refused");
        QTest::newRow("acknowledge") << entry(QLatin1String(Faults::AcknowledgeAction), 0, QStringLiteral("on it"))
                                     << QStringLiteral("Acknowledge incident") << QStringLiteral("incident job-000072")
                                     << QStringLiteral("Acknowledged: on it");
    }

    void inWords()
    {
        QFETCH(AuditEntry, e);
        QFETCH(QString, what);
        QFETCH(QString, target);
        QFETCH(QString, result);
        QCOMPARE(AuditText::what(e), what);
        QCOMPARE(AuditText::target(e), target);
        QCOMPARE(AuditText::result(e), result);
        QVERIFY(!AuditText::result(e).contains(QLatin1Char('{'))); // never JSON in the result
        QVERIFY(AuditText::sentence(e).startsWith(QStringLiteral("zhangwei at ")));
    }

    void rawRecordOnDemand()
    {
        const AuditEntry e = entry(QStringLiteral("cancel"), 200, Json);
        const QString details = AuditText::details(e);
        QVERIFY(details.contains(Json));
        QVERIFY(details.contains(QStringLiteral("HTTP status: 200")));
        QVERIFY(details.contains(e.preview));

        AuditDialog dialog(nullptr);
        dialog.showEntries({ e, entry(QStringLiteral("drain-node"), 403, QStringLiteral("forbidden")) });
        QTreeWidget* table = dialog.table();
        QCOMPARE(table->topLevelItemCount(), 2);
        QTreeWidgetItem* row = table->topLevelItem(0);
        for (int column = 0; column < AuditDialog::ColumnCount; ++column)
            QVERIFY2(!row->text(column).contains(QLatin1Char('{')), qPrintable(row->text(column)));
        QCOMPARE(row->childCount(), 1); // the expander holds the raw record
        QVERIFY(row->child(0)->text(0).contains(Json));
        QVERIFY(row->toolTip(AuditDialog::ResultColumn).contains(Json));
        QCOMPARE(dialog.countLabel()->text(),
            QStringLiteral("2 actions recorded, newest first; expand one for its details"));
        dialog.showEntries({ e });
        QCOMPARE(
            dialog.countLabel()->text(), QStringLiteral("1 action recorded, newest first; expand one for its details"));
    }

    void inChinese()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        const AuditEntry e = entry(QStringLiteral("drain-node"), 403, QStringLiteral("forbidden"));
        QCOMPARE(AuditText::what(e), QStringLiteral("排空节点"));
        QVERIFY(AuditText::target(e).startsWith(QStringLiteral("节点")));
        QVERIFY(AuditText::result(e).startsWith(QStringLiteral("失败")));
    }
};

QTEST_MAIN(TestAuditText)
#include "tst_audittext.moc"
