"""How often the importer finds a real table's header rows, its data rows and its columns.

Opt-in, over the third-party benchmarks in ../shared/corpora (read there, never copied into the repo):

- strudel-troy: 200 statistical tables; every line annotated metadata/header/group/data/derived/notes/empty.
  Header right: the header rows found are exactly the lines annotated `header`. Rows right: every `data`
  line imported and nothing else but `derived` lines (totals and sums: a careful person may keep or skip
  them). Columns right: as many imported columns as the table has columns with a header or data cell.
- pollock-survey-sample: 97 open-data CSVs (no annotations kept): how many import, and why the rest are
  refused. With POLLOCK_PARAMETERS=<folder of Pollock's `*_parameters.json`> the header, rows and columns
  are checked against those too.

Run: python tests/real_data/measure_corpora.py [-v]    (-v lists every miss)
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import CORPORA  # noqa: E402

from workbench.errors import UserError, set_language  # noqa: E402
from workbench.reports.importer import close_plan, run  # noqa: E402
from workbench.reports.import_plan import analyse  # noqa: E402
from workbench.store import open_database  # noqa: E402
from workbench.schema import register  # noqa: E402

register()  # a program's start: the store learns the app's migrations here (docs/architecture.md)


def import_dry(db, path: Path):
    """(header rows 1-based, data rows, file columns) as the importer would import them, or the refusal."""
    try:
        plan = analyse(path, db=db)
    except UserError as exc:
        return str(exc)
    try:
        result = run(db, plan, dry_run=True)
    except UserError as exc:
        return str(exc)
    finally:
        close_plan(plan)
    columns = [c for c in plan.active_columns if c.position is not None]
    return plan.header_rows, result.rows, len(columns)


def troy_truth(record: dict) -> tuple[list[int], tuple[int, int], int]:
    lines = record["line_annotation"]
    header = [i + 1 for i, kind in enumerate(lines) if kind == "header"]
    data = lines.count("data")
    cells = record["annotations"]
    table_columns = {c for row in cells for c, kind in enumerate(row)
                     if kind in ("header", "data", "derived")}
    filled = {c for r, row in enumerate(record["table_array"]) for c, v in enumerate(row)
              if str(v).strip() and lines[r] in ("header", "data", "derived")}
    return header, (data, data + lines.count("derived")), len(table_columns & filled)


def measure_troy(db, folder: Path, verbose: bool) -> dict:
    score = {"files": 0, "header": 0, "rows": 0, "columns": 0, "refused": 0}
    with gzip.open(CORPORA / "strudel-troy" / "troy.jl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            path = folder / f"{record['file_name']}.csv"
            with open(path, "w", encoding="utf-8", newline="") as out:
                csv.writer(out).writerows(record["table_array"])
            header, (low, high), columns = troy_truth(record)
            got = import_dry(db, path)
            score["files"] += 1
            if isinstance(got, str):
                score["refused"] += 1
                if verbose:
                    print(f"troy {record['file_name']}: refused: {got}")
                continue
            ok = {"header": got[0] == header, "rows": low <= got[1] <= high, "columns": got[2] == columns}
            for key, right in ok.items():
                score[key] += right
            if verbose and not all(ok.values()):
                print(f"troy {record['file_name']}: header {got[0]} want {header}; rows {got[1]} want "
                      f"{low}..{high}; columns {got[2]} want {columns}")
    return score


def pollock_truth(parameters: Path, path: Path):
    spec = json.loads((parameters / f"{path.name}_parameters.json").read_text())
    preamble, header, footnote = (int(spec[k]) for k in ("preamble_lines", "header_lines", "footnote_lines"))
    with open(path, "rb") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip(b" ,;\t\r\n\"")]
    headers = list(range(preamble + 1, preamble + header + 1))
    return headers, len(lines) - preamble - header - footnote, int(spec["n_columns"])


def measure_pollock(db, folder: Path, verbose: bool) -> dict:
    with tarfile.open(CORPORA / "pollock-survey-sample" / "csv.tar.gz") as archive:
        archive.extractall(folder, filter="data")
    parameters = Path(os.environ["POLLOCK_PARAMETERS"]) if os.environ.get("POLLOCK_PARAMETERS") else None
    score = {"files": 0, "imported": 0, "refused": 0, "annotated": 0, "header": 0, "rows": 0, "columns": 0}
    for path in sorted((folder / "csv").iterdir()):
        score["files"] += 1
        got = import_dry(db, path)
        if isinstance(got, str):
            score["refused"] += 1
            if verbose:
                print(f"pollock {path.name}: refused: {got}")
        else:
            score["imported"] += 1
        if parameters is None or not (parameters / f"{path.name}_parameters.json").exists():
            continue
        score["annotated"] += 1
        header, rows, columns = pollock_truth(parameters, path)
        if isinstance(got, str):
            continue
        ok = {"header": got[0] == header, "rows": got[1] == rows, "columns": got[2] == columns}
        for key, right in ok.items():
            score[key] += right
        if verbose and not all(ok.values()):
            print(f"pollock {path.name}: header {got[0]} want {header}; rows {got[1]} want {rows}; "
                  f"columns {got[2]} want {columns}")
    return score


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main() -> None:
    verbose = "-v" in sys.argv
    set_language("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "measure.db")
        (folder / "troy").mkdir()
        troy = measure_troy(db, folder / "troy", verbose)
        pollock = measure_pollock(db, folder, verbose)
        db.close()
    n = troy["files"]
    print(f"strudel-troy  {n} files: header {percent(troy['header'], n)}  rows {percent(troy['rows'], n)}  "
          f"columns {percent(troy['columns'], n)}  refused {troy['refused']}")
    n = pollock["files"]
    line = f"pollock       {n} files: imported {pollock['imported']}  refused {pollock['refused']}"
    if pollock["annotated"]:
        a = pollock["annotated"]
        line += (f"  | {a} annotated: header {percent(pollock['header'], a)}  rows {percent(pollock['rows'], a)}"
                 f"  columns {percent(pollock['columns'], a)}")
    print(line)


if __name__ == "__main__":
    main()
