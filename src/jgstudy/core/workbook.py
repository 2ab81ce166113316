"""刷题 features around practice: 专项练习 selections, 收藏, 笔记, the 错题本's history and
题目纠错 reports. Answers themselves are recorded by the study service."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jgstudy.core.context import Context
from jgstudy.core.grading import ShortResponse, response_from_json
from jgstudy.core.model import AnyQuestion, QType
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.storage import exam_repo, workbook_repo
from jgstudy.core.text import join, msg

NOTE_MAX = 200
REASON_MIN, REASON_MAX = 4, 300


@dataclass(frozen=True)
class Selection:
    """What a 专项练习 covers: any of ``banks``, any of ``tags``, any of ``types`` (empty: all)."""

    banks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    types: tuple[QType, ...] = ()


@dataclass(frozen=True)
class WrongHistory:
    """How a cadre got one question wrong: the last wrong answer, how often and when."""

    last_answer: Any
    count: int
    times: tuple[datetime, ...]

    @property
    def last_at(self) -> datetime:
        return self.times[-1]


@dataclass(frozen=True)
class ProblemReport:
    """题目纠错: an open report on a question (``ref`` is ``bank_id/qid``)."""

    id: int
    question_pk: int
    ref: str
    reporter: str
    reason: str
    created_at: datetime


class WorkbookError(ValueError):
    """Input a cadre can correct (a note too long, a reason too short); the message says how."""


class WorkbookService:
    """Selections, stars, notes, wrong-answer history and problem reports over one database."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study

    # -- 专项 / 顺序 / 随机 -----------------------------------------------------------------

    def selection_queue(
        self, user: UserInfo, selection: Selection, order: NewOrder = NewOrder.BANK
    ) -> list[int]:
        """Every active question of ``selection`` (seen or not): in bank order (顺序练习), in a
        fresh shuffle (随机练习), or mixed across banks and types; siblings kept apart when
        shuffled or mixed."""
        with self._ctx.engine.connect() as conn:
            types = [t.value for t in selection.types]
            entries = exam_repo.pool(conn, types, selection.tags, selection.banks)
        # The bank file's order (pk follows it on import), not the ids' alphabetical one.
        pks = [e.pk for e in sorted(entries, key=lambda e: (e.bank_id, e.pk))]
        if order is NewOrder.RANDOM:
            random.Random(self._ctx.clock.now().timestamp()).shuffle(pks)
        return self._study.new_order(user, pks, order) if order is not NewOrder.BANK else pks

    # -- 收藏 -------------------------------------------------------------------------------

    def set_star(self, user: UserInfo, pk: int, on: bool) -> None:
        with self._ctx.engine.begin() as conn:
            workbook_repo.set_star(conn, user.id, pk, on, self._ctx.clock.now())

    def starred(self, user: UserInfo) -> list[int]:
        with self._ctx.engine.connect() as conn:
            return workbook_repo.starred_pks(conn, user.id)

    def stars(self, user: UserInfo, pks: Sequence[int]) -> set[int]:
        with self._ctx.engine.connect() as conn:
            return workbook_repo.stars(conn, user.id, pks)

    # -- 笔记 -------------------------------------------------------------------------------

    def set_note(self, user: UserInfo, pk: int, text: str) -> str:
        """Keep the cadre's note on a question (blank removes it); returns what was kept.

        Raises:
            WorkbookError: when the note is longer than :data:`NOTE_MAX` characters.
        """
        text = text.strip()
        if len(text) > NOTE_MAX:
            raise WorkbookError(
                msg("笔记最多 {limit} 字，现在有 {count} 字", limit=NOTE_MAX, count=len(text))
            )
        with self._ctx.engine.begin() as conn:
            workbook_repo.set_note(conn, user.id, pk, text, self._ctx.clock.now())
        return text

    def notes(self, user: UserInfo, pks: Sequence[int]) -> dict[int, str]:
        with self._ctx.engine.connect() as conn:
            return workbook_repo.notes(conn, user.id, pks)

    # -- 错题本 ------------------------------------------------------------------------------

    def wrong_history(self, user: UserInfo, pks: Sequence[int]) -> dict[int, WrongHistory]:
        """Per question: the last wrong answer, how many times wrong, and when."""
        with self._ctx.engine.connect() as conn:
            found = workbook_repo.wrong_answers(conn, user.id, pks)
        return {
            pk: WrongHistory(answers[-1][1], len(answers), tuple(at for at, _a in answers))
            for pk, answers in found.items()
        }

    # -- 题目纠错 ----------------------------------------------------------------------------

    def report_problem(self, user: UserInfo, pk: int, reason: str) -> int:
        """Store a cadre's report that question ``pk`` is wrong; returns the report's id.

        Raises:
            WorkbookError: when the reason is too short or too long to act on.
        """
        reason = " ".join(reason.split())
        if len(reason) < REASON_MIN:
            raise WorkbookError(msg("请写明问题所在（至少 {limit} 个字）", limit=REASON_MIN))
        if len(reason) > REASON_MAX:
            raise WorkbookError(
                msg(
                    "纠错说明最多 {limit} 字，现在有 {count} 字",
                    limit=REASON_MAX,
                    count=len(reason),
                )
            )
        with self._ctx.engine.begin() as conn:
            return workbook_repo.add_report(conn, user.id, pk, reason, self._ctx.clock.now())

    def open_reports(self) -> list[ProblemReport]:
        """The reports no trainer has closed yet, oldest first (the 需核查 queue)."""
        with self._ctx.engine.connect() as conn:
            return [ProblemReport(*row) for row in workbook_repo.open_reports(conn)]

    def close_report(self, report_id: int, by: str) -> bool:
        """Close a report (the trainer checked it); False when it was already closed."""
        with self._ctx.engine.begin() as conn:
            return workbook_repo.close_report(conn, report_id, by, self._ctx.clock.now())


def given_text(question: AnyQuestion, value: Any) -> str:
    """A stored answer as the cadre gave it (``AC``, ``错误``, ``773；第十届``), ``（未作答）`` if
    nothing was given."""
    response = response_from_json(question, value)
    text: str
    if isinstance(response, bool):
        return msg("正确") if response else msg("错误")
    if isinstance(response, frozenset):
        text = "".join(sorted(response))
    elif isinstance(response, tuple):
        text = join("；", response) if any(response) else ""  # the cadre's words: stays as is
    elif isinstance(response, ShortResponse):
        text = response.text
    else:
        text = str(response)
    return text.strip() or msg("（未作答）")
