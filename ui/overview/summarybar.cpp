// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/summarybar.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/theme.h"
#include "ui/overview/capacitytable.h"
#include "ui/overview/labellink.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace Meridian {

namespace {
enum TileIndex { NodesUp, NodesDown, JobsRunning, JobsQueued, JobsRecovering, OpenFaults, TileCount };
const char* const tileNames[] = { "nodesUp", "nodesDown", "jobsRunning", "jobsQueued", "jobsRecovering", "openFaults" };
} // namespace

SummaryBar::SummaryBar(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_reporting(new QLabel(this))
    , m_wholeFleet(new QToolButton(this))
    , m_tileGrid(new QGridLayout)
    , m_table(new CapacityTable(this))
{
    setObjectName(QStringLiteral("summaryBar"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("scopeTitle"));
    m_reporting->setObjectName(QStringLiteral("reporting"));
    m_wholeFleet->setObjectName(QStringLiteral("wholeFleet"));
    m_wholeFleet->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_wholeFleet->setAutoRaise(false);
    connect(m_wholeFleet, &QToolButton::clicked, this, &SummaryBar::wholeFleetRequested);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_wholeFleet);
    titleRow->addStretch(1);

    m_tileGrid->setHorizontalSpacing(Theme::Margin * 2);
    m_tileGrid->setVerticalSpacing(0);
    for (int i = 0; i < TileCount; ++i)
        m_tiles.append(addTile(QLatin1String(tileNames[i]), i));
    for (int i : { NodesDown, OpenFaults })
        for (QLabel* label : { m_tiles[i].value, m_tiles[i].caption })
            LabelLink::attach(label, [this] { Q_EMIT faultsRequested(m_region); });

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);

    // Stacked vertically so that the bar stays narrow and the capacity plot gets the rest of the row.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Margin, Theme::Margin, Theme::Margin, Theme::Margin);
    layout->setSpacing(Theme::Spacing);
    layout->addLayout(titleRow);
    layout->addWidget(m_reporting);
    layout->addLayout(m_tileGrid);
    layout->addWidget(line);
    layout->addWidget(m_table);
    layout->addStretch(1);

    updateTexts();
    updateColors();
}

SummaryBar::Tile SummaryBar::addTile(const QString& name, int column)
{
    Tile tile { new QLabel(this), new QLabel(this) };
    tile.value->setObjectName(name);
    tile.value->setAlignment(Qt::AlignRight | Qt::AlignBottom);
    QFont f = tile.value->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    tile.value->setFont(f);
    tile.caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
    tile.caption->setForegroundRole(QPalette::PlaceholderText);
    m_tileGrid->addWidget(tile.value, 0, column);
    m_tileGrid->addWidget(tile.caption, 1, column);
    return tile;
}

void SummaryBar::setFigures(const QString& region, const RegionFigures& figures)
{
    m_region = region;
    m_figures = figures;
    updateTexts();
    updateColors();
}

void SummaryBar::updateTexts()
{
    const RegionSummary& s = m_figures.summary;
    m_title->setText(m_region.isEmpty() ? tr("Whole fleet") : regionDisplayName(m_region));
    m_wholeFleet->setText(tr("Show whole fleet"));
    m_wholeFleet->setVisible(!m_region.isEmpty());
    const QLocale locale;
    if (s.nodesTotal == 0)
        m_reporting->setText(tr("No nodes known yet"));
    else if (s.nodesReporting == s.nodesTotal)
        m_reporting->setText(tr("All %1 nodes reporting").arg(locale.toString(s.nodesTotal)));
    else
        m_reporting->setText(
            tr("%1 of %2 nodes reporting").arg(locale.toString(s.nodesReporting), locale.toString(s.nodesTotal)));

    const bool known = m_figures.capacityKnown;
    const bool jobs = m_figures.jobsKnown;
    const struct
    {
        bool known;
        int value;
        QString caption;
    } values[TileCount] = {
        { known, s.nodesUp, tr("nodes up") },
        { known, s.nodesDown, tr("nodes down") },
        { jobs, s.jobs.running, tr("jobs running") },
        { jobs, s.jobs.queued, tr("jobs queued") },
        { jobs, s.jobs.recovering, tr("jobs recovering") },
        { known, s.openFaults, tr("open faults") },
    };
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[i].value->setText(values[i].known ? Format::count(values[i].value) : Format::missing());
        m_tiles[i].value->setProperty("value", values[i].known ? QVariant(values[i].value) : QVariant());
        m_tiles[i].caption->setText(values[i].caption);
    }
    const QString toFaults = m_region.isEmpty()
        ? tr("Show the incidents on the Faults page")
        : tr("Show the incidents in %1 on the Faults page").arg(regionDisplayName(m_region));
    for (int i : { NodesDown, OpenFaults }) {
        m_tiles[i].value->setToolTip(toFaults);
        m_tiles[i].caption->setToolTip(toFaults);
    }
    m_table->setModels(s.models, known, m_figures.blankReason);
}

void SummaryBar::updateColors()
{
    const RegionSummary& s = m_figures.summary;
    const bool known = m_figures.capacityKnown;
    const bool flagged[TileCount] = { false, known && s.nodesDown > 0, false, false,
        m_figures.jobsKnown && s.jobs.recovering > 0, known && s.openFaults > 0 };
    for (int i = 0; i < TileCount; ++i) {
        QPalette p = palette();
        if (flagged[i])
            p.setColor(QPalette::WindowText,
                Theme::color(i == JobsRecovering ? Theme::Tone::Warning : Theme::Tone::Bad, palette()));
        m_tiles[i].value->setPalette(p);
    }
    QPalette p = palette();
    if (s.nodesReporting < s.nodesTotal)
        p.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Warning, palette()));
    else
        p.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_reporting->setPalette(p);
}

void SummaryBar::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Theme::cardBackground(palette()));
    painter.setPen(Theme::cardBorder(palette(), false));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

void SummaryBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    else if (event->type() == QEvent::PaletteChange)
        updateColors();
    QFrame::changeEvent(event);
}

} // namespace Meridian
