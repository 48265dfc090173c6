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
    kind: str     # 'import' | 'alert' | 'pdca'
    label: str
    level: str | None = None


def chart_events(db: Database, dataset: str, metrics: list[str] | None = None,
                 lang: str = "zh_CN") -> list[ChartEvent]:
    """Imports of this dataset (the date its newest row reached), its alerts, and PDCA cycle starts."""
    events: list[ChartEvent] = []
    for imported_at, file_name in db.execute(
            "SELECT imported_at, file_name FROM imports WHERE dataset_name = ? AND undone_at IS NULL", [dataset]):
        if imported_at:
            events.append(ChartEvent(imported_at[:10], "import", file_name or ""))
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
    events.extend(_pdca_starts(db))
    return sorted(events, key=lambda e: e.date)


def _days_between(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    return [(start + timedelta(days=n)).isoformat() for n in range(max((end - start).days, 0) + 1)]


def _pdca_starts(db: Database) -> list[ChartEvent]:
    """PDCA cycles' start dates; the PDCA tables belong to another feature, so read defensively."""
    if not db["pdca_cycles"].exists():
        return []
    columns = set(db["pdca_cycles"].columns_dict)
    start = next((c for c in ("started_on", "start_date", "plan_start", "created_at") if c in columns), None)
    title = next((c for c in ("title", "problem", "name") if c in columns), None)
    if not start:
        return []
    label = f", [{title}]" if title else ", ''"
    return [ChartEvent(str(day)[:10], "pdca", str(text or "")) for day, text in
            db.execute(f"SELECT [{start}]{label} FROM pdca_cycles WHERE [{start}] IS NOT NULL")]
