"""Issue 14, part 5: the default (masked) weekly review export masks a phone typed into a task title or
the operator's own review text in every sheet; --unmasked writes it in full, and both are audited."""
from __future__ import annotations

from datetime import datetime

from python_calamine import CalamineWorkbook

from review_seed import TODAY, WEEK, seed_week
from workbench import audit
from workbench.cli import main
from workbench.review.repository import save_section
from workbench.tasks.repository import create_task

TYPED, SHOWN = "回访 @13812345678 额度问题", "回访 @138****5678 额度问题"
FULL, MASKED = "13812345678", "138****5678"


def _sheet(path, name) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def test_default_weekly_export_masks_task_titles_and_every_text_cell(db, db_path, tmp_path):
    seed_week(db)
    create_task(db, TYPED, important=True, due="2026-11-18", now=datetime(2026, 11, 17, 9, 0))
    save_section(db, WEEK, "lessons", f"王芳 {FULL} 的案例值得复盘", now=datetime(2026, 11, 24, 9, 0))
    masked, full = tmp_path / "周复盘.xlsx", tmp_path / "周复盘_完整.xlsx"
    assert main(["export-week", "--db", str(db_path), "--week", WEEK.label, "--out", str(masked),
                 "--now", f"{TODAY.isoformat()}T09:00"]) == 0
    titles = [row[1] for row in _sheet(masked, "任务")[1:]]
    assert SHOWN in titles and TYPED not in titles
    overview = "\n".join(str(cell) for row in _sheet(masked, "概览") for cell in row)
    assert f"王芳 {MASKED} 的案例" in overview and FULL not in overview
    assert main(["export-week", "--db", str(db_path), "--week", WEEK.label, "--out", str(full), "--unmasked",
                 "--now", f"{TODAY.isoformat()}T09:00"]) == 0
    assert TYPED in [row[1] for row in _sheet(full, "任务")[1:]]
    assert [(e["action"], e["masked"]) for e in audit.entries(db)] == [(audit.EXPORT, 0), (audit.EXPORT, 1)]
