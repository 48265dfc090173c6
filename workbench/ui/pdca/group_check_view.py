"""Below the Check's numbers: the check by groups (each group's rate or mean with its count, the
difference with its 95% interval, the p-value and the plain sentence), the sample size the goal needs,
and the ROI. Statistics come from workbench.pdca.ab_test; this only words them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbench.errors import current_language
from workbench.pdca import ab_test
from workbench.pdca.model import Cycle
from workbench.ui.pdca.cycle_format import change_text, value_text


class GroupCheckView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("groupCheck")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_check(self, cycle: Cycle, kind: str, data: dict | None) -> None:
        lines = []
        groups = (data or {}).get("groups")
        if groups:
            lines += self._group_lines(cycle, groups)
        rate_goal = kind == "percent" or bool(groups and groups.get("kind") == ab_test.RATE)
        needed = self._sample_size_line(cycle, "percent" if rate_goal else kind)
        if needed:
            lines.append(needed)
        money = (data or {}).get("roi")
        if money and money.get("roi") is not None:
            lines.append(self.tr("ROI %1 (cost %2, revenue %3)").replace("%1", change_text(money["roi"]))
                         .replace("%2", value_text(money["cost"], "money")).replace("%3", value_text(money["revenue"], "money")))
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))

    def _group_lines(self, cycle: Cycle, groups: dict) -> list[str]:
        error = groups.get("error")
        if error == "dataset_missing":
            return [self.tr("The group dataset “%1” was deleted.").replace("%1", cycle.ab_dataset or "")]
        if error == "columns_missing":
            return [self.tr("The group or outcome column is no longer in “%1”.").replace("%1", cycle.ab_dataset or "")]
        if error:
            return [self.tr("Too few users in a group to compare.")]
        result = ab_test.Comparison.from_dict(groups)
        rate = result.kind == ab_test.RATE
        shown = "percent" if rate else "number"
        parts = []
        for group in (result.control, result.treatment):
            if rate:
                parts.append(self.tr("%1: %2 (%3 of %4)").replace("%1", group.label)
                             .replace("%2", value_text(group.value, shown)).replace("%3", str(group.successes))
                             .replace("%4", str(group.n)))
            else:
                parts.append(self.tr("%1: mean %2 (n = %3)").replace("%1", group.label)
                             .replace("%2", value_text(group.value, shown)).replace("%3", str(group.n)))
        difference = self.tr("difference %1 (95%: %2 … %3), p = %4").replace("%1", _signed(result.difference, shown)) \
            .replace("%2", _signed(result.low, shown)).replace("%3", _signed(result.high, shown)) \
            .replace("%4", f"{result.p_value:.3f}")
        sentence = ab_test.verdict(result, current_language())
        heading = self.tr("By groups")
        return [f"<b>{heading}</b>: " + " · ".join(parts), difference, _escape(sentence)]

    def _sample_size_line(self, cycle: Cycle, kind: str) -> str | None:
        """For a rate goal (baseline → target): how many users each group needs to see that lift."""
        if not cycle.ab_dataset or kind != "percent" or not cycle.baseline or cycle.target is None:
            return None
        try:
            users = ab_test.users_per_group_for_rates(cycle.baseline, cycle.target / cycle.baseline - 1)
        except ValueError:
            return None
        return (self.tr("To see %1 → %2, each group needs %3 users (80% power, α = 0.05).")
                .replace("%1", value_text(cycle.baseline, kind)).replace("%2", value_text(cycle.target, kind))
                .replace("%3", f"{users:,}"))


def _signed(value: float, kind: str) -> str:
    return ("+" if value > 0 else "") + value_text(value, kind)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
