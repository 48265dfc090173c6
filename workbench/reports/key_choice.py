"""Which columns identify a row of a report, so that a re-export updates rows instead of adding them.

Uniqueness in one file is not identity: next month's export may hold the same buyer, the same amount
or the same minute again. A key is chosen only on two kinds of evidence:
  - an identifier column: a header that means id / number (订单号, 编号, 用户ID, code …) AND values
    shaped like ids (one token of letters and digits, of steady length), unique in the sample, AND
    the row's own id: the table's first column (a user list's 用户ID) or a document number
    (订单号, 流水号 …) — a ticket list's 用户ID names the user, who may write again next month;
  - the grain of a metrics report: a period (a date column, a period taken from the title, week or
    month labels) plus the label columns that make its rows unique, in a table whose other columns
    are all numbers (or mostly blank notes).
Never a person's name, free text, an amount or a time alone. When neither holds, the dataset has no
key: a re-export replaces the rows of the period it covers (dataset_tables.replace_rows), and the
import dialog lets the operator pick a key with a preview of what it would merge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from workbench.reports import column_types as ct

NUMERIC = ("integer", "number", "percent", "money")
# a header that means the column identifies something
ID_HEADER = re.compile(r"(?:^|[^a-z])id(?:[^a-z]|$)|编号|编码|单号|号$|号码|代码|code|(?:^|[^a-z])no\.?(?:[^a-z]|$)|"
                       r"number|uuid|guid|sku", re.I)
# a header that numbers the rows of this one file (renumbered in every export)
ROW_NUMBER_HEADER = re.compile(r"^\s*(?:序号|行号|#|no\.?|index|编号)\s*$", re.I)
# names of people or things, and free text: never identity, whatever the values look like
NOT_IDENTITY = re.compile(r"名$|名称|姓名|昵称|称呼|name|标题|title|备注|说明|描述|摘要|内容|地址|address|remark|"
                          r"comment|note|留言|评价|评论|原因|详情", re.I)
# the number of a document (an order, a payment, a ticket): each row is one, wherever the column stands
DOCUMENT_ID = re.compile(r"单号|订单编号|流水号|交易号|凭证号|发票号|order|transaction|txn|ticket", re.I)
ID_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-./:#]*$")
PERIOD_TEXT = re.compile(r"^\s*\d{4}\s*(?:[-/.年]\s*)?(?:W|第)?\s*\d{1,2}\s*(?:周|月|季度?)?\s*$|^\s*\d{4}\s*-?\s*Q[1-4]\s*$",
                         re.I)
LABEL_MAX_CHARS = 24
NOTE_BLANK_SHARE = 0.7
MAX_LABELS = 5


@dataclass
class KeyColumn:
    """What key choice needs to know about a column (its name, planned type, and whether its value
    is a constant taken from the title, like 报告期)."""
    name: str
    type: str
    constant: bool = False


def _texts(values: Sequence) -> list[str]:
    out = []
    for value in values:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append(str(value).strip())
    return out


def id_shaped(values: Sequence) -> bool:
    """Every value one token of letters and digits (with a digit), all of about the same length."""
    if not values or any(ct.is_null(v) or isinstance(v, bool) for v in values):
        return False
    texts = _texts(values)
    if not all(ID_TOKEN.match(t) and len(t) <= 64 and any(ch.isdigit() for ch in t) for t in texts):
        return False
    lengths = [len(t) for t in texts]
    return max(lengths) - min(lengths) <= max(2, max(lengths) // 4)


def is_identifier(column: KeyColumn, values: Sequence) -> bool:
    name = column.name
    if column.type not in ("text", "integer") or column.constant:
        return False
    if not ID_HEADER.search(name) or ROW_NUMBER_HEADER.match(name) or ct.PHONE_WORDS.search(name):
        return False
    if NOT_IDENTITY.search(name) and not re.search(r"编号|单号|id", name, re.I):
        return False
    return id_shaped(values)


def is_period(column: KeyColumn, values: Sequence) -> bool:
    """A day, or a week/month label; a date with a time of day is an event's time, not a period."""
    if column.type == "date":   # a day column, or the period a title names (报告期)
        return True
    present = [v for v in values if not ct.is_null(v)]
    return column.type == "text" and bool(present) and len(present) == len(values) and \
        all(isinstance(v, str) and PERIOD_TEXT.match(v) for v in present)


def is_label(column: KeyColumn, values: Sequence) -> bool:
    """A short category label (channel, source, region …): not a name, not free text, not an id."""
    if column.type not in ("text", "bool") or column.constant:
        return False
    if NOT_IDENTITY.search(column.name) or ID_HEADER.search(column.name) or ct.PHONE_WORDS.search(column.name):
        return False
    return all(ct.is_null(v) or len(str(v).strip()) <= LABEL_MAX_CHARS for v in values)


def never_a_key(column: KeyColumn) -> bool:
    """A column no key may hold: a name or free text, an amount, a time of day (what an earlier
    version of the importer chose when such a column happened to be unique in the first file)."""
    named = NOT_IDENTITY.search(column.name) and not re.search(r"编号|单号|id", column.name, re.I)
    return bool(named) or column.type in NUMERIC or column.type == "datetime"


def _is_note(values: Sequence) -> bool:
    return not values or sum(ct.is_null(v) for v in values) >= NOTE_BLANK_SHARE * len(values)


def choose_key(columns: Sequence[KeyColumn], rows: Sequence[Sequence]) -> list[str]:
    """The key of a sheet whose converted sample rows are `rows` (one value per column), or []."""
    if len(rows) < 2:
        return []
    values = [[row[i] for row in rows] for i in range(len(columns))]

    def unique(indexes: Sequence[int]) -> bool:
        seen = set()
        for row in rows:
            key = tuple(row[i] for i in indexes)
            if any(ct.is_null(v) for v in key) or key in seen:
                return False
            seen.add(key)
        return True

    first = next((i for i, c in enumerate(columns) if not c.constant and not ROW_NUMBER_HEADER.match(c.name)), None)
    for i, column in enumerate(columns):
        own = i == first or DOCUMENT_ID.search(column.name)
        if own and is_identifier(column, values[i]) and unique([i]):
            return [column.name]
    grain = _metrics_grain(columns, values)
    if grain is None:
        return []
    period, labels = grain
    lead = [period] if period is not None else []
    for size in range(0 if lead else 1, min(3, len(labels)) + 1):
        for chosen in combinations(labels[:MAX_LABELS], size):
            if unique(lead + list(chosen)):
                return [columns[i].name for i in lead + list(chosen)]
    return []


def _metrics_grain(columns: Sequence[KeyColumn], values: list[list]) -> tuple[int | None, list[int]] | None:
    """(the period column, the label columns) of a metrics report; None if the table is not one:
    it must hold numbers, and every other column must be a period, a label or a mostly blank note."""
    period, labels, numbers = None, [], 0
    for i, column in enumerate(columns):
        if column.type in NUMERIC:
            numbers += 1
        elif period is None and is_period(column, values[i]):
            period = i
        elif is_label(column, values[i]):
            labels.append(i)
        elif column.type == "text" and _is_note(values[i]):
            continue
        else:
            return None  # a time, a name, an id, free text: a list of events or people, not metrics
    return (period, labels) if numbers else None
