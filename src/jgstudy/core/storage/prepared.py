"""Statements of the study hot path, compiled once per dialect and run on the DBAPI cursor.

``conn.execute(statement)`` costs 40-60 µs per call in SQLAlchemy even with its compiled cache
(cache key, parameter processing, result set-up), several times what SQLite spends on the
statement itself; the next question and each answer run several. A :class:`Prepared` statement
is still written in SQLAlchemy Core (so the tables and columns come from ``schema``), but is
compiled once for each dialect and then executed straight on the connection's DBAPI cursor,
with the column types' own bind and result conversions applied (UTC datetimes, booleans).

``run_many`` is the bulk form for an ``INSERT`` of many rows (a new bank's questions): one
DBAPI ``executemany`` on SQLite, SQLAlchemy's own batching elsewhere.

It runs on the SQLAlchemy connection's DBAPI connection, so it joins that connection's
transaction, and driver errors are re-raised as SQLAlchemy's ``DBAPIError`` subclasses, so
``retry.write`` and the environment messages treat them as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

Processor = Callable[[Any], Any]


@dataclass
class _Plan:
    """One statement compiled for one dialect."""

    sql: str
    names: tuple[str, ...]  # the parameters, in the order a positional paramstyle wants them
    positional: bool
    binds: tuple[Processor | None, ...]  # per entry of ``names``
    fixed: dict[str, Any]  # values written into the statement (``state == 2``): not passed
    columns: tuple[Any, ...]  # the result columns' types
    # Per result column; set at the first execution, from the driver's column types: psycopg's
    # numeric conversion depends on the type the server reports.
    results: tuple[Processor | None, ...] | None = None
    plain: bool = False  # no parameter has a bind conversion
    tuples: bool = False  # the driver's rows are tuples already (sqlite3's are)


class Prepared:
    """A Core statement compiled once per dialect, executed on the DBAPI cursor.

    ``column_keys`` names the values of an ``INSERT`` given at execution (as for
    ``Connection.execute`` with a dict). Parameters are passed by name.
    """

    def __init__(self, statement: ClauseElement, column_keys: Sequence[str] | None = None) -> None:
        self._statement = statement
        self._column_keys = list(column_keys) if column_keys is not None else None
        self._plans: dict[str, _Plan] = {}

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every result row, its values converted as the columns' types do."""
        plan, cursor = self._run(conn, params)
        try:
            fetched = cursor.fetchall()
            results = plan.results
            if results is None:
                results = plan.results = _result_processors(plan, conn.dialect, cursor.description)
        finally:
            cursor.close()
        if not any(results):
            return fetched if plan.tuples else [tuple(row) for row in fetched]
        return [
            tuple(value if f is None else f(value) for f, value in zip(results, row, strict=True))
            for row in fetched
        ]

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The first result row, or None."""
        rows = self.rows(conn, params)
        return rows[0] if rows else None

    def run(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """Execute a statement without result rows; returns the number of rows it changed."""
        _plan, cursor = self._run(conn, params)
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def run_many(
        self,
        conn: Connection,
        rows: Iterable[Mapping[str, Any]],
        shared: Mapping[str, Any] | None = None,
    ) -> None:
        """Execute an ``INSERT`` once per row, in one DBAPI ``executemany`` on SQLite.

        ``shared`` holds the values every row has (a bank's id, the import's time): they are
        converted once, not once per row. Each row gives the other parameters.
        """
        if conn.dialect.name != "sqlite":
            # psycopg's executemany still sends one INSERT per row; SQLAlchemy's "insertmanyvalues"
            # batches them into multi-row VALUES, faster there (10k questions on PostgreSQL:
            # 0.80 s against 1.15 s wall).
            params = [{**(shared or {}), **row} for row in rows]
            if params:
                conn.execute(cast(Executable, self._statement), params)
            return
        plan = self._plan(conn.dialect)
        constant = {**plan.fixed, **(shared or {})}
        ready = {
            name: constant[name] if f is None else f(constant[name])
            for name, f in zip(plan.names, plan.binds, strict=True)
            if name in constant
        }
        args = _fast_args(plan, ready, rows)
        if args is None:
            # Per parameter: (name, its converter, shared?): a shared one costs a lookup per
            # row, the others their conversion when the column type has one.
            steps = [
                (name, f, name in ready) for name, f in zip(plan.names, plan.binds, strict=True)
            ]
            converted = (
                [
                    ready[name] if is_shared else row[name] if f is None else f(row[name])
                    for name, f, is_shared in steps
                ]
                for row in rows
            )
            args = (
                [tuple(values) for values in converted]
                if plan.positional
                else [dict(zip(plan.names, values, strict=True)) for values in converted]
            )
        if not args:
            return
        cursor = conn.connection.cursor()
        try:
            cursor.executemany(plan.sql, args)
        except conn.dialect.loaded_dbapi.Error as exc:
            error = DBAPIError.instance(plan.sql, args[:1], exc, conn.dialect.loaded_dbapi.Error)
            raise error from exc
        finally:
            cursor.close()

    def _plan(self, dialect: Dialect) -> _Plan:
        plan = self._plans.get(dialect.name)
        if plan is None:
            plan = self._plans[dialect.name] = _compile(self._statement, dialect, self._column_keys)
        return plan

    def _run(self, conn: Connection, params: Mapping[str, Any]) -> tuple[_Plan, Any]:
        dialect = conn.dialect
        plan = self._plans.get(dialect.name) or self._plan(dialect)
        if plan.fixed:
            params = {**plan.fixed, **params}
        if plan.plain:  # no value needs converting: the common case, kept short
            values: Sequence[Any] = [params[name] for name in plan.names]
        else:
            values = [
                params[name] if f is None else f(params[name])
                for name, f in zip(plan.names, plan.binds, strict=True)
            ]
        args: Sequence[Any] | dict[str, Any] = (
            tuple(values) if plan.positional else dict(zip(plan.names, values, strict=True))
        )
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(plan.sql, args)
        except dialect.loaded_dbapi.Error as exc:
            cursor.close()
            error = DBAPIError.instance(plan.sql, args, exc, dialect.loaded_dbapi.Error)
            raise error from exc
        return plan, cursor


def _fast_args(
    plan: _Plan, ready: Mapping[str, Any], rows: Iterable[Mapping[str, Any]]
) -> list[Any] | None:
    """``run_many``'s positional parameters taken by ``itemgetter`` (in C), or None.

    For when no per-row value needs a conversion and the per-row parameters are one run of the
    statement's, the shared ones before and after it (a table's leading and trailing columns,
    as a bank's questions and tags have them): each row is then ``(*before,
    *itemgetter(*run)(row), *after)``, the tuple the general path builds value by value.
    """
    own = [i for i, name in enumerate(plan.names) if name not in ready]
    if not plan.positional or len(own) < 2 or own != list(range(own[0], own[-1] + 1)):
        return None
    if any(plan.binds[i] is not None for i in own):
        return None
    before = tuple(ready[name] for name in plan.names[: own[0]])
    after = tuple(ready[name] for name in plan.names[own[-1] + 1 :])
    values = itemgetter(*(plan.names[i] for i in own))
    if not before and not after:
        return list(map(values, rows))
    return [(*before, *values(row), *after) for row in rows]


def _compile(statement: ClauseElement, dialect: Dialect, column_keys: list[str] | None) -> _Plan:
    compiled = statement.compile(dialect=dialect, column_keys=column_keys)
    assert isinstance(compiled, SQLCompiler)
    if compiled.positional:
        names = tuple(compiled.positiontup or ())
    else:
        names = tuple(dict.fromkeys(compiled.bind_names.values()))
    binds = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    fixed = {
        name: bind.effective_value
        for bind, name in compiled.bind_names.items()
        if not bind.required and bind.callable is None
    }
    columns = tuple(column.type for column in getattr(statement, "exported_columns", ()))
    plain = not any(binds)
    tuples = dialect.name == "sqlite"
    return _Plan(
        compiled.string, names, compiled.positional, binds, fixed, columns, None, plain, tuples
    )


def _result_processors(
    plan: _Plan, dialect: Dialect, description: Sequence[Sequence[Any]] | None
) -> tuple[Processor | None, ...]:
    codes = [column[1] for column in description or ()]
    return tuple(
        kind.dialect_impl(dialect).result_processor(dialect, code)
        for kind, code in zip(plan.columns, codes, strict=True)
    )
