"""The weekly review sheet (.xlsx, openpyxl): 概览, 任务, 联系记录, 发现, PDCA, 指标 and 预警 (when any fired).

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
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from workbench import audit
from workbench.export_safety import atomic_output, save_workbook, set_text_cell, sheet_name
from workbench.pdca.stages import DECISION_NAMES_ZH, STAGE_NAMES_ZH
from workbench.privacy import mask_phone, mask_text
from workbench.review.assemble import WeekReview, collect_week
from workbench.review.repository import SECTION_NAMES_ZH, SECTIONS, load_review
from workbench.review.sections import QUADRANT_SHORT, section_facts
from workbench.review.weekly import is_overdue_in_week
from workbench.review.weeks import IsoWeek

if TYPE_CHECKING:
    from sqlite_utils import Database

SHEETS = ("概览", "任务", "联系记录", "发现", "PDCA", "指标")
ALERT_SHEET = "预警"
ROI_SHEET = {"zh_CN": "活动ROI", "en": "Campaign ROI"}
ROI_HEADERS = {"zh_CN": ["数据集", "活动", "成本", "收益", "ROI"], "en": ["Dataset", "Campaign", "Cost", "Revenue", "ROI"]}
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12, color="1F4E79")
THIN = Border(bottom=Side(style="thin", color="BFBFBF"))
DATE_FORMAT, DATETIME_FORMAT, PERCENT_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "0.0%"
INTEGER_FORMAT, NUMBER_FORMAT, MONEY_FORMAT = "#,##0", "#,##0.00", "¥#,##0.00"
MAX_WIDTH = 60
LEVEL_ZH = {"red": "红色", "orange": "橙色", "yellow": "黄色"}
STATUS_ZH = {"open": "未完成", "done": "已完成", "dropped": "已放弃"}


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


def build_workbook(review: WeekReview, texts, *, masked: bool = True) -> tuple[Workbook, int]:
    """The workbook and how many data rows it holds."""
    book = Workbook()
    taken: set[str] = set()
    overview = book.active
    overview.title = sheet_name(SHEETS[0], taken)
    rows = 0
    _overview(SheetWriter(overview, masked), review, texts)
    writer = lambda name: SheetWriter(book.create_sheet(sheet_name(name, taken)), masked)  # noqa: E731
    rows += _tasks(writer(SHEETS[1]), review)
    rows += _contacts(writer(SHEETS[2]), review)
    rows += _findings(writer(SHEETS[3]), review)
    rows += _pdca(writer(SHEETS[4]), review)
    rows += _metrics(writer(SHEETS[5]), review)
    if review.alerts:
        rows += _alerts(writer(ALERT_SHEET), review)
    if review.campaigns:
        rows += _campaigns(writer(ROI_SHEET["zh_CN"]), review)
    return book, rows


def _overview(w: SheetWriter, review: WeekReview, texts) -> None:
    week = review.week
    title = w.cell(1, 1, f"周复盘 {week.label}（{week.monday:%Y-%m-%d} ~ {week.sunday:%Y-%m-%d}）")
    title.font = TITLE_FONT
    c, f = review.contacts, review.findings
    facts = [
        ("完成任务", review.done_total, "int"),
        ("其中 重要不紧急 占比", review.q2_share, "percent"),
        *[(f"完成 · {QUADRANT_SHORT['zh_CN'][k]}", review.done_by_quadrant.get(k, 0), "int") for k in ("q1", "q2", "q3", "q4", "inbox")],
        ("逾期任务", len(review.overdue), "int"),
        ("顺延到下周", len(review.rolled_over), "int"),
        ("新记下", review.captured, "int"),
        ("联系次数", c["total"], "int"),
        ("联系用户数", c["users"], "int"),
        ("转化次数", c["conversions"], "int"),
        ("召回成功率", review.recall_success, "percent"),
        ("新发现", f["new"], "int"),
        ("PDCA 阶段推进", len(review.pdca.moved), "int"),
        ("PDCA 完成检查", len(review.pdca.checked), "int"),
        ("PDCA 停滞", len(review.pdca.stalled), "int"),
        ("触发预警", len(review.alerts), "int"),
    ]
    w.header(3, ["项目", "数值"])
    for offset, (name, value, kind) in enumerate(facts, start=4):
        w.cell(offset, 1, name)
        w.cell(offset, 2, value if value is not None else "—", kind if value is not None else "text")
    row = 4 + len(facts) + 1
    if review.metrics:
        w.header(row, ["指标", "本周日均", "上周日均", "周环比"])
        for metric in review.metrics:
            row += 1
            w.cell(row, 1, metric.metric)
            kind = {"percent": "percent", "money": "money", "integer": "number"}.get(metric.type, "number")
            w.cell(row, 2, metric.this_mean, kind)
            w.cell(row, 3, metric.previous_mean, kind)
            w.cell(row, 4, metric.change_pct, "percent")
        row += 2
    facts_by_section = section_facts(review, "zh_CN")
    for key in SECTIONS:
        heading = w.cell(row, 1, SECTION_NAMES_ZH[key])
        heading.font, heading.border = SECTION_FONT, THIN
        row += 1
        text = texts.section(key).strip() if texts else ""
        body = w.sheet.cell(row=row, column=1)
        set_text_cell(body, w.shown(text) or "（未填写）")
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


def _quadrant(task: dict) -> str:
    if task["triaged_at"] is None:
        return QUADRANT_SHORT["zh_CN"]["inbox"]
    key = {(1, 1): "q1", (1, 0): "q2", (0, 1): "q3", (0, 0): "q4"}[(int(task["important"]), int(task["urgent"]))]
    return QUADRANT_SHORT["zh_CN"][key]


def _tasks(w: SheetWriter, review: WeekReview) -> int:
    start, end = review.week.monday.isoformat(), review.week.next_monday.isoformat()
    rolled = {t["id"] for t in review.rolled_over}
    rows = []
    for task in review.tasks:
        why = [label for label, stamp in (("新建", task["created_at"]), ("完成", task["done_at"] if task["status"] == "done" else None),
                                           ("到期", task["due"])) if stamp and start <= stamp < end]
        overdue = is_overdue_in_week(task["due"], task["status"], task["done_at"], review.week, review.today)
        rows.append([task["id"], task["title"], _quadrant(task), STATUS_ZH.get(task["status"], task["status"]),
                     task["due"], task["created_at"], task["done_at"], "、".join(why),
                     "是" if overdue else "", "是" if task["id"] in rolled else "", task["pdca_cycle_id"]])
    names = ["编号", "标题", "象限", "状态", "截止", "创建时间", "完成时间", "本周", "逾期", "顺延", "PDCA"]
    kinds = ["int", "text", "text", "text", "datetime", "datetime", "datetime", "text", "text", "text", "int"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _contacts(w: SheetWriter, review: WeekReview) -> int:
    rows = [[c["at"], c["name"], mask_phone(c["phone"]) if w.masked else c["phone"], c["channel"], c["direction"],
             c["topic"], c["outcome"], c["summary"], c["follow_up_due"]]
            for c in review.contact_rows]
    names = ["时间", "用户", "手机", "渠道", "方向", "主题", "结果", "摘要", "跟进"]
    kinds = ["datetime", "text", "text", "text", "text", "text", "text", "text", "datetime"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _findings(w: SheetWriter, review: WeekReview) -> int:
    start = review.week.monday.isoformat()
    rows = [[f["id"], f["kind"], f["text"], f["status"], f["mentions"],
             f["created_at"], f["updated_at"], "是" if (f["created_at"] or "") >= start else ""]
            for f in review.finding_rows]
    names = ["编号", "类型", "内容", "状态", "提及次数", "发现时间", "更新时间", "本周新增"]
    kinds = ["int", "text", "text", "text", "int", "datetime", "datetime", "text"]
    w.table(1, names, kinds, rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _pdca(w: SheetWriter, review: WeekReview) -> int:
    moved = {}
    for move in review.pdca.moved:
        moved.setdefault(move["cycle_id"], []).append(
            f"{STAGE_NAMES_ZH[move['from_stage']]}→{STAGE_NAMES_ZH[move['to_stage']]} {move['at'][5:10]}")
    stalled = {cycle.id: reason for cycle, reason in review.pdca.stalled}
    rows, kinds_per_row = [], []
    for cycle in review.pdca.live:
        check = cycle.check
        value_kind = {"percent": "percent", "money": "money"}.get(review.pdca.metric_types.get(cycle.id, ""), "number")
        reached = None if check is None or check.target_reached is None else ("达成" if check.target_reached else "未达成")
        rows.append([cycle.id, cycle.title, STAGE_NAMES_ZH[cycle.stage], cycle.metric_label, cycle.baseline, cycle.target,
                     cycle.prediction, check.before_mean if check else None, check.after_mean if check else None,
                     check.change_pct if check else None, reached, "；".join(moved.get(cycle.id, [])),
                     {"idle": "长时间无进展", "check_overdue": "检查逾期"}.get(stalled.get(cycle.id, ""), ""),
                     cycle.next_review, DECISION_NAMES_ZH.get(cycle.act_decision or "", "")])
        kinds_per_row.append(value_kind)
    names = ["编号", "循环", "阶段", "指标", "基线", "目标", "预测", "检查前均值", "检查后均值", "变化%", "目标达成",
             "本周推进", "停滞", "下次检查", "处理决定"]
    w.header(1, names)
    for offset, (values, value_kind) in enumerate(zip(rows, kinds_per_row), start=2):
        kinds = ["int", "text", "text", "text", value_kind, value_kind, value_kind, value_kind, value_kind, "percent",
                 "text", "text", "text", "date", "text"]
        for column, (value, kind) in enumerate(zip(values, kinds), start=1):
            w.cell(offset, column, value, kind)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _metrics(w: SheetWriter, review: WeekReview) -> int:
    metrics = review.metrics
    names = ["日期", *[m.metric for m in metrics]]
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
    w.header(summary, ["指标", "本周日均", "上周日均", "周环比"])
    for offset, metric in enumerate(metrics, start=summary + 1):
        kind = {"percent": "percent", "money": "money"}.get(metric.type, "number")
        w.cell(offset, 1, metric.metric)
        w.cell(offset, 2, metric.this_mean, kind)
        w.cell(offset, 3, metric.previous_mean, kind)
        w.cell(offset, 4, metric.change_pct, "percent")
    w.fit(minimum=12)
    w.sheet.freeze_panes = "B2"
    _print_setup(w.sheet, landscape=True)
    # One small native line chart per metric: their scales differ too much to share an axis.
    anchor_column = get_column_letter(len(names) + 2)
    for index, metric in enumerate(metrics[:6]):
        chart = LineChart()
        chart.title = metric.metric
        chart.height, chart.width = 6.5, 16
        chart.legend = None
        chart.y_axis.numFmt = _number_format(metric.type)
        chart.x_axis.number_format = "mm-dd"
        chart.add_data(Reference(w.sheet, min_col=index + 2, min_row=1, max_row=last_row), titles_from_data=True)
        chart.set_categories(Reference(w.sheet, min_col=1, min_row=2, max_row=last_row))
        w.sheet.add_chart(chart, f"{anchor_column}{1 + index * 14}")
    return len(days) * len(metrics)


def _alerts(w: SheetWriter, review: WeekReview) -> int:
    rows = [[a["date"], a.get("end_date") or a["date"], LEVEL_ZH.get(a["level"], a["level"]), a["dataset"], a["metric"], a["value"], a["reference"],
             a["rule_text"], {"open": "未处理", "task": "已转任务", "pdca": "已转PDCA", "dismissed": "已忽略"}.get(a["status"], a["status"])]
            for a in review.alerts]
    names = ["日期", "至", "级别", "数据集", "指标", "值", "参考值", "规则", "状态"]   # an alert is an episode
    w.table(1, names, ["date", "date", "text", "text", "text", "number", "number", "text", "text"], rows)
    _finish_list(w, len(names), len(rows))
    return len(rows)


def _campaigns(w: SheetWriter, review: WeekReview, lang: str = "zh_CN") -> int:
    """The week's campaigns with ROI = (收益 − 成本) / 成本, best first (none computable last)."""
    ordered = sorted(review.campaigns, key=lambda c: (c.roi is None, -(c.roi or 0)))
    rows = [[c.dataset, c.name, c.cost, c.revenue, c.roi] for c in ordered]
    names = ROI_HEADERS[lang]
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


class ExportCancelled(Exception):
    """The operator cancelled the export; nothing was written."""


def export_week(db: Database, week: IsoWeek, out: str | Path, *, today: date, masked: bool = True,
                overwrite: bool = True, should_stop: Callable[[], bool] | None = None) -> ExportResult:
    """Write the review sheet of `week` to out (atomically) and record it in the audit log.

    should_stop is polled between the steps; when it returns True, ExportCancelled is raised and no
    file is written."""
    stop = should_stop or (lambda: False)
    recordable = audit.can_record_export(db, masked)  # read-only: masked goes ahead, unmasked is refused
    review = collect_week(db, week, today, rows=True)
    if stop():
        raise ExportCancelled()
    book, rows = build_workbook(review, load_review(db, week), masked=masked)
    if stop():
        raise ExportCancelled()
    out = Path(out)
    with atomic_output(out, overwrite=overwrite) as temporary:
        save_workbook(book, temporary)
    if recordable:
        audit.record_export(db, out.name, rows, masked, what=f"周复盘 {week.label}")
    return ExportResult(out, week.label, book.sheetnames, rows, masked)
