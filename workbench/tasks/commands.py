"""Headless CLI subcommands of the tasks feature (registered by workbench/cli.py).

  workbench capture [--db P] [--dry-run] [--json] [--now ISO] TEXT...   ('-' reads one capture per line)
  workbench tasks [--db P] [--json] [--quadrant q1..q4|inbox] [--all]
"""
from __future__ import annotations

import argparse

from workbench.errors import UserError, current_language


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this feature's subcommands. Each sets func(args) -> exit status; see cli.py."""
    capture = subparsers.add_parser("capture", parents=[common],
                                    help="add a task from one line of text ('-' reads lines from stdin)")
    capture.add_argument("text", nargs="*", metavar="TEXT", help="the capture, e.g. 明天下午3点 回访 @王芳 #召回 *")
    capture.add_argument("--dry-run", action="store_true", help="parse and print, save nothing")
    capture.add_argument("--json", action="store_true", help="one JSON object per capture, one per line")
    capture.set_defaults(func=cmd_capture)

    tasks = subparsers.add_parser("tasks", parents=[common], help="list open tasks (--all: done and dropped too)")
    tasks.add_argument("--json", action="store_true")
    tasks.add_argument("--quadrant", choices=["q1", "q2", "q3", "q4", "inbox"])
    tasks.add_argument("--all", action="store_true", help="include done and dropped tasks")
    tasks.set_defaults(func=cmd_tasks)


def _lines(args: argparse.Namespace) -> list[str]:
    if args.text == ["-"]:
        from workbench.text_input import read_stdin_text  # a GBK terminal's bytes are decoded, not refused

        return [line for line in (raw.strip() for raw in read_stdin_text().splitlines()) if line]
    text = " ".join(args.text).strip()
    if not text:
        raise UserError("请写下要记录的内容，例如：workbench capture 明天下午3点 回访 王芳",
                        "Write what to capture, e.g.: workbench capture tomorrow 3pm call Wang Fang")
    return [text]


def cmd_capture(args: argparse.Namespace) -> int:
    from workbench.command_line import now_of, open_db_for, print_json, say
    from workbench.store import write_transaction
    from workbench.tasks.capture import capture

    now = now_of(args)
    lines = _lines(args)
    db = open_db_for(args)
    lang = current_language()
    try:
        results = []
        # All lines of one stdin batch commit together: a bad line leaves nothing half-written.
        with write_transaction(db):
            for line in lines:
                results.append(capture(db, line, now, dry_run=args.dry_run))
    finally:
        db.close()
    for parsed, task_id in results:
        if args.json:
            print_json(parsed.as_json(task_id, lang))
        else:
            say(_describe(parsed, task_id, lang))
    return 0


def _describe(parsed, task_id, lang: str) -> str:
    from workbench.tasks.model import QUADRANT_NAMES_ZH
    from workbench.tasks.recurrence import describe

    zh = lang.startswith("zh")
    names_en = {"inbox": "inbox", "q1": "Q1 important & urgent", "q2": "Q2 important", "q3": "Q3 urgent",
                "q4": "Q4 neither"}
    where = QUADRANT_NAMES_ZH[parsed.quadrant] if zh else names_en[parsed.quadrant]
    parts = [f"#{task_id}" if task_id else ("（未保存）" if zh else "(not saved)"), parsed.title, f"[{where}]"]
    if parsed.due:
        parts.append(("截止 " if zh else "due ") + parsed.due.replace("T", " "))
    if parsed.recurrence:
        parts.append(describe(parsed.recurrence, lang))
    parts += [f"#{t}" for t in parsed.tags] + [f"@{m}" for m in parsed.mentions]
    parts += [("⚠ " + w.sentence(lang)) for w in parsed.warnings]
    return " ".join(parts)


def cmd_tasks(args: argparse.Namespace) -> int:
    from workbench.command_line import open_db_for, print_json, say
    from workbench.tasks.repository import list_all

    db = open_db_for(args)
    try:
        tasks = list_all(db, include_closed=args.all, quadrant=args.quadrant)
    finally:
        db.close()
    if args.json:
        print_json([task_json(t) for t in tasks])
        return 0
    for task in tasks:
        mark = {"open": "☐", "done": "☑", "dropped": "✗"}[task.status]
        due = f" {task.due.replace('T', ' ')}" if task.due else ""
        tags = "".join(f" #{t}" for t in task.tags)
        say(f"{mark} {task.id:>6} {task.quadrant:<5} {task.title}{due}{tags}")
    return 0


def task_json(task) -> dict:
    return {"id": task.id, "title": task.title, "quadrant": task.quadrant, "important": task.important,
            "urgent": task.urgent, "status": task.status, "due": task.due, "tags": task.tags,
            "recurrence": task.recurrence, "notes": task.notes, "created_at": task.created_at,
            "triaged_at": task.triaged_at, "done_at": task.done_at, "user_id": task.user_id,
            "contact_id": task.contact_id, "pdca_cycle_id": task.pdca_cycle_id, "alert_id": task.alert_id,
            "sequence_id": task.sequence_id}
