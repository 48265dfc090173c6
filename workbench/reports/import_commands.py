"""CLI subcommands of the import engine (see workbench/reports/commands.py):

  workbench import [--dataset NAME] [--sheet NAME] [--dry-run] [--json] FILE
  workbench datasets [--json]
  workbench imports [--dataset NAME] [--undo ID] [--json]
"""
from __future__ import annotations

import argparse
import sys

from workbench.errors import current_language, in_language


def _zh() -> bool:
    return current_language() == "zh_CN"


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.command_line import now_of, open_db_for, print_json, say
    from workbench.reports.importer import import_file

    db = open_db_for(args)
    try:
        result = import_file(db, args.file, dataset=args.dataset, sheet=args.sheet, dry_run=args.dry_run,
                             now=now_of(args))
    finally:
        db.close()
    payload = result.to_json()
    if args.json:
        print_json(payload)
        return 0
    zh = _zh()
    verb = ("预演：" if zh else "Dry run: ") if args.dry_run else ""
    print(f"{verb}{payload['file']} [{payload['sheet']}] → {payload['dataset']}")
    print((f"表头在第 {payload['header_rows']} 行；数据 {payload['rows']} 行，跳过 {len(payload['skipped'])} 行"
           if zh else f"header row(s) {payload['header_rows']}; {payload['rows']} data rows, "
                      f"{len(payload['skipped'])} skipped"))
    for column in payload["columns"]:
        print(f"  {column['name']}: {column['type']} ({column['role']})")
    for skip in payload["skipped"][:20]:
        say(("  跳过第 {row} 行：{reason}" if zh else "  skipped row {row}: {reason}").format(**skip))
    if payload["replaced"]:
        print(replaced_sentence(payload["replaced"], zh))
    else:
        print((f"新增 {payload['added']}，更新 {payload['updated']}，未变 {payload['unchanged']}" if zh else
               f"added {payload['added']}, updated {payload['updated']}, unchanged {payload['unchanged']}"))
    for fix in payload["corrections"][:50]:
        say(f"  {fix['key']} {fix['column']} {fix['old']} → {fix['new']}")  # the values may be phones
    for warning in payload["warnings"]:
        print(("注意：" if zh else "note: ") + warning, file=sys.stderr)
    return 0


def replaced_sentence(replaced: dict, zh: bool) -> str:
    """'replaced 2019-01-01 – 2019-12-31: 11,815 rows, 1 changed' (+ rows added / removed when any)."""
    span = f"{replaced['from']} – {replaced['to']}"
    if zh:
        extra = "".join([f"，新增 {replaced['added']:,} 行" if replaced["added"] else "",
                         f"，删除 {replaced['removed']:,} 行" if replaced["removed"] else ""])
        return f"已替换 {span}：{replaced['rows']:,} 行，{replaced['changed']:,} 行有改动{extra}"
    extra = "".join([f", {replaced['added']:,} added" if replaced["added"] else "",
                     f", {replaced['removed']:,} removed" if replaced["removed"] else ""])
    return f"replaced {span}: {replaced['rows']:,} rows, {replaced['changed']:,} changed{extra}"


def dataset_summary(info) -> dict:
    return {
        "name": info.name, "table_name": info.table_name, "rows": info.rows,
        "columns": [{"name": c.name, "type": c.type, "role": c.role} for c in info.columns],
        "key_columns": info.key_columns, "date_column": info.date_column,
        "date_min": info.date_min, "date_max": info.date_max,
        "last_import": info.last_import, "last_import_file": info.last_import_file,
    }


def cmd_datasets(args: argparse.Namespace) -> int:
    from workbench.command_line import open_db_for, print_json
    from workbench.reports.datasets import list_datasets

    db = open_db_for(args)
    try:
        summaries = [dataset_summary(info) for info in list_datasets(db)]
    finally:
        db.close()
    if args.json:
        print_json(summaries)
        return 0
    if not summaries:
        print(in_language("还没有数据集；用 workbench import FILE 导入报表。",
                          "No datasets yet; import a report with: workbench import FILE"))
    for s in summaries:
        span = f"{s['date_min']} – {s['date_max']}" if s["date_min"] else "-"
        print(f"{s['name']}\t{s['rows']}\t{span}\t{(s['last_import'] or '-').replace('T', ' ')}")
    return 0


def cmd_imports(args: argparse.Namespace) -> int:
    from workbench.command_line import now_of, open_db_for, print_json
    from workbench.reports.importer import list_imports, undo_import

    db = open_db_for(args)
    try:
        if args.undo is not None:
            record = undo_import(db, args.undo, now=now_of(args))
            print(in_language(f"已撤销第 {args.undo} 次导入（{record['file_name']} → {record['dataset_name']}）",
                              f"Undid import {args.undo} ({record['file_name']} → {record['dataset_name']})"))
            return 0
        log = list_imports(db, args.dataset)
    finally:
        db.close()
    if args.json:
        print_json(log)
        return 0
    for r in log:
        state = " (undone)" if r["undone_at"] else ""
        counts = (replaced_sentence(r["replaced"], _zh()) if r["replaced"] else
                  f"+{r['added']} ~{r['updated']} ={r['unchanged']}")
        print(f"{r['id']}\t{r['imported_at'].replace('T', ' ')}\t{r['dataset_name']}\t{r['file_name']}\t"
              f"{counts} skipped {r['skipped']}{state}")
    return 0


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add subcommands. Each sets func(args) -> exit status; see cli.py."""
    imp = subparsers.add_parser("import", parents=[common], help="import an Excel/CSV report into a dataset")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dataset", metavar="NAME", help="the dataset to create or update (default: from the file)")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first with a table)")
    imp.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_import)

    datasets = subparsers.add_parser("datasets", parents=[common], help="list the imported datasets")
    datasets.add_argument("--json", action="store_true")
    datasets.set_defaults(func=cmd_datasets)

    imports = subparsers.add_parser("imports", parents=[common], help="the import log; undo an import")
    imports.add_argument("--dataset", metavar="NAME")
    imports.add_argument("--undo", type=int, metavar="ID", help="undo this import (the latest of its dataset)")
    imports.add_argument("--json", action="store_true")
    imports.set_defaults(func=cmd_imports)
