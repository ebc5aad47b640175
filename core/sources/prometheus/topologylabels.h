// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Meridian::Prometheus {

// Which label names carry a node's identity and topology on this site (a Prometheus source's "labels"
// configuration): sites name them `cluster`, `zone`, `rack_id` … The node falls back to the host part of
// `instance` when its label is absent (docs/sources.md, "Prometheus").
struct TopologyLabels
{
    QString node = QStringLiteral("node");
    QString region = QStringLiteral("region");
    QString pool = QStringLiteral("pool");
    QString rack = QStringLiteral("rack");
    friend bool operator==(const TopologyLabels&, const TopologyLabels&) = default;
};

} // namespace Meridian::Prometheus
