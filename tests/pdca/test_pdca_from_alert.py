"""A PDCA cycle drafted from a real alert: the generated 核心指标日报 export imported (tests/report_files),
its default rate rule fires for 次日留存率 on the first release day (retention fell against the steady
week before it)."""
from __future__ import annotations

from datetime import datetime

import pytest

from workbench.pdca import from_alert
from workbench.pdca import repository as repo
from workbench.reports import alert_store
from workbench.reports.alert_rules import format_amount
from tests.conftest import PINNED_NOW


@pytest.fixture
def alert_db(db, report_files):
    from workbench.reports.importer import import_file

    import_file(db, report_files.core.early)
    return db


def _first_retention_alert(db):
    alerts = alert_store.list_alerts(db, dataset="核心指标日报", metric="次日留存率")
    return min(alerts, key=lambda a: a.date)


def test_draft_fills_plan_from_the_alert_and_links_back(alert_db, report_files):
    core = report_files.core
    release = min(core.release_days)
    fell_to, mean_before = core.release_days[release], core.trailing_mean("次日留存率", release)
    alert = _first_retention_alert(alert_db)
    assert alert.date == release.isoformat()
    cycle_id = from_alert.draft_cycle_from_alert(alert_db, alert.id, now=datetime(2026, 11, 25, 9, 30))

    cycle = repo.get_cycle(alert_db, cycle_id)
    assert cycle.stage == "plan"
    assert cycle.title == f"处理预警：次日留存率 较前7日均值下降 ≥20%（{release}）"
    shown = {value: format_amount(value, "percent") for value in (fell_to, mean_before)}  # 31%, 41.93%
    assert cycle.problem == (f"橙色预警：{release} 数据集「核心指标日报」的 次日留存率 为 {shown[fell_to]}，"
                             f"参考值 {shown[mean_before]}（规则：较前7日均值下降 ≥20%）。")
    assert (cycle.metric_dataset, cycle.metric_column) == ("核心指标日报", "次日留存率")
    assert cycle.baseline == pytest.approx(fell_to)    # where the metric fell to
    assert cycle.target == pytest.approx(mean_before)  # back to the reference
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
