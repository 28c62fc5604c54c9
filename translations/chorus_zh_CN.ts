<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentRelay</name>
    <message>
        <source>no usable agent socket path</source>
        <translation>没有可用的代理套接字路径</translation>
    </message>
    <message>
        <source>cannot reach the agent at %1: %2</source>
        <translation>无法连接到位于 %1 的代理：%2</translation>
    </message>
    <message>
        <source>the agent at %1 did not list its keys</source>
        <translation>位于 %1 的代理没有列出其密钥</translation>
    </message>
</context>
<context>
    <name>AnsibleImporter</name>
    <message>
        <source>bad port "%1" in "%2"</source>
        <translation>“%2”中的端口“%1”无效</translation>
    </message>
    <message>
        <source>a host name cannot hold a comma: "%1"</source>
        <translation>主机名不能包含逗号：“%1”</translation>
    </message>
    <message>
        <source>%1 is a secret and is not imported; Chorus keeps passwords in the keychain</source>
        <translation>%1 是机密信息，不会导入；Chorus 把密码保存在密钥环中</translation>
    </message>
    <message>
        <source>host "%1" uses ansible_connection=%2, not SSH; skipped</source>
        <translation>主机“%1”使用 ansible_connection=%2，而不是 SSH；已跳过</translation>
    </message>
    <message>
        <source>host "%1": bad port "%2"; skipped</source>
        <translation>主机“%1”：端口“%2”无效；已跳过</translation>
    </message>
    <message>
        <source>host "%1": bad host name; skipped</source>
        <translation>主机“%1”：主机名无效；已跳过</translation>
    </message>
    <message>
        <source>host "%1": %2; skipped</source>
        <translation>主机“%1”：%2；已跳过</translation>
    </message>
    <message>
        <source>section header without "]"</source>
        <translation>节标题缺少“]”</translation>
    </message>
    <message>
        <source>unexpected "%1" after the section header</source>
        <translation>节标题后有多余的“%1”</translation>
    </message>
    <message>
        <source>bad group name "%1"; its lines are skipped</source>
        <translation>分组名“%1”无效；已跳过其中各行</translation>
    </message>
    <message>
        <source>unknown section type ":%1" (expected :children or :vars); its lines are skipped</source>
        <translation>未知的节类型“:%1”（应为 :children 或 :vars）；已跳过其中各行</translation>
    </message>
    <message>
        <source>expected "name=value" in [%1:vars]</source>
        <translation>[%1:vars] 中应为“name=value”</translation>
    </message>
    <message>
        <source>unterminated quote; line skipped</source>
        <translation>引号未闭合；已跳过该行</translation>
    </message>
    <message>
        <source>expected one group name in [%1:children]</source>
        <translation>[%1:children] 中每行应为一个分组名</translation>
    </message>
    <message>
        <source>expected "name=value" after the host, found "%1"; line skipped</source>
        <translation>主机后面应为“name=value”，却是“%1”；已跳过该行</translation>
    </message>
    <message>
        <source>group "%1": expected hosts, children or vars</source>
        <translation>分组“%1”：应为 hosts、children 或 vars</translation>
    </message>
    <message>
        <source>group "%1": "hosts" must map host names to their variables</source>
        <translation>分组“%1”：“hosts”必须把主机名映射到各自的变量</translation>
    </message>
    <message>
        <source>a host name must be text</source>
        <translation>主机名必须是文本</translation>
    </message>
    <message>
        <source>host "%1": expected "name: value" variables</source>
        <translation>主机“%1”：变量应为“name: value”形式</translation>
    </message>
    <message>
        <source>group "%1": "children" must map group names to groups</source>
        <translation>分组“%1”：“children”必须把分组名映射到分组</translation>
    </message>
    <message>
        <source>group "%1": expected "name: value" variables</source>
        <translation>分组“%1”：变量应为“name: value”形式</translation>
    </message>
    <message>
        <source>unknown key "%1" in group "%2" (expected hosts, children or vars)</source>
        <translation>分组“%2”中有未知的键“%1”（应为 hosts、children 或 vars）</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>expected groups at the top ("all:")</source>
        <translation>顶层应为分组（“all:”）</translation>
    </message>
</context>
<context>
    <name>Chorus::CommandBar</name>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>命令片段</translation>
    </message>
    <message>
        <source>Saved snippets</source>
        <translation>已保存的命令片段</translation>
    </message>
    <message>
        <source>Fanout</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>How many hosts run at once</source>
        <translation>同时运行的主机数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>不超时</translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation>命令超时</translation>
    </message>
    <message>
        <source>&amp;sudo</source>
        <translation>&amp;sudo</translation>
    </message>
    <message>
        <source>Run the command with sudo; the password is asked for or taken from the keychain</source>
        <translation>用 sudo 运行命令；密码会询问您或从密钥环中读取</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run on the selected hosts (Ctrl+Enter)</source>
        <translation>在所选主机上运行（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the current session's run (Esc)</source>
        <translation>取消当前会话的运行（Esc）</translation>
    </message>
    <message>
        <source>Save the current command as a snippet...</source>
        <translation>将当前命令保存为片段...</translation>
    </message>
    <message>
        <source>Edit snippets...</source>
        <translation>编辑命令片段...</translation>
    </message>
    <message>
        <source>Insert a saved command, or save the current one</source>
        <translation>插入已保存的命令，或保存当前命令</translation>
    </message>
    <message>
        <source>Seconds a host may run the command before it is stopped</source>
        <translation>主机运行命令的最长秒数，超过即停止</translation>
    </message>
    <message>
        <source>Ctrl+L comes back here from anywhere in the window.</source>
        <translation>在窗口中任何位置按 Ctrl+L 都可回到这里。</translation>
    </message>
    <message>
        <source>Cop&amp;y Files...</source>
        <translation>复制文件(&amp;Y)...</translation>
    </message>
    <message>
        <source>Push files to the selected hosts or pull files from them (Ctrl+Shift+C)</source>
        <translation>向所选主机推送文件，或从这些主机拉取文件（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Command to run on the checked hosts</source>
        <translation>要在勾选的主机上运行的命令</translation>
    </message>
    <message>
        <source>The command to run. Enter runs it, Shift+Enter starts a new line, Up and Down walk the history.</source>
        <translation>要运行的命令。Enter 运行，Shift+Enter 换行，上下方向键浏览历史。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Commands run before, newest first</source>
        <translation>运行过的命令，最新的在前</translation>
    </message>
    <message>
        <source>Command history</source>
        <translation>命令历史</translation>
    </message>
    <message>
        <source>Fa&amp;nout:</source>
        <translation>并发数(&amp;N)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <source>(+%1 lines)</source>
        <translation>（另有 %1 行）</translation>
    </message>
    <message>
        <source>No commands yet</source>
        <translation>尚无命令</translation>
    </message>
</context>
<context>
    <name>Chorus::CompareView</name>
    <message>
        <source>(no output)</source>
        <translation>（无输出）</translation>
    </message>
    <message>
        <source>Ignore white space changes</source>
        <translation>忽略空白字符的变化</translation>
    </message>
    <message>
        <source>Compare stdout only</source>
        <translation>只比较标准输出</translation>
    </message>
    <message>
        <source>Group hosts by their standard output alone, whatever their stderr</source>
        <translation>只按标准输出给主机分组，不管标准错误输出</translation>
    </message>
    <message>
        <source>Ignore lines matching:</source>
        <translation>忽略匹配以下模式的行：</translation>
    </message>
    <message>
        <source>regular expression, e.g. ^Date:|\d+ ms</source>
        <translation>正则表达式，例如 ^Date:|\d+ ms</translation>
    </message>
    <message>
        <source>Run again on the outliers</source>
        <translation>在离群主机上重新运行</translation>
    </message>
    <message>
        <source>Run again on the failed</source>
        <translation>在失败的主机上重新运行</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Host set</source>
        <translation>主机集</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Not a valid pattern: %1</source>
        <translation>无效的模式：%1</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Outlier</source>
        <translation>离群</translation>
    </message>
    <message>
        <source>1 group of identical output</source>
        <translation>1 组相同输出</translation>
    </message>
    <message>
        <source>%1 groups of identical output</source>
        <translation>%1 组相同输出</translation>
    </message>
    <message>
        <source>, %1 of %2 hosts finished</source>
        <translation>，%2 台主机中已完成 %1 台</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>基准：%1</translation>
    </message>
    <message>
        <source>Outlier: %1</source>
        <translation>离群：%1</translation>
    </message>
    <message>
        <source>Ignore lines matching</source>
        <translation>忽略匹配的行</translation>
    </message>
    <message>
        <source>Groups of identical output</source>
        <translation>相同输出的分组</translation>
    </message>
    <message>
        <source>The reference group first, then the outliers</source>
        <translation>先列出基准组，再列出离群组</translation>
    </message>
    <message>
        <source>Check Hosts Like These</source>
        <translation>勾选与此相同的主机</translation>
    </message>
    <message>
        <source>Check exactly this group's hosts in the host panel, for the next command</source>
        <translation>在主机面板中只勾选这一组的主机，供下一条命令使用</translation>
    </message>
    <message>
        <source>(blank line %1)</source>
        <translation>（第 %1 行为空行）</translation>
    </message>
    <message>
        <source>(ends after line %1)</source>
        <translation>（在第 %1 行后结束）</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>行(&amp;L)</translation>
    </message>
    <message>
        <source>Every distinct line against the groups: which lines are missing where</source>
        <translation>每个不同的行对照各组：哪些行在哪里缺失</translation>
    </message>
    <message>
        <source>Key Val&amp;ues</source>
        <translation>键值(&amp;U)</translation>
    </message>
    <message>
        <source>Settings-shaped output (key=value, key: value, key value): each key's values and the hosts that have them</source>
        <translation>设置形式的输出（key=value、key: value、key value）：每个键的各个值及拥有这些值的主机</translation>
    </message>
    <message>
        <source>stderr: %1</source>
        <translation>stderr：%1</translation>
    </message>
    <message>
        <source>(same output, %1)</source>
        <translation>（输出相同，%1）</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
</context>
<context>
    <name>Chorus::CredentialDialog</name>
    <message>
        <source>Credentials needed</source>
        <translation>需要凭据</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Save to the keychain</source>
        <translation>保存到密钥环(&amp;S)</translation>
    </message>
    <message>
        <source>No keychain is available: the secret is used for this session only.</source>
        <translation>没有可用的密钥环：此密码只在本次会话中使用。</translation>
    </message>
    <message numerus="yes">
        <source>Use it for the %n host(s) asking the same</source>
        <translation>
            <numerusform>用于提出相同请求的 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>the password of %1 on %2</source>
        <translation>%2 上 %1 的密码</translation>
    </message>
    <message>
        <source>an answer for %1 on %2, which asks: %3</source>
        <translation>%2 上 %1 的回答，对方询问：%3</translation>
    </message>
    <message>
        <source>the passphrase of the key %1 (for %2)</source>
        <translation>密钥 %1 的口令（用于 %2）</translation>
    </message>
    <message>
        <source>the sudo password of %1 on %2</source>
        <translation>%2 上 %1 的 sudo 密码</translation>
    </message>
    <message>
        <source>Chorus needs %1.</source>
        <translation>Chorus 需要%1。</translation>
    </message>
    <message>
        <source>That was not accepted. Chorus needs %1.</source>
        <translation>未被接受。Chorus 需要%1。</translation>
    </message>
    <message>
        <source>S&amp;kip this host</source>
        <translation>跳过此主机(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Chorus::DemoSession</name>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>The demo needs OpenSSH's server to run local hosts: %1</source>
        <translation>演示需要 OpenSSH 服务器来运行本地主机：%1</translation>
    </message>
    <message>
        <source>Could not start the demo hosts: %1</source>
        <translation>无法启动演示主机：%1</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>演示主机群</translation>
    </message>
    <message>
        <source>Demo: %1 local SSH servers, stopped when Chorus quits. Your own settings are not used.</source>
        <translation>演示：%1 个本地 SSH 服务器，Chorus 退出时停止。不会使用您自己的设置。</translation>
    </message>
</context>
<context>
    <name>Chorus::DiffView</name>
    <message>
        <source> ∅ no newline at end</source>
        <translation> ∅ 末尾没有换行符</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>上一处差异</translation>
    </message>
    <message>
        <source>Go to the previous change (%1)</source>
        <translation>转到上一处差异（%1）</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一处差异</translation>
    </message>
    <message>
        <source>Go to the next change (%1)</source>
        <translation>转到下一处差异（%1）</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>没有差异</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 处差异</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 处差异</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>第 %1 处差异，共 %2 处</translation>
    </message>
    <message>
        <source>Reference output</source>
        <translation>基准输出</translation>
    </message>
    <message>
        <source>Compared output</source>
        <translation>对比输出</translation>
    </message>
    <message>
        <source>Removed lines are tinted red; %1 and %2 move between changes</source>
        <translation>删除的行以红色标出；%1 和 %2 在差异之间移动</translation>
    </message>
    <message>
        <source>Added lines are tinted green; %1 and %2 move between changes</source>
        <translation>新增的行以绿色标出；%1 和 %2 在差异之间移动</translation>
    </message>
    <message>
        <source>No differences but in ignored lines</source>
        <translation>除忽略的行外没有差异</translation>
    </message>
</context>
<context>
    <name>Chorus::DurationChart</name>
    <message>
        <source>Duration per host</source>
        <translation>各主机耗时</translation>
    </message>
    <message>
        <source>%1: %2
connecting %3 ms, command %4 ms, total %5 ms</source>
        <translation>%1：%2
连接 %3 毫秒，命令 %4 毫秒，共 %5 毫秒</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <source>Light: connecting, dark: the command, hatched: through the jump host (waiting for it, then its channel). Drag or wheel to move and zoom.</source>
        <translation>浅色：连接；深色：命令；斜线：经由跳板机（先等待跳板机，再打开通道）。拖动或滚轮可移动和缩放。</translation>
    </message>
    <message>
        <source>through the jump host: waiting %1 ms, channel %2 ms</source>
        <translation>经由跳板机：等待 %1 毫秒，通道 %2 毫秒</translation>
    </message>
</context>
<context>
    <name>Chorus::ExportMenu</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>To a &amp;folder (HOST.out, HOST.err, HOST.exit)...</source>
        <translation>到文件夹(&amp;F)（HOST.out、HOST.err、HOST.exit）...</translation>
    </message>
    <message>
        <source>As &amp;JSON...</source>
        <translation>导出为 JSON(&amp;J)...</translation>
    </message>
    <message>
        <source>As &amp;CSV summary...</source>
        <translation>导出为 CSV 摘要(&amp;C)...</translation>
    </message>
    <message>
        <source>Export the run to a folder</source>
        <translation>将运行结果导出到文件夹</translation>
    </message>
    <message>
        <source>Export the run as JSON</source>
        <translation>将运行结果导出为 JSON</translation>
    </message>
    <message>
        <source>JSON Lines (*.json *.jsonl)</source>
        <translation>JSON Lines（*.json *.jsonl）</translation>
    </message>
    <message>
        <source>Export a summary as CSV</source>
        <translation>将摘要导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>The run is no longer available.</source>
        <translation>该次运行已不可用。</translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1. The output of %n host(s) was longer than the run kept, so only its start is in the export: %2. To keep every byte, run with chorus run -o DIR.</source>
        <translation>
            <numerusform>已保存到 %1。%n 台主机的输出超过了本次运行保留的长度，导出中只有开头部分：%2。如需保留全部字节，请用 chorus run -o DIR 运行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>100000+ matches</source>
        <translation>100000+ 个匹配项</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ 个匹配项</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配项</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配项</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项（Enter）</translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryChart</name>
    <message>
        <source>Duration per run over time</source>
        <translation>各次运行耗时随时间的变化</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Select a run to see how long its command took over time.</source>
        <translation>选择一次运行，查看其命令耗时随时间的变化。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of “%1” over time</source>
        <translation>
            <numerusform>“%1”随时间的 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of “%1” on %2 over time</source>
        <translation>
            <numerusform>“%1”在 %2 上随时间的 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryModel</name>
    <message>
        <source>%1 non-zero exit, %2 failed, %3 timed out</source>
        <translation>%1 个非零退出，%2 个失败，%3 个超时</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryPanel</name>
    <message>
        <source>Run &amp;again</source>
        <translation>再次运行(&amp;A)</translation>
    </message>
    <message>
        <source>Co&amp;mpare...</source>
        <translation>比较(&amp;M)...</translation>
    </message>
    <message>
        <source>Command contains...</source>
        <translation>命令包含...</translation>
    </message>
    <message>
        <source>Filter by command</source>
        <translation>按命令筛选</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Filter by host</source>
        <translation>按主机筛选</translation>
    </message>
    <message>
        <source>Runs that had this host (its name or address); the chart then shows this host's durations.</source>
        <translation>包含此主机（名称或地址）的运行；图表随后显示此主机的耗时。</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>按结果筛选</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Some host: %1</source>
        <translation>有主机：%1</translation>
    </message>
    <message>
        <source>Started since</source>
        <translation>开始日期不早于</translation>
    </message>
    <message>
        <source>Past runs</source>
        <translation>以往的运行</translation>
    </message>
    <message>
        <source>Show the run in a read-only session tab</source>
        <translation>在只读会话标签页中显示该次运行</translation>
    </message>
    <message>
        <source>Run the same command again on the same hosts</source>
        <translation>在相同主机上再次运行相同命令</translation>
    </message>
    <message>
        <source>Select two runs to compare a host's output between them</source>
        <translation>选择两次运行以比较某台主机在两次运行中的输出</translation>
    </message>
    <message>
        <source>The history is not available.</source>
        <translation>运行历史不可用。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Sinc&amp;e</source>
        <translation>起始日期(&amp;E)</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>打开(&amp;P)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>Chorus::HostKeyDialog</name>
    <message>
        <source>Unknown host keys</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <source>SHA256 fingerprint</source>
        <translation>SHA256 指纹</translation>
    </message>
    <message>
        <source>Host keys to confirm</source>
        <translation>待确认的主机密钥</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>接受所选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject all</source>
        <translation>全部拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>These hosts offered a key that differs from the one known for them. They were refused; this could be an attack. If the change is expected, use Tools &gt; Forget host key first.

</source>
        <translation>这些主机提供的密钥与已知的不同。已拒绝连接；这可能是攻击。如果这一变化在预期之中，请先使用“工具 &gt; 忘记主机密钥”。

</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) offered a key that is not in known_hosts. Compare the fingerprints with what the hosts' administrators published before accepting.</source>
        <translation>
            <numerusform>%n 台主机提供了不在 known_hosts 中的密钥。接受之前，请将指纹与主机管理员公布的指纹进行核对。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Accept selected (%1)</source>
        <translation>接受所选(&amp;A)（%1）</translation>
    </message>
</context>
<context>
    <name>Chorus::HostModel</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>经由</translation>
    </message>
</context>
<context>
    <name>Chorus::KeyValueModel</name>
    <message>
        <source>(absent)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <extracomment>A value of a key, the hosts that have it (a folded host set) and how many they are, e.g. "yes — web[01-40,43] (41)".</extracomment>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s): %1</source>
        <translation>
            <numerusform>%n 台主机：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>多数值</translation>
    </message>
    <message>
        <source>Deviation %1</source>
        <translation>偏差 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) — %1 (%2)</source>
        <extracomment>The values of a key past the last column, folded into one cell: how many, the hosts that have them (a folded host set) and how many hosts, e.g. "187 more values — web[010-196] (187)".</extracomment>
        <translation>
            <numerusform>另外 %n 个值 — %1（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Deviation %1 and more</source>
        <extracomment>The last deviation column when some key has more values than columns.</extracomment>
        <translation>偏差 %1 及更多</translation>
    </message>
</context>
<context>
    <name>Chorus::KeyValueView</name>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>key=value</translation>
    </message>
    <message>
        <source>key: value</source>
        <translation>key: value</translation>
    </message>
    <message>
        <source>key value</source>
        <translation>key value</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Format of the key/value lines</source>
        <translation>键值行的格式</translation>
    </message>
    <message>
        <source>Filter keys and values</source>
        <translation>筛选键和值</translation>
    </message>
    <message>
        <source>Only keys that differ</source>
        <translation>只看有差异的键</translation>
    </message>
    <message>
        <source>Hide the keys that have the same value on every host</source>
        <translation>隐藏在所有主机上值都相同的键</translation>
    </message>
    <message>
        <source>Keys and their values</source>
        <translation>键及其值</translation>
    </message>
    <message>
        <source>One row per key: the value most hosts have, then the others, each with its hosts</source>
        <translation>每个键一行：先是多数主机的值，然后是其他值，各附其主机</translation>
    </message>
    <message>
        <source>Reading the keys and values…</source>
        <translation>正在读取键和值…</translation>
    </message>
    <message>
        <source>There is no output to read keys and values from.</source>
        <translation>没有可读取键和值的输出。</translation>
    </message>
    <message>
        <source>This output does not look like key/value lines: only %1% of its lines read as %2. Choose another format if it is one.</source>
        <translation>此输出看起来不像键值行：只有 %1% 的行能按 %2 读取。如果它是键值输出，请选择其他格式。</translation>
    </message>
    <message numerus="yes">
        <source>All %n key(s) have the same value on every host (format: %1).</source>
        <translation>
            <numerusform>全部 %n 个键在所有主机上的值都相同（格式：%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 keys differ (format: %2).</source>
        <translation>
            <numerusform>%1 个键中有 %n 个不同（格式：%2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) match the filter.</source>
        <translation>
            <numerusform>%n 个键符合筛选条件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::LineMatrixModel</name>
    <message numerus="yes">
        <source>on all %n</source>
        <translation>
            <numerusform>全部 %n 台都有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on all but %n</source>
        <translation>
            <numerusform>仅 %n 台没有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only on %n</source>
        <translation>
            <numerusform>仅 %n 台有</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 printed this line</source>
        <translation>%1 打印了这一行</translation>
    </message>
    <message>
        <source>%1 did not print this line</source>
        <translation>%1 没有打印这一行</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) printed this line</source>
        <translation>
            <numerusform>%n 台主机打印了这一行</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s)</source>
        <translation>
            <numerusform>%1：%n 台主机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::LineMatrixView</name>
    <message>
        <source>Filter lines</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Only lines that differ</source>
        <translation>只看有差异的行</translation>
    </message>
    <message>
        <source>Hide the lines every host printed</source>
        <translation>隐藏所有主机都打印了的行</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the lines and which groups printed them as a spreadsheet</source>
        <translation>把各行及打印了它们的组保存为电子表格</translation>
    </message>
    <message>
        <source>Lines and the groups that printed them</source>
        <translation>各行及打印了它们的组</translation>
    </message>
    <message>
        <source>Comparing lines…</source>
        <translation>正在比较各行…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) differ</source>
        <translation>
            <numerusform>%n 行中有 %1 行不同</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Lines</source>
        <translation>导出行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Chorus::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import hosts...</source>
        <translation>导入主机(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Export hosts...</source>
        <translation>导出主机(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New host...</source>
        <translation>新建主机(&amp;N)...</translation>
    </message>
    <message>
        <source>New &amp;group...</source>
        <translation>新建分组(&amp;G)...</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>Group path (use / for subgroups):</source>
        <translation>分组路径（用 / 分隔子分组）：</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>全部勾选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncheck all</source>
        <translation>全部取消勾选(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forget host key...</source>
        <translation>忘记主机密钥(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation>关于 Chorus(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Search hosts</source>
        <translation>搜索主机</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <source>Filter by group</source>
        <translation>按分组筛选</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Run History</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the history.</source>
        <translation>运行 %1 已不在历史记录中。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1
Run of %2, from the history (read-only)</source>
        <translation>%1
%2 的运行，来自历史记录（只读）</translation>
    </message>
    <message>
        <source>Cannot run again</source>
        <translation>无法再次运行</translation>
    </message>
    <message>
        <source>None of the run's hosts is in the host list any more: %1</source>
        <translation>该次运行的主机都已不在主机列表中：%1</translation>
    </message>
    <message numerus="yes">
        <source>Not run on %n host(s) no longer in the host list: %1</source>
        <translation>
            <numerusform>未在已不在主机列表中的 %n 台主机上运行：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The history has no earlier run on %1.</source>
        <translation>历史记录中没有 %1 上更早的运行。</translation>
    </message>
    <message>
        <source>Check hosts on the left, type a command above and press Ctrl+Enter.
Each run opens here in its own tab.</source>
        <translation>在左侧勾选主机，在上方输入命令并按 Ctrl+Enter。
每次运行都会在这里打开一个标签页。</translation>
    </message>
    <message>
        <source>Host profiles</source>
        <translation>主机配置</translation>
    </message>
    <message>
        <source>Could not save the host profiles: %1</source>
        <translation>无法保存主机配置：%1</translation>
    </message>
    <message>
        <source>Type a command to run first.</source>
        <translation>请先输入要运行的命令。</translation>
    </message>
    <message>
        <source>Check or select the hosts to run on first.</source>
        <translation>请先勾选或选择要运行的主机。</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <source>The run was not saved to the history: %1</source>
        <translation>该次运行未保存到历史记录：%1</translation>
    </message>
    <message>
        <source>The secret was not saved: %1</source>
        <translation>密码未保存：%1</translation>
    </message>
    <message>
        <source>&amp;Run here</source>
        <translation>在此运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制一份(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Delete hosts</source>
        <translation>删除主机</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n host(s) and their saved secrets?</source>
        <translation>
            <numerusform>删除 %n 台主机及其保存的密码？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy address</source>
        <translation>复制地址(&amp;C)</translation>
    </message>
    <message>
        <source>Connected and ran a command in %1 ms.</source>
        <translation>已连接并在 %1 毫秒内运行了一条命令。</translation>
    </message>
    <message>
        <source>Import hosts</source>
        <translation>导入主机</translation>
    </message>
    <message>
        <source>Cannot tell what kind of host list %1 is (ssh_config, pssh, ClusterShell, Ansible or a Chorus export). Use `chorus hosts import --format` to say.</source>
        <translation>无法判断主机列表 %1 的格式（ssh_config、pssh、ClusterShell、Ansible 或 Chorus 导出文件）。请用 `chorus hosts import --format` 指定。</translation>
    </message>
    <message>
        <source>Added %1 hosts, merged %2 with hosts already here.</source>
        <translation>已添加 %1 台主机，%2 台与已有主机合并。</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <source>Export hosts</source>
        <translation>导出主机</translation>
    </message>
    <message>
        <source>Forget host key</source>
        <translation>忘记主机密钥</translation>
    </message>
    <message>
        <source>Host as known_hosts lists it (name, or [address]:port):</source>
        <translation>主机在 known_hosts 中的写法（名称，或 [地址]:端口）：</translation>
    </message>
    <message>
        <source>Removed %1 key(s) of %2 from %3; the old file is kept as %3.old.</source>
        <translation>已从 %3 中删除 %2 的 %1 个密钥；旧文件保留为 %3.old。</translation>
    </message>
    <message>
        <source>Settings saved. Engine settings apply to new connections.</source>
        <translation>设置已保存。引擎设置对新连接生效。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有分组</translation>
    </message>
    <message>
        <source>No hosts</source>
        <translation>没有主机</translation>
    </message>
    <message>
        <source>Hosts: %1  Groups: %2</source>
        <translation>主机：%1  分组：%2</translation>
    </message>
    <message>
        <source>About Chorus</source>
        <translation>关于 Chorus</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chorus %1&lt;/h3&gt;&lt;p&gt;Run one command on many hosts over SSH at once and compare the answers.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and libssh.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chorus %1&lt;/h3&gt;&lt;p&gt;通过 SSH 在多台主机上同时运行同一条命令并比较输出。&lt;/p&gt;&lt;p&gt;基于 Qt %2 和 libssh 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy Files...</source>
        <translation>复制文件(&amp;C)...</translation>
    </message>
    <message>
        <source>Check or select the hosts to copy files on first.</source>
        <translation>请先勾选或选择要复制文件的主机。</translation>
    </message>
    <message>
        <source>push %1 to %2</source>
        <translation>推送 %1 到 %2</translation>
    </message>
    <message>
        <source>pull %1 into %2</source>
        <translation>拉取 %1 到 %2</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Copies still running</source>
        <translation>仍有复制在进行</translation>
    </message>
    <message numerus="yes">
        <source>%n file copy run(s) still going. Quitting stops them: the files being written are removed, and no file is left half-written under its real name.</source>
        <translation>
            <numerusform>还有 %n 个文件复制任务在进行。退出会停止它们：正在写入的文件会被删除，不会有写了一半的文件留在正式文件名下。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit and Stop the Copies</source>
        <translation>退出并停止复制(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep Copying</source>
        <translation>继续复制(&amp;K)</translation>
    </message>
    <message>
        <source>Commands still running</source>
        <translation>命令仍在运行</translation>
    </message>
    <message numerus="yes">
        <source>Commands are still running on %n host(s). Quitting stops them.</source>
        <translation>
            <numerusform>命令仍在 %n 台主机上运行。退出会停止它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit and Stop Them</source>
        <translation>退出并停止它们(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep Running</source>
        <translation>继续运行(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s) (%1 not shown)</source>
        <translation>
            <numerusform>在 %n 台主机上运行（%1 台未显示）(&amp;R)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s)</source>
        <translation>
            <numerusform>在 %n 台主机上运行(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无组）</translation>
    </message>
    <message numerus="yes">
        <source>Run “%1” on %n host(s)?</source>
        <translation>
            <numerusform>在 %n 台主机上运行“%1”？</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>组：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are hidden by the host filter.</source>
        <translation>
            <numerusform>其中 %n 台被主机筛选隐藏。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run on many hosts?</source>
        <translation>在多台主机上运行？</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n Host(s)</source>
        <translation>
            <numerusform>在 %n 台主机上运行(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message numerus="yes">
        <source>Testing the connection to %n host(s)...</source>
        <translation>
            <numerusform>正在测试到 %n 台主机的连接……</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) connected and ran a command.</source>
        <translation>
            <numerusform>%n 台主机中有 %1 台已连接并运行了命令。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>……另有 %n 台。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Close &amp;Other Tabs</source>
        <translation>关闭其他标签页(&amp;O)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Search: words, web[01-20], @group, @tag:name</source>
        <translation>搜索：关键词、web[01-20]、@组、@tag:名称</translation>
    </message>
    <message numerus="yes">
        <source>Run finished: all %n host(s) ok</source>
        <translation>
            <numerusform>运行结束：全部 %n 台主机成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run finished: %1 of %n host(s) not ok</source>
        <translation>
            <numerusform>运行结束：%n 台主机中有 %1 台未成功</numerusform>
        </translation>
    </message>
    <message>
        <source>H&amp;osts</source>
        <translation>主机(&amp;O)</translation>
    </message>
    <message>
        <source>Run &amp;Script...</source>
        <translation>运行脚本(&amp;S)...</translation>
    </message>
    <message>
        <source>Run a local script on the checked hosts, sent on stdin: nothing is copied to them</source>
        <translation>在勾选的主机上运行本地脚本，脚本经标准输入发送，不会复制到主机上</translation>
    </message>
    <message>
        <source>The history's record of this script run is not one Chorus wrote: %1</source>
        <translation>历史中这次脚本运行的记录不是 Chorus 写入的：%1</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s) for the next command.</source>
        <translation>
            <numerusform>已勾选 %n 台主机，供下一条命令使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>Not in the host list any more: %1</source>
        <translation>已不在主机列表中：%1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message numerus="yes">
        <source>Run a local script on %n host(s)</source>
        <translation>
            <numerusform>在 %n 台主机上运行本地脚本</numerusform>
        </translation>
    </message>
    <message>
        <source>Run Script</source>
        <translation>运行脚本</translation>
    </message>
    <message>
        <source>Arguments for %1 (optional, as in a shell):</source>
        <translation>%1 的参数（可选，按 shell 的写法）：</translation>
    </message>
    <message>
        <source>Cannot run the script</source>
        <translation>无法运行脚本</translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation>打开终端(&amp;T)</translation>
    </message>
    <message>
        <source>Open a terminal on each checked host, in one tab, to type into one or all of them</source>
        <translation>在一个标签页中为每台勾选的主机打开终端，可向其中一台或全部输入</translation>
    </message>
    <message>
        <source>Check or select the hosts to open terminals on.</source>
        <translation>请勾选或选中要打开终端的主机。</translation>
    </message>
    <message>
        <source>Open Ter&amp;minal</source>
        <translation>打开终端(&amp;M)</translation>
    </message>
    <message>
        <source>Terminals still open</source>
        <translation>终端仍然打开</translation>
    </message>
    <message numerus="yes">
        <source>%n shell(s) still open. Closing hangs them up; what runs in them gets SIGHUP.</source>
        <translation>
            <numerusform>仍有 %n 个 shell 打开。关闭会将它们挂断；其中运行的程序会收到 SIGHUP。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close Them</source>
        <translation>关闭它们(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep Them Open</source>
        <translation>保持打开(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Chorus::OutputView</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find in this output (%1)</source>
        <translation>在此输出中查找（%1）</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Wrap long lines at the window's edge</source>
        <translation>在窗口边缘自动折行</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selection, or all of the text shown when nothing is selected</source>
        <translation>复制选中内容；未选中时复制显示的全部文本</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>Save each host's output to a folder…</source>
        <translation>将每台主机的输出保存到文件夹…</translation>
    </message>
    <message>
        <source>Writes NAME.out (stdout) and NAME.err (stderr) for every finished host, the bytes exactly as received</source>
        <translation>为每台已完成的主机写入 NAME.out（标准输出）和 NAME.err（标准错误），内容与收到的字节完全一致</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save stdout as…</source>
        <translation>标准输出另存为…</translation>
    </message>
    <message>
        <source>Save stderr as…</source>
        <translation>标准错误另存为…</translation>
    </message>
    <message>
        <source>%1 bytes not shown: the view keeps the last %2</source>
        <translation>有 %1 字节未显示：视图只保留最后 %2</translation>
    </message>
    <message>
        <source>Save All writes each host's whole output (up to the run's output limit) to files.</source>
        <translation>“全部保存”会把每台主机的完整输出（不超过本次运行的输出上限）写入文件。</translation>
    </message>
    <message>
        <source>Save writes all the host sent (up to the run's output limit) to a file.</source>
        <translation>“保存”会把主机发送的全部内容（不超过本次运行的输出上限）写入文件。</translation>
    </message>
    <message>
        <source>Available once a host has finished</source>
        <translation>有主机完成后可用</translation>
    </message>
    <message>
        <source>Available once the host has finished</source>
        <translation>该主机完成后可用</translation>
    </message>
    <message>
        <source>Save stdout as… (%1)</source>
        <translation>标准输出另存为…（%1）</translation>
    </message>
    <message>
        <source>Save stderr as… (%1)</source>
        <translation>标准错误另存为…（%1）</translation>
    </message>
    <message>
        <source>The bytes exactly as received, without colours removed or anything added.</source>
        <translation>与收到的字节完全一致，不去除颜色，也不添加任何内容。</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 bytes: the run's output limit.</source>
        <translation>只有 %2 字节中的前 %1：本次运行的输出上限。</translation>
    </message>
    <message>
        <source>Save this host's stdout or stderr, each to its own file</source>
        <translation>将此主机的标准输出或标准错误分别保存到各自的文件</translation>
    </message>
    <message>
        <source>Not a single host's output.</source>
        <translation>这不是单台主机的输出。</translation>
    </message>
    <message>
        <source>Save stderr of %1</source>
        <translation>保存 %1 的标准错误</translation>
    </message>
    <message>
        <source>Save stdout of %1</source>
        <translation>保存 %1 的标准输出</translation>
    </message>
    <message>
        <source>Save output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Save every host's output into a folder</source>
        <translation>将每台主机的输出保存到文件夹</translation>
    </message>
    <message>
        <source>Output of all hosts</source>
        <translation>所有主机的输出</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的输出</translation>
    </message>
</context>
<context>
    <name>Chorus::ProfileDialog</name>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>New host</source>
        <translation>新建主机</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>from ssh_config, or your user name</source>
        <translation>取自 ssh_config，或您的用户名</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH 代理</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Keyboard-interactive</source>
        <translation>键盘交互式</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Choose a key file</source>
        <translation>选择密钥文件</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>[user@]host[:port], optional</source>
        <translation>[用户@]主机[:端口]，可选</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>Run commands with &amp;sudo</source>
        <translation>用 sudo 运行命令(&amp;S)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <source>Accept new keys</source>
        <translation>接受新密钥</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>跳板机(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接...</translation>
    </message>
    <message>
        <source>A host needs a name or a host name.</source>
        <translation>主机需要一个名称或主机名。</translation>
    </message>
    <message>
        <source>The host name "%1" contains a space.</source>
        <translation>主机名“%1”中含有空格。</translation>
    </message>
    <message>
        <source>Key file authentication needs a key file.</source>
        <translation>密钥文件认证需要指定密钥文件。</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Sa&amp;ve secrets to the keychain</source>
        <translation>将密码保存到密钥环(&amp;V)</translation>
    </message>
    <message>
        <source>K&amp;ey passphrase:</source>
        <translation>密钥口令(&amp;E)：</translation>
    </message>
    <message>
        <source>Sudo passwo&amp;rd:</source>
        <translation>sudo 密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Unknown host ke&amp;ys:</source>
        <translation>未知主机密钥(&amp;Y)：</translation>
    </message>
    <message>
        <source>Test connect&amp;ion</source>
        <translation>测试连接(&amp;I)</translation>
    </message>
    <message>
        <source>default (32)</source>
        <translation>默认（32）</translation>
    </message>
    <message>
        <source>When other hosts are reached through this one: how many may be connecting through it at once</source>
        <translation>当其他主机经由本主机连接时：同时经由它连接的主机数上限</translation>
    </message>
    <message>
        <source>Hosts connecting through this jump host at once</source>
        <translation>同时经由此跳板机连接的主机数</translation>
    </message>
    <message>
        <source>As a jump host, at &amp;most:</source>
        <translation>作为跳板机时最多(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>Chorus::RunCompareDialog</name>
    <message>
        <source>Compare two runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>The two runs have no host in common.</source>
        <translation>这两次运行没有共同的主机。</translation>
    </message>
    <message>
        <source>%1 ended differently: %2 then, %3 now.</source>
        <translation>%1 的结束方式不同：当时为 %2，现在为 %3。</translation>
    </message>
    <message>
        <source>%1: same output and ending (%2) in both runs.</source>
        <translation>%1：两次运行的输出和结束方式（%2）相同。</translation>
    </message>
    <message>
        <source>%1: the output changed; both ended with %2.</source>
        <translation>%1：输出有变化；两次都以 %2 结束。</translation>
    </message>
    <message>
        <source>The history keeps only the start of long output: changes further on are not shown.</source>
        <translation>历史记录只保留长输出的开头部分：后面的变化不会显示。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Chorus::RunSession</name>
    <message>
        <source>There is no host %1 in this run.</source>
        <translation>本次运行中没有主机 %1。</translation>
    </message>
    <message>
        <source>%1 has not finished yet.</source>
        <translation>%1 尚未完成。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Chorus::ScriptRun</name>
    <message>
        <source>Cannot read the script %1: %2</source>
        <translation>无法读取脚本 %1：%2</translation>
    </message>
    <message>
        <source>The script %1 is larger than %2 MiB.</source>
        <translation>脚本 %1 超过 %2 MiB。</translation>
    </message>
</context>
<context>
    <name>Chorus::SecretStore</name>
    <message>
        <source>No keychain is available to keep passwords in: %1.</source>
        <translation>没有可用于保存密码的密钥环：%1。</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>密钥环拒绝访问：%1</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>密钥环报告了错误：%1</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to reach a keychain through (%1)</source>
        <translation>没有可用于访问密钥环的 D-Bus 会话总线（%1）</translation>
    </message>
    <message>
        <source>no keychain service (a Secret Service such as gnome-keyring, or KWallet) is running on the D-Bus session bus</source>
        <translation>D-Bus 会话总线上没有运行任何密钥环服务（例如 gnome-keyring 等 Secret Service，或 KWallet）</translation>
    </message>
</context>
<context>
    <name>Chorus::SessionStatusModel</name>
    <message>
        <source>stdout %1 bytes, stderr %2 bytes</source>
        <translation>标准输出 %1 字节，标准错误 %2 字节</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>host key?</source>
        <translation>主机密钥？</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>认证中</translation>
    </message>
    <message>
        <source>password?</source>
        <translation>密码？</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>non-zero exit</source>
        <translation>非零退出</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 (core dumped)</source>
        <translation>%1（已转储核心）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) copied, %1 skipped as the overwrite policy says</source>
        <translation>
            <numerusform>已复制 %n 个文件，按覆盖策略跳过 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Chorus::SessionView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Save every host's output and exit status, once the run has finished</source>
        <translation>运行结束后，保存每台主机的输出和退出码</translation>
    </message>
    <message>
        <source>Filter by host or error</source>
        <translation>按主机或错误筛选</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>失败或已取消</translation>
    </message>
    <message>
        <source>Open Output</source>
        <translation>打开输出</translation>
    </message>
    <message>
        <source>Cancel Host</source>
        <translation>取消此主机</translation>
    </message>
    <message>
        <source>Copy Host Name</source>
        <translation>复制主机名</translation>
    </message>
    <message>
        <source>What Changed Since the Previous Run</source>
        <translation>与上次运行相比的变化</translation>
    </message>
    <message>
        <source>Compare this host's output with its previous run of any command in the history</source>
        <translation>将此主机的输出与历史记录中它上一次运行（任意命令）的输出进行比较</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 个成功</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 个运行中</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 个排队中</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 个已取消</translation>
    </message>
    <message>
        <source>%1 — finished in %2</source>
        <translation>%1 — 用时 %2 完成</translation>
    </message>
    <message>
        <source>%1 — %2 elapsed</source>
        <translation>%1 — 已用时 %2</translation>
    </message>
    <message>
        <source>%1

%2 hosts: %3 ok, %4 non-zero exit, %5 failed, %6 timed out, %7 cancelled, %8 running, %9 queued</source>
        <translation>%1

%2 台主机：%3 个成功，%4 个非零退出，%5 个失败，%6 个超时，%7 个已取消，%8 个运行中，%9 个排队中</translation>
    </message>
    <message>
        <source>%1 of %2 copied</source>
        <translation>已复制 %1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Filter hosts</source>
        <translation>筛选主机</translation>
    </message>
    <message>
        <source>Host status</source>
        <translation>主机状态</translation>
    </message>
    <message>
        <source>One row per host: state, exit status, duration, bytes and error. Enter opens the host's output.</source>
        <translation>每台主机一行：状态、退出码、耗时、字节数和错误。按 Enter 打开该主机的输出。</translation>
    </message>
    <message>
        <source>Cancel the run on every host that has not finished (Ctrl+.)</source>
        <translation>在所有尚未结束的主机上取消运行（Ctrl+.）</translation>
    </message>
    <message>
        <source>Cancel the run?</source>
        <translation>取消运行？</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) have not finished. Cancelling stops the command on them.</source>
        <translation>
            <numerusform>%n 台主机尚未结束。取消会停止其上的命令。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n Host(s)</source>
        <translation>
            <numerusform>取消 %n 台主机(&amp;C)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep Running</source>
        <translation>继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>%1 exited non-zero</source>
        <translation>%1 个以非零状态退出</translation>
    </message>
    <message>
        <source>%1 failed to connect or finish</source>
        <translation>%1 个连接失败或未能完成</translation>
    </message>
    <message>
        <source>%1 (script)</source>
        <translation>%1（脚本）</translation>
    </message>
    <message>
        <source>Chec&amp;k Hosts</source>
        <translation>勾选主机(&amp;K)</translation>
    </message>
    <message>
        <source>Check some of this run's hosts in the host panel, for the next command</source>
        <translation>在主机面板中勾选本次运行的部分主机，供下一条命令使用</translation>
    </message>
    <message>
        <source>Check These Hosts</source>
        <translation>勾选这些主机</translation>
    </message>
    <message>
        <source>Check exactly the selected rows' hosts in the host panel</source>
        <translation>在主机面板中只勾选所选行的主机</translation>
    </message>
    <message>
        <source>Only the Failed Hosts</source>
        <translation>只勾选失败的主机</translation>
    </message>
    <message>
        <source>Only the Outliers</source>
        <translation>只勾选离群的主机</translation>
    </message>
    <message>
        <source>The hosts whose output differs from the largest group's</source>
        <translation>输出与最大一组不同的主机</translation>
    </message>
    <message>
        <source>All hosts (filtered)</source>
        <translation>所有主机（已筛选）</translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Open a terminal on the selected rows' hosts</source>
        <translation>在所选行的主机上打开终端</translation>
    </message>
</context>
<context>
    <name>Chorus::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Default &amp;fanout:</source>
        <translation>默认并发数(&amp;F)：</translation>
    </message>
    <message>
        <source>Default &amp;command timeout:</source>
        <translation>默认命令超时(&amp;C)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程数(&amp;W)：</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>每个核心一个</translation>
    </message>
    <message>
        <source>Output &amp;kept per host and stream:</source>
        <translation>每台主机每个输出流保留(&amp;K)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Output &amp;shown per host:</source>
        <translation>每台主机显示的输出(&amp;S)：</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Keep run &amp;history for:</source>
        <translation>运行历史保留(&amp;H)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> 次运行</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>询问我</translation>
    </message>
    <message>
        <source>Accept new keys, refuse changed ones</source>
        <translation>接受新密钥，拒绝已变更的密钥</translation>
    </message>
    <message>
        <source>Strict: refuse unknown keys</source>
        <translation>严格：拒绝未知密钥</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Unknown host keys</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the window and the command line; applies when Chorus starts again</source>
        <translation>窗口和命令行使用的语言；Chorus 重新启动后生效</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Light or dark colours, or the desktop's; applies when Chorus starts again</source>
        <translation>浅色、深色或跟随桌面；Chorus 重新启动后生效</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>配色(&amp;O)：</translation>
    </message>
    <message>
        <source>Restart Chorus to see the new language and colours. Open sessions are not affected until then.</source>
        <translation>重新启动 Chorus 后才会使用新的语言和配色。在此之前，已打开的会话不受影响。</translation>
    </message>
    <message>
        <source>Language and colours apply after a restart of Chorus.</source>
        <translation>语言和配色在 Chorus 重新启动后生效。</translation>
    </message>
    <message>
        <source> hosts</source>
        <translation> 台主机</translation>
    </message>
    <message>
        <source>never ask</source>
        <translation>从不询问</translation>
    </message>
    <message>
        <source>&amp;Ask before running on more than:</source>
        <translation>运行前确认，当主机数超过(&amp;A)：</translation>
    </message>
    <message>
        <source>Co&amp;nnect timeout:</source>
        <translation>连接超时(&amp;N)：</translation>
    </message>
    <message>
        <source>Kee&amp;palive interval:</source>
        <translation>保活间隔(&amp;P)：</translation>
    </message>
    <message>
        <source>Close &amp;idle connections after:</source>
        <translation>空闲连接关闭时间(&amp;I)：</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>最多保留(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Unknown host keys:</source>
        <translation>未知主机密钥(&amp;U)：</translation>
    </message>
    <message>
        <source>Terminal scroll&amp;back:</source>
        <translation>终端回滚行数(&amp;B)：</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>Terminal text si&amp;ze:</source>
        <translation>终端字号(&amp;Z)：</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>as the window</source>
        <translation>与窗口相同</translation>
    </message>
</context>
<context>
    <name>Chorus::SnippetDialog</name>
    <message>
        <source>Snippets</source>
        <translation>命令片段</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>New snippet</source>
        <translation>新命令片段</translation>
    </message>
</context>
<context>
    <name>Chorus::SnippetParameterDialog</name>
    <message>
        <source>Snippet Parameters</source>
        <translation>代码片段参数</translation>
    </message>
    <message>
        <source>Put in the command as typed: quote it yourself if it has spaces that are not meant to split words</source>
        <translation>按输入原样放入命令：若其中的空格不是用来分隔单词，请自行加引号</translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalGroup</name>
    <message>
        <source>Type to All</source>
        <translation>输入到全部</translation>
    </message>
    <message>
        <source>What is typed into the focused terminal also goes to every terminal of this tab that receives (Ctrl+Shift+A)</source>
        <translation>在当前终端输入的内容也会发送到本标签页中所有接收的终端 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>This One Only</source>
        <translation>仅此终端</translation>
    </message>
    <message>
        <source>Typing goes to the focused terminal alone, while Type to All stays set (Ctrl+Shift+O)</source>
        <translation>输入只发送到当前终端，“输入到全部”保持开启 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message numerus="yes">
        <source>Terminals: %1 and %n more</source>
        <translation>
            <numerusform>终端：%1 等另外 %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste into several terminals</source>
        <translation>粘贴到多个终端</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n line(s) into %1 terminals?</source>
        <translation>
            <numerusform>将 %n 行粘贴到 %1 个终端？</numerusform>
        </translation>
    </message>
    <message>
        <source>Each line runs as a command on every host that receives.</source>
        <translation>每一行都会在所有接收的主机上作为命令执行。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Typing goes to the focused terminal only.</source>
        <translation>输入只发送到当前终端。</translation>
    </message>
    <message numerus="yes">
        <source>Typing goes to %1 of %n terminal(s).</source>
        <translation>
            <numerusform>输入发送到 %n 个终端中的 %1 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalTile</name>
    <message>
        <source>Receives</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Typing to all reaches this terminal</source>
        <translation>“输入到全部”会发送到此终端</translation>
    </message>
    <message>
        <source>Receives typing to all: %1</source>
        <translation>接收输入到全部：%1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Write what this host sends to a file</source>
        <translation>将此主机发送的内容写入文件</translation>
    </message>
    <message>
        <source>Session log: %1</source>
        <translation>会话日志：%1</translation>
    </message>
    <message>
        <source>Log as Plain Text...</source>
        <translation>记录为纯文本...</translation>
    </message>
    <message>
        <source>Log Raw, with Escape Sequences...</source>
        <translation>原样记录（含转义序列）...</translation>
    </message>
    <message>
        <source>Stop Logging</source>
        <translation>停止记录</translation>
    </message>
    <message>
        <source>Maximise: %1</source>
        <translation>最大化：%1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Reconnect: %1</source>
        <translation>重新连接：%1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message>
        <source>%1: waiting for the host key to be accepted</source>
        <translation>%1：等待接受主机密钥</translation>
    </message>
    <message>
        <source>%1: authenticating</source>
        <translation>%1：正在认证</translation>
    </message>
    <message>
        <source>%1: waiting for a password</source>
        <translation>%1：等待密码</translation>
    </message>
    <message>
        <source>%1: connecting</source>
        <translation>%1：正在连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>the shell was killed by signal %1</source>
        <translation>shell 被信号 %1 终止</translation>
    </message>
    <message>
        <source>the shell ended with exit status %1</source>
        <translation>shell 已退出，退出状态 %1</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <source>Show every terminal of the group again (Ctrl+Shift+Enter)</source>
        <translation>重新显示本组的所有终端 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Show only this terminal (Ctrl+Shift+Enter)</source>
        <translation>只显示此终端 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Session log for %1</source>
        <translation>%1 的会话日志</translation>
    </message>
    <message>
        <source>%1 (logging)</source>
        <translation>%1（记录中）</translation>
    </message>
    <message>
        <source>Logging to %1</source>
        <translation>正在记录到 %1</translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalView</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Terminal scrollback</source>
        <translation>终端回滚缓冲区</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Scrollback</source>
        <translation>清除回滚缓冲区(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Chorus::TransferDialog</name>
    <message>
        <source>&amp;Push: copy local files to the hosts</source>
        <translation>推送(&amp;P)：将本地文件复制到主机</translation>
    </message>
    <message>
        <source>P&amp;ull: collect a file or folder from the hosts</source>
        <translation>拉取(&amp;U)：从主机收集文件或文件夹</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verify with SHA-256 after writing (runs sha256sum on the host)</source>
        <translation>写入后用 SHA-256 校验(&amp;V)（在主机上运行 sha256sum）</translation>
    </message>
    <message numerus="yes">
        <source>Copy Files on %n Host(s)</source>
        <translation>
            <numerusform>在 %n 台主机上复制文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Local files and folders to send</source>
        <translation>要发送的本地文件和文件夹</translation>
    </message>
    <message>
        <source>Add &amp;Files...</source>
        <translation>添加文件(&amp;F)...</translation>
    </message>
    <message>
        <source>Add F&amp;older...</source>
        <translation>添加文件夹(&amp;O)...</translation>
    </message>
    <message>
        <source>/tmp or ~/bin: an existing folder on every host</source>
        <translation>/tmp 或 ~/bin：每台主机上都已存在的文件夹</translation>
    </message>
    <message>
        <source>Remote folder</source>
        <translation>远程文件夹</translation>
    </message>
    <message>
        <source>Local files:</source>
        <translation>本地文件：</translation>
    </message>
    <message>
        <source>/var/log/syslog or /etc/nginx</source>
        <translation>/var/log/syslog 或 /etc/nginx</translation>
    </message>
    <message>
        <source>Remote file or folder</source>
        <translation>远程文件或文件夹</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Each host's copy goes into a subfolder named after the host</source>
        <translation>每台主机的副本放入以该主机命名的子文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Into local folder:</source>
        <translation>存入本地文件夹(&amp;I)：</translation>
    </message>
    <message>
        <source>When the file exists</source>
        <translation>文件已存在时</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace it if size or time differ</source>
        <translation>大小或时间不同时替换</translation>
    </message>
    <message>
        <source>Keep it (skip the file)</source>
        <translation>保留（跳过该文件）</translation>
    </message>
    <message>
        <source>When a file &amp;exists:</source>
        <translation>文件已存在时(&amp;E)：</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>收集到文件夹</translation>
    </message>
    <message>
        <source>Files to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>Folder to send</source>
        <translation>要发送的文件夹</translation>
    </message>
    <message>
        <source>Add the files or folders to send.</source>
        <translation>请添加要发送的文件或文件夹。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Name the remote folder the files go into.</source>
        <translation>请指定存放文件的远程文件夹。</translation>
    </message>
    <message>
        <source>Name the remote file or folder to collect.</source>
        <translation>请指定要收集的远程文件或文件夹。</translation>
    </message>
    <message>
        <source>Choose the local folder to collect into.</source>
        <translation>请选择用于收集的本地文件夹。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Remote fol&amp;der:</source>
        <translation>远程文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>Remote pa&amp;th:</source>
        <translation>远程路径(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 不是目录</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>无法在 %1 中写入：%2</translation>
    </message>
</context>
<context>
    <name>ClusterShellImporter</name>
    <message>
        <source>group "%1" is defined again (first on line %2); this one is ignored</source>
        <translation>分组“%1”被重复定义（首次定义在第 %2 行）；忽略此处的定义</translation>
    </message>
    <message>
        <source>group "%1" includes itself</source>
        <translation>分组“%1”包含了它自己</translation>
    </message>
    <message>
        <source>set operators (!, &amp;, ^) are not supported; group "%1" imported empty</source>
        <translation>不支持集合运算符（!、&amp;、^）；分组“%1”导入为空</translation>
    </message>
    <message>
        <source>unknown group "%1"</source>
        <translation>未知的分组“%1”</translation>
    </message>
    <message>
        <source>bad node name "%1"</source>
        <translation>节点名“%1”无效</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>expected group sources ("source: {group: nodes}")</source>
        <translation>应为分组来源（“source: {group: nodes}”）</translation>
    </message>
    <message>
        <source>expected a group source holding "group: nodes" entries</source>
        <translation>应为包含“group: nodes”条目的分组来源</translation>
    </message>
    <message>
        <source>a group name must be text</source>
        <translation>分组名必须是文本</translation>
    </message>
    <message>
        <source>group "%1": only node sets can be listed</source>
        <translation>分组“%1”：列表中只能是节点集</translation>
    </message>
    <message>
        <source>group "%1": expected a node set</source>
        <translation>分组“%1”：应为节点集</translation>
    </message>
    <message>
        <source>expected "group: nodes"</source>
        <translation>应为“group: nodes”</translation>
    </message>
</context>
<context>
    <name>ConfigCli</name>
    <message>
        <source>Usage: chorus config [-F FILE] [-O OPTION=VALUE]... HOST
Prints what Chorus makes of HOST from the ssh configuration, one "keyword value" line each,
the way "ssh -G HOST" prints what ssh makes of it, so that the two can be compared.
Nothing is connected to; Match exec commands do run.

  -F, --ssh-config FILE       Reads FILE (and what it includes) instead of ~/.ssh/config
                              and /etc/ssh/ssh_config, as ssh -F does; "none" reads no file.
  -O, --option OPTION=VALUE   An ssh_config line that wins over the files, as ssh -o
                              (repeatable).
  -h, --help                  Shows this text.

HOST is given as to ssh: an alias, [user@]host, or ssh://[user@]host[:port].
ProxyCommand is shown with its %-tokens expanded, where ssh -G shows them as written.
Exit status: 0 printed, 2 the host cannot be resolved, 64 bad usage.
</source>
        <translation>用法：chorus config [-F FILE] [-O OPTION=VALUE]... HOST
输出 Chorus 根据 ssh 配置为 HOST 得出的设置，每行一条 "keyword value"，
与 "ssh -G HOST" 输出 ssh 所得设置的方式相同，以便对比两者。
不会连接任何主机；但 Match exec 命令确实会运行。

  -F, --ssh-config FILE       读取 FILE（及其包含的文件），代替 ~/.ssh/config
                              和 /etc/ssh/ssh_config，与 ssh -F 相同；"none" 表示不读取任何文件。
  -O, --option OPTION=VALUE   一行 ssh_config 配置，优先于配置文件，与 ssh -o 相同
                              （可重复）。
  -h, --help                  显示此帮助文本。

HOST 的写法与 ssh 相同：别名、[user@]host 或 ssh://[user@]host[:port]。
ProxyCommand 显示时其中的 %-占位符已展开，而 ssh -G 按原样显示。
退出状态：0 已输出，2 无法解析该主机，64 用法错误。
</translation>
    </message>
    <message>
        <source>%1 (see 'chorus config --help')</source>
        <translation>%1（参见 'chorus config --help'）</translation>
    </message>
    <message>
        <source>name the host to show</source>
        <translation>请指定要显示的主机</translation>
    </message>
    <message>
        <source>give one host, not %1</source>
        <translation>只能指定一台主机，而不是 %1 台</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": no such file</source>
        <translation>无法读取 ssh 配置“%1”：没有那个文件</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": it is a directory</source>
        <translation>无法读取 ssh 配置“%1”：它是一个目录</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": %2</source>
        <translation>无法读取 ssh 配置“%1”：%2</translation>
    </message>
</context>
<context>
    <name>DurationTicker</name>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>disk full or quota exceeded</source>
        <translation>磁盘已满或超出配额</translation>
    </message>
    <message>
        <source>%1; the partial file may remain as %2</source>
        <translation>%1；未完成的文件可能仍留在 %2</translation>
    </message>
    <message>
        <source>unexpected answer from the server</source>
        <translation>服务器返回了意外的应答</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: not a directory</source>
        <translation>%1：不是目录</translation>
    </message>
    <message>
        <source>cannot create the local folder %1</source>
        <translation>无法创建本地文件夹 %1</translation>
    </message>
    <message>
        <source>%1: not a regular file or folder</source>
        <translation>%1：不是普通文件或文件夹</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1：没有那个文件或目录</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>%1: cannot create the folder: %2</source>
        <translation>%1：无法创建文件夹：%2</translation>
    </message>
    <message>
        <source>%1: the file shrank while it was being sent</source>
        <translation>%1：文件在发送过程中变小了</translation>
    </message>
    <message>
        <source>writing %1: %2</source>
        <translation>写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot set mode and time: %2</source>
        <translation>%1：无法设置权限和时间：%2</translation>
    </message>
    <message>
        <source>%1: checksum check failed: %2</source>
        <translation>%1：校验和检查失败：%2</translation>
    </message>
    <message>
        <source>%1: checksum mismatch after writing (SHA-256 here %2, there %3); the file was not put in place</source>
        <translation>%1：写入后校验和不一致（本地 SHA-256 为 %2，远端为 %3）；文件未放到目标位置</translation>
    </message>
    <message>
        <source>%1: cannot put the file in place: %2</source>
        <translation>%1：无法将文件放到目标位置：%2</translation>
    </message>
    <message>
        <source>%1: a folder is in the way</source>
        <translation>%1：该位置已有一个文件夹</translation>
    </message>
    <message>
        <source>reading %1: %2</source>
        <translation>读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: checksum mismatch after copying (SHA-256 there %2, here %3); the file was not put in place</source>
        <translation>%1：复制后校验和不一致（远端 SHA-256 为 %2，本地为 %3）；文件未放到目标位置</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>the server refused to run the checksum command</source>
        <translation>服务器拒绝运行校验和命令</translation>
    </message>
    <message>
        <source>%1 exited with status %2</source>
        <translation>%1 以状态 %2 退出</translation>
    </message>
    <message>
        <source>%1 printed no SHA-256</source>
        <translation>%1 没有输出 SHA-256</translation>
    </message>
    <message>
        <source>transfer cut: %1</source>
        <translation>传输中断：%1</translation>
    </message>
    <message>
        <source>transfer cut: %1 while copying %2</source>
        <translation>复制 %2 时传输中断：%1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 bytes)</source>
        <translation>%1（已传 %2 / %3 字节）</translation>
    </message>
    <message>
        <source>transfer stalled: no progress for %1 s</source>
        <translation>传输停滞：%1 秒没有进展</translation>
    </message>
    <message>
        <source>transfer stalled: no progress for %1 s while copying %2</source>
        <translation>复制 %2 时传输停滞：%1 秒没有进展</translation>
    </message>
    <message>
        <source>closing before the copy was complete</source>
        <translation>复制完成之前即被关闭</translation>
    </message>
    <message>
        <source>%1: folders nested more than %2 deep (the limit); stopped, as a server that lists a folder inside itself would never end</source>
        <translation>%1：文件夹嵌套超过 %2 层（上限）；已停止，因为把文件夹列在自身之内的服务器永远不会结束</translation>
    </message>
    <message>
        <source>%1: more than %2 entries in one folder (the limit); stopped</source>
        <translation>%1：一个文件夹中超过 %2 个条目（上限）；已停止</translation>
    </message>
    <message>
        <source>%1: more than %2 files and folders in all (the limit); stopped</source>
        <translation>%1：文件和文件夹总数超过 %2 个（上限）；已停止</translation>
    </message>
</context>
<context>
    <name>GatherReport</name>
    <message>
        <source>on %1</source>
        <translation>在 %1 上</translation>
    </message>
    <message>
        <source>not on %1</source>
        <translation>不在 %1 上</translation>
    </message>
    <message numerus="yes">
        <source>%n distinct line(s)</source>
        <translation>
            <numerusform>%n 个不同的行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 of them not on every host; %3 in %4</source>
        <translation>%1，其中 %2 个并非所有主机都有；%3，分为 %4</translation>
    </message>
</context>
<context>
    <name>HistoryCli</name>
    <message>
        <source>Usage: chorus history list [--json] [--command TEXT] [--host NAME] [--outcome OUTCOME]
                           [--since YYYY-MM-DD] [--limit N]
       chorus history show RUN [--json]

The runs Chorus recorded, newest first.
list: --command keeps runs whose command contains TEXT; --host runs that had the host NAME
(a name or user@host:port); --outcome runs where some host ended ok, non-zero, failed, timed-out or
cancelled; --since runs started on that day or later; --limit the N newest. --json prints one
object per run and line (run, command, started, duration_ms, hosts, ok, non_zero_exit, failed,
timed_out, cancelled).
show: each host of run RUN, how it ended and its output; --json prints one object per host and
line, as chorus run --json does.

Exit status: 0 done; 1 the history cannot be read or there is no such run; 64 bad usage.
</source>
        <translation>用法：chorus history list [--json] [--command TEXT] [--host NAME] [--outcome OUTCOME]
                           [--since YYYY-MM-DD] [--limit N]
      chorus history show RUN [--json]

Chorus 记录的运行，最新的在前。
list：--command 只保留命令包含 TEXT 的运行；--host 只保留包含主机 NAME（名称或
user@host:port）的运行；--outcome 只保留有主机以 ok、non-zero、failed、timed-out 或
cancelled 结束的运行；--since 只保留在该日期当天或之后开始的运行；--limit 只保留最近的
N 次。--json 每行输出一次运行的 JSON 对象（run、command、started、duration_ms、hosts、ok、
non_zero_exit、failed、timed_out、cancelled）。
show：运行 RUN 的每台主机、其结束方式和输出；--json 每行输出一台主机的 JSON 对象，
与 chorus run --json 相同。

退出状态：0 完成；1 无法读取历史记录或没有该次运行；64 用法错误。
</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 个成功</translation>
    </message>
    <message>
        <source>%1 non-zero</source>
        <translation>%1 个非零退出</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 个超时</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 个已取消</translation>
    </message>
    <message>
        <source>say what to do: chorus history list|show (see chorus history --help)</source>
        <translation>请指定操作：chorus history list|show（参见 chorus history --help）</translation>
    </message>
    <message>
        <source>unknown action "%1": chorus history list|show</source>
        <translation>未知操作“%1”：chorus history list|show</translation>
    </message>
    <message>
        <source>One JSON object per run.</source>
        <translation>每次运行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Command contains TEXT.</source>
        <translation>命令包含 TEXT。</translation>
    </message>
    <message>
        <source>Had the host NAME.</source>
        <translation>包含主机 NAME。</translation>
    </message>
    <message>
        <source>Some host ended so.</source>
        <translation>有主机以此结果结束。</translation>
    </message>
    <message>
        <source>Started on DATE or later.</source>
        <translation>在 DATE 当天或之后开始。</translation>
    </message>
    <message>
        <source>The N newest runs.</source>
        <translation>最近的 N 次运行。</translation>
    </message>
    <message>
        <source>list takes no arguments, only options: "%1"</source>
        <translation>list 不接受参数，只接受选项：“%1”</translation>
    </message>
    <message>
        <source>--outcome: "%1" is not one of ok, non-zero, failed, timed-out, cancelled</source>
        <translation>--outcome：“%1”不是 ok、non-zero、failed、timed-out、cancelled 之一</translation>
    </message>
    <message>
        <source>--since: "%1" is not a date like 2026-11-21</source>
        <translation>--since：“%1”不是形如 2026-11-21 的日期</translation>
    </message>
    <message>
        <source>--limit: "%1" is not a whole number of at least 1</source>
        <translation>--limit：“%1”不是大于等于 1 的整数</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4 hosts: %5  %6
</source>
        <translation>%1  %2  %3  %4 台主机：%5  %6
</translation>
    </message>
    <message>
        <source>One JSON object per host.</source>
        <translation>每台主机输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The run's number, as list shows it.</source>
        <translation>运行编号，即 list 显示的编号。</translation>
    </message>
    <message>
        <source>show takes one run number: chorus history show RUN [--json]</source>
        <translation>show 需要一个运行编号：chorus history show RUN [--json]</translation>
    </message>
    <message>
        <source>"%1" is not a run number (see chorus history list)</source>
        <translation>“%1”不是运行编号（参见 chorus history list）</translation>
    </message>
    <message>
        <source>there is no run %1 in the history</source>
        <translation>历史记录中没有运行 %1</translation>
    </message>
    <message>
        <source>Run %1: %2
Started %3, took %4, %5 hosts
</source>
        <translation>运行 %1：%2
开始于 %3，用时 %4，%5 台主机
</translation>
    </message>
    <message>
        <source> [output truncated: %1 + %2 bytes sent]</source>
        <translation> [输出已截断：共发送 %1 + %2 字节]</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1h%2m</source>
        <translation>%1时%2分</translation>
    </message>
</context>
<context>
    <name>HostCommand</name>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1: a password is needed and none was given</source>
        <translation>%1：需要密码，但没有提供</translation>
    </message>
    <message>
        <source>%1: a password is needed and none was given (stdin is not a terminal to ask on)</source>
        <translation>%1：需要密码，但没有提供（标准输入不是终端，无法询问）</translation>
    </message>
    <message>
        <source>%1: a passphrase is needed and none was given</source>
        <translation>%1：需要密钥口令，但没有提供</translation>
    </message>
    <message>
        <source>%1: a passphrase is needed and none was given (stdin is not a terminal to ask on)</source>
        <translation>%1：需要密钥口令，但没有提供（标准输入不是终端，无法询问）</translation>
    </message>
    <message>
        <source>%1: a sudo password is needed and none was given</source>
        <translation>%1：需要 sudo 密码，但没有提供</translation>
    </message>
    <message>
        <source>[sudo] password for %1 on the hosts: </source>
        <translation>[sudo] %1 在各主机上的密码：</translation>
    </message>
    <message>
        <source>%1@%2's password: </source>
        <translation>%1@%2 的密码：</translation>
    </message>
    <message>
        <source>that was refused; Enter passphrase for key '%1': </source>
        <translation>口令被拒绝；请输入密钥“%1”的口令：</translation>
    </message>
    <message>
        <source>Enter passphrase for key '%1': </source>
        <translation>请输入密钥“%1”的口令：</translation>
    </message>
    <message>
        <source>The authenticity of host '%1' can't be established.
%2 key fingerprint is %3.
Record it in %4 and connect (yes/no)? </source>
        <translation>无法确认主机“%1”的真实性。
%2 密钥指纹为 %3。
要将其记录到 %4 并连接吗？(yes/no) </translation>
    </message>
    <message>
        <source>Hosts in flight at once (default 64).</source>
        <translation>同时进行的主机数（默认 64）。</translation>
    </message>
    <message>
        <source>SSH worker threads (default: one per CPU core).</source>
        <translation>SSH 工作线程数（默认：每个 CPU 核心一个）。</translation>
    </message>
    <message>
        <source>--fanout: %1 is not a whole number of at least 1</source>
        <translation>--fanout：%1 不是大于等于 1 的整数</translation>
    </message>
    <message>
        <source>--threads: %1 is not a whole number from 1 to 256</source>
        <translation>--threads：%1 不是 1 到 256 之间的整数</translation>
    </message>
    <message>
        <source>Say how each host's connection went, as ssh -v does: the keys offered, what the server refused, retries.</source>
        <translation>像 ssh -v 一样说明每台主机的连接过程：提供了哪些密钥、服务器拒绝了什么、重试情况。</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>显示版本信息。</translation>
    </message>
    <message>
        <source>connected on attempt %1</source>
        <translation>第 %1 次尝试时连接成功</translation>
    </message>
    <message numerus="yes">
        <source>%1@%2's password (used for %1 on %n host(s)): </source>
        <translation>
            <numerusform>%1@%2 的密码（用于 %n 台主机上的 %1）： </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1@%2: %3 (used for %1 on %n host(s)) </source>
        <translation>
            <numerusform>%1@%2：%3（用于 %n 台主机上的 %1） </numerusform>
        </translation>
    </message>
    <message>
        <source>that was refused; %1</source>
        <translation>被拒绝；%1</translation>
    </message>
</context>
<context>
    <name>HostJob</name>
    <message>
        <source>not started: another host failed first (fail-fast)</source>
        <translation>未开始：已有其他主机先失败（fail-fast）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>HostOptions</name>
    <message>
        <source>Read hosts from FILE, one [user@]host[:port] per line; # starts a comment. May be given several times.</source>
        <translation>从 FILE 读取主机，每行一个 [user@]host[:port]；# 开始注释。可多次指定。</translation>
    </message>
    <message>
        <source>OpenSSH client config to read instead of ~/.ssh/config.</source>
        <translation>代替 ~/.ssh/config 读取的 OpenSSH 客户端配置文件。</translation>
    </message>
    <message>
        <source>Give up connecting to a host after SEC seconds (default 10), where the ssh config sets no ConnectTimeout for it; 0: no limit.</source>
        <translation>连接主机 SEC 秒后放弃（默认 10），仅用于 ssh 配置未设置 ConnectTimeout 的主机；0：不限制。</translation>
    </message>
    <message>
        <source>What to do with a host key known_hosts does not list, where the ssh config sets no StrictHostKeyChecking for the host: strict (refuse; the default) or accept-new (record it and go on). A changed key is always refused.</source>
        <translation>对 known_hosts 中没有的主机密钥如何处理（仅用于 ssh 配置未设置 StrictHostKeyChecking 的主机）：strict（拒绝；默认）或 accept-new（记录并继续）。已更改的密钥总是被拒绝。</translation>
    </message>
    <message>
        <source>cannot read hosts file %1: it is a directory</source>
        <translation>无法读取主机文件 %1：它是一个目录</translation>
    </message>
    <message>
        <source>cannot read hosts file %1: %2</source>
        <translation>无法读取主机文件 %1：%2</translation>
    </message>
    <message>
        <source>%1: one [user@]host[:port] per line, not %2</source>
        <translation>%1：每行应为一个 [user@]host[:port]，而不是 %2</translation>
    </message>
    <message>
        <source>--connect-timeout: %1 is not a number of seconds</source>
        <translation>--connect-timeout：%1 不是秒数</translation>
    </message>
    <message>
        <source>--host-keys: %1 is neither strict nor accept-new</source>
        <translation>--host-keys：%1 既不是 strict 也不是 accept-new</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: no such file</source>
        <translation>无法读取 ssh 配置 %1：没有那个文件</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: it is a directory</source>
        <translation>无法读取 ssh 配置 %1：它是一个目录</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: %2</source>
        <translation>无法读取 ssh 配置 %1：%2</translation>
    </message>
    <message>
        <source>bad host %1: %2</source>
        <translation>无效的主机 %1：%2</translation>
    </message>
    <message>
        <source>no hosts to run on: name them with -w or -H</source>
        <translation>没有要运行的主机：请用 -w 或 -H 指定</translation>
    </message>
    <message>
        <source>Hosts to run on, comma-separated: [user@]host[:port], an ssh_config alias, a range like web[01-20,33].example.com, or @group. May be given several times. There is no -p: a port goes with its host (db:2222), or to every host with -O Port=2222.</source>
        <translation>要运行的主机，以逗号分隔：[user@]host[:port]、ssh_config 别名、范围（如 web[01-20,33].example.com）或 @group。可多次给出。没有 -p：端口跟在主机后面（db:2222），或用 -O Port=2222 用于所有主机。</translation>
    </message>
    <message>
        <source>Leave out these hosts: names, ranges, @groups or patterns with * and ?, comma-separated. May be given several times.</source>
        <translation>排除这些主机：名称、范围、@group 或含 * 和 ? 的模式，以逗号分隔。可多次给出。</translation>
    </message>
    <message>
        <source>Run on N hosts picked at random from the rest.</source>
        <translation>从其余主机中随机挑选 N 台运行。</translation>
    </message>
    <message>
        <source>Log in as USER on every host, as ssh -l (wins over user@ and the ssh config).</source>
        <translation>在每台主机上以 USER 登录，同 ssh -l（优先于 user@ 和 ssh 配置）。</translation>
    </message>
    <message>
        <source>An ssh_config option for this run, as ssh -o: Port=2222, "IdentityFile ~/.ssh/deploy". Wins over the config files. May be given several times.</source>
        <translation>本次运行的 ssh_config 选项，同 ssh -o：Port=2222、"IdentityFile ~/.ssh/deploy"。优先于配置文件。可多次给出。</translation>
    </message>
    <message>
        <source>--exclude: %1 matched none of the hosts</source>
        <translation>--exclude：%1 没有匹配任何主机</translation>
    </message>
    <message>
        <source>no hosts left to run on after --exclude</source>
        <translation>--exclude 之后没有剩下要运行的主机</translation>
    </message>
    <message>
        <source>--pick: %1 is not a whole number of at least 1</source>
        <translation>--pick：%1 不是不小于 1 的整数</translation>
    </message>
    <message>
        <source>--user: %1 is not a user name</source>
        <translation>--user：%1 不是用户名</translation>
    </message>
</context>
<context>
    <name>HostResult</name>
    <message>
        <source>exit status %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>exited without a status</source>
        <translation>退出时没有返回状态</translation>
    </message>
    <message>
        <source>killed by signal %1 (core dumped)</source>
        <translation>被信号 %1 终止（已转储核心）</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>timed out: %1</source>
        <translation>超时：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>HostSet</name>
    <message>
        <source>empty range</source>
        <translation>范围为空</translation>
    </message>
    <message>
        <source>empty element</source>
        <translation>元素为空</translation>
    </message>
    <message>
        <source>"%1" has too many bounds</source>
        <translation>“%1”的边界过多</translation>
    </message>
    <message>
        <source>"%1" has no start</source>
        <translation>“%1”缺少起始值</translation>
    </message>
    <message>
        <source>"%1" has no end</source>
        <translation>“%1”缺少结束值</translation>
    </message>
    <message>
        <source>"%1" is too long a number</source>
        <translation>“%1”这个数字太长</translation>
    </message>
    <message>
        <source>"%1" is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>"%1" and "%2" are zero-padded to different widths</source>
        <translation>“%1”和“%2”补零后的宽度不同</translation>
    </message>
    <message>
        <source>step "%1" is not a number above 0</source>
        <translation>步长“%1”不是大于 0 的数字</translation>
    </message>
    <message>
        <source>start is greater than end</source>
        <translation>起始值大于结束值</translation>
    </message>
    <message>
        <source>unbalanced "]" at character %1 of "%2"</source>
        <translation>“%2”的第 %1 个字符处有不配对的“]”</translation>
    </message>
    <message>
        <source>unbalanced "[" in "%1": missing "]"</source>
        <translation>“%1”中的“[”不配对：缺少“]”</translation>
    </message>
    <message>
        <source>nested "[" at character %1 of "%2"</source>
        <translation>“%2”的第 %1 个字符处有嵌套的“[”</translation>
    </message>
    <message>
        <source>malformed range "%1" in "%2": %3</source>
        <translation>“%2”中的范围“%1”格式错误：%3</translation>
    </message>
    <message>
        <source>range "%1" in "%2" gives %3 names, more than the %4 allowed (a typo?)</source>
        <translation>“%2”中的范围“%1”产生 %3 个名称，超过允许的 %4 个（是否输入有误？）</translation>
    </message>
    <message>
        <source>"%1" gives %2 names, more than the %3 allowed (a typo?)</source>
        <translation>“%1”产生 %2 个名称，超过允许的 %3 个（是否输入有误？）</translation>
    </message>
    <message>
        <source>empty item next to the comma at character %1 of "%2"</source>
        <translation>“%2”第 %1 个字符处的逗号旁边是空项</translation>
    </message>
    <message>
        <source>"%1" gives more than the %2 names allowed (a typo?)</source>
        <translation>“%1”产生的名称超过允许的 %2 个（是否输入有误？）</translation>
    </message>
</context>
<context>
    <name>HostsCli</name>
    <message>
        <source>Usage: chorus hosts COMMAND ...
Keeps the host profiles Chorus connects to (the same list as the window shows).

  list [--json] [EXPRESSION]     Lists the hosts, or those an expression names.
  add NAME --host HOST [options] Adds a host:
        --port P  --user U  --group PATH  --tag T (repeatable)
        --auth agent|key|password|keyboard-interactive  --key FILE
        --jump HOST|PROFILE  --sudo  --notes TEXT
  import FILE [--format F] [--group PATH] [--dry-run]
                                 Imports hosts from FILE; F is ssh-config, pssh,
                                 clustershell, ansible or chorus (guessed when left out).
                                 Hosts already there (same user, host, port) are merged.
  export FILE                    Writes every host to FILE (no passwords: those stay in
                                 the keychain).
  remove NAME|ID|EXPRESSION...   Removes hosts and their stored passwords.

Expressions: @GROUP (with subgroups), @tag:TAG, @* (all), or a host's name or id.
Exit status: 0 done, 1 failed, 2 imported with some lines skipped, 64 bad usage.
</source>
        <translation>用法：chorus hosts 子命令 ...
管理 Chorus 连接的主机配置（与窗口中显示的是同一个列表）。

  list [--json] [EXPRESSION]     列出所有主机，或表达式指定的主机。
  add NAME --host HOST [选项]    添加一台主机：
        --port P  --user U  --group PATH  --tag T（可重复）
        --auth agent|key|password|keyboard-interactive  --key FILE
        --jump HOST|PROFILE  --sudo  --notes TEXT
  import FILE [--format F] [--group PATH] [--dry-run]
                                 从 FILE 导入主机；F 为 ssh-config、pssh、
                                 clustershell、ansible 或 chorus（省略时自动判断）。
                                 已有的主机（用户、主机、端口相同）会被合并。
  export FILE                    将所有主机写入 FILE（不含密码：密码保留在
                                 密钥环中）。
  remove NAME|ID|EXPRESSION...   移除主机及其保存的密码。

表达式：@GROUP（含子分组）、@tag:TAG、@*（全部），或主机的名称或 id。
退出状态：0 完成，1 失败，2 已导入但跳过了部分行，64 用法错误。
</translation>
    </message>
    <message>
        <source>%1: %2 (see 'chorus hosts --help')</source>
        <translation>%1：%2（参见 'chorus hosts --help'）</translation>
    </message>
    <message>
        <source>give at most one expression</source>
        <translation>最多只能给出一个表达式</translation>
    </message>
    <message>
        <source>No hosts yet: add one with 'chorus hosts add NAME --host HOST' or import a file with 'chorus hosts import FILE'.</source>
        <translation>还没有主机：用 'chorus hosts add NAME --host HOST' 添加，或用 'chorus hosts import FILE' 导入文件。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>missing the host's NAME</source>
        <translation>缺少主机的 NAME</translation>
    </message>
    <message>
        <source>unexpected "%1" after the name</source>
        <translation>名称后出现意外的“%1”</translation>
    </message>
    <message>
        <source>--host is required</source>
        <translation>必须提供 --host</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>--host takes a host name only; give --user and --port separately</source>
        <translation>--host 只接受主机名；请另外用 --user 和 --port 指定用户和端口</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>--user: bad user name "%1"</source>
        <translation>--user：无效的用户名“%1”</translation>
    </message>
    <message>
        <source>--auth must be agent, key, password or keyboard-interactive</source>
        <translation>--auth 必须是 agent、key、password 或 keyboard-interactive</translation>
    </message>
    <message>
        <source>--auth key needs --key FILE</source>
        <translation>--auth key 需要 --key FILE</translation>
    </message>
    <message>
        <source>a host named "%1" already exists (id %2)</source>
        <translation>名为“%1”的主机已存在（id %2）</translation>
    </message>
    <message>
        <source>missing the FILE to import</source>
        <translation>缺少要导入的 FILE</translation>
    </message>
    <message>
        <source>give one FILE at a time</source>
        <translation>一次只能给出一个 FILE</translation>
    </message>
    <message>
        <source>unknown format "%1" (one of %2)</source>
        <translation>未知格式“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>cannot tell the format of %1; give --format</source>
        <translation>无法判断 %1 的格式；请用 --format 指定</translation>
    </message>
    <message>
        <source>Reading %1 as %2 (choose with --format).</source>
        <translation>按 %2 格式读取 %1（可用 --format 指定）。</translation>
    </message>
    <message>
        <source>Would import %1 hosts from %2: %3 new, %4 merged with hosts already there.</source>
        <translation>将从 %2 导入 %1 台主机：%3 台新主机，%4 台与已有主机合并。</translation>
    </message>
    <message>
        <source>Imported %1 hosts from %2: %3 new, %4 merged with hosts already there.</source>
        <translation>已从 %2 导入 %1 台主机：%3 台新主机，%4 台与已有主机合并。</translation>
    </message>
    <message>
        <source>give one FILE to write</source>
        <translation>请给出一个要写入的 FILE</translation>
    </message>
    <message>
        <source>Exported %1 hosts to %2.</source>
        <translation>已将 %1 台主机导出到 %2。</translation>
    </message>
    <message>
        <source>name the hosts to remove</source>
        <translation>请指定要移除的主机</translation>
    </message>
    <message>
        <source>; nothing was removed</source>
        <translation>；未移除任何主机</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: "%1" went through a removed host as its jump host; it cannot be reached until it gets another one</source>
        <translation>chorus hosts remove：警告：“%1”以一台已移除的主机作为跳板机；在设置新的跳板机之前将无法连接</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: the stored passwords of "%1" could not be deleted: %2</source>
        <translation>chorus hosts remove：警告：无法删除“%1”保存的密码：%2</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: the keychain did not answer; stored passwords may remain</source>
        <translation>chorus hosts remove：警告：密钥环没有响应；保存的密码可能仍然存在</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n host(s).</source>
        <translation>
            <numerusform>已移除 %n 台主机。</numerusform>
        </translation>
    </message>
    <message>
        <source>missing command: list, add, import, export or remove</source>
        <translation>缺少子命令：list、add、import、export 或 remove</translation>
    </message>
    <message>
        <source>unknown command "%1" (list, add, import, export or remove)</source>
        <translation>未知子命令“%1”（list、add、import、export 或 remove）</translation>
    </message>
    <message>
        <source>Print only names, one per line: the hosts' names, then every group as @GROUP and every tag as @tag:TAG.</source>
        <translation>只输出名称，每行一个：先是主机名，然后是每个组（@GROUP）和每个标签（@tag:TAG）。</translation>
    </message>
    <message>
        <source>give --json or --names, not both</source>
        <translation>请给出 --json 或 --names，不要同时给出</translation>
    </message>
</context>
<context>
    <name>InputPump</name>
    <message>
        <source>cannot read stdin: %1</source>
        <translation>无法读取 stdin：%1</translation>
    </message>
</context>
<context>
    <name>InterruptHandler</name>
    <message>
        <source>chorus: a third signal: stopping at once, without cleaning up
</source>
        <translation>chorus：第三次收到信号：立即停止，不做清理
</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot keep a copy of %1 as %1.old</source>
        <translation>无法把 %1 的副本保存为 %1.old</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1 for writing: %2</source>
        <translation>无法打开 %1 进行写入：%2</translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot record the key of %1 in %2: the name, key type or key is not one known_hosts can hold</source>
        <translation>无法将 %1 的密钥记录到 %2：该名称、密钥类型或密钥无法保存在 known_hosts 中</translation>
    </message>
    <message>
        <source>the key for %1 is marked @revoked in %2 line %3; refused</source>
        <translation>%1 的密钥在 %2 第 %3 行被标记为 @revoked；已拒绝</translation>
    </message>
    <message>
        <source>another key for %1 was recorded in %2 line %3 meanwhile; refused</source>
        <translation>与此同时，%2 第 %3 行已记录了 %1 的另一个密钥；已拒绝</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>two hosts would write the same files %1.*</source>
        <translation>两台主机会写入同一组文件 %1.*</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>OutputNormalizer</name>
    <message>
        <source>%1 at position %2</source>
        <translation>%1（位置 %2）</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>"%1" is not a string</source>
        <translation>“%1”不是字符串</translation>
    </message>
    <message>
        <source>missing or malformed "id"</source>
        <translation>“id”缺失或格式错误</translation>
    </message>
    <message>
        <source>no "hostname"</source>
        <translation>没有“hostname”</translation>
    </message>
    <message>
        <source>unknown "auth" value "%1"</source>
        <translation>未知的“auth”值“%1”</translation>
    </message>
    <message>
        <source>"port" is not a number from 1 to 65535</source>
        <translation>“port”不是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>"tags" is not a list</source>
        <translation>“tags”不是列表</translation>
    </message>
    <message>
        <source>"tags" holds something that is not a string</source>
        <translation>“tags”中有不是字符串的内容</translation>
    </message>
    <message>
        <source>"useSudo" is not true or false</source>
        <translation>“useSudo”不是 true 或 false</translation>
    </message>
    <message>
        <source>"connectTimeoutMs" is not a number of milliseconds</source>
        <translation>“connectTimeoutMs”不是毫秒数</translation>
    </message>
    <message>
        <source>unknown "hostKeyPolicy" value</source>
        <translation>未知的“hostKeyPolicy”值</translation>
    </message>
    <message>
        <source>"jumpHandshakes" is not a number from 1 to 1000</source>
        <translation>“jumpHandshakes”不是 1 到 1000 之间的数字</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message numerus="yes">
        <source>Chorus started from the backup %1 (saved %2, %n host(s)): changes made after that are not in the list.</source>
        <translation>
            <numerusform>Chorus 已从备份 %1 启动（保存于 %2，%n 台主机）：之后所做的更改不在列表中。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no usable backup, so the host list starts empty.</source>
        <translation>没有可用的备份，因此主机列表从空白开始。</translation>
    </message>
    <message>
        <source>The host list %1 is missing. </source>
        <translation>主机列表 %1 不见了。</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>无法读取它：%1</translation>
    </message>
    <message>
        <source>Your host list %1 could not be used: %2. </source>
        <translation>无法使用您的主机列表 %1：%2。</translation>
    </message>
    <message>
        <source>It was left as it is. </source>
        <translation>它保持原样未动。</translation>
    </message>
    <message>
        <source>It was kept unchanged as %1. </source>
        <translation>它已原样保存为 %1。</translation>
    </message>
    <message>
        <source>It could not be moved aside (%1), so Chorus will not save changes to the host list until the file is moved or repaired. </source>
        <translation>无法将它移到一旁（%1），因此在移走或修复该文件之前，Chorus 不会保存对主机列表的更改。</translation>
    </message>
    <message>
        <source>Could not save the host list to %1: %2. The file on disk is unchanged.</source>
        <translation>无法把主机列表保存到 %1：%2。磁盘上的文件保持不变。</translation>
    </message>
    <message>
        <source>the existing file could not be read and is kept as it is</source>
        <translation>现有文件无法读取，已保持原样</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot read the current file to back it up (%1)</source>
        <translation>无法读取当前文件以进行备份（%1）</translation>
    </message>
    <message>
        <source>another program changed it since Chorus read it; load it again and repeat the change</source>
        <translation>Chorus 读取之后有其他程序修改了它；请重新加载后再做一次更改</translation>
    </message>
    <message>
        <source>cannot write the backup %1 (%2)</source>
        <translation>无法写入备份 %1（%2）</translation>
    </message>
    <message>
        <source>Could not export the host list to %1: %2</source>
        <translation>无法把主机列表导出到 %1：%2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>它不是有效的 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 对象</translation>
    </message>
    <message>
        <source>it has no "schema" version number</source>
        <translation>它没有“schema”版本号</translation>
    </message>
    <message>
        <source>it was written by a newer version of Chorus (file format %1; this version reads up to %2)</source>
        <translation>它由更新版本的 Chorus 写入（文件格式 %1；此版本最多只能读取 %2）</translation>
    </message>
    <message>
        <source>"groups" is not a list</source>
        <translation>“groups”不是列表</translation>
    </message>
    <message>
        <source>"groups" holds something that is not a string</source>
        <translation>“groups”中有不是字符串的内容</translation>
    </message>
    <message>
        <source>"profiles" is not a list</source>
        <translation>“profiles”不是列表</translation>
    </message>
    <message>
        <source>profile %1 is not a JSON object</source>
        <translation>第 %1 个主机配置不是 JSON 对象</translation>
    </message>
    <message>
        <source>profile %1: %2</source>
        <translation>第 %1 个主机配置：%2</translation>
    </message>
    <message>
        <source>profile %1: id %2 is used twice</source>
        <translation>第 %1 个主机配置：id %2 被重复使用</translation>
    </message>
</context>
<context>
    <name>ProxyProcess</name>
    <message>
        <source>cannot start the ProxyCommand: %1</source>
        <translation>无法启动 ProxyCommand：%1</translation>
    </message>
    <message>
        <source>cannot start the ProxyCommand with %1: %2</source>
        <translation>无法用 %1 启动 ProxyCommand：%2</translation>
    </message>
</context>
<context>
    <name>PsshImporter</name>
    <message numerus="yes">
        <source>expected "[user@]host[:port] [user]", found %n fields</source>
        <translation>
            <numerusform>应为“[user@]host[:port] [user]”，却有 %n 个字段</numerusform>
        </translation>
    </message>
    <message>
        <source>two different users ("%1" and "%2")</source>
        <translation>两个不同的用户（“%1”和“%2”）</translation>
    </message>
    <message>
        <source>bad user name "%1"</source>
        <translation>用户名“%1”无效</translation>
    </message>
</context>
<context>
    <name>RemoteCommand</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the server refused to run the command: %1</source>
        <translation>服务器拒绝运行该命令：%1</translation>
    </message>
    <message>
        <source>the channel closed without an exit status</source>
        <translation>通道已关闭，没有退出状态</translation>
    </message>
    <message>
        <source>sudo refused the password</source>
        <translation>sudo 拒绝了密码</translation>
    </message>
    <message>
        <source>no sudo password given</source>
        <translation>未提供 sudo 密码</translation>
    </message>
    <message>
        <source>command timeout (%1 s)</source>
        <translation>命令超时（%1 秒）</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>the server refused a session channel: %1</source>
        <translation>服务器拒绝打开会话通道：%1</translation>
    </message>
    <message>
        <source>the server refused a terminal (PTY): %1</source>
        <translation>服务器拒绝了终端（PTY）：%1</translation>
    </message>
    <message>
        <source>the server did not accept the variable %1 (see AcceptEnv in its sshd_config)</source>
        <translation>服务器不接受变量 %1（参见其 sshd_config 中的 AcceptEnv）</translation>
    </message>
    <message>
        <source>the server refused a shell: %1</source>
        <translation>服务器拒绝了 shell：%1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>RunCli</name>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>The shell command to run on every host. Options come first.</source>
        <translation>要在每台主机上运行的 shell 命令。选项须放在前面。</translation>
    </message>
    <message>
        <source>Stop the command on a host after SEC seconds (default: no limit).</source>
        <translation>命令在主机上运行 SEC 秒后停止（默认：不限制）。</translation>
    </message>
    <message>
        <source>Also write every byte to DIR/HOST.out and DIR/HOST.err, and the exit status (or the error) to DIR/HOST.exit. With --repeat, each round writes to DIR/round-N.</source>
        <translation>同时将所有输出写入 DIR/HOST.out 和 DIR/HOST.err，并将退出状态（或错误）写入 DIR/HOST.exit。使用 --repeat 时，每轮写入 DIR/round-N。</translation>
    </message>
    <message>
        <source>Group hosts with identical output, like clush -b.</source>
        <translation>将输出相同的主机归为一组，与 clush -b 相同。</translation>
    </message>
    <message>
        <source>Run the command K times in a row over the same connections and print each round's time on stderr.</source>
        <translation>通过相同的连接连续运行命令 K 次，并在 stderr 上输出每轮的用时。</translation>
    </message>
    <message>
        <source>Run the command under sudo. The password is asked for once on the terminal (or read from the first line of stdin when that is not a terminal) and used on every host.</source>
        <translation>以 sudo 运行命令。密码只在终端上询问一次（标准输入不是终端时从其第一行读取），并用于所有主机。</translation>
    </message>
    <message>
        <source>Usage: chorus run [options] [--] COMMAND...</source>
        <translation>用法：chorus run [选项] [--] COMMAND...</translation>
    </message>
    <message>
        <source>--timeout: %1 is not a number of seconds</source>
        <translation>--timeout：%1 不是秒数</translation>
    </message>
    <message>
        <source>--repeat: %1 is not a whole number of at least 1</source>
        <translation>--repeat：%1 不是大于等于 1 的整数</translation>
    </message>
    <message>
        <source>--output-dir: the directory name is empty</source>
        <translation>--output-dir：目录名为空</translation>
    </message>
    <message>
        <source>no command given: chorus run [options] [--] COMMAND</source>
        <translation>未指定命令：chorus run [选项] [--] COMMAND</translation>
    </message>
    <message>
        <source>round %1/%2: %3 s, %4</source>
        <translation>第 %1/%2 轮：%3 秒，%4</translation>
    </message>
    <message>
        <source>%1; output cut at %2 bytes (stdout %3 bytes, stderr %4 bytes; -o keeps all)</source>
        <translation>%1；输出在 %2 字节处截断（stdout %3 字节，stderr %4 字节；-o 可保留全部）</translation>
    </message>
    <message>
        <source>all %1 hosts answered alike: %2</source>
        <translation>全部 %1 台主机的结果相同：%2</translation>
    </message>
    <message>
        <source>interrupted: cancelling the commands still running</source>
        <translation>已中断：正在取消仍在运行的命令</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in %1 s</source>
        <translation>
            <numerusform>%n 台主机，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in %1 s, %2 in flight</source>
        <translation>
            <numerusform>%n 台主机，用时 %1 秒，%2 台进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>%1/%2 done, %3 in flight</source>
        <translation>已完成 %1/%2，%3 台进行中</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 个成功</translation>
    </message>
    <message>
        <source>%1 exited non-zero</source>
        <translation>%1 个非零退出</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>round %1/%2: %3</source>
        <translation>第 %1/%2 轮：%3</translation>
    </message>
    <message>
        <source>--output-dir: %1</source>
        <translation>--output-dir：%1</translation>
    </message>
    <message>
        <source>still cancelling; a third interrupt stops at once</source>
        <translation>仍在取消；再中断一次将立即停止</translation>
    </message>
    <message>
        <source>Do not send stdin to the commands: each gets an empty stdin.</source>
        <translation>不把 stdin 发送给命令：每个命令得到空的 stdin。</translation>
    </message>
    <message>
        <source>Run the local script FILE on every host, sent on stdin to the interpreter its #! line names (bash -s by default); the arguments after -- are the script's. Nothing is left on the hosts.</source>
        <translation>在每台主机上运行本地脚本 FILE，通过 stdin 发送给其 #! 行指定的解释器（默认 bash -s）；-- 之后的参数归脚本所有。主机上不留下任何文件。</translation>
    </message>
    <message>
        <source>Print output lines without the "HOST: " in front.</source>
        <translation>输出的行前面不加“HOST: ”。</translation>
    </message>
    <message>
        <source>No progress line on the terminal.</source>
        <translation>终端上不显示进度行。</translation>
    </message>
    <message>
        <source>Run the command on a terminal (a PTY), for commands that need one, such as sudo with requiretty. Its stderr then comes with stdout.</source>
        <translation>在终端（PTY）上运行命令，用于需要终端的命令，例如设置了 requiretty 的 sudo。此时其 stderr 与 stdout 合在一起。</translation>
    </message>
    <message>
        <source>Set NAME=VALUE for the command (SetEnv; the server's AcceptEnv decides, and a refusal is said). Repeatable.</source>
        <translation>为命令设置 NAME=VALUE（SetEnv；由服务器的 AcceptEnv 决定，被拒绝时会说明）。可重复。</translation>
    </message>
    <message>
        <source>--env: %1 is not NAME=VALUE</source>
        <translation>--env：%1 不是 NAME=VALUE</translation>
    </message>
    <message>
        <source>--sudo: stdin ended before the password line</source>
        <translation>--sudo：stdin 在密码行之前就结束了</translation>
    </message>
    <message>
        <source>--repeat: stdin is larger than %1 MiB, too much to keep for every round; run once per round, or give the commands their input another way (-n)</source>
        <translation>--repeat：stdin 大于 %1 MiB，太大，无法为每一轮保留；请每轮运行一次，或用其他方式给命令输入（-n）</translation>
    </message>
    <message>
        <source>stdin is larger than %1 MiB, too much to keep for the hosts beyond --fanout %2; raise it to %3 to stream the input to every host at once</source>
        <translation>stdin 大于 %1 MiB，太大，无法为 --fanout %2 之外的主机保留；将其提高到 %3，即可同时把输入流式发送给每台主机</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>After the first host that does not succeed, start no more hosts (those not started are reported as such, exit status 2).</source>
        <translation>第一台主机未成功后，不再开始其他主机（未开始的主机会如实报告，退出状态 2）。</translation>
    </message>
    <message>
        <source>Runs COMMAND on every host at once over SSH and prints what came back.

Output: by default each line as it arrives, prefixed with "HOST: " (stderr lines on stderr).
-b groups hosts whose stdout, stderr and exit status are identical, largest group first.
--diff prints a unified diff of each group against the largest one that exited 0.
--matrix prints, once every host has finished, the lines of stdout that not every host printed,
most hosts first, one a line: how many hosts printed it, which ("on HOSTS", or "not on HOSTS"
when at least half did), and the line with control characters escaped; then a summary line.
Hosts whose command did not run to its end or whose output was cut are left out of it.
--json prints one JSON object per host and line, as each host finishes, with the fields host,
exit_status, signal, stdout, stderr (stdout_b64, stderr_b64 instead when not valid UTF-8),
truncated, error, duration_ms, phases_ms (ms since the run started: resolved, tcp_connected,
kex_done, host_key_checked, authenticated, channel_opened, exec_started, first_byte, exited;
null where not reached), reused_connection and connect_attempts (TCP connections it took);
with --repeat also round. After the hosts comes one more object (the only one without a host
field) with groups (hosts with identical output: hosts, hostset, count, exit_status, signal,
error, truncated) and, with --matrix, matrix (the lines not printed by every host: line or
line_b64, hosts, hostset, count), matrix_lines (distinct lines) and matrix_left_out (hosts
left out).

Exit status: 0 every command exited 0; 1 some command exited non-zero or was killed;
2 some host failed to connect or authenticate, timed out or was cancelled (Ctrl+C);
64 bad usage (nothing was connected to).

Input: when stdin is not a terminal it is sent to every host's command (read as the slowest
host takes it, at most 16 MiB ahead), then end of file; with --repeat, or more hosts than
--fanout, it is kept whole for the hosts that start later (up to 64 MiB). -n gives the commands
an empty stdin instead. With --sudo the first line of stdin is the sudo password. --script FILE
sends FILE to every host's interpreter (from its #! line; bash by default) with the arguments
after --.

Ctrl+C cancels the commands still running and prints what came back so far.</source>
        <translation>通过 SSH 在所有主机上同时运行 COMMAND，并输出返回的结果。

输出：默认每行一到达就输出，前缀为“HOST: ”（stderr 的行输出到 stderr）。
-b 将 stdout、stderr 和退出状态完全相同的主机归为一组，最大的组在前。
--diff 输出每组相对于以 0 退出的最大组的统一格式差异（unified diff）。
--matrix 在所有主机结束后，输出并非所有主机都打印了的 stdout 行，主机最多的在前，每行一条：
多少台主机打印了它、是哪些（“on HOSTS”，或至少一半打印时为“not on HOSTS”），以及转义了
控制字符的该行；最后是一行汇总。命令没有运行到结束或输出被截断的主机不计入其中。
--json 在每台主机结束时，每台主机输出一行 JSON 对象，字段为 host、
exit_status、signal、stdout、stderr（不是有效 UTF-8 时改为 stdout_b64、stderr_b64）、
truncated、error、duration_ms、phases_ms（自运行开始的毫秒数：resolved、tcp_connected、
kex_done、host_key_checked、authenticated、channel_opened、exec_started、first_byte、exited；
未到达的阶段为 null）、reused_connection 和 connect_attempts（所用的 TCP 连接数）；
使用 --repeat 时还有 round。主机之后还有一个对象（唯一没有 host 字段的对象），含 groups
（输出相同的主机：hosts、hostset、count、exit_status、signal、error、truncated），使用 --matrix
时还有 matrix（并非所有主机都打印了的行：line 或 line_b64、hosts、hostset、count）、
matrix_lines（不同行的数量）和 matrix_left_out（未计入的主机）。

退出状态：0 所有命令都以 0 退出；1 有命令以非零状态退出或被终止；
2 有主机连接或认证失败、超时或被取消（Ctrl+C）；
64 用法错误（未连接任何主机）。

输入：stdin 不是终端时，会发送给每台主机的命令（按最慢的主机读取的速度读取，最多提前 16 MiB），
然后发送文件结束；使用 --repeat 或主机数多于 --fanout 时，会完整保留给稍后开始的主机（最多 64 MiB）。
-n 让命令得到空的 stdin。使用 --sudo 时，stdin 的第一行是 sudo 密码。--script FILE 把 FILE
发送给每台主机上的解释器（取自其 #! 行；默认 bash），-- 之后的参数归脚本所有。

Ctrl+C 会取消仍在运行的命令，并输出到目前为止返回的结果。</translation>
    </message>
    <message>
        <source>Print a unified diff of every group against the largest one that exited 0.</source>
        <translation>输出每组相对于以 0 退出的最大组的统一格式差异。</translation>
    </message>
    <message>
        <source>Once every host has finished, print the lines of stdout that not every host printed, with how many and which hosts did.</source>
        <translation>所有主机结束后，输出并非所有主机都打印了的 stdout 行，以及打印它们的主机数和主机。</translation>
    </message>
    <message>
        <source>One JSON object per host and line, then one for the groups.</source>
        <translation>每台主机输出一行 JSON 对象，最后一个对象给出分组。</translation>
    </message>
    <message>
        <source>--json cannot be combined with --diff</source>
        <translation>--json 不能与 --diff 同时使用</translation>
    </message>
    <message>
        <source>left out of the matrix, without a complete output: %1</source>
        <translation>没有完整输出，未计入矩阵：%1</translation>
    </message>
</context>
<context>
    <name>RunExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Two hosts would write the same files %1.*</source>
        <translation>两台主机会写入相同的文件 %1.*</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>chorus: cannot write %1</source>
        <translation>chorus：无法写入 %1</translation>
    </message>
</context>
<context>
    <name>SessionLog</name>
    <message>
        <source>Cannot write the session log %1: %2</source>
        <translation>无法写入会话日志 %1：%2</translation>
    </message>
    <message>
        <source>Writing the session log %1 failed: %2</source>
        <translation>写入会话日志 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>SftpClient</name>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>could not open a channel: %1</source>
        <translation>无法打开通道：%1</translation>
    </message>
    <message>
        <source>the server refused the SFTP subsystem: %1</source>
        <translation>服务器拒绝了 SFTP 子系统：%1</translation>
    </message>
    <message>
        <source>the server's SFTP subsystem ended at once</source>
        <translation>服务器的 SFTP 子系统立即结束了</translation>
    </message>
    <message>
        <source>the SFTP channel closed</source>
        <translation>SFTP 通道已关闭</translation>
    </message>
    <message>
        <source>the server sent a malformed SFTP packet</source>
        <translation>服务器发送了格式错误的 SFTP 数据包</translation>
    </message>
    <message>
        <source>the server sent an unexpected SFTP greeting</source>
        <translation>服务器发送了意外的 SFTP 问候</translation>
    </message>
</context>
<context>
    <name>SftpPacket</name>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>文件结束</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>没有那个文件或目录</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不够</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>the server did not understand the request</source>
        <translation>服务器无法理解该请求</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>the server does not support this operation</source>
        <translation>服务器不支持此操作</translation>
    </message>
    <message>
        <source>SFTP error %1</source>
        <translation>SFTP 错误 %1</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <source>%1: included file %2: %3</source>
        <translation>%1：包含的文件 %2：%3</translation>
    </message>
    <message>
        <source>Include nested more than %1 deep; skipped</source>
        <translation>Include 嵌套超过 %1 层；已跳过</translation>
    </message>
    <message>
        <source>includes itself; skipped</source>
        <translation>包含了它自己；已跳过</translation>
    </message>
    <message>
        <source>bad owner or permissions (others could change it); skipped, as ssh would refuse it</source>
        <translation>所有者或权限不安全（其他人可以修改它）；已跳过，ssh 也会拒绝使用它</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>no value after "%1"</source>
        <translation>“%1”后面没有值</translation>
    </message>
    <message>
        <source>unbalanced quotes</source>
        <translation>引号不配对</translation>
    </message>
    <message>
        <source>empty Host pattern; this block will match no host</source>
        <translation>Host 模式为空；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>Include without a file name</source>
        <translation>Include 缺少文件名</translation>
    </message>
    <message>
        <source>unknown keyword "%1"</source>
        <translation>未知的关键字“%1”</translation>
    </message>
    <message>
        <source>"%1" takes one value, found %2: %3</source>
        <translation>“%1”只接受一个值，却有 %2 个：%3</translation>
    </message>
    <message>
        <source>unknown or incomplete token "%1" in %2 "%3"</source>
        <translation>%2“%3”中有未知或不完整的占位符“%1”</translation>
    </message>
    <message>
        <source>bad port "%1"</source>
        <translation>端口“%1”无效</translation>
    </message>
    <message>
        <source>empty jump host in ProxyJump "%1"</source>
        <translation>ProxyJump“%1”中有空的跳板机</translation>
    </message>
    <message>
        <source>bad time "%1" for %2</source>
        <translation>%2 的时间“%1”无效</translation>
    </message>
    <message>
        <source>bad value "%1" for %2 (yes, no, ask or accept-new)</source>
        <translation>%2 的值“%1”无效（应为 yes、no、ask 或 accept-new）</translation>
    </message>
    <message>
        <source>cannot list files for Include "%1"</source>
        <translation>无法列出 Include“%1”对应的文件</translation>
    </message>
    <message>
        <source>no host in "%1"</source>
        <translation>“%1”中没有主机</translation>
    </message>
    <message>
        <source>empty user name before "@" in "%1"</source>
        <translation>“%1”中“@”前面的用户名为空</translation>
    </message>
    <message>
        <source>bad user name "%1" in "%2"</source>
        <translation>“%2”中的用户名“%1”无效</translation>
    </message>
    <message>
        <source>missing "]" in "%1"</source>
        <translation>“%1”中缺少“]”</translation>
    </message>
    <message>
        <source>unexpected "%1" after "]" in "%2"</source>
        <translation>“%2”中“]”后面有多余的“%1”</translation>
    </message>
    <message>
        <source>bad host name "%1" in "%2"</source>
        <translation>“%2”中的主机名“%1”无效</translation>
    </message>
    <message>
        <source>bad port "%1" in "%2"</source>
        <translation>“%2”中的端口“%1”无效</translation>
    </message>
    <message>
        <source>more than %1 files read for one configuration; this Include and every later one are skipped (does a file include its own folder?)</source>
        <translation>一份配置读取的文件超过 %1 个；此 Include 及其后的所有 Include 都已跳过（是否有文件包含了它自己所在的文件夹？）</translation>
    </message>
    <message>
        <source>%1 cannot be given as an option</source>
        <translation>%1 不能通过选项指定</translation>
    </message>
    <message>
        <source>bad value "%1" for %2 (%3)</source>
        <translation>%2 的值“%1”无效（应为 %3）</translation>
    </message>
    <message>
        <source>"none" must stand alone in %1</source>
        <translation>%1 中的“none”必须单独使用</translation>
    </message>
    <message>
        <source>bad environment variable name in %1 "%2"</source>
        <translation>%1“%2”中的环境变量名无效</translation>
    </message>
    <message>
        <source>bad number "%1" for %2</source>
        <translation>%2 的数字“%1”无效</translation>
    </message>
    <message>
        <source>bad domain name "%1" in %2</source>
        <translation>%2 中的域名“%1”无效</translation>
    </message>
    <message>
        <source>bad rule "%1" in %2 (SOURCES:TARGETS)</source>
        <translation>%2 中的规则“%1”无效（应为 SOURCES:TARGETS）</translation>
    </message>
    <message>
        <source>more than %1 settings in one configuration; this line and every later one are skipped</source>
        <translation>一份配置中的设置超过 %1 条；此行及其后的所有行都已跳过</translation>
    </message>
    <message>
        <source>Match "%1" cannot be combined with other criteria; this block will match no host</source>
        <translation>Match“%1”不能与其他条件组合使用；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>unknown Match criterion "%1"; this block will match no host</source>
        <translation>未知的 Match 条件“%1”；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>Match "%1" needs a value; this block will match no host</source>
        <translation>Match“%1”需要一个值；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>unknown or incomplete token "%1" in Match exec "%2"; this block will match no host</source>
        <translation>Match exec“%2”中有未知或不完整的占位符“%1”；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>Match without criteria; this block will match no host</source>
        <translation>Match 没有任何条件；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>Match criterion "%1" is not supported by Chorus; this block will match no host</source>
        <translation>Chorus 不支持 Match 条件“%1”；此块不会匹配任何主机</translation>
    </message>
    <message>
        <source>the system configuration may not Include "%1"; skipped, as ssh would refuse it</source>
        <translation>系统配置不能 Include“%1”；已跳过，ssh 也会拒绝它</translation>
    </message>
    <message>
        <source>Match exec "%1" could not be started with %2 (%3); the block does not match</source>
        <translation>无法用 %2 启动 Match exec“%1”（%3）；该块不匹配</translation>
    </message>
    <message>
        <source>Match exec "%1" did not finish within %2 seconds; the block does not match</source>
        <translation>Match exec“%1”未在 %2 秒内结束；该块不匹配</translation>
    </message>
    <message>
        <source>Match exec "%1" ended abnormally; the block does not match</source>
        <translation>Match exec“%1”异常结束；该块不匹配</translation>
    </message>
    <message>
        <source>cannot resolve host "%1": it has no name in CanonicalDomains (%2), and CanonicalizeFallbackLocal is no</source>
        <translation>无法解析主机“%1”：在 CanonicalDomains（%2）的任何域名下都找不到它，且 CanonicalizeFallbackLocal 为 no</translation>
    </message>
    <message>
        <source>option "%1"</source>
        <translation>选项“%1”</translation>
    </message>
</context>
<context>
    <name>SshConfigImporter</name>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation>Host %1：%2</translation>
    </message>
    <message>
        <source>Host %1: ProxyCommand is not kept in profiles (a ProxyJump is); it was imported without it</source>
        <translation>Host %1：主机配置不保存 ProxyCommand（只保存 ProxyJump）；已在不含它的情况下导入</translation>
    </message>
</context>
<context>
    <name>SshConnection</name>
    <message>
        <source>connection abandoned</source>
        <translation>已放弃连接</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <source>%1 port %2: %3</source>
        <translation>%1 端口 %2：%3</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>无法连接到 %1</translation>
    </message>
    <message>
        <source>the server sent no host key</source>
        <translation>服务器没有发送主机密钥</translation>
    </message>
    <message>
        <source>unsupported host key type</source>
        <translation>不支持的主机密钥类型</translation>
    </message>
    <message>
        <source>HOST KEY CHANGED for %1 (%2): the server offers %3 %4, but %5 line %6 lists %7 %8. Refused. If the change is expected, remove the old key with `ssh-keygen -R '%2' -f %5` and connect again.</source>
        <translation>%1（%2）的主机密钥已更改：服务器提供的是 %3 %4，但 %5 第 %6 行记录的是 %7 %8。已拒绝连接。如果这一变化在预期之中，请用 `ssh-keygen -R '%2' -f %5` 删除旧密钥后重新连接。</translation>
    </message>
    <message>
        <source>the host key of %1 (%2 %3) is marked @revoked in %4 line %5; refused</source>
        <translation>%1 的主机密钥（%2 %3）在 %4 第 %5 行被标记为 @revoked；已拒绝连接</translation>
    </message>
    <message>
        <source>the host key of %1 (%2) is not known: %3 %4; refused by strict host key checking</source>
        <translation>%1（%2）的主机密钥未知：%3 %4；严格主机密钥检查已拒绝连接</translation>
    </message>
    <message>
        <source>host key not confirmed</source>
        <translation>主机密钥未获确认</translation>
    </message>
    <message>
        <source>the host key of %1 (%2 %3) was rejected</source>
        <translation>%1 的主机密钥（%2 %3）已被拒绝</translation>
    </message>
    <message>
        <source>cannot record the host key of %1: no known_hosts file</source>
        <translation>无法记录 %1 的主机密钥：没有 known_hosts 文件</translation>
    </message>
    <message>
        <source>cannot record the host key of %1: %2</source>
        <translation>无法记录 %1 的主机密钥：%2</translation>
    </message>
    <message>
        <source>publickey %1 (no passphrase)</source>
        <translation>publickey %1（没有口令）</translation>
    </message>
    <message>
        <source>authentication abandoned</source>
        <translation>已放弃认证</translation>
    </message>
    <message>
        <source>publickey %1 (no passphrase given)</source>
        <translation>publickey %1（未提供口令）</translation>
    </message>
    <message>
        <source>keyboard-interactive (no password given)</source>
        <translation>keyboard-interactive（未提供密码）</translation>
    </message>
    <message>
        <source>password (none given)</source>
        <translation>password（未提供）</translation>
    </message>
    <message>
        <source>nothing the server accepts</source>
        <translation>没有服务器接受的方式</translation>
    </message>
    <message>
        <source>permission denied for %1@%2 (server offers: %3; tried: %4)</source>
        <translation>%1@%2 的权限被拒绝（服务器提供：%3；已尝试：%4）</translation>
    </message>
    <message>
        <source>SSH error</source>
        <translation>SSH 错误</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while resolving the name</source>
        <translation>解析名称时连接超时（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while connecting</source>
        <translation>建立连接时连接超时（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while waiting for the SSH handshake</source>
        <translation>等待 SSH 握手时连接超时（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while authenticating</source>
        <translation>认证时连接超时（%1 秒）</translation>
    </message>
    <message>
        <source>known_hosts trusts a certificate authority for %1 (%2 line %3); Chorus cannot check host certificates with libssh 0.10. Accept this key by its fingerprint (%4 %5), or add it to known_hosts.</source>
        <translation>known_hosts 为 %1 信任了一个证书颁发机构（%2 第 %3 行）；Chorus 在 libssh 0.10 下无法检查主机证书。请凭指纹（%4 %5）接受此密钥，或将其添加到 known_hosts。</translation>
    </message>
    <message>
        <source>publickey %1 from the agent</source>
        <translation>来自代理的 publickey %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>the connection closed during authentication (tried: %1)</source>
        <translation>认证期间连接已关闭（已尝试：%1）</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>the server ended the connection during authentication: %1 (tried: %2)</source>
        <translation>服务器在认证期间断开了连接：%1（已尝试：%2）</translation>
    </message>
    <message>
        <source>the server ended the connection: %1</source>
        <translation>服务器断开了连接：%1</translation>
    </message>
    <message numerus="yes">
        <source>the server closed the connection before it sent its SSH banner (%n attempt(s))</source>
        <translation>
            <numerusform>服务器在发送 SSH 版本标识（banner）之前就关闭了连接（共尝试 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection failed during key exchange: %1</source>
        <translation>密钥交换期间连接失败：%1</translation>
    </message>
    <message>
        <source>the server offers only key exchange methods that libssh 0.10 does not have (%1); post-quantum sntrup761 and mlkem768 arrive in libssh 0.12</source>
        <translation>服务器只提供 libssh 0.10 不支持的密钥交换方法（%1）；后量子算法 sntrup761 和 mlkem768 要到 libssh 0.12 才提供</translation>
    </message>
    <message>
        <source>the server offers only host certificates (%1), which Chorus cannot check with libssh 0.10</source>
        <translation>服务器只提供主机证书（%1），而 Chorus 在 libssh 0.10 下无法检查主机证书</translation>
    </message>
    <message>
        <source>no algorithm in common with the server for %1 (the server offers %2)</source>
        <translation>%1 没有与服务器共同支持的算法（服务器提供的是 %2）</translation>
    </message>
    <message>
        <source>the server sent %1 KiB without an SSH banner</source>
        <translation>服务器发送了 %1 KiB 数据，却没有发出 SSH 版本标识（banner）</translation>
    </message>
    <message>
        <source>the server closed the connection during key exchange</source>
        <translation>服务器在密钥交换期间关闭了连接</translation>
    </message>
    <message>
        <source>too many open files (limit %1); raise it with ulimit -n</source>
        <translation>打开的文件过多（上限 %1）；请用 ulimit -n 提高</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while opening a channel through the jump host</source>
        <translation>通过跳板机打开通道时连接超时（%1 秒）</translation>
    </message>
    <message>
        <source>the jump host %1 could not open a channel to %2 port %3: %4</source>
        <translation>跳板机 %1 无法打开到 %2 端口 %3 的通道：%4</translation>
    </message>
    <message>
        <source>jump host %1: %2</source>
        <translation>跳板机 %1：%2</translation>
    </message>
</context>
<context>
    <name>TargetResolver</name>
    <message>
        <source>no tag name after "@tag:"</source>
        <translation>“@tag:”后面没有标签名</translation>
    </message>
    <message>
        <source>no group name after "@"</source>
        <translation>“@”后面没有分组名</translation>
    </message>
    <message>
        <source>no group "%1"</source>
        <translation>没有分组“%1”</translation>
    </message>
    <message>
        <source>group "%1" is ambiguous: %2 (write the whole path)</source>
        <translation>分组“%1”有歧义：%2（请写出完整路径）</translation>
    </message>
    <message>
        <source>empty host name</source>
        <translation>主机名为空</translation>
    </message>
    <message>
        <source>no host profile named "%1"</source>
        <translation>没有名为“%1”的主机配置</translation>
    </message>
    <message numerus="yes">
        <source>%n host profiles are named "%1"; use an id: %2</source>
        <translation>
            <numerusform>有 %n 个主机配置名为“%1”；请使用 id：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>the jump host of "%1" is a host profile that no longer exists (%2)</source>
        <translation>“%1”的跳板机是一个已不存在的主机配置（%2）</translation>
    </message>
    <message>
        <source>the jump hosts of "%1" go round in a loop</source>
        <translation>“%1”的跳板机形成了循环</translation>
    </message>
    <message>
        <source>host profile "%1": %2</source>
        <translation>主机配置“%1”：%2</translation>
    </message>
</context>
<context>
    <name>TransferCli</name>
    <message>
        <source>Copies LOCAL files and folders (folders with everything in them) into REMOTE_DIR on every
host at once over SFTP. REMOTE_DIR must exist. Files keep their mode and modification time.
Each file is written under a temporary name (.NAME.chorus-XXXXXXXX.part) and renamed once
complete, so a partly written file never appears under its real name.</source>
        <translation>通过 SFTP 把 LOCAL 文件和文件夹（文件夹连同其全部内容）同时复制到每台主机的 REMOTE_DIR 中。
REMOTE_DIR 必须已存在。文件保留其权限和修改时间。每个文件先以临时名称
（.NAME.chorus-XXXXXXXX.part）写入，完成后再重命名，因此不会出现只写了一部分的同名文件。</translation>
    </message>
    <message>
        <source>Copies REMOTE_PATH (a file, or a folder with everything in it) from every host at once over
SFTP into LOCAL_DIR/HOST/, one folder per host, like pslurp. Files keep their mode and
modification time and are renamed into place only once complete.</source>
        <translation>通过 SFTP 同时从每台主机把 REMOTE_PATH（一个文件，或一个文件夹连同其全部内容）复制到
LOCAL_DIR/HOST/，每台主机一个文件夹，与 pslurp 类似。文件保留其权限和修改时间，
完成后才重命名到最终位置。</translation>
    </message>
    <message>
        <source>

Exit status: 0 every host copied everything; 2 some host failed (connect, authentication,
a copy error) or was cancelled (Ctrl+C); 64 bad usage (nothing was connected to).
--json prints one object per host: host, error (null on success), files, files_skipped,
bytes, duration_ms, reused_connection.</source>
        <translation>

退出状态：0 每台主机都已复制全部内容；2 有主机失败（连接、认证或复制出错）或被取消
（Ctrl+C）；64 用法错误（未连接任何主机）。
--json 每台主机输出一个对象：host、error（成功时为 null）、files、files_skipped、
bytes、duration_ms、reused_connection。</translation>
    </message>
    <message>
        <source>Files and folders to send.</source>
        <translation>要发送的文件和文件夹。</translation>
    </message>
    <message>
        <source>The folder they go into on every host.</source>
        <translation>在每台主机上存放它们的文件夹。</translation>
    </message>
    <message>
        <source>The file or folder to fetch.</source>
        <translation>要获取的文件或文件夹。</translation>
    </message>
    <message>
        <source>Gets one folder per host.</source>
        <translation>每台主机对应其中一个文件夹。</translation>
    </message>
    <message>
        <source>What to do with a file that is already there: always replace it (the default, as scp and pscp do), never, or if-different (replace it unless size and modification time match).</source>
        <translation>目标文件已存在时的处理方式：always 总是替换（默认，与 scp 和 pscp 相同），never 从不替换，if-different 大小和修改时间不一致时才替换。</translation>
    </message>
    <message>
        <source>Compare the SHA-256 of both sides (sha256sum on the host) before a file takes its real name.</source>
        <translation>在文件改为正式名称之前，比较两端的 SHA-256（在主机上使用 sha256sum）。</translation>
    </message>
    <message>
        <source>The host's SHA-256 program for --checksum (default sha256sum; e.g. "shasum -a 256").</source>
        <translation>主机上供 --checksum 使用的 SHA-256 程序（默认 sha256sum；例如 "shasum -a 256"）。</translation>
    </message>
    <message>
        <source>Accepted for scp habits; folders are always copied whole.</source>
        <translation>为照顾 scp 的使用习惯而接受；文件夹总是整体复制。</translation>
    </message>
    <message>
        <source>One JSON object per host and line.</source>
        <translation>每行输出一台主机的 JSON 对象。</translation>
    </message>
    <message>
        <source>Usage: chorus push [options] LOCAL... REMOTE_DIR</source>
        <translation>用法：chorus push [选项] LOCAL... REMOTE_DIR</translation>
    </message>
    <message>
        <source>Usage: chorus pull [options] REMOTE_PATH LOCAL_DIR</source>
        <translation>用法：chorus pull [选项] REMOTE_PATH LOCAL_DIR</translation>
    </message>
    <message>
        <source>--overwrite: %1 is none of always, never, if-different</source>
        <translation>--overwrite：%1 不是 always、never、if-different 之一</translation>
    </message>
    <message>
        <source>--checksum-command: empty</source>
        <translation>--checksum-command：为空</translation>
    </message>
    <message>
        <source>name at least one LOCAL file or folder and the REMOTE_DIR</source>
        <translation>请至少指定一个 LOCAL 文件或文件夹，以及 REMOTE_DIR</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1：没有那个文件或目录</translation>
    </message>
    <message>
        <source>%1: not a readable file or folder</source>
        <translation>%1：不是可读的文件或文件夹</translation>
    </message>
    <message>
        <source>name the REMOTE_PATH and the LOCAL_DIR</source>
        <translation>请指定 REMOTE_PATH 和 LOCAL_DIR</translation>
    </message>
    <message>
        <source>the remote path is empty</source>
        <translation>远程路径为空</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 hosts in %2 s, %3 copied (%4): %5 ok, %6 failed</source>
        <translation>%1 台主机，用时 %2 秒，已复制 %3（%4）：%5 个成功，%6 个失败</translation>
    </message>
    <message>
        <source>chorus %1: %2/%3 hosts done, %4 of %5, %6, %7</source>
        <translation>chorus %1：%2/%3 台主机已完成，%5 中的 %4，%6，%7</translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation>剩余时间未知</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>interrupted: cancelling the copies still running</source>
        <translation>已中断：正在取消仍在进行的复制</translation>
    </message>
    <message>
        <source>Give up on a host whose copy moves no byte for SEC seconds (default 60; 0: wait without limit).</source>
        <translation>某台主机的复制连续 SEC 秒没有传输任何字节时放弃该主机（默认 60；0：无限等待）。</translation>
    </message>
    <message>
        <source>--stall-timeout: %1 is not a number of seconds</source>
        <translation>--stall-timeout：%1 不是秒数</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2, %3 in %4 s</source>
        <translation>
            <numerusform>%1：%n 个文件，%2，%3，用时 %4 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left as they were</source>
        <translation>
            <numerusform>%n 个保持原样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2 in %3 s</source>
        <translation>
            <numerusform>%1：%n 个文件，%2，用时 %3 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>still cancelling; a third interrupt stops at once</source>
        <translation>仍在取消；再中断一次将立即停止</translation>
    </message>
    <message>
        <source>Pull: refuse folders nested deeper than N (default 64).</source>
        <translation>拉取：拒绝嵌套深于 N 层的文件夹（默认 64）。</translation>
    </message>
    <message>
        <source>Pull: refuse a folder listing more than N entries (default 100000).</source>
        <translation>拉取：拒绝列出超过 N 个条目的文件夹（默认 100000）。</translation>
    </message>
    <message>
        <source>Pull: refuse more than N files and folders per host (default 1000000).</source>
        <translation>拉取：每台主机拒绝超过 N 个文件和文件夹（默认 1000000）。</translation>
    </message>
    <message>
        <source>--%1: %2 is not a whole number of at least 1</source>
        <translation>--%1：%2 不是大于等于 1 的整数</translation>
    </message>
</context>
<context>
    <name>TransferProgress</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run one command on many hosts over SSH and compare the answers.
On the command line: chorus run -w HOSTS COMMAND (see chorus run --help).</source>
        <translation>通过 SSH 在多台主机上运行同一条命令并比较输出。
命令行用法：chorus run -w 主机 命令（参见 chorus run --help）。</translation>
    </message>
    <message>
        <source>Start %1 local SSH servers and show them as hosts to try Chorus on. Your own settings and profiles are not used.</source>
        <translation>启动 %1 个本地 SSH 服务器，作为主机供您试用 Chorus。不会使用您自己的设置和主机配置。</translation>
    </message>
    <message>
        <source>With --demo: run a command on every demo host, save pictures of the main views as PNG files in DIR, and quit.</source>
        <translation>与 --demo 一起使用：在每台演示主机上运行一条命令，将主要视图的截图以 PNG 文件保存到 DIR，然后退出。</translation>
    </message>
    <message>
        <source>Colours: system, light or dark (default: as in the settings).</source>
        <translation>配色：system（跟随系统）、light（浅色）或 dark（深色）（默认：按设置）。</translation>
    </message>
    <message>
        <source>Chorus demo</source>
        <translation>Chorus 演示</translation>
    </message>
    <message>
        <source>chorus: --screenshots needs --demo</source>
        <translation>chorus：--screenshots 需要与 --demo 一起使用</translation>
    </message>
</context>
</TS>
