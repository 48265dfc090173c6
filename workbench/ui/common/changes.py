"""What one operation changed: one immutable value, emitted once on `ctx.events.changed`.

Modelled on Anki's OpChanges: an undo command or a background operation ends by emitting one
`Changes`, and each listener tests the fields it shows (`if changes.tasks: ...`). A field that nothing
sets cannot be listened for by mistake, because listeners name fields, not strings.

    ctx.events.changed.emit(Changes(tasks=True, contacts=True))
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    tasks: bool = False  # tasks (the matrix, the inbox, reminders, the rail's task badge)
    contacts: bool = False  # contacts, users, findings, recall sequences, lists
    pdca: bool = False  # PDCA cycles, their notes, plan steps and moves
    reports: bool = False  # datasets and imports, metric cards, alert rules and alerts
    review: bool = False  # the weekly review's sections
    settings: bool = False  # settings stored in the database (cadences, reminder lead time, quiet hours)
    # True when another process wrote to the file (store/data_version.py): everything above is set too.
    outside: bool = False

    @classmethod
    def everything(cls, *, outside: bool = False) -> "Changes":
        return cls(tasks=True, contacts=True, pdca=True, reports=True, review=True, settings=True, outside=outside)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
