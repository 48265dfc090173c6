"""Alerts over the shared samples, imported through the import engine."""
from __future__ import annotations

import json

from workbench.reports import alert_store
from workbench.reports.alert_rules import AlertRule
from tests.conftest import PINNED_NOW


def test_default_rate_rule_fires_for_next_day_retention_on_the_release_days_only(samples_db):
    alerts = alert_store.list_alerts(samples_db, dataset="核心指标日报", metric="次日留存率")
    # the four release days 10-20 … 10-23 are one episode, one alert
    assert [(a.date, a.last_date, a.days, a.level) for a in alerts] == [("2026-10-20", "2026-10-23", 4, "orange")]
    assert alerts[0].rule_text == "较前7日均值下降 ≥20%"
    # 10-20: 30.2% against a trailing mean of 41.7%
    assert round(alerts[0].value, 4) == 0.3025 and round(alerts[0].reference, 4) == 0.4171


def test_default_rules_proposed_once_per_dataset(samples_db):
    rules = alert_store.list_rules(samples_db, "核心指标日报")
    assert {(r.metric, r.level) for r in rules} == {("次日留存率", "orange"), ("7日留存率", "orange"), ("客诉量", "yellow")}
    # complaint counts: +50% vs the trailing 7-day mean ⇒ 黄色: only the release spike 10-20 … 10-23
    # (54, 88, 63, 75 tickets against a usual 20–44); 08-03's 38 after 27 is an ordinary day
    complaints = alert_store.list_alerts(samples_db, metric="客诉量")
    assert [(a.date, a.last_date, a.value) for a in complaints] == [("2026-10-20", "2026-10-23", 54.0)]
    from workbench.reports.after_import import after_import

    after_import(samples_db, "核心指标日报")   # a second import proposes nothing new, duplicates nothing
    assert len(alert_store.list_rules(samples_db, "核心指标日报")) == 3
    assert len(alert_store.list_alerts(samples_db, metric="次日留存率")) == 1


def test_editing_a_rule_reevaluates_history_and_deleting_removes_open_alerts(samples_db):
    rule = next(r for r in alert_store.list_rules(samples_db, "核心指标日报") if r.metric == "次日留存率")
    rule.amount = 0.28
    alert_store.save_rule(samples_db, rule)
    assert [(a.date, a.last_date) for a in alert_store.list_alerts(samples_db, metric="次日留存率")] == \
        [("2026-10-21", "2026-10-22")]
    threshold = AlertRule("核心指标日报", "次日留存率", "threshold", "down", 0.28, level="red")
    alert_store.save_rule(samples_db, threshold)
    reds = alert_store.list_alerts(samples_db, metric="次日留存率")
    assert [(a.date, a.last_date, a.days) for a in reds if a.level == "red"] == [("2026-10-21", "2026-10-23", 3)]
    alert_store.delete_rule(samples_db, threshold.id)
    assert not [a for a in alert_store.list_alerts(samples_db) if a.level == "red"]


def test_alert_becomes_an_important_urgent_task(samples_db):
    alert = alert_store.list_alerts(samples_db, metric="次日留存率")[0]
    badge_before = alert_store.open_serious_count(samples_db)
    task_id = alert_store.alert_to_task(samples_db, alert.id, now=PINNED_NOW)
    row = samples_db.execute("SELECT title, important, urgent, status, alert_id FROM tasks WHERE id = ?", [task_id]).fetchone()
    assert row[1:] == (1, 1, "open", alert.id)
    assert "次日留存率" in row[0]
    assert alert_store.get_alert(samples_db, alert.id).status == "task"
    assert alert_store.open_serious_count(samples_db) == badge_before - 1


def test_alerts_command_json_and_since(samples_db, db_path, capsys):
    from workbench.cli import main

    samples_db.execute("PRAGMA wal_checkpoint(FULL)")
    assert main(["alerts", "--db", str(db_path), "--json", "--since", "2026-10-21"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = [a for a in payload["alerts"] if a["metric"] == "次日留存率"]
    assert [(a["date"], a["end_date"], a["points"]) for a in rows] == [("2026-10-20", "2026-10-23", 4)]  # lasts into it
    assert set(rows[0]) >= {"date", "dataset", "metric", "level", "rule", "value", "reference"}
    assert all(a["end_date"] >= "2026-10-21" for a in payload["alerts"])
    assert main(["alerts", "--db", str(db_path), "--since", "2026/10/21"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_undoing_a_datasets_first_import_takes_its_alerts_and_rules(samples_db):
    from workbench.reports.importer import undo_import

    imports = [r[0] for r in samples_db.execute(
        "SELECT id FROM imports WHERE dataset_name = '核心指标日报' AND undone_at IS NULL ORDER BY id DESC")]
    others = len(alert_store.list_alerts(samples_db)) - len(alert_store.list_alerts(samples_db, dataset="核心指标日报"))
    assert len(imports) == 2 and others > 0
    undo_import(samples_db, imports[0])  # the overlap file: the dataset stays, its alerts are re-evaluated
    assert alert_store.list_alerts(samples_db, dataset="核心指标日报", metric="次日留存率")
    undo_import(samples_db, imports[1])  # the first import: the dataset goes, and its alerts and rules
    assert alert_store.list_alerts(samples_db, dataset="核心指标日报") == []
    assert samples_db.execute("SELECT count(*) FROM alert_rules WHERE dataset = '核心指标日报'").fetchone()[0] == 0
    assert len(alert_store.list_alerts(samples_db)) == others, "other datasets keep theirs"
