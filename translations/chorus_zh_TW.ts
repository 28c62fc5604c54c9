<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AgentRelay</name>
    <message>
        <source>no usable agent socket path</source>
        <translation>沒有可用的代理程式通訊端路徑</translation>
    </message>
    <message>
        <source>cannot reach the agent at %1: %2</source>
        <translation>無法連線到位於 %1 的代理程式：%2</translation>
    </message>
    <message>
        <source>the agent at %1 did not list its keys</source>
        <translation>位於 %1 的代理程式沒有列出其金鑰</translation>
    </message>
</context>
<context>
    <name>AnsibleImporter</name>
    <message>
        <source>bad port "%1" in "%2"</source>
        <translation>「%2」中的連接埠「%1」無效</translation>
    </message>
    <message>
        <source>a host name cannot hold a comma: "%1"</source>
        <translation>主機名稱不能包含逗號：「%1」</translation>
    </message>
    <message>
        <source>%1 is a secret and is not imported; Chorus keeps passwords in the keychain</source>
        <translation>%1 是機密資訊，不會匯入；Chorus 將密碼儲存在金鑰圈中</translation>
    </message>
    <message>
        <source>host "%1" uses ansible_connection=%2, not SSH; skipped</source>
        <translation>主機「%1」使用 ansible_connection=%2，而非 SSH；已略過</translation>
    </message>
    <message>
        <source>host "%1": bad port "%2"; skipped</source>
        <translation>主機「%1」：連接埠「%2」無效；已略過</translation>
    </message>
    <message>
        <source>host "%1": bad host name; skipped</source>
        <translation>主機「%1」：主機名稱無效；已略過</translation>
    </message>
    <message>
        <source>host "%1": %2; skipped</source>
        <translation>主機「%1」：%2；已略過</translation>
    </message>
    <message>
        <source>section header without "]"</source>
        <translation>區段標題缺少「]」</translation>
    </message>
    <message>
        <source>unexpected "%1" after the section header</source>
        <translation>區段標題後有多餘的「%1」</translation>
    </message>
    <message>
        <source>bad group name "%1"; its lines are skipped</source>
        <translation>群組名稱「%1」無效；已略過其中各行</translation>
    </message>
    <message>
        <source>unknown section type ":%1" (expected :children or :vars); its lines are skipped</source>
        <translation>未知的區段類型「:%1」（應為 :children 或 :vars）；已略過其中各行</translation>
    </message>
    <message>
        <source>expected "name=value" in [%1:vars]</source>
        <translation>[%1:vars] 中應為「name=value」</translation>
    </message>
    <message>
        <source>unterminated quote; line skipped</source>
        <translation>引號未閉合；已略過該行</translation>
    </message>
    <message>
        <source>expected one group name in [%1:children]</source>
        <translation>[%1:children] 中每行應為一個群組名稱</translation>
    </message>
    <message>
        <source>expected "name=value" after the host, found "%1"; line skipped</source>
        <translation>主機後面應為「name=value」，卻是「%1」；已略過該行</translation>
    </message>
    <message>
        <source>group "%1": expected hosts, children or vars</source>
        <translation>群組「%1」：應為 hosts、children 或 vars</translation>
    </message>
    <message>
        <source>group "%1": "hosts" must map host names to their variables</source>
        <translation>群組「%1」：「hosts」必須將主機名稱對應到各自的變數</translation>
    </message>
    <message>
        <source>a host name must be text</source>
        <translation>主機名稱必須是文字</translation>
    </message>
    <message>
        <source>host "%1": expected "name: value" variables</source>
        <translation>主機「%1」：變數應為「name: value」形式</translation>
    </message>
    <message>
        <source>group "%1": "children" must map group names to groups</source>
        <translation>群組「%1」：「children」必須將群組名稱對應到群組</translation>
    </message>
    <message>
        <source>group "%1": expected "name: value" variables</source>
        <translation>群組「%1」：變數應為「name: value」形式</translation>
    </message>
    <message>
        <source>unknown key "%1" in group "%2" (expected hosts, children or vars)</source>
        <translation>群組「%2」中有未知的鍵「%1」（應為 hosts、children 或 vars）</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>expected groups at the top ("all:")</source>
        <translation>最上層應為群組（「all:」）</translation>
    </message>
</context>
<context>
    <name>Chorus::CommandBar</name>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>指令片段</translation>
    </message>
    <message>
        <source>Saved snippets</source>
        <translation>已儲存的指令片段</translation>
    </message>
    <message>
        <source>Fanout</source>
        <translation>並行數</translation>
    </message>
    <message>
        <source>How many hosts run at once</source>
        <translation>同時執行的主機數</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>不逾時</translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation>指令逾時</translation>
    </message>
    <message>
        <source>&amp;sudo</source>
        <translation>&amp;sudo</translation>
    </message>
    <message>
        <source>Run the command with sudo; the password is asked for or taken from the keychain</source>
        <translation>以 sudo 執行指令；密碼會詢問您或從金鑰圈讀取</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>執行(&amp;R)</translation>
    </message>
    <message>
        <source>Run on the selected hosts (Ctrl+Enter)</source>
        <translation>在所選主機上執行（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the current session's run (Esc)</source>
        <translation>取消目前工作階段的執行（Esc）</translation>
    </message>
    <message>
        <source>Save the current command as a snippet...</source>
        <translation>將目前指令儲存為片段...</translation>
    </message>
    <message>
        <source>Edit snippets...</source>
        <translation>編輯指令片段...</translation>
    </message>
    <message>
        <source>Insert a saved command, or save the current one</source>
        <translation>插入已儲存的指令，或儲存目前指令</translation>
    </message>
    <message>
        <source>Seconds a host may run the command before it is stopped</source>
        <translation>主機執行指令的最長秒數，超過即停止</translation>
    </message>
    <message>
        <source>Ctrl+L comes back here from anywhere in the window.</source>
        <translation>在視窗中任何位置按 Ctrl+L 都可回到這裡。</translation>
    </message>
    <message>
        <source>Cop&amp;y Files...</source>
        <translation>複製檔案(&amp;Y)...</translation>
    </message>
    <message>
        <source>Push files to the selected hosts or pull files from them (Ctrl+Shift+C)</source>
        <translation>將檔案推送到所選主機，或從這些主機拉取檔案（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Command to run on the checked hosts</source>
        <translation>要在勾選的主機上執行的指令</translation>
    </message>
    <message>
        <source>The command to run. Enter runs it, Shift+Enter starts a new line, Up and Down walk the history.</source>
        <translation>要執行的指令。Enter 執行，Shift+Enter 換行，上下方向鍵瀏覽歷程。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程</translation>
    </message>
    <message>
        <source>Commands run before, newest first</source>
        <translation>執行過的指令，最新的在前</translation>
    </message>
    <message>
        <source>Command history</source>
        <translation>指令歷程</translation>
    </message>
    <message>
        <source>Fa&amp;nout:</source>
        <translation>並行數(&amp;N)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>逾時(&amp;I)：</translation>
    </message>
    <message>
        <source>(+%1 lines)</source>
        <translation>（另有 %1 行）</translation>
    </message>
    <message>
        <source>No commands yet</source>
        <translation>尚無指令</translation>
    </message>
</context>
<context>
    <name>Chorus::CompareView</name>
    <message>
        <source>(no output)</source>
        <translation>（無輸出）</translation>
    </message>
    <message>
        <source>Ignore white space changes</source>
        <translation>忽略空白字元的變化</translation>
    </message>
    <message>
        <source>Compare stdout only</source>
        <translation>只比較標準輸出</translation>
    </message>
    <message>
        <source>Group hosts by their standard output alone, whatever their stderr</source>
        <translation>只依標準輸出將主機分組，不論標準錯誤輸出</translation>
    </message>
    <message>
        <source>Ignore lines matching:</source>
        <translation>忽略符合以下模式的行：</translation>
    </message>
    <message>
        <source>regular expression, e.g. ^Date:|\d+ ms</source>
        <translation>正規表示式，例如 ^Date:|\d+ ms</translation>
    </message>
    <message>
        <source>Run again on the outliers</source>
        <translation>在離群主機上重新執行</translation>
    </message>
    <message>
        <source>Run again on the failed</source>
        <translation>在失敗的主機上重新執行</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Host set</source>
        <translation>主機集</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>結束方式</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Not a valid pattern: %1</source>
        <translation>無效的模式：%1</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Outlier</source>
        <translation>離群</translation>
    </message>
    <message>
        <source>1 group of identical output</source>
        <translation>1 組相同輸出</translation>
    </message>
    <message>
        <source>%1 groups of identical output</source>
        <translation>%1 組相同輸出</translation>
    </message>
    <message>
        <source>, %1 of %2 hosts finished</source>
        <translation>，%2 台主機中已完成 %1 台</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>基準：%1</translation>
    </message>
    <message>
        <source>Outlier: %1</source>
        <translation>離群：%1</translation>
    </message>
    <message>
        <source>Ignore lines matching</source>
        <translation>忽略符合的行</translation>
    </message>
    <message>
        <source>Groups of identical output</source>
        <translation>相同輸出的群組</translation>
    </message>
    <message>
        <source>The reference group first, then the outliers</source>
        <translation>先列出基準群組，再列出離群群組</translation>
    </message>
    <message>
        <source>Check Hosts Like These</source>
        <translation>勾選與此相同的主機</translation>
    </message>
    <message>
        <source>Check exactly this group's hosts in the host panel, for the next command</source>
        <translation>在主機面板中只勾選這一組的主機，供下一個指令使用</translation>
    </message>
    <message>
        <source>(blank line %1)</source>
        <translation>（第 %1 行為空行）</translation>
    </message>
    <message>
        <source>(ends after line %1)</source>
        <translation>（在第 %1 行後結束）</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>分組(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>行(&amp;L)</translation>
    </message>
    <message>
        <source>Every distinct line against the groups: which lines are missing where</source>
        <translation>每個不同的行對照各組：哪些行在哪裡缺少</translation>
    </message>
    <message>
        <source>Key Val&amp;ues</source>
        <translation>鍵值(&amp;U)</translation>
    </message>
    <message>
        <source>Settings-shaped output (key=value, key: value, key value): each key's values and the hosts that have them</source>
        <translation>設定形式的輸出（key=value、key: value、key value）：每個鍵的各個值及擁有這些值的主機</translation>
    </message>
    <message>
        <source>stderr: %1</source>
        <translation>stderr：%1</translation>
    </message>
    <message>
        <source>(same output, %1)</source>
        <translation>（輸出相同，%1）</translation>
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
        <translation>需要憑證</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>&amp;Save to the keychain</source>
        <translation>儲存到金鑰圈(&amp;S)</translation>
    </message>
    <message>
        <source>No keychain is available: the secret is used for this session only.</source>
        <translation>沒有可用的金鑰圈：此密碼只在本次工作階段中使用。</translation>
    </message>
    <message numerus="yes">
        <source>Use it for the %n host(s) asking the same</source>
        <translation>
            <numerusform>用於提出相同要求的 %n 台主機</numerusform>
        </translation>
    </message>
    <message>
        <source>the password of %1 on %2</source>
        <translation>%2 上 %1 的密碼</translation>
    </message>
    <message>
        <source>an answer for %1 on %2, which asks: %3</source>
        <translation>%2 上 %1 的回答，對方詢問：%3</translation>
    </message>
    <message>
        <source>the passphrase of the key %1 (for %2)</source>
        <translation>金鑰 %1 的密語（用於 %2）</translation>
    </message>
    <message>
        <source>the sudo password of %1 on %2</source>
        <translation>%2 上 %1 的 sudo 密碼</translation>
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
        <translation>略過此主機(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Chorus::DemoSession</name>
    <message>
        <source>Demo</source>
        <translation>示範</translation>
    </message>
    <message>
        <source>The demo needs OpenSSH's server to run local hosts: %1</source>
        <translation>示範需要 OpenSSH 伺服器來執行本機主機：%1</translation>
    </message>
    <message>
        <source>Could not start the demo hosts: %1</source>
        <translation>無法啟動示範主機：%1</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>示範主機群</translation>
    </message>
    <message>
        <source>Demo: %1 local SSH servers, stopped when Chorus quits. Your own settings are not used.</source>
        <translation>示範：%1 個本機 SSH 伺服器，Chorus 結束時停止。不會使用您自己的設定。</translation>
    </message>
</context>
<context>
    <name>Chorus::DiffView</name>
    <message>
        <source> ∅ no newline at end</source>
        <translation> ∅ 結尾沒有換行字元</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>上一處差異</translation>
    </message>
    <message>
        <source>Go to the previous change (%1)</source>
        <translation>跳到上一處差異（%1）</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一處差異</translation>
    </message>
    <message>
        <source>Go to the next change (%1)</source>
        <translation>跳到下一處差異（%1）</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>沒有差異</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 處差異</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 處差異</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>第 %1 處差異，共 %2 處</translation>
    </message>
    <message>
        <source>Reference output</source>
        <translation>基準輸出</translation>
    </message>
    <message>
        <source>Compared output</source>
        <translation>對照輸出</translation>
    </message>
    <message>
        <source>Removed lines are tinted red; %1 and %2 move between changes</source>
        <translation>刪除的行以紅色標示；%1 和 %2 在差異之間移動</translation>
    </message>
    <message>
        <source>Added lines are tinted green; %1 and %2 move between changes</source>
        <translation>新增的行以綠色標示；%1 和 %2 在差異之間移動</translation>
    </message>
    <message>
        <source>No differences but in ignored lines</source>
        <translation>除忽略的行外沒有差異</translation>
    </message>
</context>
<context>
    <name>Chorus::DurationChart</name>
    <message>
        <source>Duration per host</source>
        <translation>各主機耗時</translation>
    </message>
    <message>
        <source>%1: %2
connecting %3 ms, command %4 ms, total %5 ms</source>
        <translation>%1：%2
連線 %3 毫秒，指令 %4 毫秒，共 %5 毫秒</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>匯出...</translation>
    </message>
    <message>
        <source>Light: connecting, dark: the command, hatched: through the jump host (waiting for it, then its channel). Drag or wheel to move and zoom.</source>
        <translation>淺色：連線；深色：指令；斜線：經由跳板主機（先等待跳板主機，再開啟通道）。拖曳或滾輪可移動和縮放。</translation>
    </message>
    <message>
        <source>through the jump host: waiting %1 ms, channel %2 ms</source>
        <translation>經由跳板主機：等待 %1 毫秒，通道 %2 毫秒</translation>
    </message>
</context>
<context>
    <name>Chorus::ExportMenu</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>To a &amp;folder (HOST.out, HOST.err, HOST.exit)...</source>
        <translation>到資料夾(&amp;F)（HOST.out、HOST.err、HOST.exit）...</translation>
    </message>
    <message>
        <source>As &amp;JSON...</source>
        <translation>匯出為 JSON(&amp;J)...</translation>
    </message>
    <message>
        <source>As &amp;CSV summary...</source>
        <translation>匯出為 CSV 摘要(&amp;C)...</translation>
    </message>
    <message>
        <source>Export the run to a folder</source>
        <translation>將執行結果匯出到資料夾</translation>
    </message>
    <message>
        <source>Export the run as JSON</source>
        <translation>將執行結果匯出為 JSON</translation>
    </message>
    <message>
        <source>JSON Lines (*.json *.jsonl)</source>
        <translation>JSON Lines（*.json *.jsonl）</translation>
    </message>
    <message>
        <source>Export a summary as CSV</source>
        <translation>將摘要匯出為 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>The run is no longer available.</source>
        <translation>該次執行已無法使用。</translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1. The output of %n host(s) was longer than the run kept, so only its start is in the export: %2. To keep every byte, run with chorus run -o DIR.</source>
        <translation>
            <numerusform>已儲存到 %1。%n 台主機的輸出超過了本次執行保留的長度，匯出中只有開頭部分：%2。如需保留全部位元組，請用 chorus run -o DIR 執行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::FindBar</name>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>區分大小寫</translation>
    </message>
    <message>
        <source>100000+ matches</source>
        <translation>100000+ 個符合項目</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>無符合項目</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ 個符合項目</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 個符合項目</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 個符合項目</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一個符合項目（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一個符合項目（Enter）</translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryChart</name>
    <message>
        <source>Duration per run over time</source>
        <translation>各次執行耗時隨時間的變化</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Select a run to see how long its command took over time.</source>
        <translation>選擇一次執行，檢視其指令耗時隨時間的變化。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of “%1” over time</source>
        <translation>
            <numerusform>「%1」隨時間的 %n 次執行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of “%1” on %2 over time</source>
        <translation>
            <numerusform>「%1」在 %2 上隨時間的 %n 次執行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>匯出...</translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryModel</name>
    <message>
        <source>%1 non-zero exit, %2 failed, %3 timed out</source>
        <translation>%1 個非零結束，%2 個失敗，%3 個逾時</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
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
        <translation>再次執行(&amp;A)</translation>
    </message>
    <message>
        <source>Co&amp;mpare...</source>
        <translation>比較(&amp;M)...</translation>
    </message>
    <message>
        <source>Command contains...</source>
        <translation>指令包含...</translation>
    </message>
    <message>
        <source>Filter by command</source>
        <translation>依指令篩選</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Filter by host</source>
        <translation>依主機篩選</translation>
    </message>
    <message>
        <source>Runs that had this host (its name or address); the chart then shows this host's durations.</source>
        <translation>包含此主機（名稱或位址）的執行；圖表隨後顯示此主機的耗時。</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>依結果篩選</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任何結果</translation>
    </message>
    <message>
        <source>Some host: %1</source>
        <translation>有主機：%1</translation>
    </message>
    <message>
        <source>Started since</source>
        <translation>開始日期不早於</translation>
    </message>
    <message>
        <source>Past runs</source>
        <translation>過去的執行</translation>
    </message>
    <message>
        <source>Show the run in a read-only session tab</source>
        <translation>在唯讀工作階段分頁中顯示該次執行</translation>
    </message>
    <message>
        <source>Run the same command again on the same hosts</source>
        <translation>在相同主機上再次執行相同指令</translation>
    </message>
    <message>
        <source>Select two runs to compare a host's output between them</source>
        <translation>選擇兩次執行以比較某台主機在兩次執行中的輸出</translation>
    </message>
    <message>
        <source>The history is not available.</source>
        <translation>執行歷程無法使用。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次執行</numerusform>
        </translation>
    </message>
    <message>
        <source>Sinc&amp;e</source>
        <translation>起始日期(&amp;E)</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>開啟(&amp;P)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
</context>
<context>
    <name>Chorus::HostKeyDialog</name>
    <message>
        <source>Unknown host keys</source>
        <translation>未知的主機金鑰</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>金鑰類型</translation>
    </message>
    <message>
        <source>SHA256 fingerprint</source>
        <translation>SHA256 指紋</translation>
    </message>
    <message>
        <source>Host keys to confirm</source>
        <translation>待確認的主機金鑰</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>接受所選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject all</source>
        <translation>全部拒絕(&amp;R)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>These hosts offered a key that differs from the one known for them. They were refused; this could be an attack. If the change is expected, use Tools &gt; Forget host key first.

</source>
        <translation>這些主機提供的金鑰與已知的不同。已拒絕連線；這可能是攻擊。如果這項變更在預期之中，請先使用「工具 &gt; 忘記主機金鑰」。

</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) offered a key that is not in known_hosts. Compare the fingerprints with what the hosts' administrators published before accepting.</source>
        <translation>
            <numerusform>%n 台主機提供了不在 known_hosts 中的金鑰。接受之前，請將指紋與主機管理員公布的指紋進行核對。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Accept selected (%1)</source>
        <translation>接受所選(&amp;A)（%1）</translation>
    </message>
</context>
<context>
    <name>Chorus::HostModel</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主機</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登入方式</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>經由</translation>
    </message>
</context>
<context>
    <name>Chorus::KeyValueModel</name>
    <message>
        <source>(absent)</source>
        <translation>（缺少）</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <extracomment>A value of a key, the hosts that have it (a folded host set) and how many they are, e.g. "yes — web[01-40,43] (41)".</extracomment>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s): %1</source>
        <translation>
            <numerusform>%n 台主機：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>多數值</translation>
    </message>
    <message>
        <source>Deviation %1</source>
        <translation>偏差 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) — %1 (%2)</source>
        <extracomment>The values of a key past the last column, folded into one cell: how many, the hosts that have them (a folded host set) and how many hosts, e.g. "187 more values — web[010-196] (187)".</extracomment>
        <translation>
            <numerusform>另外 %n 個值 — %1（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>還有 %n 個</numerusform>
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
        <translation>自動偵測</translation>
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
        <translation>鍵值行的格式</translation>
    </message>
    <message>
        <source>Filter keys and values</source>
        <translation>篩選鍵和值</translation>
    </message>
    <message>
        <source>Only keys that differ</source>
        <translation>只看有差異的鍵</translation>
    </message>
    <message>
        <source>Hide the keys that have the same value on every host</source>
        <translation>隱藏在所有主機上值都相同的鍵</translation>
    </message>
    <message>
        <source>Keys and their values</source>
        <translation>鍵及其值</translation>
    </message>
    <message>
        <source>One row per key: the value most hosts have, then the others, each with its hosts</source>
        <translation>每個鍵一行：先是多數主機的值，然後是其他值，各附其主機</translation>
    </message>
    <message>
        <source>Reading the keys and values…</source>
        <translation>正在讀取鍵和值…</translation>
    </message>
    <message>
        <source>There is no output to read keys and values from.</source>
        <translation>沒有可讀取鍵和值的輸出。</translation>
    </message>
    <message>
        <source>This output does not look like key/value lines: only %1% of its lines read as %2. Choose another format if it is one.</source>
        <translation>此輸出看起來不像鍵值行：只有 %1% 的行能依 %2 讀取。如果它是鍵值輸出，請選擇其他格式。</translation>
    </message>
    <message numerus="yes">
        <source>All %n key(s) have the same value on every host (format: %1).</source>
        <translation>
            <numerusform>全部 %n 個鍵在所有主機上的值都相同（格式：%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 keys differ (format: %2).</source>
        <translation>
            <numerusform>%1 個鍵中有 %n 個不同（格式：%2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) match the filter.</source>
        <translation>
            <numerusform>%n 個鍵符合篩選條件。</numerusform>
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
            <numerusform>僅 %n 台沒有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only on %n</source>
        <translation>
            <numerusform>僅 %n 台有</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 printed this line</source>
        <translation>%1 印出了這一行</translation>
    </message>
    <message>
        <source>%1 did not print this line</source>
        <translation>%1 沒有印出這一行</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) printed this line</source>
        <translation>
            <numerusform>%n 台主機印出了這一行</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s)</source>
        <translation>
            <numerusform>%1：%n 台主機</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::LineMatrixView</name>
    <message>
        <source>Filter lines</source>
        <translation>篩選行</translation>
    </message>
    <message>
        <source>Only lines that differ</source>
        <translation>只看有差異的行</translation>
    </message>
    <message>
        <source>Hide the lines every host printed</source>
        <translation>隱藏所有主機都印出了的行</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Save the lines and which groups printed them as a spreadsheet</source>
        <translation>把各行及印出了它們的組儲存為試算表</translation>
    </message>
    <message>
        <source>Lines and the groups that printed them</source>
        <translation>各行及印出了它們的組</translation>
    </message>
    <message>
        <source>Comparing lines…</source>
        <translation>正在比較各行…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) differ</source>
        <translation>
            <numerusform>%n 行中有 %1 行不同</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Lines</source>
        <translation>匯出行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
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
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import hosts...</source>
        <translation>匯入主機(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Export hosts...</source>
        <translation>匯出主機(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New host...</source>
        <translation>新增主機(&amp;N)...</translation>
    </message>
    <message>
        <source>New &amp;group...</source>
        <translation>新增群組(&amp;G)...</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新增群組</translation>
    </message>
    <message>
        <source>Group path (use / for subgroups):</source>
        <translation>群組路徑（用 / 分隔子群組）：</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>全部勾選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncheck all</source>
        <translation>全部取消勾選(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forget host key...</source>
        <translation>忘記主機金鑰(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation>關於 Chorus(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Search hosts</source>
        <translation>搜尋主機</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>依標籤篩選</translation>
    </message>
    <message>
        <source>Filter by group</source>
        <translation>依群組篩選</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Run History</source>
        <translation>執行歷程</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the history.</source>
        <translation>執行 %1 已不在歷程中。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1
Run of %2, from the history (read-only)</source>
        <translation>%1
%2 的執行，來自歷程（唯讀）</translation>
    </message>
    <message>
        <source>Cannot run again</source>
        <translation>無法再次執行</translation>
    </message>
    <message>
        <source>None of the run's hosts is in the host list any more: %1</source>
        <translation>該次執行的主機都已不在主機清單中：%1</translation>
    </message>
    <message numerus="yes">
        <source>Not run on %n host(s) no longer in the host list: %1</source>
        <translation>
            <numerusform>未在已不在主機清單中的 %n 台主機上執行：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The history has no earlier run on %1.</source>
        <translation>歷程中沒有 %1 上更早的執行。</translation>
    </message>
    <message>
        <source>Check hosts on the left, type a command above and press Ctrl+Enter.
Each run opens here in its own tab.</source>
        <translation>在左側勾選主機，在上方輸入指令並按 Ctrl+Enter。
每次執行都會在這裡開啟一個分頁。</translation>
    </message>
    <message>
        <source>Host profiles</source>
        <translation>主機設定檔</translation>
    </message>
    <message>
        <source>Could not save the host profiles: %1</source>
        <translation>無法儲存主機設定檔：%1</translation>
    </message>
    <message>
        <source>Type a command to run first.</source>
        <translation>請先輸入要執行的指令。</translation>
    </message>
    <message>
        <source>Check or select the hosts to run on first.</source>
        <translation>請先勾選或選取要執行的主機。</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>無法執行</translation>
    </message>
    <message>
        <source>The run was not saved to the history: %1</source>
        <translation>該次執行未儲存到歷程：%1</translation>
    </message>
    <message>
        <source>The secret was not saved: %1</source>
        <translation>密碼未儲存：%1</translation>
    </message>
    <message>
        <source>&amp;Run here</source>
        <translation>在此執行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>編輯(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>建立副本(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>刪除(&amp;L)</translation>
    </message>
    <message>
        <source>Delete hosts</source>
        <translation>刪除主機</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n host(s) and their saved secrets?</source>
        <translation>
            <numerusform>刪除 %n 台主機及其儲存的密碼？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy address</source>
        <translation>複製位址(&amp;C)</translation>
    </message>
    <message>
        <source>Connected and ran a command in %1 ms.</source>
        <translation>已連線並在 %1 毫秒內執行了一道指令。</translation>
    </message>
    <message>
        <source>Import hosts</source>
        <translation>匯入主機</translation>
    </message>
    <message>
        <source>Cannot tell what kind of host list %1 is (ssh_config, pssh, ClusterShell, Ansible or a Chorus export). Use `chorus hosts import --format` to say.</source>
        <translation>無法判斷主機清單 %1 的格式（ssh_config、pssh、ClusterShell、Ansible 或 Chorus 匯出檔）。請用 `chorus hosts import --format` 指定。</translation>
    </message>
    <message>
        <source>Added %1 hosts, merged %2 with hosts already here.</source>
        <translation>已新增 %1 台主機，%2 台與現有主機合併。</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未匯入：</translation>
    </message>
    <message>
        <source>Export hosts</source>
        <translation>匯出主機</translation>
    </message>
    <message>
        <source>Forget host key</source>
        <translation>忘記主機金鑰</translation>
    </message>
    <message>
        <source>Host as known_hosts lists it (name, or [address]:port):</source>
        <translation>主機在 known_hosts 中的寫法（名稱，或 [位址]:連接埠）：</translation>
    </message>
    <message>
        <source>Removed %1 key(s) of %2 from %3; the old file is kept as %3.old.</source>
        <translation>已從 %3 中刪除 %2 的 %1 個金鑰；舊檔案保留為 %3.old。</translation>
    </message>
    <message>
        <source>Settings saved. Engine settings apply to new connections.</source>
        <translation>設定已儲存。引擎設定對新連線生效。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群組</translation>
    </message>
    <message>
        <source>No hosts</source>
        <translation>沒有主機</translation>
    </message>
    <message>
        <source>Hosts: %1  Groups: %2</source>
        <translation>主機：%1  群組：%2</translation>
    </message>
    <message>
        <source>About Chorus</source>
        <translation>關於 Chorus</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chorus %1&lt;/h3&gt;&lt;p&gt;Run one command on many hosts over SSH at once and compare the answers.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and libssh.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chorus %1&lt;/h3&gt;&lt;p&gt;透過 SSH 在多台主機上同時執行同一道指令並比較輸出。&lt;/p&gt;&lt;p&gt;以 Qt %2 和 libssh 建置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy Files...</source>
        <translation>複製檔案(&amp;C)...</translation>
    </message>
    <message>
        <source>Check or select the hosts to copy files on first.</source>
        <translation>請先勾選或選取要複製檔案的主機。</translation>
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
        <translation>無法複製</translation>
    </message>
    <message>
        <source>Copies still running</source>
        <translation>仍有複製在進行</translation>
    </message>
    <message numerus="yes">
        <source>%n file copy run(s) still going. Quitting stops them: the files being written are removed, and no file is left half-written under its real name.</source>
        <translation>
            <numerusform>還有 %n 個檔案複製工作在進行。結束程式會停止它們：正在寫入的檔案會被刪除，不會有寫了一半的檔案留在正式檔名下。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit and Stop the Copies</source>
        <translation>結束並停止複製(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep Copying</source>
        <translation>繼續複製(&amp;K)</translation>
    </message>
    <message>
        <source>Commands still running</source>
        <translation>指令仍在執行</translation>
    </message>
    <message numerus="yes">
        <source>Commands are still running on %n host(s). Quitting stops them.</source>
        <translation>
            <numerusform>指令仍在 %n 台主機上執行。結束會停止它們。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit and Stop Them</source>
        <translation>結束並停止它們(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep Running</source>
        <translation>繼續執行(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s) (%1 not shown)</source>
        <translation>
            <numerusform>在 %n 台主機上執行（%1 台未顯示）(&amp;R)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s)</source>
        <translation>
            <numerusform>在 %n 台主機上執行(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（無群組）</translation>
    </message>
    <message numerus="yes">
        <source>Run “%1” on %n host(s)?</source>
        <translation>
            <numerusform>在 %n 台主機上執行「%1」？</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>群組：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are hidden by the host filter.</source>
        <translation>
            <numerusform>其中 %n 台被主機篩選隱藏。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run on many hosts?</source>
        <translation>在多台主機上執行？</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n Host(s)</source>
        <translation>
            <numerusform>在 %n 台主機上執行(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>測試連線</translation>
    </message>
    <message numerus="yes">
        <source>Testing the connection to %n host(s)...</source>
        <translation>
            <numerusform>正在測試到 %n 台主機的連線……</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) connected and ran a command.</source>
        <translation>
            <numerusform>%n 台主機中有 %1 台已連線並執行了指令。</numerusform>
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
        <translation>關閉分頁(&amp;C)</translation>
    </message>
    <message>
        <source>Close &amp;Other Tabs</source>
        <translation>關閉其他分頁(&amp;O)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Search: words, web[01-20], @group, @tag:name</source>
        <translation>搜尋：關鍵字、web[01-20]、@群組、@tag:名稱</translation>
    </message>
    <message numerus="yes">
        <source>Run finished: all %n host(s) ok</source>
        <translation>
            <numerusform>執行結束：全部 %n 台主機成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run finished: %1 of %n host(s) not ok</source>
        <translation>
            <numerusform>執行結束：%n 台主機中有 %1 台未成功</numerusform>
        </translation>
    </message>
    <message>
        <source>H&amp;osts</source>
        <translation>主機(&amp;O)</translation>
    </message>
    <message>
        <source>Run &amp;Script...</source>
        <translation>執行指令碼(&amp;S)...</translation>
    </message>
    <message>
        <source>Run a local script on the checked hosts, sent on stdin: nothing is copied to them</source>
        <translation>在勾選的主機上執行本機指令碼，指令碼經標準輸入傳送，不會複製到主機上</translation>
    </message>
    <message>
        <source>The history's record of this script run is not one Chorus wrote: %1</source>
        <translation>歷程中這次指令碼執行的紀錄不是 Chorus 寫入的：%1</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s) for the next command.</source>
        <translation>
            <numerusform>已勾選 %n 台主機，供下一個指令使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 個</translation>
    </message>
    <message>
        <source>Not in the host list any more: %1</source>
        <translation>已不在主機清單中：%1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message numerus="yes">
        <source>Run a local script on %n host(s)</source>
        <translation>
            <numerusform>在 %n 台主機上執行本機指令碼</numerusform>
        </translation>
    </message>
    <message>
        <source>Run Script</source>
        <translation>執行指令碼</translation>
    </message>
    <message>
        <source>Arguments for %1 (optional, as in a shell):</source>
        <translation>%1 的引數（選填，依 shell 的寫法）：</translation>
    </message>
    <message>
        <source>Cannot run the script</source>
        <translation>無法執行指令碼</translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation>開啟終端機(&amp;T)</translation>
    </message>
    <message>
        <source>Open a terminal on each checked host, in one tab, to type into one or all of them</source>
        <translation>在一個分頁中為每台勾選的主機開啟終端機，可向其中一台或全部輸入</translation>
    </message>
    <message>
        <source>Check or select the hosts to open terminals on.</source>
        <translation>請勾選或選取要開啟終端機的主機。</translation>
    </message>
    <message>
        <source>Open Ter&amp;minal</source>
        <translation>開啟終端機(&amp;M)</translation>
    </message>
    <message>
        <source>Terminals still open</source>
        <translation>終端機仍然開啟</translation>
    </message>
    <message numerus="yes">
        <source>%n shell(s) still open. Closing hangs them up; what runs in them gets SIGHUP.</source>
        <translation>
            <numerusform>仍有 %n 個 shell 開啟。關閉會將它們掛斷；其中執行的程式會收到 SIGHUP。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close Them</source>
        <translation>關閉它們(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep Them Open</source>
        <translation>保持開啟(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Chorus::OutputView</name>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Find in this output (%1)</source>
        <translation>在此輸出中尋找（%1）</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>換行</translation>
    </message>
    <message>
        <source>Wrap long lines at the window's edge</source>
        <translation>在視窗邊緣自動換行</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the selection, or all of the text shown when nothing is selected</source>
        <translation>複製選取內容；未選取時複製顯示的全部文字</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>全部儲存</translation>
    </message>
    <message>
        <source>Save each host's output to a folder…</source>
        <translation>將每台主機的輸出儲存到資料夾…</translation>
    </message>
    <message>
        <source>Writes NAME.out (stdout) and NAME.err (stderr) for every finished host, the bytes exactly as received</source>
        <translation>為每台已完成的主機寫入 NAME.out（標準輸出）和 NAME.err（標準錯誤），內容與收到的位元組完全一致</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save stdout as…</source>
        <translation>標準輸出另存為…</translation>
    </message>
    <message>
        <source>Save stderr as…</source>
        <translation>標準錯誤另存為…</translation>
    </message>
    <message>
        <source>%1 bytes not shown: the view keeps the last %2</source>
        <translation>有 %1 位元組未顯示：檢視只保留最後 %2</translation>
    </message>
    <message>
        <source>Save All writes each host's whole output (up to the run's output limit) to files.</source>
        <translation>「全部儲存」會把每台主機的完整輸出（不超過本次執行的輸出上限）寫入檔案。</translation>
    </message>
    <message>
        <source>Save writes all the host sent (up to the run's output limit) to a file.</source>
        <translation>「儲存」會把主機傳送的全部內容（不超過本次執行的輸出上限）寫入檔案。</translation>
    </message>
    <message>
        <source>Available once a host has finished</source>
        <translation>有主機完成後可用</translation>
    </message>
    <message>
        <source>Available once the host has finished</source>
        <translation>該主機完成後可用</translation>
    </message>
    <message>
        <source>Save stdout as… (%1)</source>
        <translation>標準輸出另存為…（%1）</translation>
    </message>
    <message>
        <source>Save stderr as… (%1)</source>
        <translation>標準錯誤另存為…（%1）</translation>
    </message>
    <message>
        <source>The bytes exactly as received, without colours removed or anything added.</source>
        <translation>與收到的位元組完全一致，不移除色彩，也不加入任何內容。</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 bytes: the run's output limit.</source>
        <translation>只有 %2 位元組中的前 %1：本次執行的輸出上限。</translation>
    </message>
    <message>
        <source>Save this host's stdout or stderr, each to its own file</source>
        <translation>將此主機的標準輸出或標準錯誤分別儲存到各自的檔案</translation>
    </message>
    <message>
        <source>Not a single host's output.</source>
        <translation>這不是單台主機的輸出。</translation>
    </message>
    <message>
        <source>Save stderr of %1</source>
        <translation>儲存 %1 的標準錯誤</translation>
    </message>
    <message>
        <source>Save stdout of %1</source>
        <translation>儲存 %1 的標準輸出</translation>
    </message>
    <message>
        <source>Save output</source>
        <translation>儲存輸出</translation>
    </message>
    <message>
        <source>Save every host's output into a folder</source>
        <translation>將每台主機的輸出儲存到資料夾</translation>
    </message>
    <message>
        <source>Output of all hosts</source>
        <translation>所有主機的輸出</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的輸出</translation>
    </message>
</context>
<context>
    <name>Chorus::ProfileDialog</name>
    <message>
        <source>unchanged</source>
        <translation>未變更</translation>
    </message>
    <message>
        <source>New host</source>
        <translation>新增主機</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>編輯 %1</translation>
    </message>
    <message>
        <source>from ssh_config, or your user name</source>
        <translation>取自 ssh_config，或您的使用者名稱</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH 代理程式</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>金鑰檔案</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Keyboard-interactive</source>
        <translation>鍵盤互動式</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Choose a key file</source>
        <translation>選擇金鑰檔案</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私密金鑰</translation>
    </message>
    <message>
        <source>[user@]host[:port], optional</source>
        <translation>[使用者@]主機[:連接埠]，選填</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>以逗號分隔</translation>
    </message>
    <message>
        <source>Run commands with &amp;sudo</source>
        <translation>以 sudo 執行指令(&amp;S)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>詢問</translation>
    </message>
    <message>
        <source>Accept new keys</source>
        <translation>接受新金鑰</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>嚴格</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主機(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>連接埠(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>使用者(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>驗證方式(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>金鑰檔案(&amp;K)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>跳板主機(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>群組(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>標籤(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>連線逾時(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>備註(&amp;O)：</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在連線...</translation>
    </message>
    <message>
        <source>A host needs a name or a host name.</source>
        <translation>主機需要一個名稱或主機名稱。</translation>
    </message>
    <message>
        <source>The host name "%1" contains a space.</source>
        <translation>主機名稱「%1」中含有空格。</translation>
    </message>
    <message>
        <source>Key file authentication needs a key file.</source>
        <translation>金鑰檔案驗證需要指定金鑰檔案。</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>私密金鑰檔案</translation>
    </message>
    <message>
        <source>Sa&amp;ve secrets to the keychain</source>
        <translation>將密碼儲存到金鑰圈(&amp;V)</translation>
    </message>
    <message>
        <source>K&amp;ey passphrase:</source>
        <translation>金鑰密語(&amp;E)：</translation>
    </message>
    <message>
        <source>Sudo passwo&amp;rd:</source>
        <translation>sudo 密碼(&amp;R)：</translation>
    </message>
    <message>
        <source>Unknown host ke&amp;ys:</source>
        <translation>未知主機金鑰(&amp;Y)：</translation>
    </message>
    <message>
        <source>Test connect&amp;ion</source>
        <translation>測試連線(&amp;I)</translation>
    </message>
    <message>
        <source>default (32)</source>
        <translation>預設（32）</translation>
    </message>
    <message>
        <source>When other hosts are reached through this one: how many may be connecting through it at once</source>
        <translation>當其他主機經由本主機連線時：同時經由它連線的主機數上限</translation>
    </message>
    <message>
        <source>Hosts connecting through this jump host at once</source>
        <translation>同時經由此跳板主機連線的主機數</translation>
    </message>
    <message>
        <source>As a jump host, at &amp;most:</source>
        <translation>作為跳板主機時最多(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>Chorus::RunCompareDialog</name>
    <message>
        <source>Compare two runs</source>
        <translation>比較兩次執行</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主機(&amp;H)：</translation>
    </message>
    <message>
        <source>The two runs have no host in common.</source>
        <translation>這兩次執行沒有共同的主機。</translation>
    </message>
    <message>
        <source>%1 ended differently: %2 then, %3 now.</source>
        <translation>%1 的結束方式不同：當時為 %2，現在為 %3。</translation>
    </message>
    <message>
        <source>%1: same output and ending (%2) in both runs.</source>
        <translation>%1：兩次執行的輸出和結束方式（%2）相同。</translation>
    </message>
    <message>
        <source>%1: the output changed; both ended with %2.</source>
        <translation>%1：輸出有變化；兩次都以 %2 結束。</translation>
    </message>
    <message>
        <source>The history keeps only the start of long output: changes further on are not shown.</source>
        <translation>歷程只保留長輸出的開頭部分：後面的變化不會顯示。</translation>
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
        <translation>本次執行中沒有主機 %1。</translation>
    </message>
    <message>
        <source>%1 has not finished yet.</source>
        <translation>%1 尚未完成。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Chorus::ScriptRun</name>
    <message>
        <source>Cannot read the script %1: %2</source>
        <translation>無法讀取指令碼 %1：%2</translation>
    </message>
    <message>
        <source>The script %1 is larger than %2 MiB.</source>
        <translation>指令碼 %1 超過 %2 MiB。</translation>
    </message>
</context>
<context>
    <name>Chorus::SecretStore</name>
    <message>
        <source>No keychain is available to keep passwords in: %1.</source>
        <translation>沒有可用於儲存密碼的金鑰圈：%1。</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>金鑰圈拒絕存取：%1</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>金鑰圈回報了錯誤：%1</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to reach a keychain through (%1)</source>
        <translation>沒有可用於存取金鑰圈的 D-Bus 工作階段匯流排（%1）</translation>
    </message>
    <message>
        <source>no keychain service (a Secret Service such as gnome-keyring, or KWallet) is running on the D-Bus session bus</source>
        <translation>D-Bus 工作階段匯流排上沒有執行任何金鑰圈服務（例如 gnome-keyring 等 Secret Service，或 KWallet）</translation>
    </message>
</context>
<context>
    <name>Chorus::SessionStatusModel</name>
    <message>
        <source>stdout %1 bytes, stderr %2 bytes</source>
        <translation>標準輸出 %1 位元組，標準錯誤 %2 位元組</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>結束代碼</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排隊中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>host key?</source>
        <translation>主機金鑰？</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>驗證中</translation>
    </message>
    <message>
        <source>password?</source>
        <translation>密碼？</translation>
    </message>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>non-zero exit</source>
        <translation>非零結束</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 (core dumped)</source>
        <translation>%1（已傾印核心）</translation>
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
            <numerusform>已複製 %n 個檔案，依覆寫原則略過 %1 個</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
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
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <source>Save every host's output and exit status, once the run has finished</source>
        <translation>執行結束後，儲存每台主機的輸出和結束代碼</translation>
    </message>
    <message>
        <source>Filter by host or error</source>
        <translation>依主機或錯誤篩選</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主機</translation>
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
        <translation>失敗或已取消</translation>
    </message>
    <message>
        <source>Open Output</source>
        <translation>開啟輸出</translation>
    </message>
    <message>
        <source>Cancel Host</source>
        <translation>取消此主機</translation>
    </message>
    <message>
        <source>Copy Host Name</source>
        <translation>複製主機名稱</translation>
    </message>
    <message>
        <source>What Changed Since the Previous Run</source>
        <translation>與上次執行相比的變化</translation>
    </message>
    <message>
        <source>Compare this host's output with its previous run of any command in the history</source>
        <translation>將此主機的輸出與歷程中它上一次執行（任何指令）的輸出進行比較</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 個成功</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 個執行中</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 個排隊中</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 個已取消</translation>
    </message>
    <message>
        <source>%1 — finished in %2</source>
        <translation>%1 — 費時 %2 完成</translation>
    </message>
    <message>
        <source>%1 — %2 elapsed</source>
        <translation>%1 — 已經過 %2</translation>
    </message>
    <message>
        <source>%1

%2 hosts: %3 ok, %4 non-zero exit, %5 failed, %6 timed out, %7 cancelled, %8 running, %9 queued</source>
        <translation>%1

%2 台主機：%3 個成功，%4 個非零結束，%5 個失敗，%6 個逾時，%7 個已取消，%8 個執行中，%9 個排隊中</translation>
    </message>
    <message>
        <source>%1 of %2 copied</source>
        <translation>已複製 %1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩餘 %1</translation>
    </message>
    <message>
        <source>Filter hosts</source>
        <translation>篩選主機</translation>
    </message>
    <message>
        <source>Host status</source>
        <translation>主機狀態</translation>
    </message>
    <message>
        <source>One row per host: state, exit status, duration, bytes and error. Enter opens the host's output.</source>
        <translation>每台主機一列：狀態、結束代碼、耗時、位元組數與錯誤。按 Enter 開啟該主機的輸出。</translation>
    </message>
    <message>
        <source>Cancel the run on every host that has not finished (Ctrl+.)</source>
        <translation>在所有尚未結束的主機上取消執行（Ctrl+.）</translation>
    </message>
    <message>
        <source>Cancel the run?</source>
        <translation>取消執行？</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) have not finished. Cancelling stops the command on them.</source>
        <translation>
            <numerusform>%n 台主機尚未結束。取消會停止其上的指令。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n Host(s)</source>
        <translation>
            <numerusform>取消 %n 台主機(&amp;C)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep Running</source>
        <translation>繼續執行(&amp;K)</translation>
    </message>
    <message>
        <source>%1 exited non-zero</source>
        <translation>%1 個以非零狀態結束</translation>
    </message>
    <message>
        <source>%1 failed to connect or finish</source>
        <translation>%1 個連線失敗或未能完成</translation>
    </message>
    <message>
        <source>%1 (script)</source>
        <translation>%1（指令碼）</translation>
    </message>
    <message>
        <source>Chec&amp;k Hosts</source>
        <translation>勾選主機(&amp;K)</translation>
    </message>
    <message>
        <source>Check some of this run's hosts in the host panel, for the next command</source>
        <translation>在主機面板中勾選本次執行的部分主機，供下一個指令使用</translation>
    </message>
    <message>
        <source>Check These Hosts</source>
        <translation>勾選這些主機</translation>
    </message>
    <message>
        <source>Check exactly the selected rows' hosts in the host panel</source>
        <translation>在主機面板中只勾選所選列的主機</translation>
    </message>
    <message>
        <source>Only the Failed Hosts</source>
        <translation>只勾選失敗的主機</translation>
    </message>
    <message>
        <source>Only the Outliers</source>
        <translation>只勾選離群的主機</translation>
    </message>
    <message>
        <source>The hosts whose output differs from the largest group's</source>
        <translation>輸出與最大一組不同的主機</translation>
    </message>
    <message>
        <source>All hosts (filtered)</source>
        <translation>所有主機（已篩選）</translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation>開啟終端機</translation>
    </message>
    <message>
        <source>Open a terminal on the selected rows' hosts</source>
        <translation>在所選列的主機上開啟終端機</translation>
    </message>
</context>
<context>
    <name>Chorus::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Default &amp;fanout:</source>
        <translation>預設並行數(&amp;F)：</translation>
    </message>
    <message>
        <source>Default &amp;command timeout:</source>
        <translation>預設指令逾時(&amp;C)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作執行緒數(&amp;W)：</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>每個核心一個</translation>
    </message>
    <message>
        <source>Output &amp;kept per host and stream:</source>
        <translation>每台主機每個輸出串流保留(&amp;K)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Output &amp;shown per host:</source>
        <translation>每台主機顯示的輸出(&amp;S)：</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Keep run &amp;history for:</source>
        <translation>執行歷程保留(&amp;H)：</translation>
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
        <translation> 次執行</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>詢問我</translation>
    </message>
    <message>
        <source>Accept new keys, refuse changed ones</source>
        <translation>接受新金鑰，拒絕已變更的金鑰</translation>
    </message>
    <message>
        <source>Strict: refuse unknown keys</source>
        <translation>嚴格：拒絕未知金鑰</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Unknown host keys</source>
        <translation>未知的主機金鑰</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The language of the window and the command line; applies when Chorus starts again</source>
        <translation>視窗和命令列使用的語言；Chorus 重新啟動後生效</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
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
        <translation>淺色、深色或跟隨桌面；Chorus 重新啟動後生效</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>配色(&amp;O)：</translation>
    </message>
    <message>
        <source>Restart Chorus to see the new language and colours. Open sessions are not affected until then.</source>
        <translation>重新啟動 Chorus 後才會使用新的語言和配色。在此之前，已開啟的工作階段不受影響。</translation>
    </message>
    <message>
        <source>Language and colours apply after a restart of Chorus.</source>
        <translation>語言和配色在 Chorus 重新啟動後生效。</translation>
    </message>
    <message>
        <source> hosts</source>
        <translation> 台主機</translation>
    </message>
    <message>
        <source>never ask</source>
        <translation>從不詢問</translation>
    </message>
    <message>
        <source>&amp;Ask before running on more than:</source>
        <translation>執行前確認，當主機數超過(&amp;A)：</translation>
    </message>
    <message>
        <source>Co&amp;nnect timeout:</source>
        <translation>連線逾時(&amp;N)：</translation>
    </message>
    <message>
        <source>Kee&amp;palive interval:</source>
        <translation>保持連線間隔(&amp;P)：</translation>
    </message>
    <message>
        <source>Close &amp;idle connections after:</source>
        <translation>閒置連線關閉時間(&amp;I)：</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>最多保留(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Unknown host keys:</source>
        <translation>未知主機金鑰(&amp;U)：</translation>
    </message>
    <message>
        <source>Terminal scroll&amp;back:</source>
        <translation>終端機回捲行數(&amp;B)：</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>Terminal text si&amp;ze:</source>
        <translation>終端機字型大小(&amp;Z)：</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 點</translation>
    </message>
    <message>
        <source>as the window</source>
        <translation>與視窗相同</translation>
    </message>
</context>
<context>
    <name>Chorus::SnippetDialog</name>
    <message>
        <source>Snippets</source>
        <translation>指令片段</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>New snippet</source>
        <translation>新指令片段</translation>
    </message>
</context>
<context>
    <name>Chorus::SnippetParameterDialog</name>
    <message>
        <source>Snippet Parameters</source>
        <translation>程式碼片段參數</translation>
    </message>
    <message>
        <source>Put in the command as typed: quote it yourself if it has spaces that are not meant to split words</source>
        <translation>依輸入原樣放入指令：若其中的空格不是用來分隔單字，請自行加上引號</translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalGroup</name>
    <message>
        <source>Type to All</source>
        <translation>輸入到全部</translation>
    </message>
    <message>
        <source>What is typed into the focused terminal also goes to every terminal of this tab that receives (Ctrl+Shift+A)</source>
        <translation>在目前終端機輸入的內容也會送到本分頁中所有接收的終端機 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>This One Only</source>
        <translation>僅此終端機</translation>
    </message>
    <message>
        <source>Typing goes to the focused terminal alone, while Type to All stays set (Ctrl+Shift+O)</source>
        <translation>輸入只送到目前終端機，「輸入到全部」保持開啟 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>終端機：%1</translation>
    </message>
    <message numerus="yes">
        <source>Terminals: %1 and %n more</source>
        <translation>
            <numerusform>終端機：%1 等另外 %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste into several terminals</source>
        <translation>貼上到多個終端機</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n line(s) into %1 terminals?</source>
        <translation>
            <numerusform>將 %n 行貼上到 %1 個終端機？</numerusform>
        </translation>
    </message>
    <message>
        <source>Each line runs as a command on every host that receives.</source>
        <translation>每一行都會在所有接收的主機上作為指令執行。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <source>Typing goes to the focused terminal only.</source>
        <translation>輸入只送到目前終端機。</translation>
    </message>
    <message numerus="yes">
        <source>Typing goes to %1 of %n terminal(s).</source>
        <translation>
            <numerusform>輸入送到 %n 個終端機中的 %1 個。</numerusform>
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
        <translation>「輸入到全部」會送到此終端機</translation>
    </message>
    <message>
        <source>Receives typing to all: %1</source>
        <translation>接收輸入到全部：%1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Write what this host sends to a file</source>
        <translation>將此主機送出的內容寫入檔案</translation>
    </message>
    <message>
        <source>Session log: %1</source>
        <translation>工作階段記錄：%1</translation>
    </message>
    <message>
        <source>Log as Plain Text...</source>
        <translation>記錄為純文字...</translation>
    </message>
    <message>
        <source>Log Raw, with Escape Sequences...</source>
        <translation>原樣記錄（含跳脫序列）...</translation>
    </message>
    <message>
        <source>Stop Logging</source>
        <translation>停止記錄</translation>
    </message>
    <message>
        <source>Maximise: %1</source>
        <translation>最大化：%1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新連線</translation>
    </message>
    <message>
        <source>Reconnect: %1</source>
        <translation>重新連線：%1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>終端機：%1</translation>
    </message>
    <message>
        <source>%1: waiting for the host key to be accepted</source>
        <translation>%1：等待接受主機金鑰</translation>
    </message>
    <message>
        <source>%1: authenticating</source>
        <translation>%1：正在驗證</translation>
    </message>
    <message>
        <source>%1: waiting for a password</source>
        <translation>%1：等待密碼</translation>
    </message>
    <message>
        <source>%1: connecting</source>
        <translation>%1：正在連線</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>the shell was killed by signal %1</source>
        <translation>shell 被訊號 %1 終止</translation>
    </message>
    <message>
        <source>the shell ended with exit status %1</source>
        <translation>shell 已結束，結束狀態 %1</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>工作階段記錄</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <source>Show every terminal of the group again (Ctrl+Shift+Enter)</source>
        <translation>重新顯示本組的所有終端機 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Show only this terminal (Ctrl+Shift+Enter)</source>
        <translation>只顯示此終端機 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Session log for %1</source>
        <translation>%1 的工作階段記錄</translation>
    </message>
    <message>
        <source>%1 (logging)</source>
        <translation>%1（記錄中）</translation>
    </message>
    <message>
        <source>Logging to %1</source>
        <translation>正在記錄到 %1</translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalView</name>
    <message>
        <source>Terminal</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Terminal scrollback</source>
        <translation>終端機回捲緩衝區</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Scrollback</source>
        <translation>清除回捲緩衝區(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Chorus::TransferDialog</name>
    <message>
        <source>&amp;Push: copy local files to the hosts</source>
        <translation>推送(&amp;P)：將本機檔案複製到主機</translation>
    </message>
    <message>
        <source>P&amp;ull: collect a file or folder from the hosts</source>
        <translation>拉取(&amp;U)：從主機收集檔案或資料夾</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verify with SHA-256 after writing (runs sha256sum on the host)</source>
        <translation>寫入後以 SHA-256 驗證(&amp;V)（在主機上執行 sha256sum）</translation>
    </message>
    <message numerus="yes">
        <source>Copy Files on %n Host(s)</source>
        <translation>
            <numerusform>在 %n 台主機上複製檔案</numerusform>
        </translation>
    </message>
    <message>
        <source>Local files and folders to send</source>
        <translation>要傳送的本機檔案和資料夾</translation>
    </message>
    <message>
        <source>Add &amp;Files...</source>
        <translation>新增檔案(&amp;F)...</translation>
    </message>
    <message>
        <source>Add F&amp;older...</source>
        <translation>新增資料夾(&amp;O)...</translation>
    </message>
    <message>
        <source>/tmp or ~/bin: an existing folder on every host</source>
        <translation>/tmp 或 ~/bin：每台主機上都已存在的資料夾</translation>
    </message>
    <message>
        <source>Remote folder</source>
        <translation>遠端資料夾</translation>
    </message>
    <message>
        <source>Local files:</source>
        <translation>本機檔案：</translation>
    </message>
    <message>
        <source>/var/log/syslog or /etc/nginx</source>
        <translation>/var/log/syslog 或 /etc/nginx</translation>
    </message>
    <message>
        <source>Remote file or folder</source>
        <translation>遠端檔案或資料夾</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本機資料夾</translation>
    </message>
    <message>
        <source>Each host's copy goes into a subfolder named after the host</source>
        <translation>每台主機的副本放入以該主機命名的子資料夾</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>瀏覽(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Into local folder:</source>
        <translation>存入本機資料夾(&amp;I)：</translation>
    </message>
    <message>
        <source>When the file exists</source>
        <translation>檔案已存在時</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>取代</translation>
    </message>
    <message>
        <source>Replace it if size or time differ</source>
        <translation>大小或時間不同時取代</translation>
    </message>
    <message>
        <source>Keep it (skip the file)</source>
        <translation>保留（略過該檔案）</translation>
    </message>
    <message>
        <source>When a file &amp;exists:</source>
        <translation>檔案已存在時(&amp;E)：</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>收集到資料夾</translation>
    </message>
    <message>
        <source>Files to send</source>
        <translation>要傳送的檔案</translation>
    </message>
    <message>
        <source>Folder to send</source>
        <translation>要傳送的資料夾</translation>
    </message>
    <message>
        <source>Add the files or folders to send.</source>
        <translation>請新增要傳送的檔案或資料夾。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Name the remote folder the files go into.</source>
        <translation>請指定存放檔案的遠端資料夾。</translation>
    </message>
    <message>
        <source>Name the remote file or folder to collect.</source>
        <translation>請指定要收集的遠端檔案或資料夾。</translation>
    </message>
    <message>
        <source>Choose the local folder to collect into.</source>
        <translation>請選擇用於收集的本機資料夾。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是檔案，不是資料夾。</translation>
    </message>
    <message>
        <source>Remote fol&amp;der:</source>
        <translation>遠端資料夾(&amp;D)：</translation>
    </message>
    <message>
        <source>Remote pa&amp;th:</source>
        <translation>遠端路徑(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 不是目錄</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>無法建立目錄 %1</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>無法在 %1 中寫入：%2</translation>
    </message>
</context>
<context>
    <name>ClusterShellImporter</name>
    <message>
        <source>group "%1" is defined again (first on line %2); this one is ignored</source>
        <translation>群組「%1」被重複定義（首次定義在第 %2 行）；忽略此處的定義</translation>
    </message>
    <message>
        <source>group "%1" includes itself</source>
        <translation>群組「%1」包含了它自己</translation>
    </message>
    <message>
        <source>set operators (!, &amp;, ^) are not supported; group "%1" imported empty</source>
        <translation>不支援集合運算子（!、&amp;、^）；群組「%1」匯入為空</translation>
    </message>
    <message>
        <source>unknown group "%1"</source>
        <translation>未知的群組「%1」</translation>
    </message>
    <message>
        <source>bad node name "%1"</source>
        <translation>節點名稱「%1」無效</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>expected group sources ("source: {group: nodes}")</source>
        <translation>應為群組來源（「source: {group: nodes}」）</translation>
    </message>
    <message>
        <source>expected a group source holding "group: nodes" entries</source>
        <translation>應為包含「group: nodes」項目的群組來源</translation>
    </message>
    <message>
        <source>a group name must be text</source>
        <translation>群組名稱必須是文字</translation>
    </message>
    <message>
        <source>group "%1": only node sets can be listed</source>
        <translation>群組「%1」：清單中只能是節點集</translation>
    </message>
    <message>
        <source>group "%1": expected a node set</source>
        <translation>群組「%1」：應為節點集</translation>
    </message>
    <message>
        <source>expected "group: nodes"</source>
        <translation>應為「group: nodes」</translation>
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
輸出 Chorus 依 ssh 設定為 HOST 得出的設定值，每行一條 "keyword value"，
與 "ssh -G HOST" 輸出 ssh 所得設定值的方式相同，以便比對兩者。
不會連線到任何主機；但 Match exec 指令確實會執行。

  -F, --ssh-config FILE       讀取 FILE（及其引入的檔案），取代 ~/.ssh/config
                              和 /etc/ssh/ssh_config，與 ssh -F 相同；"none" 表示不讀取任何檔案。
  -O, --option OPTION=VALUE   一行 ssh_config 設定，優先於設定檔，與 ssh -o 相同
                              （可重複）。
  -h, --help                  顯示此說明文字。

HOST 的寫法與 ssh 相同：別名、[user@]host 或 ssh://[user@]host[:port]。
ProxyCommand 顯示時其中的 %-替代符號已展開，而 ssh -G 則按原樣顯示。
結束狀態：0 已輸出，2 無法解析該主機，64 用法錯誤。
</translation>
    </message>
    <message>
        <source>%1 (see 'chorus config --help')</source>
        <translation>%1（參見 'chorus config --help'）</translation>
    </message>
    <message>
        <source>name the host to show</source>
        <translation>請指定要顯示的主機</translation>
    </message>
    <message>
        <source>give one host, not %1</source>
        <translation>只能指定一台主機，而不是 %1 台</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": no such file</source>
        <translation>無法讀取 ssh 設定「%1」：沒有這個檔案</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": it is a directory</source>
        <translation>無法讀取 ssh 設定「%1」：它是一個目錄</translation>
    </message>
    <message>
        <source>cannot read ssh config "%1": %2</source>
        <translation>無法讀取 ssh 設定「%1」：%2</translation>
    </message>
</context>
<context>
    <name>DurationTicker</name>
    <message>
        <source>minutes</source>
        <translation>分鐘</translation>
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
        <translation>磁碟已滿或超出配額</translation>
    </message>
    <message>
        <source>%1; the partial file may remain as %2</source>
        <translation>%1；未完成的檔案可能仍留在 %2</translation>
    </message>
    <message>
        <source>unexpected answer from the server</source>
        <translation>伺服器傳回了非預期的回應</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: not a directory</source>
        <translation>%1：不是目錄</translation>
    </message>
    <message>
        <source>cannot create the local folder %1</source>
        <translation>無法建立本機資料夾 %1</translation>
    </message>
    <message>
        <source>%1: not a regular file or folder</source>
        <translation>%1：不是一般檔案或資料夾</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1：沒有這個檔案或目錄</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是資料夾</translation>
    </message>
    <message>
        <source>%1: cannot create the folder: %2</source>
        <translation>%1：無法建立資料夾：%2</translation>
    </message>
    <message>
        <source>%1: the file shrank while it was being sent</source>
        <translation>%1：檔案在傳送過程中變小了</translation>
    </message>
    <message>
        <source>writing %1: %2</source>
        <translation>寫入 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot set mode and time: %2</source>
        <translation>%1：無法設定權限和時間：%2</translation>
    </message>
    <message>
        <source>%1: checksum check failed: %2</source>
        <translation>%1：檢查碼檢查失敗：%2</translation>
    </message>
    <message>
        <source>%1: checksum mismatch after writing (SHA-256 here %2, there %3); the file was not put in place</source>
        <translation>%1：寫入後檢查碼不一致（本機 SHA-256 為 %2，遠端為 %3）；檔案未放到目標位置</translation>
    </message>
    <message>
        <source>%1: cannot put the file in place: %2</source>
        <translation>%1：無法將檔案放到目標位置：%2</translation>
    </message>
    <message>
        <source>%1: a folder is in the way</source>
        <translation>%1：該位置已有一個資料夾</translation>
    </message>
    <message>
        <source>reading %1: %2</source>
        <translation>讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1: checksum mismatch after copying (SHA-256 there %2, here %3); the file was not put in place</source>
        <translation>%1：複製後檢查碼不一致（遠端 SHA-256 為 %2，本機為 %3）；檔案未放到目標位置</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>連線已中斷</translation>
    </message>
    <message>
        <source>the server refused to run the checksum command</source>
        <translation>伺服器拒絕執行檢查碼指令</translation>
    </message>
    <message>
        <source>%1 exited with status %2</source>
        <translation>%1 以狀態 %2 結束</translation>
    </message>
    <message>
        <source>%1 printed no SHA-256</source>
        <translation>%1 沒有輸出 SHA-256</translation>
    </message>
    <message>
        <source>transfer cut: %1</source>
        <translation>傳輸中斷：%1</translation>
    </message>
    <message>
        <source>transfer cut: %1 while copying %2</source>
        <translation>複製 %2 時傳輸中斷：%1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 bytes)</source>
        <translation>%1（已傳 %2 / %3 位元組）</translation>
    </message>
    <message>
        <source>transfer stalled: no progress for %1 s</source>
        <translation>傳輸停滯：%1 秒沒有進展</translation>
    </message>
    <message>
        <source>transfer stalled: no progress for %1 s while copying %2</source>
        <translation>複製 %2 時傳輸停滯：%1 秒沒有進展</translation>
    </message>
    <message>
        <source>closing before the copy was complete</source>
        <translation>複製完成之前即被關閉</translation>
    </message>
    <message>
        <source>%1: folders nested more than %2 deep (the limit); stopped, as a server that lists a folder inside itself would never end</source>
        <translation>%1：資料夾巢狀超過 %2 層（上限）；已停止，因為把資料夾列在自身之內的伺服器永遠不會結束</translation>
    </message>
    <message>
        <source>%1: more than %2 entries in one folder (the limit); stopped</source>
        <translation>%1：一個資料夾中超過 %2 個項目（上限）；已停止</translation>
    </message>
    <message>
        <source>%1: more than %2 files and folders in all (the limit); stopped</source>
        <translation>%1：檔案和資料夾總數超過 %2 個（上限）；已停止</translation>
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
            <numerusform>%n 個不同的行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主機</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 個組</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 of them not on every host; %3 in %4</source>
        <translation>%1，其中 %2 個並非所有主機都有；%3，分為 %4</translation>
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

Chorus 記錄的執行，最新的在前。
list：--command 只保留指令包含 TEXT 的執行；--host 只保留包含主機 NAME（名稱或
user@host:port）的執行；--outcome 只保留有主機以 ok、non-zero、failed、timed-out 或
cancelled 結束的執行；--since 只保留在該日期當天或之後開始的執行；--limit 只保留最近的
N 次。--json 每行輸出一次執行的 JSON 物件（run、command、started、duration_ms、hosts、ok、
non_zero_exit、failed、timed_out、cancelled）。
show：執行 RUN 的每台主機、其結束方式和輸出；--json 每行輸出一台主機的 JSON 物件，
與 chorus run --json 相同。

結束狀態：0 完成；1 無法讀取歷程或沒有該次執行；64 用法錯誤。
</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 個成功</translation>
    </message>
    <message>
        <source>%1 non-zero</source>
        <translation>%1 個非零結束</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 個失敗</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 個逾時</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 個已取消</translation>
    </message>
    <message>
        <source>say what to do: chorus history list|show (see chorus history --help)</source>
        <translation>請指定操作：chorus history list|show（參見 chorus history --help）</translation>
    </message>
    <message>
        <source>unknown action "%1": chorus history list|show</source>
        <translation>未知操作「%1」：chorus history list|show</translation>
    </message>
    <message>
        <source>One JSON object per run.</source>
        <translation>每次執行輸出一個 JSON 物件。</translation>
    </message>
    <message>
        <source>Command contains TEXT.</source>
        <translation>指令包含 TEXT。</translation>
    </message>
    <message>
        <source>Had the host NAME.</source>
        <translation>包含主機 NAME。</translation>
    </message>
    <message>
        <source>Some host ended so.</source>
        <translation>有主機以此結果結束。</translation>
    </message>
    <message>
        <source>Started on DATE or later.</source>
        <translation>在 DATE 當天或之後開始。</translation>
    </message>
    <message>
        <source>The N newest runs.</source>
        <translation>最近的 N 次執行。</translation>
    </message>
    <message>
        <source>list takes no arguments, only options: "%1"</source>
        <translation>list 不接受引數，只接受選項：「%1」</translation>
    </message>
    <message>
        <source>--outcome: "%1" is not one of ok, non-zero, failed, timed-out, cancelled</source>
        <translation>--outcome：「%1」不是 ok、non-zero、failed、timed-out、cancelled 之一</translation>
    </message>
    <message>
        <source>--since: "%1" is not a date like 2026-11-21</source>
        <translation>--since：「%1」不是形如 2026-11-21 的日期</translation>
    </message>
    <message>
        <source>--limit: "%1" is not a whole number of at least 1</source>
        <translation>--limit：「%1」不是大於等於 1 的整數</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4 hosts: %5  %6
</source>
        <translation>%1  %2  %3  %4 台主機：%5  %6
</translation>
    </message>
    <message>
        <source>One JSON object per host.</source>
        <translation>每台主機輸出一個 JSON 物件。</translation>
    </message>
    <message>
        <source>The run's number, as list shows it.</source>
        <translation>執行編號，即 list 顯示的編號。</translation>
    </message>
    <message>
        <source>show takes one run number: chorus history show RUN [--json]</source>
        <translation>show 需要一個執行編號：chorus history show RUN [--json]</translation>
    </message>
    <message>
        <source>"%1" is not a run number (see chorus history list)</source>
        <translation>「%1」不是執行編號（參見 chorus history list）</translation>
    </message>
    <message>
        <source>there is no run %1 in the history</source>
        <translation>歷程中沒有執行 %1</translation>
    </message>
    <message>
        <source>Run %1: %2
Started %3, took %4, %5 hosts
</source>
        <translation>執行 %1：%2
開始於 %3，費時 %4，%5 台主機
</translation>
    </message>
    <message>
        <source> [output truncated: %1 + %2 bytes sent]</source>
        <translation> [輸出已截斷：共傳送 %1 + %2 位元組]</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1h%2m</source>
        <translation>%1時%2分</translation>
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
        <translation>%1：需要密碼，但沒有提供</translation>
    </message>
    <message>
        <source>%1: a password is needed and none was given (stdin is not a terminal to ask on)</source>
        <translation>%1：需要密碼，但沒有提供（標準輸入不是終端機，無法詢問）</translation>
    </message>
    <message>
        <source>%1: a passphrase is needed and none was given</source>
        <translation>%1：需要金鑰密語，但沒有提供</translation>
    </message>
    <message>
        <source>%1: a passphrase is needed and none was given (stdin is not a terminal to ask on)</source>
        <translation>%1：需要金鑰密語，但沒有提供（標準輸入不是終端機，無法詢問）</translation>
    </message>
    <message>
        <source>%1: a sudo password is needed and none was given</source>
        <translation>%1：需要 sudo 密碼，但沒有提供</translation>
    </message>
    <message>
        <source>[sudo] password for %1 on the hosts: </source>
        <translation>[sudo] %1 在各主機上的密碼：</translation>
    </message>
    <message>
        <source>%1@%2's password: </source>
        <translation>%1@%2 的密碼：</translation>
    </message>
    <message>
        <source>that was refused; Enter passphrase for key '%1': </source>
        <translation>密語被拒絕；請輸入金鑰「%1」的密語：</translation>
    </message>
    <message>
        <source>Enter passphrase for key '%1': </source>
        <translation>請輸入金鑰「%1」的密語：</translation>
    </message>
    <message>
        <source>The authenticity of host '%1' can't be established.
%2 key fingerprint is %3.
Record it in %4 and connect (yes/no)? </source>
        <translation>無法確認主機「%1」的真實性。
%2 金鑰指紋為 %3。
要將其記錄到 %4 並連線嗎？(yes/no) </translation>
    </message>
    <message>
        <source>Hosts in flight at once (default 64).</source>
        <translation>同時進行的主機數（預設 64）。</translation>
    </message>
    <message>
        <source>SSH worker threads (default: one per CPU core).</source>
        <translation>SSH 工作執行緒數（預設：每個 CPU 核心一個）。</translation>
    </message>
    <message>
        <source>--fanout: %1 is not a whole number of at least 1</source>
        <translation>--fanout：%1 不是大於等於 1 的整數</translation>
    </message>
    <message>
        <source>--threads: %1 is not a whole number from 1 to 256</source>
        <translation>--threads：%1 不是 1 到 256 之間的整數</translation>
    </message>
    <message>
        <source>Say how each host's connection went, as ssh -v does: the keys offered, what the server refused, retries.</source>
        <translation>像 ssh -v 一樣說明每台主機的連線過程：提供了哪些金鑰、伺服器拒絕了什麼、重試情況。</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>顯示版本資訊。</translation>
    </message>
    <message>
        <source>connected on attempt %1</source>
        <translation>第 %1 次嘗試時連線成功</translation>
    </message>
    <message numerus="yes">
        <source>%1@%2's password (used for %1 on %n host(s)): </source>
        <translation>
            <numerusform>%1@%2 的密碼（用於 %n 台主機上的 %1）： </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1@%2: %3 (used for %1 on %n host(s)) </source>
        <translation>
            <numerusform>%1@%2：%3（用於 %n 台主機上的 %1） </numerusform>
        </translation>
    </message>
    <message>
        <source>that was refused; %1</source>
        <translation>被拒絕；%1</translation>
    </message>
</context>
<context>
    <name>HostJob</name>
    <message>
        <source>not started: another host failed first (fail-fast)</source>
        <translation>未開始：已有其他主機先失敗（fail-fast）</translation>
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
        <translation>從 FILE 讀取主機，每行一個 [user@]host[:port]；# 開始註解。可多次指定。</translation>
    </message>
    <message>
        <source>OpenSSH client config to read instead of ~/.ssh/config.</source>
        <translation>代替 ~/.ssh/config 讀取的 OpenSSH 用戶端設定檔。</translation>
    </message>
    <message>
        <source>Give up connecting to a host after SEC seconds (default 10), where the ssh config sets no ConnectTimeout for it; 0: no limit.</source>
        <translation>連線主機 SEC 秒後放棄（預設 10），僅用於 ssh 設定未設定 ConnectTimeout 的主機；0：不限制。</translation>
    </message>
    <message>
        <source>What to do with a host key known_hosts does not list, where the ssh config sets no StrictHostKeyChecking for the host: strict (refuse; the default) or accept-new (record it and go on). A changed key is always refused.</source>
        <translation>對 known_hosts 中沒有的主機金鑰如何處理（僅用於 ssh 設定未設定 StrictHostKeyChecking 的主機）：strict（拒絕；預設）或 accept-new（記錄並繼續）。已變更的金鑰一律拒絕。</translation>
    </message>
    <message>
        <source>cannot read hosts file %1: it is a directory</source>
        <translation>無法讀取主機檔案 %1：它是一個目錄</translation>
    </message>
    <message>
        <source>cannot read hosts file %1: %2</source>
        <translation>無法讀取主機檔案 %1：%2</translation>
    </message>
    <message>
        <source>%1: one [user@]host[:port] per line, not %2</source>
        <translation>%1：每行應為一個 [user@]host[:port]，而不是 %2</translation>
    </message>
    <message>
        <source>--connect-timeout: %1 is not a number of seconds</source>
        <translation>--connect-timeout：%1 不是秒數</translation>
    </message>
    <message>
        <source>--host-keys: %1 is neither strict nor accept-new</source>
        <translation>--host-keys：%1 既不是 strict 也不是 accept-new</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: no such file</source>
        <translation>無法讀取 ssh 設定 %1：沒有這個檔案</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: it is a directory</source>
        <translation>無法讀取 ssh 設定 %1：它是一個目錄</translation>
    </message>
    <message>
        <source>cannot read ssh config %1: %2</source>
        <translation>無法讀取 ssh 設定 %1：%2</translation>
    </message>
    <message>
        <source>bad host %1: %2</source>
        <translation>無效的主機 %1：%2</translation>
    </message>
    <message>
        <source>no hosts to run on: name them with -w or -H</source>
        <translation>沒有要執行的主機：請用 -w 或 -H 指定</translation>
    </message>
    <message>
        <source>Hosts to run on, comma-separated: [user@]host[:port], an ssh_config alias, a range like web[01-20,33].example.com, or @group. May be given several times. There is no -p: a port goes with its host (db:2222), or to every host with -O Port=2222.</source>
        <translation>要執行的主機，以逗號分隔：[user@]host[:port]、ssh_config 別名、範圍（如 web[01-20,33].example.com）或 @group。可多次給出。沒有 -p：連接埠跟在主機後面（db:2222），或用 -O Port=2222 套用到所有主機。</translation>
    </message>
    <message>
        <source>Leave out these hosts: names, ranges, @groups or patterns with * and ?, comma-separated. May be given several times.</source>
        <translation>排除這些主機：名稱、範圍、@group 或含 * 和 ? 的模式，以逗號分隔。可多次給出。</translation>
    </message>
    <message>
        <source>Run on N hosts picked at random from the rest.</source>
        <translation>從其餘主機中隨機挑選 N 台執行。</translation>
    </message>
    <message>
        <source>Log in as USER on every host, as ssh -l (wins over user@ and the ssh config).</source>
        <translation>在每台主機上以 USER 登入，同 ssh -l（優先於 user@ 和 ssh 設定）。</translation>
    </message>
    <message>
        <source>An ssh_config option for this run, as ssh -o: Port=2222, "IdentityFile ~/.ssh/deploy". Wins over the config files. May be given several times.</source>
        <translation>本次執行的 ssh_config 選項，同 ssh -o：Port=2222、"IdentityFile ~/.ssh/deploy"。優先於設定檔。可多次給出。</translation>
    </message>
    <message>
        <source>--exclude: %1 matched none of the hosts</source>
        <translation>--exclude：%1 沒有符合任何主機</translation>
    </message>
    <message>
        <source>no hosts left to run on after --exclude</source>
        <translation>--exclude 之後沒有剩下要執行的主機</translation>
    </message>
    <message>
        <source>--pick: %1 is not a whole number of at least 1</source>
        <translation>--pick：%1 不是不小於 1 的整數</translation>
    </message>
    <message>
        <source>--user: %1 is not a user name</source>
        <translation>--user：%1 不是使用者名稱</translation>
    </message>
</context>
<context>
    <name>HostResult</name>
    <message>
        <source>exit status %1</source>
        <translation>結束代碼 %1</translation>
    </message>
    <message>
        <source>exited without a status</source>
        <translation>結束時沒有傳回狀態</translation>
    </message>
    <message>
        <source>killed by signal %1 (core dumped)</source>
        <translation>被訊號 %1 終止（已傾印核心）</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被訊號 %1 終止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>timed out: %1</source>
        <translation>逾時：%1</translation>
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
        <translation>範圍為空</translation>
    </message>
    <message>
        <source>empty element</source>
        <translation>元素為空</translation>
    </message>
    <message>
        <source>"%1" has too many bounds</source>
        <translation>「%1」的邊界過多</translation>
    </message>
    <message>
        <source>"%1" has no start</source>
        <translation>「%1」缺少起始值</translation>
    </message>
    <message>
        <source>"%1" has no end</source>
        <translation>「%1」缺少結束值</translation>
    </message>
    <message>
        <source>"%1" is too long a number</source>
        <translation>「%1」這個數字太長</translation>
    </message>
    <message>
        <source>"%1" is not a number</source>
        <translation>「%1」不是數字</translation>
    </message>
    <message>
        <source>"%1" and "%2" are zero-padded to different widths</source>
        <translation>「%1」和「%2」補零後的寬度不同</translation>
    </message>
    <message>
        <source>step "%1" is not a number above 0</source>
        <translation>步長「%1」不是大於 0 的數字</translation>
    </message>
    <message>
        <source>start is greater than end</source>
        <translation>起始值大於結束值</translation>
    </message>
    <message>
        <source>unbalanced "]" at character %1 of "%2"</source>
        <translation>「%2」的第 %1 個字元處有不成對的「]」</translation>
    </message>
    <message>
        <source>unbalanced "[" in "%1": missing "]"</source>
        <translation>「%1」中的「[」不成對：缺少「]」</translation>
    </message>
    <message>
        <source>nested "[" at character %1 of "%2"</source>
        <translation>「%2」的第 %1 個字元處有巢狀的「[」</translation>
    </message>
    <message>
        <source>malformed range "%1" in "%2": %3</source>
        <translation>「%2」中的範圍「%1」格式錯誤：%3</translation>
    </message>
    <message>
        <source>range "%1" in "%2" gives %3 names, more than the %4 allowed (a typo?)</source>
        <translation>「%2」中的範圍「%1」產生 %3 個名稱，超過允許的 %4 個（是否輸入有誤？）</translation>
    </message>
    <message>
        <source>"%1" gives %2 names, more than the %3 allowed (a typo?)</source>
        <translation>「%1」產生 %2 個名稱，超過允許的 %3 個（是否輸入有誤？）</translation>
    </message>
    <message>
        <source>empty item next to the comma at character %1 of "%2"</source>
        <translation>「%2」第 %1 個字元處的逗號旁邊是空項目</translation>
    </message>
    <message>
        <source>"%1" gives more than the %2 names allowed (a typo?)</source>
        <translation>「%1」產生的名稱超過允許的 %2 個（是否輸入有誤？）</translation>
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
        <translation>用法：chorus hosts 子指令 ...
管理 Chorus 連線的主機設定檔（與視窗中顯示的是同一份清單）。

  list [--json] [EXPRESSION]     列出所有主機，或運算式指定的主機。
  add NAME --host HOST [選項]    新增一台主機：
        --port P  --user U  --group PATH  --tag T（可重複）
        --auth agent|key|password|keyboard-interactive  --key FILE
        --jump HOST|PROFILE  --sudo  --notes TEXT
  import FILE [--format F] [--group PATH] [--dry-run]
                                 從 FILE 匯入主機；F 為 ssh-config、pssh、
                                 clustershell、ansible 或 chorus（省略時自動判斷）。
                                 現有的主機（使用者、主機、連接埠相同）會被合併。
  export FILE                    將所有主機寫入 FILE（不含密碼：密碼保留在
                                 金鑰圈中）。
  remove NAME|ID|EXPRESSION...   移除主機及其儲存的密碼。

運算式：@GROUP（含子群組）、@tag:TAG、@*（全部），或主機的名稱或 id。
結束狀態：0 完成，1 失敗，2 已匯入但略過了部分行，64 用法錯誤。
</translation>
    </message>
    <message>
        <source>%1: %2 (see 'chorus hosts --help')</source>
        <translation>%1：%2（參見 'chorus hosts --help'）</translation>
    </message>
    <message>
        <source>give at most one expression</source>
        <translation>最多只能提供一個運算式</translation>
    </message>
    <message>
        <source>No hosts yet: add one with 'chorus hosts add NAME --host HOST' or import a file with 'chorus hosts import FILE'.</source>
        <translation>還沒有主機：用 'chorus hosts add NAME --host HOST' 新增，或用 'chorus hosts import FILE' 匯入檔案。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>群組</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>missing the host's NAME</source>
        <translation>缺少主機的 NAME</translation>
    </message>
    <message>
        <source>unexpected "%1" after the name</source>
        <translation>名稱後出現非預期的「%1」</translation>
    </message>
    <message>
        <source>--host is required</source>
        <translation>必須提供 --host</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名稱為空</translation>
    </message>
    <message>
        <source>--host takes a host name only; give --user and --port separately</source>
        <translation>--host 只接受主機名稱；請另外用 --user 和 --port 指定使用者和連接埠</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port 必須是 1 到 65535 之間的數字</translation>
    </message>
    <message>
        <source>--user: bad user name "%1"</source>
        <translation>--user：無效的使用者名稱「%1」</translation>
    </message>
    <message>
        <source>--auth must be agent, key, password or keyboard-interactive</source>
        <translation>--auth 必須是 agent、key、password 或 keyboard-interactive</translation>
    </message>
    <message>
        <source>--auth key needs --key FILE</source>
        <translation>--auth key 需要 --key FILE</translation>
    </message>
    <message>
        <source>a host named "%1" already exists (id %2)</source>
        <translation>名為「%1」的主機已存在（id %2）</translation>
    </message>
    <message>
        <source>missing the FILE to import</source>
        <translation>缺少要匯入的 FILE</translation>
    </message>
    <message>
        <source>give one FILE at a time</source>
        <translation>一次只能提供一個 FILE</translation>
    </message>
    <message>
        <source>unknown format "%1" (one of %2)</source>
        <translation>未知格式「%1」（可選：%2）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：檔案不存在</translation>
    </message>
    <message>
        <source>cannot tell the format of %1; give --format</source>
        <translation>無法判斷 %1 的格式；請用 --format 指定</translation>
    </message>
    <message>
        <source>Reading %1 as %2 (choose with --format).</source>
        <translation>依 %2 格式讀取 %1（可用 --format 指定）。</translation>
    </message>
    <message>
        <source>Would import %1 hosts from %2: %3 new, %4 merged with hosts already there.</source>
        <translation>將從 %2 匯入 %1 台主機：%3 台新主機，%4 台與現有主機合併。</translation>
    </message>
    <message>
        <source>Imported %1 hosts from %2: %3 new, %4 merged with hosts already there.</source>
        <translation>已從 %2 匯入 %1 台主機：%3 台新主機，%4 台與現有主機合併。</translation>
    </message>
    <message>
        <source>give one FILE to write</source>
        <translation>請提供一個要寫入的 FILE</translation>
    </message>
    <message>
        <source>Exported %1 hosts to %2.</source>
        <translation>已將 %1 台主機匯出到 %2。</translation>
    </message>
    <message>
        <source>name the hosts to remove</source>
        <translation>請指定要移除的主機</translation>
    </message>
    <message>
        <source>; nothing was removed</source>
        <translation>；未移除任何主機</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: "%1" went through a removed host as its jump host; it cannot be reached until it gets another one</source>
        <translation>chorus hosts remove：警告：「%1」以一台已移除的主機作為跳板主機；在設定新的跳板主機之前將無法連線</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: the stored passwords of "%1" could not be deleted: %2</source>
        <translation>chorus hosts remove：警告：無法刪除「%1」儲存的密碼：%2</translation>
    </message>
    <message>
        <source>chorus hosts remove: warning: the keychain did not answer; stored passwords may remain</source>
        <translation>chorus hosts remove：警告：金鑰圈沒有回應；儲存的密碼可能仍然存在</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n host(s).</source>
        <translation>
            <numerusform>已移除 %n 台主機。</numerusform>
        </translation>
    </message>
    <message>
        <source>missing command: list, add, import, export or remove</source>
        <translation>缺少子指令：list、add、import、export 或 remove</translation>
    </message>
    <message>
        <source>unknown command "%1" (list, add, import, export or remove)</source>
        <translation>未知子指令「%1」（list、add、import、export 或 remove）</translation>
    </message>
    <message>
        <source>Print only names, one per line: the hosts' names, then every group as @GROUP and every tag as @tag:TAG.</source>
        <translation>只輸出名稱，每行一個：先是主機名稱，然後是每個群組（@GROUP）和每個標籤（@tag:TAG）。</translation>
    </message>
    <message>
        <source>give --json or --names, not both</source>
        <translation>請給出 --json 或 --names，不要同時給出</translation>
    </message>
</context>
<context>
    <name>InputPump</name>
    <message>
        <source>cannot read stdin: %1</source>
        <translation>無法讀取 stdin：%1</translation>
    </message>
</context>
<context>
    <name>InterruptHandler</name>
    <message>
        <source>chorus: a third signal: stopping at once, without cleaning up
</source>
        <translation>chorus：第三次收到訊號：立即停止，不做清理
</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>cannot keep a copy of %1 as %1.old</source>
        <translation>無法將 %1 的副本儲存為 %1.old</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1 for writing: %2</source>
        <translation>無法開啟 %1 進行寫入：%2</translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>cannot record the key of %1 in %2: the name, key type or key is not one known_hosts can hold</source>
        <translation>無法將 %1 的金鑰記錄到 %2：該名稱、金鑰類型或金鑰無法存放在 known_hosts 中</translation>
    </message>
    <message>
        <source>the key for %1 is marked @revoked in %2 line %3; refused</source>
        <translation>%1 的金鑰在 %2 第 %3 行被標記為 @revoked；已拒絕</translation>
    </message>
    <message>
        <source>another key for %1 was recorded in %2 line %3 meanwhile; refused</source>
        <translation>與此同時，%2 第 %3 行已記錄了 %1 的另一個金鑰；已拒絕</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>無法建立資料夾 %1</translation>
    </message>
    <message>
        <source>two hosts would write the same files %1.*</source>
        <translation>兩台主機會寫入同一組檔案 %1.*</translation>
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
        <translation>匯出圖表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 影像 (*.png);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>"%1" is not a string</source>
        <translation>「%1」不是字串</translation>
    </message>
    <message>
        <source>missing or malformed "id"</source>
        <translation>「id」缺少或格式錯誤</translation>
    </message>
    <message>
        <source>no "hostname"</source>
        <translation>沒有「hostname」</translation>
    </message>
    <message>
        <source>unknown "auth" value "%1"</source>
        <translation>未知的「auth」值「%1」</translation>
    </message>
    <message>
        <source>"port" is not a number from 1 to 65535</source>
        <translation>「port」不是 1 到 65535 之間的數字</translation>
    </message>
    <message>
        <source>"tags" is not a list</source>
        <translation>「tags」不是清單</translation>
    </message>
    <message>
        <source>"tags" holds something that is not a string</source>
        <translation>「tags」中有不是字串的內容</translation>
    </message>
    <message>
        <source>"useSudo" is not true or false</source>
        <translation>「useSudo」不是 true 或 false</translation>
    </message>
    <message>
        <source>"connectTimeoutMs" is not a number of milliseconds</source>
        <translation>「connectTimeoutMs」不是毫秒數</translation>
    </message>
    <message>
        <source>unknown "hostKeyPolicy" value</source>
        <translation>未知的「hostKeyPolicy」值</translation>
    </message>
    <message>
        <source>"jumpHandshakes" is not a number from 1 to 1000</source>
        <translation>「jumpHandshakes」不是 1 到 1000 之間的數字</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>無法讀取：%1</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message numerus="yes">
        <source>Chorus started from the backup %1 (saved %2, %n host(s)): changes made after that are not in the list.</source>
        <translation>
            <numerusform>Chorus 已從備份 %1 啟動（儲存於 %2，%n 台主機）：之後所做的變更不在清單中。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no usable backup, so the host list starts empty.</source>
        <translation>沒有可用的備份，因此主機清單從空白開始。</translation>
    </message>
    <message>
        <source>The host list %1 is missing. </source>
        <translation>主機清單 %1 不見了。</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>無法讀取它：%1</translation>
    </message>
    <message>
        <source>Your host list %1 could not be used: %2. </source>
        <translation>無法使用您的主機清單 %1：%2。</translation>
    </message>
    <message>
        <source>It was left as it is. </source>
        <translation>它維持原樣未動。</translation>
    </message>
    <message>
        <source>It was kept unchanged as %1. </source>
        <translation>它已原樣保存為 %1。</translation>
    </message>
    <message>
        <source>It could not be moved aside (%1), so Chorus will not save changes to the host list until the file is moved or repaired. </source>
        <translation>無法將它移到一旁（%1），因此在移走或修復該檔案之前，Chorus 不會儲存對主機清單的變更。</translation>
    </message>
    <message>
        <source>Could not save the host list to %1: %2. The file on disk is unchanged.</source>
        <translation>無法將主機清單儲存到 %1：%2。磁碟上的檔案維持不變。</translation>
    </message>
    <message>
        <source>the existing file could not be read and is kept as it is</source>
        <translation>現有檔案無法讀取，已維持原樣</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>無法建立資料夾 %1</translation>
    </message>
    <message>
        <source>cannot read the current file to back it up (%1)</source>
        <translation>無法讀取目前的檔案以進行備份（%1）</translation>
    </message>
    <message>
        <source>another program changed it since Chorus read it; load it again and repeat the change</source>
        <translation>Chorus 讀取之後有其他程式修改了它；請重新載入後再做一次變更</translation>
    </message>
    <message>
        <source>cannot write the backup %1 (%2)</source>
        <translation>無法寫入備份 %1（%2）</translation>
    </message>
    <message>
        <source>Could not export the host list to %1: %2</source>
        <translation>無法將主機清單匯出到 %1：%2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>檔案是空的</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>它不是有效的 JSON（第 %2 位元組處：%1）</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 物件</translation>
    </message>
    <message>
        <source>it has no "schema" version number</source>
        <translation>它沒有「schema」版本號</translation>
    </message>
    <message>
        <source>it was written by a newer version of Chorus (file format %1; this version reads up to %2)</source>
        <translation>它由較新版本的 Chorus 寫入（檔案格式 %1；此版本最多只能讀取 %2）</translation>
    </message>
    <message>
        <source>"groups" is not a list</source>
        <translation>「groups」不是清單</translation>
    </message>
    <message>
        <source>"groups" holds something that is not a string</source>
        <translation>「groups」中有不是字串的內容</translation>
    </message>
    <message>
        <source>"profiles" is not a list</source>
        <translation>「profiles」不是清單</translation>
    </message>
    <message>
        <source>profile %1 is not a JSON object</source>
        <translation>第 %1 個主機設定檔不是 JSON 物件</translation>
    </message>
    <message>
        <source>profile %1: %2</source>
        <translation>第 %1 個主機設定檔：%2</translation>
    </message>
    <message>
        <source>profile %1: id %2 is used twice</source>
        <translation>第 %1 個主機設定檔：id %2 被重複使用</translation>
    </message>
</context>
<context>
    <name>ProxyProcess</name>
    <message>
        <source>cannot start the ProxyCommand: %1</source>
        <translation>無法啟動 ProxyCommand：%1</translation>
    </message>
    <message>
        <source>cannot start the ProxyCommand with %1: %2</source>
        <translation>無法用 %1 啟動 ProxyCommand：%2</translation>
    </message>
</context>
<context>
    <name>PsshImporter</name>
    <message numerus="yes">
        <source>expected "[user@]host[:port] [user]", found %n fields</source>
        <translation>
            <numerusform>應為「[user@]host[:port] [user]」，卻有 %n 個欄位</numerusform>
        </translation>
    </message>
    <message>
        <source>two different users ("%1" and "%2")</source>
        <translation>兩個不同的使用者（「%1」和「%2」）</translation>
    </message>
    <message>
        <source>bad user name "%1"</source>
        <translation>使用者名稱「%1」無效</translation>
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
        <translation>伺服器拒絕執行該指令：%1</translation>
    </message>
    <message>
        <source>the channel closed without an exit status</source>
        <translation>通道已關閉，沒有結束狀態</translation>
    </message>
    <message>
        <source>sudo refused the password</source>
        <translation>sudo 拒絕了密碼</translation>
    </message>
    <message>
        <source>no sudo password given</source>
        <translation>未提供 sudo 密碼</translation>
    </message>
    <message>
        <source>command timeout (%1 s)</source>
        <translation>指令逾時（%1 秒）</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>連線已中斷</translation>
    </message>
    <message>
        <source>the server refused a session channel: %1</source>
        <translation>伺服器拒絕開啟工作階段通道：%1</translation>
    </message>
    <message>
        <source>the server refused a terminal (PTY): %1</source>
        <translation>伺服器拒絕了終端機（PTY）：%1</translation>
    </message>
    <message>
        <source>the server did not accept the variable %1 (see AcceptEnv in its sshd_config)</source>
        <translation>伺服器不接受變數 %1（請參閱其 sshd_config 中的 AcceptEnv）</translation>
    </message>
    <message>
        <source>the server refused a shell: %1</source>
        <translation>伺服器拒絕了 shell：%1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已關閉</translation>
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
        <translation>要在每台主機上執行的 shell 指令。選項須放在前面。</translation>
    </message>
    <message>
        <source>Stop the command on a host after SEC seconds (default: no limit).</source>
        <translation>指令在主機上執行 SEC 秒後停止（預設：不限制）。</translation>
    </message>
    <message>
        <source>Also write every byte to DIR/HOST.out and DIR/HOST.err, and the exit status (or the error) to DIR/HOST.exit. With --repeat, each round writes to DIR/round-N.</source>
        <translation>同時將所有輸出寫入 DIR/HOST.out 和 DIR/HOST.err，並將結束狀態（或錯誤）寫入 DIR/HOST.exit。使用 --repeat 時，每輪寫入 DIR/round-N。</translation>
    </message>
    <message>
        <source>Group hosts with identical output, like clush -b.</source>
        <translation>將輸出相同的主機歸為一組，與 clush -b 相同。</translation>
    </message>
    <message>
        <source>Run the command K times in a row over the same connections and print each round's time on stderr.</source>
        <translation>透過相同的連線連續執行指令 K 次，並在 stderr 上輸出每輪的費時。</translation>
    </message>
    <message>
        <source>Run the command under sudo. The password is asked for once on the terminal (or read from the first line of stdin when that is not a terminal) and used on every host.</source>
        <translation>以 sudo 執行指令。密碼只在終端機上詢問一次（標準輸入不是終端機時從其第一行讀取），並用於所有主機。</translation>
    </message>
    <message>
        <source>Usage: chorus run [options] [--] COMMAND...</source>
        <translation>用法：chorus run [選項] [--] COMMAND...</translation>
    </message>
    <message>
        <source>--timeout: %1 is not a number of seconds</source>
        <translation>--timeout：%1 不是秒數</translation>
    </message>
    <message>
        <source>--repeat: %1 is not a whole number of at least 1</source>
        <translation>--repeat：%1 不是大於等於 1 的整數</translation>
    </message>
    <message>
        <source>--output-dir: the directory name is empty</source>
        <translation>--output-dir：目錄名稱為空</translation>
    </message>
    <message>
        <source>no command given: chorus run [options] [--] COMMAND</source>
        <translation>未指定指令：chorus run [選項] [--] COMMAND</translation>
    </message>
    <message>
        <source>round %1/%2: %3 s, %4</source>
        <translation>第 %1/%2 輪：%3 秒，%4</translation>
    </message>
    <message>
        <source>%1; output cut at %2 bytes (stdout %3 bytes, stderr %4 bytes; -o keeps all)</source>
        <translation>%1；輸出在 %2 位元組處截斷（stdout %3 位元組，stderr %4 位元組；-o 可保留全部）</translation>
    </message>
    <message>
        <source>all %1 hosts answered alike: %2</source>
        <translation>全部 %1 台主機的結果相同：%2</translation>
    </message>
    <message>
        <source>interrupted: cancelling the commands still running</source>
        <translation>已中斷：正在取消仍在執行的指令</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in %1 s</source>
        <translation>
            <numerusform>%n 台主機，費時 %1 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in %1 s, %2 in flight</source>
        <translation>
            <numerusform>%n 台主機，費時 %1 秒，%2 台進行中</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>%1/%2 done, %3 in flight</source>
        <translation>已完成 %1/%2，%3 台進行中</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 個成功</translation>
    </message>
    <message>
        <source>%1 exited non-zero</source>
        <translation>%1 個非零結束</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 個失敗</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>round %1/%2: %3</source>
        <translation>第 %1/%2 輪：%3</translation>
    </message>
    <message>
        <source>--output-dir: %1</source>
        <translation>--output-dir：%1</translation>
    </message>
    <message>
        <source>still cancelling; a third interrupt stops at once</source>
        <translation>仍在取消；再中斷一次將立即停止</translation>
    </message>
    <message>
        <source>Do not send stdin to the commands: each gets an empty stdin.</source>
        <translation>不把 stdin 傳送給指令：每個指令得到空的 stdin。</translation>
    </message>
    <message>
        <source>Run the local script FILE on every host, sent on stdin to the interpreter its #! line names (bash -s by default); the arguments after -- are the script's. Nothing is left on the hosts.</source>
        <translation>在每台主機上執行本機指令碼 FILE，透過 stdin 傳送給其 #! 行指定的直譯器（預設 bash -s）；-- 之後的參數歸指令碼所有。主機上不留下任何檔案。</translation>
    </message>
    <message>
        <source>Print output lines without the "HOST: " in front.</source>
        <translation>輸出的行前面不加「HOST: 」。</translation>
    </message>
    <message>
        <source>No progress line on the terminal.</source>
        <translation>終端機上不顯示進度行。</translation>
    </message>
    <message>
        <source>Run the command on a terminal (a PTY), for commands that need one, such as sudo with requiretty. Its stderr then comes with stdout.</source>
        <translation>在終端機（PTY）上執行指令，用於需要終端機的指令，例如設定了 requiretty 的 sudo。此時其 stderr 與 stdout 合在一起。</translation>
    </message>
    <message>
        <source>Set NAME=VALUE for the command (SetEnv; the server's AcceptEnv decides, and a refusal is said). Repeatable.</source>
        <translation>為指令設定 NAME=VALUE（SetEnv；由伺服器的 AcceptEnv 決定，被拒絕時會說明）。可重複。</translation>
    </message>
    <message>
        <source>--env: %1 is not NAME=VALUE</source>
        <translation>--env：%1 不是 NAME=VALUE</translation>
    </message>
    <message>
        <source>--sudo: stdin ended before the password line</source>
        <translation>--sudo：stdin 在密碼行之前就結束了</translation>
    </message>
    <message>
        <source>--repeat: stdin is larger than %1 MiB, too much to keep for every round; run once per round, or give the commands their input another way (-n)</source>
        <translation>--repeat：stdin 大於 %1 MiB，太大，無法為每一輪保留；請每輪執行一次，或用其他方式給指令輸入（-n）</translation>
    </message>
    <message>
        <source>stdin is larger than %1 MiB, too much to keep for the hosts beyond --fanout %2; raise it to %3 to stream the input to every host at once</source>
        <translation>stdin 大於 %1 MiB，太大，無法為 --fanout %2 之外的主機保留；將其提高到 %3，即可同時把輸入串流傳送給每台主機</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>After the first host that does not succeed, start no more hosts (those not started are reported as such, exit status 2).</source>
        <translation>第一台主機未成功後，不再開始其他主機（未開始的主機會如實回報，結束狀態 2）。</translation>
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
        <translation>透過 SSH 在所有主機上同時執行 COMMAND，並輸出傳回的結果。

輸出：預設每行一到達就輸出，前綴為「HOST: 」（stderr 的行輸出到 stderr）。
-b 將 stdout、stderr 和結束狀態完全相同的主機歸為一組，最大的組在前。
--diff 輸出每組相對於以 0 結束的最大組的統一格式差異（unified diff）。
--matrix 在所有主機結束後，輸出並非所有主機都印出的 stdout 行，主機最多的在前，每行一筆：
多少台主機印出了它、是哪些（「on HOSTS」，或至少一半印出時為「not on HOSTS」），以及跳脫了
控制字元的該行；最後是一行摘要。指令沒有執行到結束或輸出被截斷的主機不計入其中。
--json 在每台主機結束時，每台主機輸出一行 JSON 物件，欄位為 host、
exit_status、signal、stdout、stderr（不是有效 UTF-8 時改為 stdout_b64、stderr_b64）、
truncated、error、duration_ms、phases_ms（自執行開始的毫秒數：resolved、tcp_connected、
kex_done、host_key_checked、authenticated、channel_opened、exec_started、first_byte、exited；
未到達的階段為 null）、reused_connection 和 connect_attempts（所用的 TCP 連線數）；
使用 --repeat 時還有 round。主機之後還有一個物件（唯一沒有 host 欄位的物件），含 groups
（輸出相同的主機：hosts、hostset、count、exit_status、signal、error、truncated），使用 --matrix
時還有 matrix（並非所有主機都印出的行：line 或 line_b64、hosts、hostset、count）、
matrix_lines（不同行的數量）和 matrix_left_out（未計入的主機）。

結束狀態：0 所有指令都以 0 結束；1 有指令以非零狀態結束或被終止；
2 有主機連線或驗證失敗、逾時或被取消（Ctrl+C）；
64 用法錯誤（未連線任何主機）。

輸入：stdin 不是終端機時，會傳送給每台主機的指令（依最慢的主機讀取的速度讀取，最多提前 16 MiB），
然後傳送檔案結束；使用 --repeat 或主機數多於 --fanout 時，會完整保留給稍後開始的主機（最多 64 MiB）。
-n 讓指令得到空的 stdin。使用 --sudo 時，stdin 的第一行是 sudo 密碼。--script FILE 把 FILE
傳送給每台主機上的直譯器（取自其 #! 行；預設 bash），-- 之後的參數歸指令碼所有。

Ctrl+C 會取消仍在執行的指令，並輸出到目前為止傳回的結果。</translation>
    </message>
    <message>
        <source>Print a unified diff of every group against the largest one that exited 0.</source>
        <translation>輸出每組相對於以 0 結束的最大組的統一格式差異。</translation>
    </message>
    <message>
        <source>Once every host has finished, print the lines of stdout that not every host printed, with how many and which hosts did.</source>
        <translation>所有主機結束後，輸出並非所有主機都印出了的 stdout 行，以及印出它們的主機數和主機。</translation>
    </message>
    <message>
        <source>One JSON object per host and line, then one for the groups.</source>
        <translation>每台主機輸出一行 JSON 物件，最後一個物件給出分組。</translation>
    </message>
    <message>
        <source>--json cannot be combined with --diff</source>
        <translation>--json 不能與 --diff 同時使用</translation>
    </message>
    <message>
        <source>left out of the matrix, without a complete output: %1</source>
        <translation>沒有完整輸出，未計入矩陣：%1</translation>
    </message>
</context>
<context>
    <name>RunExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>無法建立資料夾 %1</translation>
    </message>
    <message>
        <source>Two hosts would write the same files %1.*</source>
        <translation>兩台主機會寫入相同的檔案 %1.*</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>chorus: cannot write %1</source>
        <translation>chorus：無法寫入 %1</translation>
    </message>
</context>
<context>
    <name>SessionLog</name>
    <message>
        <source>Cannot write the session log %1: %2</source>
        <translation>無法寫入工作階段記錄 %1：%2</translation>
    </message>
    <message>
        <source>Writing the session log %1 failed: %2</source>
        <translation>寫入工作階段記錄 %1 失敗：%2</translation>
    </message>
</context>
<context>
    <name>SftpClient</name>
    <message>
        <source>connection lost</source>
        <translation>連線已中斷</translation>
    </message>
    <message>
        <source>could not open a channel: %1</source>
        <translation>無法開啟通道：%1</translation>
    </message>
    <message>
        <source>the server refused the SFTP subsystem: %1</source>
        <translation>伺服器拒絕了 SFTP 子系統：%1</translation>
    </message>
    <message>
        <source>the server's SFTP subsystem ended at once</source>
        <translation>伺服器的 SFTP 子系統立即結束了</translation>
    </message>
    <message>
        <source>the SFTP channel closed</source>
        <translation>SFTP 通道已關閉</translation>
    </message>
    <message>
        <source>the server sent a malformed SFTP packet</source>
        <translation>伺服器傳送了格式錯誤的 SFTP 封包</translation>
    </message>
    <message>
        <source>the server sent an unexpected SFTP greeting</source>
        <translation>伺服器傳送了非預期的 SFTP 問候</translation>
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
        <translation>檔案結尾</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>沒有這個檔案或目錄</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>the server did not understand the request</source>
        <translation>伺服器無法理解該要求</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>連線已中斷</translation>
    </message>
    <message>
        <source>the server does not support this operation</source>
        <translation>伺服器不支援此操作</translation>
    </message>
    <message>
        <source>SFTP error %1</source>
        <translation>SFTP 錯誤 %1</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <source>%1: included file %2: %3</source>
        <translation>%1：引入的檔案 %2：%3</translation>
    </message>
    <message>
        <source>Include nested more than %1 deep; skipped</source>
        <translation>Include 巢狀超過 %1 層；已略過</translation>
    </message>
    <message>
        <source>includes itself; skipped</source>
        <translation>引入了它自己；已略過</translation>
    </message>
    <message>
        <source>bad owner or permissions (others could change it); skipped, as ssh would refuse it</source>
        <translation>擁有者或權限不安全（其他人可以修改它）；已略過，ssh 也會拒絕使用它</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>無法讀取：%1</translation>
    </message>
    <message>
        <source>no value after "%1"</source>
        <translation>「%1」後面沒有值</translation>
    </message>
    <message>
        <source>unbalanced quotes</source>
        <translation>引號不成對</translation>
    </message>
    <message>
        <source>empty Host pattern; this block will match no host</source>
        <translation>Host 模式為空；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>Include without a file name</source>
        <translation>Include 缺少檔案名稱</translation>
    </message>
    <message>
        <source>unknown keyword "%1"</source>
        <translation>未知的關鍵字「%1」</translation>
    </message>
    <message>
        <source>"%1" takes one value, found %2: %3</source>
        <translation>「%1」只接受一個值，卻有 %2 個：%3</translation>
    </message>
    <message>
        <source>unknown or incomplete token "%1" in %2 "%3"</source>
        <translation>%2「%3」中有未知或不完整的替代符號「%1」</translation>
    </message>
    <message>
        <source>bad port "%1"</source>
        <translation>連接埠「%1」無效</translation>
    </message>
    <message>
        <source>empty jump host in ProxyJump "%1"</source>
        <translation>ProxyJump「%1」中有空的跳板主機</translation>
    </message>
    <message>
        <source>bad time "%1" for %2</source>
        <translation>%2 的時間「%1」無效</translation>
    </message>
    <message>
        <source>bad value "%1" for %2 (yes, no, ask or accept-new)</source>
        <translation>%2 的值「%1」無效（應為 yes、no、ask 或 accept-new）</translation>
    </message>
    <message>
        <source>cannot list files for Include "%1"</source>
        <translation>無法列出 Include「%1」對應的檔案</translation>
    </message>
    <message>
        <source>no host in "%1"</source>
        <translation>「%1」中沒有主機</translation>
    </message>
    <message>
        <source>empty user name before "@" in "%1"</source>
        <translation>「%1」中「@」前面的使用者名稱為空</translation>
    </message>
    <message>
        <source>bad user name "%1" in "%2"</source>
        <translation>「%2」中的使用者名稱「%1」無效</translation>
    </message>
    <message>
        <source>missing "]" in "%1"</source>
        <translation>「%1」中缺少「]」</translation>
    </message>
    <message>
        <source>unexpected "%1" after "]" in "%2"</source>
        <translation>「%2」中「]」後面有多餘的「%1」</translation>
    </message>
    <message>
        <source>bad host name "%1" in "%2"</source>
        <translation>「%2」中的主機名稱「%1」無效</translation>
    </message>
    <message>
        <source>bad port "%1" in "%2"</source>
        <translation>「%2」中的連接埠「%1」無效</translation>
    </message>
    <message>
        <source>more than %1 files read for one configuration; this Include and every later one are skipped (does a file include its own folder?)</source>
        <translation>一份設定讀取的檔案超過 %1 個；此 Include 及其後的所有 Include 都已略過（是否有檔案引入了它自己所在的資料夾？）</translation>
    </message>
    <message>
        <source>%1 cannot be given as an option</source>
        <translation>%1 不能透過選項指定</translation>
    </message>
    <message>
        <source>bad value "%1" for %2 (%3)</source>
        <translation>%2 的值「%1」無效（應為 %3）</translation>
    </message>
    <message>
        <source>"none" must stand alone in %1</source>
        <translation>%1 中的「none」必須單獨使用</translation>
    </message>
    <message>
        <source>bad environment variable name in %1 "%2"</source>
        <translation>%1「%2」中的環境變數名稱無效</translation>
    </message>
    <message>
        <source>bad number "%1" for %2</source>
        <translation>%2 的數字「%1」無效</translation>
    </message>
    <message>
        <source>bad domain name "%1" in %2</source>
        <translation>%2 中的網域名稱「%1」無效</translation>
    </message>
    <message>
        <source>bad rule "%1" in %2 (SOURCES:TARGETS)</source>
        <translation>%2 中的規則「%1」無效（應為 SOURCES:TARGETS）</translation>
    </message>
    <message>
        <source>more than %1 settings in one configuration; this line and every later one are skipped</source>
        <translation>單一設定中的設定超過 %1 項；此行及其後的所有行都已略過</translation>
    </message>
    <message>
        <source>Match "%1" cannot be combined with other criteria; this block will match no host</source>
        <translation>Match「%1」不能與其他條件組合使用；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>unknown Match criterion "%1"; this block will match no host</source>
        <translation>未知的 Match 條件「%1」；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>Match "%1" needs a value; this block will match no host</source>
        <translation>Match「%1」需要一個值；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>unknown or incomplete token "%1" in Match exec "%2"; this block will match no host</source>
        <translation>Match exec「%2」中有未知或不完整的替代符號「%1」；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>Match without criteria; this block will match no host</source>
        <translation>Match 沒有任何條件；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>Match criterion "%1" is not supported by Chorus; this block will match no host</source>
        <translation>Chorus 不支援 Match 條件「%1」；此區塊不會符合任何主機</translation>
    </message>
    <message>
        <source>the system configuration may not Include "%1"; skipped, as ssh would refuse it</source>
        <translation>系統設定不能 Include「%1」；已略過，ssh 也會拒絕它</translation>
    </message>
    <message>
        <source>Match exec "%1" could not be started with %2 (%3); the block does not match</source>
        <translation>無法用 %2 啟動 Match exec「%1」（%3）；該區塊不符合</translation>
    </message>
    <message>
        <source>Match exec "%1" did not finish within %2 seconds; the block does not match</source>
        <translation>Match exec「%1」未在 %2 秒內結束；該區塊不符合</translation>
    </message>
    <message>
        <source>Match exec "%1" ended abnormally; the block does not match</source>
        <translation>Match exec「%1」異常結束；該區塊不符合</translation>
    </message>
    <message>
        <source>cannot resolve host "%1": it has no name in CanonicalDomains (%2), and CanonicalizeFallbackLocal is no</source>
        <translation>無法解析主機「%1」：在 CanonicalDomains（%2）的任何網域下都找不到它，且 CanonicalizeFallbackLocal 為 no</translation>
    </message>
    <message>
        <source>option "%1"</source>
        <translation>選項「%1」</translation>
    </message>
</context>
<context>
    <name>SshConfigImporter</name>
    <message>
        <source>cannot be read</source>
        <translation>無法讀取</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>檔案不存在</translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation>Host %1：%2</translation>
    </message>
    <message>
        <source>Host %1: ProxyCommand is not kept in profiles (a ProxyJump is); it was imported without it</source>
        <translation>Host %1：主機設定檔不保存 ProxyCommand（只保存 ProxyJump）；已在不含它的情況下匯入</translation>
    </message>
</context>
<context>
    <name>SshConnection</name>
    <message>
        <source>connection abandoned</source>
        <translation>已放棄連線</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>連線已中斷</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>連線已關閉</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>無法解析 %1：%2</translation>
    </message>
    <message>
        <source>%1 port %2: %3</source>
        <translation>%1 連接埠 %2：%3</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>無法連線到 %1</translation>
    </message>
    <message>
        <source>the server sent no host key</source>
        <translation>伺服器沒有傳送主機金鑰</translation>
    </message>
    <message>
        <source>unsupported host key type</source>
        <translation>不支援的主機金鑰類型</translation>
    </message>
    <message>
        <source>HOST KEY CHANGED for %1 (%2): the server offers %3 %4, but %5 line %6 lists %7 %8. Refused. If the change is expected, remove the old key with `ssh-keygen -R '%2' -f %5` and connect again.</source>
        <translation>%1（%2）的主機金鑰已變更：伺服器提供的是 %3 %4，但 %5 第 %6 行記錄的是 %7 %8。已拒絕連線。如果這項變更在預期之中，請用 `ssh-keygen -R '%2' -f %5` 移除舊金鑰後重新連線。</translation>
    </message>
    <message>
        <source>the host key of %1 (%2 %3) is marked @revoked in %4 line %5; refused</source>
        <translation>%1 的主機金鑰（%2 %3）在 %4 第 %5 行被標記為 @revoked；已拒絕連線</translation>
    </message>
    <message>
        <source>the host key of %1 (%2) is not known: %3 %4; refused by strict host key checking</source>
        <translation>%1（%2）的主機金鑰未知：%3 %4；嚴格主機金鑰檢查已拒絕連線</translation>
    </message>
    <message>
        <source>host key not confirmed</source>
        <translation>主機金鑰未獲確認</translation>
    </message>
    <message>
        <source>the host key of %1 (%2 %3) was rejected</source>
        <translation>%1 的主機金鑰（%2 %3）已被拒絕</translation>
    </message>
    <message>
        <source>cannot record the host key of %1: no known_hosts file</source>
        <translation>無法記錄 %1 的主機金鑰：沒有 known_hosts 檔案</translation>
    </message>
    <message>
        <source>cannot record the host key of %1: %2</source>
        <translation>無法記錄 %1 的主機金鑰：%2</translation>
    </message>
    <message>
        <source>publickey %1 (no passphrase)</source>
        <translation>publickey %1（沒有密語）</translation>
    </message>
    <message>
        <source>authentication abandoned</source>
        <translation>已放棄驗證</translation>
    </message>
    <message>
        <source>publickey %1 (no passphrase given)</source>
        <translation>publickey %1（未提供密語）</translation>
    </message>
    <message>
        <source>keyboard-interactive (no password given)</source>
        <translation>keyboard-interactive（未提供密碼）</translation>
    </message>
    <message>
        <source>password (none given)</source>
        <translation>password（未提供）</translation>
    </message>
    <message>
        <source>nothing the server accepts</source>
        <translation>沒有伺服器接受的方式</translation>
    </message>
    <message>
        <source>permission denied for %1@%2 (server offers: %3; tried: %4)</source>
        <translation>%1@%2 的權限遭拒（伺服器提供：%3；已嘗試：%4）</translation>
    </message>
    <message>
        <source>SSH error</source>
        <translation>SSH 錯誤</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while resolving the name</source>
        <translation>解析名稱時連線逾時（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while connecting</source>
        <translation>建立連線時連線逾時（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while waiting for the SSH handshake</source>
        <translation>等待 SSH 交握時連線逾時（%1 秒）</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while authenticating</source>
        <translation>驗證時連線逾時（%1 秒）</translation>
    </message>
    <message>
        <source>known_hosts trusts a certificate authority for %1 (%2 line %3); Chorus cannot check host certificates with libssh 0.10. Accept this key by its fingerprint (%4 %5), or add it to known_hosts.</source>
        <translation>known_hosts 為 %1 信任了一個憑證授權單位（%2 第 %3 行）；Chorus 在 libssh 0.10 下無法檢查主機憑證。請依指紋（%4 %5）接受此金鑰，或將它加入 known_hosts。</translation>
    </message>
    <message>
        <source>publickey %1 from the agent</source>
        <translation>來自代理程式的 publickey %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>憑證 %1</translation>
    </message>
    <message>
        <source>the connection closed during authentication (tried: %1)</source>
        <translation>驗證期間連線已關閉（已嘗試：%1）</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>尚無</translation>
    </message>
    <message>
        <source>the server ended the connection during authentication: %1 (tried: %2)</source>
        <translation>伺服器在驗證期間中斷了連線：%1（已嘗試：%2）</translation>
    </message>
    <message>
        <source>the server ended the connection: %1</source>
        <translation>伺服器中斷了連線：%1</translation>
    </message>
    <message numerus="yes">
        <source>the server closed the connection before it sent its SSH banner (%n attempt(s))</source>
        <translation>
            <numerusform>伺服器在傳送 SSH 版本識別字串（banner）之前就關閉了連線（共嘗試 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection failed during key exchange: %1</source>
        <translation>金鑰交換期間連線失敗：%1</translation>
    </message>
    <message>
        <source>the server offers only key exchange methods that libssh 0.10 does not have (%1); post-quantum sntrup761 and mlkem768 arrive in libssh 0.12</source>
        <translation>伺服器只提供 libssh 0.10 不支援的金鑰交換方法（%1）；後量子演算法 sntrup761 與 mlkem768 要到 libssh 0.12 才會提供</translation>
    </message>
    <message>
        <source>the server offers only host certificates (%1), which Chorus cannot check with libssh 0.10</source>
        <translation>伺服器只提供主機憑證（%1），而 Chorus 在 libssh 0.10 下無法檢查主機憑證</translation>
    </message>
    <message>
        <source>no algorithm in common with the server for %1 (the server offers %2)</source>
        <translation>%1 沒有與伺服器共同支援的演算法（伺服器提供的是 %2）</translation>
    </message>
    <message>
        <source>the server sent %1 KiB without an SSH banner</source>
        <translation>伺服器傳送了 %1 KiB 資料，卻沒有送出 SSH 版本識別字串（banner）</translation>
    </message>
    <message>
        <source>the server closed the connection during key exchange</source>
        <translation>伺服器在金鑰交換期間關閉了連線</translation>
    </message>
    <message>
        <source>too many open files (limit %1); raise it with ulimit -n</source>
        <translation>開啟的檔案過多（上限 %1）；請用 ulimit -n 提高</translation>
    </message>
    <message>
        <source>connect timeout (%1 s) while opening a channel through the jump host</source>
        <translation>透過跳板主機開啟通道時連線逾時（%1 秒）</translation>
    </message>
    <message>
        <source>the jump host %1 could not open a channel to %2 port %3: %4</source>
        <translation>跳板主機 %1 無法開啟到 %2 連接埠 %3 的通道：%4</translation>
    </message>
    <message>
        <source>jump host %1: %2</source>
        <translation>跳板主機 %1：%2</translation>
    </message>
</context>
<context>
    <name>TargetResolver</name>
    <message>
        <source>no tag name after "@tag:"</source>
        <translation>「@tag:」後面沒有標籤名稱</translation>
    </message>
    <message>
        <source>no group name after "@"</source>
        <translation>「@」後面沒有群組名稱</translation>
    </message>
    <message>
        <source>no group "%1"</source>
        <translation>沒有群組「%1」</translation>
    </message>
    <message>
        <source>group "%1" is ambiguous: %2 (write the whole path)</source>
        <translation>群組「%1」有歧義：%2（請寫出完整路徑）</translation>
    </message>
    <message>
        <source>empty host name</source>
        <translation>主機名稱為空</translation>
    </message>
    <message>
        <source>no host profile named "%1"</source>
        <translation>沒有名為「%1」的主機設定檔</translation>
    </message>
    <message numerus="yes">
        <source>%n host profiles are named "%1"; use an id: %2</source>
        <translation>
            <numerusform>有 %n 個主機設定檔名為「%1」；請使用 id：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>the jump host of "%1" is a host profile that no longer exists (%2)</source>
        <translation>「%1」的跳板主機是一個已不存在的主機設定檔（%2）</translation>
    </message>
    <message>
        <source>the jump hosts of "%1" go round in a loop</source>
        <translation>「%1」的跳板主機形成了迴圈</translation>
    </message>
    <message>
        <source>host profile "%1": %2</source>
        <translation>主機設定檔「%1」：%2</translation>
    </message>
</context>
<context>
    <name>TransferCli</name>
    <message>
        <source>Copies LOCAL files and folders (folders with everything in them) into REMOTE_DIR on every
host at once over SFTP. REMOTE_DIR must exist. Files keep their mode and modification time.
Each file is written under a temporary name (.NAME.chorus-XXXXXXXX.part) and renamed once
complete, so a partly written file never appears under its real name.</source>
        <translation>透過 SFTP 把 LOCAL 檔案和資料夾（資料夾連同其全部內容）同時複製到每台主機的 REMOTE_DIR 中。
REMOTE_DIR 必須已存在。檔案保留其權限和修改時間。每個檔案先以暫存名稱
（.NAME.chorus-XXXXXXXX.part）寫入，完成後再重新命名，因此不會出現只寫了一部分的同名檔案。</translation>
    </message>
    <message>
        <source>Copies REMOTE_PATH (a file, or a folder with everything in it) from every host at once over
SFTP into LOCAL_DIR/HOST/, one folder per host, like pslurp. Files keep their mode and
modification time and are renamed into place only once complete.</source>
        <translation>透過 SFTP 同時從每台主機把 REMOTE_PATH（一個檔案，或一個資料夾連同其全部內容）複製到
LOCAL_DIR/HOST/，每台主機一個資料夾，與 pslurp 類似。檔案保留其權限和修改時間，
完成後才重新命名到最終位置。</translation>
    </message>
    <message>
        <source>

Exit status: 0 every host copied everything; 2 some host failed (connect, authentication,
a copy error) or was cancelled (Ctrl+C); 64 bad usage (nothing was connected to).
--json prints one object per host: host, error (null on success), files, files_skipped,
bytes, duration_ms, reused_connection.</source>
        <translation>

結束狀態：0 每台主機都已複製全部內容；2 有主機失敗（連線、驗證或複製出錯）或被取消
（Ctrl+C）；64 用法錯誤（未連線任何主機）。
--json 每台主機輸出一個物件：host、error（成功時為 null）、files、files_skipped、
bytes、duration_ms、reused_connection。</translation>
    </message>
    <message>
        <source>Files and folders to send.</source>
        <translation>要傳送的檔案和資料夾。</translation>
    </message>
    <message>
        <source>The folder they go into on every host.</source>
        <translation>在每台主機上存放它們的資料夾。</translation>
    </message>
    <message>
        <source>The file or folder to fetch.</source>
        <translation>要取得的檔案或資料夾。</translation>
    </message>
    <message>
        <source>Gets one folder per host.</source>
        <translation>每台主機對應其中一個資料夾。</translation>
    </message>
    <message>
        <source>What to do with a file that is already there: always replace it (the default, as scp and pscp do), never, or if-different (replace it unless size and modification time match).</source>
        <translation>目標檔案已存在時的處理方式：always 一律取代（預設，與 scp 和 pscp 相同），never 從不取代，if-different 大小和修改時間不一致時才取代。</translation>
    </message>
    <message>
        <source>Compare the SHA-256 of both sides (sha256sum on the host) before a file takes its real name.</source>
        <translation>在檔案改為正式名稱之前，比較兩端的 SHA-256（在主機上使用 sha256sum）。</translation>
    </message>
    <message>
        <source>The host's SHA-256 program for --checksum (default sha256sum; e.g. "shasum -a 256").</source>
        <translation>主機上供 --checksum 使用的 SHA-256 程式（預設 sha256sum；例如 "shasum -a 256"）。</translation>
    </message>
    <message>
        <source>Accepted for scp habits; folders are always copied whole.</source>
        <translation>為照顧 scp 的使用習慣而接受；資料夾一律整個複製。</translation>
    </message>
    <message>
        <source>One JSON object per host and line.</source>
        <translation>每行輸出一台主機的 JSON 物件。</translation>
    </message>
    <message>
        <source>Usage: chorus push [options] LOCAL... REMOTE_DIR</source>
        <translation>用法：chorus push [選項] LOCAL... REMOTE_DIR</translation>
    </message>
    <message>
        <source>Usage: chorus pull [options] REMOTE_PATH LOCAL_DIR</source>
        <translation>用法：chorus pull [選項] REMOTE_PATH LOCAL_DIR</translation>
    </message>
    <message>
        <source>--overwrite: %1 is none of always, never, if-different</source>
        <translation>--overwrite：%1 不是 always、never、if-different 之一</translation>
    </message>
    <message>
        <source>--checksum-command: empty</source>
        <translation>--checksum-command：為空</translation>
    </message>
    <message>
        <source>name at least one LOCAL file or folder and the REMOTE_DIR</source>
        <translation>請至少指定一個 LOCAL 檔案或資料夾，以及 REMOTE_DIR</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1：沒有此檔案或目錄</translation>
    </message>
    <message>
        <source>%1: not a readable file or folder</source>
        <translation>%1：不是可讀取的檔案或資料夾</translation>
    </message>
    <message>
        <source>name the REMOTE_PATH and the LOCAL_DIR</source>
        <translation>請指定 REMOTE_PATH 和 LOCAL_DIR</translation>
    </message>
    <message>
        <source>the remote path is empty</source>
        <translation>遠端路徑為空</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 hosts in %2 s, %3 copied (%4): %5 ok, %6 failed</source>
        <translation>%1 台主機，費時 %2 秒，已複製 %3（%4）：%5 個成功，%6 個失敗</translation>
    </message>
    <message>
        <source>chorus %1: %2/%3 hosts done, %4 of %5, %6, %7</source>
        <translation>chorus %1：%2/%3 台主機已完成，%5 中的 %4，%6，%7</translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation>剩餘時間未知</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩餘 %1</translation>
    </message>
    <message>
        <source>interrupted: cancelling the copies still running</source>
        <translation>已中斷：正在取消仍在進行的複製</translation>
    </message>
    <message>
        <source>Give up on a host whose copy moves no byte for SEC seconds (default 60; 0: wait without limit).</source>
        <translation>某台主機的複製連續 SEC 秒沒有傳輸任何位元組時放棄該主機（預設 60；0：無限等待）。</translation>
    </message>
    <message>
        <source>--stall-timeout: %1 is not a number of seconds</source>
        <translation>--stall-timeout：%1 不是秒數</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2, %3 in %4 s</source>
        <translation>
            <numerusform>%1：%n 個檔案，%2，%3，費時 %4 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left as they were</source>
        <translation>
            <numerusform>%n 個保持原樣</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2 in %3 s</source>
        <translation>
            <numerusform>%1：%n 個檔案，%2，費時 %3 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>still cancelling; a third interrupt stops at once</source>
        <translation>仍在取消；再中斷一次將立即停止</translation>
    </message>
    <message>
        <source>Pull: refuse folders nested deeper than N (default 64).</source>
        <translation>拉取：拒絕巢狀深於 N 層的資料夾（預設 64）。</translation>
    </message>
    <message>
        <source>Pull: refuse a folder listing more than N entries (default 100000).</source>
        <translation>拉取：拒絕列出超過 N 個項目的資料夾（預設 100000）。</translation>
    </message>
    <message>
        <source>Pull: refuse more than N files and folders per host (default 1000000).</source>
        <translation>拉取：每台主機拒絕超過 N 個檔案和資料夾（預設 1000000）。</translation>
    </message>
    <message>
        <source>--%1: %2 is not a whole number of at least 1</source>
        <translation>--%1：%2 不是大於等於 1 的整數</translation>
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
        <translation>%1 小時 %2 分</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run one command on many hosts over SSH and compare the answers.
On the command line: chorus run -w HOSTS COMMAND (see chorus run --help).</source>
        <translation>透過 SSH 在多台主機上執行同一道指令並比較輸出。
命令列用法：chorus run -w 主機 指令（參見 chorus run --help）。</translation>
    </message>
    <message>
        <source>Start %1 local SSH servers and show them as hosts to try Chorus on. Your own settings and profiles are not used.</source>
        <translation>啟動 %1 個本機 SSH 伺服器，作為主機供您試用 Chorus。不會使用您自己的設定和主機設定檔。</translation>
    </message>
    <message>
        <source>With --demo: run a command on every demo host, save pictures of the main views as PNG files in DIR, and quit.</source>
        <translation>與 --demo 一起使用：在每台示範主機上執行一道指令，將主要檢視的截圖以 PNG 檔案儲存到 DIR，然後結束。</translation>
    </message>
    <message>
        <source>Colours: system, light or dark (default: as in the settings).</source>
        <translation>配色：system（跟隨系統）、light（淺色）或 dark（深色）（預設：依設定）。</translation>
    </message>
    <message>
        <source>Chorus demo</source>
        <translation>Chorus 示範</translation>
    </message>
    <message>
        <source>chorus: --screenshots needs --demo</source>
        <translation>chorus：--screenshots 需要與 --demo 一起使用</translation>
    </message>
</context>
</TS>
