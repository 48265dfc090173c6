<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertRow</name>
    <message>
        <source>%1 in a row</source>
        <translation>连续 %1 期</translation>
    </message>
    <message>
        <source>To task</source>
        <translation>转为任务</translation>
    </message>
    <message>
        <source>Create an important and urgent task linked to this alert</source>
        <translation>新建一条关联此预警的「重要且紧急」任务</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Task #%1</source>
        <translation>任务 #%1</translation>
    </message>
    <message>
        <source>Open the task made from this alert</source>
        <translation>打开由这条预警生成的任务</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Create an important and urgent task linked to this alert and its cycle</source>
        <translation>新建一个重要且紧急的任务，关联这条预警和它的循环</translation>
    </message>
    <message>
        <source>PDCA cycle #%1</source>
        <translation>PDCA 循环 #%1</translation>
    </message>
    <message>
        <source>Open the PDCA cycle drafted from this alert</source>
        <translation>打开由这条预警起草的 PDCA 循环</translation>
    </message>
    <message>
        <source>To PDCA</source>
        <translation>转为PDCA</translation>
    </message>
    <message>
        <source>Draft a PDCA cycle in the Plan stage from this alert and open it</source>
        <translation>由这条预警起草一个处于「计划」阶段的 PDCA 循环并打开它</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未处理</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Alerts (%1 open)</source>
        <translation>预警（%1 条未处理）</translation>
    </message>
    <message>
        <source>No alerts. Rules run after every import.</source>
        <translation>没有预警。每次导入后都会运行预警规则。</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>The alert is now an important and urgent task.</source>
        <translation>预警已转为「重要且紧急」任务。</translation>
    </message>
    <message>
        <source>A PDCA cycle was drafted from the alert.</source>
        <translation>已由预警起草 PDCA 循环。</translation>
    </message>
</context>
<context>
    <name>CardPicker</name>
    <message>
        <source>Metric cards</source>
        <translation>指标卡</translation>
    </message>
    <message>
        <source>Tick the metrics to show as cards; drag to reorder.</source>
        <translation>勾选要显示为指标卡的指标；拖动可调整顺序。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Export the chart to PNG</source>
        <translation>导出图表为 PNG</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard</source>
        <translation>复制图表到剪贴板</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>7-day moving average</source>
        <translation>7日移动平均</translation>
    </message>
    <message>
        <source>Compare with the previous period</source>
        <translation>与上一周期对比</translation>
    </message>
    <message>
        <source>Second metric on the right axis</source>
        <translation>第二个指标用右轴</translation>
    </message>
    <message>
        <source>Mark imports, alerts, PDCA starts</source>
        <translation>标出导入、预警、PDCA 开始</translation>
    </message>
    <message>
        <source>a week earlier</source>
        <translation>上周同期</translation>
    </message>
    <message>
        <source>4 weeks earlier</source>
        <translation>4 周前</translation>
    </message>
    <message>
        <source>the period before</source>
        <translation>前一个同长周期</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>对比周期</translation>
    </message>
    <message>
        <source>Largest first</source>
        <translation>从大到小</translation>
    </message>
    <message>
        <source>Smallest first</source>
        <translation>从小到大</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <source>By</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Steps, in order</source>
        <translation>漏斗步骤（按顺序）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Compare with another period</source>
        <translation>与另一时段对比</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比时段</translation>
    </message>
    <message>
        <source>The period before</source>
        <translation>前一个同长时段</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>留存曲线</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By week: the cohorts that started in one week (Monday to Sunday) as one row, weighted by cohort size</source>
        <translation>按周：同一周（周一至周日）开始的同期群合为一行，按同期群人数加权</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>同期群</translation>
    </message>
    <message>
        <source>Blank cells are days a cohort has not reached yet. The top row is the average weighted by cohort size.</source>
        <translation>空白格是该同期群还没到的天数（不是 0）。第一行是按同期群人数加权的平均值。</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <source>Last activity (R)</source>
        <translation>最近一次 (R)</translation>
    </message>
    <message>
        <source>Frequency (F)</source>
        <translation>频次 (F)</translation>
    </message>
    <message>
        <source>Amount (M)</source>
        <translation>金额 (M)</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Recall sequence</source>
        <translation>召回序列</translation>
    </message>
    <message>
        <source>Send to contact log as a recall list</source>
        <translation>加入联系记录召回名单</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Rows per user (one row per order)</source>
        <translation>每个用户的行数（一行一单）</translation>
    </message>
    <message>
        <source>No sequence, list only</source>
        <translation>不启动序列，仅建名单</translation>
    </message>
    <message>
        <source>No imported dataset fits RFM yet. RFM needs three columns: a user id, a date (of the order, or of the user&apos;s last order or visit) and an amount. An order list with one row per order is enough (each user&apos;s orders are counted); a user list with one row per user also needs an order count. Export such a list from the back office, with headers like user_id, order_date, amount, and import it (Import… above).</source>
        <translation>还没有适合 RFM 的数据集。RFM 需要三列：用户ID、日期（下单日期，或用户最近一次下单/访问的日期）和金额。一行一单的订单明细就够了（按用户数订单数）；一行一个用户的用户明细还需要一列下单次数。从后台导出这样的明细（表头如 用户ID、下单日期、金额），再导入（上方的“导入…”）。</translation>
    </message>
    <message>
        <source>No imported dataset has columns for this chart yet.</source>
        <translation>已导入的数据集里还没有适合这种图表的列。</translation>
    </message>
    <message>
        <source>Hover for exact values · drag to pan · wheel to zoom</source>
        <translation>悬停查看精确数值 · 拖动平移 · 滚轮缩放</translation>
    </message>
    <message>
        <source>Tick at least one metric.</source>
        <translation>请至少勾选一个指标。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Summing %1 by %2…</source>
        <translation>正在按%2汇总%1…</translation>
    </message>
    <message>
        <source>Tick at least two steps.</source>
        <translation>请至少勾选两个步骤。</translation>
    </message>
    <message>
        <source>No rows from %1 to %2 in this dataset (its data runs to %3).</source>
        <translation>这个数据集在 %1 至 %2 之间没有数据（数据截至 %3）。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Scoring the users of %1…</source>
        <translation>正在为 %1 的用户打分…</translation>
    </message>
    <message>
        <source>%1 users of %2 are now a recall list in the contact log (%3 new).</source>
        <translation>%2 的 %1 位用户已加入联系记录召回名单（新建 %3 位）。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>The picture could not be written to %1.</source>
        <translation>图片无法写入 %1。</translation>
    </message>
    <message>
        <source>Chart copied to the clipboard.</source>
        <translation>图表已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source> (right axis)</source>
        <translation>（右轴）</translation>
    </message>
    <message>
        <source> 7-day average</source>
        <translation> 7日均线</translation>
    </message>
    <message>
        <source> previous period</source>
        <translation> 上一周期</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>PDCA Do start</source>
        <translation>PDCA 执行开始</translation>
    </message>
    <message>
        <source>PDCA Check</source>
        <translation>PDCA 检查</translation>
    </message>
    <message>
        <source>7-day avg</source>
        <translation>7日均值</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步转化</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>总转化</translation>
    </message>
    <message>
        <source>from the step before</source>
        <translation>较上一步</translation>
    </message>
    <message>
        <source>from the first step</source>
        <translation>较第一步</translation>
    </message>
    <message>
        <source> pp</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>vs %1: %2</source>
        <translation>对比期 %1：%2</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <source>not observed yet</source>
        <translation>尚未观测</translation>
    </message>
    <message>
        <source>cohort size</source>
        <translation>同期群人数</translation>
    </message>
    <message>
        <source>Users per segment</source>
        <translation>各分层用户数</translation>
    </message>
    <message>
        <source>Days since last activity (R)</source>
        <translation>距最近一次活跃天数 (R)</translation>
    </message>
    <message>
        <source>Amount (M)</source>
        <translation>金额 (M)</translation>
    </message>
    <message>
        <source>Recency × amount</source>
        <translation>最近活跃 × 金额</translation>
    </message>
    <message>
        <source> (a sample of %1 users)</source>
        <translation>（抽样 %1 位用户）</translation>
    </message>
    <message>
        <source>users</source>
        <translation>位用户</translation>
    </message>
    <message>
        <source>Days / rows</source>
        <translation>天数 / 行数</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>No reports yet</source>
        <translation>还没有报表</translation>
    </message>
    <message>
        <source>Import the back office&apos;s Excel or CSV exports (daily core metrics, channel weekly reports, retention cohorts, user lists) and this page charts them: trends, funnels, cohort retention, RFM segments, and alerts when a number crosses a line.

Drop a file anywhere on the window, or:</source>
        <translation>导入后台导出的 Excel 或 CSV 报表（核心指标日报、渠道周报、留存同期群、用户明细），这里就会画出趋势、漏斗、同期群留存、RFM 分层，并在指标越线时预警。

把文件拖到窗口任意位置，或者：</translation>
    </message>
    <message>
        <source>Import a report…</source>
        <translation>导入报表…</translation>
    </message>
    <message>
        <source>Data dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Cards…</source>
        <translation>指标卡…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>%1 datasets · data up to %2</source>
        <translation>%1 个数据集 · 数据截至 %2</translation>
    </message>
</context>
<context>
    <name>DashboardUndo</name>
    <message>
        <source>Turn alert into a task</source>
        <translation>预警转为任务</translation>
    </message>
    <message>
        <source>Turn alert into a PDCA cycle</source>
        <translation>将预警转为 PDCA 循环</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>忽略预警</translation>
    </message>
    <message>
        <source>Reopen alert</source>
        <translation>恢复预警</translation>
    </message>
    <message>
        <source>Edit alert rule</source>
        <translation>修改预警规则</translation>
    </message>
    <message>
        <source>Add alert rule</source>
        <translation>新建预警规则</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>删除预警规则</translation>
    </message>
    <message>
        <source>Choose metric cards</source>
        <translation>选择指标卡</translation>
    </message>
    <message>
        <source>Send segment to recall list</source>
        <translation>分层用户加入召回名单</translation>
    </message>
</context>
<context>
    <name>MetricCardWidget</name>
    <message>
        <source>DoD</source>
        <translation>日环比</translation>
    </message>
    <message>
        <source>WoW</source>
        <translation>周同比</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>Alert rule</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化幅度</translation>
    </message>
    <message>
        <source>Deviation from the trailing mean</source>
        <translation>偏离近期均值（标准差）</translation>
    </message>
    <message>
        <source>Falls / below</source>
        <translation>下降 / 低于</translation>
    </message>
    <message>
        <source>Rises / above</source>
        <translation>上升 / 高于</translation>
    </message>
    <message>
        <source>Either way</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>the previous day</source>
        <translation>前一日</translation>
    </message>
    <message>
        <source>the same day last week</source>
        <translation>上周同日</translation>
    </message>
    <message>
        <source>the trailing mean</source>
        <translation>近 N 日均值</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>对比基准</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>幅度</translation>
    </message>
    <message>
        <source>Trailing points</source>
        <translation>均值窗口（点数）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>预警规则</translation>
    </message>
</context>
</TS>
