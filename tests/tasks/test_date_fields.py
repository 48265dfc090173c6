"""Every field where a person types a date reads it with the capture bar's grammar (parse_when)."""
from __future__ import annotations

from datetime import datetime

import pytest

from workbench.errors import UserError
from workbench.tasks.when_grammar import parse_when

NOW = datetime(2026, 11, 25, 9, 30)  # a Wednesday
# What the contact form used to refuse (the first four), and a sample of every family.
TYPED = ["下周一上午", "明早", "后天下午3点", "tomorrow 3pm", "下週一上午", "friday after next", "三月十五号",
         "this afternoon at 3:20", "半小时后", "中秋", "3个工作日内", "月底", "2026-12-01 15:00", "12/10", "in 2 days"]


@pytest.mark.parametrize("typed", TYPED)
def test_the_follow_up_field_reads_what_the_capture_bar_reads(typed):
    from workbench.contacts.follow_up_parse import parse_follow_up

    assert parse_follow_up(typed, NOW) == parse_when(typed, NOW).due


@pytest.mark.parametrize("typed", ["昨天", "上周五", "yesterday", "今天上午8点", "2026-11-01", "2025年3月1日"])
def test_a_past_follow_up_is_refused_with_a_sentence(typed):
    from workbench.contacts.follow_up_parse import parse_follow_up

    with pytest.raises(UserError) as refused:
        parse_follow_up(typed, NOW)
    assert "已经过去" in refused.value.zh and "already passed" in refused.value.en
    assert "\n" not in refused.value.zh


def test_an_unreadable_follow_up_is_a_sentence_naming_what_works():
    from workbench.contacts.follow_up_parse import parse_follow_up

    with pytest.raises(UserError) as refused:
        parse_follow_up("找个时间", NOW)
    assert "看不懂" in refused.value.zh and "下周一上午" in refused.value.zh


@pytest.mark.parametrize("typed", TYPED + ["2026-11-01"])
def test_the_task_editor_reads_what_the_capture_bar_reads(typed):
    from workbench.ui.tasks.task_dialog import read_due

    assert read_due(typed, NOW) == (True, parse_when(typed, NOW).due)  # a past due stays editable


def test_the_task_editor_refuses_what_the_grammar_cannot_read():
    from workbench.ui.tasks.task_dialog import read_due

    assert read_due("找个时间", NOW) == (False, None)
    assert read_due("2026-02-30", NOW) == (False, None)
    assert read_due("", NOW) == (True, None)


def test_quick_capture_and_the_capture_bar_share_the_parse(db):
    from workbench.tasks.capture import parse_for

    for typed in TYPED:
        assert parse_for(db, f"回访 {typed}", NOW).due == parse_when(typed, NOW).due


def test_the_contact_form_saves_a_follow_up_typed_in_words(ctx, qtbot):
    from workbench.contacts.users import create_user
    from workbench.ui.contacts.contact_form import ContactForm

    form = ContactForm(ctx)  # ctx's clock is pinned at NOW (conftest)
    qtbot.addWidget(form)
    assert ctx.now() == NOW
    form.user_id = create_user(ctx.db, name="王芳", now=NOW)
    form.follow_up.setText("下周一上午")
    assert form.save() is not None
    assert ctx.db.execute("SELECT follow_up_due FROM contacts").fetchone() == ("2026-11-30T09:00",)
    form.follow_up.setText("昨天")
    form.summary.setPlainText("再打一次")
    assert form.save() is None
    assert "已经过去" in form.message.text() or "already passed" in form.message.text()
    assert ctx.db.execute("SELECT count(*) FROM contacts").fetchone() == (1,)


def test_the_pdca_dialog_reads_deadline_and_next_review_with_the_grammar(ctx, qtbot):
    from workbench.ui.pdca.cycle_dialog import CycleDialog

    dialog = CycleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("优惠券咨询多、借款少")
    dialog.deadline.setText("月底")
    dialog.next_review.setText("下周五")
    _title, fields = dialog.values()
    assert (fields["deadline"], fields["next_review"]) == ("2026-11-30", "2026-12-04")
    dialog.deadline.setText("找个时间")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible() and "找个时间" in dialog.error.text()


def test_the_cli_follow_up_takes_words_and_refuses_the_past(db_path, capsys):
    from workbench.cli import main
    from workbench.contacts.users import create_user
    from workbench.store import open_database

    database = open_database(db_path)
    user = create_user(database, name="王芳", now=NOW)
    database.close()
    command = ["contact", "--db", str(db_path), "--now", "2026-11-25T09:30", "--user", str(user), "--summary", "回电"]
    assert main([*command, "--follow-up", "后天下午3点"]) == 0
    assert main([*command, "--follow-up", "昨天"]) != 0
    assert "already passed" in capsys.readouterr().err  # the CLI speaks English
    database = open_database(db_path)
    rows = database.execute("SELECT follow_up_due FROM contacts").fetchall()
    database.close()
    assert rows == [("2026-11-27T15:00",)]


def test_the_part_of_day_times_are_a_stored_setting_every_field_reads(ctx, qtbot):
    from workbench import stored_settings
    from workbench.contacts.users import create_user
    from workbench.tasks.capture import day_parts_for, parse_for
    from workbench.ui.contacts.contact_form import ContactForm

    stored_settings.put(ctx.db, {stored_settings.DAY_PARTS: {"afternoon": "14:00", "evening": "bad"}})
    assert day_parts_for(ctx.db) == {"morning": (9, 0), "noon": (12, 0), "afternoon": (14, 0)}
    assert parse_for(ctx.db, "明天下午 回访", NOW).due == "2026-11-26T14:00"
    assert parse_for(ctx.db, "明天晚上 回访", NOW).due == "2026-11-26T20:00"  # unreadable: the default
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.user_id = create_user(ctx.db, name="王芳", now=NOW)
    form.follow_up.setText("后天下午")
    assert form.save() is not None
    assert ctx.db.execute("SELECT follow_up_due FROM contacts").fetchone() == ("2026-11-27T14:00",)
