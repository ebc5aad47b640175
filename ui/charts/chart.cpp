// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chart.h"

#include "ui/charts/customplot.h"
#include "ui/charts/plottracer.h"

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace Meridian {

namespace {
// Dense-data settings (no antialiasing, cached labels, fast polylines: cheap replots of
// days of minute data, docs/performance.md) and a local-time date axis.
void setUpForTimeSeries(QCustomPlot* plot)
{
    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(true);
    plot->setPlottingHints(QCP::phCacheLabels | QCP::phFastPolylines);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setTickCount(8);
    plot->xAxis->setTicker(ticker);
}
} // namespace

Chart::Chart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_tracer(new PlotTracer(m_plot))
    , m_title(new QLabel(this))
    , m_emptyLabel(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    m_title->setWordWrap(true);
    m_title->hide();
    m_layout->addWidget(m_title);
    m_layout->addLayout(m_stack, 1);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_plot);
    m_stack->addWidget(m_emptyLabel);
    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    setUpForTimeSeries(m_plot);
    m_stack->setCurrentWidget(m_emptyLabel);
}

Chart::~Chart() = default;

void Chart::setTitle(const QString& title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

QString Chart::title() const
{
    return m_title->text();
}

bool Chart::isEmpty() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void Chart::showEmpty(const QString& text)
{
    if (!text.isEmpty())
        m_emptyLabel->setText(text);
    m_stack->setCurrentWidget(m_emptyLabel);
}

void Chart::showPlot()
{
    m_stack->setCurrentWidget(m_plot);
}

void Chart::setEmptyText(const QString& text)
{
    m_emptyLabel->setText(text);
}

QString Chart::emptyText() const
{
    return m_emptyLabel->text();
}

void Chart::addBar(QLayout* bar)
{
    m_layout->insertLayout(0, bar);
}

void Chart::requestReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot); // QCustomPlot posts one replot for any number of these
}

void Chart::applyPaletteToPlot()
{
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.color(QPalette::Base));
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis }) {
        axis->setBasePen(QPen(pal.color(QPalette::Mid), 1));
        axis->setTickPen(QPen(pal.color(QPalette::Mid), 1));
        axis->setSubTickPen(QPen(pal.color(QPalette::Mid), 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    m_plot->legend->setTextColor(text);
}

void Chart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Meridian
