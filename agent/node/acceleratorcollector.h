// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the vendors' tools (npu-smi, nvidia-smi) when they exist and parses
// their output. A machine with neither has zero accelerators: not an error.

#include "agent/node/acceleratorreading.h"

#include <QStringList>

namespace Meridian::Agent {

struct AcceleratorToolOptions
{
    QString npuSmi; ///< empty: look up "npu-smi" in PATH; "none": never run it
    QString nvidiaSmi; ///< empty: look up "nvidia-smi" in PATH; "none": never run it
    int timeoutMs = 5000;
    qsizetype maxOutputBytes = 1024 * 1024;
};

class AcceleratorCollector
{
public:
    explicit AcceleratorCollector(AcceleratorToolOptions options);

    struct Result
    {
        QList<AcceleratorReading> accelerators; ///< indexes renumbered 0…n-1 over all tools
        QStringList errors; ///< one per tool that exists but failed
    };
    Result collect() const;

    // Runs a program, killing it after timeoutMs or once it printed more than maxBytes.
    static bool run(const QString& program, const QStringList& arguments, int timeoutMs, qsizetype maxBytes,
        QByteArray* output, QString* error);

private:
    static QString resolve(const QString& configured, const QString& name);
    AcceleratorToolOptions m_options;
    QString m_npuSmi;
    QString m_nvidiaSmi;
};

} // namespace Meridian::Agent
