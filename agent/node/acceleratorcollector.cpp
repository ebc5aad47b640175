// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/acceleratorcollector.h"

#include "agent/node/npusmiparser.h"
#include "agent/node/nvidiasmiparser.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>

namespace Meridian::Agent {

AcceleratorCollector::AcceleratorCollector(AcceleratorToolOptions options)
    : m_options(std::move(options))
    , m_npuSmi(resolve(m_options.npuSmi, QStringLiteral("npu-smi")))
    , m_nvidiaSmi(resolve(m_options.nvidiaSmi, QStringLiteral("nvidia-smi")))
{ }

QString AcceleratorCollector::resolve(const QString& configured, const QString& name)
{
    if (configured == QLatin1String("none"))
        return {};
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::findExecutable(name);
}

bool AcceleratorCollector::run(const QString& program, const QStringList& arguments, int timeoutMs, qsizetype maxBytes,
    QByteArray* output, QString* error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments, QIODevice::ReadOnly);
    const QDeadlineTimer deadline(timeoutMs);
    if (!process.waitForStarted(int(deadline.remainingTime()))) {
        *error = QStringLiteral("%1: %2").arg(program, process.errorString());
        return false;
    }
    output->clear();
    while (process.state() != QProcess::NotRunning) {
        if (deadline.hasExpired()) {
            process.kill();
            process.waitForFinished(1000);
            *error = QStringLiteral("%1: no answer within %2 ms").arg(program).arg(timeoutMs);
            return false;
        }
        process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        output->append(process.readAllStandardOutput());
        process.readAllStandardError(); // drained so that the tool never blocks on a full pipe
        if (output->size() > maxBytes) {
            process.kill();
            process.waitForFinished(1000);
            *error = QStringLiteral("%1: output larger than %2 bytes").arg(program).arg(maxBytes);
            return false;
        }
    }
    output->append(process.readAllStandardOutput());
    if (output->size() > maxBytes) {
        *error = QStringLiteral("%1: output larger than %2 bytes").arg(program).arg(maxBytes);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 exited with status %2").arg(program).arg(process.exitCode());
        return false;
    }
    return true;
}

AcceleratorCollector::Result AcceleratorCollector::collect() const
{
    Result result;
    auto runAndParse = [&](const QString& program, const QStringList& arguments, auto parse) {
        if (program.isEmpty())
            return;
        QByteArray output;
        QString error;
        if (!run(program, arguments, m_options.timeoutMs, m_options.maxOutputBytes, &output, &error)) {
            result.errors.append(error);
            return;
        }
        ParseOutcome parsed = parse(output);
        if (!parsed.ok) {
            result.errors.append(parsed.error);
            return;
        }
        for (AcceleratorReading& r : parsed.accelerators) {
            r.info.index = int(result.accelerators.size());
            r.sample.index = r.info.index;
            result.accelerators.append(std::move(r));
        }
    };
    runAndParse(m_npuSmi, { QStringLiteral("info") }, &NpuSmi::parse);
    runAndParse(m_nvidiaSmi, NvidiaSmi::arguments(), &NvidiaSmi::parse);
    return result;
}

} // namespace Meridian::Agent
