<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ContactForm</name>
    <message>
        <source>No user chosen — type a name, id or phone tail above</source>
        <translation>尚未选择用户——在上方输入姓名、用户ID或手机尾号</translation>
    </message>
    <message>
        <source>Up/Down or 1–9 to choose</source>
        <translation>上下键或 1–9 选择</translation>
    </message>
    <message>
        <source>tomorrow / +3 / 11-27 14:00</source>
        <translation>明天 / 后天 10:00 / +3 / 11-27</translation>
    </message>
    <message>
        <source>Summary: what the user said, what you promised (may stay empty)</source>
        <translation>摘要：用户说了什么、你答应了什么（可以留空）</translation>
    </message>
    <message>
        <source>No finding</source>
        <translation>无发现</translation>
    </message>
    <message>
        <source>Finding in one line: a product bug, a new channel, a new need</source>
        <translation>一句话记录发现：产品bug、新渠道、新需求</translation>
    </message>
    <message>
        <source>Insert snippet  Ctrl+J</source>
        <translation>插入话术  Ctrl+J</translation>
    </message>
    <message>
        <source>Save  Ctrl+Enter</source>
        <translation>保存  Ctrl+Enter</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>⇒ retry in %1 h, at most %2 tries, then %3</source>
        <translation>⇒ %1 小时后重拨，最多 %2 次，之后改用%3</translation>
    </message>
    <message>
        <source>⇒ follow-up in %1 day(s) unless you set one</source>
        <translation>⇒ 未填跟进时间则 %1 天后跟进</translation>
    </message>
    <message>
        <source>⇒ ends the recall sequence (%1)</source>
        <translation>⇒ 结束召回序列（%1）</translation>
    </message>
    <message>
        <source>The summary seems to hold an ID-card number; it was saved, but consider removing it.</source>
        <translation>摘要里似乎有身份证号；已保存，但建议删掉。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Start recall sequence…</source>
        <translation>开始召回序列…</translation>
    </message>
    <message>
        <source>Import user list…</source>
        <translation>导入用户名单…</translation>
    </message>
    <message>
        <source>Import a user list from Excel or CSV  (%1)</source>
        <translation>从 Excel 或 CSV 导入用户名单（%1）</translation>
    </message>
    <message>
        <source>Lists and cadence…</source>
        <translation>选项与节奏…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Recall queue</source>
        <translation>召回队列</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>全部联系</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Recall: %1 (step %2). Log the outcome and save; the next user follows.</source>
        <translation>召回：%1（第 %2 步）。记录结果并保存，随后自动切到下一位。</translation>
    </message>
    <message>
        <source>Choose a user in the form first.</source>
        <translation>请先在表单里选择用户。</translation>
    </message>
    <message>
        <source>Start recall sequence</source>
        <translation>开始召回序列</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Import a user list</source>
        <translation>导入用户名单</translation>
    </message>
    <message>
        <source>Follow-ups due today %1</source>
        <translation>今日待跟进 %1</translation>
    </message>
    <message>
        <source>Recall queue %1/%2 (converted %3)</source>
        <translation>召回队列 %1/%2（已转化 %3）</translation>
    </message>
    <message>
        <source>Findings (bug %1 · channel %2 · need %3)</source>
        <translation>发现（bug %1 · 新渠道 %2 · 新需求 %3）</translation>
    </message>
</context>
<context>
    <name>ContactsUndo</name>
    <message>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>Start recall sequence</source>
        <translation>开始召回序列</translation>
    </message>
    <message>
        <source>Change finding status</source>
        <translation>修改发现状态</translation>
    </message>
    <message>
        <source>Merge findings</source>
        <translation>合并发现</translation>
    </message>
    <message>
        <source>Split finding</source>
        <translation>拆分发现</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>New snippet</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <source>Edit snippet</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <source>Delete snippet</source>
        <translation>删除话术</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <source>Follow-ups due today or overdue (%1)</source>
        <translation>今日到期或已逾期的跟进（%1）</translation>
    </message>
    <message>
        <source>Past their contact cadence (top %1)</source>
        <translation>超过联系节奏的用户（前 %1）</translation>
    </message>
    <message>
        <source>last contact %1 day ago</source>
        <translation>上次联系在 %1 天前</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>(cadence %1 day)</source>
        <translation>（节奏 %1 天）</translation>
    </message>
    <message>
        <source>%1 none</source>
        <translation>%1 不设</translation>
    </message>
    <message>
        <source>%1 %2 day</source>
        <translation>%1 %2 天</translation>
    </message>
    <message>
        <source>%1 %2 days</source>
        <translation>%1 %2 天</translation>
    </message>
    <message>
        <source>tag %1 %2 day</source>
        <translation>标签 %1 %2 天</translation>
    </message>
    <message>
        <source>tag %1 %2 days</source>
        <translation>标签 %1 %2 天</translation>
    </message>
    <message>
        <source>Cadence: %1. The clock restarts with every contact; change it in Lists and cadence…</source>
        <translation>联系节奏：%1。每次联系后重新计时；在“选项与节奏…”中修改。</translation>
    </message>
    <message>
        <source>last contact %1 days ago</source>
        <translation>上次联系在 %1 天前</translation>
    </message>
    <message>
        <source>(cadence %1 days)</source>
        <translation>（节奏 %1 天）</translation>
    </message>
</context>
<context>
    <name>FindingsBoard</name>
    <message>
        <source>Mark %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <source>Merge selected  Ctrl+M</source>
        <translation>合并所选  Ctrl+M</translation>
    </message>
    <message>
        <source>Split  Ctrl+Shift+M</source>
        <translation>拆分  Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Take a merged finding (merged ×N) apart into the findings it was made of</source>
        <translation>把合并过的发现（并入 ×N）拆回原来的各条发现</translation>
    </message>
    <message>
        <source>Similar findings are merged as they are raised; the count is how many times users mentioned it.</source>
        <translation>相似的发现在记录时自动合并；数字是用户提到的次数。</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 位用户</translation>
    </message>
    <message>
        <source>%1 user</source>
        <translation>%1 位用户</translation>
    </message>
    <message>
        <source>merged ×%1</source>
        <translation>并入 ×%1</translation>
    </message>
    <message>
        <source>Merged into this one (Ctrl+Shift+M splits them):</source>
        <translation>并入这一条的（Ctrl+Shift+M 拆分）：</translation>
    </message>
</context>
<context>
    <name>ImportUsersDialog</name>
    <message>
        <source>Import a user list</source>
        <translation>导入用户名单</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Start recall sequence for every user of the list:</source>
        <translation>为名单里的每位用户开始召回序列：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Users are matched on the user id, else the phone; other columns are kept as imported attributes.</source>
        <translation>按用户ID匹配，没有ID时按手机号；其他列作为导入属性保存。</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.xlsm *.xls *.csv *.txt)</source>
        <translation>Excel 或 CSV (*.xlsx *.xlsm *.xls *.csv *.txt)</translation>
    </message>
    <message>
        <source>%1 · %2 rows</source>
        <translation>%1 · %2 行</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>%1 rows: %2 new users, %3 matched existing ones (%4 updated)</source>
        <translation>%1 行：新增用户 %2 位，匹配已有用户 %3 位（更新 %4 位）</translation>
    </message>
    <message>
        <source>; %1 enrolled in the recall sequence</source>
        <translation>；%1 位加入召回序列</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>Contact lists and cadence</source>
        <translation>联系选项与联系节奏</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>选项列表</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>联系节奏</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New value, Enter adds it</source>
        <translation>新选项，按 Enter 添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Save next step</source>
        <translation>保存默认下一步</translation>
    </message>
    <message>
        <source>Retry after (hours, 0 = no retry)</source>
        <translation>几小时后重试（0 = 不重试）</translation>
    </message>
    <message>
        <source>At most tries</source>
        <translation>最多尝试次数</translation>
    </message>
    <message>
        <source>Then switch to channel</source>
        <translation>之后改用渠道</translation>
    </message>
    <message>
        <source>Follow-up after (days, 0 = none)</source>
        <translation>几天后跟进（0 = 不跟进）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>A user is due when the last contact is older than the shortest cadence of their stage and tags.</source>
        <translation>用户上次联系距今超过其阶段和标签中最短的联系节奏时，列入待跟进。</translation>
    </message>
</context>
<context>
    <name>NewSequenceDialog</name>
    <message>
        <source>New recall sequence</source>
        <translation>新建召回序列</translation>
    </message>
    <message>
        <source>Name, e.g. 流失用户召回（12月）</source>
        <translation>名称，例如 流失用户召回（12月）</translation>
    </message>
    <message>
        <source>One touch per line: days after the previous touch, channel, what to do.</source>
        <translation>每行一步：距上一步的天数、渠道、要做的事。</translation>
    </message>
</context>
<context>
    <name>RecallQueueView</name>
    <message>
        <source>Next user  Ctrl+Shift+Enter</source>
        <translation>下一位  Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <source>New sequence…</source>
        <translation>新建序列…</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>No recall sequence yet</source>
        <translation>还没有召回序列</translation>
    </message>
    <message>
        <source>Create one (电话召回 → 次日微信关怀+优惠券 → 3天后短信), then start it for a user or an imported list.</source>
        <translation>先新建一个（电话召回 → 次日微信关怀+优惠券 → 3天后短信），再为某位用户或导入的名单开始。</translation>
    </message>
    <message>
        <source>Contacted %1/%2 · converted %3 (%4) · in progress %5 · stopped %6</source>
        <translation>已联系 %1/%2 · 已转化 %3（%4）· 进行中 %5 · 已停止 %6</translation>
    </message>
    <message>
        <source>day +%1</source>
        <translation>第 +%1 天</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>明天 %1</translation>
    </message>
    <message>
        <source>later %1</source>
        <translation>之后 %1</translation>
    </message>
    <message>
        <source>To contact: %1</source>
        <translation>待联系：%1</translation>
    </message>
    <message>
        <source>Nobody left to contact.</source>
        <translation>已全部联系完。</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Search users, contacts, findings and snippets (2 characters are enough: 王芳, 预算, 1234)</source>
        <translation>搜索用户、联系记录、发现和话术（两个字即可：王芳、预算、1234）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>%1 hits · %2 ms</source>
        <translation>%1 条结果 · %2 毫秒</translation>
    </message>
</context>
<context>
    <name>SnippetPicker</name>
    <message>
        <source>Insert snippet</source>
        <translation>插入话术</translation>
    </message>
    <message>
        <source>Filter snippets by title, text or tag</source>
        <translation>按标题、正文或标签筛选话术</translation>
    </message>
    <message>
        <source>Enter inserts · Ctrl+Shift+C copies · Esc closes</source>
        <translation>Enter 插入 · Ctrl+Shift+C 复制 · Esc 关闭</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>New snippet…</source>
        <translation>新建话术…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Contacts that used it keep it; Ctrl+Z brings it back</source>
        <translation>用过它的联系记录会保留它；Ctrl+Z 可以恢复</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Used %1 times · %2 of those contacts converted</source>
        <translation>使用 %1 次 · 其中 %2 的联系已转化</translation>
    </message>
    <message>
        <source>New snippet</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <source>Edit snippet</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text; variables such as {姓名} {额度} {到期日} are filled from the user</source>
        <translation>正文；{姓名} {额度} {到期日} 等变量按用户资料自动填写</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>User details…</source>
        <translation>用户详情…</translation>
    </message>
    <message>
        <source>Choose a user in the form above: their contacts, tasks, findings and recall steps show here.</source>
        <translation>在上方表单选择用户：这里会显示其联系记录、任务、发现和召回步骤。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Timeline: %1</source>
        <translation>时间线：%1</translation>
    </message>
    <message>
        <source>Task open</source>
        <translation>任务 待办</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>任务 完成</translation>
    </message>
    <message>
        <source>Task dropped</source>
        <translation>任务 放弃</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（截止 %1）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Recall sequence started: %1</source>
        <translation>召回序列开始：%1</translation>
    </message>
    <message>
        <source>Recall sequence %1 at step %2: %3</source>
        <translation>召回序列%1（第 %2 步）：%3</translation>
    </message>
    <message>
        <source>Imported attributes</source>
        <translation>导入的属性</translation>
    </message>
</context>
<context>
    <name>UserDetailDialog</name>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
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
        <source>Imported</source>
        <translation>导入属性</translation>
    </message>
</context>
<context>
    <name>UserFinder</name>
    <message>
        <source>Find user: name, user id, last 4 digits of the phone, WeChat…</source>
        <translation>查找用户：姓名、用户ID、手机尾号、微信…</translation>
    </message>
    <message>
        <source>+ New user “%1”  (Enter when nothing else matches, Alt+N)</source>
        <translation>+ 新建用户“%1”（无其他匹配时按 Enter，或 Alt+N）</translation>
    </message>
</context>
</TS>
