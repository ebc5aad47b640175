// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobtimeline.h"

#include "core/jobs/jobfigures.h"
#include "ui/common/displayformat.h"
#include "ui/common/jobsformat.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Meridian {
namespace {

constexpr int TimelineMargin = 8;
constexpr int BarHeight = 22;
constexpr int MarkerHitRadius = 6;

const QColor RunColor(0x43, 0xa0, 0x47);
const QColor LostColor(0xff, 0xb7, 0x4d);
const QColor WithinTarget(0x81, 0xc7, 0x84);
const QColor OverTarget(0xe5, 0x39, 0x35);
const QColor CheckpointColor(0x1e, 0x88, 0xe5);

} // namespace

JobTimeline::JobTimeline(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize JobTimeline::sizeHint() const
{
    return { 600, fontMetrics().height() * 3 + BarHeight + 4 * TimelineMargin + 12 };
}

QSize JobTimeline::minimumSizeHint() const
{
    return { 200, sizeHint().height() };
}

void JobTimeline::setJob(const Protocol::JobRecord& job, qint64 nowMs)
{
    m_job = job;
    m_nowMs = nowMs;
    m_fromMs = job.startMs > 0 ? job.startMs : job.submitMs;
    m_toMs = job.endMs > 0 ? job.endMs : nowMs;
    if (m_toMs <= m_fromMs)
        m_toMs = m_fromMs + 1;
    update();
}

void JobTimeline::clear()
{
    m_job = {};
    update();
}

QRect JobTimeline::plotArea() const
{
    const int label = fontMetrics().height();
    return QRect(TimelineMargin, TimelineMargin + label + 6, std::max(10, width() - 2 * TimelineMargin), BarHeight);
}

double JobTimeline::xOf(qint64 t, const QRect& area) const
{
    const double f = double(t - m_fromMs) / double(m_toMs - m_fromMs);
    return area.left() + std::clamp(f, 0.0, 1.0) * area.width();
}

void JobTimeline::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = plotArea();
    const QFontMetrics fm = fontMetrics();
    if (m_job.jobId.isEmpty() || m_job.startMs <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter,
            m_job.jobId.isEmpty() ? tr("Select a job to see its timeline") : tr("Not started yet"));
        return;
    }
    if (m_job.segments.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("This source reports no run history for the job"));
        return;
    }
    // Background: the whole wall time; what is not a bar is not productive.
    p.fillRect(area, palette().color(QPalette::AlternateBase));
    const bool training = m_job.kind == QLatin1String("training");
    for (const Protocol::JobSegment& s : m_job.segments) {
        const qint64 end = s.endMs > 0 ? s.endMs : m_toMs;
        const double x0 = xOf(s.startMs, area), x1 = xOf(end, area);
        p.fillRect(QRectF(x0, area.top(), std::max(1.0, x1 - x0), area.height()), RunColor);
    }
    for (const Protocol::JobInterruption& in : m_job.interruptionLog) {
        // Work lost since the last checkpoint, then the recovery gap.
        if (training) {
            qint64 lostFrom = in.atMs;
            for (const Protocol::JobSegment& s : m_job.segments)
                if (s.startMs <= in.atMs && (s.endMs == in.atMs || s.endMs == 0 || s.endMs >= in.atMs))
                    lostFrom = std::max(s.startMs, in.lastCheckpointMs);
            const double l0 = xOf(std::min(lostFrom, in.atMs), area), l1 = xOf(in.atMs, area);
            p.fillRect(QRectF(l0, area.top(), std::max(1.0, l1 - l0), area.height()), LostColor);
        }
        const qint64 recovered = in.recoveredMs > 0 ? in.recoveredMs : m_toMs;
        const bool over = recovered - in.atMs > Jobs::RecoveryTargetMs;
        const double r0 = xOf(in.atMs, area), r1 = xOf(recovered, area);
        p.fillRect(QRectF(r0, area.bottom() - 5, std::max(2.0, r1 - r0), 6), over ? OverTarget : WithinTarget);
        p.setPen(QPen(OverTarget, 2));
        p.drawLine(QPointF(r0, area.top() - 6), QPointF(r0, area.bottom() + 2));
        p.setBrush(OverTarget);
        p.drawEllipse(QPointF(r0, area.top() - 6), 3.5, 3.5);
    }
    p.setPen(QPen(CheckpointColor, 1));
    // A job list carries only the newest checkpoint; the detail document carries them all.
    const QList<qint64> checkpoints = Jobs::checkpointsOf(m_job);
    for (qint64 c : std::as_const(checkpoints)) {
        const double x = xOf(c, area);
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.top() + 6));
    }
    // Axis: start and end (or now) times, and the legend.
    p.setPen(palette().color(QPalette::Text));
    const int axisY = area.bottom() + 4 + fm.ascent();
    p.drawText(area.left(), axisY, Format::timestamp(m_job.startMs));
    const QString endText = m_job.endMs > 0 ? Format::timestamp(m_job.endMs) : tr("now");
    p.drawText(area.right() - fm.horizontalAdvance(endText), axisY, endText);
    p.drawText(area.left(), TimelineMargin + fm.ascent(),
        tr("%n segment(s)", nullptr, int(m_job.segments.size())) + QStringLiteral(" · ")
            + tr("%n interruption(s)", nullptr, int(m_job.interruptionLog.size())) + QStringLiteral(" · ")
            + tr("%n checkpoint(s)", nullptr, int(checkpoints.size())));
    int x = area.left();
    const int legendY = axisY + fm.height() + 2;
    for (const auto& [color, text] : { std::pair { RunColor, tr("running") }, std::pair { LostColor, tr("work lost") },
             std::pair { WithinTarget, tr("recovery ≤ 10 min") }, std::pair { OverTarget, tr("recovery > 10 min") },
             std::pair { CheckpointColor, tr("checkpoint") } }) {
        p.fillRect(QRect(x, legendY - fm.ascent() + 2, 10, 10), color);
        x += 14;
        p.drawText(x, legendY, text);
        x += fm.horizontalAdvance(text) + 12;
    }
}

QString JobTimeline::toolTipAt(const QPoint& pos) const
{
    const QRect area = plotArea();
    if (m_job.segments.isEmpty() || pos.y() < area.top() - 12 || pos.y() > area.bottom() + 4)
        return {};
    for (const Protocol::JobInterruption& in : m_job.interruptionLog) {
        if (std::abs(xOf(in.atMs, area) - pos.x()) > MarkerHitRadius)
            continue;
        const QString recovery = in.recoveredMs > 0
            ? Format::duration(in.recoveredMs - in.atMs)
            : tr("not recovered (%1 so far)").arg(Format::duration(m_toMs - in.atMs));
        QString text = tr("Interrupted %1: %2\nRecovery: %3 (target 10 min)")
                           .arg(Format::timestamp(in.atMs), in.cause, recovery);
        if (in.faultEventId > 0)
            text += u'\n' + tr("Fault event %1 on %2").arg(in.faultEventId).arg(in.nodeId);
        return text;
    }
    for (const Protocol::JobSegment& s : m_job.segments) {
        const qint64 end = s.endMs > 0 ? s.endMs : m_toMs;
        if (pos.x() >= xOf(s.startMs, area) && pos.x() <= xOf(end, area))
            return tr("Ran %1 from %2 (%3)")
                .arg(Format::duration(end - s.startMs), Format::timestamp(s.startMs),
                    JobsFormat::reasonText(s.endReason));
    }
    return {};
}

bool JobTimeline::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace Meridian
