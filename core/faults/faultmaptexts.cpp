// SPDX-License-Identifier: GPL-3.0-or-later
// The fault map's human texts, listed for lupdate (context "FaultMap"). The
// table below is generated from resources/faults/faultmap.json ("title" of
// every rule, one line each, in the table's order); tst_faultmodel fails when the
// two drift apart, naming the missing title.
#include "core/faults/faultmaptexts.h"

#include <QCoreApplication>

namespace Meridian::Faults {
namespace {
const char* const Titles[] = {
    QT_TRANSLATE_NOOP("FaultMap", "HBM uncorrectable (multi-bit) ECC error"),
    QT_TRANSLATE_NOOP("FaultMap", "HBM correctable ECC errors rising"),
    QT_TRANSLATE_NOOP("FaultMap", "AI Core error: chip reset needed"),
    QT_TRANSLATE_NOOP("FaultMap", "Task execution error: re-run the job"),
    QT_TRANSLATE_NOOP("FaultMap", "Unrecoverable chip error"),
    QT_TRANSLATE_NOOP("FaultMap", "Chip needs a reset when idle"),
    QT_TRANSLATE_NOOP("FaultMap", "Ascend chip fault code"),
    QT_TRANSLATE_NOOP("FaultMap", "HCCS CRC errors rising"),
    QT_TRANSLATE_NOOP("FaultMap", "RoCE/HCCS port down"),
    QT_TRANSLATE_NOOP("FaultMap", "GPU stopped processing: restart the application"),
    QT_TRANSLATE_NOOP("FaultMap", "Graphics engine exception"),
    QT_TRANSLATE_NOOP("FaultMap", "GPU stopped processing"),
    QT_TRANSLATE_NOOP("FaultMap", "Double-bit ECC error"),
    QT_TRANSLATE_NOOP("FaultMap", "Row remapping pending: reset at next opportunity"),
    QT_TRANSLATE_NOOP("FaultMap", "Row remapper recording failure"),
    QT_TRANSLATE_NOOP("FaultMap", "GPU fell off the bus: cold reboot"),
    QT_TRANSLATE_NOOP("FaultMap", "Contained ECC error: restart the application"),
    QT_TRANSLATE_NOOP("FaultMap", "Uncontained ECC error: reset the GPU"),
    QT_TRANSLATE_NOOP("FaultMap", "GSP RPC timeout: reset the GPU"),
    QT_TRANSLATE_NOOP("FaultMap", "Informational Xid"),
    QT_TRANSLATE_NOOP("FaultMap", "NVLink CRC/replay errors rising"),
    QT_TRANSLATE_NOOP("FaultMap", "Page retirement pending: drain, then reset"),
    QT_TRANSLATE_NOOP("FaultMap", "Row remapping failed: service/RMA"),
    QT_TRANSLATE_NOOP("FaultMap", "NVLink/InfiniBand port down"),
    QT_TRANSLATE_NOOP("FaultMap", "Uncorrectable ECC error: retire at reset"),
    QT_TRANSLATE_NOOP("FaultMap", "Correctable ECC errors (trend)"),
    QT_TRANSLATE_NOOP("FaultMap", "HBM ECC error"),
    QT_TRANSLATE_NOOP("FaultMap", "Chip reports unhealthy"),
    QT_TRANSLATE_NOOP("FaultMap", "Accelerator health faulty"),
    QT_TRANSLATE_NOOP("FaultMap", "Accelerator sub-health"),
    QT_TRANSLATE_NOOP("FaultMap", "RoCE errors or retries rising"),
    QT_TRANSLATE_NOOP("FaultMap", "Optical module RX power low"),
    QT_TRANSLATE_NOOP("FaultMap", "Network port down"),
    QT_TRANSLATE_NOOP("FaultMap", "Thermal throttling"),
    QT_TRANSLATE_NOOP("FaultMap", "Node down (heartbeat lost)"),
    QT_TRANSLATE_NOOP("FaultMap", "Agent not answering"),
    QT_TRANSLATE_NOOP("FaultMap", "Rack power lost"),
    QT_TRANSLATE_NOOP("FaultMap", "Inter-site link cut"),
    QT_TRANSLATE_NOOP("FaultMap", "Inter-site link degraded"),
    QT_TRANSLATE_NOOP("FaultMap", "Fault counters not reported"),
    QT_TRANSLATE_NOOP("FaultMap", "npu-smi / nvidia-smi failing"),
    QT_TRANSLATE_NOOP("FaultMap", "Unclassified fault"),
};
} // namespace

QString translatedFaultTitle(const QString& title)
{
    if (title.isEmpty())
        return {};
    const QByteArray source = title.toUtf8();
    return QCoreApplication::translate("FaultMap", source.constData());
}

QStringList faultMapTitles()
{
    QStringList out;
    for (const char* t : Titles)
        out.append(QString::fromUtf8(t));
    return out;
}

} // namespace Meridian::Faults
