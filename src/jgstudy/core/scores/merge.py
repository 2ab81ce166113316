"""Merging scores files from many desktops into the trainer's database.

The rules make a merge idempotent and order-independent:

* review logs and attempts are known by their random ``uid``: one already present is skipped;
* an attempt already present is replaced only by a copy that finished later;
* a card is replaced only by one with a later ``last_review`` (the newer memory state wins);
* afterwards each touched card's ``reps``, ``lapses`` and ``first_reviewed_at`` are recounted
  from the review logs, because the statistics read those counters;
* the cadre is matched by name and created when missing (their unit is filled in if empty);
* answers to questions this database does not know (bank not imported) are skipped and reported.

A file may change only the profile it is for: an attempt or log whose uid this database already
holds for another cadre is left alone and reported, and a log is tied only to that cadre's own
attempts.

The whole file is validated before anything is written (:func:`load`). It is then written in
bounded transactions of :data:`STEP` rows, so a long merge never holds the database for long and
a practising cadre's answer gets through (each step also retries while the database is busy).
Since merging is idempotent, a merge cut short (killed, disk full) is completed by merging the
same file again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

from jgstudy.core.scores.fileformat import (
    AttemptEntry,
    CardEntry,
    LogEntry,
    Profile,
    QuestionRef,
    ScoresFile,
    ScoresFileError,
    load,
)
from jgstudy.core.storage import retry
from jgstudy.core.storage import scores_repo as repo
from jgstudy.core.text import msg

_OLDEST = datetime.min.replace(tzinfo=UTC)
STEP = 500  # rows per transaction
T = TypeVar("T")


class Runner(Protocol):
    """Runs one step of a merge in a transaction and returns what it returned."""

    def __call__(self, work: Callable[[Connection], T]) -> T: ...


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
    foreign: list[str] = field(default_factory=list)  # records that belong to another cadre

    @property
    def missing_banks(self) -> list[str]:
        """Banks to import before merging again, so that the skipped answers count."""
        return sorted({q.bank_id for q in self.unknown_questions})


def merge_file(engine: Engine, path: Path, now: datetime) -> MergeResult:
    """Validate ``path`` completely, then merge it in bounded, retried transactions.

    Raises:
        ScoresFileError: when the file cannot be read or is not a valid scores file (then
            nothing is written).
    """
    scores = load(path)

    def run(work: Callable[[Connection], T]) -> T:
        return retry.write(engine, work)

    try:
        return _merge(run, scores, now)
    except (IntegrityError, DataError) as exc:  # a step the database refused; others are kept
        raise ScoresFileError(
            msg(
                "{file}：合并中断（{error}）；修正后重新合并即可，已合并的部分不会重复",
                file=path.name,
                error=str(exc.orig),
            )
        ) from exc


def merge_scores(conn: Connection, scores: ScoresFile, now: datetime) -> MergeResult:
    """Merge ``scores`` through ``conn``; the caller owns the (single) transaction."""

    def run(work: Callable[[Connection], T]) -> T:
        return work(conn)

    return _merge(run, scores, now)


def _steps(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + STEP] for i in range(0, len(items), STEP)]


def _merge(run: Runner, scores: ScoresFile, now: datetime) -> MergeResult:
    result = MergeResult(scores.profile.name)
    user_id, result.created_user = run(partial(_user, profile=scores.profile, now=now))
    pks = run(partial(_resolve, refs=scores.questions, result=result))
    for attempts in _steps(scores.attempts):
        _add(result, run(partial(_merge_attempts, entries=attempts, user_id=user_id)))
    uids = [a.uid for a in scores.attempts]
    attempt_ids = run(partial(repo.owned_attempt_ids, user_id=user_id, uids=uids))
    for logs in _steps(scores.review_logs):
        step = partial(_merge_logs, entries=logs, user_id=user_id, pks=pks, attempts=attempt_ids)
        _add(result, run(step))
    for cards in _steps(scores.cards):
        _add(result, run(partial(_merge_cards, entries=cards, user_id=user_id, pks=pks)))
    for touched in _steps(sorted(set(pks.values()))):
        run(partial(repo.recount_cards, user_id=user_id, pks=touched))
    return result


def _add(result: MergeResult, step: MergeResult) -> None:
    """Count a committed step (counted only after commit: a retried step counts once)."""
    result.logs_added += step.logs_added
    result.logs_present += step.logs_present
    result.logs_unknown += step.logs_unknown
    result.attempts_added += step.attempts_added
    result.attempts_updated += step.attempts_updated
    result.cards_replaced += step.cards_replaced
    result.foreign += step.foreign


def _user(conn: Connection, profile: Profile, now: datetime) -> tuple[int, bool]:
    """The cadre's id, and whether they were created now."""
    row = repo.user(conn, profile.name)
    if row is None:
        # Always a cadre: a file may carry answers, never a trainer's or administrator's rights.
        return repo.create_user(conn, profile.name, profile.unit, "cadre", now), True
    if not row.unit and profile.unit:
        repo.set_unit(conn, row.id, profile.unit)
    return int(row.id), False


def _resolve(
    conn: Connection, refs: tuple[QuestionRef, ...], result: MergeResult
) -> dict[int, int]:
    """File question index -> pk in this database, for the questions it knows."""
    known = repo.question_pks(conn, [(r.bank_id, r.qid) for r in refs])
    pks: dict[int, int] = {}
    result.unknown_questions, result.changed_questions = [], []  # a rerun starts afresh
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


def _merge_attempts(conn: Connection, entries: Sequence[AttemptEntry], user_id: int) -> MergeResult:
    """Insert new attempts, update the cadre's own that finished later in the file."""
    step = MergeResult("")
    present = repo.attempts_by_uid(conn, [e.uid for e in entries])
    for entry in entries:
        old = present.get(entry.uid)
        if old is None:
            repo.insert_attempt(conn, {**entry.model_dump(), "user_id": user_id})
            step.attempts_added += 1
        elif old.user_id != user_id:
            step.foreign.append(msg("考试/练习记录 {uid} 属于另一名学员，未合并", uid=entry.uid))
        elif entry.finished_at is not None and (
            old.finished_at is None or entry.finished_at > old.finished_at
        ):
            repo.update_attempt(conn, entry.uid, user_id, _attempt_values(entry))
            step.attempts_updated += 1
    return step


def _merge_logs(
    conn: Connection,
    entries: Sequence[LogEntry],
    user_id: int,
    pks: dict[int, int],
    attempts: dict[str, int],
) -> MergeResult:
    step = MergeResult("")
    present = repo.log_owners(conn, [e.uid for e in entries])
    rows = []
    for entry in entries:
        owner = present.get(entry.uid)
        if owner is not None and owner != user_id:
            step.foreign.append(msg("答题记录 {uid} 属于另一名学员，未合并", uid=entry.uid))
        elif owner is not None:
            step.logs_present += 1
        elif entry.question not in pks:
            step.logs_unknown += 1
        elif entry.attempt is not None and entry.attempt not in attempts:
            step.foreign.append(
                msg(
                    "答题记录 {uid} 所属的考试 {attempt} 不是该学员的，未合并",
                    uid=entry.uid,
                    attempt=entry.attempt,
                )
            )
        else:
            rows.append(_log_row(entry, user_id, pks[entry.question], attempts))
    repo.insert_logs(conn, rows)
    step.logs_added = len(rows)
    return step


def _log_row(
    entry: LogEntry, user_id: int, pk: int, attempt_ids: dict[str, int]
) -> dict[str, object]:
    return {
        "uid": entry.uid,
        "user_id": user_id,
        "question_pk": pk,
        "attempt_id": attempt_ids[entry.attempt] if entry.attempt else None,
        # The same JSON text the service writes (see StudyService.record).
        "answer": json.dumps(entry.answer, ensure_ascii=False),
        "correct": entry.correct,
        "score": entry.score,
        "rating": entry.rating,
        "duration_ms": entry.duration_ms,
        "reviewed_at": entry.reviewed_at,
    }


def _merge_cards(
    conn: Connection, entries: Sequence[CardEntry], user_id: int, pks: dict[int, int]
) -> MergeResult:
    """Cards are keyed by (cadre, question): only this file's cadre's cards are touched."""
    step = MergeResult("")
    for entry in entries:
        pk = pks.get(entry.question)
        if pk is None:
            continue
        old = repo.card(conn, user_id, pk)
        incoming = entry.last_review or _OLDEST
        if old is None or incoming > (old.last_review or _OLDEST):
            repo.put_card(conn, user_id, pk, entry.model_dump(exclude={"question"}))
            step.cards_replaced += 1
    return step
