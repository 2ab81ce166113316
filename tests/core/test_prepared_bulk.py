"""``Prepared.run_many`` builds the same executemany parameters by itemgetter as value by value."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, insert

from jgstudy.core.storage import banks_repo, prepared
from jgstudy.core.storage.prepared import Prepared
from jgstudy.core.storage.schema import ReviewLogRow


class Capture:
    """A connection whose cursor keeps what executemany was given."""

    def __init__(self, dialect: Any) -> None:
        self.dialect = dialect
        self.args: list[Any] = []
        outer = self

        class Cursor:
            def executemany(self, _sql: str, args: list[Any]) -> None:
                outer.args = args

            def close(self) -> None:
                pass

        class Connection:
            @staticmethod
            def cursor() -> Cursor:
                return Cursor()

        self.connection = Connection


def parameters(
    statement: Prepared, rows: list[dict[str, Any]], shared: dict[str, Any] | None
) -> list[Any]:
    conn = Capture(create_engine("sqlite://").dialect)
    statement.run_many(conn, rows, shared)  # type: ignore[arg-type]
    return conn.args


NOW = datetime(2026, 12, 6, 15, 30, tzinfo=UTC)
QUESTIONS = [
    {"qid": f"q{i}", "type": "judge", "difficulty": i % 5 + 1, "content_hash": f"{i:016x}",
     "data": f'{{"id":"q{i}"}}', "search_text": f"题干 {i}\n解析"}
    for i in range(5)
]  # fmt: skip
SHARED = {"bank_id": "b", "retired": False, "retired_with_bank": True, "created_at": NOW}
TAGS = [{"question_pk": i, "tag": t} for i in range(3) for t in ("甲", "乙")]
# Every column given per row, two of them converted (UTC datetimes): the general path only.
LOGS = Prepared(insert(ReviewLogRow.__table__), ["question_pk", "reviewed_at"])


@pytest.mark.parametrize(
    ("statement", "rows", "shared", "by_itemgetter"),
    [
        (banks_repo._INSERT_QUESTIONS, QUESTIONS, SHARED, True),
        (banks_repo._INSERT_TAGS, TAGS, None, True),
        (LOGS, [{"question_pk": 1, "reviewed_at": NOW}], None, False),
    ],
    ids=["questions", "tags", "converted"],
)
def test_the_fast_parameters_are_the_general_ones(
    statement: Prepared,
    rows: list[dict[str, Any]],
    shared: dict[str, Any] | None,
    by_itemgetter: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken: list[bool] = []
    real = prepared._fast_args

    def spy(*args: Any) -> Any:
        built = real(*args)
        taken.append(built is not None)
        return built

    monkeypatch.setattr(prepared, "_fast_args", spy)
    fast = parameters(statement, rows, shared)
    assert taken == [by_itemgetter]
    monkeypatch.setattr(prepared, "_fast_args", lambda *_args: None)
    general = parameters(statement, rows, shared)
    assert fast == general
    assert all(type(f) is type(g) is tuple for f, g in zip(fast, general, strict=True))
    assert len(fast) == len(rows)
