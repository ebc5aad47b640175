// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's answer to a damaged cache (FleetSession::cacheDamaged): say so plainly and offer to move
// the damaged files aside (kept, renamed with the time) and start a new cache. Declining keeps the console
// on live data, with nothing read from or written to the damaged files. The decision and the file work are
// the session's (FleetSession::startFreshCache); this only asks.

#include <QMessageBox>
#include <QObject>
#include <QPointer>

class QWidget;

namespace Meridian {

class FleetSession;

class CacheDamagePrompt : public QObject
{
    Q_OBJECT
public:
    CacheDamagePrompt(FleetSession* session, QWidget* window);

    QMessageBox* box() const { return m_box; } ///< the open question, for tests; null when none

Q_SIGNALS:
    void message(const QString& text); ///< for the status bar

private:
    void ask(const QString& detail);

    FleetSession* m_session;
    QWidget* m_window;
    QPointer<QMessageBox> m_box;
};

} // namespace Meridian
