"""CLI: `workbench alerts [--json] [--since DATE]` lists fired alerts (see workbench/reports/commands.py)."""
from __future__ import annotations

import argparse
from datetime import date

from workbench.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    alerts = subparsers.add_parser("alerts", parents=[common], help="list fired alerts (预警), newest first")
    alerts.add_argument("--json", action="store_true", help='print {"alerts": [...]}')
    alerts.add_argument("--since", metavar="YYYY-MM-DD", help="only alerts dated on or after this day")
    alerts.set_defaults(func=cmd_alerts)


def cmd_alerts(args: argparse.Namespace) -> int:
    from workbench.command_line import open_db_for, print_json
    from workbench.reports.alert_store import list_alerts

    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since).isoformat()
        except ValueError:
            raise UserError(f"日期“{args.since}”格式不对，应为 YYYY-MM-DD。",
                            f"The date “{args.since}” should look like YYYY-MM-DD.") from None
    db = open_db_for(args)
    try:
        alerts = list_alerts(db, since=since)
    finally:
        db.close()
    if args.json:
        print_json({"alerts": [a.as_json() for a in alerts]})
        return 0
    if not alerts:
        print("没有预警。 No alerts.")
    for a in alerts:
        when = a.date if a.days == 1 else f"{a.date}~{a.last_date}（{a.days}）"   # an episode
        print(f"{when}  {a.level_name}  {a.dataset} · {a.metric}  {a.rule_text}  "
              f"值 {a.value:g}  参考 {a.reference:g}  [{a.status}]")
    return 0
