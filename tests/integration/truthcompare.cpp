// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/truthcompare.h"

#include <QJsonArray>

#include <algorithm>

namespace Meridian::Test {
namespace {

QString line(
    const QString& region, int up, int down, int faults, int queued, int running, int recovering, QStringList models)
{
    std::sort(models.begin(), models.end());
    return QStringLiteral("%1: nodes up %2 down %3, faults %4, jobs queued %5 running %6 recovering %7 | %8")
        .arg(region)
        .arg(up)
        .arg(down)
        .arg(faults)
        .arg(queued)
        .arg(running)
        .arg(recovering)
        .arg(models.join(QStringLiteral("; ")));
}

QString model(const QString& name, int total, int allocated, int free, int faulty)
{
    return QStringLiteral("%1 %2/%3/%4/%5").arg(name).arg(total).arg(allocated).arg(free).arg(faulty);
}

} // namespace

QStringList canonicalSummary(const FleetStore& store)
{
    QStringList lines;
    for (const QString& region : store.regions()) {
        const RegionSummary s = store.summary(region);
        QStringList models;
        for (const ModelCapacity& m : s.models)
            models << model(m.model, m.total, m.allocated, m.free, m.faulty);
        lines << line(
            region, s.nodesUp, s.nodesDown, s.openFaults, s.jobs.queued, s.jobs.running, s.jobs.recovering, models);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

QStringList canonicalTruth(const QJsonObject& truth)
{
    QStringList lines;
    const QJsonArray regions = truth.value(QStringLiteral("regions")).toArray();
    for (const QJsonValue& value : regions) {
        const QJsonObject r = value.toObject();
        const QJsonObject jobs = r.value(QStringLiteral("jobs")).toObject();
        QStringList models;
        for (const QJsonValue& mv : r.value(QStringLiteral("models")).toArray()) {
            const QJsonObject m = mv.toObject();
            models << model(m.value(QStringLiteral("model")).toString(), m.value(QStringLiteral("total")).toInt(),
                m.value(QStringLiteral("allocated")).toInt(), m.value(QStringLiteral("free")).toInt(),
                m.value(QStringLiteral("faulty")).toInt());
        }
        lines << line(r.value(QStringLiteral("region")).toString(), r.value(QStringLiteral("nodesUp")).toInt(),
            r.value(QStringLiteral("nodesDown")).toInt(), r.value(QStringLiteral("openFaults")).toInt(),
            jobs.value(QStringLiteral("queued")).toInt(), jobs.value(QStringLiteral("running")).toInt(),
            jobs.value(QStringLiteral("recovering")).toInt(), models);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

} // namespace Meridian::Test
