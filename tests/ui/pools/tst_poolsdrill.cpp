// SPDX-License-Identifier: GPL-3.0-or-later
// Region → pool → node → accelerator on the Pools page of the main window,
// wired as `meridian --demo` wires it, against the real meridian-fleetsim
// (paused, so the table can be held against /sim/truth).

#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "ui/pools/accelerators/nodedetailview.h"
#include "ui/pools/fleettreemodel.h"
#include "ui/pools/nodetablemodel.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Meridian;

class TestPoolsDrill : public QObject
{
    Q_OBJECT
private:
    // Selects a scope in the tree the way a user does: current item by keyboard focus.
    static void selectInTree(PoolsPage* page, const QModelIndex& index)
    {
        QTreeView* tree = page->treeView();
        tree->scrollTo(index);
        tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    static QSet<QString> shownNodes(const NodeTableModel* model)
    {
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->nodeIdAt(row));
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void drillDown()
    {
        Test::SimulatorFixture sim;
        QVERIFY2(sim.start({ QStringLiteral("--history"), QStringLiteral("10m"), QStringLiteral("--seed"),
                     QStringLiteral("7") }),
            qPrintable(sim.error()));

        QTemporaryDir cache;
        FleetSession session;
        QString error;
        QVERIFY2(sim.openSession(session, cache.path(), &error, QStringLiteral("Demo fleet")), qPrintable(error));
        MainWindow window(&session);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("pools")));
        auto* page = qobject_cast<PoolsPage*>(window.page(QStringLiteral("pools")));
        QVERIFY(page);
        FleetStore* store = session.store();
        QTRY_VERIFY2_WITH_TIMEOUT(store->nodes().size() > 0 && store->agentStatusCounts().up == store->nodes().size(),
            qPrintable(
                QStringLiteral("%1 of %2 agents up").arg(store->agentStatusCounts().up).arg(store->nodes().size())),
            120000);

        const Test::HttpResult paused
            = sim.post(QStringLiteral("sim/control"), QJsonObject { { QStringLiteral("paused"), true } }, 180000);
        QVERIFY2(paused.status == 200, qPrintable(paused.error + QString::fromUtf8(paused.body)));
        const Test::HttpResult answer = sim.get(QStringLiteral("sim/truth"), 180000);
        QVERIFY2(answer.status == 200, qPrintable(answer.error));
        const QJsonObject truth = QJsonDocument::fromJson(answer.body).object();
        // The fleet poll is paged: wait until every node the simulator has is in the store.
        const QJsonObject fleet = truth.value(QLatin1String("fleet")).toObject();
        const int fleetNodes
            = fleet.value(QLatin1String("nodesUp")).toInt() + fleet.value(QLatin1String("nodesDown")).toInt();
        QTRY_COMPARE_WITH_TIMEOUT(int(store->nodes().size()), fleetNodes, 60000);
        const QJsonArray pools = truth.value(QLatin1String("pools")).toArray();
        QVERIFY(pools.size() >= 2);
        const QJsonObject pool = pools.at(1).toObject();
        const QString region = pool.value(QLatin1String("region")).toString();
        const QString poolName = pool.value(QLatin1String("pool")).toString();
        const int poolNodes
            = pool.value(QLatin1String("nodesUp")).toInt() + pool.value(QLatin1String("nodesDown")).toInt();
        QVERIFY(poolNodes > 0);

        // The tree follows the store's change sets, coalesced and sent in slices: its regions add up to the fleet
        // before their rows stand still.
        auto treeTotal = [page] {
            const FleetTreeModel* tree = page->treeModel();
            int sum = 0;
            for (int row = 0; row < tree->rowCount(); ++row)
                sum += tree->index(row, FleetTreeModel::Nodes).data(FleetTreeModel::RawRole).toInt();
            return sum;
        };
        QTRY_COMPARE_WITH_TIMEOUT(treeTotal(), fleetNodes, 10000);

        // Region: the table shows exactly that region's nodes.
        QTRY_VERIFY2(page->treeModel()->indexOf(region).isValid(), qPrintable(region));
        const QModelIndex regionIndex = page->treeModel()->indexOf(region);
        selectInTree(page, regionIndex);
        QSet<QString> regionNodes;
        for (const FleetNode& node : store->nodes()) {
            if (node.inventory.region == region)
                regionNodes.insert(node.inventory.nodeId);
        }
        // The table follows the store's change sets, coalesced and sent in slices: it catches up, it is not there
        // the moment the store is.
        QTRY_COMPARE_WITH_TIMEOUT(shownNodes(page->nodeModel()), regionNodes, 10000);

        // Pool: exactly that pool's nodes, as many as the simulator has.
        page->treeView()->expand(regionIndex);
        const QModelIndex poolIndex = page->treeModel()->indexOf(region, poolName);
        QVERIFY2(poolIndex.isValid(), qPrintable(poolName));
        QCOMPARE(poolIndex.parent(), regionIndex);
        selectInTree(page, poolIndex);
        QTRY_COMPARE(page->nodeModel()->rowCount(), poolNodes);
        QCOMPARE(poolIndex.siblingAtColumn(FleetTreeModel::Nodes).data(FleetTreeModel::RawRole).toInt(), poolNodes);
        for (int row = 0; row < page->nodeModel()->rowCount(); ++row) {
            const QString id = page->nodeModel()->nodeIdAt(row);
            QCOMPARE(store->node(id)->inventory.pool, poolName);
            QCOMPARE(page->nodeModel()->index(row, NodeTableModel::Pool).data().toString(), poolName);
        }

        // Node: Enter on a row opens its detail.
        QTableView* table = page->nodeTable();
        table->setFocus();
        table->setCurrentIndex(page->nodeModel()->index(2, NodeTableModel::Host));
        const QString nodeId = page->nodeModel()->nodeIdAt(2);
        QTest::keyClick(table, Qt::Key_Return);
        QVERIFY(page->isShowingDetail());
        QCOMPARE(page->detailView()->nodeId(), nodeId);

        // Accelerator: Down arrows in the detail's accelerator table select the fourth one.
        const int count = int(store->node(nodeId)->inventory.accelerators.size());
        QVERIFY(count > 3);
        auto* accelTable = page->detailView()->findChild<QTableView*>(QStringLiteral("acceleratorTable"));
        QVERIFY(accelTable);
        QCOMPARE(accelTable->model()->rowCount(), count);
        accelTable->setFocus();
        accelTable->setCurrentIndex(accelTable->model()->index(0, 0));
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(accelTable, Qt::Key_Down);
        QCOMPARE(page->detailView()->nodeId(), nodeId);
        QCOMPARE(page->detailView()->selectedAccelerator(), store->node(nodeId)->inventory.accelerators.at(3).index);
        // And from the fleet-wide accelerator table's side: straight to accelerator 1.
        page->showAccelerator(nodeId, 1);
        QCOMPARE(page->detailView()->selectedAccelerator(), 1);

        // Back: the table still shows the pool, the node still selected.
        page->showTables();
        QVERIFY(!page->isShowingDetail());
        QCOMPARE(page->nodeModel()->rowCount(), poolNodes);
        QCOMPARE(page->nodeModel()->nodeIdAt(table->currentIndex().row()), nodeId);
    }
};

QTEST_MAIN(TestPoolsDrill)
#include "tst_poolsdrill.moc"
