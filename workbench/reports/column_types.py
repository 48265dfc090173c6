"""Types and roles of report columns, and the converters that turn raw cells into stored values.

Types: date, datetime, integer, number, percent (stored as a fraction), money (stored as a number),
text, bool. Nulls: '', '-', '—', 'N/A', 'null' … Ids with leading zeros, phone numbers and order
numbers stay text. A type is inferred from a sample of the column's values (the first few thousand
data rows); every later value is converted with that type's converter, which raises ValueError when
a value does not fit, so the importer can re-type the column or report the cell.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from workbench.clock import wall_clock

NULL_TOKENS = {"", "-", "--", "---", "—", "——", "–", "n/a", "na", "#n/a", "null", "none", "nan", "/",
               "#div/0!", "#value!", "#ref!", "#num!", "#name?", "#null!", "暂无", "无", "空", "..", "..."}
# odd cells a column may hold and keep its type (each becomes empty and is listed): one, or 1 in 100
ODD_CELLS_SHARE = 0.01
TRUE_WORDS = {"是": True, "否": False, "true": True, "false": False, "yes": True, "no": False,
              "y": True, "n": False, "对": True, "错": False}
PERCENT_WORDS = re.compile(r"率|占比|比例|百分比|%|％|rate|ratio|ctr|cvr|pct|percent|share|第\d+[天日周月]", re.I)
MONEY_WORDS = re.compile(r"元|金额|花费|费用|成本|价|gmv|码洋|支出|货款|营收|余额|工资|利润|"
                         r"cost|cac|price|amount|revenue|spend|¥|￥|\$", re.I)
PHONE_WORDS = re.compile(r"手机|电话|phone|mobile|tel", re.I)
ID_WORDS = re.compile(r"id\b|id$|编号|编码|号码|手机|电话|单号|账号|帐号|订单号|身份证|邮编|工号|卡号|"
                      r"phone|mobile|tel|code|no\.", re.I)
DATE_WORDS = re.compile(r"日期|date|day|时间", re.I)
MONEY_TEXT = re.compile(r"^\s*(?P<sign>[-+])?\s*(?P<cur>[¥￥$]|rmb|cny)?\s*(?P<num>[-+]?\d[\d,]*(\.\d+)?|\.\d+)\s*"
                        r"(?P<unit>万|亿|千|k|w)?\s*(元)?\s*$", re.I)
PERCENT_TEXT = re.compile(r"^\s*([-+]?\d[\d,]*(\.\d+)?|[-+]?\.\d+)\s*[%％]\s*$")
DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*"
                       r"(?:[ T]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$")
COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$")
MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
UNIT_FACTORS = {"万": 10_000, "w": 10_000, "亿": 100_000_000, "千": 1_000, "k": 1_000}
MAX_EXACT_INTEGER = 2 ** 53


class Context:
    """What a converter may need beyond the cell: the year for '11月25日' (from the title or file name)."""

    def __init__(self, year: int | None = None):
        # No year in the title or file name: this year's (the import does not take `now` yet).
        self.year = year or wall_clock().year


def is_null(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip().lstrip("'").strip()
        return text.lower() in NULL_TOKENS
    if isinstance(value, float):
        return value != value  # NaN
    return False


def clean_text(value: str) -> str:
    text = value.strip()
    if text.startswith("'"):  # Excel's "store as text" mark that leaked into the data
        text = text[1:].strip()
    return text


# --- parsing one value ----------------------------------------------------------------------

def parse_date_text(text: str, ctx: Context) -> date | datetime | None:
    match = DATE_TEXT.match(text)
    if match:
        y, m, d, hh, mm, ss = match.groups()
        try:
            if hh is not None:
                return datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0))
            return date(int(y), int(m), int(d))
        except ValueError:
            return None
    match = COMPACT_DATE.match(text) or None
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    match = MONTH_DAY.match(text)
    if match:
        try:
            return date(ctx.year, int(match[1]), int(match[2]))
        except ValueError:
            return None
    return None


SPACED_THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009](?=\d{3}(?!\d))")
ACCOUNTING = re.compile(r"^\s*[(（]\s*([^()（）]*\d[^()（）]*)\s*[)）]\s*$")


def plain_number_text(text: str) -> str:
    """'2 484' → '2484', '1，234' → '1,234', '(1,234)' → '-1,234', '−5' → '-5': numbers as people write them."""
    if "，" in text:
        text = text.replace("，", ",")
    if "−" in text:
        text = text.replace("−", "-")
    if " " in text or "\u00a0" in text or "\u202f" in text or "\u2009" in text:
        text = SPACED_THOUSANDS.sub("", text.strip())
    match = ACCOUNTING.match(text)
    if match:
        text = "-" + match[1]
    return text


def parse_number_text(text: str) -> tuple[float, str] | None:
    """(value, kind) for '1,234' 'number', '45.23%' 'percent', '¥1,234.00'/'1.2万' 'money'; None if not a number."""
    text = plain_number_text(text)
    match = PERCENT_TEXT.match(text)
    if match:  # Decimal: '2.47%' must give 0.0247, not 0.024700000000000003
        return float(Decimal(match[1].replace(",", "")) / 100), "percent"
    match = MONEY_TEXT.match(text)
    if not match:
        return None
    unit = (match["unit"] or "").lower()
    digits = match["num"].replace(",", "")
    number = float(Decimal(digits) * UNIT_FACTORS[unit]) if unit else float(digits)
    if match["sign"] == "-":
        number = -number
    kind = "money" if match["cur"] or text.strip().endswith("元") else ("scaled" if unit else "number")
    return number, kind


def has_leading_zero(text: str) -> bool:
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


# --- inference ------------------------------------------------------------------------------

@dataclass
class ColumnGuess:
    type: str
    null_count: int = 0
    value_count: int = 0
    distinct: int = 0
    reason: str = ""


def _classify(value, ctx: Context) -> str:
    """One raw value's own kind: date, datetime, integer, number, percent, money, scaled, bool, idtext, text."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, datetime):
        return "date" if value.time() == time(0) else "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, (int, float)):
        return "integer" if float(value).is_integer() else "number"
    if isinstance(value, timedelta):
        return "text"
    text = clean_text(str(value))
    if text.lower() in TRUE_WORDS and not text.isdigit():
        return "bool"
    parsed = parse_date_text(text, ctx)
    if parsed is not None:
        return "datetime" if isinstance(parsed, datetime) else "date"
    if text.isdigit() and (has_leading_zero(text) or len(text) >= 16):
        return "idtext"
    number = parse_number_text(text)
    if number is not None:
        value, kind = number
        if kind == "number":
            return "integer" if value.is_integer() and "." not in text else "number"
        return kind
    return "text"


def odd_cells_allowed(values: int) -> int:
    """How many cells that do not fit a column leave its type as it is (each is imported as empty)."""
    return max(1, int(values * ODD_CELLS_SHARE))


def _kinds(values: list, ctx: Context) -> Counter | None:
    """How many values of each kind; None when more are text than a column may hold as odd cells
    (one '暂无' or typo among numbers leaves them numbers). Repeated strings (channels, cities) are
    classified once."""
    kinds: Counter = Counter()
    seen: dict[str, str] = {}
    odd, allowed = 0, odd_cells_allowed(len(values)) if len(values) >= 4 else 0
    for value in values:
        if type(value) is str:
            kind = seen.get(value)
            if kind is None:
                kind = seen[value] = _classify(value, ctx)
        else:
            kind = _classify(value, ctx)
        if kind == "text" or kind == "idtext":
            odd += 1
            if odd > allowed:
                return None
            continue
        kinds[kind] += 1
    return kinds


def infer_type(name: str, values: list, ctx: Context, column_format: str = "") -> ColumnGuess:
    """The type of a column from its (non-null) sample values, its header and its Excel number format."""
    guess = ColumnGuess("text", value_count=len(values))
    if not values:
        guess.reason = "empty"
        return guess
    kinds = _kinds(values, ctx)
    if not kinds:
        return guess
    kind_set = set(kinds)
    numeric = {"integer", "number", "percent", "money", "scaled"}
    if kind_set <= {"date"}:
        guess.type = "date"
    elif kind_set <= {"date", "datetime"}:
        guess.type = "datetime"
    elif kind_set <= {"bool"}:
        guess.type = "bool"
    elif kind_set <= numeric:
        guess.type = _numeric_type(name, values, kinds, column_format)
    else:
        guess.type = "text"
    return guess


def _numeric_type(name: str, values: list, kinds: Counter, column_format: str) -> str:
    if kinds.get("percent") or column_format == "percent":
        return "percent"
    if kinds.get("money") or column_format == "money":
        return "money"
    whole = set(kinds) <= {"integer"}
    if whole and DATE_WORDS.search(name) and all(
            isinstance(v, (int, float, str)) and COMPACT_DATE.match(str(int(float(v)))) for v in values[:200]):
        return "date"  # 20261125 stored as a number
    if whole and ID_WORDS.search(name):
        return "text"
    if whole and all(isinstance(v, (int, float)) and 10_000_000_000 <= abs(v) < 100_000_000_000 for v in values[:50]) \
            and all(str(int(v)).startswith("1") for v in values[:50] if isinstance(v, (int, float))):
        return "text"  # 11-digit mainland mobiles stored as numbers
    if MONEY_WORDS.search(name) and not PERCENT_WORDS.search(name):
        return "money"
    if PERCENT_WORDS.search(name) and not whole and all(
            -1.5 <= (v if isinstance(v, (int, float)) else 0) <= 1.5 for v in values):
        return "percent"
    if kinds.get("scaled"):
        return "number"
    return "integer" if whole else "number"


# --- converters ------------------------------------------------------------------------------

def converter(kind: str, ctx: Context):
    """A function raw cell -> stored value (None for null); raises ValueError when the value does not fit."""
    return _CONVERTERS[kind](ctx)


def _null_or(text_fn):
    def convert(value):
        if value == "" or value is None:
            return None
        if isinstance(value, str):
            text = clean_text(value)
            if text.lower() in NULL_TOKENS:
                return None
            return text_fn(text)
        return text_fn(value)
    return convert


def _to_integer(ctx):
    def fn(value):
        if isinstance(value, float):
            if value.is_integer():
                return int(value)
            raise ValueError("not whole")
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            if has_leading_zero(value):
                raise ValueError("leading zero")
            parsed = parse_number_text(value)
            if parsed and parsed[0].is_integer() and parsed[1] in ("number", "scaled"):
                return int(parsed[0])
        raise ValueError("not an integer")
    convert = _null_or(fn)

    def fast(value):
        if type(value) is float and value.is_integer():
            return int(value)
        return convert(value)
    return fast


def _to_float(kinds: tuple[str, ...], percent: bool = False):
    def make(ctx):
        def fn(value):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            if isinstance(value, str):
                parsed = parse_number_text(value)
                if parsed and parsed[1] in kinds:
                    return parsed[0]
            raise ValueError("not a number")
        convert = _null_or(fn)

        def fast(value):
            if type(value) is float:
                return value
            return convert(value)
        return fast
    return make


def _to_date(ctx):
    def fn(value):
        if isinstance(value, datetime):
            if value.time() == time(0):
                return value.date().isoformat()
            raise ValueError("has a time")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer() and 19000101 <= value <= 21001231:
            value = str(int(value))
        if isinstance(value, str):
            parsed = parse_date_text(value, ctx)
            if isinstance(parsed, datetime) and parsed.time() == time(0):
                parsed = parsed.date()
            if isinstance(parsed, date) and not isinstance(parsed, datetime):
                return parsed.isoformat()
        raise ValueError("not a date")
    convert = _null_or(fn)

    def fast(value):
        if type(value) is date:
            return value.isoformat()
        return convert(value)
    return fast


def _to_datetime(ctx):
    def fn(value):
        if isinstance(value, datetime):
            return value.isoformat(timespec="seconds")
        if isinstance(value, date):
            return datetime.combine(value, time(0)).isoformat(timespec="seconds")
        if isinstance(value, str):
            parsed = parse_date_text(value, ctx)
            if isinstance(parsed, datetime):
                return parsed.isoformat(timespec="seconds")
            if isinstance(parsed, date):
                return datetime.combine(parsed, time(0)).isoformat(timespec="seconds")
        raise ValueError("not a date and time")
    convert = _null_or(fn)

    def fast(value):
        if type(value) is datetime:
            return value.isoformat(timespec="seconds")
        return convert(value)
    return fast


NULL_EXACT = NULL_TOKENS | {t.upper() for t in NULL_TOKENS} | {t.capitalize() for t in NULL_TOKENS}


def _to_text(ctx):
    def fn(value):
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        if isinstance(value, datetime):
            return value.isoformat(sep=" ", timespec="seconds")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "是" if value else "否"
        return str(value)
    convert = _null_or(fn)

    def fast(value):
        # the common case: a plain string without padding, apostrophe or a null token
        if type(value) is str and value and value not in NULL_EXACT and value[0] not in " '\t\n" \
                and value[-1] not in " \t\n":
            return value
        return convert(value)
    return fast


def _to_bool(ctx):
    def fn(value):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (int, float)) and value in (0, 1):
            return int(value)
        if isinstance(value, str) and value.lower() in TRUE_WORDS:
            return int(TRUE_WORDS[value.lower()])
        raise ValueError("not yes/no")
    return _null_or(fn)


_CONVERTERS = {
    "integer": _to_integer,
    "number": _to_float(("number", "scaled")),
    "money": _to_float(("number", "scaled", "money")),
    "percent": _to_float(("percent", "number")),
    "date": _to_date,
    "datetime": _to_datetime,
    "text": _to_text,
    "bool": _to_bool,
}


# --- roles ------------------------------------------------------------------------------------

def chart_dimensions(columns: list[tuple[str, str, str]]) -> list[str]:
    """Of [(name, type, role)], the columns a chart may group by: dimensions, and text key columns
    (渠道) unless id-shaped. An id (工单号) is unique per row: grouping by it draws one mark per row,
    which no one can read (and froze the window at 96k rows); charts also cap their marks."""
    return [n for n, t, r in columns
            if r == "dimension" or (r == "key" and t == "text" and not ID_WORDS.search(n))]


def default_role(name: str, kind: str, distinct: int, values: int) -> str:
    """The role of a non-key column: numbers are metrics, few-valued text is a dimension."""
    if kind in ("integer", "number", "percent", "money"):
        return "metric"
    if kind == "bool":
        return "dimension"
    if kind == "text" and values and not ID_WORDS.search(name) and distinct <= max(3, min(60, values // 2)):
        return "dimension"
    return "attribute"
