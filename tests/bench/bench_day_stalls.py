"""The operator's day on a scale-100 database, with an event-loop stall monitor (issue 18 part 3).

Not collected by default. Build the database once (takes minutes), then run:

    workbench --db /tmp/s100.db demo --scale 100
    WORKBENCH_BENCH_DB=/tmp/s100.db QT_QPA_PLATFORM=offscreen python -m pytest tests/bench/bench_day_stalls.py -s

The tour works on a copy. A QTimer ticks every 10 ms on the GUI thread; a step's stall is the longest
gap between two ticks, minus the interval: how long the window could not answer a key or repaint.
Each step is driven by real keys where the operator uses keys, then the loop is pumped until its
background work has reported. Prints the worst stall per step; the goal is < 100 ms everywhere.

BENCH_STALL_STACKS=1 also says what the GUI thread was doing during each step's worst stall: a thread
samples its stack every 2 ms, and the most frequent workbench frames (and the module being imported,
if any) inside the stall are printed under the step.
"""
from __future__ import annotations

import collections
import os
import shutil
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QThread, QTimer
from PySide6.QtTest import QTest

TICK_MS = 10
GOAL_MS = 100


class StackSampler:
    """Every 2 ms, what the GUI thread is running: (perf_counter, where) pairs, where names the innermost
    workbench frame and the outermost module being imported under it."""

    def __init__(self, thread_id: int):
        self.thread_id = thread_id
        self.samples: collections.deque = collections.deque(maxlen=200_000)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(0.002):
            frame = sys._current_frames().get(self.thread_id)
            if frame is not None:
                self.samples.append((time.perf_counter(), _where(frame)))

    def between(self, start: float, end: float, top: int = 4) -> list[tuple[str, int]]:
        counts = collections.Counter(where for at, where in list(self.samples) if start <= at <= end)
        return counts.most_common(top)


def _where(frame) -> str:
    innermost = f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno} {frame.f_code.co_name}"
    workbench = imported = None
    while frame is not None and workbench is None:
        code = frame.f_code
        if "/workbench/" in code.co_filename:
            workbench = f"{code.co_filename.split('/workbench/')[-1]}:{frame.f_lineno} {code.co_name}"
        elif code.co_name == "<module>" and "site-packages" in code.co_filename:
            imported = frame.f_globals.get("__name__", code.co_filename)  # the outermost under workbench wins
        frame = frame.f_back
    return f"{workbench or innermost}" + (f"  [importing {imported}]" if imported else "")


class StallMonitor:
    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0.0
        self.worst_span = (0.0, 0.0)  # perf_counter seconds of the worst stall
        self._last_perf = time.perf_counter()
        self.sampler = StackSampler(threading.get_ident()) if os.environ.get("BENCH_STALL_STACKS") else None
        if self.sampler is not None:
            self.sampler.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        perf = time.perf_counter()
        if now - self.last - TICK_MS > self.worst:
            self.worst = now - self.last - TICK_MS
            self.worst_span = (self._last_perf, perf)
        self.last = now
        self._last_perf = perf

    def culprits(self) -> list[tuple[str, int]]:
        return self.sampler.between(*self.worst_span) if self.sampler is not None else []

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def measure(self, action, settle=lambda: True, settle_ms: int = 300, timeout_ms: int = 120_000) -> tuple[float, float]:
        """Run action, then pump events until settle() holds (and at least settle_ms); (worst stall, seconds)."""
        QCoreApplication.processEvents()
        self.last, self.worst = self.clock.elapsed(), 0.0
        self._last_perf = time.perf_counter()
        started = time.perf_counter()
        action()
        self._tick()  # a synchronous action is a stall in itself
        deadline = time.perf_counter() + timeout_ms / 1000
        minimum = time.perf_counter() + settle_ms / 1000
        while time.perf_counter() < deadline and (time.perf_counter() < minimum or not settle()):
            QCoreApplication.processEvents()
            QThread.msleep(1)
        return self.worst, time.perf_counter() - started


def _type(widget, text: str) -> None:
    from qt_typing import type_text

    widget.setFocus()
    type_text(widget, text)


@pytest.fixture
def day_db(tmp_path):
    source = Path(os.environ.get("WORKBENCH_BENCH_DB", "/tmp/s100.db"))
    if not source.exists():
        pytest.fail(f"build the scale-100 database first: workbench --db {source} demo --scale 100")
    target = tmp_path / "day.db"
    from workbench.store import open_database

    db = open_database(source)  # checkpoints the WAL into the file before the copy
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    shutil.copyfile(source, target)
    return target


def test_a_day_without_stalls(qapp, day_db, tmp_path):
    from workbench.app import build_context, create_application, prepare_ui
    from workbench.store import open_database
    from workbench.ui.common.operation import running_operations
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.pages import PAGES

    create_application()
    db = open_database(day_db)
    ctx = build_context(day_db, db)
    ctx.clock = lambda: datetime(2026, 12, 4, 10, 0)
    prepare_ui(qapp, ctx.settings, "zh_CN")
    monitor = StallMonitor()
    monitor.start()
    results: list[tuple[str, float, float]] = []
    window = {}

    def step(name, action, settle=lambda: True, settle_ms=300):
        worst, seconds = monitor.measure(action, lambda: settle() and running_operations() == 0, settle_ms)
        results.append((name, worst, seconds))
        print(f"{name:44s} worst stall {worst:7.0f} ms   step {seconds:6.2f} s", flush=True)
        for where, samples in monitor.culprits():
            print(f"        {samples * 2:5d} ms  {where}", flush=True)

    def open_window():
        window["w"] = MainWindow(ctx)
        window["w"].resize(1440, 900)
        window["w"].show()

    step("start: window shown, pages built", open_window, settle_ms=3000)
    w = window["w"]
    # Offscreen Qt activates every window shown, the missed-reminders window too (under a window manager it
    # shows without taking the keyboard: checked under Xvfb + openbox); the contact form's Ctrl+Enter is a
    # shortcut of the active window.
    w.activateWindow()
    for spec in PAGES:
        step(f"page: {spec.key}", lambda key=spec.key: w.show_area(key), settle_ms=800)

    def count(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    w.show_area("tasks")
    field = w.capture_bar.field
    tasks_before = count("SELECT max(id) FROM tasks")
    step("capture: text + Enter", lambda: (_type(field, "明天下午3点给王芳回电话"), QTest.keyClick(field, Qt.Key.Key_Return)))
    assert count("SELECT max(id) FROM tasks") == tasks_before + 1, "the capture made a task"
    matrix = w.pages["tasks"]
    step("triage: start + 3 keys", lambda: (matrix.start_triage(),
                                            [QTest.keyClick(QCoreApplication.instance().focusWidget() or matrix, k)
                                             for k in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1)]))

    w.show_area("contacts")
    contacts = w.pages["contacts"]
    step("contacts: type U2025 in search", lambda: (contacts.focus_search(), _type(contacts.search.edit, "U2025")),
         settle=lambda: not contacts.search.searching(), settle_ms=600)
    form = contacts.form

    finder = form.finder
    for typed in ("王芳", "U202500001", "5453"):  # a name, a user id, a phone's last digits
        step(f"contacts: find the user {typed}", lambda typed=typed: (contacts.focus_entry(), _type(finder.edit, typed)),
             settle=lambda: finder.matches.isVisible(), settle_ms=400)

    def save_contact():
        QTest.keyClick(finder.edit, Qt.Key.Key_Return)  # picks the first match
        _type(form.summary, "回访：用户说还款页按钮点不动")
        QTest.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    contacts_before = count("SELECT max(id) FROM contacts")
    step("contacts: pick, type, save (Ctrl+Enter)", save_contact, settle=lambda: not contacts.search.searching())
    assert count("SELECT max(id) FROM contacts") == contacts_before + 1, "the contact was saved"
    w.show_area("dashboard")
    chart = w.pages["dashboard"].chart
    step("dashboard: compare chart on 客诉工单", lambda: chart.show_kind("bars", "客诉工单"),
         settle=lambda: chart.chart is not None, settle_ms=800)
    print(f"    (bars by {chart.bar_dimension.currentText()}: {chart.chart.hover(0, 0)!r} at the bottom)")
    step("dashboard: compare chart on 渠道周报", lambda: chart.show_kind("bars", "渠道周报"), settle_ms=800)

    w.show_area("pdca")
    step("pdca: page again", lambda: w.show_area("pdca"))

    w.show_area("review")
    review = w.pages["review"]
    out = tmp_path / "周复盘.xlsx"
    step("review: export the week (masked)", lambda: review.export_current(str(out)),
         settle=lambda: review.last_export is not None, settle_ms=500)

    print()
    worst = max(results, key=lambda r: r[1])
    print(f"worst step: {worst[0]} ({worst[1]:.0f} ms); steps over {GOAL_MS} ms: "
          f"{[name for name, stall, _ in results if stall > GOAL_MS]}")
    assert review.last_export is not None and out.exists()
    QCoreApplication.processEvents()
    w.close()
    w.deleteLater()  # its pending timers must not fire against the closed connection
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if monitor.sampler is not None:
        monitor.sampler.stop()
    db.close()
