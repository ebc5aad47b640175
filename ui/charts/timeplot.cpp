// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/timeplot.h"

#include <QLabel>
#include <QStackedLayout>
#include <qcustomplot.h>

namespace Meridian::TimePlot {

void setUp(QCustomPlot* plot, QLabel* emptyLabel, QStackedLayout* stack)
{
    stack->setContentsMargins(0, 0, 0, 0);
    stack->addWidget(plot);
    stack->addWidget(emptyLabel);
    emptyLabel->setObjectName(QStringLiteral("emptyState"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setWordWrap(true);
    emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(true);
    plot->setPlottingHints(QCP::phCacheLabels | QCP::phFastPolylines);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setTickCount(8);
    plot->xAxis->setTicker(ticker);
}

} // namespace Meridian::TimePlot
