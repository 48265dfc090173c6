"""The dashboard's data: which metric cards the operator picked (saved in the database), each card's
numbers, and the events charts mark (imports, alerts, PDCA cycle starts)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.reports import datasets
from workbench.reports.alert_store import rule_lines, worst_open_levels
from workbench.reports.metric_cards import MetricCard, card_from_series
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_CARD_COUNT = 6
# Before the operator picks, cards show the headline numbers the seeds name, in this order.
HEADLINE_HINTS = ("dau", "活跃", "新增", "次日留存", "首借", "客诉", "投诉", "金额", "留存", "转化")


def saved_cards(db: Database) -> list[tuple[str, str]]:
    return [(d, m) for d, m in db.execute("SELECT dataset, metric FROM dashboard_cards ORDER BY position, id")]


def save_cards(db: Database, cards: list[tuple[str, str]]) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM dashboard_cards")
        db.conn.executemany("INSERT INTO dashboard_cards (dataset, metric, position) VALUES (?, ?, ?)",
                            [(d, m, i) for i, (d, m) in enumerate(cards)])


def card_choices(db: Database) -> list[tuple[str, str, str]]:
    """Every (dataset, metric, type) a card can show: numeric metrics of datasets with a date column."""
    choices = []
    for info in datasets.list_datasets(db):
        if not info.date_column:
            continue
        for column in info.columns:
            if column.role == "metric" and column.type in datasets.NUMERIC_TYPES:
                choices.append((info.name, column.name, column.type))
    return choices


def chosen_cards(db: Database) -> list[tuple[str, str]]:
    """The saved choice, or — before the operator chose — the first metrics of the newest dataset."""
    valid = {(d, m) for d, m, _ in card_choices(db)}
    saved = [c for c in saved_cards(db) if c in valid]
    if saved or db.execute("SELECT 1 FROM dashboard_cards LIMIT 1").fetchone():
        return saved
    # The richest daily report (date as its key, most metrics), most recent first.
    from workbench.reports.chart_data import richness

    infos = sorted((i for i in datasets.list_datasets(db) if i.date_column), key=richness, reverse=True)
    choices = [(info.name, c.name) for info in infos[:1] for c in info.columns
               if c.role == "metric" and c.type in datasets.NUMERIC_TYPES]
    def rank(choice: tuple[str, str]) -> int:
        name = choice[1].lower()
        return next((i for i, hint in enumerate(HEADLINE_HINTS) if hint in name), len(HEADLINE_HINTS))
    return sorted(choices, key=rank)[:DEFAULT_CARD_COUNT]


def load_cards(db: Database) -> list[MetricCard]:
    levels = worst_open_levels(db)
    cards = []
    for dataset, metric in chosen_cards(db):
        info = datasets.get_dataset(db, dataset)
        column = info.column(metric)
        series = datasets.read_series(db, dataset, metric)
        cards.append(card_from_series(dataset, metric, column.type, series, levels.get((dataset, metric))))
    return cards


@dataclass(frozen=True)
class ChartEvent:
    date: str
    kind: str     # 'import' | 'alert' | 'pdca' (its Do start) | 'pdca_check' (its Check)
    label: str    # the file name, the alert's rule, the cycle's title
    level: str | None = None


def chart_events(db: Database, dataset: str, metrics: list[str] | None = None,
                 lang: str = "zh_CN") -> list[ChartEvent]:
    """What a chart of this dataset marks: each import at the newest data day it brought (not the moment
    it ran), its alerts, and the Do start and Check of the PDCA cycles whose metric is in this dataset."""
    events: list[ChartEvent] = list(_import_days(db, dataset))
    where = "dataset = ? AND status != 'dismissed'"
    params: list = [dataset]
    if metrics:
        where += f" AND metric IN ({', '.join('?' for _ in metrics)})"
        params += metrics
    lines = rule_lines(db, lang)
    for first, last, metric, level, text, rule_id in db.execute(
            f"SELECT date, coalesce(end_date, date), metric, level, rule_text, rule_id FROM alerts WHERE {where}",
            params):
        for day in _days_between(first, last):   # an alert is an episode: every day of it is marked
            events.append(ChartEvent(day, "alert", f"{metric} {lines.get(rule_id, text)}", level))
    events.extend(_pdca_days(db, dataset))
    return sorted(events, key=lambda e: e.date)


def _import_days(db: Database, dataset: str) -> list[ChartEvent]:
    """One event per import that is not undone, on the newest date among the rows it added or changed
    (rows keep the import that added them; import_old_rows names the rows an import changed). An import
    that brought nothing new (the same file again) has no data day and no mark. One grouped pass."""
    info = datasets.get_dataset(db, dataset)
    if info is None or not info.date_column or info.column(info.date_column) is None:
        return []
    table, day = datasets.quote(info.table_name), datasets.quote(info.column(info.date_column).sql)
    newest: dict[int, str] = {}
    for import_id, last in db.execute(f"SELECT _import_id, max({day}) FROM {table} WHERE {day} IS NOT NULL "
                                      "GROUP BY _import_id"):
        if import_id is not None and last:
            newest[import_id] = str(last)[:10]
    for import_id, last in db.execute(
            f"SELECT o.import_id, max(t.{day}) FROM import_old_rows o JOIN {table} t ON t._row_id = o.row_id "
            f"JOIN imports i ON i.id = o.import_id WHERE i.dataset_name = ? AND t.{day} IS NOT NULL "
            "GROUP BY o.import_id", [dataset]):
        if last and str(last)[:10] > newest.get(import_id, ""):
            newest[import_id] = str(last)[:10]
    return [ChartEvent(newest[import_id], "import", file_name or "") for import_id, file_name in db.execute(
            "SELECT id, file_name FROM imports WHERE dataset_name = ? AND undone_at IS NULL ORDER BY id", [dataset])
            if import_id in newest]


def _days_between(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    return [(start + timedelta(days=n)).isoformat() for n in range(max((end - start).days, 0) + 1)]


def _pdca_days(db: Database, dataset: str) -> list[ChartEvent]:
    """The Do start and the Check (the latest move into Check) of each cycle measured on this dataset.
    The PDCA tables belong to another feature: plain SQL, and nothing when they are not there."""
    from workbench.reports.dataset_tables import table_exists

    if not table_exists(db, "pdca_cycles"):
        return []
    events = [ChartEvent(str(day)[:10], "pdca", title or "") for day, title in db.execute(
        "SELECT do_started, title FROM pdca_cycles WHERE metric_dataset = ? AND do_started IS NOT NULL "
        "AND do_started != ''", [dataset])]
    if table_exists(db, "pdca_moves"):
        events += [ChartEvent(str(day)[:10], "pdca_check", title or "") for day, title in db.execute(
            "SELECT max(m.at), c.title FROM pdca_moves m JOIN pdca_cycles c ON c.id = m.cycle_id "
            "WHERE c.metric_dataset = ? AND m.to_stage = 'check' GROUP BY c.id", [dataset])]
    return events
