<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChainDialog</name>
    <message>
        <source>Chain of cycles</source>
        <translation>循环链</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Act decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>The dataset “%1” was deleted: import it again to check this cycle.</source>
        <translation>数据集“%1”已删除：重新导入后才能检查这个循环。</translation>
    </message>
    <message>
        <source>No Check yet: it runs when the cycle moves from Do to Check.</source>
        <translation>尚未检查：循环从「执行」进入「检查」时自动检查。</translation>
    </message>
    <message>
        <source>Not enough data to judge: import the metric for both windows.</source>
        <translation>数据不足，无法判断：请导入两个时间窗口的指标数据。</translation>
    </message>
    <message>
        <source>Target reached ✓</source>
        <translation>目标达成 ✓</translation>
    </message>
    <message>
        <source>Target not reached</source>
        <translation>目标未达成</translation>
    </message>
    <message>
        <source>as good as predicted or better</source>
        <translation>达到或好于预测</translation>
    </message>
    <message>
        <source>below the prediction</source>
        <translation>不及预测</translation>
    </message>
    <message>
        <source>Before (%1 – %2)</source>
        <translation>执行前（%1 – %2）</translation>
    </message>
    <message>
        <source>During Do (%1 – %2)</source>
        <translation>执行中（%1 – %2）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Data points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Linked contacts before → during: %1 → %2 · findings: %3 → %4</source>
        <translation>关联联系 执行前 → 执行中：%1 → %2 · 发现：%3 → %4</translation>
    </message>
</context>
<context>
    <name>CycleDetail</name>
    <message>
        <source>&amp;Edit plan</source>
        <translation>编辑计划(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;hain</source>
        <translation>循环链(&amp;H)</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记已检查</translation>
    </message>
    <message>
        <source>Reviewed today: the next review moves one interval ahead</source>
        <translation>今天已检查：下次检查顺延一个间隔</translation>
    </message>
    <message>
        <source>Move one stage back (Ctrl+Left)</source>
        <translation>退回上一阶段（Ctrl+←）</translation>
    </message>
    <message>
        <source>Move to the next stage (Ctrl+Right)</source>
        <translation>进入下一阶段（Ctrl+→）</translation>
    </message>
    <message>
        <source>New plan step, a due date as in capture (e.g. “poster Friday”)</source>
        <translation>新计划步骤，可写截止日期，同快速记录（如“海报定稿 周五”）</translation>
    </message>
    <message>
        <source>What did you do today? (Enter adds a dated Do note)</source>
        <translation>今天做了什么？（回车添加一条带日期的执行记录）</translation>
    </message>
    <message>
        <source>Run the Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Standardise: the SOP text that goes into the snippet library. Adjust: what changes in the next cycle.</source>
        <translation>标准化：写入话术库的 SOP 内容；调整后再循环：下一轮要改变什么。</translation>
    </message>
    <message>
        <source>Decide and close</source>
        <translation>决定并关闭</translation>
    </message>
    <message>
        <source>Plan steps</source>
        <translation>计划步骤</translation>
    </message>
    <message>
        <source>Do log</source>
        <translation>执行记录</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Pick a cycle on the board, or start one with “New cycle”: a problem, a metric with baseline and target, a hypothesis with a numeric prediction.</source>
        <translation>在看板上选择一个循环，或用「新建循环」开始一个：问题、带基线和目标的指标、带数值预测的假设。</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <source>next review %1</source>
        <translation>下次检查 %1</translation>
    </message>
    <message>
        <source>Next: %1 →</source>
        <translation>下一步：%1 →</translation>
    </message>
    <message>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>no metric chosen yet</source>
        <translation>尚未选择指标</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>prediction %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Current condition</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>The SOP is in the snippet library.</source>
        <translation>SOP 已写入话术库。</translation>
    </message>
    <message>
        <source>PDCA</source>
        <translation>PDCA</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <source>Edit PDCA cycle</source>
        <translation>编辑 PDCA 循环</translation>
    </message>
    <message>
        <source>New PDCA cycle</source>
        <translation>新建 PDCA 循环</translation>
    </message>
    <message>
        <source>e.g. Many coupon inquiries, few loans</source>
        <translation>例如：优惠券咨询多、借款少</translation>
    </message>
    <message>
        <source>What is wrong, in numbers if you can</source>
        <translation>问题是什么？尽量用数字描述</translation>
    </message>
    <message>
        <source>Why this matters now (A3 background)</source>
        <translation>为什么现在要做（A3 背景）</translation>
    </message>
    <message>
        <source>Where things stand today, with numbers</source>
        <translation>现在的情况，尽量用数字</translation>
    </message>
    <message>
        <source>(no metric)</source>
        <translation>（不选指标）</translation>
    </message>
    <message>
        <source>a number, e.g. 8%</source>
        <translation>数字，例如 8%</translation>
    </message>
    <message>
        <source>月底, 下周五, end of next month, 2026-12-31 …</source>
        <translation>月底、下周五、下月底、2026-12-31 …</translation>
    </message>
    <message>
        <source>If we …, then the metric will …, because …</source>
        <translation>如果我们……，指标将会……，因为……</translation>
    </message>
    <message>
        <source>Why? → because … → why? → because …</source>
        <translation>为什么？→ 因为…… → 为什么？→ 因为……</translation>
    </message>
    <message>
        <source>contact topic or keyword, e.g. 优惠券</source>
        <translation>联系主题或关键词，例如 优惠券</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>(no group check)</source>
        <translation>（不按分组检查）</translation>
    </message>
    <message>
        <source>The column that says which group a user is in: 实验组/对照组, A/B, 版本</source>
        <translation>说明用户在哪一组的列：实验组/对照组、A/B、版本</translation>
    </message>
    <message>
        <source>What is compared: converted yes/no, an amount, retained</source>
        <translation>比较什么：是否转化、金额、是否留存</translation>
    </message>
    <message>
        <source>optional, e.g. 5000</source>
        <translation>可不填，如 5000</translation>
    </message>
    <message>
        <source>the stage&apos;s default</source>
        <translation>按阶段默认</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Current condition</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Root cause (why-chain)</source>
        <translation>根本原因（追问为什么）</translation>
    </message>
    <message>
        <source>Linked topic</source>
        <translation>关联主题</translation>
    </message>
    <message>
        <source>Baseline window</source>
        <translation>基线窗口</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次检查</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>检查间隔</translation>
    </message>
    <message>
        <source>Check by groups</source>
        <translation>按分组检查</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
</context>
<context>
    <name>GroupCheckView</name>
    <message>
        <source>ROI %1 (cost %2, revenue %3)</source>
        <translation>ROI %1（成本 %2，收益 %3）</translation>
    </message>
    <message>
        <source>The group dataset “%1” was deleted.</source>
        <translation>分组数据集“%1”已删除。</translation>
    </message>
    <message>
        <source>The group or outcome column is no longer in “%1”.</source>
        <translation>“%1”里已没有分组列或结果列。</translation>
    </message>
    <message>
        <source>Too few users in a group to compare.</source>
        <translation>有一组用户太少，无法比较。</translation>
    </message>
    <message>
        <source>%1: %2 (%3 of %4)</source>
        <translation>%1：%2（%4 人中 %3 人）</translation>
    </message>
    <message>
        <source>%1: mean %2 (n = %3)</source>
        <translation>%1：均值 %2（n = %3）</translation>
    </message>
    <message>
        <source>difference %1 (95%: %2 … %3), p = %4</source>
        <translation>差值 %1（95% 区间：%2 … %3），p = %4</translation>
    </message>
    <message>
        <source>By groups</source>
        <translation>分组对比</translation>
    </message>
    <message>
        <source>To see %1 → %2, each group needs %3 users (80% power, α = 0.05).</source>
        <translation>要看出 %1 → %2，每组需要 %3 个用户（检验效能 80%，α = 0.05）。</translation>
    </message>
</context>
<context>
    <name>PdcaPage</name>
    <message>
        <source>&amp;New cycle</source>
        <translation>新建循环(&amp;N)</translation>
    </message>
    <message>
        <source>Start a PDCA cycle (Ctrl+Shift+N)</source>
        <translation>开始一个 PDCA 循环（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>PDCA cycles</source>
        <translation>PDCA 循环</translation>
    </message>
    <message>
        <source>Stalled PDCA cycles became tasks: %1</source>
        <translation>停滞的 PDCA 循环已转为任务：%1 个</translation>
    </message>
    <message>
        <source>%1 open · %2 stalled</source>
        <translation>进行中 %1 · 停滞 %2</translation>
    </message>
</context>
<context>
    <name>PdcaStages</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Standardise (SOP)</source>
        <translation>标准化（SOP）</translation>
    </message>
    <message>
        <source>Adjust and run again</source>
        <translation>调整后再循环</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>PdcaUndo</name>
    <message>
        <source>New PDCA cycle “%1”</source>
        <translation>新建 PDCA 循环「%1」</translation>
    </message>
    <message>
        <source>Edit PDCA cycle</source>
        <translation>编辑 PDCA 循环</translation>
    </message>
    <message>
        <source>Move PDCA cycle</source>
        <translation>移动 PDCA 循环</translation>
    </message>
    <message>
        <source>Mark PDCA cycle reviewed</source>
        <translation>标记 PDCA 循环已检查</translation>
    </message>
    <message>
        <source>Run the Check</source>
        <translation>执行检查</translation>
    </message>
    <message>
        <source>Add Do note</source>
        <translation>添加执行记录</translation>
    </message>
    <message>
        <source>Act decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Add plan step</source>
        <translation>添加计划步骤</translation>
    </message>
    <message>
        <source>Tick plan step</source>
        <translation>勾选计划步骤</translation>
    </message>
    <message>
        <source>Untick plan step</source>
        <translation>取消勾选计划步骤</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>%1 days in stage</source>
        <translation>本阶段 %1 天</translation>
    </message>
    <message>
        <source>%1 day in stage</source>
        <translation>本阶段 %1 天</translation>
    </message>
    <message>
        <source>Check overdue</source>
        <translation>检查逾期</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>Due for Check</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>该检查了</translation>
    </message>
    <message>
        <source>No Do note or finished step for a while, or the Check is overdue.</source>
        <translation>一段时间没有执行记录或完成的步骤，或检查已逾期。</translation>
    </message>
</context>
</TS>
