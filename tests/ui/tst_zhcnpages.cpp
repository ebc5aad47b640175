// SPDX-License-Identifier: GPL-3.0-or-later
// The whole console in zh_CN on the demo fleet (the real meridian-fleetsim, with a fault
// injected): every page is shown, the first row of every table is selected so that detail
// panes fill, and every text a user can read — table cells, headers, tooltips, labels,
// buttons, tabs, menus, chart axes — is checked for English left untranslated.

#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "tests/ui/englishleft.h"
#include "ui/charts/customplot.h"
#include "ui/common/translations.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pageregistry.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

// One readable text and where it was seen.
struct Seen
{
    QString where;
    QString text;
};

QString pathOf(const QObject* o)
{
    QStringList parts;
    for (; o; o = o->parent())
        parts.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName());
    return parts.mid(std::max<qsizetype>(0, parts.size() - 3)).join(QLatin1Char('/'));
}

void collectModel(
    const QAbstractItemModel* m, const QString& where, QList<Seen>* out, const QModelIndex& parent = {}, int depth = 0)
{
    constexpr int MaxRows = 40; // the first rows of each table show every kind of cell the demo has
    for (int c = 0; c < m->columnCount(parent) && depth == 0; ++c)
        out->append({ where + QStringLiteral(" header"), m->headerData(c, Qt::Horizontal).toString() });
    for (int r = 0; r < std::min(m->rowCount(parent), MaxRows); ++r) {
        for (int c = 0; c < m->columnCount(parent); ++c) {
            const QModelIndex i = m->index(r, c, parent);
            for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) }) {
                const QVariant v = i.data(role);
                if (v.typeId() == QMetaType::QString)
                    out->append({ where, v.toString() });
            }
            if (c == 0 && depth < 2 && m->hasChildren(i))
                collectModel(m, where, out, i, depth + 1);
        }
    }
}

void collectPlot(QCustomPlot* plot, const QString& where, QList<Seen>* out)
{
    for (QCPAxisRect* rect : plot->axisRects())
        for (const QCPAxis* axis : rect->axes())
            out->append({ where + QStringLiteral(" axis"), axis->label() });
    for (int i = 0; i < plot->plottableCount(); ++i)
        out->append({ where + QStringLiteral(" series"), plot->plottable(i)->name() });
    for (int i = 0; i < plot->itemCount(); ++i)
        if (const auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
            out->append({ where + QStringLiteral(" text"), text->text() });
}

// Every text of the visible widgets under root.
QList<Seen> collect(const QWidget* root)
{
    QList<Seen> out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisible())
            continue;
        const QString where = pathOf(w);
        out.append({ where + QStringLiteral(" tooltip"), w->toolTip() });
        if (const auto* l = qobject_cast<const QLabel*>(w))
            out.append({ where, l->text() });
        else if (const auto* b = qobject_cast<const QAbstractButton*>(w))
            out.append({ where, b->text() });
        else if (const auto* g = qobject_cast<const QGroupBox*>(w))
            out.append({ where, g->title() });
        else if (const auto* e = qobject_cast<const QLineEdit*>(w))
            out.append({ where, e->placeholderText() });
        else if (const auto* t = qobject_cast<const QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i)
                out.append({ where, t->tabText(i) });
        else if (const auto* c = qobject_cast<const QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i)
                out.append({ where, c->itemText(i) });
        else if (const auto* v = qobject_cast<const QAbstractItemView*>(w); v && v->model())
            collectModel(v->model(), where, &out);
        else if (auto* p = qobject_cast<QCustomPlot*>(w))
            collectPlot(p, where, &out);
    }
    return out;
}

// Selects the first row of every visible table, so that the detail panes beside them fill.
void selectFirstRows(QWidget* root)
{
    for (QAbstractItemView* v : root->findChildren<QAbstractItemView*>())
        if (v->isVisible() && v->model() && v->model()->rowCount() > 0 && !v->currentIndex().isValid())
            v->setCurrentIndex(v->model()->index(0, 0));
}

} // namespace

class TestZhCnPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void cleanup() { installTranslations(QLocale(QLocale::English)); }

    void detectorFindsEnglishOnly()
    {
        Test::EnglishDetector d;
        d.allow(QStringLiteral("zhangwei"));
        QCOMPARE(d.englishWords(QStringLiteral("降级（1 个加速卡故障）")), QStringList());
        QCOMPARE(d.englishWords(QStringLiteral("降级 (1 accelerator(s) faulty)")),
            QStringList({ QStringLiteral("accelerator"), QStringLiteral("faulty") }));
        QCOMPARE(d.englishWords(QStringLiteral("gpu-001 上的 HBM ECC 错误，作业 job-000072，用户 zhangwei，12 ms")),
            QStringList());
        QCOMPARE(d.englishWords(QStringLiteral("<b>Loading</b> history…")),
            QStringList({ QStringLiteral("Loading"), QStringLiteral("history") }));
    }

    void everyPageIsChinese()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        Test::SimulatorFixture sim;
        // The demo scenario scaled down: every region, pool and model of it, in less time.
        QVERIFY2(sim.start({ QStringLiteral("--history"), QStringLiteral("30m"), QStringLiteral("--seed"),
                     QStringLiteral("1"), QStringLiteral("--nodes"), QStringLiteral("60") }),
            qPrintable(sim.error()));
        QTemporaryDir cache;
        FleetSession session;
        QString error;
        QVERIFY2(sim.openSession(session, cache.path(), &error, QStringLiteral("演示机群")), qPrintable(error));
        MainWindow window(&session);
        window.resize(1600, 1000);
        window.show();
        FleetStore* store = session.store();
        // Every node polled (the seeded demo has nodes that are down at its start).
        QTRY_VERIFY_WITH_TIMEOUT(store->agentStatusCounts().up > 0 && store->agentStatusCounts().unknown == 0, 120000);

        // Faults, so that the Faults page, the node details and the events have rows to show: an
        // accelerator's ECC errors on one node (it stays up, the fault open) and another node down.
        QStringList ids = store->nodes().keys();
        ids.sort();
        const QString faulty = ids.first(), down = ids.last();
        for (const auto& [node, kind] : { std::pair { faulty, "hbm-ecc" }, std::pair { down, "node-down" } }) {
            const Test::HttpResult r = sim.post(QStringLiteral("sim/faults"),
                { { QStringLiteral("node"), node }, { QStringLiteral("kind"), QLatin1String(kind) } }, 60000);
            QVERIFY2(r.status == 200, r.body.constData());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!store->nodes().value(faulty).snapshot.faults.isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(store->nodes().value(down).status != AgentStatus::Up, 60000);

        Test::EnglishDetector detector;
        for (const FleetNode& n : store->nodes()) {
            for (const QString& s :
                { n.inventory.nodeId, n.inventory.hostname, n.inventory.region, n.inventory.pool, n.inventory.rack })
                detector.allow(s);
            for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators)
                detector.allow(a.vendor + QLatin1Char(' ') + a.model);
        }
        for (const Protocol::JobRecord& j : store->jobs())
            for (const QString& s : { j.jobId, j.name, j.tenant, j.user, j.model })
                detector.allow(s);

        QStringList problems;
        for (const QString& id : pageIds()) {
            QVERIFY(window.showPage(id));
            qInfo("page %s", qPrintable(id));
            QTest::qWait(1500); // the page's models fill from the store and the cache
            selectFirstRows(window.page(id));
            QTest::qWait(1500); // detail panes load their history
            for (const Seen& s : collect(&window)) {
                const QStringList words = detector.englishWords(s.text);
                if (!words.isEmpty())
                    problems.append(QStringLiteral("%1: %2: [%3] in \"%4\"")
                                        .arg(id, s.where, words.join(QLatin1Char(' ')), s.text.left(160)));
            }
        }
        for (const QAction* menu : window.menuBar()->actions())
            for (const QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
                if (!a->isSeparator() && !detector.englishWords(a->text()).isEmpty())
                    problems.append(QStringLiteral("menu: \"%1\"").arg(a->text()));
        problems.removeDuplicates();
        for (const QString& p : std::as_const(problems))
            qWarning("English left: %s", qPrintable(p)); // one line each: QVERIFY2's message is cut at 1 KB
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 texts left in English").arg(problems.size())));
    }
};

QTEST_MAIN(TestZhCnPages)
#include "tst_zhcnpages.moc"
