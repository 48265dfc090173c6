"""Icons from qtawesome (Material Design Icons 6), coloured for the current scheme."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon


@lru_cache(maxsize=256)
def icon(name: str, color: str | None = None) -> QIcon:
    import qtawesome  # loaded on first use: it registers its fonts with Qt

    from workbench.ui.common.theme import current_scheme

    return qtawesome.icon(name, color=color or current_scheme().muted)


def app_icon() -> QIcon:
    from workbench.ui.shell.resources import resource_path

    return QIcon(str(resource_path("icons", "workbench.svg")))
