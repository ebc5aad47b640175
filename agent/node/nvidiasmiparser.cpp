// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/nvidiasmiparser.h"

#include "agent/node/smitext.h"

namespace Meridian::Agent::NvidiaSmi {
namespace {

using Protocol::AcceleratorHealth;
using SmiText::Number;

constexpr double MiB = 1024.0 * 1024.0;
constexpr int FieldCount = 10;

ParseOutcome fail(int line, const QString& reason)
{
    ParseOutcome out;
    out.error = QStringLiteral("nvidia-smi line %1: %2").arg(line).arg(reason);
    return out;
}

// A field the driver could not read because the GPU is gone is a fault, not just missing data.
bool isLostGpu(QByteArrayView field)
{
    return field == "[GPU is lost]" || field == "[Unknown Error]";
}

} // namespace

QStringList arguments()
{
    return { QStringLiteral("--query-gpu=") + QLatin1String(QueryFields),
        QStringLiteral("--format=csv,noheader,nounits") };
}

ParseOutcome parse(QByteArrayView text)
{
    if (text.size() > SmiText::MaxOutputBytes)
        return fail(0, QStringLiteral("output larger than %1 bytes").arg(SmiText::MaxOutputBytes));
    ParseOutcome out;
    const QList<QByteArrayView> lines = SmiText::lines(text);
    for (int n = 0; n < lines.size(); ++n) {
        const QByteArrayView line = lines[n].trimmed();
        if (line.isEmpty())
            continue;
        if (!SmiText::isPrintable(line))
            return fail(n + 1, QStringLiteral("control characters in the output"));
        QList<QByteArrayView> f;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == ',') {
                f.append(line.sliced(start, i - start).trimmed());
                start = i + 1;
            }
        }
        if (f.size() != FieldCount)
            return fail(
                n + 1, QStringLiteral("expected %1 comma-separated fields, got %2").arg(FieldCount).arg(f.size()));
        if (out.accelerators.size() >= SmiText::MaxAccelerators)
            return fail(n + 1, QStringLiteral("more than %1 GPUs").arg(SmiText::MaxAccelerators));
        AcceleratorReading r;
        r.vendor = AcceleratorVendor::Nvidia;
        double index = 0;
        if (SmiText::number(f[0], &index) != Number::Ok || index < 0 || index > 1023 || index != double(qint64(index)))
            return fail(n + 1, QStringLiteral("index \"%1\" is not a GPU index").arg(QString::fromUtf8(f[0]).left(32)));
        if (f[1].isEmpty() || f[1].size() > 128 || f[1].contains(' '))
            return fail(n + 1, QStringLiteral("bad uuid"));
        if (f[2].isEmpty() || f[2].size() > 128)
            return fail(n + 1, QStringLiteral("bad name"));
        r.deviceId = QString::number(qint64(index));
        r.info.index = int(out.accelerators.size());
        r.sample.index = r.info.index;
        r.info.vendor = QStringLiteral("nvidia");
        r.rawName = QString::fromUtf8(f[2]);
        r.info.model = r.rawName.startsWith(QLatin1String("NVIDIA ")) ? r.rawName.mid(7) : r.rawName;
        r.info.uuid = QString::fromLatin1(f[1]);
        r.highBandwidthMemory = true;

        struct Field
        {
            int column;
            const char* name;
            double min, max;
            double* out;
        };
        double total = Protocol::Missing, used = Protocol::Missing;
        const Field fields[] = {
            { 3, "memory.total", 0, 1e9, &total },
            { 4, "memory.used", 0, 1e9, &used },
            { 5, "utilization.gpu", 0, 100, &r.sample.utilization },
            { 6, "temperature.gpu", -50, 150, &r.sample.temperatureC },
            { 7, "power.draw", 0, 5000, &r.sample.powerW },
            { 8, "ecc.errors.corrected.aggregate.total", 0, 1e15, &r.sample.eccSingleBitTotal },
            { 9, "ecc.errors.uncorrected.aggregate.total", 0, 1e15, &r.sample.eccDoubleBitTotal },
        };
        bool lost = false;
        for (const Field& field : fields) {
            double v = 0;
            lost = lost || isLostGpu(f[field.column]);
            switch (SmiText::number(f[field.column], &v)) {
            case Number::Invalid:
                return fail(n + 1,
                    QStringLiteral("%1 \"%2\" is not a number")
                        .arg(QLatin1String(field.name), QString::fromUtf8(f[field.column]).left(32)));
            case Number::Missing:
                *field.out = Protocol::Missing;
                break;
            case Number::Ok:
                *field.out = (v >= field.min && v <= field.max) ? v : Protocol::Missing;
                break;
            }
        }
        if (!Protocol::isMissing(used) && !Protocol::isMissing(total) && used > total)
            used = Protocol::Missing;
        r.memoryTotalMiB = total;
        r.memoryUsedMiB = used;
        r.info.memoryBytes = Protocol::isMissing(total) ? 0 : qint64(total * MiB);
        r.sample.memoryUsedBytes = Protocol::isMissing(used) ? Protocol::Missing : used * MiB;
        r.sample.health = lost ? AcceleratorHealth::Faulty : AcceleratorHealth::Healthy;
        out.accelerators.append(std::move(r));
    }
    out.ok = true;
    return out;
}

} // namespace Meridian::Agent::NvidiaSmi
