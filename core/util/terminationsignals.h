// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SIGTERM, SIGINT and SIGHUP as a Qt signal on the owning thread, so that a
// console stopped by `kill`, Ctrl+C in its terminal or the end of a session
// leaves through the event loop like a closed window: sources stop, the cache
// writes its open windows and closes cleanly. Without it the process ends in
// the signal's default action and the next start finds an unclean cache.
//
// The handler only writes the signal number to a socket pair (async-signal-
// safe); a QSocketNotifier reads it on the event loop. One instance at a time.

#include <QObject>

class QSocketNotifier;

namespace Meridian {

class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override; ///< restores the handlers that were there before

    bool isActive() const { return m_notifier != nullptr; } ///< false when the socket pair could not be made

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPending();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace Meridian
