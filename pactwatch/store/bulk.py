"""Many rows into one table inside the caller's transaction, as fast as each database takes them:
PostgreSQL's COPY, SQLite's executemany on the driver's own connection. Both skip SQLAlchemy's
per-row work (its compiled INSERT and bind processing cost more than the database itself), so the
values are written exactly as SQLAlchemy would write them: JSON columns as `json.dumps` text (SQL
NULL for None), everything else as it is."""
from __future__ import annotations

import json

from sqlalchemy import JSON, Table, insert
from sqlalchemy.exc import DBAPIError

# rows handed to SQLite's executemany at a time: bounds the tuples held beside the records
SQLITE_CHUNK = 5000


def insert_rows(conn, table: Table, rows: list[dict]) -> None:
    """Insert `rows` (dicts of column values; a missing column is NULL, `id` left to the database)."""
    if not rows:
        return
    columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True and c.name == "id")]
    encoders = [_encoder(c) for c in columns]
    dialect = conn.dialect.name
    if dialect not in ("postgresql", "sqlite"):   # pragma: no cover - the store refuses other databases
        conn.execute(insert(table), rows)
        return
    driver_error = conn.dialect.loaded_dbapi.Error
    try:
        if dialect == "postgresql":
            _copy(conn, table, columns, encoders, rows)
        else:
            _executemany(conn, table, columns, encoders, rows)
    except driver_error as e:   # the driver's own error, as SQLAlchemy would have raised it
        raise DBAPIError.instance(f"bulk insert into {table.name}", None, e, driver_error,
                                  dialect=conn.dialect) from None


def _encoder(column):
    if isinstance(column.type, JSON):
        return lambda value: None if value is None else json.dumps(value)
    return None


def _values(columns, encoders, row: dict) -> tuple:
    return tuple(row.get(c.name) if enc is None else enc(row.get(c.name)) for c, enc in zip(columns, encoders))


def _copy(conn, table: Table, columns, encoders, rows: list[dict]) -> None:
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c.name) for c in columns))
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(_values(columns, encoders, row))


def _executemany(conn, table: Table, columns, encoders, rows: list[dict]) -> None:
    names = ", ".join(conn.dialect.identifier_preparer.quote(c.name) for c in columns)
    statement = (f"INSERT INTO {conn.dialect.identifier_preparer.quote(table.name)} ({names}) "
                 f"VALUES ({', '.join('?' for _ in columns)})")
    cursor = conn.connection.driver_connection.cursor()
    try:
        for start in range(0, len(rows), SQLITE_CHUNK):
            cursor.executemany(statement, [_values(columns, encoders, row) for row in rows[start:start + SQLITE_CHUNK]])
    finally:
        cursor.close()
