"""One clock: only workbench/clock.py reads the wall clock; the CLI's default and the window's context
both come from it, so moving the wall clock (time-machine) moves them and nothing else."""
from __future__ import annotations

import ast
import json
from datetime import datetime
from pathlib import Path

import time_machine

from workbench.cli import main

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"
WALL_CLOCK_CALLS = {("datetime", "now"), ("date", "today"), ("datetime", "today"), ("datetime", "utcnow"),
                    ("QDateTime", "currentDateTime"), ("QDate", "currentDate")}


def _wall_clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
            if (name, node.func.attr) in WALL_CLOCK_CALLS:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_only_the_clock_module_reads_the_wall_clock():
    reads = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _wall_clock_reads(path)]
    assert reads == ["workbench/clock.py:14"]


def test_the_command_line_default_is_the_wall_clock(tmp_path, capsys):
    db = str(tmp_path / "wb.db")
    with time_machine.travel(datetime(2028, 2, 28, 10, 0), tick=False):
        assert main(["--db", db, "capture", "--json", "明天", "交月报"]) == 0
    assert json.loads(capsys.readouterr().out)["due"].startswith("2028-02-29")


def test_the_window_context_reads_the_same_clock(ctx):
    from workbench.app import build_context

    fresh = build_context(ctx.db_path, ctx.db)   # a context as the app builds it (the fixture pins its own)
    with time_machine.travel(datetime(2027, 12, 31, 23, 59), tick=False):
        assert fresh.now() == datetime(2027, 12, 31, 23, 59)
        assert fresh.today().isoformat() == "2027-12-31"
