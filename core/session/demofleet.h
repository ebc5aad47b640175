// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/sourceconfig.h"

#include <QObject>
#include <QUrl>

class QProcess;
class QTemporaryDir;

namespace Meridian {

struct DemoOptions
{
    int nodes = 0; ///< 0: the scenario's default size
    QString history = QStringLiteral("2h"); ///< pre-generated history
    quint64 seed = 1;
    double speed = 1.0;
    QString executable; ///< empty: meridian-fleetsim beside the running binary, then $PATH
    int readyTimeoutMs = 60000; ///< pre-generating history for a large fleet takes a while
};

// Runs meridian-fleetsim as a child process on a free loopback port with a
// fresh random token (in a private temporary file), and stops it with us.
class DemoFleet : public QObject
{
    Q_OBJECT
public:
    explicit DemoFleet(QObject* parent = nullptr);
    ~DemoFleet() override;

    void start(const DemoOptions& options);
    void stop();
    QUrl url() const { return m_url; }
    QString tokenFile() const;
    bool isRunning() const { return m_process != nullptr; }
    // The fleet-front source that polls this fleet (once ready()): what the console, `report --demo` and
    // `plan --demo` give their session.
    SourceConfig source(const QString& name, int intervalMs) const;

Q_SIGNALS:
    void ready(const QUrl& url, const QString& tokenFile);
    void failed(const QString& message);

private:
    QProcess* m_process = nullptr;
    QTemporaryDir* m_tokenDir = nullptr;
    QUrl m_url;
    QByteArray m_stdout;
};

} // namespace Meridian
