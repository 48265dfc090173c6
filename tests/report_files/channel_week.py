"""渠道周报: the channel weekly report for 2026-W47, as the marketing team lays it out by hand.

Row 1: a title merged across the table that names the week in Chinese dates
("…2026年第47周（2026年11月16日—2026年11月22日）": the only place the period is written).
Rows 2–3: a two-level header; 投放 is merged over 花费(元)/曝光/点击, 转化 over 注册/授信/首借/注册→首借转化率,
and 渠道, 获客成本CAC(元), 备注 are merged down over both rows.
Then one row per channel: spend (¥#,##0), counts, the conversion rate as a fraction (0.0%), CAC to one
decimal, or the text '-' for the unpaid channels (spend 0), and 备注 text on a few channels only.
Then a 总计 row of SUM formulas (saved with their results), a blank row, and a footnote (注：…).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.report_files.excel_saved import save_like_excel

WEEK_START, WEEK_END = date(2026, 11, 16), date(2026, 11, 22)
TITLE = "渠道投放与转化周报  2026年第47周（2026年11月16日—2026年11月22日）"
PAID = ["应用宝", "华为应用市场", "小米商店", "OPPO软件商店", "vivo应用商店", "抖音信息流", "百度搜索", "微信朋友圈广告"]
UNPAID = {"线下地推": "地推费用计入市场部", "老带新": "邀请返现活动第2周"}
NOTES = {"抖音信息流": "素材更新，CTR回升"}
COLUMNS = ["渠道", "花费(元)", "曝光", "点击", "注册", "授信", "首借", "注册→首借转化率", "获客成本CAC(元)", "备注"]
# the names the importer gives the flattened two-level header
IMPORTED_NAMES = ["渠道", "投放·花费(元)", "投放·曝光", "投放·点击", "转化·注册", "转化·授信", "转化·首借",
                  "转化·注册→首借转化率", "获客成本CAC(元)", "备注"]


@dataclass(frozen=True)
class ChannelWeek:
    path: Path
    rows: list[dict]          # {column of COLUMNS: value}; CAC '-' and 备注 None as written
    week_start = WEEK_START

    @property
    def totals_row(self) -> int:
        return 3 + len(self.rows) + 1


def _channel(rng: random.Random, name: str) -> dict:
    spend = rng.randint(20000, 170000) if name in PAID else 0
    shown = spend * rng.randint(8, 20) if spend else 0
    clicks = round(shown * rng.uniform(0.01, 0.03))
    registered = rng.randint(800, 2600)
    approved = round(registered * rng.uniform(0.28, 0.38))
    first_loans = round(approved * rng.uniform(0.52, 0.66))
    return {"渠道": name, "花费(元)": spend, "曝光": shown, "点击": clicks, "注册": registered, "授信": approved,
            "首借": first_loans, "注册→首借转化率": first_loans / registered,
            "获客成本CAC(元)": round(spend / first_loans, 1) if spend else "-",
            "备注": NOTES.get(name) or UNPAID.get(name)}


def write_channel_week(folder: Path) -> ChannelWeek:
    rng = random.Random(202647)
    rows = [_channel(rng, name) for name in PAID + list(UNPAID)]
    book = Workbook()
    sheet = book.active
    sheet.title = "渠道周报"
    sheet.append([TITLE])
    sheet.append(["渠道", "投放", None, None, "转化", None, None, None, "获客成本CAC(元)", "备注"])
    sheet.append([None, *COLUMNS[1:8], None, None])
    for cells in ("A1:J1", "A2:A3", "B2:D2", "E2:H2", "I2:I3", "J2:J3"):
        sheet.merge_cells(cells)
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
        sheet.cell(sheet.max_row, 2).number_format = "¥#,##0"
        sheet.cell(sheet.max_row, 8).number_format = "0.0%"
    last = sheet.max_row
    sheet.append(["总计", *(f"=SUM({c}4:{c}{last})" for c in "BCDEFG"), None, None, None])
    sheet.append([])
    sheet.append(["注：CAC = 花费 / 首借人数；自然量渠道不计CAC。"])
    results = {f"{letter}{last + 1}": sum(r[column] for r in rows) for letter, column in zip("BCDEFG", COLUMNS[1:7])}
    path = save_like_excel(book, folder / "渠道周报_2026W47.xlsx", results)
    return ChannelWeek(path, rows)
