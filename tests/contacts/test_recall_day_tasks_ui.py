"""pytest-qt: a recall day task in the matrix opens the 召回队列 tab on its sequence."""
from datetime import datetime

from PySide6.QtCore import Qt

from workbench.contacts.sequences import Step, create_sequence, start_sequence
from workbench.contacts.users import create_user
from workbench.tasks import repository as repo

NOW = datetime(2026, 11, 25, 9, 0)


def test_opening_the_day_task_shows_its_recall_queue(main_window, qtbot):
    from workbench.ui.contacts.contacts_page import QUEUE
    from workbench.ui.shell.pages import PAGES

    db = main_window.ctx.db
    november = create_sequence(db, "流失用户召回（11月）", [Step(1, 0, 10, "电话", "电话召回")], now=NOW)
    december = create_sequence(db, "沉默用户唤醒（12月）", [Step(1, 0, 14, "微信", "微信唤醒")], now=NOW)
    start_sequence(db, november, [create_user(db, name=f"用户{i}", now=NOW) for i in range(30)], now=NOW)
    start_sequence(db, december, [create_user(db, name=f"沉默{i}", now=NOW) for i in range(5)], now=NOW)
    task = repo.tasks_linked_to(db, sequence_id=november)[0]
    assert repo.link_names(db, task) == {"sequence": "流失用户召回（11月）"}

    main_window.show_area("tasks")
    matrix = main_window.page("tasks")
    main_window.ctx.clock = lambda: NOW
    matrix.refresh()
    q1 = matrix.panels["q1"].list
    assert q1.task_ids() == [task.id, repo.tasks_linked_to(db, sequence_id=december)[0].id]  # 2 tasks, not 35
    assert q1.select_task(task.id)
    q1.setFocus()
    qtbot.keyClick(q1, Qt.Key.Key_O)

    contacts = main_window.page("contacts")
    contacts.queue.reload()
    assert main_window.current_area() == "contacts"
    assert contacts.tabs.currentIndex() == QUEUE
    # The queue shows November's list (the combo's default would be the newest, December).
    assert contacts.queue.current_sequence() == november
    assert contacts.queue.sequence.currentText() == "流失用户召回（11月）"
    assert contacts.queue.list.count() == 30
    assert contacts.queue.days.text() == "待联系：今天 30"  # the same count as the task it came from
    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)
    qtbot.wait(80)


def test_the_day_task_reads_well_on_the_card_and_in_the_menu(ctx):
    from workbench.ui.tasks.links import navigation_target
    from workbench.ui.tasks.task_format import link_summary

    sequence = create_sequence(ctx.db, "流失用户召回（11月）", [Step(1, 0, 10, "电话", "电话召回")], now=NOW)
    start_sequence(ctx.db, sequence, [create_user(ctx.db, name="王芳", now=NOW)], now=NOW)
    task = repo.tasks_linked_to(ctx.db, sequence_id=sequence)[0]
    assert link_summary(task, repo.link_names(ctx.db, task)) == [("sequence", "召回队列 流失用户召回（11月）", sequence)]
    assert navigation_target("sequence", sequence) == ("contacts", {"queue": sequence})
