// SPDX-License-Identifier: GPL-3.0-or-later
// The values under the mouse, shared by every chart: the value at a time, "no data" in gaps
// (a NaN break or a stretch without samples), markers only where they are; each chart class
// has the tracer and a line pattern per series.

#include "ui/charts/customplot.h"
#include "ui/charts/plottracer.h"
#include "ui/charts/seriesstyle.h"
#include "ui/charts/stackedcapacitychart.h"
#include "ui/faults/reliabilitychart.h"
#include "ui/jobs/jobutilizationchart.h"
#include "ui/latency/pairhistorychart.h"
#include "ui/overview/capacitychart.h"
#include "ui/pools/accelerators/historychart.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Meridian;

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double T0 = 1'700'000'000; // seconds
} // namespace

class TestPlotTracer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void valueAtTheMouse()
    {
        QCustomPlot plot;
        QCPGraph* g = plot.addGraph();
        // Minutes 0–2, a NaN break, minutes 10–11; then a stretch without samples (no NaN) to minute 30.
        for (double minute : { 0.0, 1.0, 2.0 })
            g->addData(T0 + minute * 60, 10 + minute);
        g->addData(T0 + 3 * 60, NaN);
        g->addData(T0 + 10 * 60, 20);
        g->addData(T0 + 11 * 60, 21);
        g->addData(T0 + 30 * 60, 40);
        QCOMPARE(PlotTracer::valueAt(g, T0 + 60), 11.0);
        QCOMPARE(PlotTracer::valueAt(g, T0 + 70), 11.0); // the nearest sample
        QVERIFY(std::isnan(PlotTracer::valueAt(g, T0 + 5 * 60))); // in the NaN break
        QVERIFY(std::isnan(PlotTracer::valueAt(g, T0 + 20 * 60))); // nothing for 19 minutes
        QCOMPARE(PlotTracer::valueAt(g, T0 + 30 * 60 - 10), 40.0); // close to a sample after a gap
        QVERIFY(std::isnan(PlotTracer::valueAt(g, T0 - 60))); // before the data
        QVERIFY(std::isnan(PlotTracer::valueAt(g, T0 + 31 * 60))); // after it
    }

    void describeNamesEverySeries()
    {
        QCustomPlot plot;
        QCPGraph* a = plot.addGraph();
        a->setName(QStringLiteral("Allocated"));
        QCPGraph* b = plot.addGraph();
        b->setName(QStringLiteral("Free"));
        QCPGraph* unnamed = plot.addGraph(); // a band's edge: not in the tooltip
        unnamed->setName(QString());
        QCPGraph* marks = plot.addGraph();
        marks->setName(QStringLiteral("violation"));
        marks->setLineStyle(QCPGraph::lsNone);
        for (int minute = 0; minute < 5; ++minute) {
            a->addData(T0 + minute * 60, 100 + minute);
            b->addData(T0 + minute * 60, minute == 2 ? NaN : 50.5);
            unnamed->addData(T0 + minute * 60, 1);
        }
        marks->addData(T0, 7);
        marks->addData(T0 + 60, 7);
        PlotTracer tracer(&plot);
        const QString atTwo = tracer.describe(T0 + 2 * 60);
        QVERIFY2(atTwo.contains(QStringLiteral("Allocated: 102")), qPrintable(atTwo));
        QVERIFY2(atTwo.contains(QStringLiteral("Free: no data")), qPrintable(atTwo));
        QVERIFY2(!atTwo.contains(QStringLiteral("violation")), qPrintable(atTwo)); // no marker there
        QCOMPARE(atTwo.count(QLatin1Char('\n')), 2); // time, Allocated, Free
        const QString atOne = tracer.describe(T0 + 60);
        QVERIFY2(atOne.contains(QStringLiteral("Free: 50.5")), qPrintable(atOne));
        QVERIFY2(atOne.contains(QStringLiteral("violation: 7")), qPrintable(atOne));
        // The first line is the time, in the locale's format.
        QCOMPARE(atOne.section(QLatin1Char('\n'), 0, 0),
            QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(T0) + 60), QLocale::ShortFormat));
    }

    void mouseShowsTheLine()
    {
        CapacityChart chart;
        CapacitySeries series;
        for (int minute = 0; minute < 10; ++minute)
            series.points.append({ qint64(T0 * 1000) + minute * 60'000, 100, 60, 35, 5, 10 });
        chart.setSeries(series);
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCustomPlot* plot = chart.plot();
        const QPoint middle = plot->axisRect()->rect().center();
        QMouseEvent move(
            QEvent::MouseMove, middle, plot->mapToGlobal(middle), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(plot, &move);
        QVERIFY(chart.tracer()->isShown());
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(plot, &leave);
        QVERIFY(!chart.tracer()->isShown());
    }

    void everyChartClassHasTheTracer()
    {
        CapacityChart capacity;
        StackedCapacityChart stacked;
        HistoryChart history;
        JobUtilizationChart utilization(nullptr);
        PairHistoryChart pair;
        Faults::ReliabilityChart reliability;
        for (Chart* chart :
            std::initializer_list<Chart*> { &capacity, &stacked, &history, &utilization, &pair, &reliability }) {
            QVERIFY(chart->tracer());
            QCOMPARE(chart->plot()->findChildren<PlotTracer*>().size(), 1);
        }
    }

    // Allocated and Free (and every multi-line plot) differ in dash pattern, not colour alone.
    void linesDifferBeyondColour()
    {
        CapacityChart chart;
        QSet<int> styles;
        for (int i = 0; i < chart.plot()->graphCount(); ++i)
            styles.insert(int(chart.plot()->graph(i)->pen().style()));
        QCOMPARE(styles.size(), chart.plot()->graphCount());
        PairHistoryChart pair;
        QSet<int> pairStyles;
        for (int i = 0; i < 3; ++i) // p50, p99, loss
            pairStyles.insert(int(pair.plot()->graph(i)->pen().style()));
        QCOMPARE(pairStyles.size(), 3);
        QVERIFY(seriesShape(0) != seriesShape(1));
    }
};

QTEST_MAIN(TestPlotTracer)
#include "tst_plottracer.moc"
