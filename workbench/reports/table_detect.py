"""Finding the table in a sheet: where its header is, what its columns are called, which rows are data.

Like Tableau's Data Interpreter, by the shape of the cells rather than by keywords. Each column gets
the shape most of its cells have (numbers, dates or text); the data are the rows that fit those
shapes; the header is the rows right above them that do not (names over numbers, a row of years
across over values of another shape, an empty label cell over labelled rows, units under names), up
to four rows, flattened into names like `投放·花费(元)`; a table without such rows has no header and
columns 列1, 列2 …. Titles (one cell, or a CSV line of another width), blank rows and group labels
above are passed over. Below, rows that are not data — blank, totals (合计/总计/Total), notes, group
labels (one cell), a repeated header — are skipped with a reason, and after a blank row a row of
names over number columns starts another table. explain() says all this in one line for the preview.
Works on the first HEAD_ROWS rows; the data rows are classified one by one as they stream.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

HEAD_ROWS = 80
TOTALS = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|汇\s*总|共\s*计|累\s*计|总计行|grand\s*total|sub\s*-?\s*total|total|sum)\s*[:：]?\s*$", re.I)
NOTE_START = re.compile(r"^\s*(注|备注|说明|数据来源|来源|数据说明|口径|统计口径|制表|导出|※|\*|#|note|source|remark)", re.I)
# 28/02/2008, 2/28/2008 (day or month first), 0:10:00 (a time): shapes of dates even where their
# order is unknown
OTHER_DATE = re.compile(r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(\s+\d{1,2}:\d{2}(:\d{2})?)?|\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?)$")
MONTH_DAY = re.compile(r"^\d{1,2}\s*月\s*\d{1,2}\s*日$")
SENTENCE_END = re.compile(r"[。！？!?]$|[^.\d]\.$")
PLACEHOLDERS = {"-", "--", "---", "—", "——", "–", "n/a", "na", "#n/a", "null", "none", "nan", "/", "..", "...",
                "暂无", "无", "空", "#div/0!", "#value!", "#ref!", "#num!", "#name?", "#null!"}
# a number as people write it: 1,234  2 484  1，234  (1,234)  -12.5%  ¥1,234  1.2万  3.5e-4
NUMBER_SHAPE = re.compile(r"^[(（]?[-+−]?\s*[¥￥$€£]?\s*(\d{1,3}([,，\s\u00a0\u202f]\d{3})+|\d+)([.,]\d+)?"
                          r"([eE][-+]?\d+)?\s*[%％‰万亿千]?\s*[)）]?$")
DATE_LIKE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
SKIP_REASONS = {
    "blank": ("空行", "blank row"),
    "totals": ("合计行", "totals row"),
    "note": ("脚注/说明", "footnote"),
    "group": ("分组标题", "group label"),
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
    kinds: list[str] = field(default_factory=list)          # per column: 'N' numbers, 'D' dates, 'T' text
    # how the header was found: 'text' (names over number/date columns), 'years' (years across over
    # values), 'stub' (an empty label cell over labelled rows), 'first' (the first full row of a text
    # table), 'none' (no header: columns 列1, 列2 …)
    why: str = "text"
    titles: list[int] = field(default_factory=list)   # 0-based rows above the header passed over
    # per column, from the sampled data rows: the largest number (absolute) and how many rows had one;
    # a row labelled 合计/Total within these is an overall figure, not a sum (is_overall_figure)
    number_peaks: list[tuple[float, int, float]] = field(default_factory=list)

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


def _kind(value) -> str:
    """A cell's shape: 'E' empty, 'X' placeholder (-, N/A, 暂无), 'N' number, 'D' date, 'T' text."""
    if value is None or value == "":
        return "E"
    if isinstance(value, (bool, int, float)):
        return "N"
    if isinstance(value, date):
        return "D"
    if not isinstance(value, str):
        return "T"
    text = value.strip()
    if not text:
        return "E"
    if text.lower() in PLACEHOLDERS:
        return "X"
    if NUMBER_SHAPE.match(text):
        return "N"
    if DATE_LIKE.match(text) or MONTH_DAY.match(text) or OTHER_DATE.match(text):
        return "D"
    return "T"


def _year(value) -> bool:
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"\d{4}", value):
            return False
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return False
    number = float(value)
    return number.is_integer() and 1800 <= number <= 2100


def _whole(value) -> bool:
    """A number without a fraction (a code or a year, not a measurement)."""
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) or (isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value) is not None)


@dataclass
class _Shape:
    """What the rows of the head look like, column by column (the evidence the rules below weigh)."""
    grid: list[list]
    kinds: list[list[str]]
    filled: list[list[int]]
    lengths: list[int]                 # raw number of cells per row (CSV: fields on the line)
    column_kind: dict[int, str]        # majority shape of each column over the table-like rows
    least: int                         # fewest filled cells a table row has

    def fits(self, r: int) -> bool:
        """The row could be a data row: wide enough, and text where the column holds numbers or dates
        in a minority of those columns at most (an odd cell, not a row of names)."""
        cells = self.filled[r]
        if len(cells) < self.least and not (cells and all(self.kinds[r][c] != "T" for c in cells)):
            return False  # too narrow, unless it holds only numbers and dates (a sparse data row)
        return self._agrees(r)

    def _agrees(self, r: int) -> bool:
        typed = [c for c in self.filled[r] if self.column_kind.get(c, "T") != "T"]
        odd = sum(1 for c in typed if self.kinds[r][c] == "T")
        return odd == 0 or 2 * odd < len(typed)

    def conforms(self, r: int) -> bool:
        """Like fits(), for a sparse row: two cells or more (one in a one-column table), no text where
        the column holds numbers or dates."""
        if len(self.filled[r]) < min(2, self.least):
            return False
        label = self.grid[r][self.filled[r][0]]
        return self._agrees(r) or (isinstance(label, str) and TOTALS.match(label) is not None)  # 合计 under dates

    def year_row(self, r: int, below: list[int]) -> bool:
        """Years across the row (,2000,2005,2006) over columns whose values below are not years."""
        numbers = [c for c in self.filled[r] if self.kinds[r][c] == "N"]
        if len(numbers) < 2 or not all(_year(self.grid[r][c]) for c in numbers):
            return False
        if len({clean_name(self.grid[r][c]) for c in numbers}) < len(numbers):
            return False
        years_below = sum(1 for b in below for c in numbers if _year(self.grid[b][c]))
        cells_below = sum(1 for b in below for c in numbers if self.kinds[b][c] == "N")
        return cells_below == 0 or years_below < 0.8 * cells_below

    def stub_row(self, r: int, below: list[int]) -> bool:
        """Labels over the value columns with the label column's cell empty, above rows whose label
        cell is text (a statistical table's box head: '', 1995, 1996, 1997)."""
        if not below or not self.filled[r]:
            return False
        stub = min(min(self.filled[b]) for b in below if self.filled[b])
        if stub in self.filled[r] or self.column_kind.get(stub) != "T":
            return False
        labelled = sum(1 for b in below if self.kinds[b][stub] == "T")
        whole = all(_whole(self.grid[r][c]) for c in self.filled[r] if self.kinds[r][c] == "N")
        return labelled >= 0.8 * len(below) and whole and min(self.filled[r]) > stub

    def header_like(self, r: int, below: list[int]) -> bool:
        return self.year_row(r, below) or self.stub_row(r, below)


def _shape(grid: list[list], lengths: list[int]) -> _Shape:
    kinds = [[_kind(v) for v in row] for row in grid]
    filled = [[c for c, k in enumerate(row) if k != "E"] for row in kinds]
    wide = [len(f) for f in filled if len(f) >= 2]
    if len(wide) >= 2:
        common = Counter(wide).most_common()
        typical = max(count for count, n in common if n == common[0][1])
        least = max(2, -(-typical // 2))
    else:
        least = 1
    column_kind: dict[int, str] = {}
    votes: dict[int, Counter] = {}
    # in a table with a single wide row (a header over one-cell rows), the rows above it are titles
    first_wide = next((r for r, cells in enumerate(filled) if len(cells) >= 2), 0) if len(wide) == 1 else 0
    for r in range(first_wide, len(grid)):
        row, cells = kinds[r], filled[r]
        totals = cells and isinstance(grid[r][cells[0]], str) and TOTALS.match(grid[r][cells[0]])
        if len(cells) >= least and not totals:  # a totals row does not say what its columns hold
            for c in cells:
                if row[c] in "NDT":
                    votes.setdefault(c, Counter())[row[c]] += 1
    for c, counter in votes.items():
        # numbers or dates when they are most of the column, or when the only text is a few cells
        # (a title and header rows over a short table)
        shape, n = max(((k, counter[k]) for k in "ND"), key=lambda kn: kn[1])
        text = counter["T"]
        column_kind[c] = shape if n and (n >= 0.6 * (n + text) or (text <= 4 and 2 * n >= text)) else "T"
    return _Shape(grid, kinds, filled, lengths, column_kind, least)


def _non_blank(shape: _Shape, start: int, count: int) -> list[int]:
    rows = []
    for r in range(start, len(shape.grid)):
        if shape.filled[r]:
            rows.append(r)
            if len(rows) >= count:
                break
    return rows


def _body_start(shape: _Shape) -> int | None:
    """The first row that fits the table's columns, is no header, and is followed by rows that fit."""
    for r in range(len(shape.grid)):
        if not shape.fits(r):
            continue
        below = _non_blank(shape, r + 1, 12)
        if shape.header_like(r, [b for b in below if shape.fits(b)]):
            continue
        following = below[:3]
        if following and not any(shape.conforms(b) for b in following) and \
                not all(len(shape.filled[b]) == 1 for b in following):
            continue  # a lone row that looks like data above something else
        return r
    return None


def _prose(shape: _Shape, body: list[int], column: int) -> bool:
    """Sentences rather than values: text cells that end like a sentence or run long with commas."""
    texts = [str(shape.grid[r][column]).strip() for r in body if shape.kinds[r][column] == "T"]
    if texts and sum(map(len, texts)) > 60 * len(texts):
        return True  # paragraphs, not values
    return bool(texts) and sum(1 for t in texts if SENTENCE_END.search(t) or (len(t) > 30 and re.search(r"[,，]", t))) \
        >= max(1, len(texts) // 3)


def _body_columns(shape: _Shape, body: list[int]) -> set[int]:
    counts = Counter(c for r in body for c in shape.filled[r])
    return {c for c, n in counts.items() if n >= max(1, 0.2 * len(body))}


def _texty_row(shape: _Shape, r: int) -> bool:
    return all(shape.kinds[r][c] in ("T", "X") or _year(shape.grid[r][c]) for c in shape.filled[r])


UNIT = re.compile(r"^[(（\[]?\s*(%|‰|°\s*[CF]?|[$€£¥￥]|[a-zµμ][a-zA-Zµμ/²³.]{0,5}|[A-Za-zµμ]{1,3}/[A-Za-z]{1,4}|"
                  r"[a-zA-Z]{0,2}Pa|[元人个次件天时分秒万亿千%/]{1,3}|[万千百]?元)\s*[)）\]]?$")


def _units_row(shape: _Shape, r: int) -> bool:
    """A header row of units (°C, kPa, (元), %) under the names: half its cells or more read as units."""
    cells = [str(shape.grid[r][c]).strip() for c in shape.filled[r]]
    return sum(1 for text in cells if UNIT.match(text) or re.fullmatch(r"[(（\[].{1,8}[)）\]]", text)) * 2 >= len(cells)


def _header_block(shape: _Shape, start: int, body: list[int], body_span: range,
                  horizontal: set[int]) -> list[int]:
    """The header rows right above the data (at most four), from the bottom up."""
    stub = body_span[0]
    r, passed = start - 1, 0
    # blank rows and one-cell group labels (Canada, Sex) may sit between a header and its data
    while r >= 0 and passed < 3 and len(shape.filled[r]) < 2:
        if len(shape.filled[r]) == 1 and shape.filled[r][0] != stub:
            break
        r, passed = r - 1, passed + 1
    if r < 0 or not _lowest_header_row(shape, r, body, body_span):
        return []
    block = [r]
    for r in range(r - 1, -1, -1):
        if len(block) >= 4 or not _upper_header_row(shape, r, block, body_span, horizontal):
            break
        block.insert(0, r)
    return block


def _lowest_header_row(shape: _Shape, r: int, body: list[int], body_span: range) -> bool:
    """Names right above the data: two cells or more (or one label/unit over a value column) that do
    not fit the data, within the data's columns or as wide as its lines."""
    cells = shape.filled[r]
    stub = body_span[0]
    data_length = Counter(shape.lengths[b] for b in body).most_common(1)[0][0] if body else 0
    outside = [c for c in cells if c not in body_span]
    lone_label = len(cells) == 1 and cells[0] != stub and (shape.stub_row(r, body) or _units_row(shape, r))
    if len(cells) < 2 and not lone_label:
        return False  # a title or nothing
    if 4 * len(outside) > len(cells) and shape.lengths[r] != data_length and max(cells) > body_span[-1]:
        return False  # a line of another width (a CSV title with commas)
    return not shape.fits(r) or shape.header_like(r, body) or _texty_row(shape, r)


def _upper_header_row(shape: _Shape, r: int, block: list[int], body_span: range, horizontal: set[int]) -> bool:
    """Group labels over the names (with gaps, or merged across), the stub's name over an empty label
    cell, or names over a row of units — not a title or a sentence."""
    cells = shape.filled[r]
    if not cells:
        return False
    lower, stub = block[0], body_span[0]
    lowest = min(min(shape.filled[b]) for b in block)
    span = range(min(lowest, stub), max(max(max(shape.filled[b]) for b in block), body_span[-1]) + 1)
    if any(c not in span for c in cells) or not _texty_row(shape, r):
        return False
    if any(len(str(shape.grid[r][c]).strip()) >= 60 for c in cells) and r not in horizontal:
        return False  # a sentence: the table's title or a note, not a column label
    if stub in cells and len({clean_name(shape.grid[r][c]) for c in cells}) == 1:
        return False  # a title in the label column (perhaps merged across the table)
    gaps = len(cells) < len(shape.filled[lower]) or r in horizontal
    return gaps or (len(cells) >= 2 and stub not in shape.filled[lower]) or \
        (cells == shape.filled[lower] and _units_row(shape, lower))


def detect(head: list[list], merged=(), first_column: int = 0) -> TableLayout | None:
    """The table's layout from the sheet's first rows, or None when no table is found."""
    lengths = [len(r) for r in head]
    grid = [list(r) for r in head]
    width = max(lengths, default=0)
    for r in grid:
        r.extend([""] * (width - len(r)))
    merged = [m for m in merged if m[0][0] < len(grid)]
    _fill_merged(grid, merged, first_column)
    horizontal = {r for (r0, c0), (r1, c1) in merged if c1 > c0 for r in range(r0, r1 + 1)}
    shape = _shape(grid, lengths)
    start = _body_start(shape)
    if start is None:
        return None
    body = [r for r in _non_blank(shape, start, 20) if shape.fits(r)]
    body_columns = _body_columns(shape, body)
    body_span = range(min(body_columns), max(body_columns) + 1)
    block = _header_block(shape, start, body, body_span, horizontal)
    if not block and _names_text(shape, start, body_columns):
        block, start = [start], start + 1  # text over text: the first full row names the columns
        body = [r for r in _non_blank(shape, start, 20) if shape.fits(r)]
    used = body_columns | {c for r in block for c in shape.filled[r] if c >= body_span[0]}
    columns = [c for c in range(min(used), max(used) + 1)
               if c in used or any(shape.kinds[r][c] != "E" for r in body)]
    if len(columns) == 1 and (len(body) < 2 or _prose(shape, body, columns[0])):
        return None  # a line or lines of text, not a list of values
    if block:
        names, unnamed = _names(grid, block, columns, first_column)
    else:
        names, unnamed = [column_number_name(i) for i in range(len(columns))], []
    top = block[0] if block else start
    titles = [r for r in range(top) if shape.filled[r]]
    context = list(dict.fromkeys(clean_name(v) for r in grid[:top] for v in r if not _empty(v)))
    kinds = [shape.column_kind.get(c, "T") for c in columns]
    why = _header_reason(shape, block, body, body_columns)
    if block:
        start = block[-1] + 1  # rows between the header and the first full data row are classified one by one
    return TableLayout(block, columns, names, start, context, unnamed, kinds, why, titles)


def _names_text(shape: _Shape, r: int, body_columns: set[int]) -> bool:
    """In a table of text only, a first full row of distinct texts names the columns."""
    cells = shape.filled[r]
    return all(shape.column_kind.get(c, "T") == "T" for c in body_columns) and _texty_row(shape, r) and \
        len(cells) >= 2 and len({clean_name(shape.grid[r][c]) for c in cells}) == len(cells)


def _header_reason(shape: _Shape, block: list[int], body: list[int], body_columns: set[int]) -> str:
    """Which rule found the header (TableLayout.why)."""
    if not block:
        return "none"
    lowest = block[-1]
    if shape.year_row(lowest, body):
        return "years"
    if shape.stub_row(lowest, body):
        return "stub"
    return "text" if any(shape.column_kind.get(c) in ("N", "D") for c in body_columns) else "first"


def column_number_name(index: int) -> str:
    """列1, 列2 … (Column 1 … in English) for a table without a header."""
    from workbench.errors import in_language

    return in_language(f"列{index + 1}", f"Column {index + 1}")


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


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value.strip():
        from workbench.reports.column_types import parse_number_text

        parsed = parse_number_text(value)
        return parsed[0] if parsed else None
    return None


def column_peaks(rows: list[list]) -> list[tuple[float, int, float]]:
    """Per column: the largest absolute number among the rows, how many rows hold a number there, and
    their sum."""
    width = max((len(r) for r in rows), default=0)
    peaks = [(0.0, 0, 0.0)] * width
    for cells in rows:
        for c, value in enumerate(cells):
            number = _number(value)
            if number is not None:
                peak, count, total = peaks[c]
                peaks[c] = (max(peak, abs(number)), count + 1, total + number)
    return peaks


def is_overall_figure(cells: list, peaks: list[tuple[float, int, float]]) -> bool:
    """A row labelled 合计/Total is a sum of the rows (skipped) when one of its numbers exceeds every
    other row's in its column or equals their sum; when all its numbers lie within the other rows'
    range it is an overall figure — a rate, a mean, the 'Total' line of a prevalence table — and it is
    data. Without numbers to compare it stays a totals row."""
    compared = 0
    for value, (peak, count, total) in zip(cells, peaks):
        number = _number(value)
        if number is None or count == 0:
            continue
        compared += 1
        if abs(number) > peak or (count == 1 and abs(number) >= peak):  # one row: its sum is itself
            return False
        if number and abs(number - total) <= 0.005 * abs(total):  # e.g. the others are zeros but one
            return False
    return compared > 0


def classify_row(cells: list, header_names: list[str], kinds: list[str] | None = None,
                 peaks: list[tuple[float, int, float]] | None = None) -> str | None:
    """None for a data row, else the skip reason key: 'blank', 'totals', 'note', 'group', 'header'.
    peaks (TableLayout.number_peaks): with them a totals-labelled overall figure is data.

    A row with a single text cell under a table of three or more columns is never data: a group
    label (Canada, 分渠道明细) or a note (数据来源：…); under a two-column table it is a note when
    it reads like one or sits in the numbers' column.
    """
    for v in cells[:3]:
        if isinstance(v, str) and TOTALS.match(v):
            return None if peaks and is_overall_figure(cells, peaks) else "totals"
    first = cells[0]
    if isinstance(first, str) and first.strip() == header_names[0] and [clean_name(v) for v in cells] == header_names:
        return "header"
    if len(cells) - cells.count("") - cells.count(None) >= 3:
        return None  # three cells or more: no blank row, label or note (the common case, counted in C)
    filled = [(i, v) for i, v in enumerate(cells) if not _empty(v)]
    if not filled:
        return "blank"
    if len(filled) == 2 and len(cells) >= 4 and kinds:
        # a numbered footnote: '1' | 'DAC-countries are members of …' (a sentence where numbers go)
        for position, value in filled:
            if position < len(kinds) and kinds[position] in ("N", "D") and isinstance(value, str) and \
                    _kind(value) == "T" and (len(value.strip()) >= 20 or NOTE_START.match(value)):
                return "note"
    if len(filled) == 1 and len(cells) >= 2:
        position, value = filled[0]
        if not isinstance(value, str) or _kind(value) != "T":
            return None
        text = value.strip()
        if NOTE_START.match(text) or len(text) >= 20 or re.search(r"[:：]", text):
            return "note"
        if len(cells) >= 3 or (kinds and position < len(kinds) and kinds[position] in ("N", "D")):
            return "group"
    return None


def after_gap(cells: list, kinds: list[str] | None) -> str | None:
    """A data-looking row right after a blank row: 'table' when it is another table's header, 'group'
    when it is a caption (a single text cell), None when the data goes on."""
    if another_table(cells, kinds):
        return "table"
    filled = [v for v in cells if not _empty(v)]
    if len(filled) == 1 and isinstance(filled[0], str) and _kind(filled[0]) == "T":
        return "group"
    return None


def another_table(cells: list, kinds: list[str] | None) -> bool:
    """After a blank row: a row of names (text only) over columns that hold numbers or dates is the
    header of another table, not data of this one."""
    filled = [(i, v) for i, v in enumerate(cells) if not _empty(v)]
    if len(filled) < 2 or not kinds:
        return False
    if not all(_kind(v) == "T" for _, v in filled):
        return False
    return any(i < len(kinds) and kinds[i] in ("N", "D") for i, _ in filled)


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


HEADER_BECAUSE = {
    "text": ("名称在数字/日期列的上方", "names over columns of numbers or dates"),
    "years": ("一行年份在形态不同的数值上方", "a row of years over values of another shape"),
    "stub": ("首列为空、其余是列名，下面各行首列是标签", "its first cell is empty over rows labelled in the first column"),
    "first": ("文字表格的第一整行", "the first full row of a text table"),
}


def row_ranges(rows: list[int]) -> str:
    """[3, 4, 5, 9] → '3–5, 9' (1-based rows)."""
    parts, run = [], []
    for row in sorted(rows):
        if run and row == run[-1] + 1:
            run.append(row)
            continue
        if run:
            parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [row]
    if run:
        parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def explain(layout: TableLayout, skipped: list[tuple[int, str]], language: str) -> str:
    """The detection in words: 'header: rows 3–4, because …; skipped: row 28 totals row, rows 29–31
    footnote'. skipped holds (1-based row, reason key)."""
    zh = language == "zh_CN"
    parts = []
    if layout.titles:
        rows = row_ranges([r + 1 for r in layout.titles])
        parts.append(f"标题/说明：第 {rows} 行" if zh else f"title: row{'s' if len(layout.titles) > 1 else ''} {rows}")
    if layout.header_rows:
        rows = row_ranges(layout.header_rows_1based)
        because = HEADER_BECAUSE.get(layout.why, HEADER_BECAUSE["text"])
        parts.append(f"表头：第 {rows} 行，因为它是{because[0]}" if zh else
                     f"header: row{'s' if len(layout.header_rows) > 1 else ''} {rows}, because it is {because[1]}")
    else:
        parts.append("没有表头：列按顺序命名为 列1、列2 …" if zh else "no header: the columns are named Column 1, Column 2 …")
    by_reason: dict[str, list[int]] = {}
    for row, reason in skipped:
        by_reason.setdefault(reason, []).append(row)
    if by_reason:
        listed = [f"第 {row_ranges(rows)} 行 {SKIP_REASONS[reason][0]}" if zh else
                  f"row{'s' if len(rows) > 1 else ''} {row_ranges(rows)} {SKIP_REASONS[reason][1]}"
                  for reason, rows in by_reason.items()]
        parts.append(("跳过：" if zh else "skipped: ") + ("，".join(listed) if zh else ", ".join(listed)))
    return ("；" if zh else "; ").join(parts)


def skip_reason_text(key: str, language: str) -> str:
    zh, en = SKIP_REASONS[key]
    return zh if language == "zh_CN" else en
