"""Atomic imports (kill -9 of a real process, cancel, dry run), the import log, undo, renamed columns."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from workbench.cli import main
from workbench.reports.datasets import create_dataset_from_rows, get_dataset, list_datasets, read_rows, read_series
from workbench.reports.importer import ImportCancelled, import_file, list_imports, undo_import
from workbench.store import open_database
from tests.report_files.plain import write_xlsx

KILLED_IMPORT = """
import sys
from workbench.store import open_database
from workbench.reports.importer import import_file
def progress(done, total):
    if done > 50000:
        print("writing", flush=True)
        import time; time.sleep(60)
import_file(open_database(sys.argv[2]), sys.argv[1], dataset="核心指标日报", progress=progress)
"""


def snapshot(db) -> tuple:
    tables = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    rows = db.execute("SELECT * FROM ds_1 ORDER BY _row_id").fetchall()
    return tables, rows, db.execute("SELECT * FROM datasets").fetchall(), db.execute("SELECT * FROM imports").fetchall()


def test_kill_9_during_an_import_leaves_the_previous_state(db, db_path, tmp_path, report_files):
    import_file(db, report_files.core.early)
    before = snapshot(db)
    big = tmp_path / "核心指标日报_big.csv"
    with open(big, "w", encoding="utf-8") as handle:
        handle.write("日期,新增注册,实名认证,授信通过,首借人数,借款金额(元),活跃用户(DAU),月活跃用户(MAU),次日留存率,7日留存率,客诉量\n")
        for n in range(120000):
            handle.write(f"{1900 + n // 365}-{1 + n % 12:02d}-{1 + n % 28:02d},1,1,1,1,1.5,1,1,0.4,0.2,{n}\n")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(big), str(db_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing", proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    db.close()
    reopened = open_database(db_path)
    try:
        assert reopened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert snapshot(reopened) == before
        assert get_dataset(reopened, "核心指标日报").rows == len(report_files.core.early_rows)
    finally:
        reopened.close()


def test_cancel_halfway_changes_nothing(db, report_files):
    import_file(db, report_files.core.early)
    before = snapshot(db)
    calls = []
    with pytest.raises(ImportCancelled):
        import_file(db, report_files.core.late, cancelled=lambda: calls.append(1) or len(calls) > 0)
    assert snapshot(db) == before


def late_export_counts(core) -> tuple[int, int, int]:
    """(added, updated, unchanged) of importing the late core export after the early one: its days
    past the early file are new, the overlap is unchanged but for the one corrected day."""
    return len(core.late_only_days), 1, len(core.overlap_days) - 1


def test_dry_run_reports_and_writes_nothing(db, report_files):
    import_file(db, report_files.core.early)
    before = snapshot(db)
    result = import_file(db, report_files.core.late, dry_run=True).to_json()
    assert (result["added"], result["updated"], result["unchanged"]) == late_export_counts(report_files.core)
    assert snapshot(db) == before


def test_import_log_and_undo(db, report_files):
    core = report_files.core
    first = import_file(db, core.early)
    second = import_file(db, core.late)
    log = list_imports(db)
    assert [(r["file_name"], r["added"], r["updated"], r["unchanged"], r["skipped"]) for r in log] == [
        (core.late.name, *late_export_counts(core), 1), (core.early.name, len(core.early_rows), 0, 0, 1)]
    day = core.corrected_day
    assert len(log[0]["file_hash"]) == 64 and log[0]["corrections"][0]["new"] == core.complaints_on(core.late_rows, day)
    with pytest.raises(Exception, match="later import"):
        undo_import(db, first.import_id)
    undo_import(db, second.import_id)
    info = get_dataset(db, "核心指标日报")
    assert (info.rows, info.date_max) == (len(core.early_rows), core.early_rows[-1]["日期"].isoformat())
    assert dict(read_series(db, "核心指标日报", "客诉量"))[day.isoformat()] == core.complaints_on(core.early_rows, day)
    undo_import(db, first.import_id)
    assert list_datasets(db) == [] and "ds_1" not in db.table_names()



def test_renamed_reordered_and_new_columns(db, tmp_path):
    old = tmp_path / "日报_1.xlsx"
    new = tmp_path / "日报_2.xlsx"
    write_xlsx(old, ["日期", "新增注册", "客诉量"], [["2026-11-01", 10, 3], ["2026-11-02", 11, 4]])
    write_xlsx(new, ["客诉数量", "日期", "新增注册", "DAU"], [[5, "2026-11-02", 11, 900], [6, "2026-11-03", 12, 950]])
    import_file(db, old, dataset="日报")
    result = import_file(db, new, dataset="日报").to_json()
    assert [c["name"] for c in result["columns"]] == ["客诉量", "日期", "新增注册", "DAU"]
    assert any("客诉数量" in w and "客诉量" in w for w in result["warnings"])
    assert any("DAU" in w for w in result["warnings"])
    assert (result["added"], result["updated"], result["unchanged"]) == (1, 1, 0)
    assert result["corrections"] == [{"key": "2026-11-02", "column": "客诉量", "old": 4, "new": 5}]
    assert read_rows(db, "日报") == [
        {"日期": "2026-11-01", "新增注册": 10, "客诉量": 3, "DAU": None},
        {"日期": "2026-11-02", "新增注册": 11, "客诉量": 5, "DAU": 900},
        {"日期": "2026-11-03", "新增注册": 12, "客诉量": 6, "DAU": 950},
    ]


def test_create_dataset_from_rows_and_series(db):
    create_dataset_from_rows(db, "渠道日报", ["日期", "渠道", {"name": "花费", "type": "money"}, "转化率"], [
        ["2026-11-01", "应用宝", "¥1,200.50", "12.5%"],
        ["2026-11-01", "小米商店", "1.2万", "10%"],
        ["2026-11-02", "应用宝", "-", "N/A"],
        ["2026-11-02", "小米商店", "800", "11%"],
    ])
    info = get_dataset(db, "渠道日报")
    assert info.key_columns == ["日期", "渠道"]
    assert [(c.name, c.type, c.role) for c in info.columns] == [
        ("日期", "date", "key"), ("渠道", "text", "key"), ("花费", "money", "metric"), ("转化率", "percent", "metric")]
    assert read_series(db, "渠道日报", "花费") == [("2026-11-01", 13200.5), ("2026-11-02", 800.0)]
    assert read_series(db, "渠道日报", "转化率", dimension={"渠道": "应用宝"}) == [("2026-11-01", 0.125),
                                                                              ("2026-11-02", None)]


def test_cli_import_json_datasets_and_check(tmp_path, capsys, report_files):
    core = report_files.core
    db = str(tmp_path / "w.db")
    assert main(["import", "--db", db, "--json", str(core.early)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload) == ["file", "sheet", "dataset", "header_rows", "columns", "rows", "skipped", "sample",
                             "added", "updated", "unchanged", "corrections", "removed", "replaced", "warnings"]
    first, last, days = core.early_rows[0], core.early_rows[-1], len(core.early_rows)
    assert payload["sample"][0][:2] == [first["日期"].isoformat(), first["新增注册"]]
    assert payload["skipped"] == [{"row": core.early_totals_row, "reason": "totals row"}]
    assert main(["import", "--db", db, "--dry-run", "--json", str(core.late)]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert (dry["added"], dry["updated"], dry["unchanged"]) == late_export_counts(core)
    assert main(["datasets", "--db", db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(d["name"], d["rows"], d["date_min"], d["date_max"]) for d in listed] == [
        ("核心指标日报", days, first["日期"].isoformat(), last["日期"].isoformat())]
    assert main(["check", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["datasets"] == [{"name": "核心指标日报", "rows": days}]


def test_key_unique_in_the_sample_but_not_the_file_falls_back_to_row_content(db):
    from datetime import date, timedelta

    rows = [[(date(2000, 1, 1) + timedelta(days=n)).isoformat(), n] for n in range(5200)]
    rows.append([rows[0][0], 99])  # the first date again, past the 5,000-row sample
    result = import_rows_plain(db, rows)
    info = get_dataset(db, "长表")
    assert info.key_columns == [] and info.rows == 5201
    assert any("repeats" in w for w in result.warnings)


def import_rows_plain(db, rows):
    from workbench.reports.importer import import_rows

    return import_rows(db, "长表", ["日期", "数量"], rows)


def test_progress_and_cancel_are_checked_during_the_row_pass(db, tmp_path, report_files):
    """Progress is reported every few thousand rows, and a cancel there stops the pass at once
    (not after the last row): nothing is written."""
    import_file(db, report_files.core.early)
    before = snapshot(db)
    path = tmp_path / "核心指标日报_long.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("日期,新增注册,客诉量\n")
        for n in range(20000):
            handle.write(f"{1950 + n // 365}-{1 + n % 12:02d}-{1 + n % 28:02d},{n},{n % 9}\n")
    reported = []
    with pytest.raises(ImportCancelled):
        import_file(db, path, dataset="长表", progress=lambda done, total: reported.append(done),
                    cancelled=lambda: len(reported) >= 2)
    assert reported == [1, 5001]  # row 1 is the header: data rows start at index 1
    assert snapshot(db) == before


def test_a_key_repeated_in_an_update_keeps_the_later_row(db, tmp_path):
    """Re-importing into a keyed dataset: a key the file repeats is stored once with the later
    row's values (an update for a stored key, an addition for a new one), and the repeats are warned."""
    first, second = tmp_path / "日报_1.csv", tmp_path / "日报_2.csv"
    first.write_text("日期,新增注册\n2026-01-01,1\n2026-01-02,2\n2026-01-03,3\n", encoding="utf-8")
    second.write_text("日期,新增注册\n2026-01-01,1\n2026-01-02,5\n2026-01-04,8\n2026-01-02,7\n2026-01-04,9\n",
                      encoding="utf-8")
    import_file(db, first, dataset="日报")
    result = import_file(db, second, dataset="日报")
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    assert any("2 rows repeat the key (日期)" in w for w in result.warnings)
    assert [r["新增注册"] for r in read_rows(db, "日报")] == [1, 7, 3, 9]
