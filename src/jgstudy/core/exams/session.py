"""The exam flow as a state machine driving a passive view (the GUI or the terminal).

Navigation is free: any question can be shown, answered, changed, flagged until the paper is
submitted, by the cadre or by the clock. Every change is saved at once, so an exam interrupted by
a crash resumes where it was, with the time that was left.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from jgstudy.core.clock import Clock
from jgstudy.core.exams.blueprint import FeedbackMode
from jgstudy.core.exams.result import ExamResult, ItemResult, build_result, score_item
from jgstudy.core.exams.state import ExamState
from jgstudy.core.exams.view import (
    ExamItem,
    ExamPhase,
    ExamSettings,
    ExamStore,
    ExamView,
    PaletteEntry,
)
from jgstudy.core.grading import Response, response_to_json
from jgstudy.core.records import QuestionRecord
from jgstudy.core.session import MAX_COUNTED_MS
from jgstudy.core.text import msg

ZERO = timedelta(0)


class ExamError(Exception):
    """A call that does not fit the exam's phase, or a question index out of range."""


class ExamSession:
    """One cadre's exam: answers, flags, navigation, the countdown and submission."""

    def __init__(
        self,
        store: ExamStore,
        view: ExamView,
        clock: Clock,
        settings: ExamSettings,
        state: ExamState,
        records: Sequence[QuestionRecord],
    ) -> None:
        self._store = store
        self._view = view
        self._clock = clock
        self._settings = settings
        self._state = state
        self._records = list(records)
        self._phase = ExamPhase.RUNNING
        self._shown_at = clock.now()
        self._result: ExamResult | None = None

    # -- reading -------------------------------------------------------------------------

    @property
    def phase(self) -> ExamPhase:
        return self._phase

    @property
    def attempt_id(self) -> int:
        return self._settings.attempt_id

    @property
    def title(self) -> str:
        return self._settings.title

    @property
    def total(self) -> int:
        return len(self._records)

    @property
    def current(self) -> int:
        return self._state.current

    @property
    def result(self) -> ExamResult | None:
        return self._result

    @property
    def deadline(self) -> datetime:
        return self._state.deadline

    def remaining(self) -> timedelta:
        """Time left: start + limit − now (never negative)."""
        return max(self._state.deadline - self._clock.now(), ZERO)

    def item(self, index: int) -> ExamItem:
        self._check_index(index)
        state = self._state
        record = self._records[index]
        section = state.section_of(index)
        return ExamItem(
            index=index,
            total=self.total,
            section=section.title,
            record=record,
            points=section.points if section.points is not None else record.question.points,
            response=self._response(index),
            flagged=index in state.flags,
            locked=index in state.locked,
        )

    def palette(self) -> list[PaletteEntry]:
        state = self._state
        return [
            PaletteEntry(i, i in state.answers, i in state.flags, i == state.current)
            for i in range(self.total)
        ]

    def unanswered(self) -> list[int]:
        """Indexes of the questions without an answer (for the confirmation before submitting)."""
        return [i for i in range(self.total) if i not in self._state.answers]

    def flagged(self) -> list[int]:
        return sorted(self._state.flags)

    # -- acting --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the current question; submits at once when the time ran out meanwhile."""
        self._shown_at = self._clock.now()
        if self.tick() > ZERO:
            self._show()

    def tick(self) -> timedelta:
        """Call about once a second: updates the countdown and submits at zero."""
        if self._phase is ExamPhase.FINISHED:
            return ZERO
        remaining = self.remaining()
        self._view.show_time(remaining)
        if remaining <= ZERO:
            self._state.auto_submitted = True
            self.submit()
        return remaining

    def goto(self, index: int) -> None:
        """Show question ``index`` (0-based)."""
        if not self._running():
            return
        self._check_index(index)
        self._move_to(index)
        self._store.save(self.attempt_id, self._state)
        self._show()

    def next(self) -> None:
        self.goto(min(self._state.current + 1, self.total - 1))

    def previous(self) -> None:
        self.goto(max(self._state.current - 1, 0))

    def set_flag(self, index: int, flagged: bool) -> None:
        """Mark a question to come back to (or clear the mark)."""
        if not self._running():
            return
        self._check_index(index)
        if flagged:
            self._state.flags.add(index)
        else:
            self._state.flags.discard(index)
        self._store.save(self.attempt_id, self._state)
        self._view.show_palette(self.palette())

    def toggle_flag(self, index: int | None = None) -> bool:
        """Flip the flag of ``index`` (default: the current question); returns the new flag."""
        index = self._state.current if index is None else index
        flagged = index not in self._state.flags
        self.set_flag(index, flagged)
        return flagged

    def answer(self, index: int, response: Response | None) -> bool:
        """Give, change or (with None) clear the answer to ``index``; saved at once.

        Returns:
            False when the answer was not taken: the time is up (the paper is then submitted) or
            the question was locked by immediate feedback.
        """
        if not self._running():
            return False
        self._check_index(index)
        if index in self._state.locked:
            return False
        moved = index != self._state.current
        if moved:
            self._move_to(index)
        self._account(self._clock.now())
        self._store_answer(index, response)
        self._store.save(self.attempt_id, self._state)
        if moved:
            self._show()
        else:
            self._view.show_palette(self.palette())
        if response is not None and self._settings.feedback is FeedbackMode.IMMEDIATE:
            self._view.show_feedback(self._score(index))
        return True

    def submit(self) -> ExamResult:
        """Hand in the paper: record every answer, score it, show and return the result."""
        if self._phase is ExamPhase.FINISHED:
            assert self._result is not None
            return self._result
        end = min(self._clock.now(), self._state.deadline)
        self._account(end)
        self._phase = ExamPhase.FINISHED
        self._record_answers()
        items = [self._score(i) for i in range(self.total)]
        s = self._settings
        result = build_result(s.attempt_id, s.title, self._state, items, s.pass_mark, end)
        self._store.finish(self.attempt_id, self._state, result)
        self._result = result
        self._view.show_result(result)
        return result

    # -- internals -----------------------------------------------------------------------

    def _running(self) -> bool:
        # Any action first lets the clock have its say: at zero the paper goes in as it is.
        return self._phase is ExamPhase.RUNNING and self.tick() > ZERO

    def _check_index(self, index: int) -> None:
        if not 0 <= index < self.total:
            raise ExamError(
                msg("没有第 {position} 题（共 {total} 题）", position=index + 1, total=self.total)
            )

    def _move_to(self, index: int) -> None:
        self._account(self._clock.now())
        self._state.current = index

    def _account(self, now: datetime) -> None:
        """Add the time since the current question was shown to its time spent."""
        now = min(now, self._state.deadline)
        elapsed = int((now - self._shown_at).total_seconds() * 1000)
        self._state.spent_ms[self._state.current] += max(elapsed, 0)
        self._shown_at = max(now, self._shown_at)

    def _store_answer(self, index: int, response: Response | None) -> None:
        if response is None:
            self._state.answers.pop(index, None)
            return
        self._state.answers[index] = response_to_json(response)
        if self._settings.feedback is FeedbackMode.IMMEDIATE:
            self._state.locked.add(index)

    def _response(self, index: int) -> Response | None:
        return self._state.response(index, self._records[index].question)

    def _score(self, index: int) -> ItemResult:
        section = self._state.section_of(index)
        return score_item(index, section, self._records[index], self._response(index))

    def _record_answers(self) -> None:
        # After a crash during an earlier submit some answers are stored already: skip those.
        done = self._store.recorded(self.attempt_id)
        for index, record in enumerate(self._records):
            response = self._response(index)
            if response is None or record.pk in done:
                continue  # unanswered: zero points, but no review (the cadre never saw a verdict)
            duration = min(self._state.spent_ms[index], MAX_COUNTED_MS)
            self._store.record(self._settings.user_id, record, response, duration, self.attempt_id)

    def _show(self) -> None:
        self._view.show_question(self.item(self._state.current))
        self._view.show_palette(self.palette())
