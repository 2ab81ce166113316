"""The bulk insert of a new bank stores exactly what the ORM insert stored, byte for byte.

A stored row that differs (JSON, content hash, search text, time format, flags) would make
every bank imported before look edited at its next import; so the rows and tags of the sample,
report and bundled banks are compared, as raw database values, with those of the ORM path.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, insert, text

from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.paths import bundled_banks
from jgstudy.core.services import Services
from jgstudy.core.storage import banks_repo
from jgstudy.core.storage.schema import QuestionRow, QuestionTagRow
from peek import clock_of

DATA = Path(__file__).parents[1] / "data"

BANKS = [DATA / "banks" / "sample.yaml", DATA / "reports" / "report_bank.yaml", bundled_banks()]
# The pks differ between the two imports (PostgreSQL's sequence goes on): rows are in pk order,
# tags named by their question's bank and id.
RAW_QUESTIONS = text(
    "SELECT bank_id, qid, type, difficulty, content_hash, data, search_text, retired,"
    " retired_with_bank, created_at, changed_at FROM questions ORDER BY pk"
)
RAW_TAGS = text(
    "SELECT q.bank_id, q.qid, t.tag FROM question_tags t JOIN questions q ON q.pk = t.question_pk"
    " ORDER BY q.bank_id, q.qid, t.tag"
)
Row = tuple[object, ...]


def orm_insert(
    now: datetime,
    conn: Connection,
    bank: Bank,
    questions: list[AnyQuestion],
    shared: dict[str, object],
) -> None:
    """The insert as it was before the bulk path: ``conn.execute(insert(table), rows)``.

    ``shared`` is not used: a new bank's rows were active and created at the clock's now.
    """
    if not questions:
        return
    rows = [
        {
            **banks_repo._question_values(bank, q),
            "retired_with_bank": False,
            "bank_id": bank.id,
            "qid": q.id,
            "created_at": now,
        }
        for q in questions
    ]
    conn.execute(insert(QuestionRow.__table__), rows)
    pks = dict(
        conn.execute(text("SELECT qid, pk FROM questions WHERE bank_id = :b"), {"b": bank.id}).all()
    )
    tags = [{"question_pk": pks[q.id], "tag": t} for q in questions for t in bank.question_tags(q)]
    if tags:
        conn.execute(insert(QuestionTagRow.__table__), tags)


def stored(services: Services, engine: Engine) -> tuple[list[Row], list[Row]]:
    """Import the banks; every question row (without its pk) and tag (by question), raw."""
    result = services.study.import_banks(BANKS)
    assert result.added > 50
    with engine.connect() as conn:
        return list(map(tuple, conn.execute(RAW_QUESTIONS))), list(
            map(tuple, conn.execute(RAW_TAGS))
        )


def test_bulk_insert_stores_the_rows_the_orm_stored(
    services: Services, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_rows, bulk_tags = stored(services, engine)
    with engine.begin() as conn:
        for table in ("question_tags", "questions", "banks"):
            conn.execute(text(f"DELETE FROM {table}"))
    monkeypatch.setattr(
        banks_repo, "_insert_questions", partial(orm_insert, clock_of(services.study).now())
    )
    orm_rows, orm_tags = stored(services, engine)
    assert bulk_rows == orm_rows
    assert bulk_tags == orm_tags
    assert bulk_tags, "the banks have tags: the tag rows are compared too"


def test_a_bulk_imported_bank_is_unchanged_at_the_next_import(
    services: Services, tmp_path: Path
) -> None:
    """The stored hashes are those a re-import computes: nothing looks edited."""
    services.study.import_banks(BANKS)
    # Copies at other paths: the import compares every question's hash with the stored one.
    copies = []
    for i, bank in enumerate(BANKS[:2]):
        copy = tmp_path / f"copy{i}.yaml"
        copy.write_bytes(bank.read_bytes())
        copies.append(copy)
    again = services.study.import_banks(copies)
    assert (again.added, again.changed, again.retired, again.unchanged) == (0, 0, 0, 13)


@pytest.mark.parametrize("bank_tags", ["", "tags: [总, 甲]\n"], ids=["question tags", "bank tags"])
def test_a_new_bank_stores_each_question_s_tags_once(
    services: Services, engine: Engine, tmp_path: Path, bank_tags: str
) -> None:
    """The tags a bulk-inserted question gets are Bank.question_tags: the bank's first, then
    its own, without repeats."""
    from jgstudy.core.banks import load_bank

    path = tmp_path / "tags.yaml"
    own = ["[]", "[甲]", "[甲, 甲]", "[乙, 甲, 乙, 丙]", "[总]"]
    questions = "".join(
        f"- {{id: t{i}, type: judge, stem: 题{i}, explanation: 解, answer: true, tags: {t}}}\n"
        for i, t in enumerate(own)
    )
    path.write_text(f"format: 1\nid: tagged\ntitle: t\n{bank_tags}questions:\n{questions}", "utf-8")
    bank = load_bank(path).bank
    services.study.import_banks([path])
    with engine.connect() as conn:
        rows = conn.execute(RAW_TAGS).all()
    stored: dict[str, set[str]] = {}
    for _bank_id, qid, tag in rows:
        stored.setdefault(qid, set()).add(tag)
    expected = {q.id: set(bank.question_tags(q)) for q in bank.questions if bank.question_tags(q)}
    assert stored == expected
    assert len(rows) == sum(len(bank.question_tags(q)) for q in bank.questions)
