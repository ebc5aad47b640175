// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sends an action on a job or a node to the engine that can carry it out, with that source's credentials:
// first as a dry run (the preview an operator confirms), then for real. One class per engine protocol;
// ProtocolActionClient speaks protocol v1 (agents and fleet fronts answer POST /api/v1/{jobs|nodes}/ID/ACTION
// alike). One request at a time per client; the answer arrives through finished().

#include "core/sources/sourceendpoint.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace Meridian {

enum class ActionKind : quint8 { CancelJob, RequeueJob, DrainNode, ResumeNode };

QString actionName(ActionKind kind); ///< the engine's word: "cancel", "requeue", "drain", "resume"
bool isNodeAction(ActionKind kind);
bool actionFromName(const QString& name, bool onNode, ActionKind* kind);

struct ActionRequest
{
    ActionKind kind = ActionKind::CancelJob;
    QString target; ///< job id or node id
    QString reason; ///< why (node actions carry it to the engine); may be empty
    bool dryRun = true;
};

struct ActionReply
{
    ActionRequest request;
    QString source; ///< the source the action was sent through
    int status = 0; ///< HTTP status; 0: no answer
    QJsonObject body; ///< the preview or the outcome (status 200), size-capped; read it through the previews below
    QString error; ///< the engine's {"error"} or the network's reason
    // The engine cannot do this over its API (e.g. Slurm's v0.0.38 has no node update): the command an operator
    // can run instead. Never pretends to have done it: status stays 0 and error says why.
    QString manualCommand;
    bool ok() const { return status == 200; }
};

// What a node action's preview says, checked: at most MaxRows jobs and capacity rows, bounded strings.
struct NodeActionPreview
{
    static constexpr int MaxRows = 512;
    struct Job
    {
        QString id, name, state;
        QList<int> accelerators;
    };
    struct Capacity
    {
        QString region, pool, model;
        int accelerators = 0, free = 0, allocated = 0;
    };
    QString effect;
    QList<Job> jobs;
    QList<Capacity> capacity;
    QStringList command; ///< a real agent's command line; empty from a scheduler front
    static NodeActionPreview fromJson(const QJsonObject& body);
};

// What a job action's preview or outcome says, checked.
struct JobActionPreview
{
    static constexpr int MaxNodes = 4096;
    QString stateBefore; ///< the job's state key before the action
    QString stateAfter; ///< after it (outcomes only)
    QString effect;
    int accelerators = 0;
    QStringList nodes;
    static JobActionPreview fromJson(const QJsonObject& body);
};

class ActionClient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // False when the request is malformed or another one is still on its way.
    virtual bool send(const SourceEndpoint& to, const ActionRequest& request) = 0;
    virtual bool isBusy() const = 0;

Q_SIGNALS:
    void finished(const Meridian::ActionReply& reply);
};

class ProtocolActionClient : public ActionClient
{
    Q_OBJECT
public:
    explicit ProtocolActionClient(QObject* parent = nullptr);
    bool send(const SourceEndpoint& to, const ActionRequest& request) override;
    bool isBusy() const override { return m_reply != nullptr; }

private:
    QNetworkAccessManager* m_manager;
    QNetworkReply* m_reply = nullptr;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::ActionReply)
