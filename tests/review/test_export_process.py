"""The weekly export runs in its own process (openpyxl would hold the GUI's interpreter lock): same sheet,
same masking, same audit row; cancelling writes nothing."""
from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import DEMO_TODAY
from workbench.review.export_process import export_week_in_process
from workbench.review.export_xlsx import ExportCancelled
from workbench.review.weeks import IsoWeek


def _week():
    return IsoWeek.of(DEMO_TODAY)


def test_the_sheet_is_written_by_a_child_process_with_its_audit_row(demo_db, db_path, tmp_path):
    out = tmp_path / "周复盘.xlsx"
    result = export_week_in_process(db_path, _week(), out, today=DEMO_TODAY, masked=True, should_stop=lambda: False)
    assert result.path == out and result.masked and result.rows > 0
    sheets = CalamineWorkbook.from_path(str(out)).sheet_names
    assert sheets[:2] == ["概览", "任务"]
    assert demo_db.execute("SELECT masked FROM audit_log WHERE action = 'export'").fetchall() == [(1,)]


def test_cancelling_the_child_writes_no_file(demo_db, db_path, tmp_path):
    out = tmp_path / "周复盘.xlsx"
    with pytest.raises(ExportCancelled):
        export_week_in_process(db_path, _week(), out, today=DEMO_TODAY, masked=True, should_stop=lambda: True)
    assert not out.exists()
    assert demo_db.execute("SELECT count(*) FROM audit_log WHERE action = 'export'").fetchone() == (0,)
