"""The same channel-day table exported twice, as two tools write it:
  渠道日报_2026-11.xlsx: 日期 as date cells, 支付转化率 as fractions formatted 0.00%;
  渠道日报_2026-11_UTF8BOM.csv: 日期 as Chinese dates (2026年11月16日), 支付转化率 as text ('12.34%').
Both name the dataset 渠道日报 and hold the same rows, so importing the second after the first changes
nothing once both are read right."""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

COLUMNS = ["日期", "渠道", "访客数", "支付转化率", "客单价"]
CHANNELS = ["应用宝", "华为应用市场", "抖音信息流"]
FIRST_DAY, DAYS = date(2026, 11, 16), 7


@dataclass(frozen=True)
class PercentPair:
    xlsx: Path
    csv: Path
    rows: list[dict]


def write_percent_pair(folder: Path) -> PercentPair:
    rng = random.Random(20261116)
    rows = [{"日期": FIRST_DAY + timedelta(days=n), "渠道": channel, "访客数": rng.randint(2000, 40000),
             "支付转化率": rng.randint(300, 1500) / 10000, "客单价": rng.randint(3000, 9000) / 100}
            for n in range(DAYS) for channel in CHANNELS]
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(list(row.values()))
        sheet.cell(sheet.max_row, 1).number_format = "yyyy-mm-dd"
        sheet.cell(sheet.max_row, 4).number_format = "0.00%"
    xlsx = folder / "渠道日报_2026-11.xlsx"
    book.save(xlsx)
    text = folder / "渠道日报_2026-11_UTF8BOM.csv"
    with open(text, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            day = row["日期"]
            writer.writerow([f"{day.year}年{day.month}月{day.day}日", row["渠道"], row["访客数"],
                             f"{row['支付转化率'] * 100:.2f}%", row["客单价"]])
    return PercentPair(xlsx, text, rows)
