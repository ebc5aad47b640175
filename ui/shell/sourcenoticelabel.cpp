// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/sourcenoticelabel.h"

#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QLocale>

#include <algorithm>

namespace Meridian {

namespace {
constexpr int TooltipLines = 12;
constexpr int LineChars = 200;
} // namespace

SourceNoticeLabel::SourceNoticeLabel(FleetStore* store, QWidget* parent)
    : QLabel(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("sourceNotice"));
    setTextFormat(Qt::PlainText);
    connect(m_store, &FleetStore::changed, this, [this](const FleetChangeSet& changes) {
        if (changes.sourcesChanged || changes.restoredFromCache)
            refresh();
    });
    refresh();
}

SourceNoticeLabel::Notice SourceNoticeLabel::noticeFor(const QHash<QString, SourceProgress>& progress)
{
    QStringList names = progress.keys();
    std::sort(names.begin(), names.end());
    QStringList reading; // "prom-east 35 %"
    QStringList warned; // sources with warnings
    QStringList tip;
    int warnings = 0;
    const QLocale locale;
    for (const QString& name : std::as_const(names)) {
        const SourceProgress& p = progress[name];
        const double share = p.historyShare();
        if (!p.historyCaughtUp && share >= 0) {
            reading.append(tr("%1 %2 %").arg(name, locale.toString(qRound(share * 100))));
            tip.append(
                tr("%1: reading history from %2 to %3")
                    .arg(name.toHtmlEscaped(), Format::timestamp(p.historyFromMs), Format::timestamp(p.historyToMs)));
        }
        if (!p.historyProblem.isEmpty())
            tip.append(tr("%1: reading history failed, it is asked again: %2")
                           .arg(name.toHtmlEscaped(), p.historyProblem.left(LineChars).toHtmlEscaped()));
        if (!p.warnings.isEmpty()) {
            warned.append(name);
            warnings += int(p.warnings.size());
            for (const QString& w : p.warnings)
                tip.append(tr("%1: %2").arg(name.toHtmlEscaped(), w.left(LineChars).toHtmlEscaped()));
        }
    }
    Notice notice;
    QStringList parts;
    if (!reading.isEmpty())
        parts.append(tr("Reading history: %1").arg(reading.join(QStringLiteral(", "))));
    if (warnings > 0) {
        notice.warning = true;
        parts.append(warned.size() == 1 ? tr("⚠ %n warning(s) from %1", "", warnings).arg(warned.first())
                                        : tr("⚠ %n warning(s) from %1 sources", "", warnings).arg(warned.size()));
    }
    notice.text = parts.join(QStringLiteral("  ·  "));
    if (tip.size() > TooltipLines) {
        const qsizetype more = tip.size() - TooltipLines;
        tip.resize(TooltipLines);
        tip.append(tr("… and %n more", "", int(more)));
    }
    notice.toolTip = tip.join(QStringLiteral("<br/>"));
    return notice;
}

void SourceNoticeLabel::refresh()
{
    const Notice notice = noticeFor(m_store->sourceProgresses());
    setText(notice.text);
    setToolTip(notice.toolTip);
    setProperty("warning", notice.warning);
    QPalette p = palette();
    p.setColor(QPalette::WindowText,
        notice.warning ? Theme::color(Theme::Tone::Warning, palette()) : QPalette().color(QPalette::WindowText));
    setPalette(p);
    setVisible(!notice.text.isEmpty());
}

void SourceNoticeLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &SourceNoticeLabel::refresh, Qt::QueuedConnection);
    QLabel::changeEvent(event);
}

} // namespace Meridian
