// SPDX-License-Identifier: GPL-3.0-or-later
// Loading, empty and error states in words (issue 18 §5): a view with no rows says why, and a blank fleet
// says which source fails and since when.

#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"
#include "ui/common/pagecontext.h"
#include "ui/common/viewstate.h"
#include "ui/jobs/jobspage.h"
#include "ui/pools/poolspage.h"

#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Meridian;

namespace {

SourceUpdate unreachable(const QString& source)
{
    // An agent source that never answered: its node is the endpoint, unreachable, with no snapshot.
    SourceUpdate u;
    u.source = source;
    u.nodes.append(Test::FleetBuilder::node(source).withoutSnapshot().status(
        AgentStatus::Unreachable, QStringLiteral("Connection refused")));
    return u;
}

SourceUpdate answering()
{
    SourceUpdate u;
    u.source = QStringLiteral("front");
    u.nodes.append(Test::FleetBuilder::node(QStringLiteral("gpu-node-0123.guian.example:9100"))
                       .region(QStringLiteral("Southwest China"))
                       .pool(QStringLiteral("guian-trn1"))
                       .seq(5));
    return u;
}

} // namespace

class TestViewState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void emptyLoadingAndErrorInWords()
    {
        QStandardItemModel model(0, 2);
        QTableView view;
        view.setModel(&model);
        ViewState* state = ViewState::attach(&view, QStringLiteral("No events for this node"));
        QCOMPARE(ViewState::of(&view), state);
        QCOMPARE(state->text(), QStringLiteral("No events for this node"));
        state->setLoading(QStringLiteral("Loading history…"));
        QCOMPARE(state->text(), QStringLiteral("Loading history…"));
        state->setError(QStringLiteral("The cache could not be read"));
        QCOMPARE(state->text(), QStringLiteral("The cache could not be read"));
        state->setLoaded();
        model.appendRow({ new QStandardItem(QStringLiteral("a")), new QStandardItem(QStringLiteral("b")) });
        QCOMPARE(state->text(), QString()); // rows speak for themselves
        model.removeRows(0, 1);
        QCOMPARE(state->text(), QStringLiteral("No events for this node"));
    }

    void blankFleetSaysWhichSourceFailsAndSinceWhen()
    {
        FleetStore store;
        QCOMPARE(ViewState::fleetBlankText(&store), QStringLiteral("Waiting for the first answer from the sources…"));
        store.applyUpdate(unreachable(QStringLiteral("wuhu-front")));
        const QString text = ViewState::fleetBlankText(&store);
        QVERIFY2(text.startsWith(QStringLiteral("Source wuhu-front unreachable since ")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("Connection refused")), qPrintable(text));
        store.applyUpdate(answering());
        QCOMPARE(ViewState::fleetBlankText(&store), QString()); // something reported: the views' own words
    }

    // Pages: the Pools tables and the Jobs table say why they are blank, first for the fleet, then their own.
    void pagesSayWhyTheyAreBlank()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        store.applyUpdate(unreachable(QStringLiteral("wuhu-front")));
        PoolsPage pools(PageContext { &store });
        JobsPage jobs(PageContext { &store });
        pools.resize(1366, 768);
        const ViewState* accelerators = ViewState::of(pools.acceleratorTable());
        const ViewState* jobTable = ViewState::of(jobs.table());
        QVERIFY(accelerators && jobTable);
        QTRY_VERIFY2(accelerators->text().startsWith(QStringLiteral("Source wuhu-front unreachable")),
            qPrintable(accelerators->text()));
        QVERIFY2(
            jobTable->text().startsWith(QStringLiteral("Source wuhu-front unreachable")), qPrintable(jobTable->text()));

        store.applyUpdate(answering());
        QTRY_COMPARE(accelerators->text(), QStringLiteral("No accelerators reported yet"));
        QTRY_VERIFY2(jobTable->text().startsWith(QStringLiteral("No jobs reported yet")), qPrintable(jobTable->text()));
    }
};

QTEST_MAIN(TestViewState)
#include "tst_viewstate.moc"
