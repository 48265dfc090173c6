<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReviewPage</name>
    <message>
        <source>Goal review</source>
        <translation>目标回顾</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果陈述</translation>
    </message>
    <message>
        <source>Process analysis</source>
        <translation>过程分析</translation>
    </message>
    <message>
        <source>Lessons and patterns</source>
        <translation>规律总结</translation>
    </message>
    <message>
        <source>What did you set out to do this week?</source>
        <translation>本周原本要做成什么？</translation>
    </message>
    <message>
        <source>What happened? Numbers first, good and bad.</source>
        <translation>结果如何？先摆数字，好的坏的都写。</translation>
    </message>
    <message>
        <source>Why did it happen? What helped, what got in the way?</source>
        <translation>为什么会这样？什么起了作用，什么拖了后腿？</translation>
    </message>
    <message>
        <source>What will you keep doing, and what becomes an SOP or a PDCA cycle?</source>
        <translation>哪些要坚持？哪些要写成 SOP 或开一个 PDCA 循环？</translation>
    </message>
    <message>
        <source>Mask phone numbers</source>
        <translation>手机号打码</translation>
    </message>
    <message>
        <source>Unticked, the sheet holds full phone numbers; the export is then recorded in the audit log.</source>
        <translation>不勾选时表格包含完整手机号，本次导出会记入审计日志。</translation>
    </message>
    <message>
        <source>The language of the exported workbook</source>
        <translation>导出工作簿的语言</translation>
    </message>
    <message>
        <source>Workbook in the app&apos;s language</source>
        <translation>工作簿跟随界面语言</translation>
    </message>
    <message>
        <source>Chinese workbook</source>
        <translation>中文工作簿</translation>
    </message>
    <message>
        <source>English workbook</source>
        <translation>英文工作簿</translation>
    </message>
    <message>
        <source>E&amp;xport weekly review to Excel</source>
        <translation>导出周报 Excel(&amp;X)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>PDCA</source>
        <translation>PDCA</translation>
    </message>
    <message>
        <source>(this week)</source>
        <translation>（本周）</translation>
    </message>
    <message>
        <source>Review written</source>
        <translation>已写复盘</translation>
    </message>
    <message>
        <source>Weekly review %1 · %2 – %3</source>
        <translation>周复盘 %1 · %2 – %3</translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation>（本周无记录）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Important, not urgent</source>
        <translation>重要不紧急</translation>
    </message>
    <message>
        <source>Urgent and important</source>
        <translation>重要且紧急</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Rolled over</source>
        <translation>顺延到下周</translation>
    </message>
    <message>
        <source>New captures</source>
        <translation>新记下</translation>
    </message>
    <message>
        <source>%1 in inbox</source>
        <translation>收件箱 %1</translation>
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
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化</translation>
    </message>
    <message>
        <source>Recall success</source>
        <translation>召回成功</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>无法统计：%1</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>统计中…</translation>
    </message>
    <message>
        <source>New findings</source>
        <translation>新发现</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>未关闭的发现</translation>
    </message>
    <message>
        <source>No imported metrics</source>
        <translation>尚未导入指标</translation>
    </message>
    <message>
        <source>Stage moves</source>
        <translation>阶段推进</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>New cycles</source>
        <translation>新循环</translation>
    </message>
    <message>
        <source>Open cycles</source>
        <translation>进行中的循环</translation>
    </message>
    <message>
        <source>Alerts fired: %1</source>
        <translation>本周预警：%1 条</translation>
    </message>
    <message>
        <source>No alert fired this week.</source>
        <translation>本周没有触发预警。</translation>
    </message>
    <message>
        <source>Weekly review %1.xlsx</source>
        <translation>周复盘 %1.xlsx</translation>
    </message>
    <message>
        <source>Export weekly review</source>
        <translation>导出周报</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export with full phone numbers?</source>
        <translation>导出完整手机号？</translation>
    </message>
    <message>
        <source>The sheet will hold users&apos; full phone numbers. This export is recorded in the audit log.</source>
        <translation>表格将包含用户的完整手机号。本次导出会记入审计日志。</translation>
    </message>
    <message>
        <source>Weekly review exported to %1</source>
        <translation>周报已导出到 %1</translation>
    </message>
    <message>
        <source>Writing the weekly review…</source>
        <translation>正在生成周报…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewUndo</name>
    <message>
        <source>Edit weekly review</source>
        <translation>编辑周复盘</translation>
    </message>
</context>
</TS>
