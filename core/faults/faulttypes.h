// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's vendor-neutral fault vocabulary (docs/faults.md): what a raw
// signal hits (component), how bad it is (severity) and what to do about it
// (one action ladder for every vendor). Value types only.

#include "core/protocol/protocoltypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Faults {

enum class Component : quint8 { Accelerator, Memory, IntraNodeLink, Link, Node, Rack, SiteLink };

// The action ladder, lowest rung first (docs/faults.md, "One fault model across vendors").
enum class Action : quint8 { Observe, PreIsolate, Drain, Reset, Isolate };

QString toKey(Component component); ///< "accelerator", "memory", "intra-node-link", "link", "node", "rack", "site-link"
QString toKey(Action action); ///< "observe", "pre-isolate", "drain", "reset", "isolate"
bool fromKey(const QString& key, Component* out);
bool fromKey(const QString& key, Action* out);
QString displayName(Component component); ///< translated
QString displayName(Action action); ///< translated

// What the mapping table says about one signal.
struct FaultClass
{
    QString ruleId; ///< the matching rule of faultmap.json
    QString title; ///< short, untranslated description from the table
    Component component = Component::Node;
    Protocol::Severity severity = Protocol::Severity::Warning;
    Action action = Action::Observe;
    QString source; ///< where the mapping comes from (vendor document)
};

// One fault as the console saw it: opened by an event (or by the console for
// a heartbeat loss), closed when the node stops listing it.
struct FaultObservation
{
    QString key; ///< unique: "source|node|event id" or "hb|node" for heartbeat losses
    qint64 eventId = 0; ///< the event that opened it; 0: synthesised by the console
    QString nodeId;
    QString region;
    QString pool;
    QString rack;
    QString vendor;
    QString model;
    int accelerator = -1; ///< -1: the node as a whole
    QString kind;
    QString code;
    QString message;
    FaultClass fault;
    qint64 openedMs = 0; ///< agent clock of the opening event
    qint64 clearedMs = 0; ///< 0: still open
    // Site links: the two sites (nodeId empty).
    QString fromSite;
    QString toSite;
    bool isOpen() const { return clearedMs == 0; }
};

enum class IncidentState : quint8 { Open, Acknowledged, Recovering, Resolved };
QString toKey(IncidentState state);
QString displayName(IncidentState state); ///< translated

enum class IncidentScope : quint8 { Accelerator, Node, Rack, Region, SiteLink, Site };
QString displayName(IncidentScope scope); ///< translated

// Related faults grouped: many chips of a node, many nodes of a rack (or a
// power domain failing at once), many links of a site.
struct Incident
{
    int id = 0; ///< stable for the session, > 0
    QString key; ///< the first member's key: stable across restarts (acknowledgements use it)
    IncidentScope scope = IncidentScope::Node;
    QString region;
    QString pool; ///< empty when members span pools
    QString rack; ///< empty when members span racks
    QString nodeId; ///< empty when members span nodes
    QString site; ///< site incidents
    Component component = Component::Node; ///< the worst member's
    Protocol::Severity severity = Protocol::Severity::Info; ///< the worst member's
    Action action = Action::Observe; ///< the highest rung of the members
    QString title; ///< the worst member's (English, from the table: show it through translatedFaultTitle())
    QString message; ///< the worst member's raw message from the agent (English): detail, tooltip
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0; ///< newest opening or clearing of a member
    qint64 resolvedMs = 0; ///< every member cleared (0: not)
    QList<int> members; ///< indexes into the tracker's observations
    int openMembers = 0;
    int nodeCount = 0;
    bool acknowledged = false;
    QString note; ///< the acknowledgement's note
    IncidentState state = IncidentState::Open;
    int count() const { return int(members.size()); }
};

} // namespace Meridian::Faults
