"""Headless CLI subcommands of the review feature (registered by workbench/cli.py)."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this feature's subcommands. Each sets func(args) -> exit status; see cli.py."""
    export = subparsers.add_parser("export-week", parents=[common],
                                   help="export the weekly review (周复盘) of an ISO week to .xlsx")
    export.add_argument("--week", metavar="YYYY-Www", help="the ISO week (default: the current week)")
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    export.add_argument("--unmasked", action="store_true",
                        help="write full phone numbers (recorded in the audit log); masked by default")
    export.add_argument("--lang", choices=("zh_CN", "en"),
                        help="the workbook's language (default: the language the command runs in)")
    export.add_argument("--json", action="store_true")
    export.set_defaults(func=cmd_export_week)


def cmd_export_week(args: argparse.Namespace) -> int:
    from workbench.command_line import now_of, open_db_for, print_json
    from workbench.errors import UserError
    from workbench.review.export_xlsx import export_week
    from workbench.review.weeks import IsoWeek

    week = IsoWeek.parse(args.week) if args.week else IsoWeek.of(now_of(args).date())
    if not str(args.out).lower().endswith(".xlsx"):
        raise UserError("导出文件名应以 .xlsx 结尾。", "The export file name should end in .xlsx.")
    db = open_db_for(args)
    try:
        result = export_week(db, week, args.out, today=now_of(args).date(), masked=not args.unmasked,
                             lang=args.lang)
    finally:
        db.close()
    if args.json:
        print_json({"path": str(result.path), "week": result.week, "sheets": result.sheets, "rows": result.rows,
                    "masked": result.masked})
    else:
        print(str(result.path))
    return 0
