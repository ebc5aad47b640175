<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FaultMap</name>
    <message>
        <source>HBM uncorrectable (multi-bit) ECC error</source>
        <translation>HBM 不可纠正（多位）ECC 错误</translation>
    </message>
    <message>
        <source>HBM correctable ECC errors rising</source>
        <translation>HBM 可纠正 ECC 错误持续上升</translation>
    </message>
    <message>
        <source>AI Core error: chip reset needed</source>
        <translation>AI Core 错误：需要复位芯片</translation>
    </message>
    <message>
        <source>Task execution error: re-run the job</source>
        <translation>任务执行错误：重新运行作业</translation>
    </message>
    <message>
        <source>Unrecoverable chip error</source>
        <translation>不可恢复的芯片错误</translation>
    </message>
    <message>
        <source>Chip needs a reset when idle</source>
        <translation>芯片空闲时需要复位</translation>
    </message>
    <message>
        <source>Ascend chip fault code</source>
        <translation>昇腾芯片故障码</translation>
    </message>
    <message>
        <source>HCCS CRC errors rising</source>
        <translation>HCCS CRC 错误持续上升</translation>
    </message>
    <message>
        <source>RoCE/HCCS port down</source>
        <translation>RoCE/HCCS 端口断开</translation>
    </message>
    <message>
        <source>GPU stopped processing: restart the application</source>
        <translation>GPU 停止处理：重启应用</translation>
    </message>
    <message>
        <source>Graphics engine exception</source>
        <translation>图形引擎异常</translation>
    </message>
    <message>
        <source>GPU stopped processing</source>
        <translation>GPU 停止处理</translation>
    </message>
    <message>
        <source>Double-bit ECC error</source>
        <translation>双位 ECC 错误</translation>
    </message>
    <message>
        <source>Row remapping pending: reset at next opportunity</source>
        <translation>行重映射待处理：在下次机会时复位</translation>
    </message>
    <message>
        <source>Row remapper recording failure</source>
        <translation>行重映射器记录失败</translation>
    </message>
    <message>
        <source>GPU fell off the bus: cold reboot</source>
        <translation>GPU 掉卡：冷重启</translation>
    </message>
    <message>
        <source>Contained ECC error: restart the application</source>
        <translation>已隔离的 ECC 错误：重启应用</translation>
    </message>
    <message>
        <source>Uncontained ECC error: reset the GPU</source>
        <translation>未隔离的 ECC 错误：复位 GPU</translation>
    </message>
    <message>
        <source>GSP RPC timeout: reset the GPU</source>
        <translation>GSP RPC 超时：复位 GPU</translation>
    </message>
    <message>
        <source>Informational Xid</source>
        <translation>提示性 Xid</translation>
    </message>
    <message>
        <source>NVLink CRC/replay errors rising</source>
        <translation>NVLink CRC/重放错误持续上升</translation>
    </message>
    <message>
        <source>Page retirement pending: drain, then reset</source>
        <translation>页退役待处理：先排空，再复位</translation>
    </message>
    <message>
        <source>Row remapping failed: service/RMA</source>
        <translation>行重映射失败：维修/返厂</translation>
    </message>
    <message>
        <source>NVLink/InfiniBand port down</source>
        <translation>NVLink/InfiniBand 端口断开</translation>
    </message>
    <message>
        <source>Uncorrectable ECC error: retire at reset</source>
        <translation>不可纠正 ECC 错误：复位时退役</translation>
    </message>
    <message>
        <source>Correctable ECC errors (trend)</source>
        <translation>可纠正 ECC 错误（趋势）</translation>
    </message>
    <message>
        <source>HBM ECC error</source>
        <translation>HBM ECC 错误</translation>
    </message>
    <message>
        <source>Chip reports unhealthy</source>
        <translation>芯片报告不健康</translation>
    </message>
    <message>
        <source>Accelerator health faulty</source>
        <translation>加速卡健康状态：故障</translation>
    </message>
    <message>
        <source>Accelerator sub-health</source>
        <translation>加速卡亚健康</translation>
    </message>
    <message>
        <source>RoCE errors or retries rising</source>
        <translation>RoCE 错误或重传持续上升</translation>
    </message>
    <message>
        <source>Optical module RX power low</source>
        <translation>光模块接收功率过低</translation>
    </message>
    <message>
        <source>Network port down</source>
        <translation>网络端口断开</translation>
    </message>
    <message>
        <source>Thermal throttling</source>
        <translation>温度降频</translation>
    </message>
    <message>
        <source>Node down (heartbeat lost)</source>
        <translation>节点宕机（心跳丢失）</translation>
    </message>
    <message>
        <source>Agent not answering</source>
        <translation>代理无响应</translation>
    </message>
    <message>
        <source>Rack power lost</source>
        <translation>机柜断电</translation>
    </message>
    <message>
        <source>Inter-site link cut</source>
        <translation>站点间链路中断</translation>
    </message>
    <message>
        <source>Inter-site link degraded</source>
        <translation>站点间链路劣化</translation>
    </message>
    <message>
        <source>Fault counters not reported</source>
        <translation>故障计数器未上报</translation>
    </message>
    <message>
        <source>npu-smi / nvidia-smi failing</source>
        <translation>npu-smi / nvidia-smi 执行失败</translation>
    </message>
    <message>
        <source>Unclassified fault</source>
        <translation>未分类故障</translation>
    </message>
</context>
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
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>无证书</translation>
    </message>
    <message>
        <source>received subject %1 (names %2), issued by %3, valid %4 to %5</source>
        <translation>收到的证书主体为 %1（名称 %2），颁发者 %3，有效期 %4 至 %5</translation>
    </message>
    <message>
        <source>%1: no PEM certificate</source>
        <translation>%1：没有 PEM 证书</translation>
    </message>
    <message>
        <source>a client certificate needs both the certificate and the key</source>
        <translation>客户端证书需要同时提供证书和私钥</translation>
    </message>
    <message>
        <source>%1: no unencrypted RSA or EC private key</source>
        <translation>%1：没有未加密的 RSA 或 EC 私钥</translation>
    </message>
    <message>
        <source>expected a certificate for host %1</source>
        <translation>应为主机 %1 的证书</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>证书已于 %1 过期</translation>
    </message>
    <message>
        <source>the certificate is valid only from %1</source>
        <translation>证书自 %1 起才生效</translation>
    </message>
    <message>
        <source>expected a certificate issued by the configured CA (%1)</source>
        <translation>应为由所配置 CA（%1）颁发的证书</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
    <message>
        <source>this Qt has no TLS backend (install the OpenSSL 3 library): https sources cannot be used</source>
        <translation>此 Qt 没有 TLS 后端（请安装 OpenSSL 3 库）：无法使用 https 数据源</translation>
    </message>
    <message>
        <source>%1.%2: expected a non-empty string</source>
        <translation>%1.%2：应为非空字符串</translation>
    </message>
    <message>
        <source>%1: ca, clientCert and clientKey need an https:// URL</source>
        <translation>%1：ca、clientCert 和 clientKey 需要 https:// 地址</translation>
    </message>
    <message>
        <source>%1: clientCert and clientKey go together</source>
        <translation>%1：clientCert 与 clientKey 必须同时提供</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <source>%1.%2: only a &quot;slurm&quot; source has it</source>
        <translation>%1.%2：只有“slurm”数据源才有此项</translation>
    </message>
    <message>
        <source>%1.%2: expected a non-empty string of at most %3 characters</source>
        <translation>%1.%2：应为不超过 %3 个字符的非空字符串</translation>
    </message>
    <message>
        <source>%1.pools: expected an array of at most %2 rules</source>
        <translation>%1.pools：应为最多 %2 条规则的数组</translation>
    </message>
    <message>
        <source>%1: expected &quot;pool&quot; and one of &quot;nodePrefix&quot; or &quot;feature&quot;, non-empty strings</source>
        <translation>%1：应为“pool”以及“nodePrefix”或“feature”之一，均为非空字符串</translation>
    </message>
    <message>
        <source>down in Slurm (%1)</source>
        <translation>在 Slurm 中已宕机（%1）</translation>
    </message>
    <message>
        <source>drained in Slurm (%1)</source>
        <translation>在 Slurm 中已排空（%1）</translation>
    </message>
    <message>
        <source>%1.%2: only a &quot;prometheus&quot; source has it</source>
        <translation>%1.%2：只有“prometheus”数据源才有此项</translation>
    </message>
    <message>
        <source>%1.basicAuthFile: expected a path</source>
        <translation>%1.basicAuthFile：应为路径</translation>
    </message>
    <message>
        <source>%1.labels: expected an object</source>
        <translation>%1.labels：应为对象</translation>
    </message>
    <message>
        <source>%1.labels.%2: expected a Prometheus label name</source>
        <translation>%1.labels.%2：应为 Prometheus 标签名</translation>
    </message>
    <message>
        <source>%1.kind: expected &quot;agent&quot;, &quot;fleet&quot;, &quot;prometheus&quot; or &quot;slurm&quot;</source>
        <translation>%1.kind：应为“agent”“fleet”“prometheus”或“slurm”</translation>
    </message>
    <message>
        <source>%1.hostNames: expected an object of at most %2 names</source>
        <translation>%1.hostNames：应为一个最多含 %2 个名称的对象</translation>
    </message>
    <message>
        <source>%1.hostNames.%2: expected a non-empty host name of at most %3 characters</source>
        <translation>%1.hostNames.%2：应为不超过 %3 个字符的非空主机名</translation>
    </message>
    <message>
        <source>%1.historyHours: expected a whole number of hours from 0 to %2</source>
        <translation>%1.historyHours：应为 0 到 %2 之间的整数小时</translation>
    </message>
    <message>
        <source>%1.historyStepSeconds: expected 10, 12, 15, 20, 30 or 60</source>
        <translation>%1.historyStepSeconds：应为 10、12、15、20、30 或 60</translation>
    </message>
    <message>
        <source>%1.jobKinds: expected an array of at most %2 rules</source>
        <translation>%1.jobKinds：应为至多 %2 条规则的数组</translation>
    </message>
    <message>
        <source>%1: expected &quot;kind&quot; (training, inference or other) and one of &quot;qos&quot;, &quot;namePrefix&quot;, &quot;partition&quot; or &quot;account&quot;, a non-empty string</source>
        <translation>%1：应有 &quot;kind&quot;（training、inference 或 other），以及 &quot;qos&quot;、&quot;namePrefix&quot;、&quot;partition&quot;、&quot;account&quot; 之一，且为非空字符串</translation>
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
    <name>Meridian::ActionService</name>
    <message>
        <source>No action possible: %1</source>
        <translation>无法执行操作：%1</translation>
    </message>
    <message>
        <source>No source can act on node %1</source>
        <translation>没有数据源能对节点 %1 执行操作</translation>
    </message>
    <message>
        <source>no source serves this job</source>
        <translation>没有数据源提供此作业</translation>
    </message>
    <message>
        <source>Another action is still being sent</source>
        <translation>另一个操作仍在发送中</translation>
    </message>
    <message>
        <source>no audit log</source>
        <translation>没有审计日志</translation>
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
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
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
    <name>Meridian::AuditDialog</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No actions recorded yet</source>
        <translation>尚无操作记录</translation>
    </message>
    <message>
        <source>Audit log of actions</source>
        <translation>操作审计日志</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>On what</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>经由</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>正在加载审计日志…</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) recorded, newest first; expand one for its details</source>
        <translation>
            <numerusform>已记录 %n 项操作，最新的在前；展开一项可查看详情</numerusform>
        </translation>
    </message>
    <message>
        <source>No audit log: the console has no cache</source>
        <translation>无审计日志：控制台没有缓存</translation>
    </message>
</context>
<context>
    <name>Meridian::AuditText</name>
    <message>
        <source>Acknowledge incident</source>
        <translation>确认故障事件</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消作业</translation>
    </message>
    <message>
        <source>Requeue job</source>
        <translation>重新排队作业</translation>
    </message>
    <message>
        <source>Drain node</source>
        <translation>排空节点</translation>
    </message>
    <message>
        <source>Resume node</source>
        <translation>恢复节点</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>incident %1</source>
        <translation>故障事件 %1</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>无应答：%1</translation>
    </message>
    <message>
        <source>Previewed</source>
        <translation>已预览</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed (HTTP %1): %2</source>
        <translation>失败（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>%1 at %2: %3 %4 through %5. %6</source>
        <translation>%1 于 %2：经由 %5 %3（%4）。%6</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>已确认的内容：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态：%1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>应答：%1</translation>
    </message>
    <message>
        <source>Recorded as: %1</source>
        <translation>记录为：%1</translation>
    </message>
</context>
<context>
    <name>Meridian::CacheDamagePrompt</name>
    <message>
        <source>The damaged cache was kept as %1; a new cache has started.</source>
        <translation>损坏的缓存已保留为 %1；新的缓存已启动。</translation>
    </message>
    <message>
        <source>The cache is damaged; showing live data only.</source>
        <translation>缓存已损坏；仅显示实时数据。</translation>
    </message>
    <message>
        <source>Damaged Cache</source>
        <translation>缓存已损坏</translation>
    </message>
    <message>
        <source>The cache in %1 is damaged. Meridian does not read it, because its history and reports would be wrong.</source>
        <translation>%1 中的缓存已损坏。Meridian 不会读取它，因为其中的历史和报表会是错误的。</translation>
    </message>
    <message>
        <source>Move the damaged files aside (they are kept, renamed with today&apos;s date) and start a new, empty cache? The history in them is no longer shown.</source>
        <translation>将损坏的文件移到一旁（文件会保留，并以当前日期重命名）并启动一个新的空缓存？其中的历史将不再显示。</translation>
    </message>
    <message>
        <source>Move Aside and Start Fresh</source>
        <translation>移到一旁并重新开始</translation>
    </message>
    <message>
        <source>Continue Without History</source>
        <translation>不使用历史继续</translation>
    </message>
</context>
<context>
    <name>Meridian::CacheGuard</name>
    <message>
        <source>%1: not an SQLite connection</source>
        <translation>%1：不是 SQLite 连接</translation>
    </message>
    <message>
        <source>%1: SQLite refused the setting %2</source>
        <translation>%1：SQLite 拒绝了设置 %2</translation>
    </message>
</context>
<context>
    <name>Meridian::CacheReader</name>
    <message>
        <source>%1 fails PRAGMA quick_check: %2</source>
        <translation>%1 未通过 PRAGMA quick_check：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Meridian::CacheRepair</name>
    <message>
        <source>cannot move %1 aside to %2</source>
        <translation>无法将 %1 移到 %2</translation>
    </message>
</context>
<context>
    <name>Meridian::CacheSchema</name>
    <message numerus="yes">
        <source>more than %n schema object(s)</source>
        <translation>
            <numerusform>超过 %n 个结构对象</numerusform>
        </translation>
    </message>
    <message>
        <source>the expected schema could not be made: %1</source>
        <translation>无法生成预期的结构：%1</translation>
    </message>
    <message>
        <source>its schema cannot be read: %1</source>
        <translation>无法读取其结构：%1</translation>
    </message>
    <message>
        <source>unexpected %1</source>
        <translation>多出的 %1</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>缺少的 %1</translation>
    </message>
    <message numerus="yes">
        <source>its schema is not the one Meridian writes (%n difference(s)): </source>
        <translation>
            <numerusform>其结构与 Meridian 写入的不一致（%n 处差异）：</numerusform>
        </translation>
    </message>
    <message>
        <source>table %1 holds a value larger than %2 bytes</source>
        <translation>表 %1 含有大于 %2 字节的值</translation>
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
    <name>Meridian::CapacityTrendPanel</name>
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
    <message>
        <source>Loading history…</source>
        <translation>正在加载历史…</translation>
    </message>
    <message>
        <source>Capacity over time: whole fleet</source>
        <translation>容量趋势：整个集群</translation>
    </message>
    <message>
        <source>Capacity over time: %1</source>
        <translation>容量趋势：%1</translation>
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
    <message>
        <source>Trust only the CA certificates in FILE (PEM) for an https URL.</source>
        <translation>对 https URL 仅信任 FILE（PEM）中的 CA 证书。</translation>
    </message>
    <message>
        <source>Client certificate (PEM) for agents that require one.</source>
        <translation>客户端证书（PEM），用于要求客户端证书的代理。</translation>
    </message>
    <message>
        <source>Private key (PEM) of --cert.</source>
        <translation>--cert 对应的私钥（PEM）。</translation>
    </message>
    <message>
        <source>--ca, --cert and --key need an https:// URL.</source>
        <translation>--ca、--cert 和 --key 需要 https:// URL。</translation>
    </message>
</context>
<context>
    <name>Meridian::CheckSlurm</name>
    <message>
        <source>slurmrestd: %1</source>
        <translation>slurmrestd：%1</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Drain and resume: over REST</source>
        <translation>排空与恢复：通过 REST</translation>
    </message>
    <message>
        <source>Drain and resume: no node update in this API version; the console gives the scontrol command instead</source>
        <translation>排空与恢复：此 API 版本不支持更新节点；控制台改为给出 scontrol 命令</translation>
    </message>
    <message>
        <source>Nodes by state:</source>
        <translation>按状态统计的节点：</translation>
    </message>
    <message>
        <source>Partitions (nodes, GPUs, GPUs allocated):</source>
        <translation>分区（节点数、GPU 数、已分配 GPU 数）：</translation>
    </message>
    <message>
        <source>Jobs by state:</source>
        <translation>按状态统计的作业：</translation>
    </message>
    <message>
        <source>WARNING %1</source>
        <translation>警告 %1</translation>
    </message>
    <message>
        <source>Checks a Slurm cluster&apos;s slurmrestd as a source would see it.</source>
        <translation>按数据源的视角检查 Slurm 集群的 slurmrestd。</translation>
    </message>
    <message>
        <source>Read the JWT (scontrol token) from FILE.</source>
        <translation>从 FILE 读取 JWT（scontrol token）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The user the JWT was issued to (X-SLURM-USER-NAME).</source>
        <translation>JWT 所签发给的用户（X-SLURM-USER-NAME）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
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
        <source>Trust only the CA certificates in FILE (PEM) for an https URL.</source>
        <translation>对 https URL 仅信任 FILE（PEM）中的 CA 证书。</translation>
    </message>
    <message>
        <source>The subcommand.</source>
        <translation>子命令。</translation>
    </message>
    <message>
        <source>Base URL of slurmrestd, e.g. http://slurm-head:6820/</source>
        <translation>slurmrestd 的基础 URL，例如 http://slurm-head:6820/</translation>
    </message>
    <message>
        <source>Usage: meridian check-slurm URL --token-file FILE [--user NAME]</source>
        <translation>用法：meridian check-slurm URL --token-file FILE [--user NAME]</translation>
    </message>
    <message>
        <source>Not an http(s) URL: %1</source>
        <translation>不是 http(s) URL：%1</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 600 seconds.</source>
        <translation>--timeout 必须在 1 到 600 秒之间。</translation>
    </message>
    <message>
        <source>--ca needs an https:// URL.</source>
        <translation>--ca 需要 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>Meridian::CheckSource</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>，版本 %1</translation>
    </message>
    <message numerus="yes">
        <source>nodes: %n total</source>
        <translation>
            <numerusform>节点：共 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n 个在线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n 个宕机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unassigned</source>
        <translation>
            <numerusform>%n 个未分配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accelerators: %n</source>
        <translation>
            <numerusform>加速卡：%n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Checks every source of a configuration end to end and reports what it sees and every problem.</source>
        <translation>端到端检查配置中的每个数据源，报告所见内容和每个问题。</translation>
    </message>
    <message>
        <source>Read the sources from FILE.</source>
        <translation>从 FILE 读取数据源。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Check only the source called NAME.</source>
        <translation>只检查名为 NAME 的数据源。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print one JSON document.</source>
        <translation>输出一个 JSON 文档。</translation>
    </message>
    <message>
        <source>Give up on a source after SECONDS (default 30).</source>
        <translation>SECONDS 秒后放弃一个数据源（默认 30）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>The subcommand.</source>
        <translation>子命令。</translation>
    </message>
    <message>
        <source>Usage: meridian check-source --config FILE [--source NAME] [--json]</source>
        <translation>用法：meridian check-source --config FILE [--source NAME] [--json]</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 600 seconds.</source>
        <translation>--timeout 必须为 1 到 600 秒。</translation>
    </message>
    <message>
        <source>No source called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的数据源。</translation>
    </message>
    <message>
        <source>The configuration has no sources.</source>
        <translation>配置中没有数据源。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>nodes by state:</source>
        <translation>按状态的节点：</translation>
    </message>
    <message>
        <source>partitions (nodes, GPUs, GPUs allocated):</source>
        <translation>分区（节点、GPU、已分配 GPU）：</translation>
    </message>
    <message>
        <source>jobs by state:</source>
        <translation>按状态的作业：</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in Slurm with no metrics: %1</source>
        <translation>
            <numerusform>Slurm 中有 %n 个节点没有指标：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>nodes not compared with the metrics sources: %1 did not answer</source>
        <translation>未与指标来源比对节点：%1 没有应答</translation>
    </message>
</context>
<context>
    <name>Meridian::CommandLine</name>
    <message>
        <source>Try &apos;meridian --help&apos;.</source>
        <translation>请尝试 “meridian --help”。</translation>
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
    <message>
        <source>Console for a multi-region AI compute network.

Subcommands:
  check-agent URL [--token-file FILE]   check one agent or fleet front and exit
  check-slurm URL --token-file FILE [--user NAME]   check a Slurm cluster&apos;s slurmrestd and exit
  check-source --config FILE [--source NAME] [--json]   check every source and exit
  report --type TYPE --range RANGE --format pdf|csv|xlsx -o FILE   write a report from the cache and exit (meridian report --help)
  plan --model MODEL|--family NAME --count N --duration 7d [--near SITE --max-rtt 10ms]   where a job can run, now or soon, and at what risk (meridian plan --help)</source>
        <translation>多区域 AI 算力网络控制台。

子命令：
  check-agent URL [--token-file FILE]   检查一个代理或集群前端后退出
  check-slurm URL --token-file FILE [--user NAME]   检查 Slurm 集群的 slurmrestd 后退出
  check-source --config FILE [--source NAME] [--json]   检查全部数据源后退出
  report --type TYPE --range RANGE --format pdf|csv|xlsx -o FILE   根据缓存生成报表后退出（meridian report --help）
  plan --model MODEL|--family NAME --count N --duration 7d [--near SITE --max-rtt 10ms]   作业现在或稍后能在哪里运行、风险多大（meridian plan --help）</translation>
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
    <name>Meridian::CredentialStore</name>
    <message>
        <source>not a valid credential name</source>
        <translation>不是有效的凭据名称</translation>
    </message>
    <message>
        <source>this build has no keyring support (QtKeychain)</source>
        <translation>此版本不支持密钥环（QtKeychain）</translation>
    </message>
    <message>
        <source>credential %1 in the keyring is not a valid token</source>
        <translation>密钥环中的凭据 %1 不是有效的令牌</translation>
    </message>
    <message>
        <source>a token is 1 to 4096 printable ASCII characters without spaces</source>
        <translation>令牌须为 1 到 4096 个不含空格的可打印 ASCII 字符</translation>
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
    <name>Meridian::Faults</name>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Intra-node link</source>
        <translation>节点内互联</translation>
    </message>
    <message>
        <source>NIC / link</source>
        <translation>网卡 / 链路</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Site link</source>
        <translation>站点间链路</translation>
    </message>
    <message>
        <source>Observe</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Pre-isolate</source>
        <translation>预隔离</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>Isolate / service</source>
        <translation>隔离 / 维修</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Power domain</source>
        <translation>供电域</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::AcknowledgeDialog</name>
    <message>
        <source>Acknowledge incident</source>
        <translation>确认事件</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Acknowledging tells everyone that you are on it. The incident stays open until it recovers; your name and note are kept in the audit log.</source>
        <translation>确认即告诉所有人此事已有人处理。事件在恢复前仍保持未结状态；您的用户名和备注将记入审计日志。</translation>
    </message>
    <message>
        <source>Note (kept in the audit log):</source>
        <translation>备注（记入审计日志）：</translation>
    </message>
    <message>
        <source>e.g. replacing the HBM module, ticket 4711</source>
        <translation>例如：更换 HBM 模块，工单 4711</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不确认</translation>
    </message>
    <message>
        <source>Acknowledge “%1”</source>
        <translation>确认“%1”</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::BlastRadiusPanel</name>
    <message>
        <source>Affected</source>
        <translation>受影响对象</translation>
    </message>
    <message>
        <source>Accelerators lost</source>
        <translation>损失加速卡</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checkpoint / recovery</source>
        <translation>检查点 / 恢复</translation>
    </message>
    <message>
        <source>Select an incident to see what it hits.</source>
        <translation>选择一个故障事件以查看其影响范围。</translation>
    </message>
    <message>
        <source>%1 accelerators and %2 whole nodes lost; %3 jobs affected.</source>
        <translation>损失 %1 张加速卡和 %2 个整节点；%3 个作业受影响。</translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation>作业（%1）</translation>
    </message>
    <message>
        <source>running again after %1</source>
        <translation>%1 后恢复运行</translation>
    </message>
    <message>
        <source>interrupted at %1</source>
        <translation>于 %1 中断</translation>
    </message>
    <message>
        <source>checkpoint at %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <source>no checkpoint</source>
        <translation>无检查点</translation>
    </message>
    <message>
        <source>Capacity lost</source>
        <translation>损失容量</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) down</source>
        <translation>
            <numerusform>%n 个节点宕机</numerusform>
        </translation>
    </message>
    <message>
        <source>Site links (%1)</source>
        <translation>站点间链路（%1）</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::DrainPreviewDialog</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
        <source>Free now</source>
        <translation>当前空闲</translation>
    </message>
    <message>
        <source>Allocated (as jobs end)</source>
        <translation>已分配（随作业结束释放）</translation>
    </message>
    <message>
        <source>Drain node %1</source>
        <translation>排空节点 %1</translation>
    </message>
    <message>
        <source>Resume node %1</source>
        <translation>恢复节点 %1</translation>
    </message>
    <message>
        <source>No new jobs will be placed on %1. Jobs running there keep running until they end (requeue them from the Jobs page to move them now).</source>
        <translation>%1 上将不再放置新作业。正在运行的作业会继续运行直至结束（如需立即迁移，请在“作业”页面重新排队）。</translation>
    </message>
    <message>
        <source>%1 will take new jobs again.</source>
        <translation>%1 将重新接受新作业。</translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s): %1</source>
        <translation>
            <numerusform>%n 张加速卡：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. HBM replacement, ticket 4711</source>
        <translation>例如：更换 HBM，工单 4711</translation>
    </message>
    <message>
        <source>Jobs on the node (%1)</source>
        <translation>节点上的作业（%1）</translation>
    </message>
    <message>
        <source>Capacity removed</source>
        <translation>移除的容量</translation>
    </message>
    <message>
        <source>Capacity returned</source>
        <translation>恢复的容量</translation>
    </message>
    <message>
        <source>Command on the node: %1</source>
        <translation>节点上执行的命令：%1</translation>
    </message>
    <message>
        <source>Reason (kept in the audit logs):</source>
        <translation>原因（记入审计日志）：</translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation>排空 %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>%1 %2: jobs %3; capacity %4</source>
        <translation>%1 %2：作业 %3；容量 %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The scheduler&apos;s API cannot do this. Run the command below on a Slurm host; the console has changed nothing.</source>
        <translation>调度器的 API 无法执行此操作。请在 Slurm 主机上运行下面的命令；控制台未做任何更改。</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Keep %1 in service</source>
        <translation>保持 %1 在线服务</translation>
    </message>
    <message>
        <source>Leave %1 drained</source>
        <translation>保持 %1 排空</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::FaultsPage</name>
    <message numerus="yes">
        <source>↑ %n new</source>
        <translation>
            <numerusform>↑ %n 条新增</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n 个未关闭故障</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n 个严重</numerusform>
        </translation>
    </message>
    <message>
        <source>Export support bundle</source>
        <translation>导出支持包</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Tar 归档文件 (*.tar)</translation>
    </message>
    <message>
        <source>Filter by fault, node, rack, pool or region</source>
        <translation>按故障、节点、机柜、资源池或区域筛选</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Export support bundle…</source>
        <translation>导出支持包…</translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>No incidents match the filter</source>
        <translation>没有符合筛选条件的故障事件</translation>
    </message>
    <message>
        <source>No incidents: no node, accelerator or link has reported a fault</source>
        <translation>没有故障事件：尚无节点、加速卡或链路报告故障</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::IncidentTableModel</name>
    <message>
        <source>%1 · accelerator %2</source>
        <translation>%1 · 加速卡 %2</translation>
    </message>
    <message numerus="yes">
        <source>rack %1 · %2 · %n node(s)</source>
        <translation>
            <numerusform>机柜 %1 · %2 · %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in several pools</source>
        <translation>
            <numerusform>多个资源池中的 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) in pool %1</source>
        <translation>
            <numerusform>资源池 %1 中的 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>links of %1</source>
        <translation>%1 的链路</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次发生</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近发生</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>代理：%1</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::NodeActionController</name>
    <message>
        <source>Actions need a console session with sources</source>
        <translation>操作需要带有数据源的控制台会话</translation>
    </message>
    <message>
        <source>Asking what draining %1 would do…</source>
        <translation>正在查询排空 %1 的影响…</translation>
    </message>
    <message>
        <source>Asking what resuming %1 would do…</source>
        <translation>正在查询恢复 %1 的影响…</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>无应答：%1</translation>
    </message>
    <message>
        <source>Failed (%1): %2</source>
        <translation>失败（%1）：%2</translation>
    </message>
    <message>
        <source>%1 is drained: no new jobs go there</source>
        <translation>%1 已排空：不再放置新作业</translation>
    </message>
    <message>
        <source>%1 is resumed: it takes new jobs again</source>
        <translation>%1 已恢复：重新接受新作业</translation>
    </message>
    <message>
        <source>Not sent: %1 of %2 was not confirmed</source>
        <translation>未发送：%2 的 %1 未确认</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>正在发送 %2 的 %1…</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::NodeFaultPanel</name>
    <message>
        <source>Open node in Pools</source>
        <translation>在资源池页中打开节点</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Select an incident on one node to see its history.</source>
        <translation>选择单个节点上的故障事件以查看其历史。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: faults and events from %2 to %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 至 %3 的故障与事件</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>open: %1</source>
        <translation>未恢复：%1</translation>
    </message>
    <message>
        <source>cleared after %1: %2</source>
        <translation>%1 后清除：%2</translation>
    </message>
    <message>
        <source>cleared: %1</source>
        <translation>已清除：%1</translation>
    </message>
    <message>
        <source>No cached temperature of accelerator %1 around the fault.</source>
        <translation>缓存中没有加速卡 %1 在故障前后的温度数据。</translation>
    </message>
    <message>
        <source>Accelerator %1 temperature around the fault: %2–%3 °C over %4 points.</source>
        <translation>加速卡 %1 在故障前后的温度：%2–%3 °C（共 %4 个数据点）。</translation>
    </message>
    <message>
        <source>Drain…</source>
        <translation>排空…</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Stop placing new jobs on this node (preview first)</source>
        <translation>停止在此节点上放置新作业（先预览）</translation>
    </message>
    <message>
        <source>Let the scheduler place jobs on this node again (preview first)</source>
        <translation>允许调度器重新在此节点上放置作业（先预览）</translation>
    </message>
    <message>
        <source>No faults recorded for this node</source>
        <translation>该节点没有故障记录</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::RecoveryPanel</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>After detection</source>
        <translation>距检测用时</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Incidents (24 h)</source>
        <translation>故障数（24 小时）</translation>
    </message>
    <message>
        <source>MTTR (24 h)</source>
        <translation>MTTR（24 小时）</translation>
    </message>
    <message>
        <source>MTTR (7 d)</source>
        <translation>MTTR（7 天）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovery stopwatch&lt;/b&gt; (target: 10 min from detection to jobs running again)</source>
        <translation>&lt;b&gt;恢复计时&lt;/b&gt;（目标：从检测到作业恢复运行不超过 10 分钟）</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>检测到故障</translation>
    </message>
    <message>
        <source>Isolated (jobs stopped)</source>
        <translation>已隔离（作业已停止）</translation>
    </message>
    <message>
        <source>Affected jobs restarted</source>
        <translation>受影响作业已重启</translation>
    </message>
    <message>
        <source>Hardware resumed</source>
        <translation>硬件已恢复</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Recovery running: %1 of %2 jobs restarted.</source>
        <translation>恢复进行中：已重启 %1 / %2 个作业。</translation>
    </message>
    <message>
        <source>Recovered in %1: within the 10-minute target.</source>
        <translation>用时 %1 完成恢复：达到 10 分钟目标。</translation>
    </message>
    <message>
        <source>Recovered in %1: %2 over the 10-minute target.</source>
        <translation>用时 %1 完成恢复：超出 10 分钟目标 %2。</translation>
    </message>
    <message>
        <source>Between incidents (7 d)</source>
        <translation>事件间隔（7 天）</translation>
    </message>
    <message>
        <source>&lt;b&gt;MTTR and time between incidents per pool&lt;/b&gt;</source>
        <translation>&lt;b&gt;各资源池的 MTTR 与事件间隔&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No incidents in this range: MTTR and time between incidents need them</source>
        <translation>此时间范围内没有故障事件：MTTR 和故障间隔需要有故障事件才能计算</translation>
    </message>
</context>
<context>
    <name>Meridian::Faults::ReliabilityChart</name>
    <message>
        <source>MTTR (hours)</source>
        <translation>MTTR（小时）</translation>
    </message>
    <message>
        <source>MTTR per pool</source>
        <translation>各资源池 MTTR</translation>
    </message>
    <message>
        <source>Per day, 14 days</source>
        <translation>按天，14 天</translation>
    </message>
    <message>
        <source>Per week, 12 weeks</source>
        <translation>按周，12 周</translation>
    </message>
    <message>
        <source>Between incidents (hours)</source>
        <translation>事件间隔（小时）</translation>
    </message>
    <message>
        <source>Time between incidents per pool</source>
        <translation>各资源池的事件间隔</translation>
    </message>
    <message>
        <source>No figures in this range (MTTR needs resolved incidents, time between incidents any incident)</source>
        <translation>此范围内没有数据（MTTR 需要已解决的事件，事件间隔需要至少一个事件）</translation>
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
    <message>
        <source>credential %1: this build has no keyring support</source>
        <translation>凭据 %1：此版本不支持系统密钥环</translation>
    </message>
    <message>
        <source>keyring: %1</source>
        <translation>密钥环：%1</translation>
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
    <name>Meridian::FleetStatusPanel</name>
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
    <message>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
</context>
<context>
    <name>Meridian::HistorySync</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>%n 秒内无应答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not up to date after %n minute(s)</source>
        <translation>
            <numerusform>%n 分钟后仍未更新完毕</numerusform>
        </translation>
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
    <message>
        <source>TLS handshake refused by the agent (does it require a client certificate?): %1</source>
        <translation>代理拒绝了 TLS 握手（是否要求客户端证书？）：%1</translation>
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
    <name>Meridian::JobActionDialog</name>
    <message>
        <source>Cancel job %1</source>
        <translation>取消作业 %1</translation>
    </message>
    <message>
        <source>Requeue job %1</source>
        <translation>重新排队作业 %1</translation>
    </message>
    <message>
        <source>Cancel job %1?</source>
        <translation>取消作业 %1？</translation>
    </message>
    <message>
        <source>Requeue job %1?</source>
        <translation>重新排队作业 %1？</translation>
    </message>
    <message>
        <source>The job stops on every node it runs on and its accelerators are freed. Work since its last checkpoint is lost, and a cancelled job cannot be resumed.</source>
        <translation>作业将在其运行的所有节点上停止，加速卡随之释放。自上次检查点以来的计算将丢失，已取消的作业无法恢复。</translation>
    </message>
    <message>
        <source>The job stops and goes back to the queue; it starts again from its last checkpoint when accelerators are free. Work since that checkpoint is lost.</source>
        <translation>作业将停止并回到队列；有空闲加速卡时从上次检查点重新开始。自该检查点以来的计算将丢失。</translation>
    </message>
    <message>
        <source>The scheduler&apos;s preview: %1</source>
        <translation>调度器的预览：%1</translation>
    </message>
    <message>
        <source>e.g. stuck at the same step for 2 h, ticket 4711</source>
        <translation>例如：同一步骤卡住 2 小时，工单 4711</translation>
    </message>
    <message>
        <source>Reason (kept in the audit log):</source>
        <translation>原因（记入审计日志）：</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>保持现状</translation>
    </message>
</context>
<context>
    <name>Meridian::JobDetailClient</name>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>the answer is not a valid job detail: %1</source>
        <translation>应答不是有效的作业详情：%1</translation>
    </message>
    <message>
        <source>the answer describes another job (%1)</source>
        <translation>应答描述的是另一个作业（%1）</translation>
    </message>
</context>
<context>
    <name>Meridian::JobDetailView</name>
    <message>
        <source>Cancel job…</source>
        <translation>取消作业…</translation>
    </message>
    <message>
        <source>Requeue…</source>
        <translation>重新排队…</translation>
    </message>
    <message>
        <source>← Jobs</source>
        <translation>← 作业</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>中断时间</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fault event</source>
        <translation>故障事件</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Work lost</source>
        <translation>损失工作量</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>恢复用时</translation>
    </message>
    <message>
        <source>Target 10 min</source>
        <translation>10 分钟目标</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Show in Pools</source>
        <translation>在资源池页中显示</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>中断记录</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2 · tenant %3, user %4 · pool %5 (%6) · %7 of %8 × %9 · submitted %10, started %11%12</source>
        <translation>%1 · %2 · 租户 %3，用户 %4 · 资源池 %5（%6）· 加速卡 %7/%8 × %9 · 提交于 %10，开始于 %11%12</translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation>，结束于 %1</translation>
    </message>
    <message>
        <source>Goodput %1 · longest uninterrupted run %2 · running for %3 · %4 interruption(s), %5 a day · work lost %6 · mean recovery %7, %8 over the 10-minute target</source>
        <translation>有效产出率 %1 · 最长连续运行 %2 · 已运行 %3 · 中断 %4 次，日均 %5 次 · 损失工作量 %6 · 平均恢复用时 %7，%8 次超出 10 分钟目标</translation>
    </message>
    <message>
        <source>No accelerators allocated now</source>
        <translation>当前未分配加速卡</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>已持续 %1</translation>
    </message>
    <message>
        <source>over</source>
        <translation>超出</translation>
    </message>
    <message>
        <source>within</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>No cached events for this job</source>
        <translation>缓存中没有此作业的事件</translation>
    </message>
    <message numerus="yes">
        <source>Job %1: mean utilization of %n accelerator(s)</source>
        <translation>
            <numerusform>作业 %1：%n 张加速卡的平均利用率</numerusform>
        </translation>
    </message>
    <message>
        <source>No interruptions: the job has run without one</source>
        <translation>没有中断：该作业一直在运行，未曾中断</translation>
    </message>
    <message>
        <source>No events for this job&apos;s nodes</source>
        <translation>该作业的节点没有事件</translation>
    </message>
</context>
<context>
    <name>Meridian::JobTableModel</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
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
        <source>Running for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>Uninterrupted for</source>
        <translation>连续运行</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>中断次数</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效产出率</translation>
    </message>
    <message>
        <source>Last checkpoint</source>
        <translation>最近检查点</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 — %2, user %3, %4 accelerators of %5</source>
        <translation>%1 — %2，用户 %3，%4 张 %5 加速卡</translation>
    </message>
</context>
<context>
    <name>Meridian::JobTimeline</name>
    <message>
        <source>Select a job to see its timeline</source>
        <translation>选择作业以查看其时间线</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>This source reports no run history for the job</source>
        <translation>此数据源未报告该作业的运行历史</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>work lost</source>
        <translation>损失工作量</translation>
    </message>
    <message>
        <source>recovery ≤ 10 min</source>
        <translation>恢复 ≤ 10 分钟</translation>
    </message>
    <message>
        <source>recovery &gt; 10 min</source>
        <translation>恢复 &gt; 10 分钟</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>not recovered (%1 so far)</source>
        <translation>未恢复（已持续 %1）</translation>
    </message>
    <message>
        <source>Interrupted %1: %2
Recovery: %3 (target 10 min)</source>
        <translation>中断于 %1：%2
恢复用时：%3（目标 10 分钟）</translation>
    </message>
    <message>
        <source>Fault event %1 on %2</source>
        <translation>故障事件 %1（节点 %2）</translation>
    </message>
    <message>
        <source>Ran %1 from %2 (%3)</source>
        <translation>自 %2 起运行 %1（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个运行段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interruption(s)</source>
        <translation>
            <numerusform>%n 次中断</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s)</source>
        <translation>
            <numerusform>%n 个检查点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::JobUtilizationChart</name>
    <message>
        <source>Utilization (%)</source>
        <translation>利用率（%）</translation>
    </message>
    <message>
        <source>No cached utilization for this job&apos;s accelerators</source>
        <translation>缓存中没有此作业所用加速卡的利用率数据</translation>
    </message>
    <message>
        <source>Mean utilization (%)</source>
        <translation>平均利用率 (%)</translation>
    </message>
</context>
<context>
    <name>Meridian::JobsFormat</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>checkpointing</source>
        <translation>检查点保存中</translation>
    </message>
    <message>
        <source>recovering</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>requeued</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>Meridian::JobsPage</name>
    <message>
        <source>%1 jobs (%2 live) · goodput %3 (accelerator-weighted) · %4 interruption(s), %5 a day · mean recovery %6, %7 of %8 over the 10-minute target · longest run %9</source>
        <translation>%1 个作业（%2 个活动）· 有效产出率 %3（按加速卡加权）· 中断 %4 次，日均 %5 次 · 平均恢复用时 %6，%7 / %8 次超出 10 分钟目标 · 最长运行 %9</translation>
    </message>
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
        <source>Filter jobs: id, name, tenant, user, pool…</source>
        <translation>筛选作业：ID、名称、租户、用户、资源池…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Live only</source>
        <translation>仅活动作业</translation>
    </message>
    <message>
        <source>Live and last day</source>
        <translation>活动及最近 1 天</translation>
    </message>
    <message>
        <source>Live and last 7 days</source>
        <translation>活动及最近 7 天</translation>
    </message>
    <message>
        <source>Live and last 30 days</source>
        <translation>活动及最近 30 天</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>The audit log lives in the cache, which is not open.</source>
        <translation>审计日志保存在缓存中，但缓存未打开。</translation>
    </message>
    <message>
        <source>Asking what %1 of %2 would do…</source>
        <translation>正在查询对 %2 执行 %1 的影响…</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>无应答：%1</translation>
    </message>
    <message>
        <source>Failed (%1): %2</source>
        <translation>失败（%1）：%2</translation>
    </message>
    <message>
        <source>%1 of %2 done: the job is now %3</source>
        <translation>已对 %2 执行 %1：作业当前状态为 %3</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4. Accelerators: %5. Nodes: %6</source>
        <translation>%1 %2（%3）：%4。加速卡：%5。节点：%6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Not sent: %1 of %2 was not confirmed</source>
        <translation>未发送：未确认对 %2 执行 %1</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>正在发送对 %2 的 %1 操作…</translation>
    </message>
    <message>
        <source>Full history not loaded: %1. Showing the job list&apos;s view.</source>
        <translation>未加载完整历史：%1。显示作业列表中的视图。</translation>
    </message>
    <message>
        <source>Assembled from node reports (%1): agents keep no job history, so segments and checkpoints are those the nodes report now.</source>
        <translation>由节点上报汇总（%1）：代理不保留作业历史，因此运行段和检查点为节点当前上报的内容。</translation>
    </message>
    <message>
        <source>Full history not loaded from %1: %2. Showing the job list&apos;s view.</source>
        <translation>未能从 %1 加载完整历史：%2。显示作业列表中的视图。</translation>
    </message>
    <message>
        <source>no console session with sources</source>
        <translation>没有带数据源的控制台会话</translation>
    </message>
    <message>
        <source>Loading the full history…</source>
        <translation>正在加载完整历史…</translation>
    </message>
    <message>
        <source>no source serves this job</source>
        <translation>没有数据源提供此作业</translation>
    </message>
    <message>
        <source>History from Slurm (%1) as the console watched it: runs and interruptions seen while it polled. Earlier runs are not known without Slurm&apos;s accounting (slurmdbd).</source>
        <translation>来自 Slurm（%1）的历史，为控制台观察所得：即轮询期间看到的运行段和中断。没有 Slurm 记账（slurmdbd）时，更早的运行段无从得知。</translation>
    </message>
    <message>
        <source>Not sent: %1 of %2 needs a command on a Slurm host</source>
        <translation>未发送：对 %2 执行 %1 需要在 Slurm 主机上运行命令</translation>
    </message>
    <message>
        <source>The scheduler&apos;s API cannot %1 job %2. Run this command on a Slurm host; the console has changed nothing:

%3</source>
        <translation>调度器的 API 无法对作业 %2 执行 %1。请在 Slurm 主机上运行此命令；控制台未做任何更改：

%3</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Full history from %1.</source>
        <translation>完整历史来自 %1。</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>No jobs match the filter and time range</source>
        <translation>没有符合筛选条件和时间范围的作业</translation>
    </message>
    <message>
        <source>No jobs reported yet: they appear when a scheduler or the nodes&apos; agents report them</source>
        <translation>尚未报告任何作业：调度器或节点代理报告后，作业会显示在这里</translation>
    </message>
</context>
<context>
    <name>Meridian::LatencyLegend</name>
    <message>
        <source>all nodes up</source>
        <translation>所有节点在线</translation>
    </message>
    <message>
        <source>some nodes down (under 10 %)</source>
        <translation>部分节点宕机（不足 10%）</translation>
    </message>
    <message>
        <source>10 % of nodes or more down</source>
        <translation>10% 或更多节点宕机</translation>
    </message>
    <message>
        <source>no node reporting</source>
        <translation>无节点上报</translation>
    </message>
    <message>
        <source>within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>near target (%1 % of it or more)</source>
        <translation>接近目标（达目标的 %1% 或以上）</translation>
    </message>
    <message>
        <source>over target</source>
        <translation>超出目标</translation>
    </message>
    <message>
        <source>lost (nothing answers)</source>
        <translation>中断（无应答）</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Lines: site pairs, the worse direction</source>
        <translation>连线：站点对，取较差方向</translation>
    </message>
    <message>
        <source>Sites: health</source>
        <translation>站点：健康状况</translation>
    </message>
    <message>
        <source>Size: accelerators</source>
        <translation>大小：加速卡数</translation>
    </message>
    <message>
        <source>p50 against target</source>
        <translation>p50 与目标相比</translation>
    </message>
</context>
<context>
    <name>Meridian::LatencyMapView</name>
    <message>
        <source>Land: Natural Earth (public domain). No borders shown.</source>
        <translation>陆地：Natural Earth（公有领域）。不显示边界。</translation>
    </message>
</context>
<context>
    <name>Meridian::LatencyPage</name>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Pair history</source>
        <translation>链路历史</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>超标记录</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 nodes, %4 down, %5 accelerators</source>
        <translation>%1（%2）
%3 个节点，%4 个宕机，%5 张加速卡</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 ms</translation>
    </message>
    <message>
        <source>No site coordinates yet: sites appear once their agents report a location (labels lat/lon).</source>
        <translation>尚无站点坐标：站点的代理上报位置（标签 lat/lon）后才会显示。</translation>
    </message>
    <message numerus="yes">
        <source>%n site pair(s) break their target now; </source>
        <translation>
            <numerusform>当前有 %n 对站点未达标； </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n violating probe window(s) in the last hour. Targets: latency-targets.json in the configuration directory (see docs/latency.md).</source>
        <translation>
            <numerusform>过去一小时内有 %n 个探测窗口超标。目标定义：配置目录中的 latency-targets.json（参见 docs/latency.md）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2 (%3): target p50 ≤ %4 ms, loss ≤ %5</source>
        <translation>%1 → %2（%3）：目标 p50 ≤ %4 ms，丢包率 ≤ %5</translation>
    </message>
    <message>
        <source>%1 → %2: not probed</source>
        <translation>%1 → %2：未探测</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2
p50 %3 ms, p99 %4 ms, loss %5 (%n probe(s))</source>
        <translation>
            <numerusform>%1 → %2
p50 %3 ms，p99 %4 ms，丢包率 %5（%n 次探测）</numerusform>
        </translation>
    </message>
    <message>
        <source>. Click an edge for its history.</source>
        <translation>。点击连线查看其历史。</translation>
    </message>
    <message>
        <source>Value in cells:</source>
        <translation>单元格数值：</translation>
    </message>
    <message>
        <source>Rows probe columns; colour: p50 against the pair&apos;s target. Zoom in (wheel) for the values; double-click a site or pool for its nodes; click a cell for the pair&apos;s history.</source>
        <translation>行探测列；颜色：p50 与该链路目标相比。放大（滚轮）可查看数值；双击站点或资源池查看其节点；单击单元格查看该链路的历史。</translation>
    </message>
    <message numerus="yes">
        <source>%n site pair(s) on the map, each line the worse of its two directions; </source>
        <translation>
            <numerusform>地图上共 %n 个站点对，每条连线取两个方向中较差的一个；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n direction(s) break their target</source>
        <translation>
            <numerusform>%n 个方向超出目标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n of them on the map; the others are within one site or between sites without coordinates)</source>
        <translation>
            <numerusform>（其中 %n 个在地图上；其余位于同一站点内或位于无坐标的站点之间）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ↔ %2 (%3), target p50 ≤ %4 ms</source>
        <translation>%1 ↔ %2（%3），目标 p50 ≤ %4 ms</translation>
    </message>
    <message>
        <source>%1 → %2: p50 %3 ms, p99 %4 ms, loss %5 — %6</source>
        <translation>%1 → %2：p50 %3 ms，p99 %4 ms，丢包率 %5 — %6</translation>
    </message>
    <message>
        <source>target p50 ≤ %1 ms: %2</source>
        <translation>目标 p50 ≤ %1 ms：%2</translation>
    </message>
    <message>
        <source>No site pair breaks its target</source>
        <translation>没有站点对超出目标</translation>
    </message>
    <message>
        <source>No probe results yet: nodes probe each other once their agents run</source>
        <translation>尚无探测结果：节点代理运行后，节点之间会相互探测</translation>
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
        <source>The documentation is not installed on this computer, or no program can open it.</source>
        <translation>本机未安装文档，或没有可打开文档的程序。</translation>
    </message>
    <message>
        <source>&amp;Find and go to…</source>
        <translation>查找并转到(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Meridian::MemoryCredentialBackend</name>
    <message>
        <source>no credential named %1 in the keyring</source>
        <translation>密钥环中没有名为 %1 的凭据</translation>
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
    <message>
        <source>%1 · accelerator %2 · %3</source>
        <translation>%1 · 加速卡 %2 · %3</translation>
    </message>
    <message>
        <source>This node reports no accelerators</source>
        <translation>该节点未报告任何加速卡</translation>
    </message>
    <message>
        <source>No events for this node</source>
        <translation>该节点没有事件</translation>
    </message>
    <message>
        <source>No jobs on this node</source>
        <translation>该节点上没有作业</translation>
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
    <name>Meridian::NodeFormat</name>
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
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>放置规划</translation>
    </message>
</context>
<context>
    <name>Meridian::PairHistoryChart</name>
    <message>
        <source>Click an edge on the map or a cell of the matrix to see its history.</source>
        <translation>单击地图上的连线或矩阵中的单元格以查看其历史。</translation>
    </message>
    <message>
        <source>No probe results for this pair in the chosen range yet.</source>
        <translation>所选时间范围内尚无此链路的探测结果。</translation>
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
        <source>RTT (ms)</source>
        <translation>RTT（ms）</translation>
    </message>
    <message>
        <source>Loss (%)</source>
        <translation>丢包率（%）</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>Meridian::PeerText</name>
    <message>
        <source>heartbeat lost</source>
        <translation>心跳丢失</translation>
    </message>
    <message>
        <source>heartbeat lost: no answer for %1 s</source>
        <translation>心跳丢失：%1 秒无应答</translation>
    </message>
    <message>
        <source>heartbeat lost: power loss in rack %1</source>
        <translation>心跳丢失：机柜 %1 断电</translation>
    </message>
    <message>
        <source>%1 of %2 accelerators faulty</source>
        <translation>%2 张加速卡中 %1 张故障</translation>
    </message>
    <message>
        <source>drained by an operator</source>
        <translation>已由运维人员排空</translation>
    </message>
    <message>
        <source>drained by an operator: %1</source>
        <translation>已由运维人员排空：%1</translation>
    </message>
    <message>
        <source>HBM single-bit ECC errors rising on %1 (+%2 corrected)</source>
        <translation>%1 的 HBM 单比特 ECC 错误持续上升（新增已纠正 %2 个）</translation>
    </message>
    <message>
        <source>HBM double-bit (uncorrectable) ECC error on %1: chip isolated</source>
        <translation>%1 出现 HBM 双比特（不可纠正）ECC 错误：芯片已隔离</translation>
    </message>
    <message>
        <source>%1 reports an unhealthy chip (code %2): reset required</source>
        <translation>%1 报告芯片不健康（代码 %2）：需要复位</translation>
    </message>
    <message>
        <source>%1 port of %2 link down</source>
        <translation>%2 的 %1 端口链路断开</translation>
    </message>
    <message>
        <source>%1 thermal throttling (inlet above limit)</source>
        <translation>%1 过热降频（进风温度超限）</translation>
    </message>
    <message>
        <source>every probe from %1 to %2 lost</source>
        <translation>从 %1 到 %2 的所有探测均丢失</translation>
    </message>
    <message>
        <source>fibre cut between %1 and %2</source>
        <translation>%1 与 %2 之间光纤中断</translation>
    </message>
    <message>
        <source>link between %1 and %2 degraded (RTT ×%3)</source>
        <translation>%1 与 %2 之间链路劣化（RTT ×%3）</translation>
    </message>
    <message>
        <source>chip %1</source>
        <translation>芯片 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s) faulty</source>
        <translation>
            <numerusform>%n 张加速卡故障</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (injected)</source>
        <translation>%1（注入）</translation>
    </message>
</context>
<context>
    <name>Meridian::PlanCommand</name>
    <message numerus="yes">
        <source>the fleet did not answer within %n second(s)</source>
        <translation>
            <numerusform>集群在 %n 秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 free chips, %2 whole nodes</source>
        <translation>%1 个空闲芯片，%2 台整机</translation>
    </message>
    <message numerus="yes">
        <source> (fragmented: %n whole node(s) needed)</source>
        <translation>
            <numerusform>（碎片化：需要 %n 台整机）</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message numerus="yes">
        <source>in %1 (%n job(s) end by then, </source>
        <translation>
            <numerusform>%1 后（届时 %n 个作业结束，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued ahead)</source>
        <translation>
            <numerusform>前面排队 %n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unknown (%n running job(s) have no expected end)</source>
        <translation>
            <numerusform>未知（%n 个运行中的作业没有预计结束时间）</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>unknown (no probes %1 → %2)</source>
        <translation>未知（%1 → %2 没有探测）</translation>
    </message>
    <message>
        <source>p50 %1 ms, p99 %2 ms, loss %3 %</source>
        <translation>p50 %1 ms，p99 %2 ms，丢包 %3 %</translation>
    </message>
    <message>
        <source> — BREAKS THE BOUND</source>
        <translation> — 超出时延上限</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source> (over the 10-minute target)</source>
        <translation>（超过 10 分钟目标）</translation>
    </message>
    <message>
        <source>Where can this job run, now or soon, and at what risk? (docs/planner.md)</source>
        <translation>这个作业现在或稍后能在哪里运行，风险多大？（docs/planner.md）</translation>
    </message>
    <message>
        <source>Accelerator model.</source>
        <translation>加速卡型号。</translation>
    </message>
    <message>
        <source>Family of compatible models.</source>
        <translation>兼容型号系列。</translation>
    </message>
    <message>
        <source>Accelerators.</source>
        <translation>加速卡数量。</translation>
    </message>
    <message>
        <source>Whole nodes only.</source>
        <translation>只要整机。</translation>
    </message>
    <message>
        <source>Minimum memory per chip, GiB.</source>
        <translation>每芯片最少显存，GiB。</translation>
    </message>
    <message>
        <source>Expected run time: 90m, 36h, 7d, 2w.</source>
        <translation>预计运行时长：90m、36h、7d、2w。</translation>
    </message>
    <message>
        <source>Anchor site (the data or the users).</source>
        <translation>锚定站点（数据或用户所在地）。</translation>
    </message>
    <message>
        <source>Bound on the p99 RTT to the anchor, e.g. 10ms.</source>
        <translation>到锚定站点的 p99 往返时延上限，例如 10ms。</translation>
    </message>
    <message>
        <source>Or the latency target of a pair class (same-site, same-region, hub-city, cross-region).</source>
        <translation>或某一链路类别的时延目标（same-site、same-region、hub-city、cross-region）。</translation>
    </message>
    <message>
        <source>Tenant (carried with the request).</source>
        <translation>租户（随请求记录）。</translation>
    </message>
    <message>
        <source>Only this region (repeatable).</source>
        <translation>只用此区域（可重复）。</translation>
    </message>
    <message>
        <source>Never this region (repeatable).</source>
        <translation>不用此区域（可重复）。</translation>
    </message>
    <message>
        <source>Share of the run that may be lost to interruptions, percent (default 1).</source>
        <translation>允许因中断损失的运行比例，百分比（默认 1）。</translation>
    </message>
    <message>
        <source>Weights of fit, wait, latency and risk (default 0.4,0.2,0.2,0.2).</source>
        <translation>可放置、等待、时延和风险的权重（默认 0.4,0.2,0.2,0.2）。</translation>
    </message>
    <message>
        <source>Console configuration (its sources and cache).</source>
        <translation>控制台配置（其数据源和缓存）。</translation>
    </message>
    <message>
        <source>Plan on the demo fleet.</source>
        <translation>在演示集群上规划。</translation>
    </message>
    <message>
        <source>History the demo fleet pre-generates (default 2h).</source>
        <translation>演示集群预先生成的历史（默认 2h）。</translation>
    </message>
    <message>
        <source>Seed of the demo fleet (default 1).</source>
        <translation>演示集群的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>输出 JSON，供脚本使用。</translation>
    </message>
    <message>
        <source>Seconds to wait for the fleet (default 300).</source>
        <translation>等待集群的秒数（默认 300）。</translation>
    </message>
    <message>
        <source>--count N is required (a whole number of accelerators)</source>
        <translation>必须给出 --count N（加速卡数量，整数）</translation>
    </message>
    <message>
        <source>--min-mem must be a number of GiB</source>
        <translation>--min-mem 必须是以 GiB 计的数字</translation>
    </message>
    <message>
        <source>--duration must be like 90m, 36h, 7d or 2w</source>
        <translation>--duration 的格式应为 90m、36h、7d 或 2w</translation>
    </message>
    <message>
        <source>--max-rtt must be like 10ms</source>
        <translation>--max-rtt 的格式应为 10ms</translation>
    </message>
    <message>
        <source>--lost-work must be a percentage between 0 and 100</source>
        <translation>--lost-work 必须是 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>--weights must be four non-negative numbers, not all 0</source>
        <translation>--weights 必须是四个非负数，且不全为 0</translation>
    </message>
    <message>
        <source>give --config or --demo, not both</source>
        <translation>--config 和 --demo 只能给一个</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds</source>
        <translation>--timeout 必须是秒数</translation>
    </message>
    <message>
        <source>cannot use the configuration %1: %2</source>
        <translation>无法使用配置 %1：%2</translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation>无法打开缓存 %1：%2</translation>
    </message>
    <message>
        <source>the demo fleet failed: %1</source>
        <translation>演示集群失败：%1</translation>
    </message>
    <message>
        <source>the configuration has no sources (give --config FILE or --demo)</source>
        <translation>配置中没有数据源（请给出 --config FILE 或 --demo）</translation>
    </message>
    <message>
        <source>the planner gave no answer</source>
        <translation>规划器没有给出结果</translation>
    </message>
    <message>
        <source>warning: model families override ignored: %1</source>
        <translation>警告：已忽略型号系列覆盖文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in %1 node-hours</source>
        <translation>
            <numerusform>%1 节点小时内 %n 次故障</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown (no fault history)</source>
        <translation>未知（无故障历史）</translation>
    </message>
    <message>
        <source>not enough history (%1)</source>
        <translation>历史不足（%1）</translation>
    </message>
    <message>
        <source>%1 expected interruptions (90 % interval %2–%3; %4), checkpoint every %5</source>
        <translation>预计中断 %1 次（90% 区间 %2–%3；%4），每 %5 做一次检查点</translation>
    </message>
    <message>
        <source>, median recovery %1</source>
        <translation>，恢复时间中位数 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n whole node(s))</source>
        <translation>
            <numerusform>%1（%n 个整节点）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n chip(s))</source>
        <translation>
            <numerusform>%1（%n 个芯片）</numerusform>
        </translation>
    </message>
    <message>
        <source>Weights: fit %1, wait %2, latency %3, risk %4</source>
        <translation>权重：可放置 %1，等待 %2，时延 %3，风险 %4</translation>
    </message>
    <message>
        <source>  (breaks the latency bound)</source>
        <translation>  （超出时延上限）</translation>
    </message>
    <message>
        <source>spans the pools of one site: </source>
        <translation>跨同一站点的资源池：</translation>
    </message>
    <message>
        <source>fits now: </source>
        <translation>现在可放置：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>when: </source>
        <translation>何时：</translation>
    </message>
    <message>
        <source>latency: </source>
        <translation>时延：</translation>
    </message>
    <message>
        <source>risk: </source>
        <translation>风险：</translation>
    </message>
    <message>
        <source>scores: fit %1, wait %2, latency %3, risk %4</source>
        <translation>得分：可放置 %1，等待 %2，时延 %3，风险 %4</translation>
    </message>
    <message>
        <source>No placement: %1</source>
        <translation>无法放置：%1</translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerAnswerView</name>
    <message>
        <source>Show free nodes on the Pools page</source>
        <translation>在资源池页面显示空闲节点</translation>
    </message>
    <message>
        <source>Show the path on the Latency map</source>
        <translation>在时延地图上显示路径</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Fits now</source>
        <translation>现在可放置</translation>
    </message>
    <message>
        <source>When</source>
        <translation>何时</translation>
    </message>
    <message>
        <source>Latency to anchor</source>
        <translation>到锚定站点的时延</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Describe the job and press Plan: every pool that can take it, ranked, with why.</source>
        <translation>描述作业后点击“规划”：列出所有能容纳它的资源池，附排名和理由。</translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s) can take it:</source>
        <translation>
            <numerusform>%n 个资源池可容纳：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n now,</source>
        <translation>
            <numerusform>现在 %n 个，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later,</source>
        <translation>
            <numerusform>稍后 %n 个，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over the latency bound.</source>
        <translation>
            <numerusform>%n 个超出时延上限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s) excluded by the region lists.</source>
        <translation>
            <numerusform>%n 个资源池被区域列表排除。</numerusform>
        </translation>
    </message>
    <message>
        <source>No pool can take this job: the summary above says why.</source>
        <translation>没有资源池能承接此作业：原因见上方摘要。</translation>
    </message>
    <message>
        <source>Describe the job and press Plan.</source>
        <translation>描述作业，然后点击“规划”。</translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerPage</name>
    <message>
        <source>The duration must be like 90m, 36h, 7d or 2w.</source>
        <translation>时长的格式应为 90m、36h、7d 或 2w。</translation>
    </message>
    <message>
        <source>Choose a model or a family.</source>
        <translation>请选择型号或系列。</translation>
    </message>
    <message>
        <source>The planner is not available in this console.</source>
        <translation>此控制台没有规划器。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>规划中…</translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerRequestForm</name>
    <message>
        <source>Fits now</source>
        <translation>现在可放置</translation>
    </message>
    <message>
        <source>When</source>
        <translation>何时</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>已保存的请求</translation>
    </message>
    <message>
        <source>Ask for</source>
        <translation>请求类型</translation>
    </message>
    <message>
        <source>Model or family</source>
        <translation>型号或系列</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡数量</translation>
    </message>
    <message>
        <source>Whole nodes only</source>
        <translation>只要整机</translation>
    </message>
    <message>
        <source>Min. memory per chip</source>
        <translation>每芯片最少显存</translation>
    </message>
    <message>
        <source>Duration (90m, 36h, 7d)</source>
        <translation>时长（90m、36h、7d）</translation>
    </message>
    <message>
        <source>Near site</source>
        <translation>靠近站点</translation>
    </message>
    <message>
        <source>Latency bound</source>
        <translation>时延上限</translation>
    </message>
    <message>
        <source>Max. p99 RTT</source>
        <translation>最大 p99 往返时延</translation>
    </message>
    <message>
        <source>Pair class</source>
        <translation>链路类别</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Only regions (a, b)</source>
        <translation>只用区域（a, b）</translation>
    </message>
    <message>
        <source>Never regions (a, b)</source>
        <translation>不用区域（a, b）</translation>
    </message>
    <message>
        <source>Work lost at most</source>
        <translation>最多损失的工作</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A model</source>
        <translation>单一型号</translation>
    </message>
    <message>
        <source>A family of models</source>
        <translation>型号系列</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>p99 RTT</source>
        <translation>p99 往返时延</translation>
    </message>
    <message>
        <source>A pair class&apos;s target</source>
        <translation>链路类别的目标</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(no anchor)</source>
        <translation>（无锚定站点）</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>保存请求</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Only a complete request can be saved.</source>
        <translation>只能保存完整的请求。</translation>
    </message>
    <message>
        <source>No pool can take this job: the lines above say why</source>
        <translation>没有资源池能承接该作业：原因见上方说明</translation>
    </message>
    <message>
        <source>Describe the job on the left and press Plan: the pools that can take it appear here</source>
        <translation>在左侧描述作业并点击“规划”：能承接该作业的资源池会显示在这里</translation>
    </message>
</context>
<context>
    <name>Meridian::PlannerText</name>
    <message numerus="yes">
        <source>%n free chip(s), but only %1 whole node(s)</source>
        <translation>
            <numerusform>%n 个空闲芯片，但只有 %1 台整机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free whole node(s) of %1 needed</source>
        <translation>
            <numerusform>空闲整机 %n 台，需要 %1 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n free chip(s))</source>
        <translation>
            <numerusform>（%n 个空闲芯片）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free chip(s)</source>
        <translation>
            <numerusform>%n 个空闲芯片</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message numerus="yes">
        <source>(%n job(s) end by then,</source>
        <translation>
            <numerusform>（届时 %n 个作业结束，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued ahead)</source>
        <translation>
            <numerusform>前面排队 %n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unknown: %n running job(s) have no expected end</source>
        <translation>
            <numerusform>未知：%n 个运行中的作业没有预计结束时间</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>no anchor</source>
        <translation>无锚定站点</translation>
    </message>
    <message>
        <source>unknown (no probes)</source>
        <translation>未知（没有探测）</translation>
    </message>
    <message>
        <source>p50 %1 ms, p99 %2 ms, loss %3 %</source>
        <translation>p50 %1 ms，p99 %2 ms，丢包 %3 %</translation>
    </message>
    <message>
        <source>over the bound: %1</source>
        <translation>超出上限：%1</translation>
    </message>
    <message>
        <source>unknown (no fault history)</source>
        <translation>未知（没有故障历史）</translation>
    </message>
    <message>
        <source>any checkpoint interval</source>
        <translation>任意检查点间隔</translation>
    </message>
    <message>
        <source>checkpoint every %1</source>
        <translation>每 %1 做一次检查点</translation>
    </message>
    <message>
        <source>(median recovery %1, over 10 min)</source>
        <translation>（恢复时间中位数 %1，超过 10 分钟）</translation>
    </message>
    <message>
        <source>(median recovery %1)</source>
        <translation>（恢复时间中位数 %1）</translation>
    </message>
    <message>
        <source>#%1 %2 / %3: score %4</source>
        <translation>第 %1 名 %2 / %3：得分 %4</translation>
    </message>
    <message>
        <source>Breaks the latency bound: listed after every candidate within it.</source>
        <translation>超出时延上限：排在所有满足上限的候选之后。</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fits now</source>
        <translation>现在可放置</translation>
    </message>
    <message>
        <source>When</source>
        <translation>何时</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>The request is incomplete: %1</source>
        <translation>请求不完整：%1</translation>
    </message>
    <message>
        <source>No model family is called %1.</source>
        <translation>没有名为 %1 的型号系列。</translation>
    </message>
    <message>
        <source>No pool has %1 with enough memory per chip.</source>
        <translation>没有资源池拥有每芯片显存足够的 %1。</translation>
    </message>
    <message numerus="yes">
        <source>No pool is large enough: the largest has %n qualifying whole node(s).</source>
        <translation>
            <numerusform>没有足够大的资源池：最大的只有 %n 台符合条件的整机。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No pool is large enough: the largest has %n qualifying chip(s).</source>
        <translation>
            <numerusform>没有足够大的资源池：最大的只有 %n 个符合条件的芯片。</numerusform>
        </translation>
    </message>
    <message>
        <source>The region allow and deny lists leave no pool.</source>
        <translation>区域允许和排除列表之后没有剩下任何资源池。</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in %1 node-hours</source>
        <translation>
            <numerusform>%1 节点小时内 %n 次故障</numerusform>
        </translation>
    </message>
    <message>
        <source>not enough history (%1)</source>
        <translation>历史不足（%1）</translation>
    </message>
    <message>
        <source>%1 expected interruptions (90 % interval %2–%3; %4), %5</source>
        <translation>预计中断 %1 次（90% 区间 %2–%3；%4），%5</translation>
    </message>
    <message>
        <source>Score = Σ weight × factor score ÷ Σ weights; unknown factors score 0, except an unknown risk, which scores 0.5 (as one expected interruption): neither best nor worst.</source>
        <translation>得分 = Σ 权重 × 因素得分 ÷ Σ 权重；未知因素得 0 分，但未知风险得 0.5 分（相当于预计中断一次）：既不算最好，也不算最差。</translation>
    </message>
    <message>
        <source>%1 (spanning)</source>
        <translation>%1（跨池）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n whole node(s)</source>
        <translation>
            <numerusform>%1：%n 个整节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chip(s)</source>
        <translation>
            <numerusform>%1：%n 个芯片</numerusform>
        </translation>
    </message>
    <message>
        <source>Spans the pools of one site: %1. Free chips add up; latency is the worst member&apos;s, risk is over the nodes each member gives, and it fits when the last member does.</source>
        <translation>跨同一站点的资源池：%1。空闲芯片相加；时延取最差成员的值，风险按各成员实际提供的节点计算，最后一个成员满足时即可放置。</translation>
    </message>
</context>
<context>
    <name>Meridian::PlotTracer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>Meridian::PoolCapacityPanel</name>
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
    <message>
        <source>No accelerators reported in this scope</source>
        <translation>此范围内未报告任何加速卡</translation>
    </message>
    <message>
        <source>No pools reported in this scope</source>
        <translation>此范围内未报告任何资源池</translation>
    </message>
    <message>
        <source>No allocated accelerator has been idle: every job uses what it holds</source>
        <translation>没有已分配却空闲的加速卡：每个作业都在使用其占用的资源</translation>
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
    <message>
        <source>No nodes in this scope match the filter</source>
        <translation>此范围内没有符合筛选条件的节点</translation>
    </message>
    <message>
        <source>No nodes reported yet</source>
        <translation>尚未报告任何节点</translation>
    </message>
    <message>
        <source>No accelerators in this scope match the filter</source>
        <translation>此范围内没有符合筛选条件的加速卡</translation>
    </message>
    <message>
        <source>No accelerators reported yet</source>
        <translation>尚未报告任何加速卡</translation>
    </message>
</context>
<context>
    <name>Meridian::Prometheus::VectorDecoder</name>
    <message>
        <source>more than %1 series</source>
        <translation>序列超过 %1 条</translation>
    </message>
    <message>
        <source>a series has more than %1 labels</source>
        <translation>某条序列的标签超过 %1 个</translation>
    </message>
    <message>
        <source>unexpected key</source>
        <translation>意外的键</translation>
    </message>
    <message>
        <source>a series without &quot;value&quot; (not a vector)</source>
        <translation>序列缺少“value”（不是 vector）</translation>
    </message>
    <message>
        <source>a series without &quot;value&quot;</source>
        <translation>序列缺少“value”</translation>
    </message>
    <message>
        <source>a series with two values</source>
        <translation>序列有两个值</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation>样本不是 [时间, “值”]</translation>
    </message>
    <message>
        <source>a string longer than %1 bytes</source>
        <translation>字符串超过 %1 字节</translation>
    </message>
    <message>
        <source>a sample value is not a number: &quot;%1&quot;</source>
        <translation>样本值不是数字：“%1”</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>unexpected %1</source>
        <translation>意外的%1</translation>
    </message>
    <message>
        <source>unexpected number</source>
        <translation>意外的数字</translation>
    </message>
    <message>
        <source>a sample time out of range</source>
        <translation>样本时间超出范围</translation>
    </message>
    <message>
        <source>%1 where none belongs</source>
        <translation>此处不应出现%1</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>应答超过 %1 字节</translation>
    </message>
    <message numerus="yes">
        <source>(%n more warning(s) not shown)</source>
        <translation>
            <numerusform>（另有 %n 条警告未显示）</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>HTTP %1: the credentials were refused</source>
        <translation>HTTP %1：凭据被拒绝</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus：%1</translation>
    </message>
    <message>
        <source>Prometheus %1: %2</source>
        <translation>Prometheus %1：%2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移 %1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>malformed answer at offset %1: %2</source>
        <translation>偏移 %1 处应答格式错误：%2</translation>
    </message>
    <message>
        <source>the answer has no &quot;status&quot;: &quot;success&quot;</source>
        <translation>应答没有 “status”: “success”</translation>
    </message>
    <message>
        <source>the answer has no &quot;resultType&quot;</source>
        <translation>应答没有“resultType”</translation>
    </message>
    <message>
        <source>expected a vector, got &quot;%1&quot;</source>
        <translation>应为 vector，实际为“%1”</translation>
    </message>
    <message>
        <source>a series without &quot;values&quot; (not a matrix)</source>
        <translation>序列缺少“values”（不是 matrix）</translation>
    </message>
    <message>
        <source>a series without &quot;values&quot;</source>
        <translation>序列缺少“values”</translation>
    </message>
    <message>
        <source>more than %1 samples</source>
        <translation>样本超过 %1 个</translation>
    </message>
    <message>
        <source>sample times do not ascend within a series</source>
        <translation>序列内的样本时间不是递增的</translation>
    </message>
    <message>
        <source>expected a matrix, got &quot;%1&quot;</source>
        <translation>应为 matrix，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>Meridian::PrometheusCheck</name>
    <message>
        <source>no complete answer within %1 s</source>
        <translation>%1 秒内没有完整应答</translation>
    </message>
    <message>
        <source>a query failed: %1</source>
        <translation>一个查询失败：%1</translation>
    </message>
    <message>
        <source>Prometheus reports no scrape targets (&quot;up&quot; is empty)</source>
        <translation>Prometheus 没有报告任何抓取目标（“up”为空）</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) have no accelerator exporter (no DCGM, npu-exporter or meridian accelerator series)</source>
        <translation>
            <numerusform>%n 个节点没有加速卡导出器（没有 DCGM、npu-exporter 或 meridian 加速卡序列）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) without a &quot;%1&quot; label are unassigned: %2</source>
        <translation>
            <numerusform>%n 个节点没有“%1”标签，未分配：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>(no model label)</source>
        <translation>（无型号标签）</translation>
    </message>
    <message>
        <source>no server version from /api/v1/status/buildinfo (%1)</source>
        <translation>未能从 /api/v1/status/buildinfo 获得服务器版本（%1）</translation>
    </message>
    <message>
        <source>not in the answer</source>
        <translation>应答中没有</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 scrape target(s) failing: %2</source>
        <translation>
            <numerusform>%1 个抓取目标中有 %n 个失败：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>no target list from /api/v1/targets (%1)</source>
        <translation>未能从 /api/v1/targets 获得目标列表（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) have an accelerator exporter but no node_exporter (no host CPU, memory or load): %1</source>
        <translation>
            <numerusform>%n 个节点有加速卡 exporter 但没有 node_exporter（无主机 CPU、内存或负载数据）：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::PrometheusSource</name>
    <message>
        <source>basic auth file %1: %2</source>
        <translation>基本认证文件 %1：%2</translation>
    </message>
    <message>
        <source>basic auth file %1: expected one line &quot;user:password&quot;</source>
        <translation>基本认证文件 %1：应为一行“用户:密码”</translation>
    </message>
    <message>
        <source>Prometheus has not answered for %1 s</source>
        <translation>Prometheus 已有 %1 秒未应答</translation>
    </message>
    <message numerus="yes">
        <source>%n scrape target(s) down in Prometheus (up == 0)</source>
        <translation>
            <numerusform>Prometheus 中有 %n 个抓取目标宕机（up == 0）</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer reported by Prometheus (its targets are gone)</source>
        <translation>Prometheus 不再报告此节点（其抓取目标已消失）</translation>
    </message>
    <message>
        <source>a query failed, its values are missing: %1</source>
        <translation>一个查询失败，其数值缺失：%1</translation>
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
    <message>
        <source>Show %1 on the Pools page</source>
        <translation>在资源池页面查看%1</translation>
    </message>
    <message>
        <source>Show the incidents in %1 on the Faults page</source>
        <translation>在故障页面查看%1的事件</translation>
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
    <name>Meridian::ReportCommand</name>
    <message>
        <source>the demo fleet&apos;s history did not arrive within 5 minutes</source>
        <translation>演示集群的历史数据未在 5 分钟内到达</translation>
    </message>
    <message>
        <source>Writes a report from the console&apos;s cache.</source>
        <translation>根据控制台缓存生成报表。</translation>
    </message>
    <message>
        <source>Report type: %1.</source>
        <translation>报表类型：%1。</translation>
    </message>
    <message>
        <source>fleet, region:REGION or pool:REGION/POOL (default fleet).</source>
        <translation>fleet、region:REGION 或 pool:REGION/POOL（默认 fleet）。</translation>
    </message>
    <message>
        <source>24h, 7d, 30d (ending with the newest data) or FROM..TO in ISO 8601 UTC (default 24h).</source>
        <translation>24h、7d、30d（截至最新数据）或 ISO 8601 UTC 格式的 FROM..TO（默认 24h）。</translation>
    </message>
    <message>
        <source>pdf, csv or xlsx (default pdf).</source>
        <translation>pdf、csv 或 xlsx（默认 pdf）。</translation>
    </message>
    <message>
        <source>Output file (pdf, xlsx) or directory (csv: one file per table).</source>
        <translation>输出文件（pdf、xlsx）或目录（csv：每个表一个文件）。</translation>
    </message>
    <message>
        <source>Cache directory to read.</source>
        <translation>要读取的缓存目录。</translation>
    </message>
    <message>
        <source>Run the demo fleet and report on its history.</source>
        <translation>运行演示集群，并根据其历史数据生成报表。</translation>
    </message>
    <message>
        <source>History the demo fleet pre-generates (default 2h).</source>
        <translation>演示集群预先生成的历史时长（默认 2h）。</translation>
    </message>
    <message>
        <source>Report language: en or zh_CN (default en).</source>
        <translation>报表语言：en 或 zh_CN（默认 en）。</translation>
    </message>
    <message>
        <source>CSV: start each file with a UTF-8 BOM (Excel).</source>
        <translation>CSV：每个文件以 UTF-8 BOM 开头（供 Excel 使用）。</translation>
    </message>
    <message>
        <source>--type must be one of: %1</source>
        <translation>--type 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>--scope must be fleet, region:REGION or pool:REGION/POOL</source>
        <translation>--scope 必须是 fleet、region:REGION 或 pool:REGION/POOL</translation>
    </message>
    <message>
        <source>--range must be 24h, 7d, 30d or FROM..TO (ISO 8601)</source>
        <translation>--range 必须是 24h、7d、30d 或 FROM..TO（ISO 8601）</translation>
    </message>
    <message>
        <source>--lang must be en or zh_CN</source>
        <translation>--lang 必须是 en 或 zh_CN</translation>
    </message>
    <message>
        <source>--format must be pdf, csv or xlsx</source>
        <translation>--format 必须是 pdf、csv 或 xlsx</translation>
    </message>
    <message>
        <source>-o PATH is required</source>
        <translation>必须指定 -o PATH</translation>
    </message>
    <message>
        <source>give at most one of --config, --cache and --demo</source>
        <translation>--config、--cache 和 --demo 最多只能指定一个</translation>
    </message>
    <message>
        <source>the demo fleet failed: %1</source>
        <translation>演示集群运行失败：%1</translation>
    </message>
    <message>
        <source>cannot use the configuration %1: %2</source>
        <translation>无法使用配置 %1：%2</translation>
    </message>
    <message>
        <source>no cache in %1</source>
        <translation>%1 中没有缓存</translation>
    </message>
    <message>
        <source>the report could not be computed</source>
        <translation>无法计算报表</translation>
    </message>
    <message>
        <source>the cache in %1 holds no data for this scope and range</source>
        <translation>%1 中的缓存没有该范围在所选时间范围内的数据</translation>
    </message>
    <message>
        <source>wrote %1 (%2 gaps in the data)</source>
        <translation>已写入 %1（数据中有 %2 处缺口）</translation>
    </message>
    <message>
        <source>the cache in %1 is damaged, no report was written: %2. Start the console to move it aside, or move its files away yourself.</source>
        <translation>%1 中的缓存已损坏，未写出报表：%2。请启动控制台将其移到一旁，或自行移走其文件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: reading history failed, asking again: %2</source>
        <translation>%1：读取历史失败，将重试：%2</translation>
    </message>
    <message>
        <source>%1: history up to date (read %2 – %3 UTC)</source>
        <translation>%1：历史已是最新（已读取 %2 – %3 UTC）</translation>
    </message>
    <message>
        <source>%1: history up to date</source>
        <translation>%1：历史已是最新</translation>
    </message>
    <message>
        <source>%1: connected, history not started yet</source>
        <translation>%1：已连接，尚未开始读取历史</translation>
    </message>
    <message>
        <source>%1: reading history %2 – %3 UTC, %4 %</source>
        <translation>%1：正在读取历史 %2 – %3 UTC，%4 %</translation>
    </message>
    <message>
        <source>warning: %1 is not up to date (%2); the report uses what the cache holds</source>
        <translation>警告：%1 未更新完毕（%2）；报告使用缓存中已有的数据</translation>
    </message>
    <message>
        <source>Console configuration whose cache to read. Its Prometheus sources bring the cache up to date for the range first.</source>
        <translation>读取其缓存的控制台配置文件。先由其中的 Prometheus 数据源将缓存更新到所需时间范围。</translation>
    </message>
    <message>
        <source>With --config: report on the cache as it is, without asking the sources.</source>
        <translation>与 --config 一起使用：直接使用现有缓存生成报告，不查询数据源。</translation>
    </message>
    <message>
        <source>With --config: minutes to wait for the sources at most (default 30).</source>
        <translation>与 --config 一起使用：等待数据源的最长分钟数（默认 30）。</translation>
    </message>
    <message>
        <source>--sync-timeout must be a number of minutes from 1 to 1440</source>
        <translation>--sync-timeout 必须是 1 到 1440 之间的分钟数</translation>
    </message>
    <message>
        <source>cannot bring the cache in %1 up to date: %2</source>
        <translation>无法更新 %1 中的缓存：%2</translation>
    </message>
</context>
<context>
    <name>Meridian::Reports</name>
    <message>
        <source>Availability</source>
        <translation>可用性</translation>
    </message>
    <message>
        <source>Availability by pool</source>
        <translation>各资源池可用性</translation>
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
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Node availability</source>
        <translation>节点可用率</translation>
    </message>
    <message>
        <source>Accelerator availability</source>
        <translation>加速卡可用率</translation>
    </message>
    <message>
        <source>MTBF (h)</source>
        <translation>MTBF（小时）</translation>
    </message>
    <message>
        <source>MTTR (min)</source>
        <translation>MTTR（分钟）</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>中断次数</translation>
    </message>
    <message>
        <source>Recovered within 10 min</source>
        <translation>10 分钟内恢复率</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Longest uninterrupted training runs</source>
        <translation>最长连续训练运行</translation>
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
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration (h)</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Availability over the range</source>
        <translation>时间范围内的可用率</translation>
    </message>
    <message>
        <source>Availability (%)</source>
        <translation>可用率（%）</translation>
    </message>
    <message>
        <source>Longest uninterrupted run (h)</source>
        <translation>最长连续运行（小时）</translation>
    </message>
    <message>
        <source>Capacity and utilization</source>
        <translation>容量与利用率</translation>
    </message>
    <message>
        <source>Capacity by pool and model</source>
        <translation>按资源池和型号统计容量</translation>
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
        <source>Used</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Allocated but idle</source>
        <translation>已分配但闲置</translation>
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
        <source>Mean allocated</source>
        <translation>平均已分配</translation>
    </message>
    <message>
        <source>Peak allocated</source>
        <translation>峰值已分配</translation>
    </message>
    <message>
        <source>Mean faulty</source>
        <translation>平均故障</translation>
    </message>
    <message>
        <source>Capacity by model</source>
        <translation>按型号统计容量</translation>
    </message>
    <message>
        <source>Capacity trend</source>
        <translation>容量趋势</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Mean total</source>
        <translation>平均总数</translation>
    </message>
    <message>
        <source>Mean free</source>
        <translation>平均空闲</translation>
    </message>
    <message>
        <source>Minutes with data</source>
        <translation>有数据的分钟数</translation>
    </message>
    <message>
        <source>Allocated but idle accelerators</source>
        <translation>已分配但闲置的加速卡</translation>
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
        <source>Idle since</source>
        <translation>闲置起始</translation>
    </message>
    <message>
        <source>Mean utilization</source>
        <translation>平均利用率</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Capacity over the range</source>
        <translation>时间范围内的容量</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Gaps in the data</source>
        <translation>数据缺口</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Report parameters</source>
        <translation>报表参数</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Data covered</source>
        <translation>数据覆盖范围</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Console version</source>
        <translation>控制台版本</translation>
    </message>
    <message>
        <source>Whole fleet</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>区域 %1</translation>
    </message>
    <message>
        <source>Pool %1 / %2</source>
        <translation>资源池 %1 / %2</translation>
    </message>
    <message>
        <source>Meridian compute network report</source>
        <translation>Meridian 算力网络报表</translation>
    </message>
    <message>
        <source>no data in the cache for this range</source>
        <translation>缓存中没有该时间范围的数据</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>… and %1 more (see the table of gaps)</source>
        <translation>…… 另有 %1 处（见缺口表）</translation>
    </message>
    <message>
        <source>Figures are computed over the minutes with data only; gaps are not filled in.</source>
        <translation>各项指标仅基于有数据的分钟计算；缺口不做填补。</translation>
    </message>
    <message>
        <source>No rows.</source>
        <translation>无数据行。</translation>
    </message>
    <message>
        <source>Generated %1 · data %2 · Meridian %3</source>
        <translation>生成于 %1 · 数据 %2 · Meridian %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>… %1 more rows in the file</source>
        <translation>…… 文件中另有 %1 行</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Faults by class</source>
        <translation>按类别统计故障</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Open at end</source>
        <translation>结束时仍未恢复</translation>
    </message>
    <message>
        <source>Time open (h)</source>
        <translation>持续时长（小时）</translation>
    </message>
    <message>
        <source>Mean time to clear (min)</source>
        <translation>平均清除时间（分钟）</translation>
    </message>
    <message>
        <source>Faults by kind</source>
        <translation>按类型统计故障</translation>
    </message>
    <message>
        <source>Faults by vendor and model</source>
        <translation>按厂商和型号统计故障</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Faults by pool</source>
        <translation>按资源池统计故障</translation>
    </message>
    <message>
        <source>Nodes with faults</source>
        <translation>有故障的节点</translation>
    </message>
    <message>
        <source>Top offending nodes</source>
        <translation>故障最多的节点</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Top offending links</source>
        <translation>故障最多的链路</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Faults opened</source>
        <translation>新增故障</translation>
    </message>
    <message>
        <source>Faults cleared</source>
        <translation>已清除故障</translation>
    </message>
    <message>
        <source>Faults per day</source>
        <translation>每天故障数</translation>
    </message>
    <message>
        <source>Faults per hour</source>
        <translation>每小时故障数</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>Faults per 100 nodes</source>
        <translation>每 100 个节点的故障数</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Jobs that ran in the range</source>
        <translation>范围内运行过的作业</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Wall time (h)</source>
        <translation>墙钟时间（小时）</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效产出率</translation>
    </message>
    <message>
        <source>Work lost (h)</source>
        <translation>损失工作量（小时）</translation>
    </message>
    <message>
        <source>Longest run (h)</source>
        <translation>最长运行（小时）</translation>
    </message>
    <message>
        <source>Jobs by kind and state</source>
        <translation>按类型和状态统计作业</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Interruptions by cause</source>
        <translation>按原因统计中断</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fault class</source>
        <translation>故障类别</translation>
    </message>
    <message>
        <source>Mean recovery (min)</source>
        <translation>平均恢复时间（分钟）</translation>
    </message>
    <message>
        <source>Longest uninterrupted runs</source>
        <translation>最长不间断运行</translation>
    </message>
    <message>
        <source>Interruptions per day</source>
        <translation>每天中断次数</translation>
    </message>
    <message>
        <source>Interruptions per hour</source>
        <translation>每小时中断次数</translation>
    </message>
    <message>
        <source>Work lost per day</source>
        <translation>每天损失工作量</translation>
    </message>
    <message>
        <source>Work lost per hour</source>
        <translation>每小时损失工作量</translation>
    </message>
    <message>
        <source>Work lost (accelerator-hours)</source>
        <translation>损失工作量（加速卡·小时）</translation>
    </message>
    <message>
        <source>Latency by site pair</source>
        <translation>各站点对时延</translation>
    </message>
    <message>
        <source>From site</source>
        <translation>源站点</translation>
    </message>
    <message>
        <source>To site</source>
        <translation>目的站点</translation>
    </message>
    <message>
        <source>Pair class</source>
        <translation>站点对类别</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Violating</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50（毫秒）</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99（毫秒）</translation>
    </message>
    <message>
        <source>Mean loss</source>
        <translation>平均丢包率</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>超标次数</translation>
    </message>
    <message>
        <source>Longest violation (min)</source>
        <translation>最长超标（分钟）</translation>
    </message>
    <message>
        <source>Latency between sites</source>
        <translation>站点间时延</translation>
    </message>
    <message>
        <source>Latency per day</source>
        <translation>每日时延</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Violating minutes</source>
        <translation>超标分钟数</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>Worst p50 (ms)</source>
        <translation>最差 p50（毫秒）</translation>
    </message>
    <message>
        <source>Worst loss</source>
        <translation>最差丢包率</translation>
    </message>
    <message>
        <source>Site pairs without probes</source>
        <translation>无探测数据的站点对</translation>
    </message>
    <message>
        <source>Latency targets</source>
        <translation>时延目标</translation>
    </message>
    <message>
        <source>Target p50 (ms)</source>
        <translation>目标 p50（毫秒）</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>目标丢包率</translation>
    </message>
    <message>
        <source>Share of probed minutes within target</source>
        <translation>已探测分钟中达标的比例</translation>
    </message>
    <message>
        <source>Within target (%)</source>
        <translation>达标（%）</translation>
    </message>
    <message>
        <source>All site pairs in scope</source>
        <translation>范围内所有站点对</translation>
    </message>
    <message>
        <source>Site pairs probed</source>
        <translation>已探测的站点对</translation>
    </message>
    <message>
        <source>No probes</source>
        <translation>无探测</translation>
    </message>
    <message>
        <source>Site pairs with violations</source>
        <translation>有超标的站点对</translation>
    </message>
    <message>
        <source>Site pairs with gaps</source>
        <translation>有数据缺口的站点对</translation>
    </message>
    <message>
        <source>%1 more rows are in the CSV and XLSX exports.</source>
        <translation>另有 %1 行在 CSV 和 XLSX 导出中。</translation>
    </message>
    <message>
        <source>Only %1 of the range has data: the range is mostly a gap, and every figure describes the minutes with data only.</source>
        <translation>该时间范围内仅 %1 有数据：大部分是空白，所有数值仅描述有数据的分钟。</translation>
    </message>
    <message>
        <source>Up node-hours</source>
        <translation>在线节点小时</translation>
    </message>
</context>
<context>
    <name>Meridian::Reports::ReportsPage</name>
    <message>
        <source>Folder for the CSV files</source>
        <translation>CSV 文件保存目录</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Whole fleet</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>区域 %1</translation>
    </message>
    <message>
        <source>Pool %1 / %2</source>
        <translation>资源池 %1 / %2</translation>
    </message>
    <message>
        <source>The end of the range must be after its start.</source>
        <translation>时间范围的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报表的保存位置。</translation>
    </message>
    <message>
        <source>The cache is not available.</source>
        <translation>缓存不可用。</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>正在计算报表…</translation>
    </message>
    <message>
        <source>The cache holds no data for this scope and range; nothing was written.</source>
        <translation>缓存中没有该范围在所选时间范围内的数据；未写入任何内容。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1. The data has %n gap(s); the report shows them.</source>
        <translation>
            <numerusform>已保存到 %1。数据中有 %n 处缺口，报表中已标出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>显示文件夹</translation>
    </message>
    <message>
        <source>The preview of the report appears here once it is computed.</source>
        <translation>报表计算完成后将在此处显示预览。</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>The cache is damaged; no report was made from it (a report from it would be wrong): %1</source>
        <translation>缓存已损坏；未据此生成报表（据此生成的报表会是错误的）：%1</translation>
    </message>
</context>
<context>
    <name>Meridian::SecretFile</name>
    <message>
        <source>a directory</source>
        <translation>一个目录</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>一个 FIFO</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>一个设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>%1 %2 is %3; it must be a regular file</source>
        <translation>%1 %2 是%3；它必须是普通文件</translation>
    </message>
    <message>
        <source>%1 %2 belongs to another user (uid %3); it must belong to you (uid %4) or to root</source>
        <translation>%1 %2 属于另一个用户（uid %3）；它必须属于您（uid %4）或 root</translation>
    </message>
    <message>
        <source>%1 %2 can be read or changed by other users (mode %3); run: chmod 600 %2</source>
        <translation>%1 %2 可被其他用户读取或修改（权限 %3）；请运行：chmod 600 %2</translation>
    </message>
    <message>
        <source>%1 %2 is larger than %3 bytes</source>
        <translation>%1 %2 大于 %3 字节</translation>
    </message>
    <message>
        <source>%1 %2 holds a control character or binary data at byte %3; it must be text</source>
        <translation>%1 %2 在第 %3 字节处含有控制字符或二进制数据；它必须是文本</translation>
    </message>
</context>
<context>
    <name>Meridian::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Open the selected row (node, job, incident)</source>
        <translation>打开选中的行（节点、作业、事件）</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Move between rows</source>
        <translation>在行之间移动</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>↑、↓、Page Up、Page Down</translation>
    </message>
    <message>
        <source>Choose in the Ctrl+K box; close it</source>
        <translation>在 Ctrl+K 框中选择；关闭该框</translation>
    </message>
    <message>
        <source>Up, Down, Enter; Esc</source>
        <translation>↑、↓、Enter；Esc</translation>
    </message>
</context>
<context>
    <name>Meridian::Slurm</name>
    <message>
        <source>&quot;%1&quot; has an unclosed &apos;(&apos;</source>
        <translation>“%1”中有未闭合的“(”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not name[:type][:count]</source>
        <translation>“%1”不是 名称[:类型][:数量] 格式</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not name:type:count</source>
        <translation>“%1”不是 名称:类型:数量 格式</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a count</source>
        <translation>“%1”不是数量</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not name:type or name:count</source>
        <translation>“%1”不是 名称:类型 或 名称:数量 格式</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has bad device indexes</source>
        <translation>“%1”的设备编号无效</translation>
    </message>
    <message>
        <source>GRES &quot;%1&quot;: %2</source>
        <translation>GRES“%1”：%2</translation>
    </message>
    <message>
        <source>TRES &quot;%1&quot;: &quot;%2&quot; is not key=value</source>
        <translation>TRES“%1”：“%2”不是 键=值 格式</translation>
    </message>
    <message>
        <source>TRES &quot;%1&quot;: bad entry &quot;%2&quot;</source>
        <translation>TRES“%1”：无效条目“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a range of numbers</source>
        <translation>“%1”不是数字或数字范围</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; runs backwards</source>
        <translation>范围“%1”是倒序的</translation>
    </message>
    <message>
        <source>a &apos;[&apos; is never closed</source>
        <translation>“[”没有闭合</translation>
    </message>
    <message>
        <source>brackets cannot nest</source>
        <translation>方括号不能嵌套</translation>
    </message>
    <message>
        <source>more than %1 bracket groups in one name</source>
        <translation>一个名称中的方括号组超过 %1 个</translation>
    </message>
    <message>
        <source>a &apos;]&apos; has no &apos;[&apos;</source>
        <translation>“]”没有对应的“[”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be part of a host name</source>
        <translation>“%1”不能出现在主机名中</translation>
    </message>
    <message>
        <source>hostlist &quot;%1&quot;: an empty name</source>
        <translation>主机列表“%1”：名称为空</translation>
    </message>
    <message>
        <source>hostlist &quot;%1&quot;: %2</source>
        <translation>主机列表“%1”：%2</translation>
    </message>
    <message>
        <source>hostlist &quot;%1&quot; names more than %2 hosts</source>
        <translation>主机列表“%1”包含超过 %2 台主机</translation>
    </message>
    <message>
        <source>missing or not an array</source>
        <translation>缺失或不是数组</translation>
    </message>
    <message>
        <source>slurmrestd&apos;s answer is not usable: %1: %2</source>
        <translation>slurmrestd 的应答不可用：%1：%2</translation>
    </message>
    <message>
        <source>slurmrestd&apos;s answer has %1 bytes, more than the limit of %2</source>
        <translation>slurmrestd 的应答有 %1 字节，超过上限 %2</translation>
    </message>
    <message>
        <source>slurmrestd refused the request (HTTP %1): no user name or token was sent, or the user is unknown</source>
        <translation>slurmrestd 拒绝了请求（HTTP %1）：未发送用户名或令牌，或用户未知</translation>
    </message>
    <message>
        <source>slurmrestd&apos;s answer is not usable: %1</source>
        <translation>slurmrestd 的应答不可用：%1</translation>
    </message>
    <message>
        <source>slurmrestd answered HTTP %1</source>
        <translation>slurmrestd 返回 HTTP %1</translation>
    </message>
    <message>
        <source>slurmrestd rejected the token: it is invalid or has expired — renew it</source>
        <translation>slurmrestd 拒绝了令牌：令牌无效或已过期——请更新令牌</translation>
    </message>
    <message>
        <source>Slurm reported an error: %1</source>
        <translation>Slurm 报告错误：%1</translation>
    </message>
    <message>
        <source>slurmrestd answered with API %1 where %2 was asked for</source>
        <translation>请求的是 API %2，slurmrestd 却以 API %1 应答</translation>
    </message>
    <message>
        <source>missing or not an object: not an OpenAPI document</source>
        <translation>缺失或不是对象：不是 OpenAPI 文档</translation>
    </message>
    <message>
        <source>%1 entries exceed the limit</source>
        <translation>%1 个条目超出上限</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>slurmrestd&apos;s answer does not hold job %1</source>
        <translation>slurmrestd 的应答中没有作业 %1</translation>
    </message>
    <message>
        <source>the answer has %1 bytes, more than the limit of %2</source>
        <translation>应答有 %1 字节，超过上限 %2</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>不是 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>a string that is not UTF-8</source>
        <translation>一个不是 UTF-8 的字符串</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
</context>
<context>
    <name>Meridian::SlurmActionClient</name>
    <message>
        <source>%1 — run on a Slurm host: %2</source>
        <translation>%1 — 请在 Slurm 主机上运行：%2</translation>
    </message>
    <message>
        <source>Slurm ends job %1 (%2) and frees its nodes.</source>
        <translation>Slurm 将结束作业 %1（%2）并释放其节点。</translation>
    </message>
    <message>
        <source>Slurm stops job %1 (%2) and queues it again; slurmrestd has no requeue call, so the console gives the command to run: %3</source>
        <translation>Slurm 将停止作业 %1（%2）并重新排队；slurmrestd 没有重新排队接口，控制台给出需要运行的命令：%3</translation>
    </message>
    <message>
        <source>Slurm has no node %1</source>
        <translation>Slurm 中没有节点 %1</translation>
    </message>
    <message>
        <source>Slurm places no new jobs on %1; running jobs go on.</source>
        <translation>Slurm 不再向 %1 分配新作业；正在运行的作业继续运行。</translation>
    </message>
    <message>
        <source>Slurm places jobs on %1 again.</source>
        <translation>Slurm 将重新向 %1 分配作业。</translation>
    </message>
    <message>
        <source>slurmrestd %1 has no node update: the console cannot do this itself. Run on a Slurm host: %2</source>
        <translation>slurmrestd %1 不支持更新节点：控制台无法自行完成此操作。请在 Slurm 主机上运行：%2</translation>
    </message>
    <message>
        <source>slurmrestd has no requeue call</source>
        <translation>slurmrestd 没有重新排队接口</translation>
    </message>
    <message>
        <source>slurmrestd %1 has no node update</source>
        <translation>slurmrestd %1 不支持更新节点</translation>
    </message>
    <message>
        <source>Slurm cancelled job %1</source>
        <translation>Slurm 已取消作业 %1</translation>
    </message>
    <message>
        <source>Slurm drains %1</source>
        <translation>Slurm 正在排空 %1</translation>
    </message>
    <message>
        <source>Slurm resumed %1</source>
        <translation>Slurm 已恢复 %1</translation>
    </message>
</context>
<context>
    <name>Meridian::SlurmCheck</name>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>node %1 is %2: %3</source>
        <translation>节点 %1 处于 %2：%3</translation>
    </message>
    <message>
        <source>slurmrestd lists no nodes</source>
        <translation>slurmrestd 未列出任何节点</translation>
    </message>
    <message>
        <source>this REST API version has no node update: drain and resume are given as scontrol commands to copy</source>
        <translation>此 REST API 版本不支持更新节点：排空与恢复以可复制的 scontrol 命令给出</translation>
    </message>
</context>
<context>
    <name>Meridian::SlurmJobHistory</name>
    <message>
        <source>preempted and requeued by Slurm</source>
        <translation>被 Slurm 抢占并重新排队</translation>
    </message>
    <message>
        <source>requeued by Slurm (restart %1)</source>
        <translation>被 Slurm 重新排队（第 %1 次重启）</translation>
    </message>
    <message>
        <source>node failure (NODE_FAIL)</source>
        <translation>节点故障（NODE_FAIL）</translation>
    </message>
</context>
<context>
    <name>Meridian::SlurmRest::VersionProbe</name>
    <message>
        <source>openapi/v3 names no API version Meridian reads (%1)</source>
        <translation>openapi/v3 中没有 Meridian 可读取的 API 版本（%1）</translation>
    </message>
    <message>
        <source>slurmrestd serves none of the API versions v0.0.38 to v0.0.41 (%1)</source>
        <translation>slurmrestd 不提供 v0.0.38 至 v0.0.41 中的任何 API 版本（%1）</translation>
    </message>
</context>
<context>
    <name>Meridian::SlurmSource</name>
    <message>
        <source>slurmrestd has not answered for %1 s</source>
        <translation>slurmrestd 已 %1 秒未响应</translation>
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
        <source>The interval must be between %1 and %2 seconds.</source>
        <translation>间隔必须在 %1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>令牌文件</translation>
    </message>
    <message>
        <source>the user the JWT was issued to (scontrol token username=…)</source>
        <translation>JWT 所签发给的用户（scontrol token username=…）</translation>
    </message>
    <message>
        <source>optional: default is the source&apos;s name</source>
        <translation>可选：默认为数据源名称</translation>
    </message>
    <message>
        <source>Slurm us&amp;er:</source>
        <translation>Slurm 用户(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>file holding the JWT (scontrol token)</source>
        <translation>保存 JWT 的文件（scontrol token）</translation>
    </message>
    <message>
        <source>slurmrestd needs a JWT: give the file that holds it.</source>
        <translation>slurmrestd 需要 JWT：请指定保存它的文件。</translation>
    </message>
    <message>
        <source>&amp;Basic auth file:</source>
        <translation>基本认证文件(&amp;B)：</translation>
    </message>
    <message>
        <source>optional: file holding user:password</source>
        <translation>可选：存放“用户:密码”的文件</translation>
    </message>
    <message>
        <source>A single agent serves one node; a fleet front (simulator, gateway) serves many nodes through /api/v1/nodes; a Prometheus (or Thanos, VictoriaMetrics, Mimir) serves the metrics its exporters scrape; Slurm&apos;s slurmrestd serves a cluster&apos;s nodes, partitions and jobs</source>
        <translation>单个代理服务一个节点；集群前端（模拟器、网关）通过 /api/v1/nodes 服务多个节点；Prometheus（或 Thanos、VictoriaMetrics、Mimir）提供其导出器采集的指标；Slurm 的 slurmrestd 提供集群的节点、分区和作业</translation>
    </message>
    <message>
        <source>The basic auth file does not exist or cannot be read.</source>
        <translation>基本认证文件不存在或无法读取。</translation>
    </message>
</context>
<context>
    <name>Meridian::SourceNoticeLabel</name>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1: reading history from %2 to %3</source>
        <translation>%1：正在读取 %2 至 %3 的历史</translation>
    </message>
    <message>
        <source>%1: reading history failed, it is asked again: %2</source>
        <translation>%1：读取历史失败，将重新请求：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Reading history: %1</source>
        <translation>正在读取历史：%1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s) from %1</source>
        <translation>
            <numerusform>⚠ 来自 %1 的 %n 条警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s) from %1 sources</source>
        <translation>
            <numerusform>⚠ 来自 %1 个数据源的 %n 条警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 条</numerusform>
        </translation>
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
    <message>
        <source>Slurm (slurmrestd)</source>
        <translation>Slurm（slurmrestd）</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
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
    <name>Meridian::SubcommandParser</name>
    <message>
        <source>Try &apos;meridian %1 --help&apos;.</source>
        <translation>请运行 &apos;meridian %1 --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>多余的参数 %1</translation>
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
    <message>
        <source>Show the incidents on the Faults page</source>
        <translation>在故障页面查看事件</translation>
    </message>
    <message>
        <source>Show the incidents in %1 on the Faults page</source>
        <translation>在故障页面查看%1的事件</translation>
    </message>
</context>
<context>
    <name>Meridian::ViewState</name>
    <message>
        <source>Waiting for the first answer from the sources…</source>
        <translation>正在等待数据源的首次应答…</translation>
    </message>
    <message>
        <source>Source %1 failing since %2: %3</source>
        <translation>数据源 %1 自 %2 起出错：%3</translation>
    </message>
    <message>
        <source>Source %1 unreachable since %2: %3</source>
        <translation>数据源 %1 自 %2 起无法连接：%3</translation>
    </message>
    <message numerus="yes">
        <source>(and %n other source(s))</source>
        <translation>
            <numerusform>（另有 %n 个数据源）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meridian::ViolationModel</name>
    <message>
        <source>same rack</source>
        <translation>同机柜</translation>
    </message>
    <message>
        <source>same pool</source>
        <translation>同资源池</translation>
    </message>
    <message>
        <source>same site</source>
        <translation>同站点</translation>
    </message>
    <message>
        <source>same region</source>
        <translation>同区域</translation>
    </message>
    <message>
        <source>hub ↔ city</source>
        <translation>枢纽 ↔ 城市</translation>
    </message>
    <message>
        <source>cross-region</source>
        <translation>跨区域</translation>
    </message>
    <message>
        <source>p50 ≤ %1 ms, loss ≤ %2</source>
        <translation>p50 ≤ %1 ms，丢包率 ≤ %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>源端</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目的端</translation>
    </message>
    <message>
        <source>Pair class</source>
        <translation>链路类别</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50（ms）</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99（ms）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>token file %1: empty</source>
        <translation>令牌文件 %1：为空</translation>
    </message>
    <message>
        <source>token file %1: contains characters a bearer token cannot have</source>
        <translation>令牌文件 %1：包含持有者令牌不允许的字符</translation>
    </message>
    <message>
        <source>token file</source>
        <translation>令牌文件</translation>
    </message>
</context>
<context>
    <name>SourceEndpoints</name>
    <message>
        <source>cannot read the token of %1: %2</source>
        <translation>无法读取 %1 的令牌：%2</translation>
    </message>
    <message>
        <source>cannot use the TLS files of %1: %2</source>
        <translation>无法使用 %1 的 TLS 文件：%2</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>%1 characters exceed the limit of %2</source>
        <translation>%1 个字符超出上限 %2</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>%1 is not an integer in %2…%3</source>
        <translation>%1 不是 %2…%3 之间的整数</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>应为数组</translation>
    </message>
    <message>
        <source>%1 entries exceed the limit of %2</source>
        <translation>%1 个条目超出上限 %2</translation>
    </message>
    <message>
        <source>string too long</source>
        <translation>字符串过长</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
</context>
</TS>
