"""Every dashboard action that changes the database, as an UndoCommand (ui/common/undo_command.py)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from workbench.reports import alert_store, dashboard_store
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand

class _Command(UndoCommand):
    changes = Changes(reports=True)


class AlertToTaskCommand(_Command):
    """An alert becomes a 重要且紧急 task (linked by tasks.alert_id)."""

    changes = Changes(reports=True, tasks=True)

    def __init__(self, ctx, alert_id: int):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Turn alert into a task"))
        self.alert_id = alert_id
        self.task_id: int | None = None

    def do(self) -> int:
        self.status = alert_store.get_alert(self.db, self.alert_id).status  # open, or pdca
        self.task_id = alert_store.alert_to_task(self.db, self.alert_id, now=self.now)
        return self.task_id

    def undo_it(self) -> None:
        alert_store.undo_alert_to_task(self.db, self.alert_id, self.task_id, self.status)


class AlertToCycleCommand(_Command):
    """An alert becomes a PDCA cycle drafted in 计划 (linked by pdca_cycles.alert_id)."""

    changes = Changes(reports=True, pdca=True)

    def __init__(self, ctx, alert_id: int):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Turn alert into a PDCA cycle"))
        self.alert_id = alert_id
        self.alert_status = alert_store.get_alert(ctx.db, alert_id).status
        self.cycle_id: int | None = None
        self.saved: dict | None = None   # the cycle as it was when undone, so redo keeps its id

    def do(self) -> int:
        from workbench.pdca import from_alert

        self.cycle_id = from_alert.draft_cycle_from_alert(self.db, self.alert_id, now=self.now)
        return self.cycle_id

    def redo_it(self) -> None:
        from workbench.pdca import from_alert

        from_alert.redo_draft(self.db, self.alert_id, self.saved)

    def undo_it(self) -> None:
        from workbench.pdca import from_alert
        from workbench.pdca import repository as pdca_repo

        self.saved = pdca_repo.snapshot(self.db, self.cycle_id)
        from_alert.undo_draft(self.db, self.alert_id, self.cycle_id, self.alert_status)


class AlertStatusCommand(_Command):
    """Dismiss an alert (or bring it back)."""

    def __init__(self, ctx, alert_id: int, status: str):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Dismiss alert") if status == "dismissed" else QCoreApplication.translate("DashboardUndo", "Reopen alert"))
        alert = alert_store.get_alert(ctx.db, alert_id)
        self.alert_id, self.new, self.old, self.task_id = alert_id, status, alert.status, alert.task_id

    def do(self) -> None:
        alert_store.set_status(self.db, self.alert_id, self.new, self.task_id)

    def undo_it(self) -> None:
        alert_store.set_status(self.db, self.alert_id, self.old, self.task_id)


class SaveRuleCommand(_Command):
    """Add or edit a rule; it runs over the history at once."""

    def __init__(self, ctx, rule):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Edit alert rule") if rule.id else QCoreApplication.translate("DashboardUndo", "Add alert rule"))
        self.rule = rule
        self.before = replace(alert_store.get_rule(ctx.db, rule.id)) if rule.id else None

    def do(self) -> int:
        self.rule.id = alert_store.save_rule(self.db, replace(self.rule))
        return self.rule.id

    def undo_it(self) -> None:
        if self.before is None:
            alert_store.delete_rule(self.db, self.rule.id)
        else:
            alert_store.save_rule(self.db, replace(self.before))


class DeleteRuleCommand(_Command):
    def __init__(self, ctx, rule_id: int):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Delete alert rule"))
        self.rule_id = rule_id

    def do(self) -> None:
        alert_store.delete_rule(self.db, self.rule_id)

    def undo_it(self) -> None:
        alert_store.restore_rule(self.db, self.rule_id)


class SaveCardsCommand(_Command):
    """The metric cards the operator picked."""

    def __init__(self, ctx, cards: list[tuple[str, str]]):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Choose metric cards"))
        self.new = list(cards)
        self.old = dashboard_store.chosen_cards(ctx.db)

    def do(self) -> None:
        dashboard_store.save_cards(self.db, self.new)

    def undo_it(self) -> None:
        dashboard_store.save_cards(self.db, self.old)


class RecallSegmentCommand(_Command):
    """An RFM segment's users go to the contact log as a recall list (optionally a sequence starts)."""

    changes = Changes(contacts=True, tasks=True)

    def __init__(self, ctx, dataset: str, result, segment: str, id_column: str, sequence_id: int | None):
        super().__init__(ctx, QCoreApplication.translate("DashboardUndo", "Send segment to recall list"))
        self.args = (dataset, result, segment, id_column, sequence_id)
        self.recall = None

    def do(self):
        from workbench.reports.rfm_recall import send_segment_to_contacts

        self.recall = send_segment_to_contacts(self.db, *self.args, now=self.now)
        return self.recall

    def undo_it(self) -> None:
        from workbench.reports.rfm_recall import undo_recall

        undo_recall(self.db, self.recall, now=self.now)
