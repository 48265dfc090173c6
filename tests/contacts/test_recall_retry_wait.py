"""The recall queue honours the 未接通 retry wait (2 h by default): an unanswered user is not offered
again at once, and comes back when the wait is over (issue 18 part 4)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from workbench.contacts.contact_log import log_contact
from workbench.contacts.sequences import Step, create_sequence, next_in_queue, recall_queue, start_sequence
from workbench.contacts.users import create_user

NOW = datetime(2026, 11, 25, 10, 0)


def _sequence(db):
    return create_sequence(db, "流失召回", [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀")],
                           now=NOW)


def test_an_unanswered_user_waits_out_the_retry_before_the_queue_offers_them_again(db):
    sequence = _sequence(db)
    first, second = (create_user(db, name=n, stage="流失", now=NOW) for n in ("甲一", "乙二"))
    enrol_first, enrol_second = start_sequence(db, sequence, [first, second], now=NOW)
    log_contact(db, user_id=first, channel="电话", topic="召回", outcome="未接通", now=NOW)
    assert next_in_queue(db, sequence, now=NOW).enrolment_id == enrol_second
    log_contact(db, user_id=second, channel="电话", topic="召回", outcome="待跟进", now=NOW)
    assert next_in_queue(db, sequence, now=NOW + timedelta(minutes=30)) is None  # only 甲一 left, still waiting
    back = next_in_queue(db, sequence, now=NOW + timedelta(hours=2))
    assert back.enrolment_id == enrol_first and back.step == 1  # same step, a new try
    assert [item.next_due for item in recall_queue(db, sequence) if item.enrolment_id == enrol_first] == [
        "2026-11-25T12:00"]


@pytest.fixture
def page(main_window, qtbot):
    from workbench.ui.shell.pages import PAGES

    main_window.show_area("contacts")
    main_window.ctx.clock = lambda: NOW
    qtbot.waitExposed(main_window)
    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)
    qtbot.wait(120)
    return main_window.page("contacts")


def test_the_queue_key_skips_the_user_who_did_not_answer(page, qtbot, db):
    sequence = _sequence(db)
    only = create_user(db, name="甲一", stage="流失", now=NOW)
    start_sequence(db, sequence, [only], now=NOW)
    page.tabs.setCurrentIndex(2)
    page.queue.select_sequence(sequence)
    page.form.summary.setFocus()
    qtbot.waitUntil(page.form.summary.hasFocus)
    next_user = (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page, *next_user)
    assert page.form.user_id == only
    page.form.outcome.setCurrentText("未接通")
    qtbot.keyClick(page.form.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.form.clear_user()
    qtbot.keyClick(page, *next_user)
    assert page.form.user_id is None  # not offered again at once
    page.ctx.clock = lambda: NOW + timedelta(hours=2, minutes=1)
    qtbot.keyClick(page, *next_user)
    assert page.form.user_id == only
