"""Undo walks the matrix back exactly, and redo forward again, whatever mix of captures, edits, drags,
check-offs, reopenings, drops and deletions came before (编辑 › 撤销 / 重做, ctx.undo_stack)."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.store import open_database
from workbench.tasks.capture import parse_for
from workbench.ui.tasks.undo_commands import (CaptureTask, CompleteTask, DeleteTask, DropTask, EditTask, MoveTask,
                                              ReopenTask)

NOW = datetime(2026, 11, 25, 9, 30)
CAPTURES = ["回访 王芳 明天下午3点 *", "整理周报 !", "q3 回复渠道经理", "每周五 清理旧微信群 q4", "看竞品新人礼包",
            "12月3日 写复盘 *!"]
QUADRANTS = ["inbox", "q1", "q2", "q3", "q4"]
STEPS = st.lists(st.tuples(st.sampled_from(["capture", "edit", "move", "complete", "reopen", "drop", "delete"]),
                           st.integers(0, 1_000), st.integers(0, 1_000)), min_size=1, max_size=16)


def table(db) -> list[tuple]:
    return db.execute("SELECT * FROM tasks ORDER BY id").fetchall()


def without_done_at(rows: list[tuple], db) -> list[tuple]:
    """A redone check-off is done again at the time of the redo: the rest must match."""
    done_at = [r[1] for r in db.execute("PRAGMA table_info(tasks)")].index("done_at")
    return [row[:done_at] + row[done_at + 1:] for row in rows]


def command_for(ctx, step: str, n: int, m: int):
    db = ctx.db
    open_ids = [r[0] for r in db.execute("SELECT id FROM tasks WHERE status = 'open' ORDER BY id")]
    closed_ids = [r[0] for r in db.execute("SELECT id FROM tasks WHERE status != 'open' ORDER BY id")]
    pick = lambda ids, k: ids[k % len(ids)]  # noqa: E731
    if step == "capture":
        return CaptureTask(ctx, parse_for(db, CAPTURES[n % len(CAPTURES)], ctx.now()))
    if step == "reopen":
        return ReopenTask(ctx, pick(closed_ids, n)) if closed_ids else None
    if not open_ids:
        return None
    task = pick(open_ids, n)
    if step == "edit":
        return EditTask(ctx, task, {"title": f"改过 {m}", "due": None if m % 2 else "2026-12-01T10:00"})
    if step == "move":  # a drag: into a quadrant, before one of the open tasks or at the end
        before = None if m % 3 == 0 else pick(open_ids, m)
        return MoveTask(ctx, task, QUADRANTS[m % len(QUADRANTS)], before_id=None if before == task else before)
    return {"complete": CompleteTask, "drop": DropTask, "delete": DeleteTask}[step](ctx, task)


@pytest.fixture
def fresh_ctx(ctx, tmp_path):
    """The test's context, pointed at a new file for each example."""
    count = iter(range(10_000))

    def make():
        db = open_database(tmp_path / f"undo{next(count)}.db")
        ctx.db = db
        ctx.undo_stack.clear()
        return ctx
    yield make
    ctx.undo_stack.clear()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_undo_all_restores_the_start_and_redo_all_the_end(fresh_ctx, steps):
    ctx = fresh_ctx()
    try:
        history = [table(ctx.db)]
        for step, n, m in steps:
            command = command_for(ctx, step, n, m)
            if command is not None:
                ctx.undo_stack.push(command)
                history.append(table(ctx.db))
        for expected in reversed(history[:-1]):
            ctx.undo_stack.undo()
            assert table(ctx.db) == expected  # each undo puts back exactly the state before that step
        for expected in history[1:]:
            ctx.undo_stack.redo()
            assert without_done_at(table(ctx.db), ctx.db) == without_done_at(expected, ctx.db)
    finally:
        ctx.undo_stack.clear()
        ctx.db.close()
