"""A PDCA cycle drafted from a real alert: the 核心指标日报 sample imported, its default rate rule fires for
次日留存率 on 2026-10-20 (30.25% against a trailing 7-day mean of 41.71%)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from workbench.pdca import from_alert
from workbench.pdca import repository as repo
from workbench.reports import alert_store
from tests.conftest import PINNED_NOW

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "核心指标日报_2026-08-01_2026-11-15.xlsx"


@pytest.fixture
def alert_db(db):
    from workbench.reports.importer import import_file

    import_file(db, SAMPLE)
    return db


def _first_retention_alert(db):
    alerts = alert_store.list_alerts(db, dataset="核心指标日报", metric="次日留存率")
    return min(alerts, key=lambda a: a.date)


def test_draft_fills_plan_from_the_alert_and_links_back(alert_db):
    alert = _first_retention_alert(alert_db)
    assert alert.date == "2026-10-20"
    cycle_id = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=datetime(2026, 11, 25, 9, 30))

    cycle = repo.get_cycle(alert_db, cycle_id)
    assert cycle.stage == "plan"
    assert cycle.title == "处理预警：次日留存率 较前7日均值下降 ≥20%（2026-10-20）"
    assert cycle.problem == ("橙色预警：2026-10-20 数据集「核心指标日报」的 次日留存率 为 30.25%，"
                             "参考值 41.71%（规则：较前7日均值下降 ≥20%）。")
    assert (cycle.metric_dataset, cycle.metric_column) == ("核心指标日报", "次日留存率")
    assert round(cycle.baseline, 4) == 0.3025   # where the metric fell to
    assert round(cycle.target, 4) == 0.4171     # back to the reference
    assert cycle.deadline == "2026-12-09"       # 14 days after drafting
    assert cycle.alert_id == alert.id
    assert repo.list_moves(alert_db, cycle_id) == [(None, "plan", "2026-11-25T09:30:00")]
    # the alert is acted on: no longer open, so the badge drops and a rule re-run keeps it
    assert alert_store.get_alert(alert_db, alert.id).status == "pdca"
    assert from_alert.cycles_by_alert(alert_db, [alert.id, 999]) == {alert.id: cycle_id}


def test_drafting_twice_returns_the_same_cycle(alert_db):
    alert = _first_retention_alert(alert_db)
    first = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=datetime(2026, 11, 25, 9, 0))
    second = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=datetime(2026, 11, 26, 9, 0))
    assert first == second
    assert alert_db.execute("SELECT count(*) FROM pdca_cycles WHERE alert_id = ?", [alert.id]).fetchone()[0] == 1


def test_alert_that_is_already_a_task_keeps_its_task(alert_db):
    alert = _first_retention_alert(alert_db)
    task_id = alert_store.alert_to_task(alert_db, alert.id, now=PINNED_NOW)
    cycle_id = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=PINNED_NOW)
    after = alert_store.get_alert(alert_db, alert.id)
    assert (after.status, after.task_id) == ("task", task_id)
    assert repo.get_cycle(alert_db, cycle_id).alert_id == alert.id


def test_undo_and_redo_put_cycle_and_alert_status_back(alert_db):
    alert = _first_retention_alert(alert_db)
    cycle_id = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=PINNED_NOW)
    saved = repo.snapshot(alert_db, cycle_id)
    from_alert.undo_draft(alert_db, alert.id, cycle_id, "open")
    assert repo.get_cycle(alert_db, cycle_id) is None
    assert alert_store.get_alert(alert_db, alert.id).status == "open"
    from_alert.redo_draft(alert_db, alert.id, saved)
    assert repo.get_cycle(alert_db, cycle_id).alert_id == alert.id
    assert alert_store.get_alert(alert_db, alert.id).status == "pdca"


def test_editing_the_drafted_cycle_keeps_the_alert_link(alert_db):
    alert = _first_retention_alert(alert_db)
    cycle_id = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=PINNED_NOW)
    saved = repo.snapshot(alert_db, cycle_id)
    repo.update_cycle(alert_db, cycle_id, hypothesis="恢复借款入口")
    repo.restore(alert_db, saved)   # what an undone edit does
    assert repo.get_cycle(alert_db, cycle_id).alert_id == alert.id


def test_a_missing_alert_is_a_user_error(alert_db):
    from workbench.errors import UserError

    with pytest.raises(UserError):
        from_alert.draft_cycle_from_alert(alert_db, 999_999, now=PINNED_NOW)
    assert alert_db.execute("SELECT count(*) FROM pdca_cycles").fetchone()[0] == 0
