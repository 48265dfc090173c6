"""Titles the app generated are stored as a kind and parameters and shown in the language the user reads
now (tasks/generated_text.py): items made in Chinese read English after the switch, in the matrix and in the
English workbook, and a title the operator edits is theirs in both (issue 19, English completely)."""
from __future__ import annotations

import json
from datetime import datetime

from openpyxl import load_workbook

from workbench import errors

NOW = datetime(2026, 11, 25, 10, 0)


def _make_generated_items_in_chinese(db) -> dict[str, int]:
    """An alert task, a stall task, a redial and a follow-up, a recall day task, a second round, an SOP."""
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.sequences import create_sequence, start_sequence
    from workbench.contacts.users import create_user
    from workbench.pdca import repository as repo
    from workbench.reports import alert_store
    from workbench.reports.alert_rules import AlertRule
    from workbench.reports.datasets import create_dataset_from_rows

    errors.set_language("zh_CN")
    days = [f"2026-11-{d:02d}" for d in range(1, 11)]
    values = [100, 102, 98, 101, 99, 100, 103, 100, 50, 101]
    create_dataset_from_rows(db, "订单", ["日期", {"name": "订单数", "type": "integer"}], list(zip(days, values)))
    rule_id = alert_store.save_rule(db, AlertRule("订单", "订单数", kind="change", direction="down", amount=0.3,
                                                  basis="day", level="red", metric_type="integer"))
    alert = next(a for a in alert_store.list_alerts(db, dataset="订单") if a.rule_id == rule_id)
    made = {"alert": alert_store.alert_to_task(db, alert.id, now=NOW)}
    user_id = create_user(db, name="王芳", phone="13800138000", now=NOW)
    log_contact(db, user_id=user_id, channel="电话", outcome="未接通", now=NOW)
    log_contact(db, user_id=user_id, channel="电话", topic="咨询", outcome="待跟进", now=NOW)
    cycle_id = repo.create_cycle(db, "提升转化", now=datetime(2026, 11, 10, 10))
    for stage in ("do", "check", "act"):
        repo.move_stage(db, cycle_id, stage, now=datetime(2026, 11, 10, 11))
    made["round"] = repo.apply_act(db, cycle_id, "adjust", "换一版文案", now=datetime(2026, 11, 10, 12))["next_cycle_id"]
    sop_cycle = repo.create_cycle(db, "短信模板", now=NOW)
    for stage in ("do", "check", "act"):
        repo.move_stage(db, sop_cycle, stage, now=NOW)
    repo.apply_act(db, sop_cycle, "standardize", "每周一发", now=NOW)
    made["stall"], = [t for t in repo.check_stalls(db, now=NOW)]
    step = {"position": 0, "delay_days": 0, "hour": 10, "channel": "电话", "title": "电话召回"}
    sequence_id = create_sequence(db, "流失召回", [step], now=NOW)
    start_sequence(db, sequence_id, [user_id], now=NOW)
    return made


def _english_titles() -> dict[str, str]:
    return {
        "alert": "Handle alert: 订单 · 订单数 falls ≥30% vs the previous day (2026-11-09)",
        "stall": "PDCA stalled for 15 days: 提升转化 (round 2)",
        "redial": "Call 王芳 again (try 2 of 3)",
        "follow_up": "Follow up 王芳: inquiry",
        "recall": "流失召回: 1 user to contact (电话召回)",
    }


def test_items_made_in_chinese_read_english_in_the_matrix_after_the_switch(ctx, qtbot, qapp):
    from workbench.app import prepare_ui
    from workbench.contacts.snippets import list_snippets
    from workbench.pdca import repository as repo
    from workbench.ui.tasks.matrix_page import MatrixPage

    made = _make_generated_items_in_chinese(ctx.db)
    stored = [row[0] for row in ctx.db.execute("SELECT title FROM tasks")]
    assert "重拨 王芳（第 2/3 次）" in stored and "跟进 王芳：咨询" in stored   # made in Chinese
    prepare_ui(qapp, ctx.settings, "en")   # the language switch
    ctx.clock = lambda: NOW
    page = MatrixPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.refresh()
    shown = [panel.list.item(i).text() for panel in page.panels.values() for i in range(panel.list.count())]
    for key, title in _english_titles().items():
        assert title in shown or key == "redial"   # the answered call closed the redial (the workbook lists it)
    assert repo.get_cycle(ctx.db, made["round"]).title == "提升转化 (round 2)"
    assert "SOP: 短信模板" in [s.title for s in list_snippets(ctx.db)]
    prepare_ui(qapp, ctx.settings, "zh_CN")   # and back
    assert repo.get_cycle(ctx.db, made["round"]).title == "提升转化（第2轮）"


def test_the_english_workbook_names_them_in_english(db, tmp_path):
    from workbench.review.export_xlsx import export_week
    from workbench.review.weeks import IsoWeek

    _make_generated_items_in_chinese(db)
    errors.set_language("en")
    out = tmp_path / "week.xlsx"
    export_week(db, IsoWeek.of(NOW.date()), out, today=NOW.date(), masked=False, lang="en")
    book = load_workbook(out)
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value}
    for title in _english_titles().values():
        assert title in cells
    assert "提升转化 (round 2)" in cells   # the PDCA sheet's cycle
    assert not any(c.startswith(("处理预警", "重拨", "跟进 ", "PDCA 停滞")) for c in cells)
    export_week(db, IsoWeek.of(NOW.date()), out, today=NOW.date(), masked=False, lang="zh_CN")
    cells = {str(c.value) for sheet in load_workbook(out).worksheets for row in sheet.iter_rows() for c in row if c.value}
    assert "重拨 王芳（第 2/3 次）" in cells and "提升转化（第2轮）" in cells   # the other choice, the other language


def test_an_edited_title_is_the_operators_own_in_both_languages(db):
    from workbench.tasks.repository import get_task, update_task
    from workbench.tasks.repository import create_task

    errors.set_language("zh_CN")
    task_id = create_task(db, "", title_kind="redial", title_params={"name": "王芳", "try": 2, "max": 3}, now=NOW)
    update_task(db, task_id, notes="先发短信", title=get_task(db, task_id).title)   # saved unchanged: stays generated
    errors.set_language("en")
    assert get_task(db, task_id).title == "Call 王芳 again (try 2 of 3)"
    update_task(db, task_id, title="Ask 王芳 about the coupon")
    errors.set_language("zh_CN")
    assert get_task(db, task_id).title == "Ask 王芳 about the coupon"
    assert db.execute("SELECT title_kind FROM tasks WHERE id = ?", [task_id]).fetchone()[0] is None


def test_the_migration_recognises_generated_titles_stored_as_text():
    from workbench.tasks.generated_text import recognise, render

    cases = {
        "PDCA 停滞 8 天：客诉回访": ("pdca_stalled", {"days": 8, "cycle": "客诉回访"}),
        "PDCA stalled for 1 day: Calls": ("pdca_stalled", {"days": 1, "cycle": "Calls"}),
        "PDCA 检查逾期：客诉回访": ("pdca_check_overdue", {"cycle": "客诉回访"}),
        "重拨 王芳（第 2/3 次）": ("redial", {"name": "王芳", "try": 2, "max": 3}),
        "Call Li Lei again (try 2 of ∞)": ("redial", {"name": "Li Lei", "try": 2, "max": "∞"}),
        "流失召回：186 人待联系（电话召回 120 · 关怀 66）": ("recall_day", {"sequence": "流失召回", "count": 186,
                                                              "steps": "电话召回 120 · 关怀 66"}),
    }
    for text, expected in cases.items():
        assert recognise(text) == expected
        kind, params = expected
        assert text in (render(kind, params, True), render(kind, params, False))   # read back whole
    assert recognise("跟进 王芳：咨询") is None   # a topic word written in one language: left as text
    assert recognise("周会准备") is None


def test_an_older_file_gets_kinds_for_the_titles_it_can_read_back(tmp_path):
    """Migrate a file made before kinds existed: its stall, redial and recall-day task, round and SOP are
    recognised; a title the operator wrote stays text."""
    from workbench.schema import migration_sets
    from workbench.store import open_database

    path = tmp_path / "old.db"
    new = {"add_generated_titles", "add_generated_cycle_titles", "add_generated_snippet_titles"}
    old = open_database(path, migrate=False)
    for migration_set in migration_sets():
        last = migration_set._migrations[-1].name
        migration_set.apply(old, stop_before=last) if last in new else migration_set.apply(old)
    for title, link in (("PDCA 停滞 8 天：客诉回访", "pdca_cycle_id"), ("重拨 王芳（第 2/3 次）", "user_id"),
                        ("流失召回：3 人待联系（电话召回）", "sequence_id"), ("周会准备", None)):
        columns = "title, created_at, tags" + (f", {link}" if link else "")
        old.execute(f"INSERT INTO tasks ({columns}) VALUES (?, '2026-11-25T10:00:00', '[]'{', 1' if link else ''})",
                    [title])
    old.execute("INSERT INTO pdca_cycles (title, stage, stage_since, created_at, previous_id)"
                " VALUES ('提升转化（第2轮）', 'plan', '2026-11-25', '2026-11-25', 1)")
    old.execute("INSERT INTO snippets (title, body, created_at, updated_at) VALUES ('SOP：短信模板', 'x', '', '')")
    old.conn.commit()
    old.close()
    db = open_database(path)
    kinds = [row[0] for row in db.execute("SELECT title_kind FROM tasks ORDER BY id")]
    assert kinds == ["pdca_stalled", "redial", "recall_day", None]
    cycle = db.execute("SELECT title_kind, title_params FROM pdca_cycles").fetchone()
    assert cycle[0] == "next_round" and json.loads(cycle[1]) == {"base": "提升转化", "round": 2}
    assert db.execute("SELECT title_kind FROM snippets").fetchone()[0] == "sop"
    errors.set_language("en")
    from workbench.tasks.repository import list_all

    assert [t.title for t in list_all(db)] == ["PDCA stalled for 8 days: 客诉回访", "Call 王芳 again (try 2 of 3)",
                                               "流失召回: 3 users to contact (电话召回)", "周会准备"]
    db.close()

