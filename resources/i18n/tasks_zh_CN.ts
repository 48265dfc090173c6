<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaptureField</name>
    <message>
        <source>+ Capture…  e.g. tomorrow 3pm call back @WangFang #recall *   (Ctrl+N)</source>
        <translation>＋ 记一笔…  例如：明天下午3点 回访 @王芳 #召回 *   (Ctrl+N)</translation>
    </message>
    <message>
        <source>Write what the task is, not only when.</source>
        <translation>还缺任务内容：请写下要做什么，不只是时间。</translation>
    </message>
    <message>
        <source>Captured: %1</source>
        <translation>已记录：%1</translation>
    </message>
</context>
<context>
    <name>ChipButton</name>
    <message>
        <source>“%1” — click or Backspace to keep it as plain text</source>
        <translation>“%1” — 点击或按退格键，保留为普通文字</translation>
    </message>
</context>
<context>
    <name>ClosedSearch</name>
    <message>
        <source>Search done and dropped tasks…</source>
        <translation>搜索已完成和已删减的任务…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Back to the matrix</source>
        <translation>返回四象限</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>完成/删减时间</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已删减</translation>
    </message>
    <message>
        <source> (newest %1 shown)</source>
        <translation>（显示最近 %1 条）</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>找到 %1 条</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Start triage ▶</source>
        <translation>开始分拣 ▶</translation>
    </message>
    <message>
        <source>One inbox item at a time: 1–4, D, Del, E  (%1)</source>
        <translation>收件箱逐条分拣：1–4、D、Del、E（%1）</translation>
    </message>
    <message>
        <source>Done &amp;&amp; dropped…</source>
        <translation>已完成/已删减…</translation>
    </message>
    <message>
        <source>Matrix settings</source>
        <translation>四象限设置</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Promote “important, not urgent” to “important &amp; urgent” when due within</source>
        <translation>「重要不紧急」的任务截止前几天升为「重要且紧急」：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Empty. Capture with Ctrl+N: 明天下午3点 回访 @王芳 #召回</source>
        <translation>收件箱是空的。按 Ctrl+N 记一笔，例如：明天下午3点 回访 @王芳 #召回</translation>
    </message>
    <message>
        <source>Nothing on fire.</source>
        <translation>没有需要立即处理的事。</translation>
    </message>
    <message>
        <source>Plan focused blocks for these.</source>
        <translation>为这些事安排专注时间块。</translation>
    </message>
    <message>
        <source>Handle between other work, or hand off.</source>
        <translation>在其他工作间隙处理，或交给别人。</translation>
    </message>
    <message>
        <source>Nothing to cut.</source>
        <translation>没有要删减的事。</translation>
    </message>
    <message>
        <source>Today: %1 planned · %2 overdue · inbox %3 to triage</source>
        <translation>今天：%1 项计划 · %2 项逾期 · 收件箱 %3 项待分拣</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的任务。</translation>
    </message>
    <message>
        <source>Morning changes: %1 moved to “important &amp; urgent” (due soon)</source>
        <translation>晨间变化：%1 项因临近截止升为「重要且紧急」</translation>
    </message>
    <message>
        <source>, %1 kept in “important, not urgent” by you</source>
        <translation>，%1 项被你改回「重要不紧急」</translation>
    </message>
    <message>
        <source>moved back to “important, not urgent” by you: stays there for due %1</source>
        <translation>你已改回「重要不紧急」：截止 %1 不变就不再升级</translation>
    </message>
    <message>
        <source>due %1, within %2 days</source>
        <translation>截止 %1，在 %2 天内</translation>
    </message>
    <message>
        <source>Done	Space</source>
        <translation>完成	Space</translation>
    </message>
    <message>
        <source>Edit…	E</source>
        <translation>编辑…	E</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Drop (cut)	Del</source>
        <translation>删减	Del</translation>
    </message>
    <message>
        <source>Delete for good	Shift+Del</source>
        <translation>永久删除	Shift+Del</translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <source>Ops Workbench — quick capture</source>
        <translation>运营工作台 — 快速记录</translation>
    </message>
    <message>
        <source>Quick capture…</source>
        <translation>快速记录…</translation>
    </message>
</context>
<context>
    <name>QuickCaptureWindow</name>
    <message>
        <source>Quick capture</source>
        <translation>快速记录</translation>
    </message>
    <message>
        <source>Enter saves to the inbox · Esc closes · ! urgent  * important  #tag  @user</source>
        <translation>回车保存到收件箱 · Esc 关闭 · ! 紧急  * 重要  #标签  @用户</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>In 10 minutes</source>
        <translation>10 分钟后</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>ReminderWatcher</name>
    <message>
        <source>Due at %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>%1 missed reminders</source>
        <translation>%1 个错过的提醒</translation>
    </message>
    <message>
        <source>%1 reminders</source>
        <translation>%1 个提醒</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Missed reminders (%1)</source>
        <translation>错过的提醒 (%1)</translation>
    </message>
    <message>
        <source>Reminders (%1)</source>
        <translation>提醒 (%1)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 还有 %1 个</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>2026-12-01 15:00, 明天下午3点, friday 3pm …</source>
        <translation>2026-12-01 15:00、明天下午3点、周五 …</translation>
    </message>
    <message>
        <source>Remind me at the due time</source>
        <translation>到时提醒我</translation>
    </message>
    <message>
        <source>每周一, 每个工作日, every friday … (or an RRULE)</source>
        <translation>每周一、每个工作日、每月1号 …（或 RRULE）</translation>
    </message>
    <message>
        <source>Tags, separated by spaces</source>
        <translation>标签，用空格分隔</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
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
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Captured %1</source>
        <translation>记录于 %1</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>任务需要一个标题。</translation>
    </message>
    <message>
        <source>The due date is not a date I can read.</source>
        <translation>无法识别这个截止时间。</translation>
    </message>
    <message>
        <source>The repeat rule is not one I can read.</source>
        <translation>无法识别这个重复规则。</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <source>Important &amp; urgent · Do now</source>
        <translation>重要且紧急 · 立即做</translation>
    </message>
    <message>
        <source>Important, not urgent · Plan</source>
        <translation>重要不紧急 · 计划做</translation>
    </message>
    <message>
        <source>Urgent, not important · Quick / delegate</source>
        <translation>紧急不重要 · 快速处理/授权</translation>
    </message>
    <message>
        <source>Neither · Cut</source>
        <translation>不重要不紧急 · 删减</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Important &amp; urgent</source>
        <translation>重要且紧急</translation>
    </message>
    <message>
        <source>Important, not urgent</source>
        <translation>重要不紧急</translation>
    </message>
    <message>
        <source>Urgent, not important</source>
        <translation>紧急不重要</translation>
    </message>
    <message>
        <source>Neither important nor urgent</source>
        <translation>不重要不紧急</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>PDCA cycle</source>
        <translation>PDCA 循环</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Recall queue</source>
        <translation>召回队列</translation>
    </message>
</context>
<context>
    <name>TaskUndo</name>
    <message>
        <source>Capture “%1”</source>
        <translation>记录“%1”</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>Move task</source>
        <translation>移动任务</translation>
    </message>
    <message>
        <source>Complete task</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>Reopen task</source>
        <translation>重新打开任务</translation>
    </message>
    <message>
        <source>Drop task</source>
        <translation>删减任务</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
</context>
<context>
    <name>TriageView</name>
    <message>
        <source>D  Done</source>
        <translation>D  完成</translation>
    </message>
    <message>
        <source>Del  Drop</source>
        <translation>Del  删减</translation>
    </message>
    <message>
        <source>E  Edit</source>
        <translation>E  编辑</translation>
    </message>
    <message>
        <source>←/→  Previous / next</source>
        <translation>←/→  上一条 / 下一条</translation>
    </message>
    <message>
        <source>Esc  Back to the matrix</source>
        <translation>Esc  返回四象限</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:40px&apos;&gt;✓&lt;/p&gt;&lt;p style=&apos;font-size:20px&apos;&gt;Inbox zero&lt;/p&gt;&lt;p&gt;Everything is triaged. New things go into the capture bar above (Ctrl+N).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:40px&apos;&gt;✓&lt;/p&gt;&lt;p style=&apos;font-size:20px&apos;&gt;收件箱清零&lt;/p&gt;&lt;p&gt;全部分拣完毕。新的事情随时记在上方的记录栏（Ctrl+N）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Triage the inbox</source>
        <translation>分拣收件箱</translation>
    </message>
    <message>
        <source>%1 triaged</source>
        <translation>已分拣 %1 项</translation>
    </message>
    <message>
        <source>Captured %1</source>
        <translation>记录于 %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
</context>
</TS>
