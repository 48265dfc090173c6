"""The weekly review (周复盘) of one ISO week, assembled from the week's facts.

collect_week(db, week, today) gives the numbers the review page and the export show; with
rows=True it also carries the row lists the .xlsx sheets need. With contacts=False it leaves out the
contact counts (the one slow part on a large database: ~125k contacts a week at demo --scale 100), so
the review page can show at once and fill them from a worker (contacts_counted tells which).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from workbench.pdca import linked_facts, roi
from workbench.pdca import repository as pdca_repo
from workbench.pdca.model import Cycle
from workbench.review import week_facts
from workbench.review.weekly import (is_overdue_in_week, is_rolled_over, share, week_mean, week_over_week)
from workbench.review.weeks import IsoWeek

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class MetricWeek:
    dataset: str
    metric: str
    type: str
    this_mean: float | None
    previous_mean: float | None
    change_abs: float | None
    change_pct: float | None
    days: list[str] = field(default_factory=list)  # 14 days: the previous week and this one
    values: list[float | None] = field(default_factory=list)


@dataclass
class PdcaWeek:
    moved: list[dict]  # {"cycle_id", "title", "from_stage", "to_stage", "at"}
    checked: list[Cycle]
    stalled: list[tuple[Cycle, str]]  # (cycle, reason)
    created: int
    live: list[Cycle]  # cycles open at some point of the week (the PDCA sheet)
    metric_types: dict[int, str] = field(default_factory=dict)  # cycle id → its metric's column type


@dataclass
class WeekReview:
    week: IsoWeek
    today: date
    done_by_quadrant: dict[str, int]
    overdue: list[dict]
    rolled_over: list[dict]
    captured: int
    captured_in_inbox: int
    contacts: dict
    findings: dict
    pdca: PdcaWeek
    metrics: list[MetricWeek]
    alerts: list[dict]
    tasks: list[dict] = field(default_factory=list)  # rows=True only
    contact_rows: list[dict] = field(default_factory=list)
    finding_rows: list[dict] = field(default_factory=list)
    contacts_counted: bool = True  # False: contacts holds zeros until week_facts.contact_counts fills it
    campaigns: list = field(default_factory=list)  # pdca.roi.CampaignRoi: the week's campaigns and their ROI

    @property
    def done_total(self) -> int:
        return sum(self.done_by_quadrant.values())

    @property
    def q2_share(self) -> float | None:
        """重要不紧急 among the tasks done: the seed's measure of escaping firefighting."""
        return share(self.done_by_quadrant.get("q2", 0), self.done_total)

    @property
    def recall_success(self) -> float | None:
        return share(self.contacts.get("recall_converted_users", 0), self.contacts.get("recall_users", 0))

    @property
    def conversion_rate(self) -> float | None:
        return share(self.contacts.get("conversions", 0), self.contacts.get("total", 0))


def collect_week(db: Database, week: IsoWeek, today: date, *, rows: bool = False, contacts: bool = True) -> WeekReview:
    tasks = week_facts.tasks_of_week(db, week)
    start, end = week.monday.isoformat(), week.next_monday.isoformat()
    overdue = [t for t in tasks if is_overdue_in_week(t["due"], t["status"], t["done_at"], week, today)]
    rolled = [t for t in week_facts.tasks_open_at_week_end(db, week)
              if is_rolled_over(t["due"], t["created_at"], t["status"], t["done_at"], week)]
    captured = [t for t in tasks if start <= (t["created_at"] or "") < end]
    review = WeekReview(
        week=week, today=today, done_by_quadrant=week_facts.done_by_quadrant(tasks, week),
        overdue=overdue, rolled_over=sorted(rolled, key=lambda t: t["id"]),
        captured=len(captured),
        captured_in_inbox=sum(1 for t in captured if t["triaged_at"] is None and t["status"] == "open"),
        contacts=week_facts.contact_counts(db, week) if contacts else week_facts.no_contact_counts(),
        contacts_counted=contacts, findings=week_facts.finding_counts(db, week),
        pdca=_pdca_week(db, week, today), metrics=_metrics(db, week), alerts=week_facts.alerts_of_week(db, week),
        campaigns=roi.campaigns_between(db, week.monday, week.sunday),
    )
    if rows:
        listed = {t["id"] for t in tasks}
        # The sheet lists the week's tasks plus the older ones that rolled over it, still open.
        review.tasks = tasks + [t for t in review.rolled_over if t["id"] not in listed]
        review.contact_rows = week_facts.contacts_of_week(db, week)
        review.finding_rows = week_facts.findings_of_week(db, week)
    return review


def _pdca_week(db: Database, week: IsoWeek, today: date) -> PdcaWeek:
    cycles = {c.id: c for c in pdca_repo.list_cycles(db)}
    # Stalled as of the week's end (or today, for the current week).
    as_of = min(today, week.sunday)
    stalled = [(card.cycle, card.stalled) for card in pdca_repo.stalled_cycles(db, as_of)
               if card.cycle.created_at < week.next_monday.isoformat()]
    live = [cycles[i] for i in week_facts.pdca_live_in_week(db, week) if i in cycles]
    types: dict[tuple, str] = {}
    for cycle in live:
        key = (cycle.metric_dataset, cycle.metric_column)
        if key not in types:
            types[key] = linked_facts.metric_type(db, *key)
    return PdcaWeek(
        moved=week_facts.pdca_moves_of_week(db, week),
        checked=[cycles[i] for i in week_facts.pdca_checked_in_week(db, week) if i in cycles],
        stalled=stalled, created=week_facts.pdca_created_in_week(db, week),
        live=live, metric_types={c.id: types[(c.metric_dataset, c.metric_column)] for c in live},
    )


def _metrics(db: Database, week: IsoWeek) -> list[MetricWeek]:
    previous = week.previous()
    days = [previous.monday + timedelta(days=i) for i in range(14)]
    found = []
    for dataset, metric, column_type in week_facts.key_metrics(db):
        series = week_facts.metric_series_between(db, dataset, metric, previous.monday, week.sunday)
        this, before = week_mean(series, week), week_mean(series, previous)
        absolute, relative = week_over_week(this, before)
        by_day = {str(d)[:10]: v for d, v in series}
        found.append(MetricWeek(dataset, metric, column_type, this, before, absolute, relative,
                                [d.isoformat() for d in days], [by_day.get(d.isoformat()) for d in days]))
    return found
