"""ExamService: mock exams (模拟考试) over the StudyService's database, clock and recording."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from jgstudy.core.context import Context
from jgstudy.core.exams.blueprint import ExamBlueprint, QuestionFilter, load_blueprint
from jgstudy.core.exams.draw import EXAM_EXCLUDED_TYPES, DrawError, draw_paper, new_seed
from jgstudy.core.exams.result import ExamResult, build_result, score_item
from jgstudy.core.exams.session import ExamError, ExamSession
from jgstudy.core.exams.state import ExamState, SectionSlice
from jgstudy.core.exams.view import ExamSettings, ExamView
from jgstudy.core.grading import Response
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import AttemptInfo, PoolEntry, QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.storage import exam_repo, retry
from jgstudy.core.text import join, message_of, msg

EXAM_KIND = "exam"


class ExamService:
    """Start, resume and review exams; answers are recorded through ``study``."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study
        self._store = _Store(ctx, study)

    # -- blueprints ----------------------------------------------------------------------

    @staticmethod
    def load_blueprint(path: Path) -> ExamBlueprint:
        """Raises ConfigErrors (a BankErrors) with every located problem."""
        return load_blueprint(path)

    @staticmethod
    def bundled_blueprints() -> list[Path]:
        """The blueprints shipped with jgstudy."""
        return sorted((bundled_banks() / "exams").glob("*.yaml"))

    def check(self, blueprint: ExamBlueprint, seed: int = 0) -> str | None:
        """Why the imported banks cannot fill this paper, or None when they can."""
        try:
            self._draw(blueprint, seed)
        except DrawError as exc:
            return message_of(exc)
        return None

    # -- exams ---------------------------------------------------------------------------

    def start(
        self, user: UserInfo, blueprint: ExamBlueprint, view: ExamView, *, seed: int | None = None
    ) -> ExamSession:
        """Draw a paper, store the attempt and show its first question.

        ``seed`` overrides the blueprint's; without either the attempt gets its own (stored).

        Raises:
            DrawError: when the imported banks cannot fill the paper.
        """
        seed = seed if seed is not None else blueprint.seed
        seed = seed if seed is not None else new_seed()
        pks, sections, records = self._draw(blueprint, seed)
        now = self._ctx.clock.now()
        state = ExamState(seed, now, blueprint.time_limit_minutes * 60, pks, sections)
        with self._ctx.engine.begin() as conn:
            attempt_id = exam_repo.create_attempt(
                conn,
                user.id,
                EXAM_KIND,
                blueprint.title,
                blueprint.model_dump_json(),
                state.to_json(),
                now,
            )
        return self._open(user.id, attempt_id, blueprint, state, records, view)

    def unfinished(self, user: UserInfo, blueprint_id: str | None = None) -> AttemptInfo | None:
        """The cadre's latest exam (of ``blueprint_id``, when given) not yet submitted."""
        with self._ctx.engine.connect() as conn:
            info = exam_repo.latest_unfinished(conn, user.id, EXAM_KIND)
        if info is None or blueprint_id is None:
            return info
        return info if ExamBlueprint.model_validate_json(info.config).id == blueprint_id else None

    def resume(
        self, user: UserInfo, view: ExamView, blueprint_id: str | None = None
    ) -> ExamSession | None:
        """Continue the cadre's unfinished exam (of ``blueprint_id``, when given) with the time left.

        When the time ran out while the app was closed, the paper is submitted at once with the
        answers saved so far; the returned session is then finished and holds the result.
        """
        info = self.unfinished(user, blueprint_id)
        if info is None:
            return None
        blueprint = ExamBlueprint.model_validate_json(info.config)
        state = ExamState.from_json(info.state)
        records = self._records(blueprint, state.pks)
        return self._open(user.id, info.id, blueprint, state, records, view)

    def result(self, attempt_id: int) -> ExamResult:
        """The result of a submitted exam, rebuilt from the stored attempt."""
        with self._ctx.engine.connect() as conn:
            info = exam_repo.get_attempt(conn, attempt_id)
        if info is None or info.kind != EXAM_KIND or info.finished_at is None:
            raise ExamError(msg("没有已交卷的考试 {attempt_id}", attempt_id=attempt_id))
        blueprint = ExamBlueprint.model_validate_json(info.config)
        state = ExamState.from_json(info.state)
        records = self._records(blueprint, state.pks)
        items = [
            score_item(i, state.section_of(i), r, state.response(i, r.question))
            for i, r in enumerate(records)
        ]
        return build_result(
            info.id, info.title, state, items, blueprint.pass_mark, info.finished_at
        )

    def time_left(self, info: AttemptInfo) -> timedelta:
        """How long the unfinished exam ``info`` may still run (zero once its time is up)."""
        deadline = ExamState.from_json(info.state).deadline
        return max(deadline - self._ctx.now(), timedelta(0))

    def results(self, user: UserInfo) -> dict[str, list[AttemptInfo]]:
        """The cadre's handed-in exams per blueprint id, newest first (for the paper list)."""
        per_paper: dict[str, list[AttemptInfo]] = {}
        for info in self.history(user):
            if info.finished_at is not None:
                paper = ExamBlueprint.model_validate_json(info.config).id
                per_paper.setdefault(paper, []).append(info)
        return per_paper

    def history(self, user: UserInfo) -> list[AttemptInfo]:
        """The cadre's exams, newest first."""
        with self._ctx.engine.connect() as conn:
            return exam_repo.list_attempts(conn, user.id, EXAM_KIND)

    # -- internals -----------------------------------------------------------------------

    def _open(
        self,
        user_id: int,
        attempt_id: int,
        blueprint: ExamBlueprint,
        state: ExamState,
        records: list[QuestionRecord],
        view: ExamView,
    ) -> ExamSession:
        settings = ExamSettings(
            attempt_id, user_id, blueprint.title, blueprint.pass_mark, blueprint.feedback
        )
        session = ExamSession(self._store, view, self._ctx.clock, settings, state, records)
        session.start()
        return session

    def _draw(
        self, blueprint: ExamBlueprint, seed: int
    ) -> tuple[list[int], list[SectionSlice], list[QuestionRecord]]:
        with self._ctx.engine.connect() as conn:

            def pool(flt: QuestionFilter) -> Sequence[PoolEntry]:
                types = [t.value for t in flt.types]
                return exam_repo.pool(conn, types, flt.tags, flt.banks, EXAM_EXCLUDED_TYPES)

            def resolve(refs: Sequence[str]) -> dict[str, int]:
                return exam_repo.resolve_refs(conn, refs)

            pks, sections = draw_paper(blueprint, seed, pool, resolve, self._study.siblings())
        records = self._records(blueprint, pks)
        short = [r.question.id for r in records if r.question.type == "short"]
        if short:
            raise DrawError(msg("考试不能包含简答题：{questions}", questions=join("、", short)))
        return pks, sections, records

    def _records(self, blueprint: ExamBlueprint, pks: Sequence[int]) -> list[QuestionRecord]:
        records = self._study.questions(pks)
        scoring = blueprint.multiple_scoring
        if scoring is None:
            return records
        # The paper's rule wins over each bank's; grading reads it from the record.
        return [dataclasses.replace(r, scoring=scoring) for r in records]


class _Store:
    """The ExamStore an ExamSession writes to: one transaction per change."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study

    def save(self, attempt_id: int, state: ExamState) -> None:
        text = state.to_json()
        # Retried while another process holds the database, like every answer (storage/retry).
        retry.write(self._ctx.engine, lambda conn: exam_repo.save_state(conn, attempt_id, text))

    def recorded(self, attempt_id: int) -> set[int]:
        with self._ctx.engine.connect() as conn:
            return exam_repo.logged_pks(conn, attempt_id)

    def record(
        self,
        user_id: int,
        record: QuestionRecord,
        response: Response,
        duration_ms: int,
        attempt_id: int,
    ) -> None:
        self._study.record(user_id, record, response, duration_ms, attempt_id=attempt_id)

    def finish(self, attempt_id: int, state: ExamState, result: ExamResult) -> None:
        text = state.to_json()
        retry.write(
            self._ctx.engine,
            lambda conn: exam_repo.finish_attempt(
                conn, attempt_id, text, result.finished_at, result.score, result.max_score
            ),
        )
