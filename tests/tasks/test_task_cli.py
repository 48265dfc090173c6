"""`workbench capture` and `workbench tasks`: the JSON contract, stdin batches, dry runs, errors."""
from __future__ import annotations

import io
import json
import sys
from datetime import datetime

from workbench.cli import main

NOW = "2026-11-25T09:30"


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_capture_json_contract_and_saved_row(db_path, capsys):
    status, out, _ = run(capsys, "capture", "--db", str(db_path), "--json", "--now", NOW,
                         "明天下午3点", "回访", "@王芳", "#召回", "*")
    assert status == 0
    payload = json.loads(out)
    assert payload == {"id": 1, "title": "回访 王芳", "quadrant": "q2", "important": True, "urgent": False,
                       "due": "2026-11-26T15:00", "tags": ["召回"], "mentions": ["王芳"], "recurrence": None,
                       "warnings": []}
    status, out, _ = run(capsys, "tasks", "--db", str(db_path), "--json")
    listed = json.loads(out)
    assert [(t["id"], t["title"], t["quadrant"], t["due"]) for t in listed] == [(1, "回访 王芳", "q2", "2026-11-26T15:00")]


def test_capture_reads_one_line_per_capture_from_stdin(db_path, capsys, monkeypatch):
    status, out, _ = run(capsys, "capture", "--db", str(db_path), "--json", "--now", NOW, "-",
                         stdin="每周一 周会 q1\n\n2月30日 开会\nevery friday retro !\n", monkeypatch=monkeypatch)
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [(x["id"], x["quadrant"], x["recurrence"], len(x["warnings"])) for x in lines] == [
        (1, "q1", "FREQ=WEEKLY;BYDAY=MO", 0), (2, "inbox", None, 1), (3, "q3", "FREQ=WEEKLY;BYDAY=FR", 0)]
    assert lines[1]["title"] == "2月30日 开会" and lines[1]["due"] is None


def test_dry_run_saves_nothing(db_path, capsys):
    status, out, _ = run(capsys, "capture", "--db", str(db_path), "--json", "--dry-run", "--now", NOW, "周五", "交报告")
    assert status == 0
    assert json.loads(out)["id"] is None and json.loads(out)["due"] == "2026-11-27"
    run(capsys, "tasks", "--db", str(db_path), "--json", "--all")
    status, out, _ = run(capsys, "tasks", "--db", str(db_path), "--json", "--all")
    assert json.loads(out) == []


def test_capture_errors_are_one_sentence_and_exit_2(db_path, capsys):
    status, out, err = run(capsys, "capture", "--db", str(db_path), "--now", "yesterday", "x")
    assert status == 2 and "--now" in err and "Traceback" not in err
    status, out, err = run(capsys, "capture", "--db", str(db_path), "--now", NOW, "明天", "!")
    assert status == 2 and len(err.strip().splitlines()) == 1
    status, out, err = run(capsys, "capture", "--db", str(db_path))
    assert status == 2


def test_tasks_filters_by_quadrant_and_all(db_path, capsys):
    for text in ("a q1", "b", "c q4"):
        run(capsys, "capture", "--db", str(db_path), "--now", NOW, text)
    from workbench.store import open_database
    from workbench.tasks.repository import complete_task

    db = open_database(db_path)
    complete_task(db, 1, now=datetime.fromisoformat(NOW))
    db.close()
    _, out, _ = run(capsys, "tasks", "--db", str(db_path), "--json", "--quadrant", "inbox")
    assert [t["title"] for t in json.loads(out)] == ["b"]
    _, out, _ = run(capsys, "tasks", "--db", str(db_path), "--json")
    assert [t["title"] for t in json.loads(out)] == ["b", "c"]
    _, out, _ = run(capsys, "tasks", "--db", str(db_path), "--json", "--all", "--quadrant", "q1")
    assert [(t["title"], t["status"]) for t in json.loads(out)] == [("a", "done")]
    _, out, _ = run(capsys, "tasks", "--db", str(db_path))
    assert "☐" in out and "c" in out


def test_mention_links_a_user_by_name_id_or_phone_tail(db, db_path, capsys):
    from workbench.contacts.users import create_user
    from workbench.tasks.repository import get_task

    wang = create_user(db, name="王芳", phone="13812341234", now=datetime.fromisoformat(NOW))
    _, out, _ = run(capsys, "capture", "--db", str(db_path), "--json", "--now", NOW, "回访@王芳提现问题")
    first = json.loads(out)
    assert first["mentions"] == ["王芳"] and get_task(db, first["id"]).user_id == wang
    _, out, _ = run(capsys, "capture", "--db", str(db_path), "--json", "--now", NOW, "回访 @1234")
    assert get_task(db, json.loads(out)["id"]).user_id == wang
