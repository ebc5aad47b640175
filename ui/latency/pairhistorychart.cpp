// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/pairhistorychart.h"

#include "ui/charts/customplot.h"
#include "ui/charts/seriesstyle.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Meridian {
namespace {

constexpr qint64 Hour = 3600 * 1000;

} // namespace

PairHistoryChart::PairHistoryChart(QWidget* parent)
    : Chart(parent)
    , m_title(new QLabel(tr("Click an edge on the map or a cell of the matrix to see its history.")))
    , m_ranges(new QButtonGroup(this))
{
    setEmptyText(tr("No probe results for this pair in the chosen range yet."));
    m_title->setObjectName(QStringLiteral("pairTitle"));
    m_title->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    const std::pair<const char*, qint64> ranges[] = { { QT_TR_NOOP("1 h"), Hour }, { QT_TR_NOOP("24 h"), 24 * Hour },
        { QT_TR_NOOP("7 d"), 7 * 24 * Hour }, { QT_TR_NOOP("30 d"), 30 * 24 * Hour } };
    for (const auto& [label, ms] : ranges) {
        auto* b = new QPushButton(tr(label));
        b->setCheckable(true);
        b->setChecked(ms == m_rangeMs);
        m_ranges->addButton(b);
        bar->addWidget(b);
        connect(b, &QPushButton::clicked, this, [this, ms = ms] { setRange(ms); });
    }
    addBar(bar);
    chartLayout()->setContentsMargins(-1, -1, -1, -1); // the style's margins around bar and plot
    plot()->yAxis->setLabel(tr("RTT (ms)"));
    plot()->yAxis2->setVisible(true);
    plot()->yAxis2->setLabel(tr("Loss (%)"));
    plot()->legend->setVisible(true);
    const struct
    {
        QString name;
        QColor color;
        QCPAxis* axis;
    } series[] = { { tr("p50"), QColor(0x19, 0x76, 0xd2), plot()->yAxis },
        { tr("p99"), QColor(0x7b, 0x1f, 0xa2), plot()->yAxis },
        { tr("loss"), QColor(0xef, 0x6c, 0x00), plot()->yAxis2 },
        { tr("violation"), QColor(0xd3, 0x2f, 0x2f), plot()->yAxis },
        { tr("target"), QColor(0x38, 0x8e, 0x3c), plot()->yAxis } };
    int index = 0;
    for (const auto& s : series) {
        QCPGraph* g = plot()->addGraph(plot()->xAxis, s.axis);
        g->setName(s.name);
        g->setPen(seriesPen(s.color, index++));
    }
    // Markers on the lines, one shape each: a pair seen for one window only still shows, and
    // p50, p99 and loss differ in pattern and shape as well as colour.
    for (int g = 0; g < 3; ++g)
        plot()->graph(g)->setScatterStyle(QCPScatterStyle(seriesShape(g), 5));
    plot()->graph(3)->setLineStyle(QCPGraph::lsNone);
    plot()->graph(3)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(0xd3, 0x2f, 0x2f), 7));
    plot()->graph(4)->setPen(seriesPen(QColor(0x38, 0x8e, 0x3c), 4));
}

QString PairHistoryChart::title() const
{
    return m_title->text();
}

void PairHistoryChart::showPair(const QString& title, const LatencyTarget& target, Source source)
{
    m_title->setText(title);
    m_target = target;
    m_source = std::move(source);
    refresh();
}

void PairHistoryChart::setRange(qint64 rangeMs)
{
    m_rangeMs = rangeMs;
    refresh();
}

void PairHistoryChart::refresh()
{
    if (!m_source)
        return;
    // The range ends at the newest data, not the console's clock: agent time only.
    const QList<PairPoint> all = m_source(0, std::numeric_limits<qint64>::max());
    const qint64 to = all.isEmpty() ? 0 : all.last().timestampMs;
    QVector<double> t, p50, p99, loss, vt, vv;
    m_violations = 0;
    for (const PairPoint& p : all) {
        if (p.timestampMs < to - m_rangeMs)
            continue;
        const double x = p.timestampMs / 1000.0;
        t.append(x);
        p50.append(p.p50Ms);
        p99.append(p.p99Ms);
        loss.append(std::isnan(p.loss) ? p.loss : p.loss * 100);
        if (violates(p, m_target)) {
            ++m_violations;
            vt.append(x);
            vv.append(std::isnan(p.p50Ms) ? 0.0 : p.p50Ms); // a lost window sits on the axis
        }
    }
    m_points = int(t.size());
    plot()->graph(0)->setData(t, p50, true);
    plot()->graph(1)->setData(t, p99, true);
    plot()->graph(2)->setData(t, loss, true);
    plot()->graph(3)->setData(vt, vv, true);
    if (!std::isnan(m_target.p50Ms) && !t.isEmpty())
        plot()->graph(4)->setData({ t.first(), t.last() }, { m_target.p50Ms, m_target.p50Ms }, true);
    else
        plot()->graph(4)->data()->clear();
    if (t.isEmpty())
        showEmpty();
    else
        showPlot();
    if (!t.isEmpty()) {
        plot()->xAxis->setRange(to / 1000.0 - m_rangeMs / 1000.0, to / 1000.0);
        bool found = false;
        QCPRange r = plot()->graph(1)->getValueRange(found);
        const double top = std::max({ found ? r.upper : 1.0, std::isnan(m_target.p50Ms) ? 0.0 : m_target.p50Ms });
        plot()->yAxis->setRange(0, top * 1.15);
        plot()->yAxis2->setRange(0, 100);
    }
    requestReplot();
}

} // namespace Meridian
