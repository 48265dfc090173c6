"""Triage stays true through an undo (issue 18 part 4): Ctrl+Z during triage brings the task's card back
with the counter where it was, and an undo at "inbox zero" leaves that state; no label is clipped."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from workbench.tasks import repository as repo

NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def triage(main_window, qtbot):
    ctx = main_window.ctx
    ctx.clock = lambda: NOW
    ids = [repo.create_task(ctx.db, f"回访 用户{n}", now=NOW) for n in range(3)]
    main_window.show_area("tasks")
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    page = main_window.page("tasks")
    page.refresh()
    page.start_triage()
    qtbot.waitUntil(page.triage.hasFocus)
    return main_window, page.triage, ids


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_undo_during_triage_brings_the_card_back_with_its_counter(triage, qtbot):
    window, view, ids = triage
    assert (view.progress.text(), view.title.text()) == ("1 / 3", "回访 用户0")
    _key(qtbot, Qt.Key.Key_1)
    _key(qtbot, Qt.Key.Key_2)
    assert (view.progress.text(), view.title.text()) == ("3 / 3", "回访 用户2")
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the 2 of 回访 用户1 undone
    assert repo.get_task(window.ctx.db, ids[1]).quadrant == "inbox"
    assert (view.progress.text(), view.title.text()) == ("2 / 3", "回访 用户1")
    _key(qtbot, Qt.Key.Key_3)
    assert repo.get_task(window.ctx.db, ids[1]).quadrant == "q3"
    assert (view.progress.text(), view.title.text()) == ("3 / 3", "回访 用户2")


def test_undo_at_inbox_zero_leaves_inbox_zero(triage, qtbot):
    window, view, ids = triage
    for key in (Qt.Key.Key_1, Qt.Key.Key_D, Qt.Key.Key_4):
        _key(qtbot, key)
    assert view.zero.isVisible() and not view.card.isVisible()
    assert view.progress.text() == "已分拣 3 项"
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo.get_task(window.ctx.db, ids[2]).quadrant == "inbox"
    assert not view.zero.isVisible() and view.card.isVisible()
    assert (view.progress.text(), view.title.text()) == ("3 / 3", "回访 用户2")
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the D: done → open again
    assert repo.get_task(window.ctx.db, ids[1]).status == "open"
    assert (view.progress.text(), view.title.text()) == ("2 / 3", "回访 用户1")
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the 1: back to the first card
    assert (view.progress.text(), view.title.text()) == ("1 / 3", "回访 用户0")
    for key in (Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_2):
        _key(qtbot, key)
    assert view.zero.isVisible() and repo.count_inbox(window.ctx.db) == 0


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_triage_label_is_clipped_in_a_small_window(triage, qtbot, language):
    from workbench.ui.shell.nav_rail import NavRail

    window, view, _ids = triage
    if language != "zh_CN":
        window.set_language(language)  # rebuilds every page in English
        page = window.page("tasks")
        page.start_triage()
        view = page.triage
    # The triage fits beside the rail in a 1024-pixel window (four quadrant keys side by side did not).
    assert view.minimumSizeHint().width() <= 1024 - NavRail.WIDTH
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    qtbot.wait(50)
    shown = [w for w in view.findChildren(QLabel) + view.findChildren(QPushButton)
             if w.isVisible() and (w.text() if isinstance(w, QPushButton) else not w.wordWrap() and w.text())]
    assert len(shown) >= 10
    clipped = [w.text() for w in shown if w.width() < w.sizeHint().width()]
    assert clipped == []
