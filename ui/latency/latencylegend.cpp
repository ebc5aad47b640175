// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencylegend.h"

#include "ui/common/stateicon.h"
#include "ui/latency/latencycolors.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace Meridian {
namespace {

constexpr double Pad = 6;
constexpr double Swatch = 22; ///< width of a line or marker sample

const Theme::State SiteStates[]
    = { Theme::State::Ok, Theme::State::Degraded, Theme::State::Down, Theme::State::Unknown };

QString siteStateName(Theme::State s)
{
    switch (s) {
    case Theme::State::Ok:
        return LatencyLegend::tr("all nodes up");
    case Theme::State::Degraded:
        return LatencyLegend::tr("some nodes down (under 10 %)");
    case Theme::State::Down:
        return LatencyLegend::tr("10 % of nodes or more down");
    default:
        break;
    }
    return LatencyLegend::tr("no node reporting");
}

} // namespace

QString LatencyLegend::verdictName(TargetVerdict verdict)
{
    switch (verdict) {
    case TargetVerdict::Within:
        return tr("within target");
    case TargetVerdict::Near:
        return tr("near target (%1 % of it or more)").arg(QLocale().toString(int(NearTargetRatio * 100)));
    case TargetVerdict::Over:
        return tr("over target");
    case TargetVerdict::Lost:
        return tr("lost (nothing answers)");
    case TargetVerdict::NoData:
        break;
    }
    return tr("no data");
}

QList<TargetVerdict> LatencyLegend::verdicts()
{
    return { TargetVerdict::Within, TargetVerdict::Near, TargetVerdict::Over, TargetVerdict::Lost,
        TargetVerdict::NoData };
}

QSizeF LatencyLegend::mapSize(const QFont& font, const SiteSizes& sizes)
{
    const QFontMetricsF fm(font);
    QFont boldFont = font;
    boldFont.setBold(true);
    const QFontMetricsF bold(boldFont); // captions are bold
    const double line = std::max(fm.height(), 2 * sizes.largeRadius + 2);
    double widest = std::max({ bold.horizontalAdvance(tr("Lines: site pairs, the worse direction")),
        bold.horizontalAdvance(tr("Sites: health")), bold.horizontalAdvance(tr("Size: accelerators")) });
    for (TargetVerdict v : verdicts())
        widest = std::max(widest, Swatch + Pad + fm.horizontalAdvance(verdictName(v)));
    for (Theme::State s : SiteStates)
        widest = std::max(widest, Swatch + Pad + fm.horizontalAdvance(siteStateName(s)));
    const int rows = 3 + int(verdicts().size()) + int(std::size(SiteStates));
    return QSizeF(widest + 3 * Pad, rows * fm.height() + line + 2 * Pad + 2 * Pad);
}

void LatencyLegend::paintMap(QPainter& p, const QPointF& topLeft, const QPalette& palette, const SiteSizes& sizes)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(p.font());
    const QSizeF size = mapSize(p.font(), sizes);
    const QRectF box(topLeft, size);
    QColor back = palette.color(QPalette::Base);
    back.setAlpha(225);
    p.setPen(QPen(palette.color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRoundedRect(box, 4, 4);

    const double h = fm.height();
    double y = box.top() + Pad;
    const double x = box.left() + Pad;
    const QColor text = palette.color(QPalette::Text);
    auto caption = [&](const QString& s) {
        p.setPen(text);
        QFont bold = p.font();
        bold.setBold(true);
        p.save();
        p.setFont(bold);
        p.drawText(QRectF(x, y, size.width() - 2 * Pad, h), Qt::AlignLeft | Qt::AlignVCenter, s);
        p.restore();
        y += h;
    };
    auto label = [&](const QString& s, double rowHeight) {
        p.setPen(text);
        p.drawText(QRectF(x + Swatch + Pad, y, size.width() - Swatch - 3 * Pad, rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter, s);
        y += rowHeight;
    };

    caption(tr("Lines: site pairs, the worse direction"));
    for (TargetVerdict v : verdicts()) {
        QPen pen(LatencyColors::verdictColor(v, palette), v == TargetVerdict::Over || v == TargetVerdict::Lost ? 3 : 2);
        pen.setStyle(v == TargetVerdict::Lost ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        p.drawLine(QPointF(x, y + h / 2), QPointF(x + Swatch, y + h / 2));
        label(verdictName(v), h);
    }
    y += Pad;
    caption(tr("Sites: health"));
    for (Theme::State s : SiteStates) {
        const double r = std::min(h, 14.0) / 2;
        Theme::paintStateMarker(p, s, QRectF(x + Swatch / 2 - r, y + h / 2 - r, 2 * r, 2 * r), palette);
        label(siteStateName(s), h);
    }
    y += Pad;
    caption(tr("Size: accelerators"));
    const double rowHeight = std::max(h, 2 * sizes.largeRadius + 2);
    const double cy = y + rowHeight / 2;
    p.setPen(QPen(palette.color(QPalette::Text), 1));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(x + sizes.smallRadius, cy), sizes.smallRadius, sizes.smallRadius);
    const QString small = QLocale().toString(sizes.smallCapacity);
    p.drawText(QPointF(x + 2 * sizes.smallRadius + 3, cy + fm.ascent() / 2 - 1), small);
    const double lx = x + 2 * sizes.smallRadius + 3 + fm.horizontalAdvance(small) + 2 * Pad + sizes.largeRadius;
    p.drawEllipse(QPointF(lx, cy), sizes.largeRadius, sizes.largeRadius);
    p.drawText(QPointF(lx + sizes.largeRadius + 3, cy + fm.ascent() / 2 - 1), QLocale().toString(sizes.largeCapacity));
    p.restore();
}

int LatencyLegend::matrixWidth(const QFont& font)
{
    const QFontMetricsF fm(font);
    double widest = fm.horizontalAdvance(tr("p50 against target"));
    for (TargetVerdict v : verdicts())
        widest = std::max(widest, 14 + Pad + fm.horizontalAdvance(verdictName(v)));
    return int(std::ceil(widest + 2 * Pad));
}

void LatencyLegend::paintMatrix(QPainter& p, const QRectF& area, const QPalette& palette)
{
    p.save();
    const QFontMetricsF fm(p.font());
    const double h = fm.height();
    double y = area.top();
    p.setPen(palette.color(QPalette::WindowText));
    p.drawText(QRectF(area.left(), y, area.width(), h), Qt::AlignLeft | Qt::AlignVCenter, tr("p50 against target"));
    y += h + Pad;
    for (TargetVerdict v : verdicts()) {
        const QRectF swatch(area.left(), y + (h - 12) / 2, 14, 12);
        p.fillRect(swatch, LatencyColors::verdictColor(v, palette));
        p.setPen(palette.color(QPalette::Mid));
        p.drawRect(swatch);
        p.setPen(palette.color(QPalette::WindowText));
        p.drawText(QRectF(area.left() + 14 + Pad, y, area.width() - 14 - Pad, h), Qt::AlignLeft | Qt::AlignVCenter,
            verdictName(v));
        y += h + 2;
    }
    p.restore();
}

} // namespace Meridian
