"""The front door. No subcommand opens the window; subcommands are headless and scriptable.

Contract: every subcommand takes the global options of command_line.py (--db PATH, else WORKBENCH_DB,
else the user data folder; --now ISO, else the clock), before or after the subcommand's name; a user
error exits 2 with one sentence on stderr; --json output is one JSON document on stdout.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from workbench import app_version
from workbench.command_line import add_global_options, day_of, global_options_parent, now_of, open_db_for, print_json
from workbench.errors import UserError
from workbench.store import resolve_database_path

EXIT_USER_ERROR = 2


class _VersionAction(argparse.Action):
    """--version, reading the installed version only when asked (importlib.metadata costs ~25 ms)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help or "show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {app_version()}")
        parser.exit()


class SentenceParser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one sentence and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"命令参数有误：{message}（用 --help 查看用法）", f"Bad arguments: {message} (see --help).")


def cmd_gui(args: argparse.Namespace) -> int:
    from workbench.app import gui_database_path, run_gui

    return run_gui(gui_database_path(args.db), lang=getattr(args, "lang", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from workbench.demo import fill_demo

    db = open_db_for(args)
    try:
        fill_demo(db, today=day_of(args), scale=args.scale)
    finally:
        db.close()
    print(f"demo data written to {resolve_database_path(args.db)}", file=sys.stderr)
    return 0


def check_report(db) -> dict:
    from workbench.reports.catalog import dataset_row_counts
    from workbench.schema_facts import COUNTED_TABLES
    from workbench.store.integrity import integrity, table_counts
    from workbench.store.migrate import schema_version

    return {
        "integrity": integrity(db),
        "schema_version": schema_version(db),
        "counts": table_counts(db, COUNTED_TABLES),
        "datasets": dataset_row_counts(db),
    }


def cmd_check(args: argparse.Namespace) -> int:
    db = open_db_for(args)
    try:
        report = check_report(db)
    finally:
        db.close()
    if args.json:
        print_json(report)
    else:
        print(f"integrity: {report['integrity']}")
        print(f"schema version: {report['schema_version']}")
        for name, count in report["counts"].items():
            print(f"{name}: {count}")
        for dataset in report["datasets"]:
            print(f"dataset {dataset['name']}: {dataset['rows']} rows")
    return 0 if report["integrity"] == "ok" else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.store.backup import backup_to, make_backup

    db_path = resolve_database_path(args.db)
    db = open_db_for(args)
    try:
        written = backup_to(db, Path(args.out)) if args.out else make_backup(db, db_path, now=now_of(args))
    finally:
        db.close()
    print(str(written))
    return 0


def cmd_shots(args: argparse.Namespace) -> int:
    from workbench.ui.shell.shots import render_shots

    width, _, height = (args.size or "1440x900").partition("x")
    written = render_shots(Path(args.out), now_of(args), lang=args.lang or "zh_CN", db_path=Path(args.db) if args.db else None,
                           size=(int(width), int(height)))
    for path in written:
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = global_options_parent()
    parser = SentenceParser(prog="workbench", description="运营工作台 Ops Workbench")
    add_global_options(parser, top_level=True)
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: the system's)")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=SentenceParser)

    demo = sub.add_parser("demo", parents=[common], help="fill an empty database with demo data")
    demo.add_argument("--scale", type=int, default=1, help="multiply the volume (100 ⇒ ~100k tasks, ~1M contacts)")
    demo.add_argument("--today", metavar="YYYY-MM-DD", help="date the demo data around this day")
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", parents=[common], help="integrity check, schema version and counts")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=cmd_check)

    backup = sub.add_parser("backup", parents=[common], help="online backup of the database")
    backup.add_argument("--out", metavar="FILE", help="write the backup here (default: the backups folder)")
    backup.set_defaults(func=cmd_backup)

    shots = sub.add_parser("shots", parents=[common], help="render every screen to PNG, offscreen")
    shots.add_argument("--out", required=True, metavar="DIR")
    # SUPPRESS: `workbench --lang en shots` keeps the language given before the subcommand.
    shots.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS, help="default: zh_CN")
    shots.add_argument("--size", choices=["1280x800", "1440x900"], default="1440x900",
                       help="window size (default: 1440x900); text cut off at that size is listed on stderr")
    shots.set_defaults(func=cmd_shots)

    from workbench.contacts import commands as contacts_commands
    from workbench.pdca import commands as pdca_commands
    from workbench.reports import commands as reports_commands
    from workbench.review import commands as review_commands
    from workbench.tasks import commands as tasks_commands

    for feature in (tasks_commands, contacts_commands, reports_commands, pdca_commands, review_commands):
        feature.register(sub, common)
    return parser


def window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """`workbench [--db PATH] [--now ISO] [--lang L]`, the window's command line, parsed without the
    subcommands' parsers: building those imports every feature's commands module (~25 ms before the
    first frame). None for anything else (a subcommand, --help, --version, a bad argument): the full
    parser then reads it, and says what is wrong as it always did."""
    parser = SentenceParser(prog="workbench", add_help=False, allow_abbrev=False)
    add_global_options(parser, top_level=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    parser.set_defaults(func=cmd_gui)
    try:
        args, rest = parser.parse_known_args(argv)
    except UserError:
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    from workbench import schema
    from workbench.store.paths import restrict_umask
    from workbench.text_input import command_line_arguments, forgiving_output

    schema.register()  # the store learns the features' migration sets from here, the edge
    restrict_umask()  # every file the app writes is 0600, every folder 0700 (docs/reliability.md)
    forgiving_output()
    try:
        arguments = command_line_arguments(sys.argv[1:] if argv is None else argv)
        args = window_arguments(arguments) or build_parser().parse_args(arguments)
        return int(args.func(args) or 0)
    except UserError as error:
        return _say(error)
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        return _reader_went_away()
    except (sqlite3.Error, OSError) as error:  # a full disk, a read-only file: one sentence (store/faults.py)
        from workbench.store.faults import user_error_for

        sentence = user_error_for(error)
        if sentence is None:
            raise
        return _say(sentence)


def _say(error: UserError) -> int:
    print(error.sentence, file=sys.stderr)
    return EXIT_USER_ERROR


EXIT_INTERRUPTED = 130


def _interrupted() -> int:
    """Ctrl+C: say whether the work was saved (a COMMIT is never cut in half: store/connection.py)."""
    from workbench.store.connection import TransactionTally
    from workbench.store.faults import interrupted_sentence

    print(interrupted_sentence(TransactionTally.committed, TransactionTally.rolled_back).sentence, file=sys.stderr)
    return EXIT_INTERRUPTED


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as `yes | head` ends


def _reader_went_away() -> int:
    """`workbench tasks | head`: the reader closed the pipe; nothing to say, and nobody to say it to."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush must not fail again
    return EXIT_BROKEN_PIPE
