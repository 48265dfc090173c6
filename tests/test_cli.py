"""The headless CLI contract: exit codes, one-sentence errors, check --json, backup, demo."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=120)


def test_check_json_shape_on_a_new_database(db_path, capsys):
    assert main(["check", "--json", "--db", str(db_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok"
    assert isinstance(report["schema_version"], int) and report["schema_version"] >= 1
    assert isinstance(report["counts"], dict)
    assert report["datasets"] == []


def test_demo_then_check_reports_data(db_path, capsys):
    assert main(["demo", "--db", str(db_path), "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    assert main(["check", "--json", "--db", str(db_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok"
    assert sum(report["counts"].values()) > 0, report


def test_demo_refuses_a_database_that_has_data(db_path, capsys):
    assert main(["demo", "--db", str(db_path)]) == 0
    assert main(["demo", "--db", str(db_path)]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_workbench_db_variable_is_the_default(db_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    assert main(["check", "--json"]) == 0
    assert db_path.exists()


def test_backup_writes_a_verified_copy(db_path, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert main(["backup", "--db", str(db_path), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["demo", "--scale", "many"],
    ["check", "--db", "{tmp}/not-a-db.db"],
    ["check", "--db", "{tmp}"],
])
def test_user_errors_print_one_sentence_and_exit_2(tmp_path, args):
    (tmp_path / "not-a-db.db").write_text("hello")
    result = run_cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_version_matches_the_package_metadata():
    from importlib.metadata import version

    result = run_cli("--version")
    assert result.stdout.strip() == f"workbench {version('ops-workbench')}"
