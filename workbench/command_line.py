"""What every subcommand shares: the global options and the helpers feature commands use.

The global options (--db, --now) are defined once, here. The top-level parser owns their defaults; each
subparser accepts them too but with SUPPRESS as default, so a value given before the subcommand is never
overwritten by the subparser's default (`workbench --db X demo` and `workbench demo --db X` are the same).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from workbench.errors import UserError


def add_global_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database file (default: WORKBENCH_DB, else the user data folder)")
    parser.add_argument("--now", metavar="ISO", default=default, type=_moment,
                        help="the moment to act at, e.g. 2026-11-25T09:30 (default: the clock)")


def global_options_parent() -> argparse.ArgumentParser:
    """A parent parser for subcommands: the global options without defaults of their own."""
    parent = argparse.ArgumentParser(add_help=False)
    add_global_options(parent, top_level=False)
    return parent


def open_db_for(args: argparse.Namespace):
    """The database named by --db / WORKBENCH_DB / the default location, migrated."""
    from workbench.store import open_database, resolve_database_path

    return open_database(resolve_database_path(args.db))


def now_of(args: argparse.Namespace) -> datetime:
    """--now, else the wall clock: the command line's one clock."""
    from workbench.clock import wall_clock

    return getattr(args, "now", None) or wall_clock()


def _moment(text: str) -> datetime:
    # A UserError, not ValueError: argparse would turn that into its own, vaguer message.
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise UserError(f"--now 的时间“{text}”格式不对，应为 ISO 格式，如 2026-11-25T09:30。",
                        f"--now “{text}” is not an ISO time such as 2026-11-25T09:30.") from None


def day_of(args: argparse.Namespace, option: str = "today") -> date:
    """An ISO day option such as --today, else the day of now_of(args)."""
    text = getattr(args, option, None)
    if not text:
        return now_of(args).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        flag = "--" + option.replace("_", "-")
        raise UserError(f"{flag} 的日期“{text}”格式不对，应为 YYYY-MM-DD，如 2026-11-25。",
                        f"{flag} “{text}” is not a day such as 2026-11-25.") from None


def print_json(payload) -> None:
    """One JSON document on stdout; every string in it masked (privacy.mask_values): output is shown
    or piped on, so phones and ID numbers typed into tasks, contacts or imports never leave in full."""
    import json  # (~2.5 ms: not on the window's start-up path, which passes through here)

    from workbench.privacy import mask_values

    sys.stdout.write(json.dumps(mask_values(payload), ensure_ascii=False, default=str) + "\n")


def say(line: str) -> None:
    """One line of output for the operator, phones and ID numbers masked (privacy.mask_text)."""
    from workbench.privacy import mask_text

    print(mask_text(line))
