"""Finding the table in a sheet: where its header is, what its columns are called, which rows are data.

Like Tableau's Data Interpreter: title and note rows above the header are passed over, a header
spread over two or more rows (merged or not) is flattened into names like `投放·花费(元)`, and rows
that are not data — blank, totals (合计/总计/小计/Total), footnotes, a repeated header — are skipped
with a reason. Works on the first HEAD_ROWS rows; the data rows are classified one by one as they stream.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

HEAD_ROWS = 80
TOTALS = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|汇\s*总|共\s*计|累\s*计|总计行|grand\s*total|sub\s*-?\s*total|total|sum)\s*[:：]?\s*$", re.I)
NOTE_START = re.compile(r"^\s*(注|备注|说明|数据来源|来源|数据说明|口径|统计口径|制表|导出|※|\*|#|note|source|remark)", re.I)
NUMERIC_TEXT = re.compile(r"^\s*[-+¥￥$]?\s*[\d,]+(\.\d+)?\s*[%％万亿]?\s*$")
DATE_LIKE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
SKIP_REASONS = {
    "blank": ("空行", "blank row"),
    "totals": ("合计行", "totals row"),
    "note": ("脚注/说明", "footnote"),
    "header": ("重复的表头", "repeated header"),
}


@dataclass
class TableLayout:
    header_rows: list[int]            # 0-based sheet rows of the header
    columns: list[int]                # 0-based positions in rows() of the table's columns
    names: list[str]                  # flattened, de-duplicated column names
    data_start: int                   # first 0-based sheet row after the header
    context_texts: list[str] = field(default_factory=list)  # title/notes above the header
    unnamed: list[str] = field(default_factory=list)        # names we had to make up

    @property
    def header_rows_1based(self) -> list[int]:
        return [r + 1 for r in self.header_rows]


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _texty(value) -> bool:
    """A cell that can be part of a header: text that does not read as a number or a date."""
    return isinstance(value, str) and not NUMERIC_TEXT.match(value) and not DATE_LIKE.match(value)


def clean_name(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def _fill_merged(grid: list[list], merged, first_column: int) -> None:
    """Copy each merged range's top-left value into every cell of the range (within the grid)."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(grid):
            continue
        c0r, c1r = c0 - first_column, c1 - first_column
        if c0r < 0 or c0r >= len(grid[r0]):
            continue
        value = grid[r0][c0r]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(max(c0r, 0), min(c1r, len(grid[r]) - 1) + 1):
                grid[r][c] = value


def _header_candidate(row: list) -> bool:
    filled = [v for v in row if not _empty(v)]
    if len(filled) < 2 or len({clean_name(v) for v in filled}) < 2:
        return False
    texty = sum(1 for v in filled if _texty(v))
    return texty >= max(2, 0.8 * len(filled))


def _positions(row: list) -> set[int]:
    return {i for i, v in enumerate(row) if not _empty(v)}


def detect(head: list[list], merged=(), first_column: int = 0) -> TableLayout | None:
    """The table's layout from the sheet's first rows, or None when no header-with-data is found."""
    grid = [list(r) for r in head]
    width = max((len(r) for r in grid), default=0)
    for r in grid:
        r.extend([""] * (width - len(r)))
    merged = [m for m in merged if m[0][0] < len(grid)]
    _fill_merged(grid, merged, first_column)
    horizontal = {r for (r0, c0), (r1, c1) in merged if c1 > c0 for r in range(r0, r1 + 1)}
    for top, row in enumerate(grid):
        if not _header_candidate(row):
            continue
        block = [top]
        union = _positions(row)
        # Extend downward over more header rows: the row above has gaps or horizontal merges.
        while block[-1] + 1 < len(grid):
            below = grid[block[-1] + 1]
            last = grid[block[-1]]
            span = range(min(union), max(union) + 1)
            gaps = any(_empty(last[c]) for c in span) or block[-1] in horizontal
            filled = [v for v in below if not _empty(v)]
            if gaps and filled and all(_texty(v) for v in filled) and len(block) < 4:
                block.append(block[-1] + 1)
                union |= _positions(below)
            else:
                break
        following = grid[block[-1] + 1: block[-1] + 21]
        data_positions = [p for r in following for p in _positions(r)]
        widest = max((len(_positions(r)) for r in following), default=0)
        if following and widest and len(union) < 0.5 * widest:
            continue  # a short meta row ("导出人 张三 部门 运营") above a wider table
        columns = _table_columns(union, following, data_positions)
        names, unnamed = _names(grid, block, columns, first_column)
        context = list(dict.fromkeys(clean_name(v) for r in grid[:top] for v in r if not _empty(v)))
        return TableLayout(block, columns, names, block[-1] + 1, context, unnamed)
    return None


def _table_columns(header: set[int], following: list[list], data_positions: list[int]) -> list[int]:
    """The header's span, widened to neighbouring columns that hold data in most rows (a pandas index)."""
    left, right = min(header), max(header)
    rows = max(1, len([r for r in following if _positions(r)]))
    counts = {p: data_positions.count(p) for p in set(data_positions)}
    while left - 1 >= 0 and counts.get(left - 1, 0) >= rows / 2:
        left -= 1
    while counts.get(right + 1, 0) >= rows / 2:
        right += 1
    return list(range(left, right + 1))


def _names(grid, block, columns, first_column) -> tuple[list[str], list[str]]:
    rows = [list(grid[r]) for r in block]
    for row in rows[:-1]:  # upper header rows: an empty cell continues the group on its left
        carry = ""
        for c in columns:
            if _empty(row[c]):
                row[c] = carry if carry and not _empty(rows[-1][c]) else ""
            else:
                carry = row[c]
    names, unnamed, seen = [], [], {}
    for c in columns:
        parts: list[str] = []
        for row in rows:
            part = clean_name(row[c]) if not _empty(row[c]) else ""
            if part and (not parts or parts[-1] != part):
                parts.append(part)
        name = "·".join(parts)
        if not name:
            name = "列" + column_letter(c + first_column)
            unnamed.append(name)
        base, n = name, 2
        while name.lower() in seen:
            name, n = f"{base}_{n}", n + 1
        seen[name.lower()] = True
        names.append(name)
    return names, unnamed


def classify_row(cells: list, header_names: list[str]) -> str | None:
    """None for a data row, else the skip reason key: 'blank', 'totals', 'note', 'header'.

    Called for every row whose first cell is text, so the common case (a data row starting with an
    ordinary value) returns after one strip and two cheap checks.
    """
    first = cells[0]
    if type(first) is str:
        text = first.strip()
        if text:
            if TOTALS.match(text):
                return "totals"
            if text == header_names[0] and [clean_name(v) for v in cells] == header_names:
                return "header"
            if (len(text) >= 20 or NOTE_START.match(text)) and len(cells) >= 3 and \
                    not any(not _empty(v) for v in cells[1:]):
                return "note"
            return None
    filled = [v for v in cells if not _empty(v)]
    if not filled:
        return "blank"
    first = filled[0]
    if isinstance(first, str):
        for v in cells[:3]:
            if isinstance(v, str) and TOTALS.match(v):
                return "totals"
        if len(filled) == 1 and len(cells) >= 3 and (NOTE_START.match(first) or len(first.strip()) >= 20):
            return "note"
    return None


# --- context: the year and period a report covers, from its title or file name ----------------

RANGE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:至|到|—|–|~|～|-{1,2})\s*"
                   r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
WEEK = re.compile(r"(\d{4})\s*(?:年\s*第\s*(\d{1,2})\s*周|-?W(\d{1,2}))", re.I)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
YEAR_IN_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_.年/]?\d{2})")


def context_year(texts: list[str]) -> int | None:
    for text in texts:
        match = YEAR.search(text) or YEAR_IN_DATE.search(text)
        if match:
            return int(match[1])
    return None


def context_period(texts: list[str]) -> date | None:
    """The first day of the period a report covers ('2026-11-16 至 2026-11-22', '2026年第47周', '2026W47')."""
    for text in texts:
        match = RANGE.search(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
    for text in texts:
        match = WEEK.search(text)
        if match:
            week = int(match[2] or match[3])
            try:
                return date.fromisocalendar(int(match[1]), week, 1)
            except ValueError:
                pass
    return None


def skip_reason_text(key: str, language: str) -> str:
    zh, en = SKIP_REASONS[key]
    return zh if language == "zh_CN" else en
