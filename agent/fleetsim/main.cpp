// SPDX-License-Identifier: GPL-3.0-or-later
// meridian-fleetsim: a deterministic simulated fleet served over protocol v1.
#include "agent/common/auditlog.h"
#include "agent/common/httpservice.h"
#include "agent/common/roles.h"
#include "agent/common/tokenfile.h"
#include "agent/fleetsim/options.h"
#include "agent/fleetsim/scenario.h"
#include "agent/fleetsim/simjobroutes.h"
#include "agent/fleetsim/simnoderoutes.h"
#include "agent/fleetsim/simserver.h"
#include "agent/fleetsim/simulation.h"
#include "agent/fleetsim/topology.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <thread>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "meridian-fleetsim: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace Meridian;
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(qPrintable(Sim::usage()), stdout);
        return 0;
    }
    Sim::Options options;
    QString error;
    if (!Sim::parseOptions(args, &options, &error))
        return fail(error);

    Sim::Scenario scenario;
    const bool loaded = options.scenarioPath.isEmpty() ? Sim::loadDefaultScenario(&scenario, &error)
                                                       : Sim::loadScenario(options.scenarioPath, &scenario, &error);
    if (!loaded)
        return fail(QStringLiteral("bad scenario: ") + error);
    if (options.nodes > 0)
        Sim::scaleScenario(&scenario, options.nodes);

    QByteArray token;
    if (!options.tokenFile.isEmpty()) {
        token = Agent::readTokenSecret(options.tokenFile, &error);
        if (token.isEmpty())
            return fail(error);
    }

    // Roles: the --token-file token is admin; --tokens-file adds viewers and operators.
    auto roles = std::make_shared<Agent::RoleTable>();
    if (!options.tokensFile.isEmpty()) {
        roles = Agent::RoleTable::load(options.tokensFile, &error);
        if (!roles)
            return fail(error);
    }
    if (!token.isEmpty())
        roles->add(Agent::Role::Admin, token);
    Agent::AuditLog audit;
    audit.setRotation(options.auditLogMaxBytes, options.auditLogKeep);
    if (!audit.open(options.auditLogFile, &error))
        return fail(error);

    Agent::ServiceOptions serviceOptions;
    serviceOptions.roles = roles;
    serviceOptions.host = options.host;
    serviceOptions.port = options.port;
    serviceOptions.token = token;
    if (!options.webConfigFile.isEmpty()) {
        serviceOptions.webConfig = Agent::loadWebConfig(options.webConfigFile, &error);
        if (!serviceOptions.webConfig)
            return fail(error);
    }
    serviceOptions.workerThreads = options.threads;
    serviceOptions.ioThreads = 2;
    serviceOptions.limits.writeDeadline = std::chrono::seconds(60); // a full 25k-node answer is large
    serviceOptions.openPaths = { "/n/[A-Za-z0-9._-]{1,128}/metrics" }; // the exposition text, as an agent's /metrics
    // One console polls every virtual node from one address: room for its parallel connections.
    serviceOptions.limits.maxConnectionsPerPeer = 512;
    Agent::HttpService service(serviceOptions);
    // Refuse a bad address before spending seconds on the simulation.
    if (!service.bind(&error))
        return fail(error);

    // Intervals align to the interval grid so that seqs mean the same time across runs.
    Sim::SimOptions simOptions = options.simulation;
    simOptions.startMs = options.startTime.value_or(QDateTime::currentMSecsSinceEpoch());
    simOptions.startMs -= simOptions.startMs % simOptions.intervalMs;
    const auto topology
        = std::make_shared<const Sim::Topology>(scenario, simOptions.seed, simOptions.startMs - simOptions.historyMs);
    Sim::Simulation simulation(topology, simOptions);
    Sim::registerRoutes(service, simulation, roles);
    Sim::registerJobRoutes(service, simulation, roles, &audit);
    Sim::registerNodeRoutes(service, simulation, roles, &audit);
    service.setAuthFailureHook([&audit](const Agent::AuthFailure& f) { audit.append(Agent::authFailureRecord(f)); });
    if (!options.webConfigFile.isEmpty())
        service.watchWebConfig(options.webConfigFile);
    simulation.start();

    service.stopOnSignals();
    std::thread server([&service] { service.run(); });
    // The socket listens since bind(); connections wait in the backlog until run() accepts them.
    std::fprintf(stdout, "listening on %s\n", qPrintable(service.baseUrl()));
    std::fflush(stdout);
    server.join();
    simulation.stop();
    return 0;
}
