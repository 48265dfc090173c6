"""Headless CLI subcommands of the contacts feature (registered by workbench/cli.py).

  workbench search [--json] QUERY                 users, contacts, findings, snippets
  workbench users import FILE [--sequence ID] [--json]
  workbench users export FILE [--unmasked] [--stage S]
  workbench contact --user ID [--summary T] [--outcome O] [--follow-up WHEN] ...   (明天下午3点, 2026-12-01)
  workbench findings [--json] [--all]
  workbench due [--json] [--today YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
from dataclasses import asdict

from workbench.command_line import now_of, say


def _db(args):
    from workbench.command_line import open_db_for

    return open_db_for(args)


def _print_json(payload) -> None:
    from workbench.command_line import print_json

    print_json(payload)


def cmd_search(args) -> int:
    from workbench.contacts.search import search

    db = _db(args)
    try:
        result = search(db, " ".join(args.query))
    finally:
        db.close()
    if args.json:
        _print_json(result.to_json())
        return 0
    for hit in result.hits:
        say(f"{hit.kind:8} {hit.id:>8}  {hit.title}  {hit.snippet}")
    print(f"{len(result.hits)} hits in {result.ms:.1f} ms")
    return 0


def cmd_users_import(args) -> int:
    from workbench.contacts.user_import import import_user_list
    from workbench.errors import current_language

    db = _db(args)
    try:
        result = import_user_list(db, args.file, sequence_id=args.sequence, now=now_of(args))
    finally:
        db.close()
    zh = current_language() == "zh_CN"
    payload = {"rows": result.rows, "created": result.created, "matched": result.matched, "updated": result.updated,
               "enrolled": result.enrolled,
               "warnings": [{"row": n, "message": z if zh else e} for n, z, e in result.warnings],
               "phone_warning": (result.phone_warning[0 if zh else 1] if result.phone_warning else None)}
    if args.json:
        _print_json(payload)
    else:
        print(f"rows {result.rows}: created {result.created}, matched {result.matched} (updated {result.updated})"
              + (f", enrolled {result.enrolled}" if args.sequence else ""))
        if payload["phone_warning"]:
            say(payload["phone_warning"])
        for warning in payload["warnings"][:20]:
            say(f"row {warning['row']}: {warning['message']}")
    return 0


def cmd_users_export(args) -> int:
    from workbench.contacts.user_export import export_users_csv

    db = _db(args)
    try:
        count = export_users_csv(db, args.file, unmasked=args.unmasked, stage=args.stage, now=now_of(args))
    finally:
        db.close()
    print(f"{count} users written to {args.file}" + (" (unmasked)" if args.unmasked else " (phones masked)"))
    return 0


def cmd_contact(args) -> int:
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.follow_up_parse import parse_follow_up

    from workbench.tasks.capture import day_parts_for

    now = now_of(args)
    db = _db(args)
    try:
        follow_up = parse_follow_up(args.follow_up, now, day_parts_for(db))  # the capture bar's grammar
        contact_id = log_contact(db, user_id=args.user, summary=args.summary or "", channel=args.channel,
                                 direction=args.direction, topic=args.topic, outcome=args.outcome,
                                 follow_up_due=follow_up, now=now,
                                 finding=(args.finding_kind, args.finding) if args.finding else None)
    finally:
        db.close()
    if args.json:
        _print_json({"id": contact_id})
    else:
        print(contact_id)
    return 0


def cmd_findings(args) -> int:
    from workbench.contacts.findings import findings_board

    db = _db(args)
    try:
        board = findings_board(db, include_closed=args.all)
    finally:
        db.close()
    if args.json:
        _print_json({kind: [asdict(f) for f in items] for kind, items in board.items()})
        return 0
    for kind, items in board.items():
        print(f"{kind} ({len(items)})")
        for f in items:
            say(f"  {f.id:>5} ×{f.mentions:<3} {f.status}  {f.text}")
    return 0


def cmd_due(args) -> int:
    from workbench.contacts.due import cadence_due, due_follow_ups
    from workbench.privacy import mask_phone

    from workbench.command_line import day_of

    today = day_of(args)
    db = _db(args)
    try:
        follow_ups, cadence = due_follow_ups(db, today), cadence_due(db, today, limit=args.limit)
    finally:
        db.close()
    if args.json:
        _print_json({"follow_ups": [{**asdict(f), "phone": mask_phone(f.phone)} for f in follow_ups],
                     "cadence": [{**asdict(c), "phone": mask_phone(c.phone)} for c in cadence]})
        return 0
    print(f"follow-ups due ({len(follow_ups)})")
    for f in follow_ups:
        say(f"  {'!' if f.overdue else ' '} {f.due.replace('T', ' ')}  {f.title}")
    print(f"past their cadence ({len(cadence)})")
    for c in cadence:
        say(f"  {c.name or c.user_id}  {c.stage}  {c.days_since} days (cadence {c.days})")
    return 0


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this feature's subcommands. Each sets func(args) -> exit status; see cli.py."""
    search = subparsers.add_parser("search", parents=[common], help="search users, contacts, findings and snippets")
    search.add_argument("--json", action="store_true", help='print {"hits": [{"kind","id","title","snippet"}], "ms"}')
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.set_defaults(func=cmd_search)

    users = subparsers.add_parser("users", parents=[common], help="the operator's end users")
    users_sub = users.add_subparsers(title="users commands", metavar="ACTION", parser_class=subparsers._parser_class)
    users_import = users_sub.add_parser("import", parents=[common], help="import a user list (Excel/CSV), de-duplicated on user id or phone")
    users_import.add_argument("file", metavar="FILE")
    users_import.add_argument("--sequence", type=int, metavar="ID", help="start this recall sequence for every user of the list")
    users_import.add_argument("--json", action="store_true")
    users_import.set_defaults(func=cmd_users_import)
    users_export = users_sub.add_parser("export", parents=[common], help="export users to CSV, phones masked")
    users_export.add_argument("file", metavar="FILE")
    users_export.add_argument("--unmasked", action="store_true", help="full phones and WeChat ids (recorded in the audit log)")
    users_export.add_argument("--stage", help="only users in this lifecycle stage")
    users_export.set_defaults(func=cmd_users_export)
    users.set_defaults(func=lambda args: (users.print_help(), 0)[1])

    contact = subparsers.add_parser("contact", parents=[common], help="log one contact with a user")
    contact.add_argument("--user", type=int, metavar="ID")
    contact.add_argument("--summary", default="")
    contact.add_argument("--channel", default="电话")
    contact.add_argument("--direction", default="呼出")
    contact.add_argument("--topic")
    contact.add_argument("--outcome")
    contact.add_argument("--follow-up", metavar="WHEN",
                         help="creates a linked task in the matrix: 明天下午3点, 'friday 3pm', +3, 2026-12-01 14:00")
    contact.add_argument("--finding", metavar="TEXT", help="one line: a bug, a channel, a need")
    contact.add_argument("--finding-kind", default="其他", choices=["产品bug", "新渠道", "新需求", "其他"])
    contact.add_argument("--json", action="store_true")
    contact.set_defaults(func=cmd_contact)

    findings = subparsers.add_parser("findings", parents=[common], help="the findings board: by kind, most mentioned first")
    findings.add_argument("--json", action="store_true")
    findings.add_argument("--all", action="store_true", help="include closed findings")
    findings.set_defaults(func=cmd_findings)

    due = subparsers.add_parser("due", parents=[common], help="follow-ups due and users past their contact cadence")
    due.add_argument("--json", action="store_true")
    due.add_argument("--today", metavar="YYYY-MM-DD")
    due.add_argument("--limit", type=int, default=50)
    due.set_defaults(func=cmd_due)
