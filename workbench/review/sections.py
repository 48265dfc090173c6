"""The week's facts listed beside each of the four sections (目标回顾 · 结果陈述 · 过程分析 · 规律总结),
as short sentences in Chinese or English (the feature layer has no Qt, so no tr())."""
from __future__ import annotations

from workbench.contacts.vocabulary import shown
from workbench.errors import current_language, plural
from workbench.pdca.stages import DECISION_NAMES_ZH, STAGE_NAMES_EN, STAGE_NAMES_ZH
from workbench.reports.metric_cards import format_change, format_value
from workbench.review.assemble import WeekReview
from workbench.tasks.generated_text import title as shown_title

DECISION_NAMES_EN = {"standardize": "standardise", "adjust": "adjust and repeat", "abandon": "abandon"}
QUADRANT_SHORT = {
    "zh_CN": {"q1": "重要且紧急", "q2": "重要不紧急", "q3": "紧急不重要", "q4": "不重要不紧急", "inbox": "收件箱"},
    "en": {"q1": "urgent & important", "q2": "important, not urgent", "q3": "urgent, not important",
           "q4": "neither", "inbox": "inbox"},
}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh_CN" else en


def section_facts(review: WeekReview, lang: str | None = None) -> dict[str, list[str]]:
    lang = lang or current_language()
    t = lambda zh, en: _pick(lang, zh, en)  # noqa: E731
    stage = STAGE_NAMES_ZH if lang == "zh_CN" else STAGE_NAMES_EN
    decisions = DECISION_NAMES_ZH if lang == "zh_CN" else DECISION_NAMES_EN

    goals = []
    for cycle in review.pdca.live:
        if cycle.target is not None and cycle.metric_column:
            kind = next((m.type for m in review.metrics if (m.dataset, m.metric) == (cycle.metric_dataset, cycle.metric_column)), "number")
            goals.append(t(f"PDCA「{cycle.title_in(lang)}」：{cycle.metric_column} {format_value(cycle.baseline, kind)} → "
                           f"{format_value(cycle.target, kind)}" + (f"，截止 {cycle.deadline}" if cycle.deadline else ""),
                           f"PDCA “{cycle.title_in(lang)}”: {cycle.metric_column} {format_value(cycle.baseline, kind)} → "
                           f"{format_value(cycle.target, kind)}" + (f", by {cycle.deadline}" if cycle.deadline else "")))
    q2_planned = sum(1 for task in review.tasks if task["important"] and not task["urgent"] and task["due"])
    if review.tasks:
        goals.append(t(f"本周计划内「重要不紧急」任务 {q2_planned} 项", f"{plural(q2_planned, 'important-not-urgent task')} planned this week"))

    c = review.contacts
    results = [
        t(f"完成任务 {review.done_total} 项，其中重要不紧急占 {percent(review.q2_share)}",
          f"{plural(review.done_total, 'task')} done, {percent(review.q2_share)} of them important-not-urgent"),
    ]
    if review.contacts_counted:  # not yet counted (the page fills them later): no line rather than zeros
        results.append(t(f"联系 {c['total']} 次（{c['users']} 位用户），转化 {c['conversions']} 次",
                         f"{plural(c['total'], 'contact')} with {plural(c['users'], 'user')}, {plural(c['conversions'], 'conversion')}"))
    if c["recall_users"]:
        results.append(t(f"召回 {c['recall_users']} 人，成功 {c['recall_converted_users']} 人（{percent(review.recall_success)}）",
                         f"Recall: {c['recall_converted_users']} of {c['recall_users']} users won back ({percent(review.recall_success)})"))
    for metric in review.metrics:
        results.append(t(f"{metric.metric} 本周日均 {format_value(metric.this_mean, metric.type)}，周环比 {format_change(metric.change_pct)}",
                         f"{metric.metric}: daily mean {format_value(metric.this_mean, metric.type)}, week over week {format_change(metric.change_pct)}"))
    if review.alerts:
        results.append(t(f"触发预警 {len(review.alerts)} 条", f"{plural(len(review.alerts), 'alert')} fired"))

    process = [
        t(f"逾期 {len(review.overdue)} 项，顺延到下周 {len(review.rolled_over)} 项",
          f"{plural(len(review.overdue), 'task')} went overdue, {len(review.rolled_over)} roll over to next week"),
        t(f"新记下 {review.captured} 项（仍在收件箱 {review.captured_in_inbox} 项）",
          f"{review.captured} new captures ({review.captured_in_inbox} still in the inbox)"),
    ]
    done = review.done_by_quadrant
    process.append(t("完成分布：" + "、".join(f"{QUADRANT_SHORT['zh_CN'][k]} {done[k]}" for k in ("q1", "q2", "q3", "q4", "inbox") if done.get(k)),
                     "Done by quadrant: " + ", ".join(f"{QUADRANT_SHORT['en'][k]} {done[k]}" for k in ("q1", "q2", "q3", "q4", "inbox") if done.get(k)))
                   if review.done_total else t("本周没有完成的任务", "No task was done this week"))
    for move in review.pdca.moved:
        title = shown_title(move["title"], move.get("title_kind"), move.get("title_params"), lang)
        process.append(t(f"PDCA「{title}」{stage[move['from_stage']]} → {stage[move['to_stage']]}（{move['at'][5:10]}）",
                         f"PDCA “{title}” {stage[move['from_stage']]} → {stage[move['to_stage']]} ({move['at'][5:10]})"))
    for cycle, reason in review.pdca.stalled:
        process.append(t(f"PDCA「{cycle.title_in(lang)}」停滞（{'检查逾期' if reason == 'check_overdue' else '长时间无进展'}）",
                         f"PDCA “{cycle.title_in(lang)}” stalled ({'check overdue' if reason == 'check_overdue' else 'no progress'})"))

    lessons = []
    for cycle in review.pdca.checked:
        check = cycle.check
        if check is None:
            continue
        verdict = {True: t("目标达成", "target reached"), False: t("未达成", "target missed"), None: t("数据不足", "not enough data")}[check.target_reached]
        lessons.append(t(f"「{cycle.title_in(lang)}」检查：变化 {format_change(check.change_pct)}，{verdict}",
                         f"“{cycle.title_in(lang)}” checked: change {format_change(check.change_pct)}, {verdict}"))
        if check.prediction_met is not None:
            lessons.append(t(f"「{cycle.title_in(lang)}」结果{'好于或等于' if check.prediction_met else '不及'}预测",
                             f"“{cycle.title_in(lang)}” came out {'at or above' if check.prediction_met else 'below'} the prediction"))
        if cycle.act_decision:
            lessons.append(t(f"「{cycle.title_in(lang)}」处理：{decisions[cycle.act_decision]}",
                             f"“{cycle.title_in(lang)}” act: {decisions[cycle.act_decision]}"))
    topics = list(c["by_topic"].items())[:3]
    if topics:
        lessons.append(t("联系主题前三：" + "、".join(f"{k} {v}" for k, v in topics),
                         "Top contact topics: " + ", ".join(f"{shown(k, lang)} {v}" for k, v in topics)))
    f = review.findings
    if f["new"]:
        lessons.append(t("新发现 " + "、".join(f"{k} {v}" for k, v in f["new_by_kind"].items()),
                         "New findings: " + ", ".join(f"{shown(k, lang)} {v}" for k, v in f["new_by_kind"].items())))
    return {"goal_review": goals, "results": results, "process": process, "lessons": lessons}
