"""Importing a user list from an Excel/CSV export (用户明细导出): map columns, de-duplicate on the
user id or the phone, keep every other column as the user's imported attributes.

Files are read with the import engine's readers (workbench/sheets/readers.py: sniffing, calamine,
CSV encodings), so both importers accept the same files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.contacts.users import MatchReport, find_or_create_users
from workbench.errors import UserError

if TYPE_CHECKING:
    from sqlite_utils import Database

FIELDS = ("external_id", "name", "phone", "wechat", "channel", "stage", "tags")
# Header words that name each field (compared after removing spaces, lower-cased).
HEADER_WORDS = {
    "external_id": ["用户id", "用户编号", "客户id", "会员id", "uid", "userid", "user_id", "id"],
    "name": ["姓名", "用户名", "客户姓名", "名字", "真实姓名", "昵称", "name"],
    "phone": ["手机号", "手机号码", "手机", "电话", "联系电话", "phone", "mobile"],
    "wechat": ["微信", "微信号", "wechat"],
    "channel": ["注册渠道", "渠道", "来源渠道", "来源", "channel"],
    "stage": ["生命周期", "生命周期阶段", "阶段", "stage"],
    "tags": ["标签", "tags"],
}
MAX_HEADER_SCAN = 20


@dataclass
class UserList:
    path: Path
    headers: list[str]
    rows: list[list]
    mapping: dict[str, int]  # field -> column index (guessed; the dialog lets the operator change it)
    row_numbers: list[int] = field(default_factory=list)  # each row's line in the file (1-based), for messages


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    matched: int = 0
    updated: int = 0
    user_ids: list[int] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    enrolled: int = 0
    phone_warning: tuple[str, str] | None = None  # (zh, en): the rows whose phone is not a valid mobile


def invalid_phone_sentence(rows: list[int], shown: int = 10) -> tuple[str, str] | None:
    """One sentence naming the file rows whose phone is not a valid mainland mobile (None when none)."""
    if not rows:
        return None
    more = "…" if len(rows) > shown else ""
    zh_rows, en_rows = "、".join(map(str, rows[:shown])) + more, ", ".join(map(str, rows[:shown])) + more
    return (f"{len(rows)} 行的手机号不是有效的大陆手机号（第 {zh_rows} 行），已照常导入，请核对。",
            f"{len(rows)} row{'s' if len(rows) > 1 else ''} ha{'ve' if len(rows) > 1 else 's'} a phone that is not a "
            f"valid mainland mobile number (row{'s' if len(rows) > 1 else ''} {en_rows}); imported anyway, please check.")


def _cell_text(value) -> object:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _header_row(rows: list[list]) -> int:
    """The first row that looks like a header: mostly text and as wide as the table."""
    widest = max((sum(1 for v in r if v not in ("", None)) for r in rows[:MAX_HEADER_SCAN]), default=0)
    for index, row in enumerate(rows[:MAX_HEADER_SCAN]):
        filled = [v for v in row if v not in ("", None)]
        if filled and len(filled) >= 0.8 * widest and all(isinstance(v, str) for v in filled):
            return index
    return 0


def guess_mapping(headers: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    keys = [re.sub(r"\s+", "", h or "").lower() for h in headers]
    for name, words in HEADER_WORDS.items():
        for word in words:  # earlier words are the better names
            if word in keys and keys.index(word) not in mapping.values():
                mapping[name] = keys.index(word)
                break
    return mapping


def read_user_list(path: str | Path, sheet: str | None = None) -> UserList:
    from workbench.sheets.file_sniff import sniff
    from workbench.sheets.readers import open_workbook

    path = Path(path)
    if not path.exists():
        raise UserError(f"找不到文件：{path}", f"The file does not exist: {path}")
    book = open_workbook(sniff(path))
    try:
        visible = [s.name for s in book.sheets if not s.hidden] or [s.name for s in book.sheets]
        raw = [list(r) for r in book.sheet(sheet or visible[0]).rows()]
    finally:
        book.close()
    if not raw:
        raise UserError(f"{path.name} 是空的。", f"{path.name} is empty.")
    at = _header_row(raw)
    headers = [str(h).strip() if h not in (None, "") else f"列{i + 1}" for i, h in enumerate(raw[at])]
    kept = [(number, r) for number, r in enumerate(raw[at + 1:], start=at + 2) if any(v not in ("", None) for v in r)]
    rows, row_numbers = [r for _n, r in kept], [n for n, _r in kept]
    mapping = guess_mapping(headers)
    if "external_id" not in mapping and "phone" not in mapping and "name" not in mapping:
        raise UserError(f"{path.name} 里找不到用户ID、手机号或姓名列，请在导入时指定。",
                        f"{path.name} has no user id, phone or name column; choose one when importing.")
    return UserList(path, headers, rows, mapping, row_numbers)


def to_user_rows(user_list: UserList, mapping: dict[str, int] | None = None) -> list[dict]:
    mapping = mapping if mapping is not None else user_list.mapping
    mapped = set(mapping.values())
    result = []
    for row in user_list.rows:
        values = [_cell_text(v) for v in row] + [""] * (len(user_list.headers) - len(row))
        item = {name: values[index] for name, index in mapping.items() if values[index] not in ("", None)}
        if "tags" in item:
            item["tags"] = [t for t in re.split(r"[,，;；、\s]+", str(item["tags"])) if t]
        item["attributes"] = {user_list.headers[i]: v for i, v in enumerate(values[:len(user_list.headers)])
                              if i not in mapped and v not in ("", None)}
        result.append(item)
    return result


def import_user_list(db: Database, path: str | Path, *, mapping: dict[str, int] | None = None,
                     sequence_id: int | None = None, now: datetime) -> ImportResult:
    """Read, de-duplicate and store a user list; optionally start a recall sequence for all of it."""
    user_list = read_user_list(path)
    rows = to_user_rows(user_list, mapping)
    report = MatchReport()
    find_or_create_users(db, rows, now=now, report=report)
    result = ImportResult(rows=len(rows), created=report.created, matched=report.matched, updated=report.updated,
                          user_ids=report.ids, warnings=report.warnings,
                          phone_warning=invalid_phone_sentence([user_list.row_numbers[n - 1] for n in report.invalid_phone_rows]))
    if sequence_id is not None:
        from workbench.contacts.sequences import start_sequence

        result.enrolled = len(start_sequence(db, sequence_id, report.ids, list_name=Path(path).name, now=now))
    return result
