"""AARRR漏斗_周: the weekly AARRR funnel, one row per ISO week 2026-W36 – 2026-W47, header in row 1.

Each stage holds fewer users than the one before (获取 → 激活 → 留存 → 收入 → 推荐)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from tests.report_files.excel_saved import save_like_excel

COLUMNS = ["周次", "获取(下载)", "激活(注册)", "留存(7日仍活跃)", "收入(首借)", "推荐(邀请成功)"]
WEEKS = [f"2026-W{n}" for n in range(36, 48)]


@dataclass(frozen=True)
class Funnel:
    path: Path
    rows: list[dict]


def write_funnel(folder: Path) -> Funnel:
    rng = random.Random(202636)
    rows = []
    for week in WEEKS:
        downloads = rng.randint(30000, 42000)
        registered = round(downloads * rng.uniform(0.38, 0.45))
        retained = round(registered * rng.uniform(0.21, 0.26))
        first_loans = round(retained * rng.uniform(0.60, 0.78))
        referred = round(first_loans * rng.uniform(0.05, 0.09))
        rows.append(dict(zip(COLUMNS, [week, downloads, registered, retained, first_loans, referred])))
    book = Workbook()
    sheet = book.active
    sheet.title = "AARRR漏斗"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(list(row.values()))
    path = folder / "AARRR漏斗_周.xlsx"
    return Funnel(save_like_excel(book, path), rows)
