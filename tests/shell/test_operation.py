"""The one background-operation helper: result, sentence, cancel and progress, all reported on the GUI thread."""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from workbench.errors import UserError
from workbench.ui.common.operation import run_operation, running_operations


def _count_tasks(db):
    return db.execute("SELECT count(*) FROM tasks").fetchone()[0], threading.current_thread() is threading.main_thread()


def test_result_arrives_on_the_gui_thread_from_a_pool_thread(qtbot, db, db_path):
    db.execute("INSERT INTO tasks (title, created_at) VALUES ('写周报', '2026-11-25T09:00')")
    db.conn.commit()
    seen = {}

    def done(result):
        seen["result"], seen["gui"] = result, QThread.currentThread() is qtbot_app_thread()

    def qtbot_app_thread():
        from PySide6.QtWidgets import QApplication
        return QApplication.instance().thread()

    job = run_operation(db_path, _count_tasks, done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == (1, False)  # counted with its own connection, off the main thread
    assert seen["gui"] is True
    assert job.finished and running_operations() == 0


def test_a_user_error_becomes_its_sentence(qtbot, db, db_path):
    def refuse(db):
        raise UserError("文件已损坏。", "The file is damaged.")

    sentences = []
    run_operation(db_path, refuse, failed=sentences.append)
    qtbot.waitUntil(lambda: bool(sentences), timeout=5000)
    assert sentences[0] in ("文件已损坏。", "The file is damaged.")


def test_cancel_stops_the_job_and_reports_cancelled_only(qtbot, db, db_path):
    started = threading.Event()
    outcomes, steps = [], []

    def slow(db, job):
        for step in range(200):
            started.set()
            job.progress(step, 200, "counting")
            job.check()
            time.sleep(0.01)
        return "finished"

    job = run_operation(db_path, slow, with_job=True, done=outcomes.append, failed=outcomes.append,
                        cancelled=lambda: outcomes.append("cancelled"),
                        progressed=lambda step, total, what: steps.append((step, total, what)))
    assert started.wait(5)
    qtbot.waitUntil(lambda: bool(steps), timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    assert outcomes == ["cancelled"]
    assert steps[0] == (0, 200, "counting")


def test_cancel_interrupts_a_running_query(qtbot, db, db_path):
    outcomes = []

    def endless(db):
        return db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                          "SELECT count(*) FROM n").fetchone()

    job = run_operation(db_path, endless, done=outcomes.append, failed=outcomes.append,
                        cancelled=lambda: outcomes.append("cancelled"))
    qtbot.waitUntil(lambda: job.handle.busy, timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    assert outcomes == ["cancelled"]


def test_nothing_is_reported_to_a_widget_that_is_gone(qtbot, db, db_path):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel

    label = QLabel("counting…")
    started = threading.Event()
    release = threading.Event()
    reported = []

    def wait_then_count(db):
        started.set()
        release.wait(5)
        return _count_tasks(db)

    run_operation(db_path, wait_then_count, done=lambda result: reported.append(label.text()), owner=label)
    assert started.wait(5)
    label.deleteLater()  # the window closed while the job ran
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: running_operations() == 0, timeout=5000)
    assert reported == []


def test_long_operations_do_not_hold_back_a_short_one(qtbot, db, db_path):
    """A start-up check of a big file and an import may run for seconds: a search still answers."""
    from workbench.ui.common.operation import MIN_THREADS

    release = threading.Event()
    waiting = [run_operation(db_path, lambda db: release.wait(10)) for _ in range(MIN_THREADS - 1)]
    answers = []
    try:
        run_operation(db_path, _count_tasks, done=answers.append)
        qtbot.waitUntil(lambda: bool(answers), timeout=5000)
        assert answers == [(0, False)] and not any(job.finished for job in waiting)
    finally:
        release.set()
    qtbot.waitUntil(lambda: running_operations() == 0, timeout=5000)
