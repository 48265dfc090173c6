"""Everything the app writes in a real CLI session: folders 0700, files 0600 (even with umask 022),
no mainland mobile number in default exports or logs, unmasked exports recorded in the audit log;
exports of hostile strings reopen in openpyxl and python-calamine with no formula cells."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from tests.conftest import PINNED_NOW

# not after a digit or a decimal point: 0.19444444445 in a rate cell is not a phone number
PHONE = re.compile(rb"(?<![\d.])1[3-9]\d{9}(?!\d)")


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "workbench", *args, "--db", str(db)], capture_output=True,
                            text=True, timeout=300, env=dict(os.environ, LANG="C.UTF-8"),
                            preexec_fn=lambda: os.umask(0o022))  # the usual umask: files would come out 0644
    assert result.returncode == 0, result.stderr
    return result


def readable_text(path: Path) -> bytes:
    """The bytes a reader of the file would see (xlsx: every XML part unzipped)."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return path.read_bytes()


@pytest.fixture(scope="module")
def session(tmp_path_factory, report_files):
    folder = tmp_path_factory.mktemp("session") / "数据"  # created by the app itself
    db = folder / "workbench.db"
    cli("demo", "--today", "2026-11-25", db=db)
    cli("backup", db=db)
    cli("import", str(report_files.core.late), db=db)
    exports = folder / "exports"
    exports.mkdir(mode=0o755)
    os.chmod(exports, 0o755)
    cli("export-week", "--week", "2026-W48", "--out", str(exports / "周复盘.xlsx"), db=db)
    cli("users", "export", str(exports / "用户.csv"), db=db)
    unmasked = folder.parent / "unmasked"
    unmasked.mkdir()
    cli("export-week", "--week", "2026-W48", "--unmasked", "--out", str(unmasked / "周复盘-完整.xlsx"), db=db)
    cli("users", "export", "--unmasked", str(unmasked / "用户-完整.csv"), db=db)
    from workbench.crash_report import write_crash_log

    try:
        raise RuntimeError("failed while calling 13800138000")
    except RuntimeError as exc:
        write_crash_log(folder, type(exc), exc, exc.__traceback__, now=PINNED_NOW)
    return folder, db, exports, unmasked


def test_every_folder_is_0700_and_every_file_0600(session):
    folder, _, exports, _ = session
    wrong = []
    for path in [folder, *folder.rglob("*")]:
        if path == exports:
            continue  # made by the test with 0755, like a folder the operator chose
        mode = path.stat().st_mode & 0o777
        if path.is_dir() and mode != 0o700 or path.is_file() and mode != 0o600:
            wrong.append(f"{path.relative_to(folder.parent)} {mode:o}")
    assert wrong == []
    kinds = {p.suffix or p.name for p in folder.rglob("*") if p.is_file()}
    assert {".db", ".log", ".xlsx", ".csv"} <= kinds, kinds


def test_default_exports_and_logs_hold_no_mobile_number(session):
    folder, db, exports, unmasked = session
    checked = [p for p in [*exports.iterdir(), *(folder / "logs").iterdir()] if p.is_file()]
    assert len(checked) >= 3
    leaks = {p.name: PHONE.findall(readable_text(p))[:3] for p in checked if PHONE.search(readable_text(p))}
    assert leaks == {}
    full = [p for p in unmasked.iterdir()]
    assert all(PHONE.search(readable_text(p)) for p in full), "the unmasked exports really hold numbers (the check works)"


def test_unmasked_exports_are_in_the_audit_log(session):
    _, db, _, _ = session
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT action, detail, rows, masked FROM audit_log ORDER BY id").fetchall()
    conn.close()
    unmasked = [r for r in rows if r[3] == 0]
    assert any("周复盘" in r[1] for r in unmasked), rows
    assert any("用户" in r[1] or ".csv" in r[1] for r in unmasked), f"users export --unmasked is not audited: {rows}"
    assert all(r[2] > 0 for r in unmasked)


# --- hostile strings going out --------------------------------------------------------------------
HOSTILE = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "垂直\x0b制表", "响铃\x07",
           "👍🏽 مرحبا \u202e", "长" * 40_000]
# A lone surrogate cannot even be stored (sqlite3 raises UnicodeEncodeError); see the report.


def test_the_weekly_export_of_hostile_strings_reopens_with_no_formula(db, tmp_path):
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.users import create_user
    from workbench.review.export_xlsx import export_week
    from workbench.review.weeks import IsoWeek
    from workbench.tasks.repository import complete_task, create_task

    user = create_user(db, name="=cmd|'/C calc'!A0", phone="13800138000", now=PINNED_NOW)
    for text in HOSTILE:
        log_contact(db, user_id=user, summary=text, at=datetime(2026, 11, 24, 10), now=datetime(2026, 11, 24, 10))
        task = create_task(db, text[:200] or "x", now=PINNED_NOW)
        complete_task(db, task if isinstance(task, int) else task.id, now=datetime(2026, 11, 24, 11))
    out = tmp_path / "周复盘.xlsx"
    export_week(db, IsoWeek.parse("2026-W48"), out, today=datetime(2026, 11, 25).date())
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    book = openpyxl.load_workbook(out)
    texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert any(t.startswith("=HYPERLINK") for t in texts), "the text is kept, as text"
    assert all(len(t) <= 32_767 for t in texts)
    assert not any(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", t) for t in texts)
    calamine_texts = [v for name in CalamineWorkbook.from_path(str(out)).sheet_names
                      for row in CalamineWorkbook.from_path(str(out)).get_sheet_by_name(name).to_python()
                      for v in row if isinstance(v, str)]
    assert any(t.startswith("=HYPERLINK") for t in calamine_texts)
    assert out.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".周复盘-*")), "no temporary file left beside it"


def test_the_users_csv_export_neutralises_formulas(db, tmp_path):
    import csv

    from workbench.contacts.user_export import export_users_csv
    from workbench.contacts.users import create_user

    for n, text in enumerate(HOSTILE[:5]):
        create_user(db, name=text, phone=f"1380013800{n}", wechat="@wx" + str(n), now=PINNED_NOW)
    out = tmp_path / "users.csv"
    export_users_csv(db, out, unmasked=False)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "utf-8-sig so Excel shows Chinese"
    cells = [cell for row in csv.reader(raw.decode("utf-8-sig").splitlines()) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "every formula-looking cell starts with '"
    assert not PHONE.search(raw)
