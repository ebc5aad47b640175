// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scenario file (resources/scenarios/README.md): sites with real
// coordinates, accelerator models, pools of racks, fault rates. It is hostile
// input like any other file: size-capped and checked field by field.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Sim {

struct ModelSpec
{
    QString model; ///< "Ascend 910B"
    QString vendor; ///< "huawei", "nvidia", "cambricon", "hygon", "kunlunxin"
    qint64 memoryBytes = 0; ///< HBM per accelerator
    int perNode = 8;
    double tdpW = 400;
    double idleW = 80;
    int hostCpus = 192;
    qint64 hostMemoryBytes = 0;
};

struct SiteSpec
{
    QString id; ///< "guian": prefix of node ids
    QString name; ///< "Gui'an"
    QString nameZh;
    QString region; ///< "Southwest China"
    double latitude = 0;
    double longitude = 0;
    QString kind; ///< "core", "hotspot", "edge"
    double ambientC = 25; ///< inlet temperature offset for the thermal model
};

struct PoolSpec
{
    QString site;
    QString id; ///< "trn1": unique within the site
    QString purpose; ///< "training" or "inference"
    QString model;
    int nodes = 0;
    int nodesPerRack = 8;
    double targetLoad = 0.85; ///< fraction of accelerators the scheduler aims to keep busy
};

struct FaultRates
{
    double interruptionsPerHourPer16k = 0.33; ///< Llama 3: one per ~3 h on 16,384 GPUs
    double minInterruptionsPerHour = 3; ///< floor so that a small demo fleet shows some
    double warningsPerInterruption = 1.0; ///< SBE and thermal warnings on top
};

struct Scenario
{
    QString name;
    QList<ModelSpec> models;
    QList<SiteSpec> sites;
    QList<PoolSpec> pools;
    FaultRates faults;
    QStringList tenants;

    int totalNodes() const;
    const ModelSpec* model(const QString& name) const;
    const SiteSpec* site(const QString& id) const;
};

inline constexpr qsizetype MaxScenarioBytes = 1024 * 1024;
inline constexpr int MaxNodes = 100000;

// Parses and validates; false with a message naming the offending field.
bool parseScenario(const QByteArray& json, Scenario* out, QString* error);
bool loadScenario(const QString& path, Scenario* out, QString* error);
// The scenario compiled into the binary (resources/scenarios/default.json).
bool loadDefaultScenario(Scenario* out, QString* error);

// Scales pool sizes proportionally so that the fleet has `nodes` nodes (each pool keeps ≥ 1).
void scaleScenario(Scenario* scenario, int nodes);

} // namespace Meridian::Sim
