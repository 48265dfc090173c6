"""The rail's PDCA badge is recounted after every write: its 'last done task per cycle' query reads a
covering index of the linked tasks only, never every task (issue 18: 60–115 ms per write at scale 100)."""
from __future__ import annotations

from datetime import date

from workbench.pdca import repository as repo


def test_last_activity_reads_the_linked_tasks_index(db):
    executed: list[str] = []
    db.conn.set_trace_callback(executed.append)
    try:
        repo.last_activity(db)
    finally:
        db.conn.set_trace_callback(None)
    on_tasks = [sql for sql in executed if "FROM tasks" in sql]
    assert on_tasks, executed
    for sql in on_tasks:
        plan = " ".join(str(row[-1]) for row in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX idx_tasks_pdca_done" in plan, plan


def test_last_activity_still_finds_the_latest_done_linked_task(db):
    rows = [("A", "done", "2026-11-20T10:00", 7), ("B", "done", "2026-11-22T10:00", 7),
            ("C", "open", None, 7), ("D", "done", "2026-11-24T10:00", None)]
    for title, status, done_at, cycle in rows:
        db.execute("INSERT INTO tasks (title, status, done_at, pdca_cycle_id, created_at) VALUES (?, ?, ?, ?, ?)",
                   [title, status, done_at, cycle, "2026-11-01T09:00"])
    assert repo.last_activity(db).get(7) == date(2026, 11, 22)
