// SPDX-License-Identifier: GPL-3.0-or-later
// meridian-agent: one node's metrics, inventory and history over protocol v1.

#include "agent/common/auditlog.h"
#include "agent/common/httpservice.h"
#include "agent/common/roles.h"
#include "agent/common/tokenfile.h"
#include "agent/node/agentconfig.h"
#include "agent/node/agentserver.h"
#include "agent/node/agentstate.h"
#include "agent/node/collectionloop.h"
#include "agent/node/jobactions.h"
#include "agent/node/nodeactions.h"
#include "agent/node/prober.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

QString randomInstanceId()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::number(words[0], 16).rightJustified(16, u'0')
        + QString::number(words[1], 16).rightJustified(16, u'0');
}

} // namespace

int main(int argc, char* argv[])
{
    using namespace Meridian::Agent;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meridian-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERIDIAN_VERSION));

    AgentConfig config;
    const ConfigResult parsed = parseAgentConfig(QCoreApplication::arguments(), &config);
    if (parsed.status != ConfigResult::Run) {
        std::fprintf(parsed.status == ConfigResult::ExitOk ? stdout : stderr, "%s%s\n",
            parsed.status == ConfigResult::ExitOk ? "" : "meridian-agent: ", qPrintable(parsed.message));
        return parsed.status == ConfigResult::ExitOk ? 0 : 2;
    }

    ServiceOptions options;
    options.host = config.host;
    options.port = config.port;
    // Workers run handlers only (a request read in full): action commands may take their timeout.
    options.workerThreads = 8;
    if (!config.tokenFile.isEmpty()) {
        QString error;
        options.token = readTokenSecret(config.tokenFile, &error);
        if (options.token.isEmpty()) {
            std::fprintf(stderr, "meridian-agent: %s\n", qPrintable(error));
            return 2;
        }
    }

    if (!config.webConfigFile.isEmpty()) {
        QString error;
        options.webConfig = loadWebConfig(config.webConfigFile, &error);
        if (!options.webConfig) {
            std::fprintf(stderr, "meridian-agent: %s\n", qPrintable(error));
            return 2;
        }
    }

    // Roles: the --token-file token is admin; --tokens-file adds viewers and operators.
    auto roles = std::make_shared<RoleTable>();
    if (!config.tokensFile.isEmpty()) {
        QString error;
        roles = RoleTable::load(config.tokensFile, &error);
        if (!roles) {
            std::fprintf(stderr, "meridian-agent: %s\n", qPrintable(error));
            return 2;
        }
    }
    if (!options.token.isEmpty())
        roles->add(Role::Admin, options.token);
    options.roles = roles;
    AuditLog audit;
    {
        QString error;
        audit.setRotation(config.auditLogMaxBytes, config.auditLogKeep);
        if (!audit.open(config.auditLogFile, &error)) {
            std::fprintf(stderr, "meridian-agent: %s\n", qPrintable(error));
            return 2;
        }
    }

    AgentState state(randomInstanceId(), config.effectiveHistorySize());
    CollectionLoop loop(config, &state);
    HttpService service(options);
    AgentServer server(&service, &state, &loop.procfs());
    JobActions jobActions(&service, &state, { config.cancelCommand, config.requeueCommand }, roles, &audit);
    NodeActions nodeActions(&service, &state, { config.drainCommand, config.resumeCommand }, roles, &audit);
    service.setAuthFailureHook([&audit](const AuthFailure& f) { audit.append(authFailureRecord(f)); });
    QString error;
    if (!service.bind(&error)) {
        std::fprintf(stderr, "meridian-agent: %s\n", qPrintable(error));
        return 1;
    }
    // The first tick is in the state before anyone can ask.
    loop.start();
    Prober prober(config.probes);
    QObject::connect(&prober, &Prober::windowClosed, &app,
        [&state](const QList<Meridian::Protocol::ProbeResult>& results) { state.setProbes(results); });
    prober.start();

    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }

    if (!config.webConfigFile.isEmpty())
        service.watchWebConfig(config.webConfigFile); // re-read on change, like exporter-toolkit
    std::thread http([&service] { service.run(); });
    std::printf("listening on %s\n", qPrintable(service.baseUrl()));
    std::fflush(stdout);
    const int rc = QCoreApplication::exec();
    service.stop();
    // A handler may still run an action command; nothing here needs an orderly teardown.
    http.detach();
    std::fflush(nullptr);
    std::_Exit(rc);
}
