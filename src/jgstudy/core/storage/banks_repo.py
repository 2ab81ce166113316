"""Storing banks: idempotent import that keeps history and retires what was removed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from jgstudy.core.model import QUESTION_ADAPTER, AnyQuestion, Bank, FillQuestion, ShortQuestion
from jgstudy.core.records import BankInfo, ImportResult
from jgstudy.core.storage.prepared import Prepared
from jgstudy.core.storage.schema import BankRow, QuestionRow, QuestionTagRow

if TYPE_CHECKING:
    from jgstudy.core.banks.loader import LoadedBank

_banks = cast(Table, BankRow.__table__)
_questions = cast(Table, QuestionRow.__table__)
_tags = cast(Table, QuestionTagRow.__table__)

# A new bank's questions and tags go in by one DBAPI executemany each: through
# ``conn.execute(insert, rows)`` SQLAlchemy spent more per row on parameters than SQLite on the
# insert (about 0.45 s of a 10k-question cold import). Same columns, same values as before.
_SHARED = ("bank_id", "retired", "retired_with_bank", "created_at")
_PER_QUESTION = ("qid", "type", "difficulty", "content_hash", "data", "search_text")
_INSERT_QUESTIONS = Prepared(insert(_questions), [*_SHARED, *_PER_QUESTION])
_INSERT_TAGS = Prepared(insert(_tags), ["question_pk", "tag"])
_BANK_QIDS = Prepared(
    select(_questions.c.qid, _questions.c.pk).where(_questions.c.bank_id == bindparam("bank_id"))
)


def stored_fingerprint(conn: Connection, path: Path) -> tuple[int, int, str] | None:
    """(size, mtime_ns, sha256) recorded for the bank last imported from ``path``."""
    row = conn.execute(
        select(BankRow.size, BankRow.mtime_ns, BankRow.sha256).where(BankRow.path == str(path))
    ).first()
    return (row[0], row[1], row[2]) if row else None


def touch_bank(conn: Connection, path: Path, size: int, mtime_ns: int) -> None:
    """Record a new mtime for a file whose content did not change."""
    conn.execute(
        update(_banks).where(_banks.c.path == str(path)).values(size=size, mtime_ns=mtime_ns)
    )


def sync_bank(conn: Connection, loaded: LoadedBank, now: datetime) -> ImportResult:
    """Bring the stored copy of a bank in line with ``loaded``; same id means same question."""
    bank = loaded.bank
    hidden = _upsert_bank_row(conn, loaded, now)  # a retired bank stays retired when synced
    existing = {
        row.qid: (row.pk, row.content_hash, row.retired and not row.retired_with_bank)
        for row in conn.execute(
            select(
                QuestionRow.qid,
                QuestionRow.pk,
                QuestionRow.content_hash,
                QuestionRow.retired,
                QuestionRow.retired_with_bank,
            ).where(QuestionRow.bank_id == bank.id)
        )
    }
    result = ImportResult(imported_banks=[bank.id])
    new: list[AnyQuestion] = []
    kept: list[tuple[int, AnyQuestion]] = []
    for question in bank.questions:
        known = existing.pop(question.id, None)
        if known is None:
            new.append(question)
            result.added += 1
            continue
        values = {**_question_values(bank, question), "retired": hidden}
        values["retired_with_bank"] = hidden
        if known[1] != values["content_hash"] or known[2]:
            _update_question(conn, bank, known[0], question, values, now)
            result.changed += 1
        else:
            kept.append((known[0], question))
    retagged = _sync_tags(conn, bank, kept)
    result.changed += retagged
    result.unchanged += len(kept) - retagged
    shared = {"bank_id": bank.id, "retired": hidden, "retired_with_bank": hidden, "created_at": now}
    _insert_questions(conn, bank, new, shared)
    # Removed from the file: retired for good (restoring the bank does not bring them back).
    result.retired = _retire(
        conn, [pk for pk, _h, removed in existing.values() if not removed], now
    )
    return result


def _sync_tags(conn: Connection, bank: Bank, kept: list[tuple[int, AnyQuestion]]) -> int:
    """Give questions whose content did not change the tags the bank now gives them (its own
    ``tags`` may have changed); returns how many were retagged."""
    if not kept:
        return 0
    stored: dict[int, set[str]] = {}
    query = (
        select(_tags.c.question_pk, _tags.c.tag)
        .join(_questions, _questions.c.pk == _tags.c.question_pk)
        .where(_questions.c.bank_id == bank.id)
    )
    for pk, tag in conn.execute(query):
        stored.setdefault(pk, set()).add(tag)
    retagged = 0
    for pk, question in kept:
        tags = bank.question_tags(question)
        if set(tags) != stored.get(pk, set()):
            conn.execute(delete(_tags).where(_tags.c.question_pk == pk))
            if tags:
                conn.execute(insert(_tags), [{"question_pk": pk, "tag": t} for t in tags])
            retagged += 1
    return retagged


def _upsert_bank_row(conn: Connection, loaded: LoadedBank, now: datetime) -> bool:
    """Insert or update the bank's row; True when the bank is retired."""
    bank = loaded.bank
    values = {
        "title": bank.title,
        "description": bank.description or "",
        "path": str(loaded.path),
        "sha256": loaded.sha256,
        "size": loaded.size,
        "mtime_ns": loaded.mtime_ns,
        "multiple_scoring": bank.multiple_scoring.value,
        "question_count": len(bank.questions),
        "imported_at": now,
    }
    row = conn.execute(select(BankRow.retired_at).where(BankRow.id == bank.id)).first()
    if row is not None:
        conn.execute(update(_banks).where(_banks.c.id == bank.id).values(**values))
        return row.retired_at is not None
    conn.execute(insert(_banks).values(id=bank.id, **values))
    return False


def _question_values(bank: Bank, question: AnyQuestion) -> dict[str, object]:
    return {
        "type": question.type,
        "difficulty": question.difficulty,
        "content_hash": question.content_hash(),
        "data": question.stored_json(),
        "search_text": search_text(question),
        "retired": False,
    }


def search_text(question: AnyQuestion) -> str:
    """Everything a cadre may search for in one string: stem, options, answers, explanation."""
    parts = [question.stem, question.explanation]
    # Not getattr(question, "options", None): on a question without options pydantic's
    # __getattr__ raises and the default is taken, several times slower (every question of
    # a cold import).
    options = question.__dict__.get("options")
    if options:
        parts.extend(options.values())
    if isinstance(question, FillQuestion):
        parts.extend(a for accepted in question.blanks for a in accepted)
    if isinstance(question, ShortQuestion):
        parts.append(question.reference)
    return "\n".join(parts)


def _new_row(question: AnyQuestion) -> dict[str, object]:
    """A new question's own values (``_PER_QUESTION``), as ``_question_values`` gives them."""
    return {
        "qid": question.id,
        "type": question.type,
        "difficulty": question.difficulty,
        "content_hash": question.content_hash(),
        "data": question.stored_json(),
        "search_text": search_text(question),
    }


def _insert_questions(
    conn: Connection, bank: Bank, questions: list[AnyQuestion], shared: dict[str, object]
) -> None:
    if not questions:
        return
    _INSERT_QUESTIONS.run_many(conn, map(_new_row, questions), shared)
    pks = dict(_BANK_QIDS.rows(conn, {"bank_id": bank.id}))
    tags_of = bank.question_tags if bank.tags else _own_tags
    tag_rows = [
        {"question_pk": pk, "tag": tag}
        for question, pk in zip(questions, map(pks.__getitem__, map(_ID, questions)), strict=True)
        for tag in tags_of(question)
    ]
    _INSERT_TAGS.run_many(conn, tag_rows)


_ID = attrgetter("id")


def _own_tags(question: AnyQuestion) -> tuple[str, ...]:
    """``Bank.question_tags`` for a bank without tags of its own: the question's tags without
    repeats (a tuple of one or none is that already)."""
    tags = question.tags
    return tags if len(tags) < 2 else tuple(dict.fromkeys(tags))


def _update_question(
    conn: Connection,
    bank: Bank,
    pk: int,
    question: AnyQuestion,
    values: dict[str, object],
    now: datetime,
) -> None:
    # The pk stays, so card state and review logs stay attached to the edited question.
    conn.execute(update(_questions).where(_questions.c.pk == pk).values(**values, changed_at=now))
    conn.execute(delete(_tags).where(_tags.c.question_pk == pk))
    tags = bank.question_tags(question)
    if tags:
        conn.execute(insert(_tags), [{"question_pk": pk, "tag": t} for t in tags])


def _retire(conn: Connection, pks: Iterable[int], now: datetime) -> int:
    pks = list(pks)
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        conn.execute(
            update(_questions)
            .where(_questions.c.pk.in_(chunk))
            .values(retired=True, retired_with_bank=False, changed_at=now)
        )
    return len(pks)


def list_banks(conn: Connection) -> list[BankInfo]:
    """Every stored bank, by title; retired ones too (see ``BankInfo.retired_at``)."""
    rows = conn.execute(select(_banks).order_by(_banks.c.title))
    return [
        BankInfo(
            r.id, r.title, r.description, r.path, r.question_count, r.imported_at, r.retired_at
        )
        for r in rows
    ]


def retire_bank(conn: Connection, bank_id: str, now: datetime) -> int:
    """Hide a bank and its questions from practice, exams and browsing; history stays.

    Returns how many questions were hidden (0 when the bank was already retired).
    """
    changed = conn.execute(
        update(_banks)
        .where(_banks.c.id == bank_id, _banks.c.retired_at.is_(None))
        .values(retired_at=now)
    )
    if not changed.rowcount:
        return 0
    hidden = conn.execute(
        update(_questions)
        .where(_questions.c.bank_id == bank_id, _questions.c.retired.is_(False))
        .values(retired=True, retired_with_bank=True, changed_at=now)
    )
    return int(hidden.rowcount)


def restore_bank(conn: Connection, bank_id: str, now: datetime) -> int:
    """Bring a retired bank back with the questions retiring it hid; how many came back."""
    conn.execute(update(_banks).where(_banks.c.id == bank_id).values(retired_at=None))
    shown = conn.execute(
        update(_questions)
        .where(_questions.c.bank_id == bank_id, _questions.c.retired_with_bank.is_(True))
        .values(retired=False, retired_with_bank=False, changed_at=now)
    )
    return int(shown.rowcount)


def stored_questions(conn: Connection, bank_id: str) -> list[AnyQuestion]:
    """Every question ever stored for a bank, retired ones included, in import order."""
    rows = conn.execute(
        select(QuestionRow.data).where(QuestionRow.bank_id == bank_id).order_by(QuestionRow.pk)
    )
    return [QUESTION_ADAPTER.validate_json(data) for (data,) in rows]
