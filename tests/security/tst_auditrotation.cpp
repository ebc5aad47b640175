// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's audit log rotates by size without losing or rewriting a line.

#include "agent/common/auditlog.h"
#include "agent/common/httpservice.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Agent;

class TestAuditRotation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rotatesAndKeepsEveryLine();
    void authFailureRecordHasNoSecret();
};

void TestAuditRotation::rotatesAndKeepsEveryLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditLog log;
    QString error;
    QVERIFY2(log.open(path, &error), qPrintable(error));
    log.setRotation(4096, 3);
    constexpr int Records = 300; // ~140 bytes each: more than the 4 files (current + 3) hold
    for (int i = 0; i < Records; ++i) {
        AuditRecord r;
        r.timestampMs = 1700000000000 + i;
        r.principal = QStringLiteral("operator#1");
        r.action = QStringLiteral("cancel");
        r.target = QStringLiteral("job-%1").arg(i);
        r.outcome = QStringLiteral("performed");
        QVERIFY(log.append(r));
    }
    QByteArray all;
    for (const QString& name : { QStringLiteral(".3"), QStringLiteral(".2"), QStringLiteral(".1"), QString() }) {
        QFile f(path + name);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path + name));
        const QByteArray text = f.readAll();
        QVERIFY(text.size() < 4096 + 200);
        all += text;
    }
    QVERIFY(!QFile::exists(path + QStringLiteral(".4")));
    // The newest lines survive in order, none is cut, none repeated.
    const QList<QByteArray> lines = all.trimmed().split('\n');
    QVERIFY(lines.size() > 30 && lines.size() < Records);
    const int first = Records - int(lines.size());
    for (int i = 0; i < lines.size(); ++i)
        QVERIFY2(
            lines.at(i).contains(QByteArray("\"job-" + QByteArray::number(first + i) + '"')), lines.at(i).constData());
}

void TestAuditRotation::authFailureRecordHasNoSecret()
{
    const AuditRecord r
        = authFailureRecord(AuthFailure { "192.0.2.7", "POST", "/api/v1/jobs/j1/cancel", "wrong bearer token" });
    QCOMPARE(r.principal, QStringLiteral("unauthenticated@192.0.2.7"));
    QCOMPARE(r.outcome, QStringLiteral("refused"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.target, QStringLiteral("POST /api/v1/jobs/j1/cancel"));
}

QTEST_GUILESS_MAIN(TestAuditRotation)
#include "tst_auditrotation.moc"
