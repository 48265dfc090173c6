"""The dataset API every other feature reads (dashboard, alerts, PDCA check, weekly review).

A dataset is a named, typed table made from imported reports. Stored values:
  date      ISO text '2026-11-25'          datetime  ISO text '2026-11-25T09:12:33'
  integer   int                            number    float
  percent   float fraction (0.4523 = 45.23%)          money     float (yuan)
  text      str                            bool      bool (stored 0/1)
Column roles: 'key' (identifies a row: the date, plus e.g. 渠道 when dates repeat), 'dimension'
(a category to slice by), 'metric' (a number to chart), 'attribute' (anything else).

Functions here only read, except create_dataset_from_rows (demo data and tests without a file),
which runs the same typing/keying/writing path as a file import. Writers must be inside a
write_transaction; readers run anywhere.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from workbench.reports.dataset_tables import quote, table_exists
from workbench.reports.datasets_aggregation import infer_aggregation

if TYPE_CHECKING:
    from sqlite_utils import Database

TYPES = ("date", "datetime", "integer", "number", "percent", "money", "text", "bool")
ROLES = ("key", "dimension", "metric", "attribute")
NUMERIC_TYPES = ("integer", "number", "percent", "money")


@dataclass
class DatasetColumn:
    name: str   # the display name, e.g. "次日留存率" or "投放·花费(元)"
    type: str   # one of TYPES
    role: str   # one of ROLES
    sql: str = ""  # the column's name in the SQL table (usually equal to name)
    aggregation: str = ""  # how one day's values combine: sum / mean / last / count (datasets_aggregation)


@dataclass
class DatasetInfo:
    name: str
    table_name: str
    columns: list[DatasetColumn]
    key_columns: list[str]
    rows: int
    date_column: str | None = None   # the column series are ordered by (a date/datetime key if any)
    date_min: str | None = None      # ISO date range of date_column, or None
    date_max: str | None = None
    last_import: str | None = None   # ISO datetime of the latest (not undone) import
    last_import_file: str | None = None
    created_at: str | None = None
    profile: dict = field(default_factory=dict)

    def column(self, name: str) -> DatasetColumn | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def metrics(self) -> list[DatasetColumn]:
        return [c for c in self.columns if c.role == "metric"]

    @property
    def dimensions(self) -> list[DatasetColumn]:
        from workbench.reports.column_types import chart_dimensions

        names = set(chart_dimensions([(c.name, c.type, c.role) for c in self.columns]))
        return [c for c in self.columns if c.name in names]


def _info(db: Database, row: dict) -> DatasetInfo:
    last = db.execute("SELECT imported_at, file_name FROM imports WHERE dataset_id = ? AND undone_at IS NULL "
                      "ORDER BY id DESC LIMIT 1", [row["id"]]).fetchone()
    columns = [DatasetColumn(c["name"], c["type"], c["role"], c.get("sql") or c["name"],
                             c.get("aggregation") or infer_aggregation(c["type"], c["name"]))
               for c in json.loads(row["columns"] or "[]")]
    return DatasetInfo(
        name=row["name"], table_name=row["table_name"], columns=columns,
        key_columns=json.loads(row["key_columns"] or "[]"), rows=row["row_count"] or 0,
        date_column=row["date_column"], date_min=row["date_min"], date_max=row["date_max"],
        last_import=last[0] if last else None, last_import_file=last[1] if last else None,
        created_at=row["created_at"], profile=json.loads(row["profile"] or "{}"),
    )


def list_datasets(db: Database) -> list[DatasetInfo]:
    """Every dataset, by name."""
    if not table_exists(db, "datasets"):
        return []
    return [_info(db, row) for row in db.query("SELECT * FROM datasets ORDER BY name")]


def get_dataset(db: Database, name: str) -> DatasetInfo | None:
    rows = list(db.query("SELECT * FROM datasets WHERE name = ?", [name])) if table_exists(db, "datasets") else []
    return _info(db, rows[0]) if rows else None


def _require(db: Database, name: str) -> DatasetInfo:
    from workbench.errors import UserError

    info = get_dataset(db, name)
    if info is None:
        raise UserError(f"没有名为“{name}”的数据集。", f"There is no dataset named “{name}”.")
    return info


def decode(column: DatasetColumn, value: Any) -> Any:
    if value is None:
        return None
    if column.type == "bool":
        return bool(value)
    if column.type in ("number", "money", "percent") and isinstance(value, int):
        return float(value)
    return value


def _where_sql(info: DatasetInfo, where: dict | None) -> tuple[str, list]:
    """{column: value} or {column: [values]} equality filters, by display name."""
    if not where:
        return "", []
    clauses, params = [], []
    for name, value in where.items():
        column = info.column(name)
        if column is None:
            raise KeyError(f"dataset {info.name!r} has no column {name!r}")
        if isinstance(value, (list, tuple, set)):
            values = list(value)
            clauses.append(f"{quote(column.sql)} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
        elif value is None:
            clauses.append(f"{quote(column.sql)} IS NULL")
        else:
            clauses.append(f"{quote(column.sql)} = ?")
            params.append(value)
    return " WHERE " + " AND ".join(clauses), params


def read_rows(db: Database, name: str, columns: Sequence[str] | None = None, where: dict | None = None,
              limit: int | None = None, offset: int = 0) -> list[dict]:
    """Rows as {display name: value}, ordered by the date column (if any) then import order.

    where: {column: value} or {column: [value, ...]} equality filters. limit/offset page big datasets.
    """
    info = _require(db, name)
    chosen = [info.column(c) for c in columns] if columns else list(info.columns)
    if any(c is None for c in chosen):
        raise KeyError(f"dataset {name!r} has no column among {columns!r}")
    where_sql, params = _where_sql(info, where)
    order = f"{quote(info.column(info.date_column).sql)}, _row_id" if info.date_column and info.column(info.date_column) else "_row_id"
    select = ", ".join(quote(c.sql) for c in chosen)
    sql = f"SELECT {select} FROM {quote(info.table_name)}{where_sql} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [{c.name: decode(c, v) for c, v in zip(chosen, row)} for row in db.execute(sql, params)]


def read_series(db: Database, name: str, metric_column: str, date_column: str | None = None,
                dimension: dict | tuple | None = None) -> list[tuple[str, float | None]]:
    """[(ISO date, value)] ordered by date, one point per date — the one place a metric becomes a daily series.

    date_column defaults to the dataset's date column. dimension filters rows first: {"渠道": "应用宝"}
    or ("渠道", "应用宝"). When several rows share a date they combine by the column's aggregation:
    sum (counts, money), mean (rates, scores, averages), last (the day's latest row: balances, running
    totals) or count (non-empty cells). A date whose values are all empty gives None (0 for count).
    """
    info = _require(db, name)
    metric = info.column(metric_column)
    when = info.column(date_column or info.date_column or "")
    if metric is None or when is None:
        raise KeyError(f"dataset {name!r} has no column {metric_column!r} or no date column")
    if isinstance(dimension, tuple):
        dimension = {dimension[0]: dimension[1]}
    where_sql, params = _where_sql(info, dimension)
    # "+" keeps SQLite off the date index here: one pass over the table beats 200k index lookups
    date_expr = f"substr({quote(when.sql)}, 1, 10)" if when.type == "datetime" else "+" + quote(when.sql)
    value = quote(metric.sql)
    if metric.aggregation == "last":
        # the value of the day's latest non-empty row (by its time, then by import order)
        sql = (f"SELECT d, v, n FROM (SELECT {date_expr} AS d, {value} AS v, count({value}) OVER (PARTITION BY "
               f"{date_expr}) AS n, row_number() OVER (PARTITION BY {date_expr} ORDER BY {value} IS NULL, "
               f"{quote(when.sql)} DESC, _row_id DESC) AS r FROM {quote(info.table_name)}{where_sql}) "
               f"WHERE r = 1 AND d IS NOT NULL ORDER BY d")
    else:
        agg = {"sum": "total", "mean": "avg", "count": "count"}.get(metric.aggregation, "total")
        sql = (f"SELECT {date_expr} AS d, {agg}({value}), count({value}) "
               f"FROM {quote(info.table_name)}{where_sql} GROUP BY d HAVING d IS NOT NULL ORDER BY d")
    series = []
    for day, total, count in db.execute(sql, params):
        if metric.aggregation == "count":
            series.append((day, float(count)))
        else:
            numeric = count and total is not None and not isinstance(total, str)
            series.append((day, float(total) if numeric else None))
    return series


def create_dataset_from_rows(db: Database, name: str, columns: Sequence[str | dict], rows: Sequence[Sequence],
                             key_columns: Sequence[str] | None = None):
    """Create (or upsert into) a dataset from Python rows, without a file — for demo data and tests.

    columns: names, or {"name", "type"?, "role"?} dicts; a missing type/role is detected the same way
    as for a file. rows: sequences in column order; values may be Python dates/numbers or the raw
    strings an export would hold ("45.23%", "2026年11月25日", "-"). Goes through the import engine
    (typing, keying, upsert, imports log, after_import hook); returns its ImportResult.
    Call inside write_transaction or on its own (it opens one).
    """
    from workbench.reports.importer import import_rows

    return import_rows(db, name, columns, rows, key_columns=key_columns)
