// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The shape of each state (ui/common/theme.h), so that no state is told by colour alone: table
// decorations, badges, labels and map markers all draw the same marker.
//   ok ● with a tick · degraded ◐ half-filled · down ■ with a cross · unknown ○ dashed with "?"
//   info ● with "i" · warning ▲ with "!" · critical ◆ with "!" · resolved ✓ alone

#include "ui/common/theme.h"

#include <QIcon>
#include <QString>

class QPainter;
class QRectF;

namespace Meridian::Theme {

void paintStateMarker(QPainter& painter, State state, const QRectF& box, const QPalette& palette);
QIcon stateIcon(State state, const QPalette& palette); ///< 16 px and 32 px, for Qt::DecorationRole
QString stateGlyph(State state); ///< one character with the same shape, for rich text and plain labels
// "<span style='color:…'>▲</span>&nbsp;text", for QLabels that show a state beside its word.
QString stateHtml(State state, const QString& text, const QPalette& palette);

} // namespace Meridian::Theme
