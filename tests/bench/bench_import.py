"""Benchmark: importing a 200k-row × 12-column export vs python-calamine alone reading it.

Both run as whole processes (interpreter start, imports, reading; the import also detects, types and
writes SQLite) in the same run, alternating, 3 rounds; medians are printed with the ratio (target
≤ 1.5×) and the peak RSS of the import process (target < 400 MB). Then a re-import of the same file
(all rows unchanged) against the first import. Run: pytest tests/bench/bench_import.py -s
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

ROWS = int(os.environ.get("BENCH_ROWS", "200000"))
ROUNDS = 3
CHANNELS = ["应用宝", "华为应用市场", "小米商店", "OPPO软件商店", "vivo应用商店", "百度搜索", "抖音信息流", "老带新"]
CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆"]

CALAMINE_ONLY = """
import sys, python_calamine
wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
n = 0
for row in wb.get_sheet_by_index(0).iter_rows():
    n += 1
print(n)
"""

IMPORT = """
import sys
from workbench import schema
from workbench.store import open_database
from workbench.reports.importer import import_file
schema.register()
db = open_database(sys.argv[2])
r = import_file(db, sys.argv[1], dataset="bench")
print(r.rows, r.added, r.updated, r.unchanged)
"""


def make_export(path: Path, rows: int) -> None:
    """Dates, Chinese text, counts, amounts, rates and blanks, with a title row like a BI export."""
    from openpyxl import Workbook

    rng = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("明细")
    sheet.append(["订单明细导出"])
    sheet.append(["订单号", "日期", "渠道", "城市", "商品", "下单人数", "订单数", "件数", "金额(元)",
                  "优惠(元)", "转化率", "备注"])
    start = date(2026, 1, 1)
    for n in range(rows):
        sheet.append([f"D{n:08d}", start + timedelta(days=n % 320), rng.choice(CHANNELS), rng.choice(CITIES),
                      f"商品{rng.randrange(300)}", rng.randrange(1, 500), rng.randrange(1, 900), rng.randrange(1, 2000),
                      round(rng.uniform(10, 90000), 2), round(rng.uniform(0, 500), 2) if n % 7 else None,
                      round(rng.random(), 4), "加急" if n % 13 == 0 else None])
    book.save(path)


def run(code: str, *args: str) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB, stdout) of a whole Python process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read()
    err = proc.stderr.read()
    assert os.waitstatus_to_exitcode(status) == 0, err
    return elapsed, usage.ru_maxrss // 1024, out.strip()


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    cached = Path(os.environ.get("BENCH_CACHE", "/tmp")) / f"bench_import_{ROWS}.xlsx"
    if not cached.exists():
        make_export(cached, ROWS)
    return cached


def test_import_vs_calamine(export, tmp_path):
    calamine, imports, reimports, rss = [], [], [], []
    for n in range(ROUNDS):
        seconds, _, out = run(CALAMINE_ONLY, str(export))
        calamine.append(seconds)
        db = tmp_path / f"bench{n}.db"
        seconds, peak, out = run(IMPORT, str(export), str(db))
        imports.append(seconds)
        rss.append(peak)
        assert out.split()[:2] == [str(ROWS), str(ROWS)]
        seconds, peak2, out = run(IMPORT, str(export), str(db))
        reimports.append(seconds)
        rss.append(peak2)
        assert out.split() == [str(ROWS), "0", "0", str(ROWS)]
    base, first, again = statistics.median(calamine), statistics.median(imports), statistics.median(reimports)
    print(f"\n{ROWS} rows × 12 columns, {ROUNDS} rounds (medians)")
    print(f"  calamine alone (process): {base:.2f} s")
    print(f"  import into a new dataset: {first:.2f} s  ratio {first / base:.2f}× (target ≤ 1.5×)")
    print(f"  re-import, all unchanged:  {again:.2f} s  ratio to first import {again / first:.2f}× (target ≤ 1.0×)")
    print(f"  peak RSS of the import processes: {max(rss)} MB (target < 400 MB)")
    assert max(rss) < 400


MAX_ROWS = 1_048_576
BIG_IMPORT = """
import resource, sys
from workbench import schema
from workbench.store import open_database
from workbench.reports.importer import import_file
schema.register()
r = import_file(open_database(sys.argv[2]), sys.argv[1])
print(r.rows, r.added, any("1,048,576" in w for w in r.warnings))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_excel_row_limit_in_bounded_memory(tmp_path):
    import time
    started = time.perf_counter()
    """1,048,576 lines (Excel's limit, so probably a cut-off export): imported, warned, under 400 MB."""
    path = tmp_path / "百万行.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("日期,渠道,数量\n")
        for n in range(MAX_ROWS - 1):
            handle.write(f"2026-{1 + n % 12:02d}-{1 + n % 28:02d},渠道{n % 7},{n}\n")
    done = subprocess.run([sys.executable, "-c", BIG_IMPORT, str(path), str(tmp_path / "big.db")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.split("\n")[:2]
    assert first.split() == [str(MAX_ROWS - 1), str(MAX_ROWS - 1), "True"]
    print(f"\n1,048,576-line CSV: {time.perf_counter() - started:.1f} s including writing it, peak RSS {second} MB")
    assert int(second) < 400
