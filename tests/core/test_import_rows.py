"""The bulk insert of a new bank stores exactly what the ORM insert stored, byte for byte.

A stored row that differs (JSON, content hash, search text, time format, flags) would make
every bank imported before look edited at its next import; so the rows and tags of the sample,
report and bundled banks are compared, as raw database values, with those of the ORM path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, insert, text

from conftest import DATA, _postgres_database, open_test_services
from jgstudy.core.clock import FixedClock
from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.paths import bundled_banks
from jgstudy.core.storage import banks_repo
from jgstudy.core.storage.schema import QuestionRow, QuestionTagRow
from peek import engine_of

BANKS = [DATA / "banks" / "sample.yaml", DATA / "reports" / "report_bank.yaml", bundled_banks()]
RAW_QUESTIONS = text(
    "SELECT pk, bank_id, qid, type, difficulty, content_hash, data, search_text, retired,"
    " retired_with_bank, created_at, changed_at FROM questions ORDER BY pk"
)
RAW_TAGS = text("SELECT question_pk, tag FROM question_tags ORDER BY question_pk, tag")


def orm_insert(
    conn: Connection, bank: Bank, questions: list[AnyQuestion], shared: dict[str, object]
) -> None:
    """The insert as it was before the bulk path: ``conn.execute(insert(table), rows)``."""
    if not questions:
        return
    rows = [{**banks_repo._question_values(bank, q), **shared, "qid": q.id} for q in questions]
    conn.execute(insert(QuestionRow.__table__), rows)
    pks = dict(
        conn.execute(text("SELECT qid, pk FROM questions WHERE bank_id = :b"), {"b": bank.id}).all()
    )
    tags = [{"question_pk": pks[q.id], "tag": t} for q in questions for t in bank.question_tags(q)]
    if tags:
        conn.execute(insert(QuestionTagRow.__table__), tags)


@pytest.fixture
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another fresh database of the same kind as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'orm.sqlite3'}"
    else:
        yield from _postgres_database()


def stored(
    url: str, clock: FixedClock
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    services = open_test_services(url, clock)
    try:
        result = services.study.import_banks(BANKS)
        assert result.added > 50
        with engine_of(services.study).connect() as conn:
            return [tuple(r) for r in conn.execute(RAW_QUESTIONS)], [
                tuple(r) for r in conn.execute(RAW_TAGS)
            ]
    finally:
        services.close()


def test_bulk_insert_stores_the_rows_the_orm_stored(
    db_url: str, second_url: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_rows, bulk_tags = stored(db_url, clock)
    monkeypatch.setattr(banks_repo, "_insert_questions", orm_insert)
    orm_rows, orm_tags = stored(second_url, clock)
    assert bulk_rows == orm_rows
    assert bulk_tags == orm_tags
    assert bulk_tags, "the banks have tags: the tag rows are compared too"


def test_a_bulk_imported_bank_is_unchanged_at_the_next_import(
    db_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    """The stored hashes are those a re-import computes: nothing looks edited."""
    services = open_test_services(db_url, clock)
    try:
        services.study.import_banks(BANKS)
        # Copies at other paths: the import compares every question's hash with the stored one.
        copies = []
        for i, bank in enumerate(BANKS[:2]):
            copy = tmp_path / f"copy{i}.yaml"
            copy.write_bytes(bank.read_bytes())
            copies.append(copy)
        again = services.study.import_banks(copies)
        assert (again.added, again.changed, again.retired, again.unchanged) == (0, 0, 0, 13)
    finally:
        services.close()
