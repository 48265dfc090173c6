"""Alert rules and fired alerts in the database: propose defaults, evaluate over a dataset's history,
list, dismiss, turn an alert into a 重要且紧急 task. Every write goes through write_transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.reports import datasets
from workbench.reports.alert_rules import (LEVEL_NAMES, LEVEL_RANK, AlertRule, Episode, default_rules, describe,
                                           episodes, evaluate)
# Rules' and alerts' created_at stamps still read the clock here; the import chain does not pass `now` yet.
from workbench.clock import wall_clock
from workbench.errors import UserError, current_language, in_language
from workbench.store import now_text, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

RULE_FIELDS = ("dataset", "metric", "kind", "direction", "amount", "basis", "window", "level", "enabled", "origin")



@dataclass
class Alert:
    id: int
    rule_id: int
    dataset: str
    metric: str
    date: str
    level: str
    value: float
    reference: float
    rule_text: str
    status: str
    task_id: int | None
    end_date: str | None = None   # the episode's last day (None: a one-day alert from before episodes)
    points: int | None = None     # how many points (days, weeks) the episode lasted

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, self.level)

    @property
    def last_date(self) -> str:
        return self.end_date or self.date

    @property
    def days(self) -> int:
        return self.points or 1

    def as_json(self) -> dict:
        return {"id": self.id, "date": self.date, "dataset": self.dataset, "metric": self.metric,
                "level": self.level, "level_name": self.level_name, "rule": self.rule_text,
                "value": self.value, "reference": self.reference, "status": self.status, "task_id": self.task_id,
                "end_date": self.last_date, "points": self.days}


ALERT_COLUMNS = ("id, rule_id, dataset, metric, date, level, value, reference, rule_text, status, task_id, end_date,"
                 " points")


# --- rules ---------------------------------------------------------------------------------
def _metric_type(db: Database, dataset: str, metric: str) -> str:
    info = datasets.get_dataset(db, dataset)
    column = info.column(metric) if info else None
    return column.type if column else "number"


def _rule_from_row(db: Database, row) -> AlertRule:
    (rule_id, dataset, metric, kind, direction, amount, basis, window, level, enabled, origin) = row
    return AlertRule(dataset, metric, kind, direction or "down", float(amount or 0), basis or "day",
                     int(window or 7), level, bool(enabled), origin or "user", id=rule_id,
                     metric_type=_metric_type(db, dataset, metric))


def list_rules(db: Database, dataset: str | None = None) -> list[AlertRule]:
    sql = f"SELECT id, {', '.join(RULE_FIELDS)} FROM alert_rules WHERE deleted_at IS NULL"
    params: list = []
    if dataset:
        sql += " AND dataset = ?"
        params.append(dataset)
    return [_rule_from_row(db, row) for row in db.execute(sql + " ORDER BY dataset, metric, id", params)]


def get_rule(db: Database, rule_id: int) -> AlertRule | None:
    row = db.execute(f"SELECT id, {', '.join(RULE_FIELDS)} FROM alert_rules WHERE id = ? AND deleted_at IS NULL",
                     [rule_id]).fetchone()
    return _rule_from_row(db, row) if row else None


def rule_lines(db: Database, lang: str) -> dict[int, str]:
    """Each rule's one-line description in `lang`, by rule id. An alert stores the Chinese line it fired
    with (exports and the review are Chinese); screens in English show the rule's line from here."""
    return {rule.id: describe(rule, lang) for rule in list_rules(db)}


def check_rule(db: Database, rule: AlertRule) -> None:
    """UserError when the rule cannot be saved (bad kind/level, no such numeric column)."""
    rule.validate()
    info = datasets.get_dataset(db, rule.dataset)
    column = info.column(rule.metric) if info else None
    if column is None or column.type not in datasets.NUMERIC_TYPES:
        raise UserError(f"数据集“{rule.dataset}”里没有数值列“{rule.metric}”。",
                        f"The dataset “{rule.dataset}” has no numeric column “{rule.metric}”.")
    rule.metric_type = column.type


def save_rule(db: Database, rule: AlertRule, evaluate_now: bool = True) -> int:
    """Insert (rule.id None) or update a rule, then re-evaluate it over the history."""
    check_rule(db, rule)
    values = [rule.dataset, rule.metric, rule.kind, rule.direction, float(rule.amount), rule.basis,
              int(rule.window), rule.level, int(rule.enabled), rule.origin]
    with write_transaction(db):
        if rule.id is None:
            cursor = db.execute(f"INSERT INTO alert_rules ({', '.join(RULE_FIELDS)}, created_at, updated_at)"
                                f" VALUES ({', '.join('?' for _ in RULE_FIELDS)}, ?, ?)", values + [now_text(wall_clock()), now_text(wall_clock())])
            rule.id = int(cursor.lastrowid)
        else:
            db.execute(f"UPDATE alert_rules SET {', '.join(f'{f} = ?' for f in RULE_FIELDS)}, updated_at = ?,"
                       " deleted_at = NULL WHERE id = ?", values + [now_text(wall_clock()), rule.id])
        if evaluate_now:
            evaluate_rule(db, rule)
    return rule.id


def delete_rule(db: Database, rule_id: int) -> None:
    """Soft-delete (so a re-import does not propose it again); open alerts of the rule go too."""
    with write_transaction(db):
        db.execute("UPDATE alert_rules SET deleted_at = ? WHERE id = ?", [now_text(wall_clock()), rule_id])
        db.execute("DELETE FROM alerts WHERE rule_id = ? AND status = 'open'", [rule_id])


def restore_rule(db: Database, rule_id: int) -> None:
    """Undo of delete_rule."""
    with write_transaction(db):
        db.execute("UPDATE alert_rules SET deleted_at = NULL WHERE id = ?", [rule_id])
        rule = get_rule(db, rule_id)
        if rule:
            evaluate_rule(db, rule)


def propose_default_rules(db: Database, dataset: str) -> list[AlertRule]:
    """The default rules for a dataset that never had any (also not deleted ones)."""
    if db.execute("SELECT 1 FROM alert_rules WHERE dataset = ? LIMIT 1", [dataset]).fetchone():
        return []
    info = datasets.get_dataset(db, dataset)
    if info is None or not info.date_column:
        return []
    proposed = default_rules(dataset, [(c.name, c.type, c.role) for c in info.columns])
    for rule in proposed:
        save_rule(db, rule, evaluate_now=False)
    return proposed


# --- evaluation ----------------------------------------------------------------------------
def evaluate_rule(db: Database, rule: AlertRule) -> int:
    """Fire the rule over the metric's whole history, one alert per episode (alert_rules.episodes).

    An episode that overlaps an alert the rule already has updates that alert (a fall that goes on
    extends it, whatever the operator did with it); alerts whose episode no longer fires (a corrected
    value) are removed unless the operator already acted on them. Returns how many episodes fire."""
    info = datasets.get_dataset(db, rule.dataset)
    if info is None or not info.date_column or info.column(rule.metric) is None:
        return 0
    series = datasets.read_series(db, rule.dataset, rule.metric)
    found = episodes(evaluate(rule, series), [d for d, _ in series]) if rule.enabled else []
    text = describe(rule, "zh")
    with write_transaction(db):
        existing = [list(r) for r in db.execute(
            "SELECT id, date, coalesce(end_date, date), status FROM alerts WHERE rule_id = ? ORDER BY date", [rule.id])]
        kept: set[int] = set()
        for episode in found:
            kept.add(_store_episode(db, rule, episode, text, existing))
        stale = [(row[0],) for row in existing if row[0] not in kept and row[3] == "open"]
        db.conn.executemany("DELETE FROM alerts WHERE id = ?", stale)
    return len(found)


def _store_episode(db: Database, rule: AlertRule, episode: Episode, text: str, existing: list[list]) -> int:
    """Insert or update the alert of one episode; returns its id. existing: the rule's alerts as
    [id, first day, last day, status], kept current here."""
    overlapping = [row for row in existing if row[1] <= episode.end and row[2] >= episode.start]
    acted = [row for row in overlapping if row[3] != "open"]
    keep = (acted or overlapping or [None])[0]
    for row in overlapping:   # per-day alerts from before episodes, or two episodes that merged
        if row is not keep and row[3] == "open":
            db.execute("DELETE FROM alerts WHERE id = ?", [row[0]])
            existing.remove(row)
    if keep is None:
        cursor = db.execute(
            "INSERT INTO alerts (rule_id, dataset, metric, date, end_date, points, level, value, reference, rule_text,"
            " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
            [rule.id, rule.dataset, rule.metric, episode.start, episode.end, episode.points, rule.level,
             episode.value, episode.reference, text, now_text(wall_clock())])
        existing.append([int(cursor.lastrowid), episode.start, episode.end, "open"])
        return int(cursor.lastrowid)
    if keep[3] == "open":   # nobody acted on it yet: it describes the episode as it now stands
        db.execute("UPDATE alerts SET date = ?, value = ?, reference = ? WHERE id = ?",
                   [episode.start, episode.value, episode.reference, keep[0]])
    last = episode.end if keep[3] == "open" else max(episode.end, keep[2])   # acted on: it only grows
    db.execute("UPDATE alerts SET end_date = ?, points = ?, level = ?, rule_text = ?, dataset = ?, metric = ?"
               " WHERE id = ?", [last, episode.points, rule.level, text, rule.dataset, rule.metric, keep[0]])
    keep[1:3] = [episode.start if keep[3] == "open" else keep[1], last]
    return keep[0]


def forget_dataset(db: Database, dataset: str) -> None:
    """A dataset that is gone (its first import undone): its open alerts go, and its rules too unless an
    alert the operator acted on (a task, a PDCA cycle) still points at them. A new first import then
    gets the default rules again."""
    with write_transaction(db):
        db.execute("DELETE FROM alerts WHERE dataset = ? AND status = 'open'", [dataset])
        db.execute("DELETE FROM alert_rules WHERE dataset = ? AND id NOT IN"
                   " (SELECT rule_id FROM alerts WHERE rule_id IS NOT NULL)", [dataset])


def evaluate_dataset(db: Database, dataset: str) -> int:
    return sum(evaluate_rule(db, rule) for rule in list_rules(db, dataset))


# --- alerts --------------------------------------------------------------------------------
def list_alerts(db: Database, since: str | None = None, statuses: tuple[str, ...] | None = None,
                dataset: str | None = None, metric: str | None = None, limit: int | None = None,
                worst_first: bool = False) -> list[Alert]:
    """Newest first (worst_first: red, then orange, then yellow, each newest first)."""
    where, params = ["1 = 1"], []
    if since:   # an episode that lasts into the period counts
        where.append("coalesce(end_date, date) >= ?")
        params.append(since)
    if statuses:
        where.append(f"status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    if dataset:
        where.append("dataset = ?")
        params.append(dataset)
    if metric:
        where.append("metric = ?")
        params.append(metric)
    order = "date DESC, id DESC"
    if worst_first:
        order = "CASE level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, " + order
    sql = f"SELECT {ALERT_COLUMNS} FROM alerts WHERE {' AND '.join(where)} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Alert(*row) for row in db.execute(sql, params)]


def get_alert(db: Database, alert_id: int) -> Alert:
    row = db.execute(f"SELECT {ALERT_COLUMNS} FROM alerts WHERE id = ?", [alert_id]).fetchone()
    if row is None:
        raise UserError(f"找不到预警 {alert_id}（规则可能已被修改）。", f"Alert {alert_id} no longer exists (its rule may have changed).")
    return Alert(*row)


def open_count(db: Database) -> int:
    """All open alerts (the alerts panel's title)."""
    return db.execute("SELECT count(*) FROM alerts WHERE status = 'open'").fetchone()[0]


def open_serious_count(db: Database) -> int:
    """The dashboard badge: open red and orange alerts."""
    if not db["alerts"].exists():
        return 0
    return db.execute("SELECT count(*) FROM alerts WHERE status = 'open' AND level IN ('red', 'orange')").fetchone()[0]


def worst_open_levels(db: Database) -> dict[tuple[str, str], str]:
    """{(dataset, metric): worst open level} for the cards' colour."""
    worst: dict[tuple[str, str], str] = {}
    for dataset, metric, level in db.execute("SELECT DISTINCT dataset, metric, level FROM alerts WHERE status = 'open'"):
        key = (dataset, metric)
        if LEVEL_RANK.get(level, 0) > LEVEL_RANK.get(worst.get(key, ""), 0):
            worst[key] = level
    return worst


def set_status(db: Database, alert_id: int, status: str, task_id: int | None = None) -> None:
    with write_transaction(db):
        db.execute("UPDATE alerts SET status = ?, task_id = ? WHERE id = ?", [status, task_id, alert_id])


def rule_line(db: Database, alert: Alert, lang: str) -> str:
    """The alert's rule as one line in `lang` (the stored line is Chinese); the stored line when the
    rule is gone."""
    rule = get_rule(db, alert.rule_id) if alert.rule_id else None
    return describe(rule, lang) if rule is not None else alert.rule_text


def level_name(level: str, lang: str) -> str:
    from workbench.reports.alert_rules import LEVEL_NAMES_EN

    return (LEVEL_NAMES if lang == "zh_CN" else LEVEL_NAMES_EN).get(level, level)


def task_title_params(db: Database, alert: Alert) -> dict:
    """The alert task's title as parameters of the "alert_task" kind (tasks/generated_text.py): shown in
    the language the user reads, whichever was on when the task was made."""
    from workbench.tasks.generated_text import bilingual

    return {"dataset": alert.dataset, "metric": alert.metric, "date": alert.date,
            "rule": bilingual(rule_line(db, alert, "zh_CN"), rule_line(db, alert, "en"))}


def task_title(db: Database, alert: Alert, lang: str | None = None) -> str:
    """The alert task's title in `lang` (default: the app's language)."""
    from workbench.tasks.generated_text import is_chinese, render

    return render("alert_task", task_title_params(db, alert), is_chinese(lang))


def alert_to_task(db: Database, alert_id: int, *, now: datetime) -> int:
    """A 重要且紧急 task linked to the alert (tasks.alert_id); the alert is then no longer open."""
    from workbench.reports.alert_rules import format_amount
    from workbench.tasks.repository import create_task

    alert = get_alert(db, alert_id)
    if alert.task_id:
        raise UserError("这条预警已经转为任务了。", "This alert has already become a task.")
    cycle_id = cycle_of_alert(db, alert_id)
    metric_type = _metric_type(db, alert.dataset, alert.metric)
    lang = current_language()
    rule = rule_line(db, alert, lang)
    value, reference = format_amount(alert.value, metric_type), format_amount(alert.reference, metric_type)
    notes = in_language(f"{level_name(alert.level, lang)}预警 · {alert.date} · {alert.metric} = {value}"
                        f"（参考 {reference}，规则：{rule}）",
                        f"{level_name(alert.level, lang)} alert · {alert.date} · {alert.metric} = {value}"
                        f" (reference {reference}, rule: {rule})", lang)
    with write_transaction(db):
        task_id = create_task(db, task_title(db, alert, lang), title_kind="alert_task",
                              title_params=task_title_params(db, alert), important=True, urgent=True, alert_id=alert.id,
                              pdca_cycle_id=cycle_id, notes=notes, tags=["预警"], now=now)
        set_status(db, alert.id, "task", task_id)
    return task_id


def undo_alert_to_task(db: Database, alert_id: int, task_id: int, status: str = "open") -> None:
    """Take back alert_to_task: the task goes, the alert gets its status back (open, or pdca when a cycle
    had been drafted from it before)."""
    from workbench.tasks.repository import delete_task

    with write_transaction(db):
        delete_task(db, task_id)
        set_status(db, alert_id, status, None)


def cycle_of_alert(db: Database, alert_id: int) -> int | None:
    """The PDCA cycle drafted from the alert (pdca_cycles.alert_id), read here so a task made from the
    alert opens that cycle too (reports does not import the pdca feature)."""
    if not db["pdca_cycles"].exists():
        return None
    row = db.execute("SELECT min(id) FROM pdca_cycles WHERE alert_id = ?", [alert_id]).fetchone()
    return int(row[0]) if row and row[0] is not None else None


@dataclass(frozen=True)
class AlertOutcome:
    """What an alert became: its task and its PDCA cycle (either, both or neither)."""
    task_id: int | None
    cycle_id: int | None


def alert_outcome(db: Database, alert_id: int) -> AlertOutcome:
    alert = get_alert(db, alert_id)
    return AlertOutcome(alert.task_id, cycle_of_alert(db, alert_id))
