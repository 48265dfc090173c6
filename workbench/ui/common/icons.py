"""Icons from qtawesome (Material Design Icons 6), coloured for the current scheme.

qtawesome draws from a font, so icons stay sharp at any device pixel ratio (high-DPI screens).
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (QIcon's Python enums cost ~2 ms: the first icons come after the first frame)
    from PySide6.QtGui import QIcon


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon in `color`, or in the scheme's muted text colour (so it follows light/dark)."""
    from workbench.ui.common.theme import current_scheme

    return _icon(name, color or current_scheme().muted)


def loaded_icon(name: str, color: str | None = None) -> QIcon | None:
    """The icon, or None while the icon font is not loaded yet: something painted in the first frame (a
    task row's marks) must not load it there (qtawesome's import is ~0.3 s on the GUI thread). The window
    repaints once the font is loaded (main_window._set_rail_icons)."""
    if _mdi6.cache_info().currsize == 0:
        return None
    return icon(name, color)


@lru_cache(maxsize=512)
def _icon(name: str, color: str) -> QIcon:
    return _mdi6().icon(name, color=color)


@lru_cache(maxsize=1)
def _mdi6():
    """Every icon is from Material Design Icons 6 ("mdi6.…"): only that font is loaded (~30 ms), where
    qtawesome.icon() first checks and registers its twelve bundled fonts (~100 ms on the GUI thread)."""
    import qtawesome  # (shell/warm_up.py imports it off the GUI thread after the first frame)
    from qtawesome.iconic_font import IconicFont

    return IconicFont(*(spec for spec in qtawesome._BUNDLED_FONTS if spec[0] == "mdi6"))


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The app's icon with every rendered size, so the window, task bar and dock pick a crisp one."""
    from PySide6.QtGui import QIcon

    from workbench.ui.shell.resources import resource_path

    result = QIcon()
    folder = resource_path("icons")
    for png in sorted(folder.glob("workbench-*.png")):
        result.addFile(str(png))
    result.addFile(str(folder / "workbench.svg"))
    return result
