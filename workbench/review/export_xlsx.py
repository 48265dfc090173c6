"""The weekly review sheet (.xlsx, openpyxl): 概览, 任务, 联系记录, 发现, PDCA, 指标 and 预警 (when any fired),
in the app's language or the one the operator picks (every word it writes itself is in workbook_text).

Rules (docs/reliability.md, files going out): every text cell goes through export_safety.set_text_cell
(never a formula, illegal characters removed); sheet names through export_safety.sheet_name; the
file is written atomically; phones, and phone and ID numbers in every text cell (task titles, summaries,
findings, the operator's own review text), are masked unless the operator chose otherwise, and every
export is recorded in the audit log with that choice.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.worksheet.pagebreak import Break
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from workbench import audit
from workbench.export_safety import atomic_output, save_workbook, set_text_cell, sheet_name
from workbench.contacts.vocabulary import shown
from workbench.errors import current_language
from workbench.pdca.stages import DECISION_NAMES_ZH, STAGE_NAMES_EN, STAGE_NAMES_ZH
from workbench.privacy import mask_phone, mask_text
from workbench.review.assemble import WeekReview, collect_week
from workbench.review.repository import SECTIONS, load_review
from workbench.review.sections import DECISION_NAMES_EN, QUADRANT_SHORT, section_facts
from workbench.review.workbook_text import WorkbookText
from workbench.review.weekly import is_overdue_in_week
from workbench.review.weeks import IsoWeek
from workbench.tasks import generated_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SHEET_KEYS = ("sheet.overview", "sheet.tasks", "sheet.contacts", "sheet.findings", "sheet.pdca", "sheet.metrics")
SHEETS = tuple(WorkbookText("zh_CN")(key) for key in SHEET_KEYS)   # the Chinese names, as before
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12, color="1F4E79")
THIN = Border(bottom=Side(style="thin", color="BFBFBF"))
DATE_FORMAT, DATETIME_FORMAT, PERCENT_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "0.0%"
INTEGER_FORMAT, NUMBER_FORMAT, MONEY_FORMAT = "#,##0", "#,##0.00", "¥#,##0.00"
MAX_WIDTH = 60
# A printed A4 page (landscape, fit to one page wide) holds about 24 cm by 15 cm of chart: two charts
# side by side would be cut, so each chart is that size at most and they stack, one below the other.
CHART_WIDTH_CM, CHART_HEIGHT_CM, CHART_ROWS = 16, 7.5, 16


@dataclass
class ExportResult:
    path: Path
    week: str
    sheets: list[str]
    rows: int
    masked: bool


def _number_format(column_type: str) -> str:
    return {"percent": PERCENT_FORMAT, "money": MONEY_FORMAT, "integer": INTEGER_FORMAT}.get(column_type, NUMBER_FORMAT)


def _as_datetime(value) -> datetime | date | None:
    if not value:
        return None
    text = str(value)
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text[:19])
    except ValueError:
        return None


class SheetWriter:
    """Writes rows into one sheet, typing each cell and remembering column widths. In a masked export
    every text cell passes through privacy.mask_text: one place, so no sheet can forget it."""

    def __init__(self, sheet, masked: bool = True):
        self.sheet = sheet
        self.masked = masked
        self.widths: dict[int, int] = {}
        self.row = 0

    def _width(self, column: int, text: str) -> None:
        # East Asian characters are about twice as wide as Latin ones.
        longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.split("\n")), default=0)
        self.widths[column] = max(self.widths.get(column, 0), min(longest + 2, MAX_WIDTH))

    def cell(self, row: int, column: int, value, kind: str = "text"):
        """kind: text | int | number | percent | money | date | datetime."""
        cell = self.sheet.cell(row=row, column=column)
        if value is None or value == "":
            return cell
        if kind == "text":
            text = self.shown(value)
            set_text_cell(cell, text)
            self._width(column, text[:200])
        elif kind in ("date", "datetime"):
            parsed = _as_datetime(value)
            if parsed is None:
                set_text_cell(cell, self.shown(value))
            else:
                cell.value = parsed
                cell.number_format = DATE_FORMAT if kind == "date" or not isinstance(parsed, datetime) else DATETIME_FORMAT
            self._width(column, "2026-11-25 10:00" if kind == "datetime" else "2026-11-25")
        else:
            cell.value = float(value) if kind != "int" else int(value)
            cell.number_format = {"int": INTEGER_FORMAT, "number": NUMBER_FORMAT, "percent": PERCENT_FORMAT,
                                  "money": MONEY_FORMAT}[kind]
            self._width(column, f"{value:,.2f}" if isinstance(value, float) else f"{value:,}")
        return cell

    def shown(self, value) -> str:
        return mask_text(str(value)) if self.masked else str(value)

    def header(self, row: int, names: list[str]) -> None:
        for column, name in enumerate(names, start=1):
            cell = self.cell(row, column, name)
            cell.fill, cell.font = HEADER_FILL, HEADER_FONT
            cell.alignment = Alignment(vertical="center")

    def table(self, start_row: int, names: list[str], kinds: list[str], rows: list[list]) -> int:
        """Header plus rows from start_row; returns the next free row."""
        self.header(start_row, names)
        for offset, values in enumerate(rows, start=1):
            for column, (value, kind) in enumerate(zip(values, kinds), start=1):
                self.cell(start_row + offset, column, value, kind)
        return start_row + len(rows) + 1

    def fit(self, minimum: int = 8) -> None:
        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = max(width, minimum)


def build_workbook(review: WeekReview, texts, *, masked: bool = True, lang: str = "zh_CN",
                   rule_lines: dict[int, str] | None = None) -> tuple[Workbook, int]:
    """The workbook and how many data rows it holds. lang: 'zh_CN' or 'en'; rule_lines: each alert
    rule's line in that language by rule id (an alert stores its Chinese line)."""
    t = WorkbookText(lang)
    book = Workbook()
    taken: set[str] = set()
    overview = book.active
    overview.title = sheet_name(t(SHEET_KEYS[0]), taken)
    rows = 0
    _overview(SheetWriter(overview, masked), review, texts, t)
    writer = lambda key: SheetWriter(book.create_sheet(sheet_name(t(key), taken)), masked)  # noqa: E731
    rows += _tasks(writer("sheet.tasks"), review, t)
    rows += _contacts(writer("sheet.contacts"), review, t)
    rows += _findings(writer("sheet.findings"), review, t)
    rows += _pdca(writer("sheet.pdca"), review, t)
    rows += _metrics(writer("sheet.metrics"), review, t)
    if review.alerts:
        rows += _alerts(writer("sheet.alerts"), review, t, rule_lines or {})
    if review.campaigns:
        rows += _campaigns(writer("sheet.roi"), review, t)
    return book, rows


def _overview(w: SheetWriter, review: WeekReview, texts, t: WorkbookText) -> None:
    week = review.week
    title = w.cell(1, 1, t("title", week=week.label, monday=f"{week.monday:%Y-%m-%d}", sunday=f"{week.sunday:%Y-%m-%d}"))
    title.font = TITLE_FONT
    c, f = review.contacts, review.findings
    quadrants = QUADRANT_SHORT[t.lang]
    facts = [
        (t("fact.done"), review.done_total, "int"),
        (t("fact.q2_share"), review.q2_share, "percent"),
        *[(t("fact.done_in", quadrant=quadrants[k]), review.done_by_quadrant.get(k, 0), "int") for k in ("q1", "q2", "q3", "q4", "inbox")],
        (t("fact.overdue"), len(review.overdue), "int"),
        (t("fact.rolled"), len(review.rolled_over), "int"),
        (t("fact.captured"), review.captured, "int"),
        (t("fact.contacts"), c["total"], "int"),
        (t("fact.users"), c["users"], "int"),
        (t("fact.conversions"), c["conversions"], "int"),
        (t("fact.recall"), review.recall_success, "percent"),
        (t("fact.findings"), f["new"], "int"),
        (t("fact.pdca_moved"), len(review.pdca.moved), "int"),
        (t("fact.pdca_checked"), len(review.pdca.checked), "int"),
        (t("fact.pdca_stalled"), len(review.pdca.stalled), "int"),
        (t("fact.alerts"), len(review.alerts), "int"),
    ]
    w.header(3, [t("item"), t("value")])
    for offset, (name, value, kind) in enumerate(facts, start=4):
        w.cell(offset, 1, name)
        w.cell(offset, 2, value if value is not None else "—", kind if value is not None else "text")
    row = 4 + len(facts) + 1
    if review.metrics:
        w.header(row, [t("metric"), t("this_mean"), t("previous_mean"), t("wow")])
        for metric in review.metrics:
            row += 1
            w.cell(row, 1, metric.metric)
            kind = {"percent": "percent", "money": "money", "integer": "number"}.get(metric.type, "number")
            w.cell(row, 2, metric.this_mean, kind)
            w.cell(row, 3, metric.previous_mean, kind)
            w.cell(row, 4, metric.change_pct, "percent")
        row += 2
    facts_by_section = section_facts(review, t.lang)
    for key in SECTIONS:
        heading = w.cell(row, 1, t("section." + key))
        heading.font, heading.border = SECTION_FONT, THIN
        row += 1
        text = texts.section(key).strip() if texts else ""
        body = w.sheet.cell(row=row, column=1)
        set_text_cell(body, w.shown(text) or t("not_filled"))
        body.alignment = Alignment(wrap_text=True, vertical="top")
        w.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        w.sheet.row_dimensions[row].height = max(30, 15 * (text.count("\n") + 1 + len(text) // 48))
        row += 1
        for fact in facts_by_section[key]:
            cell = w.sheet.cell(row=row, column=1)
            set_text_cell(cell, w.shown("· " + fact))
            cell.font = Font(color="595959")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            w.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
            w.sheet.row_dimensions[row].height = 15 * (1 + len(fact) // 48)
            row += 1
        row += 1
    w.fit()
    w.sheet.column_dimensions["A"].width = max(w.sheet.column_dimensions["A"].width, 28)
    for letter in "BCD":
        w.sheet.column_dimensions[letter].width = max(w.sheet.column_dimensions[letter].width, 14)
    # Section texts and facts are long: let them wrap inside A:D instead of widening column A.
    w.sheet.column_dimensions["A"].width = min(w.sheet.column_dimensions["A"].width, 40)
    w.sheet.freeze_panes = "A2"
    _print_setup(w.sheet, landscape=False)


def _quadrant(task: dict, lang: str) -> str:
    if task["triaged_at"] is None:
        return QUADRANT_SHORT[lang]["inbox"]
    key = {(1, 1): "q1", (1, 0): "q2", (0, 1): "q3", (0, 0): "q4"}[(int(task["important"]), int(task["urgent"]))]
    return QUADRANT_SHORT[lang][key]


def _tasks(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    start, end = review.week.monday.isoformat(), review.week.next_monday.isoformat()
    rolled = {task["id"] for task in review.rolled_over}
    yes = t("yes")
    rows = []
    for task in review.tasks:
        stamps = (("why.created", task["created_at"]), ("why.done", task["done_at"] if task["status"] == "done" else None),
                  ("why.due", task["due"]))
        why = [t(label) for label, stamp in stamps if stamp and start <= stamp < end]
        overdue = is_overdue_in_week(task["due"], task["status"], task["done_at"], review.week, review.today)
        title = generated_text.title(task["title"], task.get("title_kind"), task.get("title_params"), t.lang)
        rows.append([task["id"], title, _quadrant(task, t.lang), t.get("status." + task["status"], task["status"]),
                     task["due"], task["created_at"], task["done_at"], t("list_sep").join(why),
                     yes if overdue else "", yes if task["id"] in rolled else "", task["pdca_cycle_id"]])
    names = t("tasks.headers")
    kinds = ["int", "text", "text", "text", "datetime", "datetime", "datetime", "text", "text", "text", "int"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _contacts(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    rows = [[c["at"], c["name"], mask_phone(c["phone"]) if w.masked else c["phone"], shown(c["channel"], t.lang),
             shown(c["direction"], t.lang), shown(c["topic"], t.lang), shown(c["outcome"], t.lang), c["summary"],
             c["follow_up_due"]]
            for c in review.contact_rows]
    names = t("contacts.headers")
    kinds = ["datetime", "text", "text", "text", "text", "text", "text", "text", "datetime"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _findings(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    start = review.week.monday.isoformat()
    rows = [[f["id"], shown(f["kind"], t.lang), f["text"], shown(f["status"], t.lang), f["mentions"],
             f["created_at"], f["updated_at"], t("yes") if (f["created_at"] or "") >= start else ""]
            for f in review.finding_rows]
    names = t("findings.headers")
    kinds = ["int", "text", "text", "text", "int", "datetime", "datetime", "text"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _pdca(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    """One row per live cycle: its numbers, then the thinking (problem, hypothesis, root cause, act notes)."""
    stages = STAGE_NAMES_ZH if t.lang == "zh_CN" else STAGE_NAMES_EN
    decisions = DECISION_NAMES_ZH if t.lang == "zh_CN" else DECISION_NAMES_EN
    moved = {}
    for move in review.pdca.moved:
        moved.setdefault(move["cycle_id"], []).append(
            f"{stages[move['from_stage']]}→{stages[move['to_stage']]} {move['at'][5:10]}")
    stalled = {cycle.id: reason for cycle, reason in review.pdca.stalled}
    rows, kinds_per_row = [], []
    for cycle in review.pdca.live:
        check = cycle.check
        value_kind = {"percent": "percent", "money": "money"}.get(review.pdca.metric_types.get(cycle.id, ""), "number")
        reached = None if check is None or check.target_reached is None else t("reached" if check.target_reached else "missed")
        reason = stalled.get(cycle.id)
        rows.append([cycle.id, cycle.title_in(t.lang), stages[cycle.stage], cycle.metric_label, cycle.baseline, cycle.target,
                     cycle.prediction, check.before_mean if check else None, check.after_mean if check else None,
                     check.change_pct if check else None, reached, t("moves_sep").join(moved.get(cycle.id, [])),
                     t("stalled." + reason) if reason else "", cycle.next_review,
                     decisions.get(cycle.act_decision or "", ""), cycle.problem, cycle.hypothesis, cycle.root_cause,
                     cycle.act_notes])
        kinds_per_row.append(value_kind)
    names = t("pdca.headers")
    w.header(1, names)
    for offset, (values, value_kind) in enumerate(zip(rows, kinds_per_row), start=2):
        kinds = ["int", "text", "text", "text", value_kind, value_kind, value_kind, value_kind, value_kind, "percent",
                 "text", "text", "text", "date", "text", "text", "text", "text", "text"]
        for column, (value, kind) in enumerate(zip(values, kinds), start=1):
            cell = w.cell(offset, column, value, kind)
            if column > 15:   # the notes are sentences: wrap them in a readable column
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    _finish_list(w, len(names), len(rows))
    for column in range(16, len(names) + 1):
        letter = get_column_letter(column)
        w.sheet.column_dimensions[letter].width = min(max(w.sheet.column_dimensions[letter].width or 0, 16), 40)
    return len(rows)


def _metrics(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    metrics = review.metrics
    names = [t("date"), *[m.metric for m in metrics]]
    days = metrics[0].days if metrics else [d.isoformat() for d in review.week.previous().days() + review.week.days()]
    w.header(1, names)
    for offset, day in enumerate(days, start=2):
        w.cell(offset, 1, day, "date")
        for column, metric in enumerate(metrics, start=2):
            kind = {"percent": "percent", "money": "money", "integer": "int"}.get(metric.type, "number")
            value = metric.values[offset - 2]
            w.cell(offset, column, round(value) if kind == "int" and value is not None else value, kind)
    last_row = len(days) + 1
    summary = last_row + 2
    w.header(summary, [t("metric"), t("this_mean"), t("previous_mean"), t("wow")])
    for offset, metric in enumerate(metrics, start=summary + 1):
        kind = {"percent": "percent", "money": "money"}.get(metric.type, "number")
        w.cell(offset, 1, metric.metric)
        w.cell(offset, 2, metric.this_mean, kind)
        w.cell(offset, 3, metric.previous_mean, kind)
        w.cell(offset, 4, metric.change_pct, "percent")
    w.fit(minimum=12)
    w.sheet.freeze_panes = "B2"
    _print_setup(w.sheet, landscape=True)
    # One small native line chart per metric: their scales differ too much to share an axis. They stack
    # below the tables (not beside the columns, which would push them off a page one column wide).
    first_chart_row = summary + len(metrics) + 2
    for index, metric in enumerate(metrics[:6]):
        chart = LineChart()
        chart.title = metric.metric
        chart.height, chart.width = CHART_HEIGHT_CM, CHART_WIDTH_CM
        chart.legend = None
        chart.y_axis.numFmt = _number_format(metric.type)
        chart.x_axis.number_format = "mm-dd"
        chart.add_data(Reference(w.sheet, min_col=index + 2, min_row=1, max_row=last_row), titles_from_data=True)
        chart.set_categories(Reference(w.sheet, min_col=1, min_row=2, max_row=last_row))
        for series in chart.series:
            series.smooth = False   # a metric's days are points joined by straight lines, not a curve
        anchor = first_chart_row + index * CHART_ROWS
        w.sheet.add_chart(chart, f"A{anchor}")
        if index % 2 == 0:   # two charts to a printed page, never one cut across two
            w.sheet.row_breaks.append(Break(id=anchor - 1))
    return len(days) * len(metrics)


def _alerts(w: SheetWriter, review: WeekReview, t: WorkbookText, rule_lines: dict[int, str]) -> int:
    rows = [[a["date"], a.get("end_date") or a["date"], t.get("level." + a["level"], a["level"]), a["dataset"], a["metric"],
             a["value"], a["reference"], rule_lines.get(a.get("rule_id"), a["rule_text"]),
             t.get("alert." + a["status"], a["status"])]
            for a in review.alerts]
    names = t("alerts.headers")   # an alert is an episode
    w.table(1, names, ["date", "date", "text", "text", "text", "number", "number", "text", "text"], rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _campaigns(w: SheetWriter, review: WeekReview, t: WorkbookText) -> int:
    """The week's campaigns with ROI = (收益 − 成本) / 成本, best first (none computable last)."""
    ordered = sorted(review.campaigns, key=lambda c: (c.roi is None, -(c.roi or 0)))
    rows = [[c.dataset, c.name, c.cost, c.revenue, c.roi] for c in ordered]
    names = t("roi.headers")
    w.table(1, names, ["text", "text", "money", "money", "percent"], rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _print_setup(sheet, *, landscape: bool) -> None:
    """Print (and PDF) one page wide, as many pages tall as needed, header row repeated."""
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"


def _finish_list(w: SheetWriter, columns: int, rows: int) -> None:
    _print_setup(w.sheet, landscape=True)
    w.sheet.print_title_rows = "1:1"
    w.fit()
    w.sheet.freeze_panes = "A2"
    if rows:
        w.sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def _rule_lines(db: Database, lang: str) -> dict[int, str]:
    from workbench.reports.alert_store import rule_lines

    return rule_lines(db, lang)


class ExportCancelled(Exception):
    """The operator cancelled the export; nothing was written."""


def export_week(db: Database, week: IsoWeek, out: str | Path, *, today: date, masked: bool = True,
                overwrite: bool = True, should_stop: Callable[[], bool] | None = None,
                lang: str | None = None) -> ExportResult:
    """Write the review sheet of `week` to out (atomically) and record it in the audit log.

    lang: 'zh_CN' or 'en' for every word the workbook writes itself; default the app's language.

    should_stop is polled between the steps; when it returns True, ExportCancelled is raised and no
    file is written."""
    stop = should_stop or (lambda: False)
    recordable = audit.can_record_export(db, masked)  # read-only: masked goes ahead, unmasked is refused
    review = collect_week(db, week, today, rows=True)
    if stop():
        raise ExportCancelled()
    lang = lang or current_language()
    book, rows = build_workbook(review, load_review(db, week), masked=masked, lang=lang,
                                rule_lines=_rule_lines(db, lang) if review.alerts else {})
    if stop():
        raise ExportCancelled()
    out = Path(out)
    with atomic_output(out, overwrite=overwrite) as temporary:
        save_workbook(book, temporary)
    if recordable:
        audit.record_export(db, out.name, rows, masked, what=WorkbookText(lang)("audit.what", week=week.label))
    return ExportResult(out, week.label, book.sheetnames, rows, masked)
