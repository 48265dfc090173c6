<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DatasetBrowser</name>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <source>How each metric adds up over a day</source>
        <translation>各指标按天如何汇总</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Daily value</source>
        <translation>每日取值</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Undo the latest import</source>
        <translation>撤销最近一次导入</translation>
    </message>
    <message>
        <source>Import a report…</source>
        <translation>导入报表…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No datasets yet: import a report (File › Import report…).</source>
        <translation>还没有数据集：请导入报表（文件 › 导入报表…）。</translation>
    </message>
    <message>
        <source>whole row</source>
        <translation>整行内容</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 rows · key: %3 · %4 columns</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 行 · 主键：%3 · %4 列</translation>
    </message>
    <message>
        <source>%1  %2: replaced %3 – %4: %5 rows, %6 changed</source>
        <translation>%1  %2：替换了 %3 – %4 的数据，共 %5 行，%6 行有改动</translation>
    </message>
    <message>
        <source>%1  %2: +%3 added, %4 updated, %5 unchanged, %6 skipped</source>
        <translation>%1  %2：新增 %3，更新 %4，未变 %5，跳过 %6</translation>
    </message>
    <message>
        <source>(undone)</source>
        <translation>（已撤销）</translation>
    </message>
    <message>
        <source>Sum (counts, amounts)</source>
        <translation>求和（数量、金额）</translation>
    </message>
    <message>
        <source>Mean (rates, scores, averages)</source>
        <translation>平均（比率、评分、均值）</translation>
    </message>
    <message>
        <source>Last value (balances, running totals)</source>
        <translation>取最后值（余额、累计数）</translation>
    </message>
    <message>
        <source>Count of filled cells</source>
        <translation>计数（非空单元格）</translation>
    </message>
    <message>
        <source>Undo import of %1</source>
        <translation>撤销导入 %1</translation>
    </message>
</context>
<context>
    <name>DatasetRowsModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a report</source>
        <translation>导入报表</translation>
    </message>
    <message>
        <source>Drop an Excel or CSV export here, or choose a file.</source>
        <translation>把 Excel 或 CSV 导出文件拖到这里，或选择文件。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Columns — check the types and roles</source>
        <translation>列 — 请核对类型和角色</translation>
    </message>
    <message>
        <source>First rows, as they will be stored</source>
        <translation>前几行（按入库后的样子）</translation>
    </message>
    <message>
        <source>Skipped rows and warnings</source>
        <translation>跳过的行和提示</translation>
    </message>
    <message>
        <source>Datasets…</source>
        <translation>数据集…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Dataset column</source>
        <translation>数据集的列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>主键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reports (%1);;All files (*)</source>
        <translation>报表 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source>updates the existing dataset</source>
        <translation>更新已有数据集</translation>
    </message>
    <message>
        <source>a new dataset</source>
        <translation>新数据集</translation>
    </message>
    <message>
        <source>(from the title)</source>
        <translation>（取自标题）</translation>
    </message>
    <message>
        <source>New column “%1”</source>
        <translation>新列“%1”</translation>
    </message>
    <message>
        <source>Matched by a similar name: please check</source>
        <translation>按相近名称对应：请核对</translation>
    </message>
    <message>
        <source>No column surely identifies a row (an order number, a user ID, a report&apos;s date): rows are kept as they are, and a later export of the same days replaces those days. Tick Key on a column to merge rows by it.</source>
        <translation>没有哪一列能确定地识别一行（如订单号、用户ID、报表的日期）：各行按原样保存，以后再导入同一时段的导出时，会替换这些日期的行。如要按某一列合并行，请勾选该列的“主键”。</translation>
    </message>
    <message>
        <source>Merging by %1: %2 of the first %3 rows share their key with an earlier row and would be merged into it (for example %4). Later imports overwrite stored rows with the same %1.</source>
        <translation>按“%1”合并：前 %3 行里有 %2 行与前面某行的主键相同，会合并成一行（例如 %4）。以后导入时，%1 相同的已存行会被覆盖。</translation>
    </message>
    <message>
        <source>Merging by %1: no two of the first %3 rows share it. Later imports overwrite stored rows with the same %1.</source>
        <translation>按“%1”合并：前 %3 行里没有重复的值。以后导入时，%1 相同的已存行会被覆盖。</translation>
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
        <source>Row %1 skipped: %2</source>
        <translation>第 %1 行已跳过：%2</translation>
    </message>
    <message>
        <source>No rows skipped, nothing to warn about.</source>
        <translation>没有跳过的行，也没有需要注意的地方。</translation>
    </message>
    <message>
        <source>Confirm matched columns</source>
        <translation>确认列的对应</translation>
    </message>
    <message>
        <source>These file columns go to stored columns with a similar name: %1. Is that right?</source>
        <translation>这些文件列将写入名称相近的已有列：%1。对吗？</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Imported into “%1”: %2 added, %3 updated, %4 unchanged, %5 rows skipped.</source>
        <translation>已导入“%1”：新增 %2，更新 %3，未变 %4，跳过 %5 行。</translation>
    </message>
    <message>
        <source>Corrected: %1 %2 %3 → %4</source>
        <translation>更正：%1 %2 %3 → %4</translation>
    </message>
    <message>
        <source>Imported into “%1”: replaced %2 – %3: %4 rows, %5 changed.</source>
        <translation>已导入“%1”：替换了 %2 – %3 的数据，共 %4 行，%5 行有改动。</translation>
    </message>
    <message>
        <source>%1 rows added.</source>
        <translation>新增 %1 行。</translation>
    </message>
    <message>
        <source>%1 rows removed.</source>
        <translation>删除 %1 行。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>主键</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>blank row</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>totals row</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>脚注/说明</translation>
    </message>
    <message>
        <source>repeated header</source>
        <translation>重复的表头</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
</TS>
