// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Actions on a Slurm cluster through its slurmrestd, with the source's user and JWT:
// - cancel: DELETE job/{id};
// - drain and resume: POST node/{name} (v0.0.39 on). v0.0.38 has no node update;
// - requeue: no version of slurmrestd has a requeue call (a job update cannot requeue).
// Where the API has no call for an action, the reply says so, with status 0, and carries the exact scontrol
// command in ActionReply::manualCommand (and in the error text the console shows). The console never runs
// it: it runs on an operator's desktop, which has neither the cluster's slurm.conf nor its munge key, and
// running a privileged cluster command from a GUI would bypass the audit trail Slurm keeps for its admins.
// The dry run (preview) reads the job, or the jobs on the node, and works for every action and version.

#include "core/sources/actionclient.h"
#include "core/sources/slurm/slurmtypes.h"

#include <functional>

namespace Meridian {

class HttpClient;
struct HttpRequestOptions;
namespace SlurmRest {
class VersionProbe;
}

class SlurmActionClient : public ActionClient
{
    Q_OBJECT
public:
    explicit SlurmActionClient(QObject* parent = nullptr);
    bool send(const SourceEndpoint& to, const ActionRequest& request) override;
    bool isBusy() const override { return m_busy; }

    // The command an operator runs on a Slurm host instead, shell-quoted; empty for cancel (REST has it).
    static QString scontrolCommand(const ActionRequest& request, const QString& user);

private:
    HttpRequestOptions options() const;
    void withVersion(std::function<void()> next);
    void preview();
    void previewJob();
    void previewNode();
    void act();
    void manual(const QString& why);
    void finish(ActionReply reply);
    ActionReply reply(int status = 0) const;

    HttpClient* m_client;
    SlurmRest::VersionProbe* m_probe;
    Slurm::ApiVersion m_version = Slurm::ApiVersion::Unknown;
    bool m_nodeUpdate = false;
    QUrl m_versionOf; ///< the base URL m_version was found at
    bool m_busy = false;
    SourceEndpoint m_to;
    ActionRequest m_request;
};

} // namespace Meridian
