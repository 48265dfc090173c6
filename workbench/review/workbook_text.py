"""Every word the weekly workbook writes itself, in Chinese and English (the feature layer has no Qt, so
no tr()). The export follows the app's language unless the operator picks the other one."""
from __future__ import annotations

LANGUAGES = ("zh_CN", "en")

_TEXT = {
    # sheet names
    "sheet.overview": ("概览", "Overview"), "sheet.tasks": ("任务", "Tasks"), "sheet.contacts": ("联系记录", "Contacts"),
    "sheet.findings": ("发现", "Findings"), "sheet.pdca": ("PDCA", "PDCA"), "sheet.metrics": ("指标", "Metrics"),
    "sheet.alerts": ("预警", "Alerts"), "sheet.roi": ("活动ROI", "Campaign ROI"),
    # overview
    "title": ("周复盘 {week}（{monday} ~ {sunday}）", "Weekly review {week} ({monday} – {sunday})"),
    "item": ("项目", "Item"), "value": ("数值", "Value"),
    "fact.done": ("完成任务", "Tasks done"), "fact.q2_share": ("其中 重要不紧急 占比", "Share important, not urgent"),
    "fact.done_in": ("完成 · {quadrant}", "Done · {quadrant}"),
    "fact.overdue": ("逾期任务", "Overdue tasks"), "fact.rolled": ("顺延到下周", "Rolled over to next week"),
    "fact.captured": ("新记下", "New captures"), "fact.contacts": ("联系次数", "Contacts"),
    "fact.users": ("联系用户数", "Users contacted"), "fact.conversions": ("转化次数", "Conversions"),
    "fact.recall": ("召回成功率", "Recall success"), "fact.findings": ("新发现", "New findings"),
    "fact.pdca_moved": ("PDCA 阶段推进", "PDCA stage moves"), "fact.pdca_checked": ("PDCA 完成检查", "PDCA checks done"),
    "fact.pdca_stalled": ("PDCA 停滞", "PDCA stalled"), "fact.alerts": ("触发预警", "Alerts fired"),
    "metric": ("指标", "Metric"), "this_mean": ("本周日均", "This week, daily mean"),
    "previous_mean": ("上周日均", "Last week, daily mean"), "wow": ("周环比", "Week over week"),
    "not_filled": ("（未填写）", "(not filled in)"),
    "section.goal_review": ("目标回顾", "Goal review"), "section.results": ("结果陈述", "Results"),
    "section.process": ("过程分析", "Process"), "section.lessons": ("规律总结", "Lessons"),
    # lists
    "yes": ("是", "yes"), "list_sep": ("、", ", "), "moves_sep": ("；", "; "),
    "why.created": ("新建", "created"), "why.done": ("完成", "done"), "why.due": ("到期", "due"),
    "status.open": ("未完成", "open"), "status.done": ("已完成", "done"), "status.dropped": ("已放弃", "dropped"),
    "tasks.headers": (["编号", "标题", "象限", "状态", "截止", "创建时间", "完成时间", "本周", "逾期", "顺延", "PDCA"],
                      ["ID", "Title", "Quadrant", "Status", "Due", "Created", "Done", "This week", "Overdue",
                       "Rolled over", "PDCA"]),
    "contacts.headers": (["时间", "用户", "手机", "渠道", "方向", "主题", "结果", "摘要", "跟进"],
                         ["Time", "User", "Phone", "Channel", "Direction", "Topic", "Outcome", "Summary", "Follow-up"]),
    "findings.headers": (["编号", "类型", "内容", "状态", "提及次数", "发现时间", "更新时间", "本周新增"],
                         ["ID", "Kind", "Finding", "Status", "Mentions", "Found", "Updated", "New this week"]),
    "pdca.headers": (["编号", "循环", "阶段", "指标", "基线", "目标", "预测", "检查前均值", "检查后均值", "变化%", "目标达成",
                      "本周推进", "停滞", "下次检查", "处理决定", "问题", "假设", "根因", "处理说明"],
                     ["ID", "Cycle", "Stage", "Metric", "Baseline", "Target", "Prediction", "Mean before", "Mean after",
                      "Change %", "Target", "Moves this week", "Stalled", "Next review", "Act decision", "Problem",
                      "Hypothesis", "Root cause", "Act notes"]),
    "reached": ("达成", "reached"), "missed": ("未达成", "missed"),
    "stalled.idle": ("长时间无进展", "no progress"), "stalled.check_overdue": ("检查逾期", "check overdue"),
    "date": ("日期", "Date"),
    "alerts.headers": (["日期", "至", "级别", "数据集", "指标", "值", "参考值", "规则", "状态"],
                       ["Date", "To", "Level", "Dataset", "Metric", "Value", "Reference", "Rule", "Status"]),
    "level.red": ("红色", "red"), "level.orange": ("橙色", "orange"), "level.yellow": ("黄色", "yellow"),
    "alert.open": ("未处理", "open"), "alert.task": ("已转任务", "became a task"), "alert.pdca": ("已转PDCA", "became a PDCA cycle"),
    "alert.dismissed": ("已忽略", "dismissed"),
    "roi.headers": (["数据集", "活动", "成本", "收益", "ROI"], ["Dataset", "Campaign", "Cost", "Revenue", "ROI"]),
    "audit.what": ("周复盘 {week}", "Weekly review {week}"),
}


class WorkbookText:
    """text("fact.done") → the words in this workbook's language; a missing key is a programming error."""

    def __init__(self, lang: str):
        self.lang = "zh_CN" if lang == "zh_CN" else "en"
        self.index = 0 if self.lang == "zh_CN" else 1

    def __call__(self, key: str, **values):
        words = _TEXT[key][self.index]
        return words.format(**values) if values else words

    def get(self, key: str, fallback):
        return self(key) if key in _TEXT else fallback
