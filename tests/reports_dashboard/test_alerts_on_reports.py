"""Alerts over the generated reports (tests/report_files), imported through the import engine: the core
metrics' release days, where next-day retention drops, and its one complaint spike."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from workbench.reports import alert_store
from workbench.reports.alert_rules import AlertRule
from tests.conftest import PINNED_NOW


def days(dates) -> list[str]:
    return sorted(d.isoformat() for d in dates)


def drop_below_mean(core, day) -> float:
    """How far next-day retention fell on `day` below the mean of the 7 days before (0.25 = 25%)."""
    return 1 - core.series("次日留存率")[day] / core.trailing_mean("次日留存率", day)


def test_default_rate_rule_fires_for_next_day_retention_on_the_release_days_only(reports_db, report_files):
    core = report_files.core
    alerts = alert_store.list_alerts(reports_db, dataset="核心指标日报", metric="次日留存率")
    # the consecutive release days are one episode, one alert
    release_days = days(core.release_days)
    assert [(a.date, a.last_date, a.days) for a in alerts] == [(release_days[0], release_days[-1], len(release_days))]
    assert {a.level for a in alerts} == {"orange"}
    assert alerts[-1].rule_text == "较前7日均值下降 ≥20%"
    first = alerts[0]
    release = min(core.release_days)   # where retention fell to, against the steady week before it
    assert first.value == pytest.approx(core.release_days[release])
    assert first.reference == pytest.approx(core.trailing_mean("次日留存率", release))


def test_default_rules_proposed_once_per_dataset(reports_db, report_files):
    rules = alert_store.list_rules(reports_db, "核心指标日报")
    assert {(r.metric, r.level) for r in rules} == {("次日留存率", "orange"), ("7日留存率", "orange"), ("客诉量", "yellow")}
    # complaint counts: 3σ above the trailing 14-day mean ⇒ 黄色: the spike, and nothing else (not the
    # corrected day, whose +7 is within 2·√mean of the usual 30–36)
    spike = report_files.core.complaint_spike_day
    complaints = alert_store.list_alerts(reports_db, metric="客诉量")
    assert [(a.date, a.last_date, a.level) for a in complaints] == [(spike.isoformat(), spike.isoformat(), "yellow")]
    assert complaints[0].reference == pytest.approx(
        sum(report_files.core.series("客诉量")[spike - timedelta(days=n)] for n in range(1, 15)) / 14)
    from workbench.reports.after_import import after_import

    after_import(reports_db, "核心指标日报")   # a second import proposes nothing new, duplicates nothing
    assert len(alert_store.list_rules(reports_db, "核心指标日报")) == 3
    assert len(alert_store.list_alerts(reports_db, metric="次日留存率")) == 1


def test_editing_a_rule_reevaluates_history_and_deleting_removes_open_alerts(reports_db, report_files):
    core = report_files.core
    deep = [d for d in core.release_days if drop_below_mean(core, d) >= 0.28]
    assert 0 < len(deep) < len(core.release_days), "the files hold release days on both sides of 28%"
    rule = next(r for r in alert_store.list_rules(reports_db, "核心指标日报") if r.metric == "次日留存率")
    rule.amount = 0.28
    alert_store.save_rule(reports_db, rule)
    # the deep days are consecutive: one episode from the first to the last of them
    assert [(a.date, a.last_date) for a in alert_store.list_alerts(reports_db, metric="次日留存率")] == \
        [(days(deep)[0], days(deep)[-1])]
    below = [d for d, value in core.release_days.items() if value < 0.28]
    assert 0 < len(below) < len(core.release_days)
    threshold = AlertRule("核心指标日报", "次日留存率", "threshold", "down", 0.28, level="red")
    alert_store.save_rule(reports_db, threshold)
    reds = alert_store.list_alerts(reports_db, metric="次日留存率")
    assert [(a.date, a.last_date) for a in reds if a.level == "red"] == [(days(below)[0], days(below)[-1])]
    alert_store.delete_rule(reports_db, threshold.id)
    assert not [a for a in alert_store.list_alerts(reports_db) if a.level == "red"]


def test_alert_becomes_an_important_urgent_task(reports_db):
    alert = alert_store.list_alerts(reports_db, metric="次日留存率")[0]
    badge_before = alert_store.open_serious_count(reports_db)
    task_id = alert_store.alert_to_task(reports_db, alert.id, now=PINNED_NOW)
    row = reports_db.execute("SELECT title, important, urgent, status, alert_id FROM tasks WHERE id = ?", [task_id]).fetchone()
    assert row[1:] == (1, 1, "open", alert.id)
    assert "次日留存率" in row[0]
    assert alert_store.get_alert(reports_db, alert.id).status == "task"
    assert alert_store.open_serious_count(reports_db) == badge_before - 1


def test_alerts_command_json_and_since(reports_db, db_path, capsys, report_files):
    from workbench.cli import main

    since = sorted(report_files.core.release_days)[1]   # leaves out the first release day
    reports_db.execute("PRAGMA wal_checkpoint(FULL)")
    assert main(["alerts", "--db", str(db_path), "--json", "--since", since.isoformat()]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = [a for a in payload["alerts"] if a["metric"] == "次日留存率"]
    release_days = days(report_files.core.release_days)   # one episode that lasts into the period: kept
    assert [(a["date"], a["end_date"], a["points"]) for a in rows] == [(release_days[0], release_days[-1], 4)]
    assert set(rows[0]) >= {"date", "dataset", "metric", "level", "rule", "value", "reference"}
    assert all(a["end_date"] >= since.isoformat() for a in payload["alerts"])
    assert main(["alerts", "--db", str(db_path), "--since", since.strftime("%Y/%m/%d")]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_undoing_a_datasets_first_import_takes_its_alerts_and_rules(reports_db, report_files):
    from workbench.reports.importer import undo_import

    imports = [r[0] for r in reports_db.execute(
        "SELECT id FROM imports WHERE dataset_name = '核心指标日报' AND undone_at IS NULL ORDER BY id DESC")]
    others = len(alert_store.list_alerts(reports_db)) - len(alert_store.list_alerts(reports_db, dataset="核心指标日报"))
    assert len(imports) == 2
    assert others == len({drop[:2] for drop in report_files.rate_drops if drop[0] != "核心指标日报"}) > 0
    undo_import(reports_db, imports[0])  # the overlap file: the dataset stays, its alerts are re-evaluated
    assert alert_store.list_alerts(reports_db, dataset="核心指标日报", metric="次日留存率")
    undo_import(reports_db, imports[1])  # the first import: the dataset goes, and its alerts and rules
    assert alert_store.list_alerts(reports_db, dataset="核心指标日报") == []
    assert reports_db.execute("SELECT count(*) FROM alert_rules WHERE dataset = '核心指标日报'").fetchone()[0] == 0
    assert len(alert_store.list_alerts(reports_db)) == others, "other datasets keep theirs"
