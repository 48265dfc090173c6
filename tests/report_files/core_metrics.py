"""核心指标日报: the BI platform's daily core metrics, exported twice with overlapping periods.

Layout of each file (sheet 核心指标): row 1 a title merged across the table, row 2 the 导出时间 line,
row 3 blank, row 4 the header, one row per day, then a 合计 row of SUM formulas saved
with their results (as Excel saves them).
Dates are date cells; 借款金额 is money with two decimals; the two retention rates are fractions
formatted as 0.00%.

Content: steady days (next-day retention 42% ± 0.5 point, 7-day retention 22% ± 0.5 point, 30–36
complaints a day), except
  - RELEASE_DAYS: a release broke the login for four days; next-day retention fell to these values;
  - COMPLAINT_SPIKE: complaints jumped to 48, far above the usual 30–36;
  - CORRECTED_DAY: the later export corrects that day's complaint count (+CORRECTION).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from tests.report_files.excel_saved import save_like_excel

COLUMNS = ["日期", "新增注册", "实名认证", "授信通过", "首借人数", "借款金额(元)", "活跃用户(DAU)", "月活跃用户(MAU)",
           "次日留存率", "7日留存率", "客诉量"]
SUMMED = ["新增注册", "实名认证", "授信通过", "首借人数", "借款金额(元)", "客诉量"]   # the 合计 row's formulas
FORMATS = {"日期": "yyyy-mm-dd", "借款金额(元)": "#,##0.00", "次日留存率": "0.00%", "7日留存率": "0.00%"}
EXPORTED_AT = "2026-11-23 09:12:33"

EARLY = (date(2026, 8, 1), date(2026, 11, 15))
LATE = (date(2026, 11, 9), date(2026, 11, 22))
RELEASE_DAYS = {date(2026, 10, 20): 0.31, date(2026, 10, 21): 0.27, date(2026, 10, 22): 0.265, date(2026, 10, 23): 0.275}
COMPLAINT_SPIKE = (date(2026, 9, 3), 48)   # a month in: a rule has weeks of steady days to compare with
CORRECTED_DAY, CORRECTION = date(2026, 11, 11), 7


@dataclass(frozen=True)
class CoreMetrics:
    early: Path                 # 2026-08-01 – 2026-11-15
    late: Path                  # 2026-11-09 – 2026-11-22: 7 days overlap the early file
    early_rows: list[dict]      # the early file's rows: {column: value}, 日期 a date
    late_rows: list[dict]       # the late file's rows, with the corrected complaint count

    release_days = RELEASE_DAYS
    complaint_spike_day = COMPLAINT_SPIKE[0]
    corrected_day = CORRECTED_DAY

    @property
    def early_totals_row(self) -> int:
        """The sheet row of the early file's 合计 line (title, 导出时间, blank, header, the days)."""
        return 4 + len(self.early_rows) + 1

    @property
    def overlap_days(self) -> list[date]:
        late_days = {r["日期"] for r in self.late_rows}
        return [r["日期"] for r in self.early_rows if r["日期"] in late_days]

    @property
    def late_only_days(self) -> list[date]:
        early_days = {r["日期"] for r in self.early_rows}
        return [r["日期"] for r in self.late_rows if r["日期"] not in early_days]

    def complaints_on(self, rows: list[dict], day: date) -> int:
        return next(r["客诉量"] for r in rows if r["日期"] == day)

    def series(self, column: str) -> dict[date, float]:
        """{day: value} as both files together say it (the late file wins where they overlap)."""
        return {r["日期"]: r[column] for r in self.early_rows + self.late_rows}

    def trailing_mean(self, column: str, day: date, window: int = 7) -> float:
        """The mean of the `window` days before `day`: what a 'vs the trailing mean' rule compares with."""
        values = self.series(column)
        return sum(values[day - timedelta(days=n)] for n in range(1, window + 1)) / window


def _day_row(rng: random.Random, day: date) -> dict:
    registered = rng.randint(1700, 2800)
    verified = round(registered * rng.uniform(0.62, 0.70))
    approved = round(verified * rng.uniform(0.46, 0.52))
    first_loans = round(approved * rng.uniform(0.54, 0.60))
    dau = rng.randint(48000, 72000)
    return {"日期": day, "新增注册": registered, "实名认证": verified, "授信通过": approved, "首借人数": first_loans,
            "借款金额(元)": round(first_loans * rng.uniform(2800, 3400), 2), "活跃用户(DAU)": dau,
            "月活跃用户(MAU)": round(dau * rng.uniform(3.6, 3.9)),
            "次日留存率": RELEASE_DAYS.get(day, 0.42 + rng.uniform(-0.005, 0.005)),
            "7日留存率": 0.22 + rng.uniform(-0.005, 0.005),
            "客诉量": COMPLAINT_SPIKE[1] if day == COMPLAINT_SPIKE[0] else rng.randint(30, 36)}


def _truth(first: date, last: date) -> dict[date, dict]:
    rng = random.Random(20261123)
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {day: _day_row(rng, day) for day in days}


def write_export(path: Path, rows: list[dict]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "核心指标"
    first, last = rows[0]["日期"], rows[-1]["日期"]
    sheet.append([f"核心指标日报（{first.isoformat()} 至 {last.isoformat()}）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.append([f"导出时间：{EXPORTED_AT}    数据来源：BI平台"])
    sheet.append([])
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
        for column, number_format in FORMATS.items():
            sheet.cell(sheet.max_row, COLUMNS.index(column) + 1).number_format = number_format
    last_data = sheet.max_row
    totals, results = ["合计"] + [None] * (len(COLUMNS) - 1), {}
    for column in SUMMED:
        letter = chr(ord("A") + COLUMNS.index(column))
        totals[COLUMNS.index(column)] = f"=SUM({letter}5:{letter}{last_data})"
        results[f"{letter}{last_data + 1}"] = round(sum(r[column] for r in rows), 2)
    sheet.append(totals)
    return save_like_excel(book, path, results)


def write_core_metrics(folder: Path) -> CoreMetrics:
    truth = _truth(EARLY[0], LATE[1])
    late_rows = [dict(truth[d]) for d in sorted(truth) if LATE[0] <= d <= LATE[1]]
    early_rows = [dict(truth[d]) for d in sorted(truth) if EARLY[0] <= d <= EARLY[1]]
    next(r for r in late_rows if r["日期"] == CORRECTED_DAY)["客诉量"] += CORRECTION
    early = write_export(folder / f"核心指标日报_{EARLY[0]}_{EARLY[1]}.xlsx", early_rows)
    late = write_export(folder / f"核心指标日报_{LATE[0]}_{LATE[1]}.xlsx", late_rows)
    return CoreMetrics(early, late, early_rows, late_rows)
