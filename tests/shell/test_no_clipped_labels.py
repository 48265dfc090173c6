"""No text is cut off in either language at 1280×800 and 1440×900 (issue 19, English completely): the main
window walks every page and each page's states, then the main dialogs open (settings with each section,
PDCA cycle, import, quick capture; the contact form is a page state), and every visible label, button,
check box, radio button, tab and group box title must show its whole text (ui/common/clipping.py); the
window and the dialogs must fit the screen."""
from __future__ import annotations

import pytest

from tests.conftest import DEMO_TODAY

SIZES = [(1280, 800), (1440, 900)]
TITLE_AND_TASKBAR = 48  # a dialog must fit the screen with its title bar and a task bar


def _settle(qapp) -> None:
    for _ in range(4):
        qapp.processEvents()


def _walk(qapp, ctx, qtbot, size) -> list[str]:
    from PySide6.QtCore import QCoreApplication, QEvent

    from workbench.ui.common.clipping import clipped_texts
    from workbench.ui.imports.import_dialog import ImportDialog
    from workbench.ui.pdca.cycle_dialog import CycleDialog
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.pages import PAGES
    from workbench.ui.tasks.quick_capture import QuickCaptureWindow

    width, height = size
    problems: list[str] = []

    def check(where: str, root, fits: tuple[int, int]) -> None:
        _settle(qapp)
        hint = root.minimumSizeHint()
        if hint.width() > fits[0] or hint.height() > fits[1]:
            problems.append(f"[{where}] needs at least {hint.width()}×{hint.height()}, the screen gives {fits[0]}×{fits[1]}")
        problems.extend(f"[{where}] {line}" for line in clipped_texts(root) if f"] {line}" not in " ".join(problems))

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    for spec in PAGES:
        window.show_area(spec.key)
        window.resize(width, height)
        check(spec.key, window, size)
        for suffix, enter_state in window.page(spec.key).screenshot_states():
            enter_state()
            window.resize(width, height)
            check(f"{spec.key}-{suffix}", window, size)
    screen = (width, height - TITLE_AND_TASKBAR)
    window.show_settings()
    for section in range(window.settings_dialog.sections.count()):
        window.settings_dialog.show_section(section)
        check(f"settings-{section}", window.settings_dialog, screen)
    window.settings_dialog.reject()
    for name, make in (("pdca-cycle", lambda: CycleDialog(ctx, window)), ("import", lambda: ImportDialog(ctx, "", window)),
                       ("quick-capture", lambda: QuickCaptureWindow(ctx))):
        dialog = make()
        dialog.show()
        check(name, dialog, screen)
        dialog.close()
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_is_cut_off(qapp, ctx, qtbot, lang, size):
    from workbench.app import prepare_ui
    from workbench.demo import fill_demo

    fill_demo(ctx.db, today=DEMO_TODAY)
    prepare_ui(qapp, ctx.settings, lang)
    assert _walk(qapp, ctx, qtbot, size) == []


def test_the_checker_sees_a_cut_label_a_cut_button_and_an_elided_label(qapp):
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

    from workbench.ui.common.clipping import clipped_texts

    root = QWidget()
    row = QHBoxLayout(root)
    wide = QLabel("a sentence far wider than the room it is given")
    wide.setMinimumWidth(1)
    wide.setMaximumWidth(60)
    wrapped = QLabel("wrapped text that needs several lines")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(80, 16)
    button = QPushButton("Export the weekly workbook")
    button.setFixedWidth(50)
    elided = QLabel("Handle alert: Orders…")
    elided.setToolTip("Handle alert: Orders · orders falls ≥30% vs the previous day")
    fine = QLabel("OK")
    for widget in (wide, wrapped, button, elided, fine):
        row.addWidget(widget)
    root.resize(900, 100)
    root.show()
    _settle(qapp)
    found = clipped_texts(root)
    assert len(found) == 4, found
    assert [line for line in found if "“OK”" in line] == []
    assert any("elided" in line for line in found)
