"""Opening what a task points at, through AppEvents.navigate (the target page's open_item gets it).

Targets: a user → ("contacts", user_id); a contact record → ("contacts", {"contact_id": id});
a PDCA cycle → ("pdca", cycle_id); an alert → ("dashboard", {"alert_id": id}); a recall sequence
(its day task) → ("contacts", {"queue": id}), the 召回队列 tab with that sequence.
"""
from __future__ import annotations

from workbench.tasks.model import Task


def navigation_target(kind: str, value: int) -> tuple[str, object]:
    if kind == "user":
        return "contacts", value
    if kind == "contact":
        return "contacts", {"contact_id": value}
    if kind == "pdca":
        return "pdca", value
    if kind == "alert":
        return "dashboard", {"alert_id": value}
    if kind == "sequence":
        return "contacts", {"queue": value}
    raise ValueError(kind)


def open_link(ctx, kind: str, value: int) -> None:
    area, target = navigation_target(kind, value)
    ctx.events.navigate.emit(area, target)


def open_first_link(ctx, task: Task) -> bool:
    for kind, value in task.links.items():
        open_link(ctx, kind, value)
        return True
    return False
