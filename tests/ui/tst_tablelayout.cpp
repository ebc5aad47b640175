// SPDX-License-Identifier: GPL-3.0-or-later
// The shared table layout: columns fitted to their content with the key column stretched, identifiers
// elided in the middle with the whole text in the tooltip, and widths, order and sort kept per table.

#include "ui/common/tablelayout.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

#include <memory>

using namespace Meridian;

namespace {
const QString LongHost = QStringLiteral("gpu-node-ulanqab-train-rack07-0123.compute.example.cn");

// Host, message, count: the shape of most of the console's tables.
std::unique_ptr<QStandardItemModel> hostsModel(int columns = 3)
{
    auto model = std::make_unique<QStandardItemModel>(0, columns);
    const QStringList labels { QStringLiteral("Host"), QStringLiteral("Message"), QStringLiteral("Count"),
        QStringLiteral("Extra") };
    model->setHorizontalHeaderLabels(labels.mid(0, columns));
    for (int row = 0; row < 20; ++row) {
        QList<QStandardItem*> items { new QStandardItem(row == 0 ? LongHost : QStringLiteral("n%1").arg(row)),
            new QStandardItem(QStringLiteral("HBM uncorrectable ECC error on accelerator %1").arg(row)),
            new QStandardItem(QString::number(row)) };
        items[2]->setData(row, Qt::DisplayRole);
        while (items.size() < columns)
            items.append(new QStandardItem(QStringLiteral("x")));
        model->appendRow(items);
    }
    return model;
}

std::unique_ptr<QTableView> tableOn(QAbstractItemModel* model)
{
    auto view = std::make_unique<QTableView>();
    view->setModel(model);
    view->setSortingEnabled(true);
    view->resize(800, 400);
    return view;
}
} // namespace

class TestTableLayout : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tablelayout"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void init() { QSettings().clear(); }

    void fitsContentAndStretchesTheKeyColumn()
    {
        auto model = hostsModel();
        auto view = tableOn(model.get());
        TableLayout* layout = TableLayout::apply(view.get(), QStringLiteral("test/fit"), { .key = 1 });
        QVERIFY(layout);
        QVERIFY(!layout->restored());
        QCOMPARE(TableLayout::of(view.get()), layout);
        QHeaderView* header = view->horizontalHeader();
        QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch);
        QCOMPARE(header->sectionResizeMode(0), QHeaderView::Interactive);
        // The count is a number: as narrow as its label and its numbers, far narrower than the host column.
        QVERIFY2(header->sectionSize(2) < header->sectionSize(0),
            qPrintable(QStringLiteral("%1 vs %2").arg(header->sectionSize(2)).arg(header->sectionSize(0))));
        header->setSortIndicatorShown(false); // the label's own width, without room for the arrow
        QVERIFY(header->sectionSize(2) >= header->sectionSizeHint(2));
        header->setSortIndicatorShown(true);
        // No column but the key one wider than the cap: the long host is elided, not given the table.
        QVERIFY(header->sectionSize(0) <= 28 * view->fontMetrics().averageCharWidth() + 1);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QVERIFY(!view->horizontalScrollBar()->isVisible()); // everything fits at 800 px
    }

    void fitsOnceRowsArrive()
    {
        QStandardItemModel model(0, 3);
        auto view = tableOn(&model);
        TableLayout::apply(view.get(), QStringLiteral("test/later"), { .key = 1 });
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const int before = view->horizontalHeader()->sectionSize(0);
        model.appendRow({ new QStandardItem(LongHost), new QStandardItem(QStringLiteral("m")),
            new QStandardItem(QStringLiteral("1")) });
        QTRY_VERIFY(view->horizontalHeader()->sectionSize(0) > before);
    }

    // Columns give way to the key column down to their label, but a column of numbers (right-aligned) not below
    // its numbers: "1…" for 100 tells nothing.
    void numbersAreNeverElidedToMakeRoom()
    {
        auto model = hostsModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            QStandardItem* count = model->item(row, 2);
            count->setData(123'456'789 + row, Qt::DisplayRole);
            count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        auto view = tableOn(model.get());
        view->resize(360, 300);
        TableLayout::apply(view.get(), QStringLiteral("test/numbers"), { .key = 0, .keyChars = 30 });
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QHeaderView* header = view->horizontalHeader();
        const QAbstractItemView* measured = view.get(); // QTableView hides the public measure
        QTRY_VERIFY(header->sectionSize(2) >= measured->sizeHintForColumn(2));
        QVERIFY2(header->sectionSize(1) < measured->sizeHintForColumn(1),
            "the text column should have given way instead"); // it is elided, with its tooltip
    }

    // Rows of a hidden view (a page or tab not shown) are not measured: every change of them would cost a fit
    // nobody sees. It is fitted to them when it is shown.
    void hiddenViewIsFittedWhenShown()
    {
        QStandardItemModel model(0, 3);
        auto view = tableOn(&model);
        TableLayout::apply(view.get(), QStringLiteral("test/hidden"), { .key = 1 });
        const int before = view->horizontalHeader()->sectionSize(0);
        model.appendRow({ new QStandardItem(LongHost), new QStandardItem(QStringLiteral("m")),
            new QStandardItem(QStringLiteral("1")) });
        QTest::qWait(50);
        QCOMPARE(view->horizontalHeader()->sectionSize(0), before);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QTRY_VERIFY(view->horizontalHeader()->sectionSize(0) > before);
    }

    void identifiersElideInTheMiddleWithTheWholeTextInTheTooltip()
    {
        auto model = hostsModel();
        auto view = tableOn(model.get());
        TableLayout::apply(view.get(), QStringLiteral("test/elide"), { .key = 1, .identifiers = { 0 } });
        auto* delegate = qobject_cast<MiddleElideDelegate*>(view->itemDelegateForColumn(0));
        QVERIFY(delegate);
        QVERIFY(!qobject_cast<MiddleElideDelegate*>(view->itemDelegateForColumn(1))); // text elides at its end
        const QModelIndex host = model->findItems(LongHost).value(0)->index(); // wherever the sort put it
        QStyleOptionViewItem option;
        option.initFrom(view.get());
        delegate->initStyleOption(&option, host);
        QCOMPARE(option.textElideMode, Qt::ElideMiddle);
        QCOMPARE(option.text, LongHost);

        // Too narrow for the whole host: the tooltip holds it; wide enough: no tooltip of ours.
        QCOMPARE(MiddleElideDelegate::toolTipText(host, view->font(), 60), LongHost);
        QCOMPARE(MiddleElideDelegate::toolTipText(host, view->font(), 5000), QString());
        // A model's own tooltip stays, below the whole text.
        model->setData(host, QStringLiteral("agent unreachable"), Qt::ToolTipRole);
        QCOMPARE(
            MiddleElideDelegate::toolTipText(host, view->font(), 60), LongHost + QStringLiteral("\nagent unreachable"));
        model->setData(host, QVariant(), Qt::ToolTipRole);

        // And the view shows it when hovered.
        view->horizontalHeader()->resizeSection(0, 80);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const QPoint centre = view->visualRect(host).center();
        QHelpEvent help(QEvent::ToolTip, centre, view->viewport()->mapToGlobal(centre));
        QApplication::sendEvent(view->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), LongHost);
        QToolTip::hideText();
    }

    void restoresWidthsOrderAndSort()
    {
        auto model = hostsModel();
        {
            auto view = tableOn(model.get());
            TableLayout* layout = TableLayout::apply(view.get(), QStringLiteral("test/kept"), { .key = 1 });
            QHeaderView* header = view->horizontalHeader();
            header->resizeSection(0, 173);
            header->moveSection(2, 0); // count first
            view->sortByColumn(2, Qt::DescendingOrder);
            layout->save();
        }
        // Another start: a fresh view and model of the same table.
        auto again = hostsModel();
        auto view = tableOn(again.get());
        view->sortByColumn(0, Qt::AscendingOrder); // the page's default, replaced by what was saved
        TableLayout* layout = TableLayout::apply(view.get(), QStringLiteral("test/kept"), { .key = 1 });
        QVERIFY(layout->restored());
        QHeaderView* header = view->horizontalHeader();
        QCOMPARE(header->sectionSize(0), 173);
        QCOMPARE(header->visualIndex(2), 0);
        QCOMPARE(header->sortIndicatorSection(), 2);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(again->index(0, 2).data().toInt(), 19); // the model is sorted, not only the arrow
        QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch);

        // Another table name: nothing restored.
        auto other = tableOn(again.get());
        QVERIFY(!TableLayout::apply(other.get(), QStringLiteral("test/other"), { .key = 1 })->restored());
    }

    // A kept width narrower than its label (another language's label, a damaged state) is widened to the label
    // when the view is shown and when the labels change; a wider kept width stays.
    void keptWidthsNeverCutTheLabel()
    {
        auto model = hostsModel();
        {
            auto view = tableOn(model.get());
            TableLayout* layout = TableLayout::apply(view.get(), QStringLiteral("test/labels"), { .key = 1 });
            view->horizontalHeader()->resizeSection(0, 8);
            view->horizontalHeader()->resizeSection(2, 260);
            layout->save();
        }
        auto again = hostsModel();
        auto view = tableOn(again.get());
        TableLayout* layout = TableLayout::apply(view.get(), QStringLiteral("test/labels"), { .key = 1 });
        QVERIFY(layout->restored());
        QHeaderView* header = view->horizontalHeader();
        header->setSortIndicatorShown(false);
        const int hostLabel = header->sectionSizeHint(0);
        header->setSortIndicatorShown(true);
        QVERIFY(header->sectionSize(0) < hostLabel); // as kept (the header's minimum section size)
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QVERIFY(header->sectionSize(0) >= hostLabel);
        QCOMPARE(header->sectionSize(2), 260);
        // The labels change (a language switch): a longer one gets its room.
        again->setHorizontalHeaderItem(0, new QStandardItem(QStringLiteral("Host name as the scheduler knows it")));
        header->setSortIndicatorShown(false);
        const int longer = header->sectionSizeHint(0);
        header->setSortIndicatorShown(true);
        QVERIFY(longer > hostLabel);
        QTRY_VERIFY(header->sectionSize(0) >= longer);
    }

    // The header's context menu shows and hides columns; the key column stays; default-hidden columns
    // start hidden; the choice is kept with the rest of the layout.
    void columnMenuShowsAndHidesColumns()
    {
        auto model = hostsModel(4);
        {
            auto view = tableOn(model.get());
            TableLayout* layout
                = TableLayout::apply(view.get(), QStringLiteral("test/menu"), { .key = 1, .hidden = { 3 } });
            QHeaderView* header = view->horizontalHeader();
            QVERIFY(header->isSectionHidden(3));
            QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu);
            std::unique_ptr<QMenu> menu(layout->columnMenu());
            const QList<QAction*> actions = menu->actions();
            QCOMPARE(actions.size(), 4);
            QCOMPARE(actions[0]->text(), QStringLiteral("Host"));
            QVERIFY(actions[0]->isChecked());
            QVERIFY(!actions[1]->isEnabled()); // the key column cannot be hidden
            QVERIFY(!actions[3]->isChecked()); // hidden by default
            actions[2]->trigger(); // hide Count
            QVERIFY(header->isSectionHidden(2));
            actions[3]->trigger(); // show Extra
            QVERIFY(!header->isSectionHidden(3));
            QVERIFY(header->sectionSize(3) > 0);
        }
        // Another start: what the user chose, not the defaults.
        auto again = hostsModel(4);
        auto view = tableOn(again.get());
        TableLayout* layout
            = TableLayout::apply(view.get(), QStringLiteral("test/menu"), { .key = 1, .hidden = { 3 } });
        QVERIFY(layout->restored());
        QVERIFY(view->horizontalHeader()->isSectionHidden(2));
        QVERIFY(!view->horizontalHeader()->isSectionHidden(3));

        // The last column shown cannot be hidden: a table with no columns is not a choice.
        auto single = hostsModel(3);
        auto one = tableOn(single.get());
        TableLayout* l = TableLayout::apply(one.get(), QStringLiteral("test/menu1"), { .key = -1 });
        l->setColumnShown(0, false);
        l->setColumnShown(2, false);
        std::unique_ptr<QMenu> menu(l->columnMenu());
        QVERIFY(!menu->actions()[1]->isEnabled());
    }

    // Wide neighbours give way: the key column keeps room for about 30 characters.
    void keyColumnKeepsRoom()
    {
        auto model = hostsModel(4);
        for (int row = 0; row < model->rowCount(); ++row)
            model->item(row, 3)->setText(QString(40, QLatin1Char('w')));
        auto view = tableOn(model.get());
        view->resize(500, 300);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        TableLayout::apply(view.get(), QStringLiteral("test/room"), { .key = 1, .identifiers = { 0 } });
        QCoreApplication::processEvents();
        const int room = 30 * view->fontMetrics().averageCharWidth();
        QVERIFY2(view->horizontalHeader()->sectionSize(1) >= room * 9 / 10,
            qPrintable(QString::number(view->horizontalHeader()->sectionSize(1))));
    }

    void ignoresStateSavedForOtherColumns()
    {
        auto three = hostsModel(3);
        {
            auto view = tableOn(three.get());
            view->horizontalHeader()->resizeSection(0, 151);
            TableLayout::apply(view.get(), QStringLiteral("test/columns"), { .key = 1 })->save();
        }
        auto four = hostsModel(4);
        auto view = tableOn(four.get());
        QVERIFY(!TableLayout::apply(view.get(), QStringLiteral("test/columns"), { .key = 1 })->restored());
    }

    void savesWhenTheApplicationQuits()
    {
        auto model = hostsModel();
        auto view = tableOn(model.get());
        TableLayout::apply(view.get(), QStringLiteral("test/quit"), { .key = 1 });
        view->horizontalHeader()->resizeSection(0, 141);
        QVERIFY(
            !QSettings().contains(TableLayout::settingsGroup(QStringLiteral("test/quit")) + QStringLiteral("/header")));
        // What QApplication::exec() emits when the console closes (a private signal: invoked by name).
        QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
        QVERIFY(
            QSettings().contains(TableLayout::settingsGroup(QStringLiteral("test/quit")) + QStringLiteral("/header")));
    }

    void treesToo()
    {
        auto model = hostsModel();
        QTreeView tree;
        tree.setModel(model.get());
        TableLayout* layout
            = TableLayout::apply(&tree, QStringLiteral("test/tree"), { .key = 1, .identifiers = { 0 } });
        QVERIFY(layout);
        QCOMPARE(tree.header()->sectionResizeMode(1), QHeaderView::Stretch);
        QVERIFY(qobject_cast<MiddleElideDelegate*>(tree.itemDelegateForColumn(0)));
    }
};

QTEST_MAIN(TestTableLayout)
#include "tst_tablelayout.moc"
