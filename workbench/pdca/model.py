"""A PDCA cycle as the rest of the app sees it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from workbench.pdca.check import CheckResult
from workbench.tasks import generated_text

COLUMNS = ("id", "title", "problem", "metric_dataset", "metric_column", "baseline", "target", "deadline",
           "hypothesis", "prediction", "root_cause", "link_topic", "stage", "stage_since", "do_started",
           "baseline_days", "next_review", "check_json", "checked_at", "act_decision", "act_notes",
           "previous_id", "snippet_id", "stall_task_id", "created_at", "closed_at", "alert_id", "review_days",
           "reviewed_at", "background", "current_condition", "ab_dataset", "ab_group_column", "ab_outcome_column",
           "cost", "revenue", "title_kind", "title_params")
# Fields the operator edits directly (everything else follows from stage moves and the Act step).
EDITABLE = ("title", "problem", "metric_dataset", "metric_column", "baseline", "target", "deadline",
            "hypothesis", "prediction", "root_cause", "link_topic", "baseline_days", "next_review", "act_notes",
            "review_days", "background", "current_condition", "ab_dataset", "ab_group_column", "ab_outcome_column",
            "cost", "revenue")


@dataclass
class Cycle:
    id: int
    title: str
    problem: str = ""
    metric_dataset: str | None = None
    metric_column: str | None = None
    baseline: float | None = None
    target: float | None = None
    deadline: str | None = None
    hypothesis: str = ""
    prediction: float | None = None
    root_cause: str = ""
    link_topic: str = ""
    stage: str = "plan"
    stage_since: str = ""
    do_started: str | None = None
    baseline_days: int = 14
    next_review: str | None = None
    check_json: str | None = None
    checked_at: str | None = None
    act_decision: str | None = None
    act_notes: str = ""
    previous_id: int | None = None
    snippet_id: int | None = None
    stall_task_id: int | None = None
    created_at: str = ""
    closed_at: str | None = None
    alert_id: int | None = None  # the dashboard alert the cycle was drafted from (from_alert.py)
    review_days: int | None = None  # None: the stage's default (stages.REVIEW_DAYS)
    reviewed_at: str | None = None
    background: str = ""          # A3: why this matters now
    current_condition: str = ""   # A3: where things stand, with numbers
    ab_dataset: str | None = None         # checked by groups: the dataset with one row per user
    ab_group_column: str | None = None    # 实验组/对照组, A/B, 版本
    ab_outcome_column: str | None = None  # converted yes/no, an amount, retained
    cost: float | None = None             # ROI = (revenue − cost) / cost
    revenue: float | None = None
    title_kind: str | None = None    # a generated title (第2轮, from an alert): its kind, tasks/generated_text.py
    title_params: str | None = None  # …and its parameters (JSON); `title` is then rendered when read
    stored_title: str = ""           # the title column as stored

    @classmethod
    def from_row(cls, row) -> "Cycle":
        values = dict(zip(COLUMNS, row))
        for text in ("problem", "hypothesis", "root_cause", "link_topic", "act_notes", "background",
                     "current_condition"):
            values[text] = values[text] or ""
        values["baseline_days"] = values["baseline_days"] or 14
        values["stored_title"] = values["title"]
        values["title"] = generated_text.title(values["title"], values["title_kind"], values["title_params"])
        return cls(**values)

    def title_in(self, lang: str | None) -> str:
        """The title in `lang` (a workbook exported in the other language); `title` is the app's language."""
        return generated_text.title(self.stored_title or self.title, self.title_kind, self.title_params, lang)

    @property
    def title_param(self):
        """This cycle's title as a parameter of another generated text (a stall task, an SOP, a next round)."""
        return generated_text.nested(self.stored_title or self.title, self.title_kind, self.title_params)

    @property
    def metric_label(self) -> str:
        if not self.metric_column:
            return ""
        return f"{self.metric_dataset} · {self.metric_column}" if self.metric_dataset else self.metric_column

    @property
    def stage_since_date(self) -> date:
        return date.fromisoformat(self.stage_since[:10])

    @property
    def do_start_date(self) -> date | None:
        return date.fromisoformat(self.do_started[:10]) if self.do_started else None

    @property
    def next_review_date(self) -> date | None:
        return date.fromisoformat(self.next_review[:10]) if self.next_review else None

    @property
    def check(self) -> CheckResult | None:
        if not self.check_json:
            return None
        try:
            return CheckResult.from_dict(json.loads(self.check_json))
        except (ValueError, TypeError):
            return None

    @property
    def linked_counts(self) -> dict:
        """{"contacts": {...}, "findings": {...}} stored with the Check, or {}."""
        if not self.check_json:
            return {}
        try:
            return json.loads(self.check_json).get("linked", {})
        except (ValueError, TypeError, AttributeError):
            return {}
