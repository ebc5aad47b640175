<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Meridian::AcceleratorGrid</name>
    <message numerus="yes">
        <source>each cell = 1 accelerator; %n accelerator(s) on %1 node(s)</source>
        <translation>
            <numerusform>each cell = 1 accelerator; %n accelerator on %1 node(s)</numerusform>
            <numerusform>each cell = 1 accelerator; %n accelerators on %1 node(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each cell = 1 node (%n accelerator(s)); lower strip = worst</source>
        <translation>
            <numerusform>each cell = 1 node (%n accelerator); lower strip = worst</numerusform>
            <numerusform>each cell = 1 node (%n accelerators); lower strip = worst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each cell = 1 rack (up to %n accelerator(s)); lower strip = worst</source>
        <translation>
            <numerusform>each cell = 1 rack (up to %n accelerator); lower strip = worst</numerusform>
            <numerusform>each cell = 1 rack (up to %n accelerators); lower strip = worst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%n accelerator(s))</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%n accelerator)</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%n accelerators)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rack &lt;b&gt;%1&lt;/b&gt; in %2: %n accelerator(s)</source>
        <translation>
            <numerusform>Rack &lt;b&gt;%1&lt;/b&gt; in %2: %n accelerator</numerusform>
            <numerusform>Rack &lt;b&gt;%1&lt;/b&gt; in %2: %n accelerators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing: %n accelerator(s)</source>
        <translation>
            <numerusform>Missing: %n accelerator</numerusform>
            <numerusform>Missing: %n accelerators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::AgentCheck</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node record(s)</source>
        <translation>
            <numerusform>%n node record</numerusform>
            <numerusform>%n node records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n accelerator(s)</source>
        <translation>
            <numerusform>%1, %n accelerator</numerusform>
            <numerusform>%1, %n accelerators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>state %1, %n open fault(s)</source>
        <translation>
            <numerusform>state %1, %n open fault</numerusform>
            <numerusform>state %1, %n open faults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest id %1</source>
        <translation>
            <numerusform>%n event, newest id %1</numerusform>
            <numerusform>%n events, newest id %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::AuditDialog</name>
    <message numerus="yes">
        <source>%n action(s) recorded, newest first; expand one for its details</source>
        <translation>
            <numerusform>%n action recorded, newest first; expand one for its details</numerusform>
            <numerusform>%n actions recorded, newest first; expand one for its details</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::CacheSchema</name>
    <message numerus="yes">
        <source>more than %n schema object(s)</source>
        <translation>
            <numerusform>more than %n schema object</numerusform>
            <numerusform>more than %n schema objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>its schema is not the one Meridian writes (%n difference(s)): </source>
        <translation>
            <numerusform>its schema is not the one Meridian writes (%n difference): </numerusform>
            <numerusform>its schema is not the one Meridian writes (%n differences): </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityTrendPanel</name>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n hour(s)</source>
        <translation>
            <numerusform>Show the last %n hour</numerusform>
            <numerusform>Show the last %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::CheckSource</name>
    <message numerus="yes">
        <source>nodes: %n total</source>
        <translation>
            <numerusform>nodes: %n total</numerusform>
            <numerusform>nodes: %n total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n up</numerusform>
            <numerusform>%n up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unassigned</source>
        <translation>
            <numerusform>%n unassigned</numerusform>
            <numerusform>%n unassigned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accelerators: %n</source>
        <translation>
            <numerusform>accelerators: %n</numerusform>
            <numerusform>accelerators: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in Slurm with no metrics: %1</source>
        <translation>
            <numerusform>%n node in Slurm with no metrics: %1</numerusform>
            <numerusform>%n nodes in Slurm with no metrics: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::BlastRadiusPanel</name>
    <message numerus="yes">
        <source>%n node(s) down</source>
        <translation>
            <numerusform>%n node down</numerusform>
            <numerusform>%n nodes down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::DrainPreviewDialog</name>
    <message numerus="yes">
        <source>%n accelerator(s): %1</source>
        <translation>
            <numerusform>%n accelerator: %1</numerusform>
            <numerusform>%n accelerators: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::FaultsPage</name>
    <message numerus="yes">
        <source>↑ %n new</source>
        <translation>
            <numerusform>↑ %n new</numerusform>
            <numerusform>↑ %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n open incident</numerusform>
            <numerusform>%n open incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::IncidentTableModel</name>
    <message numerus="yes">
        <source>rack %1 · %2 · %n node(s)</source>
        <translation>
            <numerusform>rack %1 · %2 · %n node</numerusform>
            <numerusform>rack %1 · %2 · %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in several pools</source>
        <translation>
            <numerusform>%n node in several pools</numerusform>
            <numerusform>%n nodes in several pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in pool %1</source>
        <translation>
            <numerusform>%n node in pool %1</numerusform>
            <numerusform>%n nodes in pool %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::HistorySync</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not up to date after %n minute(s)</source>
        <translation>
            <numerusform>not up to date after %n minute</numerusform>
            <numerusform>not up to date after %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::JobDetailView</name>
    <message numerus="yes">
        <source>Job %1: mean utilization of %n accelerator(s)</source>
        <translation>
            <numerusform>Job %1: mean utilization of %n accelerator</numerusform>
            <numerusform>Job %1: mean utilization of %n accelerators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::JobTimeline</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interruption(s)</source>
        <translation>
            <numerusform>%n interruption</numerusform>
            <numerusform>%n interruptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s)</source>
        <translation>
            <numerusform>%n checkpoint</numerusform>
            <numerusform>%n checkpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::LatencyPage</name>
    <message numerus="yes">
        <source>%n site pair(s) break their target now; </source>
        <translation>
            <numerusform>%n site pair breaks its target now; </numerusform>
            <numerusform>%n site pairs break their target now; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n violating probe window(s) in the last hour. Targets: latency-targets.json in the configuration directory (see docs/latency.md).</source>
        <translation>
            <numerusform>%n violating probe window in the last hour. Targets: latency-targets.json in the configuration directory (see docs/latency.md).</numerusform>
            <numerusform>%n violating probe windows in the last hour. Targets: latency-targets.json in the configuration directory (see docs/latency.md).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2
p50 %3 ms, p99 %4 ms, loss %5 (%n probe(s))</source>
        <translation>
            <numerusform>%1 → %2
p50 %3 ms, p99 %4 ms, loss %5 (%n probe)</numerusform>
            <numerusform>%1 → %2
p50 %3 ms, p99 %4 ms, loss %5 (%n probes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site pair(s) on the map, each line the worse of its two directions; </source>
        <translation>
            <numerusform>%n site pair on the map, its line the worse of its two directions; </numerusform>
            <numerusform>%n site pairs on the map, each line the worse of its two directions; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n direction(s) break their target</source>
        <translation>
            <numerusform>%n direction breaks its target</numerusform>
            <numerusform>%n directions break their target</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n of them on the map; the others are within one site or between sites without coordinates)</source>
        <translation>
            <numerusform> (%n of them on the map; the others are within one site or between sites without coordinates)</numerusform>
            <numerusform> (%n of them on the map; the others are within one site or between sites without coordinates)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PeerText</name>
    <message numerus="yes">
        <source>%n accelerator(s) faulty</source>
        <translation>
            <numerusform>%n accelerator faulty</numerusform>
            <numerusform>%n accelerators faulty</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PlanCommand</name>
    <message numerus="yes">
        <source>the fleet did not answer within %n second(s)</source>
        <translation>
            <numerusform>the fleet did not answer within %n second</numerusform>
            <numerusform>the fleet did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (fragmented: %n whole node(s) needed)</source>
        <translation>
            <numerusform> (fragmented: %n whole node needed)</numerusform>
            <numerusform> (fragmented: %n whole nodes needed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %1 (%n job(s) end by then, </source>
        <translation>
            <numerusform>in %1 (%n job ends by then, </numerusform>
            <numerusform>in %1 (%n jobs end by then, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued ahead)</source>
        <translation>
            <numerusform>%n queued ahead)</numerusform>
            <numerusform>%n queued ahead)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unknown (%n running job(s) have no expected end)</source>
        <translation>
            <numerusform>unknown (%n running job has no expected end)</numerusform>
            <numerusform>unknown (%n running jobs have no expected end)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in %1 node-hours</source>
        <translation>
            <numerusform>%n fault in %1 node-hours</numerusform>
            <numerusform>%n faults in %1 node-hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n whole node(s))</source>
        <translation>
            <numerusform>%1 (%n whole node)</numerusform>
            <numerusform>%1 (%n whole nodes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n chip(s))</source>
        <translation>
            <numerusform>%1 (%n chip)</numerusform>
            <numerusform>%1 (%n chips)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerAnswerView</name>
    <message numerus="yes">
        <source>%n pool(s) can take it:</source>
        <translation>
            <numerusform>%n pool can take it:</numerusform>
            <numerusform>%n pools can take it:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n now,</source>
        <translation>
            <numerusform>%n now,</numerusform>
            <numerusform>%n now,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later,</source>
        <translation>
            <numerusform>%n later,</numerusform>
            <numerusform>%n later,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over the latency bound.</source>
        <translation>
            <numerusform>%n over the latency bound.</numerusform>
            <numerusform>%n over the latency bound.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s) excluded by the region lists.</source>
        <translation>
            <numerusform>%n pool excluded by the region lists.</numerusform>
            <numerusform>%n pools excluded by the region lists.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerText</name>
    <message numerus="yes">
        <source>%n free chip(s), but only %1 whole node(s)</source>
        <translation>
            <numerusform>%n free chip, but only %1 whole nodes</numerusform>
            <numerusform>%n free chips, but only %1 whole nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free whole node(s) of %1 needed</source>
        <translation>
            <numerusform>%n free whole node of %1 needed</numerusform>
            <numerusform>%n free whole nodes of %1 needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n free chip(s))</source>
        <translation>
            <numerusform>(%n free chip)</numerusform>
            <numerusform>(%n free chips)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free chip(s)</source>
        <translation>
            <numerusform>%n free chip</numerusform>
            <numerusform>%n free chips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n job(s) end by then,</source>
        <translation>
            <numerusform>(%n job ends by then,</numerusform>
            <numerusform>(%n jobs end by then,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued ahead)</source>
        <translation>
            <numerusform>%n queued ahead)</numerusform>
            <numerusform>%n queued ahead)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unknown: %n running job(s) have no expected end</source>
        <translation>
            <numerusform>unknown: %n running job has no expected end</numerusform>
            <numerusform>unknown: %n running jobs have no expected end</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No pool is large enough: the largest has %n qualifying whole node(s).</source>
        <translation>
            <numerusform>No pool is large enough: the largest has %n qualifying whole node.</numerusform>
            <numerusform>No pool is large enough: the largest has %n qualifying whole nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No pool is large enough: the largest has %n qualifying chip(s).</source>
        <translation>
            <numerusform>No pool is large enough: the largest has %n qualifying chip.</numerusform>
            <numerusform>No pool is large enough: the largest has %n qualifying chips.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in %1 node-hours</source>
        <translation>
            <numerusform>%n fault in %1 node-hours</numerusform>
            <numerusform>%n faults in %1 node-hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n whole node(s)</source>
        <translation>
            <numerusform>%1: %n whole node</numerusform>
            <numerusform>%1: %n whole nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chip(s)</source>
        <translation>
            <numerusform>%1: %n chip</numerusform>
            <numerusform>%1: %n chips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Prometheus::VectorDecoder</name>
    <message numerus="yes">
        <source>(%n more warning(s) not shown)</source>
        <translation>
            <numerusform>(%n more warning not shown)</numerusform>
            <numerusform>(%n more warnings not shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PrometheusCheck</name>
    <message numerus="yes">
        <source>%n node(s) have no accelerator exporter (no DCGM, npu-exporter or meridian accelerator series)</source>
        <translation>
            <numerusform>%n node has no accelerator exporter (no DCGM, npu-exporter or meridian accelerator series)</numerusform>
            <numerusform>%n nodes have no accelerator exporter (no DCGM, npu-exporter or meridian accelerator series)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) without a &quot;%1&quot; label are unassigned: %2</source>
        <translation>
            <numerusform>%n node without a &quot;%1&quot; label is unassigned: %2</numerusform>
            <numerusform>%n nodes without a &quot;%1&quot; label are unassigned: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 scrape target(s) failing: %2</source>
        <translation>
            <numerusform>%n of %1 scrape target failing: %2</numerusform>
            <numerusform>%n of %1 scrape targets failing: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) have an accelerator exporter but no node_exporter (no host CPU, memory or load): %1</source>
        <translation>
            <numerusform>%n node has an accelerator exporter but no node_exporter (no host CPU, memory or load): %1</numerusform>
            <numerusform>%n nodes have an accelerator exporter but no node_exporter (no host CPU, memory or load): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PrometheusSource</name>
    <message numerus="yes">
        <source>%n scrape target(s) down in Prometheus (up == 0)</source>
        <translation>
            <numerusform>%n scrape target down in Prometheus (up == 0)</numerusform>
            <numerusform>%n scrape targets down in Prometheus (up == 0)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::Reports::ReportsPage</name>
    <message numerus="yes">
        <source>Saved to %1. The data has %n gap(s); the report shows them.</source>
        <translation>
            <numerusform>Saved to %1. The data has %n gap; the report shows it.</numerusform>
            <numerusform>Saved to %1. The data has %n gaps; the report shows them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::SourceNoticeLabel</name>
    <message numerus="yes">
        <source>⚠ %n warning(s) from %1</source>
        <translation>
            <numerusform>⚠ %n warning from %1</numerusform>
            <numerusform>⚠ %n warnings from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s) from %1 sources</source>
        <translation>
            <numerusform>⚠ %n warning from %1 sources</numerusform>
            <numerusform>⚠ %n warnings from %1 sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::ViewState</name>
    <message numerus="yes">
        <source>(and %n other source(s))</source>
        <translation>
            <numerusform>(and %n other source)</numerusform>
            <numerusform>(and %n other sources)</numerusform>
        </translation>
    </message>
</context>
</TS>
