"""`workbench --db X CMD` and `workbench CMD --db X` name the same file for every subcommand, and neither
touches the user data folder (an operator pointing a command at a test file must never write their real data)."""
from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from workbench.cli import build_parser, main

# The fewest arguments each subcommand needs. A new subcommand fails test_every_subcommand_is_listed
# until it is added here, so the placement tests below cover it too.
MINIMAL_ARGS = {
    "demo": [], "check": [], "backup": [], "shots": ["--out", "{tmp}/shots"],
    "capture": ["回访", "王芳"], "tasks": [], "search": ["王芳"],
    "users import": ["{tmp}/users.xlsx"], "users export": ["{tmp}/users.csv"],
    "contact": ["--summary", "说明额度"], "findings": [], "due": [],
    "import": ["{tmp}/report.xlsx"], "datasets": [], "imports": [], "alerts": [],
    "export-week": ["--out", "{tmp}/week.xlsx"],
}


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    names = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = _subcommands(sub, f"{prefix}{name} ")
                names += nested or [f"{prefix}{name}"]
    return names


def _args(command: str, tmp: Path) -> list[str]:
    return command.split() + [a.replace("{tmp}", str(tmp)) for a in MINIMAL_ARGS[command]]


def test_every_subcommand_is_listed():
    assert sorted(_subcommands(build_parser())) == sorted(MINIMAL_ARGS)


@pytest.mark.parametrize("command", sorted(MINIMAL_ARGS))
def test_db_and_now_before_or_after_the_subcommand_are_the_same(command, tmp_path):
    parser = build_parser()
    wanted = str(tmp_path / "chosen.db")
    before = parser.parse_args(["--db", wanted, "--now", "2027-02-28T09:00", *_args(command, tmp_path)])
    after = parser.parse_args([*_args(command, tmp_path), "--db", wanted, "--now", "2027-02-28T09:00"])
    assert (before.db, before.now) == (after.db, after.now) == (wanted, datetime(2027, 2, 28, 9, 0))
    assert parser.parse_args(_args(command, tmp_path)).db is None  # neither given: WORKBENCH_DB, else the folder


def test_the_window_takes_db_and_lang_given_before_shots_too(tmp_path):
    parser = build_parser()
    assert parser.parse_args(["--lang", "en", "shots", "--out", "x"]).lang == "en"
    assert parser.parse_args(["shots", "--out", "x", "--lang", "en"]).lang == "en"
    assert parser.parse_args(["--db", "a.db"]).db == "a.db"


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """The user data folder, pointed at an empty temporary folder; WORKBENCH_DB unset."""
    folder = tmp_path / "xdg-data"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    return folder


def _write_report(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "新增用户", "活跃用户"])
    for day in range(1, 8):
        sheet.append([f"2026-11-0{day}", 100 + day, 900 + day])
    book.save(path)


@pytest.mark.parametrize("placement", ["before", "after"])
def test_writing_commands_write_the_named_file_and_never_the_data_folder(placement, data_folder, tmp_path, capsys):
    db_file = tmp_path / "wb.db"
    _write_report(tmp_path / "report.xlsx")

    def run(*command: str) -> int:
        global_options = ["--db", str(db_file), "--now", "2026-11-25T09:30"]
        return main([*global_options, *command] if placement == "before" else [*command, *global_options])

    assert run("demo") == 0
    assert run("capture", "明天", "回访", "王芳") == 0
    assert run("import", str(tmp_path / "report.xlsx")) == 0
    user_id = json.loads(_last_json(capsys, run, "tasks", "--json"))[0]["user_id"] or 1
    assert run("contact", "--user", str(user_id), "--summary", "说明额度") == 0
    assert run("export-week", "--out", str(tmp_path / "week.xlsx")) == 0
    assert run("backup", "--out", str(tmp_path / "copy.db")) == 0
    capsys.readouterr()
    assert run("check", "--json") == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["datasets"] and counts["counts"]["tasks"] > 0
    assert list(data_folder.rglob("*")) == []   # the real data folder was never touched


def _last_json(capsys, run, *command: str) -> str:
    capsys.readouterr()
    assert run(*command) == 0
    return capsys.readouterr().out


def test_now_sets_the_day_relative_dates_are_read_against(data_folder, tmp_path, capsys):
    db_file = str(tmp_path / "wb.db")
    assert main(["--now", "2027-02-28T09:30", "--db", db_file, "capture", "--json", "明天", "回访"]) == 0
    assert json.loads(capsys.readouterr().out)["due"].startswith("2027-03-01")


def test_a_bad_now_is_one_sentence(tmp_path, capsys):
    assert main(["--now", "tomorrow", "--db", str(tmp_path / "wb.db"), "tasks"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--now" in err and "\n" not in err and "Traceback" not in err


def test_every_subcommand_is_in_the_readme_command_table():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `workbench")]
    documented = {command for command in MINIMAL_ARGS if any(f"`workbench {command}" in row for row in table)}
    assert sorted(set(MINIMAL_ARGS) - documented) == []


def test_an_import_and_its_undo_are_stamped_with_now(data_folder, tmp_path, capsys):
    db_file = str(tmp_path / "wb.db")
    _write_report(tmp_path / "report.xlsx")
    assert main(["--now", "2026-11-23T09:00", "--db", db_file, "import", str(tmp_path / "report.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--db", db_file, "imports", "--now", "2026-11-24T10:00"]) == 0
    assert "2026-11-23 09:00:00" in capsys.readouterr().out  # the import log says when, by --now
    assert main(["--db", db_file, "--now", "2026-11-24T10:00", "imports", "--undo", "1"]) == 0
    import sqlite3

    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("SELECT imported_at, undone_at FROM imports").fetchall() == [
            ("2026-11-23T09:00:00", "2026-11-24T10:00:00")]
    finally:
        conn.close()
