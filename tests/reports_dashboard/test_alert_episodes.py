"""Alerts a manager would trust (issue 19): one alert per episode, a minimum base, default rules only where
an alert means something, and alert ↔ task ↔ PDCA links both ways. Numbers checked by hand."""
from __future__ import annotations

from datetime import datetime

import pytest

from tests.reports_dashboard import alert_reports
from workbench.reports import alert_store
from workbench.reports.alert_rules import AlertRule, Fired, default_rules, episodes, evaluate, meaningful_change

NOW = datetime(2026, 11, 23, 9, 0)


def test_minimum_base_for_counts_is_two_poisson_deviations():
    assert not meaningful_change(4, 3, "integer")       # +1 < 2·√3 = 3.46
    assert not meaningful_change(5, 3, "integer")       # +2 (+67%) < 3.46
    assert meaningful_change(38, 27, "integer")         # +11 ≥ 2·√27 = 10.39
    assert meaningful_change(120, 100, "integer")       # +20 = 2·√100
    assert not meaningful_change(119, 100, "integer")
    assert not meaningful_change(43, 33, "integer")     # +10 < 2·√33 = 11.49


def test_minimum_base_for_rates_is_one_percentage_point():
    assert not meaningful_change(0.003, 0.005, "percent")   # −40% but 0.2 points
    assert meaningful_change(0.30, 0.42, "percent")
    assert meaningful_change(0.40, 0.41, "percent")         # exactly one point
    assert meaningful_change(3.0, 2.0, "money")             # money: the relative change alone decides


def test_a_small_count_going_from_3_to_4_fires_no_change_rule():
    series = [(f"2026-11-{d:02d}", v) for d, v in zip(range(1, 9), [3, 3, 2, 3, 4, 3, 3, 4])]
    rule = AlertRule("d", "退款笔数", "change", "up", 0.3, "day", level="yellow", metric_type="integer")
    assert evaluate(rule, series) == []
    rule.metric_type = "number"   # without the base rule 2→3 (+50%) and 3→4 (+33%) would all fire
    assert [f.date for f in evaluate(rule, series)] == ["2026-11-04", "2026-11-05", "2026-11-08"]


def test_consecutive_points_are_one_episode():
    dates = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]
    fired = [Fired("2026-11-02", 5, 9), Fired("2026-11-03", 4, 8), Fired("2026-11-05", 3, 7), Fired("2026-11-06", 2, 6)]
    found = episodes(fired, dates)
    assert [(e.start, e.end, e.points, e.value, e.reference) for e in found] == [
        ("2026-11-02", "2026-11-03", 2, 5, 9), ("2026-11-05", "2026-11-06", 2, 3, 7)]
    # weekly data: consecutive points of the series, not consecutive calendar days
    weeks = ["2026-11-02", "2026-11-09", "2026-11-16"]
    found = episodes([Fired("2026-11-09", 1, 2), Fired("2026-11-16", 1, 2)], weeks)
    assert [(e.start, e.end, e.points) for e in found] == [("2026-11-09", "2026-11-16", 2)]


def test_a_cohort_triangle_gets_one_rule_on_its_earliest_retention_column():
    columns = [("日期", "date", "key"), ("新增用户", "integer", "metric"),
               *((f"第{n}天", "percent", "metric") for n in (30, 1, 2, 7))]
    assert [(r.metric, r.kind, r.basis, r.amount) for r in default_rules("新增用户留存", columns)] == \
        [("第1天", "change", "mean", 0.2)]
    daily = [("日期", "date", "key"), ("次日留存率", "percent", "metric"), ("7日留存率", "percent", "metric"),
             ("工单数", "integer", "metric"), ("GMV", "money", "metric")]
    assert [(r.metric, r.direction, r.amount, r.level) for r in default_rules("日报", daily)] == [
        ("次日留存率", "down", 0.2, "orange"), ("7日留存率", "down", 0.2, "orange"), ("工单数", "up", 3.0, "yellow")]
    complaints = default_rules("日报", daily)[2]
    assert (complaints.kind, complaints.window) == ("deviation", 14)


@pytest.fixture
def reports_db(db):
    alert_reports.import_all(db)
    return db


def test_generated_reports_give_one_alert_per_real_episode(reports_db):
    alerts = alert_store.list_alerts(reports_db, statuses=("open",))
    got = sorted((a.dataset, a.metric, a.date, a.last_date, a.days, a.level) for a in alerts)
    assert got == [
        ("新增用户留存", "第1天", "2026-10-20", "2026-10-23", 4, "orange"),
        ("核心指标日报", "客诉量", "2026-10-20", "2026-10-21", 2, "yellow"),
        ("核心指标日报", "次日留存率", "2026-10-20", "2026-10-23", 4, "orange"),
    ]
    complaints = next(a for a in alerts if a.metric == "客诉量")
    # 10-20: 60 tickets against the trailing 14-day mean (one full turn of COMPLAINTS: 448 / 14 = 32.0,
    # standard deviation 7.47): 60 is 3.7σ above it. 10-21's 95 is far above a window holding 60; 10-22's
    # 90 is 2.7σ above a window that now holds 60 and 95 (mean 39.1, sd 19.0): the episode is 10-20 – 10-21.
    assert complaints.value == 60 and complaints.reference == pytest.approx(sum(alert_reports.COMPLAINTS) / 14)
    rules = {(r.dataset, r.metric) for r in alert_store.list_rules(reports_db)}
    assert rules == {("核心指标日报", "次日留存率"), ("核心指标日报", "7日留存率"), ("核心指标日报", "客诉量"),
                     ("新增用户留存", "第1天"), ("渠道周报", "注册→首借转化率")}


def test_what_the_old_rules_would_have_raised_on_the_same_reports(reports_db):
    """The 'before' of issue 19, on these reports: a −20% rule on every cohort column and +30% day over day on
    complaints, each day its own alert."""
    from workbench.reports import datasets

    def per_day(rule):
        return len(evaluate(rule, datasets.read_series(reports_db, rule.dataset, rule.metric)))

    old = [AlertRule("新增用户留存", f"第{n}天", "change", "down", 0.2, "mean", 7) for n in alert_reports.COHORT_DAYS]
    old += [AlertRule("核心指标日报", m, "change", "down", 0.2, "mean", 7) for m in ("次日留存率", "7日留存率")]
    old.append(AlertRule("核心指标日报", "客诉量", "change", "up", 0.3, "day", 7))
    before = sum(per_day(rule) for rule in old)
    after = len(alert_store.list_alerts(reports_db, statuses=("open",)))
    assert after == 3 and before > 40


def test_an_episode_that_goes_on_updates_its_alert_even_after_it_became_a_task(db):
    from workbench.reports.datasets import create_dataset_from_rows

    columns = ["日期", {"name": "次日留存率", "type": "percent"}]
    rows = [[f"2026-11-{d:02d}", 0.40] for d in range(1, 11)] + [["2026-11-11", 0.30], ["2026-11-12", 0.29]]
    create_dataset_from_rows(db, "日报", columns, rows)
    alert, = alert_store.list_alerts(db)
    assert (alert.date, alert.last_date, alert.days) == ("2026-11-11", "2026-11-12", 2)
    task_id = alert_store.alert_to_task(db, alert.id, now=NOW)
    create_dataset_from_rows(db, "日报", columns, [["2026-11-13", 0.28]])   # still low the next day
    again, = alert_store.list_alerts(db)
    assert (again.id, again.status, again.task_id) == (alert.id, "task", task_id)
    assert (again.date, again.last_date, again.days) == ("2026-11-11", "2026-11-13", 3)


def test_per_day_alerts_from_before_become_one(db):
    from workbench.reports.datasets import create_dataset_from_rows

    columns = ["日期", {"name": "次日留存率", "type": "percent"}]
    rows = [[f"2026-11-{d:02d}", 0.40] for d in range(1, 11)] + [["2026-11-11", 0.30], ["2026-11-12", 0.29]]
    create_dataset_from_rows(db, "日报", columns, rows)
    rule, = alert_store.list_rules(db)
    db.execute("DELETE FROM alerts")
    for day in ("2026-11-11", "2026-11-12"):   # how an older version stored them
        db.execute("INSERT INTO alerts (rule_id, dataset, metric, date, level, value, reference, rule_text, status)"
                   " VALUES (?, '日报', '次日留存率', ?, 'orange', 0.3, 0.4, 'x', 'open')", [rule.id, day])
    alert_store.evaluate_rule(db, rule)
    assert [(a.date, a.last_date) for a in alert_store.list_alerts(db)] == [("2026-11-11", "2026-11-12")]


def test_alert_task_and_cycle_link_both_ways(reports_db):
    from workbench.pdca import repository as pdca
    from workbench.pdca.from_alert import draft_cycle_from_alert, undo_draft

    first, second = sorted(alert_store.list_alerts(reports_db, dataset="核心指标日报"), key=lambda a: a.metric)
    # task first, then a cycle: the task opens the cycle, the alert knows both
    task_id = alert_store.alert_to_task(reports_db, first.id, now=NOW)
    cycle_id = draft_cycle_from_alert(reports_db, first.id, now=NOW)
    assert reports_db.execute("SELECT pdca_cycle_id, alert_id FROM tasks WHERE id = ?", [task_id]).fetchone() == \
        (cycle_id, first.id)
    assert pdca.get_cycle(reports_db, cycle_id).alert_id == first.id
    assert alert_store.alert_outcome(reports_db, first.id) == alert_store.AlertOutcome(task_id, cycle_id)
    undo_draft(reports_db, first.id, cycle_id, "task")
    assert reports_db.execute("SELECT pdca_cycle_id FROM tasks WHERE id = ?", [task_id]).fetchone() == (None,)
    # a cycle first, then a task: the task carries the cycle, undo gives the alert back its pdca status
    cycle_id = draft_cycle_from_alert(reports_db, second.id, now=NOW)
    assert alert_store.get_alert(reports_db, second.id).status == "pdca"
    task_id = alert_store.alert_to_task(reports_db, second.id, now=NOW)
    assert reports_db.execute("SELECT pdca_cycle_id FROM tasks WHERE id = ?", [task_id]).fetchone() == (cycle_id,)
    assert alert_store.alert_outcome(reports_db, second.id) == alert_store.AlertOutcome(task_id, cycle_id)
    alert_store.undo_alert_to_task(reports_db, second.id, task_id, "pdca")
    assert alert_store.get_alert(reports_db, second.id).status == "pdca"
