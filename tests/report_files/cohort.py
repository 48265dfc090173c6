"""新增用户留存: a cohort triangle (one row per first-launch day, 2026-10-01 – 2026-11-22).

Sheet 新增留存, header in row 1: 首次启动日期 (dates shown yyyy/m/d), 新增用户, then the share of the
cohort still active on day 1 … 7, 14 and 30 (fractions formatted 0.0%). A cell is blank where the
day was not observed yet on the export day (the cohort's day + N is after LAST_DAY), so the last row
holds no share at all.

Content: shares decay smoothly (± 1.5 % of their value), except DIP: the cohort of the release's
first day kept far fewer users on day 1.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from tests.report_files.excel_saved import save_like_excel

FIRST_DAY, LAST_DAY = date(2026, 10, 1), date(2026, 11, 22)
DAYS = [1, 2, 3, 4, 5, 6, 7, 14, 30]
SHARE_ON_DAY = {1: 0.41, 2: 0.32, 3: 0.275, 4: 0.25, 5: 0.23, 6: 0.215, 7: 0.20, 14: 0.16, 30: 0.12}
DIP = (date(2026, 10, 20), "第1天", 0.28)


@dataclass(frozen=True)
class Cohort:
    path: Path
    rows: list[dict]     # {"首次启动日期": date, "新增用户": int, "第1天": share or None, …}

    dip_day, dip_column, dip_share = DIP

    @property
    def columns(self) -> list[str]:
        return list(self.rows[0])


def _share(rng: random.Random, cohort_day: date, n: int) -> float | None:
    if cohort_day + timedelta(days=n) > LAST_DAY:
        return None
    if (cohort_day, f"第{n}天") == DIP[:2]:
        return DIP[2]
    return SHARE_ON_DAY[n] * rng.uniform(0.985, 1.015)


def write_cohort(folder: Path) -> Cohort:
    rng = random.Random(20261001)
    rows = []
    for offset in range((LAST_DAY - FIRST_DAY).days + 1):
        day = FIRST_DAY + timedelta(days=offset)
        row = {"首次启动日期": day, "新增用户": rng.randint(1600, 2400)}
        row.update({f"第{n}天": _share(rng, day, n) for n in DAYS})
        rows.append(row)
    book = Workbook()
    sheet = book.active
    sheet.title = "新增留存"
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
        sheet.cell(sheet.max_row, 1).number_format = "yyyy/m/d"
        for column in range(3, len(row) + 1):
            sheet.cell(sheet.max_row, column).number_format = "0.0%"
    path = folder / f"新增用户留存_{FIRST_DAY}_{LAST_DAY}.xlsx"
    return Cohort(save_like_excel(book, path), rows)
