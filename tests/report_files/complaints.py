"""客诉工单: the customer-service tickets of 2026-11-01 – 2026-11-22 as a GBK-encoded CSV (what Excel
writes on a Chinese Windows), header in row 1.

日期 as 2026/11/01, 时间 as HH:MM, 用户ID (some users complain more than once: no column is unique),
工单类型, 内容摘要 (with full-width punctuation), 处理状态, 满意度 1–5 or blank (no answer)."""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

COLUMNS = ["日期", "时间", "用户ID", "工单类型", "内容摘要", "处理状态", "满意度"]
FIRST_DAY, DAYS = date(2026, 11, 1), 22
TICKETS = 633
TOPICS = {"额度咨询": "为什么额度从5000降到2000了", "提现到账慢": "提现两个小时还没到账，着急用钱",
          "还款问题": "想提前还款找不到入口", "验证码收不到": "换了手机号收不到验证码，没法登录",
          "催收投诉": "还没到期就打电话给我同事", "利率投诉": "实际年化和宣传的不一样"}
STATES = ["处理中", "已解决", "已升级"]


@dataclass(frozen=True)
class Complaints:
    path: Path
    rows: list[list[str]]      # as written, text cells
    encoding = "gbk"


def _ticket(rng: random.Random, n: int, users: list[str]) -> list[str]:
    day = FIRST_DAY + timedelta(days=n * DAYS // TICKETS)
    topic = rng.choice(list(TOPICS))
    score = "" if rng.random() < 0.1 else str(rng.randint(1, 5))
    return [day.strftime("%Y/%m/%d"), f"{rng.randint(9, 20):02d}:{rng.randint(0, 59):02d}", rng.choice(users),
            topic, TOPICS[topic], rng.choice(STATES), score]


def write_complaints(folder: Path) -> Complaints:
    rng = random.Random(202611)
    users = [f"U2025{n:04d}" for n in rng.sample(range(1, 5001), 580)]  # 633 tickets from 580 users
    rows = [_ticket(rng, n, users) for n in range(TICKETS)]
    path = folder / "客诉工单_202611_GBK.csv"
    with open(path, "w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return Complaints(path, rows)
