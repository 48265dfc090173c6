"""用户明细: the user list export of 2026-11-22, 5,000 users, sheet 用户明细, header in row 1.

用户ID U20250001 …, 手机号 masked by the lender (179****5462), 注册渠道, 注册时间 and 最近登录时间 as
datetime cells to the minute, 借款次数, 累计借款金额 (whole yuan),
当前在贷 是/否, 最长逾期天数, 用户状态 (未借款 / 在贷 / 逾期 / 已结清, following the other columns).
Loans, their amounts and the last login are drawn independently, so every RFM segment has members."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from tests.report_files.excel_saved import save_like_excel

COLUMNS = ["用户ID", "手机号", "注册渠道", "注册时间", "最近登录时间", "借款次数", "累计借款金额", "当前在贷", "最长逾期天数",
           "用户状态"]
COUNT = 5000
CHANNELS = ["应用宝", "华为应用市场", "小米商店", "OPPO软件商店", "vivo应用商店", "抖音信息流", "百度搜索", "微信朋友圈广告",
            "线下地推", "老带新"]
PREFIXES = ["130", "132", "133", "134", "135", "136", "138", "139", "153", "155", "176", "179", "183", "184", "185", "188"]
FIRST_SIGN_UP, EXPORTED = datetime(2025, 1, 1), datetime(2026, 11, 22, 23, 59)


@dataclass(frozen=True)
class UserList:
    path: Path
    rows: list[dict]


def _minute_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(minutes=rng.randint(0, int((end - start).total_seconds() // 60)))


def _user(rng: random.Random, n: int) -> dict:
    signed_up = _minute_between(rng, FIRST_SIGN_UP, datetime(2026, 11, 20))
    loans = 0 if rng.random() < 0.3 else rng.randint(1, 10)
    amount = sum(rng.randint(1, 20) * 500 for _ in range(loans))
    owing = loans > 0 and rng.random() < 0.5
    overdue = rng.randint(1, 120) if owing and rng.random() < 0.08 else 0
    state = "未借款" if not loans else "逾期" if overdue else "在贷" if owing else "已结清"
    return {"用户ID": f"U2025{n:04d}", "手机号": f"{rng.choice(PREFIXES)}****{rng.randint(0, 9999):04d}",
            "注册渠道": rng.choice(CHANNELS), "注册时间": signed_up,
            "最近登录时间": _minute_between(rng, signed_up, EXPORTED), "借款次数": loans, "累计借款金额": amount,
            "当前在贷": "是" if owing else "否", "最长逾期天数": overdue, "用户状态": state}


def write_user_list(folder: Path) -> UserList:
    rng = random.Random(20261122)
    rows = [_user(rng, n) for n in range(1, COUNT + 1)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("用户明细")
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(list(row.values()))
    path = folder / "用户明细导出_20261122.xlsx"
    return UserList(save_like_excel(book, path), rows)
