"""Merging scores files from many desktops into the trainer's database.

The rules make a merge idempotent and order-independent:

* review logs and attempts are known by their random ``uid``: one already present is skipped;
* an attempt already present is replaced only by a copy that finished later;
* a card is replaced only by one with a later ``last_review`` (the newer memory state wins);
* afterwards each touched card's ``reps``, ``lapses`` and ``first_reviewed_at`` are recounted
  from the review logs, because the statistics read those counters;
* the cadre is matched by name and created when missing (their unit is filled in if empty);
* answers to questions this database does not know (bank not imported) are skipped and reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine

from jgstudy.core.scores.fileformat import (
    AttemptEntry,
    CardEntry,
    LogEntry,
    Profile,
    QuestionRef,
    ScoresFile,
    load,
)
from jgstudy.core.storage import scores_repo as repo

_OLDEST = datetime.min.replace(tzinfo=UTC)


@dataclass
class MergeResult:
    """What merging one file changed, and what it could not merge."""

    user: str
    created_user: bool = False
    logs_added: int = 0
    logs_present: int = 0
    logs_unknown: int = 0
    attempts_added: int = 0
    attempts_updated: int = 0
    cards_replaced: int = 0
    unknown_questions: list[QuestionRef] = field(default_factory=list)
    changed_questions: list[QuestionRef] = field(default_factory=list)

    @property
    def missing_banks(self) -> list[str]:
        """Banks to import before merging again, so that the skipped answers count."""
        return sorted({q.bank_id for q in self.unknown_questions})


def merge_file(engine: Engine, path: Path, now: datetime) -> MergeResult:
    """Read ``path`` and merge it in one transaction (all of the file, or nothing).

    Raises:
        ScoresFileError: when the file cannot be read or is not a valid scores file.
    """
    scores = load(path)
    with engine.begin() as conn:
        return merge_scores(conn, scores, now)


def merge_scores(conn: Connection, scores: ScoresFile, now: datetime) -> MergeResult:
    """Merge ``scores`` through ``conn``; the caller owns the transaction."""
    result = MergeResult(scores.profile.name)
    user_id = _user(conn, scores.profile, now, result)
    pks = _resolve(conn, scores.questions, result)
    attempt_ids = _merge_attempts(conn, scores.attempts, user_id, result)
    _merge_logs(conn, scores.review_logs, user_id, pks, attempt_ids, result)
    _merge_cards(conn, scores.cards, user_id, pks, result)
    repo.recount_cards(conn, user_id, sorted(set(pks.values())))
    return result


def _user(conn: Connection, profile: Profile, now: datetime, result: MergeResult) -> int:
    row = repo.user(conn, profile.name)
    if row is None:
        result.created_user = True
        return repo.create_user(conn, profile.name, profile.unit, profile.role, now)
    if not row.unit and profile.unit:
        repo.set_unit(conn, row.id, profile.unit)
    return int(row.id)


def _resolve(
    conn: Connection, refs: tuple[QuestionRef, ...], result: MergeResult
) -> dict[int, int]:
    """File question index -> pk in this database, for the questions it knows."""
    known = repo.question_pks(conn, [(r.bank_id, r.qid) for r in refs])
    pks: dict[int, int] = {}
    for index, ref in enumerate(refs):
        found = known.get((ref.bank_id, ref.qid))
        if found is None:
            result.unknown_questions.append(ref)
            continue
        pks[index] = found[0]
        if found[1] != ref.content_hash:
            result.changed_questions.append(ref)  # edited since: history kept, as on import
    return pks


def _attempt_values(entry: AttemptEntry) -> dict[str, object]:
    return entry.model_dump(exclude={"uid", "kind", "started_at"})


def _merge_attempts(
    conn: Connection, entries: tuple[AttemptEntry, ...], user_id: int, result: MergeResult
) -> dict[str, int]:
    """Insert new attempts, update those that finished later here; returns uid -> id."""
    present = repo.attempts_by_uid(conn, [e.uid for e in entries])
    for entry in entries:
        old = present.get(entry.uid)
        if old is None:
            repo.insert_attempt(conn, {**entry.model_dump(), "user_id": user_id})
            result.attempts_added += 1
        elif entry.finished_at is not None and (
            old.finished_at is None or entry.finished_at > old.finished_at
        ):
            repo.update_attempt(conn, entry.uid, _attempt_values(entry))
            result.attempts_updated += 1
    merged = repo.attempts_by_uid(conn, [e.uid for e in entries])
    return {uid: int(row.id) for uid, row in merged.items()}


def _merge_logs(
    conn: Connection,
    entries: tuple[LogEntry, ...],
    user_id: int,
    pks: dict[int, int],
    attempt_ids: dict[str, int],
    result: MergeResult,
) -> None:
    present = repo.existing_log_uids(conn, [e.uid for e in entries])
    rows = []
    for entry in entries:
        if entry.uid in present:
            result.logs_present += 1
        elif entry.question not in pks:
            result.logs_unknown += 1
        else:
            rows.append(_log_row(entry, user_id, pks[entry.question], attempt_ids))
            present.add(entry.uid)  # a file listing a log twice still adds it once
    repo.insert_logs(conn, rows)
    result.logs_added += len(rows)


def _log_row(
    entry: LogEntry, user_id: int, pk: int, attempt_ids: dict[str, int]
) -> dict[str, object]:
    return {
        "uid": entry.uid,
        "user_id": user_id,
        "question_pk": pk,
        "attempt_id": attempt_ids.get(entry.attempt) if entry.attempt else None,
        # The same JSON text the service writes (see StudyService.record).
        "answer": json.dumps(entry.answer, ensure_ascii=False),
        "correct": entry.correct,
        "score": entry.score,
        "rating": entry.rating,
        "duration_ms": entry.duration_ms,
        "reviewed_at": entry.reviewed_at,
    }


def _merge_cards(
    conn: Connection,
    entries: tuple[CardEntry, ...],
    user_id: int,
    pks: dict[int, int],
    result: MergeResult,
) -> None:
    for entry in entries:
        pk = pks.get(entry.question)
        if pk is None:
            continue
        old = repo.card(conn, user_id, pk)
        incoming = entry.last_review or _OLDEST
        if old is None or incoming > (old.last_review or _OLDEST):
            repo.put_card(conn, user_id, pk, entry.model_dump(exclude={"question"}))
            result.cards_replaced += 1
