"""Draft a PDCA cycle from a dashboard alert: one click turns "次日留存率 fell 27% on 10-20" into a cycle
in 计划 with the problem, the goal metric, baseline, target and deadline already filled in.

The cycle keeps the alert's id (pdca_cycles.alert_id), so drafting twice from the same alert returns
the cycle that exists. An open alert becomes status "pdca" (no longer open, like "task"), which keeps
it from being pruned when its rule is re-evaluated.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbench.errors import current_language, in_language
from workbench.pdca import linked_facts
from workbench.pdca import repository as repo
from workbench.reports import alert_store
from workbench.reports.alert_rules import format_amount
from workbench.store import write_transaction
from workbench.tasks.generated_text import bilingual

if TYPE_CHECKING:
    from sqlite_utils import Database

DEADLINE_DAYS = 14   # two weeks: long enough for one Do round, short enough to stay urgent
PDCA_STATUS = "pdca"


def cycle_for_alert(db: Database, alert_id: int) -> int | None:
    row = db.execute("SELECT id FROM pdca_cycles WHERE alert_id = ? ORDER BY id LIMIT 1", [alert_id]).fetchone()
    return int(row[0]) if row else None


def cycles_by_alert(db: Database, alert_ids: list[int]) -> dict[int, int]:
    """{alert id: cycle id} for the alerts among alert_ids that have a cycle (the panel's links)."""
    if not alert_ids or not db["pdca_cycles"].exists():
        return {}
    marks = ", ".join("?" for _ in alert_ids)
    rows = db.execute(f"SELECT alert_id, min(id) FROM pdca_cycles WHERE alert_id IN ({marks}) GROUP BY alert_id",
                      list(alert_ids))
    return {int(a): int(c) for a, c in rows}


def draft_fields(alert: alert_store.Alert, metric_type: str, today: date, rule_text: str | None = None,
                 lang: str | None = None) -> tuple[str, dict]:
    """The title and the Plan fields of a cycle drafted from alert.

    Baseline is the level the alert fired at and the target is the reference it fell away from, so
    the Check measures the way back (a baseline equal to the target would give the Check no direction)."""
    value = format_amount(alert.value, metric_type)
    reference = format_amount(alert.reference, metric_type)
    lang = lang or current_language()
    rule, level = rule_text or alert.rule_text, alert_store.level_name(alert.level, lang)
    title = in_language(f"处理预警：{alert.metric} {rule}（{alert.date}）",
                        f"Handle alert: {alert.metric} {rule} ({alert.date})", lang)
    problem = in_language(f"{level}预警：{alert.date} 数据集「{alert.dataset}」的 {alert.metric} 为 {value}，"
                          f"参考值 {reference}（规则：{rule}）。",
                          f"{level} alert: on {alert.date} {alert.metric} in dataset “{alert.dataset}” was {value}, "
                          f"against a reference of {reference} (rule: {rule}).", lang)
    fields = {
        "problem": problem,
        "metric_dataset": alert.dataset,
        "metric_column": alert.metric,
        "baseline": alert.value,
        "target": alert.reference,
        "deadline": (today + timedelta(days=DEADLINE_DAYS)).isoformat(),
    }
    return title, fields


def draft_cycle_from_alert(db: Database, alert_id: int, *, now: datetime) -> int:
    """The id of the cycle drafted from alert_id: the existing one, or a new one in 计划."""
    existing = cycle_for_alert(db, alert_id)
    if existing is not None:
        return existing
    alert = alert_store.get_alert(db, alert_id)   # UserError when the alert is gone
    metric_type = linked_facts.metric_type(db, alert.dataset, alert.metric)
    lang = current_language()
    title, fields = draft_fields(alert, metric_type, now.date(), alert_store.rule_line(db, alert, lang), lang)
    params = {"metric": alert.metric, "date": alert.date,
              "rule": bilingual(alert_store.rule_line(db, alert, "zh_CN"), alert_store.rule_line(db, alert, "en"))}
    with write_transaction(db):
        cycle_id = repo.create_cycle(db, title, now=now, title_kind="alert_cycle", title_params=params, **fields)
        db.execute("UPDATE pdca_cycles SET alert_id = ? WHERE id = ?", [alert_id, cycle_id])
        if alert.task_id:   # the alert's task opens the cycle too
            db.execute("UPDATE tasks SET pdca_cycle_id = ? WHERE id = ? AND pdca_cycle_id IS NULL",
                       [cycle_id, alert.task_id])
        if alert.status == "open":
            alert_store.set_status(db, alert_id, PDCA_STATUS, alert.task_id)
    return cycle_id


def undo_draft(db: Database, alert_id: int, cycle_id: int, alert_status: str) -> None:
    """Take back draft_cycle_from_alert: remove the cycle, give the alert its status back."""
    with write_transaction(db):
        db.execute("UPDATE tasks SET pdca_cycle_id = NULL WHERE pdca_cycle_id = ? AND alert_id = ?", [cycle_id, alert_id])
        repo.delete_cycle(db, cycle_id)
        row = db.execute("SELECT task_id FROM alerts WHERE id = ?", [alert_id]).fetchone()
        if row is not None:
            alert_store.set_status(db, alert_id, alert_status, row[0])


def redo_draft(db: Database, alert_id: int, saved: dict) -> None:
    """Put back a drafted cycle exactly as repo.snapshot() saw it (same id), alert marked again."""
    with write_transaction(db):
        repo.restore(db, saved)
        row = db.execute("SELECT status, task_id FROM alerts WHERE id = ?", [alert_id]).fetchone()
        if row is not None and row[1]:
            db.execute("UPDATE tasks SET pdca_cycle_id = ? WHERE id = ? AND pdca_cycle_id IS NULL",
                       [saved["cycle"]["id"], row[1]])
        if row is not None and row[0] == "open":
            alert_store.set_status(db, alert_id, PDCA_STATUS, row[1])
