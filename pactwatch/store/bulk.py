"""Many rows into one table inside the caller's transaction, as fast as each database takes them:
PostgreSQL's COPY, SQLite's executemany on the driver's own connection. Both skip SQLAlchemy's
per-row work (its compiled INSERT and bind processing cost more than the database itself), so the
values are written exactly as SQLAlchemy would write them: JSON columns as `json.dumps` text (SQL
NULL for None), everything else as it is. A float no database or JSON reader takes (inf, nan) is
written as NULL, as Store.add writes it."""
from __future__ import annotations

import json
import math

from sqlalchemy import JSON, Table, insert
from sqlalchemy.exc import DBAPIError

# rows handed to SQLite's executemany at a time: bounds the tuples held beside the records
SQLITE_CHUNK = 5000


def insert_rows(conn, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (dicts of column values; a missing column is NULL, `id` left to the database)."""
    if not rows:
        return
    columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True and c.name == "id")]
    fields = [(c.name, _encoder(c)) for c in columns]   # (column, how its values are written)
    dialect = conn.dialect.name
    if dialect not in ("postgresql", "sqlite"):   # pragma: no cover - the store refuses other databases
        conn.execute(insert(table), rows)
        return
    driver_error = conn.dialect.loaded_dbapi.Error
    try:
        if dialect == "postgresql":
            _copy(conn, table, columns, fields, rows)
        else:
            _executemany(conn, table, columns, fields, rows)
    except driver_error as e:   # the driver's own error, as SQLAlchemy would have raised it
        raise DBAPIError.instance(f"bulk insert into {table.name}", None, e, driver_error,
                                  dialect=conn.dialect) from None


def _encoder(column):
    """How a column's values are written."""
    return _json if isinstance(column.type, JSON) else _plain


# json.dumps(value, allow_nan=False), with its encoder made once rather than at every call
_ENCODE = json.JSONEncoder(allow_nan=False).encode


def _json(value):
    if value is None:
        return None
    try:
        return _ENCODE(value)
    except ValueError:   # an inf or nan somewhere inside (rare): those become null
        return json.dumps(finite(value))


def _plain(value):
    return None if isinstance(value, float) and not math.isfinite(value) else value


def finite(value):
    """`value` with every float no database or JSON reader takes (an amount of 400 digits is inf)
    made None: the fact and its quote are kept, the impossible number is not."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def all_finite(value) -> bool:
    """No float in `value` (at any depth) is an infinity or NaN: `finite` would leave it as it is
    (asked of every record a writer keeps in hand, so it walks without copying)."""
    pending = [value]
    while pending:
        v = pending.pop()
        if isinstance(v, dict):
            pending.extend(v.values())
        elif isinstance(v, list):
            pending.extend(v)
        elif isinstance(v, float) and not math.isfinite(v):
            return False
    return True


def _values(fields: list[tuple[str, object]], row: dict) -> tuple:
    return tuple([encode(row.get(name)) for name, encode in fields])


def _copy(conn, table: Table, columns, fields, rows: list[dict]) -> None:
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c.name) for c in columns))
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(_values(fields, row))


def _executemany(conn, table: Table, columns, fields, rows: list[dict]) -> None:
    names = ", ".join(conn.dialect.identifier_preparer.quote(c.name) for c in columns)
    statement = (f"INSERT INTO {conn.dialect.identifier_preparer.quote(table.name)} ({names}) "
                 f"VALUES ({', '.join('?' for _ in columns)})")
    cursor = conn.connection.driver_connection.cursor()
    try:
        for start in range(0, len(rows), SQLITE_CHUNK):
            cursor.executemany(statement, [_values(fields, row) for row in rows[start:start + SQLITE_CHUNK]])
    finally:
        cursor.close()
