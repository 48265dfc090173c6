<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Ops Workbench</source>
        <translation>运营工作台</translation>
    </message>
    <message>
        <source>Read-only: the file is damaged</source>
        <translation>只读：数据库文件已损坏</translation>
    </message>
    <message>
        <source>This database is already open in another Ops Workbench window.</source>
        <translation>这个数据库已在另一个运营工作台窗口中打开。</translation>
    </message>
    <message>
        <source>Show that window</source>
        <translation>切换到那个窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Retention clean-up</source>
        <translation>按保留期限清理</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <source>Phone revealed</source>
        <translation>查看了完整手机号</translation>
    </message>
    <message>
        <source>User list export</source>
        <translation>导出用户名单</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every export and every revealed phone number is listed here, with whether phone numbers and WeChat ids were masked. Nothing is unmasked unless you choose it.</source>
        <translation>这里列出每一次导出和每一次查看完整号码，以及手机号和微信号是否打码。只有你主动选择时才会显示完整信息。</translation>
    </message>
    <message>
        <source>Only unmasked</source>
        <translation>只看未打码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>已打码</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>还没有记录。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No — unmasked</source>
        <translation>否——未打码</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>An unexpected error stopped that action. Your saved work is safe and the workbench keeps running.</source>
        <translation>一个意外错误中止了刚才的操作。已保存的内容不受影响，工作台会继续运行。</translation>
    </message>
    <message>
        <source>The details (with phone numbers masked) are in %1.</source>
        <translation>详细信息（手机号已打码）写在 %1。</translation>
    </message>
    <message>
        <source>(%1 times)</source>
        <translation>（共 %1 次）</translation>
    </message>
</context>
<context>
    <name>CrashReporting</name>
    <message>
        <source>Ops Workbench</source>
        <translation>运营工作台</translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>Workbench database (*.db *.sqlite);;All files (*)</source>
        <translation>工作台数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Move the database to</source>
        <translation>把数据库移动到</translation>
    </message>
    <message>
        <source>Move the database</source>
        <translation>移动数据库</translation>
    </message>
    <message>
        <source>The workbench will close, move the file to %1 and reopen.</source>
        <translation>工作台将关闭，把文件移动到 %1，然后重新打开。</translation>
    </message>
    <message>
        <source>New empty database</source>
        <translation>新建空数据库</translation>
    </message>
    <message>
        <source>The database could not be moved: %1</source>
        <translation>数据库未能移动：%1</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo data loaded: look around, then start a fresh database from File › Settings › Database when you are ready.</source>
        <translation>演示数据已载入：先四处看看，准备好后在 文件 › 设置 › 数据库 中新建一个空数据库。</translation>
    </message>
    <message>
        <source>No Chinese font found — Chinese text may show as boxes. Install Noto Sans CJK SC or Microsoft YaHei.</source>
        <translation>未找到中文字体——中文可能显示为方块。请安装 Noto Sans CJK SC 或微软雅黑。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>call back Wang Fang</source>
        <translation>回访王芳</translation>
    </message>
    <message>
        <source>repeats every Friday</source>
        <translation>每周五重复</translation>
    </message>
    <message>
        <source>adds a tag: #recall</source>
        <translation>加标签：#召回</translation>
    </message>
    <message>
        <source>important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>a task in the inbox, to sort in the morning</source>
        <translation>进入收件箱的一项任务，早上再分拣</translation>
    </message>
    <message>
        <source>tomorrow 3pm call back @WangFang #recall *</source>
        <translation>明天下午3点 回访 @王芳 #召回 *</translation>
    </message>
    <message>
        <source>due tomorrow 15:00, linked to the user, tagged recall, important</source>
        <translation>明天 15:00 截止，关联该用户，标签「召回」，重要</translation>
    </message>
    <message>
        <source>reply to the channel manager today !</source>
        <translation>今天 回复渠道经理 !</translation>
    </message>
    <message>
        <source>urgent, due today</source>
        <translation>紧急，今天截止</translation>
    </message>
    <message>
        <source>write the loan FAQ *!</source>
        <translation>整理借款常见问题 *!</translation>
    </message>
    <message>
        <source>important and urgent: do it now</source>
        <translation>重要且紧急：立即做</translation>
    </message>
    <message>
        <source>q2 design churn alert rules</source>
        <translation>q2 设计流失预警规则</translation>
    </message>
    <message>
        <source>straight into important, not urgent</source>
        <translation>直接放进「重要不紧急」</translation>
    </message>
    <message>
        <source>every Friday clean up old WeChat groups</source>
        <translation>每周五 清理旧微信群</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>a due date and time in plain words</source>
        <translation>用日常说法写截止日期和时间</translation>
    </message>
    <message>
        <source>straight into a quadrant (q1 important and urgent … q4 neither)</source>
        <translation>直接放进某个象限（q1 重要且紧急 … q4 不重要不紧急）</translation>
    </message>
    <message>
        <source>links a user: @name, @user id or the last digits of the phone</source>
        <translation>关联用户：@姓名、@用户ID 或 @手机尾号</translation>
    </message>
    <message>
        <source>today, tomorrow, Friday, 11-28, 3pm, 10:00</source>
        <translation>今天、明天、周五、11-28、下午3点、10:00</translation>
    </message>
    <message>
        <source>a repeating task</source>
        <translation>重复任务</translation>
    </message>
    <message>
        <source>every day, every Friday, every month</source>
        <translation>每天、每周五、每月</translation>
    </message>
    <message>
        <source>text in double quotes is kept as written</source>
        <translation>双引号里的文字原样保留，不解析</translation>
    </message>
    <message>
        <source>quick capture</source>
        <translation>快速记一笔</translation>
    </message>
    <message>
        <source>mark the selected task done</source>
        <translation>把选中的任务标为完成</translation>
    </message>
    <message>
        <source>drop the selected task (Shift+Del deletes it)</source>
        <translation>放弃选中的任务（Shift+Del 删除）</translation>
    </message>
    <message>
        <source>edit the selected task</source>
        <translation>编辑选中的任务</translation>
    </message>
    <message>
        <source>open what the task is linked to</source>
        <translation>打开任务关联的内容</translation>
    </message>
    <message>
        <source>move the task to quadrant 1–4 (Alt+0: back to the inbox)</source>
        <translation>把任务移到第 1–4 象限（Alt+0：放回收件箱）</translation>
    </message>
    <message>
        <source>move the task up or down</source>
        <translation>上移或下移任务</translation>
    </message>
    <message>
        <source>while sorting: a quadrant, done, drop, edit (← → skip)</source>
        <translation>分拣时：选象限、完成、放弃、编辑（← → 跳过）</translation>
    </message>
    <message>
        <source>save the contact</source>
        <translation>保存联系记录</translation>
    </message>
    <message>
        <source>insert a canned answer</source>
        <translation>插入话术</translation>
    </message>
    <message>
        <source>copy the canned answer</source>
        <translation>复制话术</translation>
    </message>
    <message>
        <source>search contacts</source>
        <translation>搜索联系记录</translation>
    </message>
    <message>
        <source>next user in the recall queue</source>
        <translation>召回队列中的下一位用户</translation>
    </message>
    <message>
        <source>merge the selected findings</source>
        <translation>合并选中的发现</translation>
    </message>
    <message>
        <source>new PDCA cycle</source>
        <translation>新建 PDCA 循环</translation>
    </message>
    <message>
        <source>move the cycle to the next / previous stage</source>
        <translation>把循环移到下一 / 上一阶段</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>(on this page)</source>
        <translation>（本页）</translation>
    </message>
    <message>
        <source>Press Ctrl+N anywhere, type one line and press Enter. The call you are on is not interrupted: the line goes to the inbox and you sort it later.</source>
        <translation>在任何地方按 Ctrl+N，输入一行，按回车。正在进行的通话不会被打断：这一行进入收件箱，稍后再分拣。</translation>
    </message>
    <message>
        <source>One database file: %1. It is backed up once a day; File › Back up now makes a copy at any time.</source>
        <translation>一个数据库文件：%1。每天自动备份一次；随时可用 文件 › 立即备份 再备份一份。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Capturing a task</source>
        <translation>快速记录任务</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写法</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>You type</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>You get</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Where your data is</source>
        <translation>数据在哪里</translation>
    </message>
</context>
<context>
    <name>ImportFiles</name>
    <message>
        <source>Only Excel or CSV files can be imported (.xlsx, .xls, .csv); “%1” is not one.</source>
        <translation>只能导入 Excel 或 CSV 文件（.xlsx、.xls、.csv），“%1”不是。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ops Workbench</source>
        <translation>运营工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import report…</source>
        <translation>导入报表(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;user list…</source>
        <translation>导入用户名单(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Datasets…</source>
        <translation>数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export weekly review…</source>
        <translation>导出周报(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>记一笔(&amp;C)</translation>
    </message>
    <message>
        <source>Start &amp;triage</source>
        <translation>开始分拣(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Shortcuts and capture syntax</source>
        <translation>快捷键与记录语法(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>审计日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About Ops Workbench</source>
        <translation>关于运营工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Workbench database (*.db *.sqlite);;All files (*)</source>
        <translation>工作台数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The workbench will reopen with %1.</source>
        <translation>工作台将用 %1 重新打开。</translation>
    </message>
    <message>
        <source>About Ops Workbench</source>
        <translation>关于运营工作台</translation>
    </message>
    <message>
        <source>Ops Workbench %1

A workbench for user operations: capture and triage, contact log, PDCA cycles, report charts and the weekly review — in one SQLite file.

Database: %2</source>
        <translation>运营工作台 %1

用户运营的工作台：随手记与四象限分拣、联系记录、PDCA 循环、报表图表和周复盘——都在一个 SQLite 文件里。

数据库：%2</translation>
    </message>
</context>
<context>
    <name>MaskedFields</name>
    <message>
        <source>Reveal</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Show the full phone numbers and ID numbers here (recorded in the audit log).</source>
        <translation>显示这里完整的手机号和身份证号（会记入审计日志）。</translation>
    </message>
    <message>
        <source>Holds personal data: press Reveal to see and edit it.</source>
        <translation>含个人信息：点“显示完整信息”后才能查看和编辑。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>To triage %1</source>
        <translation>待分拣 %1</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Follow-ups %1</source>
        <translation>待跟进 %1</translation>
    </message>
    <message>
        <source>PDCA</source>
        <translation>PDCA</translation>
    </message>
    <message>
        <source>To check %1</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Alerts %1</source>
        <translation>预警 %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>周复盘</translation>
    </message>
</context>
<context>
    <name>PersonalDataHint</name>
    <message>
        <source>This note contains an ID-card number. Please remove it: the workbench should not keep ID numbers.</source>
        <translation>这条备注里有身份证号码。请删除：工作台不应保存身份证号。</translation>
    </message>
    <message>
        <source>This note contains a phone number; put it in the user&apos;s phone field so it is masked in lists and exports.</source>
        <translation>这条备注里有手机号；请填到用户的手机号字段，这样在列表和导出中会打码。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language and look</source>
        <translation>语言与外观</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>记录规则</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
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
        <source>All your work is in this one file. Keep it on this computer&apos;s disk, not in a synced folder; put backups there instead.</source>
        <translation>你的全部工作都在这一个文件里。请把它放在本机硬盘上，不要放进同步文件夹；同步文件夹适合放备份。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>打开其他…</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <source>New empty database…</source>
        <translation>新建空数据库…</translation>
    </message>
    <message>
        <source>A verified copy is made once a day when the workbench starts, and whenever you choose File › Back up now. The oldest copies beyond the kept count are removed.</source>
        <translation>每天启动时自动做一份经过校验的备份，选择 文件 › 立即备份 时也会备份。超出保留份数的最旧备份会被删除。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Beside the database</source>
        <translation>数据库旁边</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Each morning, open tasks whose due date is this close move to “important and urgent”, so nothing due slips while it waits in another quadrant.</source>
        <translation>每天早上，截止日期临近的未完成任务会升为「重要且紧急」，避免快到期的事情在其他象限里被耽误。</translation>
    </message>
    <message>
        <source> days before due</source>
        <translation> 天（截止前）</translation>
    </message>
    <message>
        <source>On the due day</source>
        <translation>截止当天</translation>
    </message>
    <message>
        <source>Promote a task</source>
        <translation>提前升级任务</translation>
    </message>
    <message>
        <source>Users&apos; phone numbers and WeChat ids are personal data. Exports mask them unless you untick it in the export itself; every unmasked export is written to the audit log.</source>
        <translation>用户的手机号和微信号属于个人信息。导出时默认脱敏，除非在导出时取消勾选；每次未脱敏的导出都会记入审计日志。</translation>
    </message>
    <message>
        <source>Mask phone numbers and WeChat ids in exports</source>
        <translation>导出时对手机号和微信号脱敏</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Keep contact logs for</source>
        <translation>联系记录保留</translation>
    </message>
    <message>
        <source>A new alert rule starts from these drops against the previous period; each rule can be changed on the dashboard.</source>
        <translation>新建预警规则时，以相对上一周期的下降幅度为默认阈值；每条规则都可以在数据看板里修改。</translation>
    </message>
    <message>
        <source>Yellow from a drop of</source>
        <translation>黄色预警：下降达到</translation>
    </message>
    <message>
        <source>Orange from a drop of</source>
        <translation>橙色预警：下降达到</translation>
    </message>
    <message>
        <source>Red from a drop of</source>
        <translation>红色预警：下降达到</translation>
    </message>
    <message>
        <source>A task with a due time reminds you at that time (a tray message, or a small window on top). During quiet hours nothing pops up; what came due shows when they end.</source>
        <translation>有具体时间的任务到时会提醒你（托盘通知，或置顶的小窗口）。免打扰时段内不弹出；期间到时的提醒在时段结束后显示。</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>%1 minutes before</source>
        <translation>提前 %1 分钟</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>No reminders between</source>
        <translation>以下时段不提醒</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>StartupDialogs</name>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Upgrading the database for this version (a copy of it is kept first)…</source>
        <translation>正在为新版本升级数据库（先保留一份副本）…</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Not backed up yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <source>Backed up today %1</source>
        <translation>已备份 今天 %1</translation>
    </message>
    <message>
        <source>Backed up %1</source>
        <translation>已备份 %1</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>数据库 %1</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Capture anything in two seconds; every morning sort it into the four quadrants.</source>
        <translation>两秒记下任何事；每天早上分拣到四象限。</translation>
    </message>
    <message>
        <source>Log each call and WeChat with a user; follow-ups and findings come out of it.</source>
        <translation>记录与用户的每次电话和微信；跟进和发现由此而来。</translation>
    </message>
    <message>
        <source>Run an improvement as Plan–Do–Check–Act, checked against the real metric.</source>
        <translation>用计划-执行-检查-处理推进改进，用真实指标检验。</translation>
    </message>
    <message>
        <source>Import the back office&apos;s Excel reports: trends, funnels, retention, alerts.</source>
        <translation>导入后台的 Excel 报表：趋势、漏斗、留存、预警。</translation>
    </message>
    <message>
        <source>Close the week with a review built from all of the above, exported to Excel.</source>
        <translation>用以上内容自动汇成周复盘，导出为 Excel。</translation>
    </message>
    <message>
        <source>Welcome to Ops Workbench</source>
        <translation>欢迎使用运营工作台</translation>
    </message>
    <message>
        <source>Everything stays in one file on this computer — no account, no server: %1</source>
        <translation>所有数据都保存在这台电脑上的一个文件里——无需账号，没有服务器：%1</translation>
    </message>
    <message>
        <source>F1 lists every shortcut · Ctrl+, opens the settings</source>
        <translation>F1 查看全部快捷键 · Ctrl+, 打开设置</translation>
    </message>
    <message>
        <source>Start with an empty workbench</source>
        <translation>从空白工作台开始</translation>
    </message>
    <message>
        <source>Look around with demo data</source>
        <translation>用演示数据先看看</translation>
    </message>
    <message>
        <source>Tasks in every quadrant, users and their contacts, a PDCA cycle, imported metrics with alerts — dated around today.</source>
        <translation>四个象限里的任务、用户和联系记录、一个 PDCA 循环、带预警的导入指标——日期都围绕今天。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Import your first report</source>
        <translation>导入第一份报表</translation>
    </message>
    <message>
        <source>Drag an Excel or CSV export from the back office here, or choose the file.</source>
        <translation>把后台导出的 Excel 或 CSV 文件拖到这里，或选择文件。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>captures a task from anywhere, e.g. %1</source>
        <translation>在任何地方记一笔，例如 %1</translation>
    </message>
    <message>
        <source>tomorrow 3pm call back @WangFang #recall *</source>
        <translation>明天下午3点 回访 @王芳 #召回 *</translation>
    </message>
</context>
</TS>
