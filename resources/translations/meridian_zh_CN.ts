<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Meridian</name>
    <message>
        <source>%1: unknown key &quot;%2&quot;</source>
        <translation>%1：未知的键“%2”</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1：应为对象</translation>
    </message>
    <message>
        <source>%1.name: expected a non-empty string of at most %2 characters</source>
        <translation>%1.name：应为不超过 %2 个字符的非空字符串</translation>
    </message>
    <message>
        <source>%1.kind: expected &quot;agent&quot; or &quot;fleet&quot;</source>
        <translation>%1.kind：应为“agent”或“fleet”</translation>
    </message>
    <message>
        <source>%1.url: expected a string</source>
        <translation>%1.url：应为字符串</translation>
    </message>
    <message>
        <source>%1.url: expected an http:// or https:// URL with a host</source>
        <translation>%1.url：应为带主机名的 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>%1.url: must not carry user info, a query or a fragment</source>
        <translation>%1.url：不得包含用户信息、查询参数或片段</translation>
    </message>
    <message>
        <source>%1.tokenFile: expected a path</source>
        <translation>%1.tokenFile：应为文件路径</translation>
    </message>
    <message>
        <source>%1.intervalSeconds: expected a number from 1 to 3600</source>
        <translation>%1.intervalSeconds：应为 1 到 3600 之间的数字</translation>
    </message>
</context>
<context>
    <name>Meridian::AcceleratorGrid</name>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>已用显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Accelerator grid</source>
        <translation>加速卡网格</translation>
    </message>
    <message>
        <source>No accelerators in this scope</source>
        <translation>此范围内没有加速卡</translation>
    </message>
    <message numerus="yes">
        <source>each cell = 1 accelerator; %n accelerator(s) on %1 node(s)</source>
        <translation>
            <numerusform>每格 = 1 张加速卡；%1 个节点上共 %n 张加速卡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each cell = 1 node (%n accelerator(s)); lower strip = worst</source>
        <translation>
            <numerusform>每格 = 1 个节点（%n 张加速卡）；下方色条 = 最差值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each cell = 1 rack (up to %n accelerator(s)); lower strip = worst</source>
        <translation>
            <numerusform>每格 = 1 个机柜（最多 %n 张加速卡）；下方色条 = 最差值</numerusform>
        </translation>
    </message>
    <message>
        <source>faulty (or node down)</source>
        <translation>故障（或节点宕机）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; accelerator %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 加速卡 %2</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>型号：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation>作业：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>代理：%1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%n accelerator(s))</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;（%n 张加速卡）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rack &lt;b&gt;%1&lt;/b&gt; in %2: %n accelerator(s)</source>
        <translation>
            <numerusform>%2 中的机柜 &lt;b&gt;%1&lt;/b&gt;：%n 张加速卡</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 mean: %2</source>
        <translation>%1 平均：%2</translation>
    </message>
    <message>
        <source>Worst: %1 (%2 accelerator %3)</source>
        <translation>最差：%1（%2 加速卡 %3）</translation>
    </message>
    <message>
        <source>Worst: %1</source>
        <translation>最差：%1</translation>
    </message>
    <message numerus="yes">
        <source>Missing: %n accelerator(s)</source>
        <translation>
            <numerusform>缺失：%n 张加速卡</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to open the node</source>
        <translation>双击打开节点</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
</context>
<context>
    <name>Meridian::AcceleratorTableModel</name>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>node down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 / %2 GiB (%3 %)</source>
        <translation>%1 / %2 GiB（%3 %）</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>ECC single-bit</source>
        <translation>ECC 单比特</translation>
    </message>
    <message>
        <source>ECC double-bit</source>
        <translation>ECC 双比特</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
</context>
<context>
    <name>Meridian::AgentCheck</name>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL</source>
        <translation>应为 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>可达性</translation>
    </message>
    <message>
        <source>authorization</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>the agent requires a token (--token-file)</source>
        <translation>该代理需要令牌（--token-file）</translation>
    </message>
    <message>
        <source>the token was refused (%1)</source>
        <translation>令牌被拒绝（%1）</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>neither /api/v1/node nor /api/v1/fleet answered</source>
        <translation>/api/v1/node 与 /api/v1/fleet 均无应答</translation>
    </message>
    <message>
        <source>no token needed</source>
        <translation>无需令牌</translation>
    </message>
    <message>
        <source>token accepted</source>
        <translation>令牌已接受</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node record(s)</source>
        <translation>
            <numerusform>%n 条节点记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 个作业</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n accelerator(s)</source>
        <translation>
            <numerusform>%1，%n 张加速卡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>state %1, %n open fault(s)</source>
        <translation>
            <numerusform>状态 %1，%n 个未恢复故障</numerusform>
        </translation>
    </message>
    <message>
        <source>clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>the agent&apos;s clock is %1 s ahead of this machine&apos;s</source>
        <translation>代理的时钟比本机快 %1 秒</translation>
    </message>
    <message>
        <source>the newest sample is %1 s old: the agent&apos;s clock is behind or collection stalled</source>
        <translation>最新样本已过去 %1 秒：代理时钟偏慢或采集已停滞</translation>
    </message>
    <message>
        <source>newest sample %1 s old</source>
        <translation>最新样本已过去 %1 秒</translation>
    </message>
    <message>
        <source>seq %1…%2</source>
        <translation>序号 %1…%2</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史数据</translation>
    </message>
    <message>
        <source>the ring buffer holds %1 min (at least 60 min expected once the agent has run that long)</source>
        <translation>环形缓冲区保存了 %1 分钟（代理运行满 60 分钟后应至少保存 60 分钟）</translation>
    </message>
    <message>
        <source>the ring buffer holds %1 min</source>
        <translation>环形缓冲区保存了 %1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest id %1</source>
        <translation>
            <numerusform>%n 个事件，最新编号 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 条序列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::AgentSource</name>
    <message>
        <source>no answer for %1 s</source>
        <translation>已 %1 秒无应答</translation>
    </message>
</context>
<context>
    <name>Meridian::AgentStatusModel</name>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最后错误</translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityChart</name>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>No history in the cache yet</source>
        <translation>缓存中尚无历史数据</translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityPanel</name>
    <message>
        <source>Capacity over time</source>
        <translation>容量趋势</translation>
    </message>
    <message>
        <source>All accelerator models</source>
        <translation>全部加速卡型号</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n hour(s)</source>
        <translation>
            <numerusform>显示最近 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>No history in the cache yet</source>
        <translation>缓存中尚无历史数据</translation>
    </message>
    <message>
        <source>No cache: history is not available</source>
        <translation>无缓存：历史数据不可用</translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityTable</name>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>No accelerators reported</source>
        <translation>未报告加速卡</translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityTableModel</name>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未上报</translation>
    </message>
</context>
<context>
    <name>Meridian::CapacityView</name>
    <message>
        <source>Allocated but idle: %1</source>
        <translation>已分配但闲置：%1</translation>
    </message>
    <message>
        <source>Pool %1</source>
        <translation>资源池 %1</translation>
    </message>
    <message>
        <source>Whole fleet</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Capacity — %1</source>
        <translation>容量 — %1</translation>
    </message>
    <message>
        <source>Free right now, by model</source>
        <translation>当前空闲（按型号）</translation>
    </message>
    <message>
        <source>By pool and model</source>
        <translation>按资源池和型号</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>随时间变化</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>全部型号</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Utilization under</source>
        <translation>利用率低于</translation>
    </message>
    <message>
        <source>for longer than</source>
        <translation>持续超过</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Accelerators allocated to a job whose utilization stayed under the threshold for longer than the duration (agent clock). Activate a row to open the node.</source>
        <translation>已分配给作业、但利用率持续低于阈值超过设定时长的加速卡（以代理时钟计）。激活某一行可打开该节点。</translation>
    </message>
</context>
<context>
    <name>Meridian::CheckAgent</name>
    <message>
        <source>Agent: %1</source>
        <translation>代理：%1</translation>
    </message>
    <message>
        <source>Fleet front with %1 nodes; checked node %2</source>
        <translation>集群前端，共 %1 个节点；已检查节点 %2</translation>
    </message>
    <message>
        <source>Node %1 (%2), region %3, pool %4, rack %5, agent %6</source>
        <translation>节点 %1（%2），区域 %3，资源池 %4，机柜 %5，代理版本 %6</translation>
    </message>
    <message>
        <source>%1 CPUs, %2 GiB memory, %3 accelerators</source>
        <translation>%1 个 CPU，%2 GiB 内存，%3 张加速卡</translation>
    </message>
    <message>
        <source>State %1, %2 open faults, %3 jobs, newest sample #%4</source>
        <translation>状态 %1，%2 个未恢复故障，%3 个作业，最新样本 #%4</translation>
    </message>
    <message>
        <source>History kept: %1 min</source>
        <translation>保留历史：%1 分钟</translation>
    </message>
    <message>
        <source>/metrics: %1 samples</source>
        <translation>/metrics：%1 个样本</translation>
    </message>
    <message>
        <source>Result: healthy</source>
        <translation>结果：健康</translation>
    </message>
    <message>
        <source>Result: NOT healthy</source>
        <translation>结果：不健康</translation>
    </message>
    <message>
        <source>Checks one agent or fleet front and reports every protocol problem.</source>
        <translation>检查一个代理或集群前端，并报告发现的所有协议问题。</translation>
    </message>
    <message>
        <source>Read the bearer token from FILE.</source>
        <translation>从 FILE 读取持有者令牌。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Give up on a request after SECONDS (default 10).</source>
        <translation>单个请求超过 SECONDS 秒后放弃（默认 10）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>The subcommand.</source>
        <translation>子命令。</translation>
    </message>
    <message>
        <source>Base URL of the agent, e.g. http://127.0.0.1:9464/</source>
        <translation>代理的基础 URL，例如 http://127.0.0.1:9464/</translation>
    </message>
    <message>
        <source>Usage: meridian check-agent URL [--token-file FILE]</source>
        <translation>用法：meridian check-agent URL [--token-file FILE]</translation>
    </message>
    <message>
        <source>Not an http(s) URL: %1</source>
        <translation>不是 http(s) URL：%1</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 600 seconds.</source>
        <translation>--timeout 必须在 1 到 600 秒之间。</translation>
    </message>
</context>
<context>
    <name>Meridian::CommandLine</name>
    <message>
        <source>Try &apos;meridian --help&apos;.</source>
        <translation>请尝试 “meridian --help”。</translation>
    </message>
    <message>
        <source>Console for a multi-region AI compute network.

Subcommands:
  check-agent URL [--token-file FILE]   check one agent or fleet front and exit</source>
        <translation>多区域 AI 算力网络控制台。

子命令：
  check-agent URL [--token-file FILE]   检查一个代理或集群前端后退出</translation>
    </message>
    <message>
        <source>Start a simulated fleet and show it.</source>
        <translation>启动模拟集群并显示。</translation>
    </message>
    <message>
        <source>Read the sources from FILE.</source>
        <translation>从 FILE 读取数据源配置。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open page NAME at start (%1).</source>
        <translation>启动时打开页面 NAME（%1）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Keep the cache in directory DIR.</source>
        <translation>将缓存保存在目录 DIR 中。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Option --%1 given more than once.</source>
        <translation>选项 --%1 指定了多次。</translation>
    </message>
    <message>
        <source>--config needs a file name.</source>
        <translation>--config 需要一个文件名。</translation>
    </message>
    <message>
        <source>Unknown page “%1”; known pages: %2.</source>
        <translation>未知页面“%1”；可用页面：%2。</translation>
    </message>
    <message>
        <source>Unsupported language “%1”; use zh_CN or en.</source>
        <translation>不支持的语言“%1”；请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>--cache needs a directory.</source>
        <translation>--cache 需要一个目录。</translation>
    </message>
</context>
<context>
    <name>Meridian::ConsoleConfig</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: larger than %2 bytes</source>
        <translation>%1：超过 %2 字节</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation>%1：偏移 %2 处不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation>%1：应为 JSON 对象</translation>
    </message>
    <message>
        <source>%1: version: expected %2</source>
        <translation>%1：version：应为 %2</translation>
    </message>
    <message>
        <source>%1: cache: expected a directory path</source>
        <translation>%1：cache：应为目录路径</translation>
    </message>
    <message>
        <source>%1: sources: expected an array of at most %2 sources</source>
        <translation>%1：sources：应为最多包含 %2 个数据源的数组</translation>
    </message>
    <message>
        <source>%1: sources[%2].name: &quot;%3&quot; is used twice</source>
        <translation>%1：sources[%2].name：“%3”重复使用</translation>
    </message>
</context>
<context>
    <name>Meridian::DemoFleet</name>
    <message>
        <source>meridian-fleetsim was not found beside the console or on PATH</source>
        <translation>在控制台所在目录及 PATH 中均未找到 meridian-fleetsim</translation>
    </message>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>cannot write the demo token: %1</source>
        <translation>无法写入演示令牌：%1</translation>
    </message>
    <message>
        <source>meridian-fleetsim did not report its address in time</source>
        <translation>meridian-fleetsim 未能及时报告其地址</translation>
    </message>
    <message>
        <source>meridian-fleetsim printed no ready line</source>
        <translation>meridian-fleetsim 未输出就绪信息</translation>
    </message>
    <message>
        <source>cannot start meridian-fleetsim: %1</source>
        <translation>无法启动 meridian-fleetsim：%1</translation>
    </message>
    <message>
        <source>meridian-fleetsim exited (code %1)</source>
        <translation>meridian-fleetsim 已退出（代码 %1）</translation>
    </message>
    <message>
        <source>meridian-fleetsim exited before it was ready (code %1, %2)</source>
        <translation>meridian-fleetsim 在就绪前退出（代码 %1，%2）</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
</context>
<context>
    <name>Meridian::FleetAcceleratorModel</name>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
</context>
<context>
    <name>Meridian::FleetSession</name>
    <message>
        <source>the cache is already open</source>
        <translation>缓存已打开</translation>
    </message>
    <message>
        <source>cannot create the cache directory %1</source>
        <translation>无法创建缓存目录 %1</translation>
    </message>
</context>
<context>
    <name>Meridian::FleetSource</name>
    <message>
        <source>the fleet front has not answered for %1 s</source>
        <translation>集群前端已 %1 秒无应答</translation>
    </message>
    <message>
        <source>heartbeat lost (reported by the fleet front)</source>
        <translation>心跳丢失（由集群前端报告）</translation>
    </message>
    <message>
        <source>%1 (reported by the fleet front)</source>
        <translation>%1（由集群前端报告）</translation>
    </message>
</context>
<context>
    <name>Meridian::FleetStatusWidget</name>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 agents known, %2 not polled yet</source>
        <translation>已知 %1 个代理，%2 个尚未轮询</translation>
    </message>
    <message>
        <source>Agents with problems:</source>
        <translation>异常代理：</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……以及另外 %1 个</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>waiting for the first answer</source>
        <translation>等待首次响应</translation>
    </message>
    <message>
        <source>showing cached data from %1</source>
        <translation>显示缓存数据（%1）</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <translation>数据已过 %1</translation>
    </message>
    <message>
        <source>Newest agent timestamp: %1</source>
        <translation>代理最新时间戳：%1</translation>
    </message>
</context>
<context>
    <name>Meridian::FleetTreeModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Accel.</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
</context>
<context>
    <name>Meridian::Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>bad payload</source>
        <translation>数据无效</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>尚未轮询</translation>
    </message>
</context>
<context>
    <name>Meridian::HistoryChart</name>
    <message>
        <source>No history in the cache for this range</source>
        <translation>缓存中没有此时间范围的历史数据</translation>
    </message>
</context>
<context>
    <name>Meridian::HttpClient</name>
    <message>
        <source>body exceeds %1 bytes</source>
        <translation>响应体超过 %1 字节</translation>
    </message>
    <message>
        <source>stalled mid-response after %1 bytes</source>
        <translation>响应在 %1 字节后停滞</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>%1 毫秒内无应答</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>connection closed mid-response after %1 bytes</source>
        <translation>连接在 %1 字节后中断</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
</context>
<context>
    <name>Meridian::IdleTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Job name</source>
        <translation>作业名称</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Idle since</source>
        <translation>闲置起始</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>闲置时长</translation>
    </message>
    <message>
        <source>Mean utilization</source>
        <translation>平均利用率</translation>
    </message>
</context>
<context>
    <name>Meridian::MainWindow</name>
    <message>
        <source>Cache unavailable, showing live data only: %1</source>
        <translation>缓存不可用，仅显示实时数据：%1</translation>
    </message>
    <message>
        <source>About Meridian</source>
        <translation>关于 Meridian</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;Console for a multi-region AI compute network.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;多区域 AI 算力网络控制台。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Meridian — Compute Network Console</source>
        <translation>Meridian — 算力网络控制台</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>数据源(&amp;S)…</translation>
    </message>
    <message>
        <source>Configure the agents and fleets to poll, and see each agent&apos;s status</source>
        <translation>配置要轮询的代理和集群，并查看每个代理的状态</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Meridian</source>
        <translation>关于 Meridian(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>Meridian::NodeDetailView</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Utilization (%)</source>
        <translation>利用率（%）</translation>
    </message>
    <message>
        <source>Memory used (GiB)</source>
        <translation>已用显存（GiB）</translation>
    </message>
    <message>
        <source>Power (W)</source>
        <translation>功耗（W）</translation>
    </message>
    <message>
        <source>ECC single-bit errors</source>
        <translation>ECC 单比特错误</translation>
    </message>
    <message>
        <source>ECC double-bit errors</source>
        <translation>ECC 双比特错误</translation>
    </message>
    <message>
        <source>Health (0 unknown … 3 faulty)</source>
        <translation>健康状态（0 未知 … 3 故障）</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>History: the console&apos;s cache (stored in 5-minute windows; the newest minutes may not be stored yet). The dot is the live sample.</source>
        <translation>历史数据来自控制台缓存（按 5 分钟窗口存储，最近几分钟可能尚未写入）。圆点为实时样本。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>%1 (not in the fleet)</source>
        <translation>%1（不在集群中）</translation>
    </message>
    <message>
        <source>%1 — %2 / %3 / %4</source>
        <translation>%1 — %2 / %3 / %4</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>温度（°C）</translation>
    </message>
</context>
<context>
    <name>Meridian::NodeEventsModel</name>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>%1 (cleared)</source>
        <translation>%1（已清除）</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Meridian::NodeInventoryPanel</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>Boot id</source>
        <translation>启动 ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agent status</source>
        <translation>代理状态</translation>
    </message>
    <message>
        <source>Last data</source>
        <translation>最新数据</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
</context>
<context>
    <name>Meridian::NodeJobsModel</name>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Last checkpoint</source>
        <translation>最近检查点</translation>
    </message>
</context>
<context>
    <name>Meridian::NodeTableModel</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后上报</translation>
    </message>
</context>
<context>
    <name>Meridian::Pages</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>资源池</translation>
    </message>
</context>
<context>
    <name>Meridian::PoolsFormat</name>
    <message>
        <source>up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>尚未轮询</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>bad payload</source>
        <translation>数据无效</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
</context>
<context>
    <name>Meridian::PoolsPage</name>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Filter by host, pool, rack, model, label…</source>
        <translation>按主机、资源池、机柜、型号、标签筛选…</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
</context>
<context>
    <name>Meridian::QuickJump</name>
    <message>
        <source>Go to a region, pool, rack, node or accelerator (host#3, UUID)…</source>
        <translation>转到区域、资源池、机柜、节点或加速卡（host#3、UUID）…</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2   (%3)</source>
        <translation>%1 — %2   （%3）</translation>
    </message>
</context>
<context>
    <name>Meridian::RegionCard</name>
    <message>
        <source>Region %1</source>
        <translation>区域 %1</translation>
    </message>
    <message>
        <source>Click to show only this region; click again for the whole fleet</source>
        <translation>单击仅显示此区域；再次单击显示整个集群</translation>
    </message>
    <message>
        <source>%1 of %2 reporting</source>
        <translation>%1 / %2 个在报告</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>%1 up</source>
        <translation>%1 在线</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 宕机</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 运行中</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 排队</translation>
    </message>
    <message>
        <source>%1 recovering</source>
        <translation>%1 恢复中</translation>
    </message>
    <message>
        <source>Open faults</source>
        <translation>未恢复故障</translation>
    </message>
</context>
<context>
    <name>Meridian::Regions</name>
    <message>
        <source>Gui&apos;an</source>
        <translation>贵安</translation>
    </message>
    <message>
        <source>Ulanqab</source>
        <translation>乌兰察布</translation>
    </message>
    <message>
        <source>Wuhu</source>
        <translation>芜湖</translation>
    </message>
    <message>
        <source>North China</source>
        <translation>华北</translation>
    </message>
    <message>
        <source>East China</source>
        <translation>华东</translation>
    </message>
    <message>
        <source>South China</source>
        <translation>华南</translation>
    </message>
    <message>
        <source>Central China</source>
        <translation>华中</translation>
    </message>
    <message>
        <source>Southwest China</source>
        <translation>西南</translation>
    </message>
    <message>
        <source>Northwest China</source>
        <translation>西北</translation>
    </message>
    <message>
        <source>Northeast China</source>
        <translation>东北</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Shanghai</source>
        <translation>上海</translation>
    </message>
    <message>
        <source>Hangzhou</source>
        <translation>杭州</translation>
    </message>
    <message>
        <source>Nanjing</source>
        <translation>南京</translation>
    </message>
    <message>
        <source>Hefei</source>
        <translation>合肥</translation>
    </message>
    <message>
        <source>Wuhan</source>
        <translation>武汉</translation>
    </message>
    <message>
        <source>Guangzhou</source>
        <translation>广州</translation>
    </message>
    <message>
        <source>Shenzhen</source>
        <translation>深圳</translation>
    </message>
    <message>
        <source>Chengdu</source>
        <translation>成都</translation>
    </message>
    <message>
        <source>Chongqing</source>
        <translation>重庆</translation>
    </message>
    <message>
        <source>Xi&apos;an</source>
        <translation>西安</translation>
    </message>
    <message>
        <source>Zhengzhou</source>
        <translation>郑州</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无区域）</translation>
    </message>
</context>
<context>
    <name>Meridian::SourceEditDialog</name>
    <message>
        <source>Add Source</source>
        <translation>添加数据源</translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation>编辑数据源</translation>
    </message>
    <message>
        <source>optional: file holding the bearer token</source>
        <translation>可选：保存持有者令牌的文件</translation>
    </message>
    <message>
        <source>A single agent serves one node; a fleet front (simulator, gateway) serves many nodes through /api/v1/nodes</source>
        <translation>单个代理对应一个节点；集群前端（模拟器、网关）通过 /api/v1/nodes 提供多个节点的数据</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Token File</source>
        <translation>令牌文件</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>令牌文件(&amp;T)：</translation>
    </message>
    <message>
        <source>Poll &amp;interval:</source>
        <translation>轮询间隔(&amp;I)：</translation>
    </message>
    <message>
        <source>Give the source a name.</source>
        <translation>请为数据源命名。</translation>
    </message>
    <message>
        <source>Another source is already called “%1”.</source>
        <translation>已有名为“%1”的数据源。</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s URL, e.g. http://127.0.0.1:9464/</source>
        <translation>请输入代理的 URL，例如 http://127.0.0.1:9464/</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://</source>
        <translation>URL 必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>The token file does not exist or cannot be read.</source>
        <translation>令牌文件不存在或无法读取。</translation>
    </message>
    <message>
        <source>The interval must be between %1 and %2 seconds.</source>
        <translation>间隔必须在 %1 到 %2 秒之间。</translation>
    </message>
</context>
<context>
    <name>Meridian::SourceTableModel</name>
    <message>
        <source>Fleet front</source>
        <translation>集群前端</translation>
    </message>
    <message>
        <source>Single agent</source>
        <translation>单个代理</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>The token is read from this file; it is never stored in the configuration</source>
        <translation>令牌从此文件读取，不会保存在配置中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>令牌文件</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
</context>
<context>
    <name>Meridian::SourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>No configuration file: changes apply to this session only.</source>
        <translation>无配置文件：更改仅对本次会话有效。</translation>
    </message>
    <message>
        <source>Sources are saved to %1</source>
        <translation>数据源保存在 %1</translation>
    </message>
    <message>
        <source>Configured sources</source>
        <translation>已配置的数据源</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>The sources could not be saved to %1:
%2</source>
        <translation>无法将数据源保存到 %1：
%2</translation>
    </message>
</context>
<context>
    <name>Meridian::StackedCapacityChart</name>
    <message>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>No capacity history for this scope in the cache yet</source>
        <translation>缓存中尚无此范围的容量历史</translation>
    </message>
</context>
<context>
    <name>Meridian::Startup</name>
    <message>
        <source>meridian: cannot use the configuration %1: %2</source>
        <translation>meridian：无法使用配置 %1：%2</translation>
    </message>
    <message>
        <source>meridian: the cache in %1 cannot be used (%2); continuing without history</source>
        <translation>meridian：无法使用 %1 中的缓存（%2）；将在没有历史数据的情况下继续</translation>
    </message>
    <message>
        <source>cannot create the directory</source>
        <translation>无法创建目录</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>演示集群</translation>
    </message>
    <message>
        <source>Demo fleet running at %1</source>
        <translation>演示集群运行于 %1</translation>
    </message>
    <message>
        <source>meridian: the demo fleet did not start: %1</source>
        <translation>meridian：演示集群未能启动：%1</translation>
    </message>
    <message>
        <source>Demo Fleet</source>
        <translation>演示集群</translation>
    </message>
    <message>
        <source>The demo fleet did not start:
%1</source>
        <translation>演示集群未能启动：
%1</translation>
    </message>
</context>
<context>
    <name>Meridian::SummaryBar</name>
    <message>
        <source>Whole fleet</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Show whole fleet</source>
        <translation>显示整个集群</translation>
    </message>
    <message>
        <source>No nodes known yet</source>
        <translation>尚无已知节点</translation>
    </message>
    <message>
        <source>All %1 nodes reporting</source>
        <translation>全部 %1 个节点在报告</translation>
    </message>
    <message>
        <source>%1 of %2 nodes reporting</source>
        <translation>%1 / %2 个节点在报告</translation>
    </message>
    <message>
        <source>nodes up</source>
        <translation>节点在线</translation>
    </message>
    <message>
        <source>nodes down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>jobs running</source>
        <translation>作业运行中</translation>
    </message>
    <message>
        <source>jobs queued</source>
        <translation>作业排队</translation>
    </message>
    <message>
        <source>jobs recovering</source>
        <translation>作业恢复中</translation>
    </message>
    <message>
        <source>open faults</source>
        <translation>未恢复故障</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>token file %1: %2</source>
        <translation>令牌文件 %1：%2</translation>
    </message>
    <message>
        <source>token file %1: larger than %2 bytes</source>
        <translation>令牌文件 %1：超过 %2 字节</translation>
    </message>
    <message>
        <source>token file %1: empty</source>
        <translation>令牌文件 %1：为空</translation>
    </message>
    <message>
        <source>token file %1: contains characters a bearer token cannot have</source>
        <translation>令牌文件 %1：包含持有者令牌不允许的字符</translation>
    </message>
</context>
</TS>
