// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/regioncard.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/theme.h"
#include "ui/overview/capacitytable.h"
#include "ui/overview/labellink.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

namespace Meridian {

namespace {
QLabel* valueLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* captionLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

RegionCard::RegionCard(const QString& region, QWidget* parent)
    : QFrame(parent)
    , m_region(region)
    , m_title(new QLabel(this))
    , m_reporting(valueLabel(QStringLiteral("reporting"), this))
    , m_nodesCaption(captionLabel(this))
    , m_nodesUp(valueLabel(QStringLiteral("nodesUp"), this))
    , m_nodesDown(valueLabel(QStringLiteral("nodesDown"), this))
    , m_jobsCaption(captionLabel(this))
    , m_jobsRunning(valueLabel(QStringLiteral("jobsRunning"), this))
    , m_jobsQueued(valueLabel(QStringLiteral("jobsQueued"), this))
    , m_jobsRecovering(valueLabel(QStringLiteral("jobsRecovering"), this))
    , m_faultsCaption(captionLabel(this))
    , m_openFaults(valueLabel(QStringLiteral("openFaults"), this))
    , m_table(new CapacityTable(this))
{
    setObjectName(QLatin1String("regionCard:") + region);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAutoFillBackground(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("title"));
    LabelLink::attach(m_title, [this] { Q_EMIT poolsRequested(m_region); });
    LabelLink::attach(m_nodesDown, [this] { Q_EMIT faultsRequested(m_region); });
    LabelLink::attach(m_openFaults, [this] { Q_EMIT faultsRequested(m_region); });
    m_reporting->setForegroundRole(QPalette::PlaceholderText);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_reporting);

    // Three "caption  a  b  c" rows; value columns right-aligned so numbers line up across rows.
    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(Theme::Spacing);
    facts->setVerticalSpacing(2);
    facts->addWidget(m_nodesCaption, 0, 0);
    facts->addWidget(m_nodesUp, 0, 1);
    facts->addWidget(m_nodesDown, 0, 2);
    facts->addWidget(m_jobsCaption, 1, 0);
    facts->addWidget(m_jobsRunning, 1, 1);
    facts->addWidget(m_jobsQueued, 1, 2);
    facts->addWidget(m_jobsRecovering, 1, 3);
    facts->addWidget(m_faultsCaption, 2, 0);
    facts->addWidget(m_openFaults, 2, 1);
    facts->setColumnStretch(0, 1);

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Margin, Theme::Margin - 2, Theme::Margin, Theme::Margin);
    layout->setSpacing(Theme::Spacing - 2);
    layout->addLayout(header);
    layout->addLayout(facts);
    layout->addWidget(line);
    layout->addWidget(m_table);

    updateTexts();
    updateColors();
}

void RegionCard::setFigures(const RegionFigures& figures)
{
    m_figures = figures;
    updateTexts();
    updateColors();
}

void RegionCard::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    update();
}

void RegionCard::updateTexts()
{
    const RegionSummary& s = m_figures.summary;
    const bool known = m_figures.capacityKnown;

    m_title->setText(regionDisplayName(m_region));
    setAccessibleName(tr("Region %1").arg(regionDisplayName(m_region)));
    setToolTip(tr("Click to show only this region; click again for the whole fleet"));
    m_title->setToolTip(tr("Show %1 on the Pools page").arg(regionDisplayName(m_region)));
    const QString toFaults = tr("Show the incidents in %1 on the Faults page").arg(regionDisplayName(m_region));
    m_nodesDown->setToolTip(toFaults);
    m_openFaults->setToolTip(toFaults);
    if (s.nodesTotal > 0 && s.nodesReporting < s.nodesTotal) {
        m_reporting->setText(
            tr("%1 of %2 reporting").arg(QLocale().toString(s.nodesReporting), QLocale().toString(s.nodesTotal)));
        m_reporting->setVisible(true);
    } else {
        m_reporting->setText({});
        m_reporting->setVisible(false);
    }

    // The raw number rides along as the "value" property (invalid when missing) for tests and tools.
    const auto show = [](QLabel* label, const QString& format, bool k, int v) {
        label->setText(format.arg(k ? Format::count(v) : Format::missing()));
        label->setProperty("value", k ? QVariant(v) : QVariant());
    };
    m_nodesCaption->setText(tr("Nodes"));
    show(m_nodesUp, tr("%1 up"), known, s.nodesUp);
    show(m_nodesDown, tr("%1 down"), known, s.nodesDown);
    m_jobsCaption->setText(tr("Jobs"));
    const bool jobs = m_figures.jobsKnown;
    show(m_jobsRunning, tr("%1 running"), jobs, s.jobs.running);
    show(m_jobsQueued, tr("%1 queued"), jobs, s.jobs.queued);
    show(m_jobsRecovering, tr("%1 recovering"), jobs, s.jobs.recovering);
    m_faultsCaption->setText(tr("Open faults"));
    show(m_openFaults, QStringLiteral("%1"), known, s.openFaults);
    m_table->setModels(s.models, known);
}

void RegionCard::updateColors()
{
    const RegionSummary& s = m_figures.summary;
    const auto tint = [this](QLabel* label, bool on, Theme::Tone tone) {
        QPalette p = palette();
        if (on)
            p.setColor(QPalette::WindowText, Theme::color(tone, palette()));
        label->setPalette(p);
        QFont f = font();
        f.setBold(on);
        label->setFont(f);
    };
    const bool known = m_figures.capacityKnown;
    tint(m_openFaults, known && s.openFaults > 0, Theme::Tone::Bad);
    tint(m_nodesDown, known && s.nodesDown > 0, Theme::Tone::Bad);
    tint(m_jobsRecovering, m_figures.jobsKnown && s.jobs.recovering > 0, Theme::Tone::Warning);
    tint(m_reporting, s.nodesReporting < s.nodesTotal, Theme::Tone::Warning);
}

void RegionCard::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    // A rounded card: drawn rather than styled so it follows the palette and the selection.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setBrush(Theme::cardBackground(palette()));
    QPen pen(Theme::cardBorder(palette(), m_selected));
    pen.setWidthF(m_selected ? 2.0 : 1.0);
    painter.setPen(pen);
    painter.drawRoundedRect(m_selected ? r.adjusted(0.5, 0.5, -0.5, -0.5) : r, 6, 6);
    if (hasFocus()) {
        QPen focus(palette().color(QPalette::Highlight));
        focus.setStyle(Qt::DotLine);
        painter.setPen(focus);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r.adjusted(3, 3, -3, -3), 4, 4);
    }
}

void RegionCard::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked(m_region);
    QFrame::mouseReleaseEvent(event);
}

void RegionCard::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        Q_EMIT clicked(m_region);
        return;
    }
    QFrame::keyPressEvent(event);
}

void RegionCard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    else if (event->type() == QEvent::PaletteChange)
        updateColors();
    QFrame::changeEvent(event);
}

} // namespace Meridian
