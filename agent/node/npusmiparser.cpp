// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/npusmiparser.h"

#include "agent/node/smitext.h"

namespace Meridian::Agent::NpuSmi {
namespace {

using Protocol::AcceleratorHealth;
using SmiText::Number;

constexpr double MiB = 1024.0 * 1024.0;

AcceleratorHealth healthFrom(QByteArrayView word)
{
    if (word == "OK")
        return AcceleratorHealth::Healthy;
    if (word == "Warning" || word == "Alarm" || word == "Minor")
        return AcceleratorHealth::Warning;
    if (word == "Critical" || word == "Major" || word == "Error")
        return AcceleratorHealth::Faulty;
    return AcceleratorHealth::Unknown;
}

// "| a | b | c |" → three trimmed cells; anything else is not a table row.
bool cells(QByteArrayView line, QByteArrayView out[3])
{
    line = line.trimmed();
    if (!line.startsWith('|') || !line.endsWith('|') || line.size() < 4)
        return false;
    line = line.sliced(1, line.size() - 2);
    const qsizetype a = line.indexOf('|');
    const qsizetype b = a < 0 ? -1 : line.indexOf('|', a + 1);
    if (a < 0 || b < 0 || line.indexOf('|', b + 1) >= 0)
        return false;
    out[0] = line.first(a).trimmed();
    out[1] = line.sliced(a + 1, b - a - 1).trimmed();
    out[2] = line.sliced(b + 1).trimmed();
    return true;
}

// "59356/ 65536" and "0    / 0" both become {59356, 65536}.
QList<QByteArrayView> valueTokens(QByteArrayView cell, QByteArray* storage)
{
    storage->clear();
    for (char c : cell) {
        if (c == '/')
            storage->append(" / ");
        else
            storage->append(c);
    }
    return SmiText::tokens(*storage);
}

class Parser
{
public:
    ParseOutcome run(QByteArrayView text)
    {
        if (text.size() > SmiText::MaxOutputBytes)
            return fail(0, QStringLiteral("output larger than %1 bytes").arg(SmiText::MaxOutputBytes));
        const QList<QByteArrayView> lines = SmiText::lines(text);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; ++i) {
            if (lines[i].contains("| NPU") && lines[i].contains("Health"))
                header = i;
        }
        if (header < 0 || header + 1 >= lines.size() || !lines[header + 1].contains("Bus-Id"))
            return fail(header < 0 ? 1 : header + 2, QStringLiteral("no npu-smi table header"));
        m_hbm = lines[header + 1].contains("HBM-Usage");
        bool expectChipRow = false;
        AcceleratorReading current;
        for (int i = header + 2; i < lines.size(); ++i) {
            const QByteArrayView line = lines[i].trimmed();
            if (line.isEmpty() || line.startsWith('+'))
                continue;
            // The process table follows the device table.
            if (line.contains("Process id") || line.contains("Process name"))
                break;
            QByteArrayView c[3];
            if (!cells(line, c))
                return fail(i + 1, QStringLiteral("expected a row of three cells"));
            if (!expectChipRow) {
                if (!cardRow(c, &current))
                    return fail(i + 1, m_error);
            } else {
                if (!chipRow(c, &current))
                    return fail(i + 1, m_error);
                if (m_out.accelerators.size() >= SmiText::MaxAccelerators)
                    return fail(i + 1, QStringLiteral("more than %1 accelerators").arg(SmiText::MaxAccelerators));
                current.info.index = int(m_out.accelerators.size());
                current.sample.index = current.info.index;
                m_out.accelerators.append(current);
                current = {};
            }
            expectChipRow = !expectChipRow;
        }
        if (expectChipRow)
            return fail(int(lines.size()), QStringLiteral("card row without its chip row"));
        m_out.ok = true;
        return m_out;
    }

private:
    ParseOutcome fail(int line, const QString& reason)
    {
        ParseOutcome out;
        out.error = QStringLiteral("npu-smi line %1: %2").arg(line).arg(reason);
        return out;
    }

    bool error(const QString& message)
    {
        m_error = message;
        return false;
    }

    bool value(QByteArrayView token, const char* what, double min, double max, double* out)
    {
        double v = 0;
        switch (SmiText::number(token, &v)) {
        case Number::Missing:
            *out = Protocol::Missing;
            return true;
        case Number::Invalid:
            return error(QStringLiteral("%1 \"%2\" is not a number")
                             .arg(QLatin1String(what), QString::fromUtf8(token).left(32)));
        case Number::Ok:
            // Out of range is the tool's garbage, not a reading.
            *out = (v >= min && v <= max) ? v : Protocol::Missing;
            return true;
        }
        return false;
    }

    // "| 0     910B3               | OK            | 93.6        40                0    / 0             |"
    bool cardRow(const QByteArrayView c[3], AcceleratorReading* r)
    {
        const QList<QByteArrayView> id = SmiText::tokens(c[0]);
        double npu = 0;
        if (id.size() != 2 || SmiText::number(id[0], &npu) != Number::Ok || npu < 0 || npu > 100000 || id[1].size() > 64
            || !SmiText::isPrintable(id[1]))
            return error(QStringLiteral("expected \"NPU-ID NAME\" in the first cell"));
        r->vendor = AcceleratorVendor::Huawei;
        r->deviceId = QString::number(qint64(npu));
        r->rawName = QString::fromUtf8(id[1]);
        r->info.vendor = QStringLiteral("huawei");
        r->info.model = QStringLiteral("Ascend ") + r->rawName;
        if (c[1].isEmpty() || c[1].size() > 32 || !SmiText::isPrintable(c[1]))
            return error(QStringLiteral("bad health cell"));
        r->sample.health = healthFrom(c[1]);
        QByteArray storage;
        const QList<QByteArrayView> v = valueTokens(c[2], &storage);
        if (v.size() < 2)
            return error(QStringLiteral("expected power and temperature"));
        return value(v[0], "power", 0, 5000, &r->sample.powerW)
            && value(v[1], "temperature", -50, 150, &r->sample.temperatureC);
    }

    // 910: "| 0                         | 0000:C1:00.0  | 0           0    / 0          3318 / 65536         |"
    // 310: "| 0       0         | 0000:82:00.0    | 0            1074 / 21534                            |"
    bool chipRow(const QByteArrayView c[3], AcceleratorReading* r)
    {
        const QList<QByteArrayView> id = SmiText::tokens(c[0]);
        double chip = 0;
        if (id.isEmpty() || id.size() > 2 || SmiText::number(id[0], &chip) != Number::Ok || chip < 0 || chip > 1024)
            return error(QStringLiteral("expected \"CHIP [DEVICE]\" in the first cell"));
        r->chipId = QString::number(qint64(chip));
        if (c[1].size() > 32 || !SmiText::isPrintable(c[1]) || c[1].contains(' '))
            return error(QStringLiteral("bad bus id"));
        r->busId = QString::fromLatin1(c[1]);
        r->info.uuid = r->busId.isEmpty() ? QString() : r->busId + u'/' + r->chipId;
        QByteArray storage;
        const QList<QByteArrayView> v = valueTokens(c[2], &storage);
        // AICore, used / total, and on HBM chips a second used / total.
        const int expected = m_hbm ? 7 : 4;
        if (v.size() != expected || v[2] != "/" || (m_hbm && v[5] != "/"))
            return error(QStringLiteral("expected %1 values in the third cell").arg(m_hbm ? 3 : 2));
        double used = 0, total = 0;
        if (!value(v[0], "AICore", 0, 100, &r->sample.utilization))
            return false;
        const int u = m_hbm ? 4 : 1;
        if (!value(v[u], "memory used", 0, 1e9, &used) || !value(v[u + 2], "memory total", 0, 1e9, &total))
            return false;
        if (!Protocol::isMissing(used) && !Protocol::isMissing(total) && used > total)
            used = Protocol::Missing;
        r->highBandwidthMemory = m_hbm;
        r->memoryUsedMiB = used;
        r->memoryTotalMiB = total;
        r->sample.memoryUsedBytes = Protocol::isMissing(used) ? Protocol::Missing : used * MiB;
        r->info.memoryBytes = Protocol::isMissing(total) ? 0 : qint64(total * MiB);
        return true;
    }

    ParseOutcome m_out;
    QString m_error;
    bool m_hbm = true;
};

} // namespace

ParseOutcome parse(QByteArrayView text)
{
    return Parser().run(text);
}

} // namespace Meridian::Agent::NpuSmi
