"""CompetitionService: matches (stored event by event) and solo drills over the StudyService."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from jgstudy.core.competition.config import CompetitionConfig, Team, load_competition
from jgstudy.core.competition.drill import DrillResult, DrillView
from jgstudy.core.competition.drills import ReactionDrill, SpeedDrill
from jgstudy.core.competition.events import EventKind, MatchEvent
from jgstudy.core.competition.match import Match, MatchError
from jgstudy.core.competition.record import MatchRecord, build_record
from jgstudy.core.competition.state import questions_needed
from jgstudy.core.competition.view import MatchView
from jgstudy.core.context import Context
from jgstudy.core.exams.blueprint import QuestionFilter
from jgstudy.core.exams.draw import EXAM_EXCLUDED_TYPES, DrawError, new_seed, sample
from jgstudy.core.grading import Grade, Response
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import (
    MatchInfo,
    PoolEntry,
    QuestionRecord,
    StoredEvent,
    UserInfo,
)
from jgstudy.core.service import StudyService
from jgstudy.core.storage import exam_repo, match_repo
from jgstudy.core.text import message_of, msg

DRILL_KIND = "drill"
ANY_QUESTION = QuestionFilter()


class CompetitionService:
    """Create, continue and review matches; run solo drills recorded through ``study``."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study
        self._source = _Source(ctx, study)

    def now(self) -> datetime:
        """The time every tick and buzzer press of a match is stamped with."""
        return self._ctx.now()

    @property
    def display_tz(self) -> tzinfo:
        """The desktop's time zone, for showing when events happened."""
        return self._ctx.local_tz

    # -- configurations ------------------------------------------------------------------

    @staticmethod
    def load_config(path: Path) -> CompetitionConfig:
        """Raises ConfigErrors (a BankErrors) with every located problem."""
        return load_competition(path)

    @staticmethod
    def bundled_configs() -> list[Path]:
        return sorted((bundled_banks() / "competitions").glob("*.yaml"))

    def check(self, config: CompetitionConfig, n_teams: int, seed: int = 0) -> str | None:
        """Why the imported banks cannot supply every round for ``n_teams``, or None."""
        used: set[int] = set()
        try:
            for index, rnd in enumerate(config.rounds):
                count = questions_needed(rnd, n_teams)
                used.update(self._source.draw(index, rnd.filter, count, seed, used))
        except DrawError as exc:
            return message_of(exc)
        return None

    # -- matches -------------------------------------------------------------------------

    def create_match(
        self,
        config: CompetitionConfig,
        teams: Sequence[Team] | None = None,
        *,
        view: MatchView | None = None,
        seed: int | None = None,
    ) -> Match:
        """A new stored match (teams default to the configuration's)."""
        line_up = tuple(teams if teams is not None else config.teams)
        seed = seed if seed is not None else config.seed
        seed = seed if seed is not None else new_seed()
        now = self._ctx.clock.now()
        stored = {
            "config": config.model_dump(mode="json"),
            "teams": [t.model_dump() for t in line_up],
        }
        Match(config, line_up, self._source)  # validates the line-up before anything is stored
        with self._ctx.engine.begin() as conn:
            match_id = match_repo.create_match(conn, config.title, json.dumps(stored), now)
        sink = _Sink(self._ctx, match_id)
        match = Match.create(config, line_up, self._source, now, seed=seed, view=view, sink=sink)
        match.id = match_id
        return match

    def open_match(self, match_id: int, *, view: MatchView | None = None) -> Match:
        """A stored match rebuilt from its events, to review it or to go on with it."""
        config, teams, events = self._stored(match_id)
        sink = _Sink(self._ctx, match_id)
        match = Match.replay(config, teams, self._source, events, view=view, sink=sink)
        match.id = match_id
        return match

    def record(self, match_id: int, tz: tzinfo | None = None) -> MatchRecord:
        """The arbitration record (比赛记录) of a stored match, times in ``tz`` (default local)."""
        config, teams, events = self._stored(match_id)
        if not events:  # the match row was stored but its first event never was
            raise MatchError(msg("第 {match_id} 场比赛没有任何记录", match_id=match_id))
        zone = tz if tz is not None else self._ctx.local_tz
        return build_record(match_id, config, teams, events, self._source.question, zone)

    def _stored(self, match_id: int) -> tuple[CompetitionConfig, list[Team], list[MatchEvent]]:
        with self._ctx.engine.connect() as conn:
            info = match_repo.get_match(conn, match_id)
            stored = match_repo.load_events(conn, match_id)
        if info is None:
            raise MatchError(msg("没有编号为 {match_id} 的比赛", match_id=match_id))
        data = json.loads(info.config)
        config = CompetitionConfig.model_validate(data["config"])
        teams = [Team.model_validate(t) for t in data["teams"]]
        events = [MatchEvent.from_stored(e.seq, e.at, e.kind, e.team, e.payload) for e in stored]
        return config, teams, events

    def matches(self) -> list[MatchInfo]:
        """Every stored match, newest first."""
        with self._ctx.engine.connect() as conn:
            return match_repo.list_matches(conn)

    def events(self, match_id: int) -> list[MatchEvent]:
        """A stored match's event log (for review and export)."""
        with self._ctx.engine.connect() as conn:
            stored = match_repo.load_events(conn, match_id)
        return [MatchEvent.from_stored(e.seq, e.at, e.kind, e.team, e.payload) for e in stored]

    # -- solo drills ---------------------------------------------------------------------

    def speed_drill(
        self,
        user: UserInfo,
        view: DrillView,
        *,
        flt: QuestionFilter = ANY_QUESTION,
        count: int = 30,
        seconds: int = 60,
        seed: int | None = None,
    ) -> SpeedDrill:
        """速答 alone: ``count`` questions ready, ``seconds`` on the clock. Call ``start(now)``."""
        attempt_id, records = self._drill("speed", user, flt, count, seed, seconds)
        limit = timedelta(seconds=seconds)
        return SpeedDrill(
            _DrillStore(self._ctx, self._study), view, user.id, attempt_id, records, limit=limit
        )

    def reaction_drill(
        self,
        user: UserInfo,
        view: DrillView,
        *,
        flt: QuestionFilter = ANY_QUESTION,
        count: int = 10,
        window_seconds: int = 20,
        seed: int | None = None,
    ) -> ReactionDrill:
        """抢答 reaction drill over ``count`` questions. Call ``next(now)`` to show the first."""
        attempt_id, records = self._drill("reaction", user, flt, count, seed, window_seconds)
        limit = timedelta(seconds=window_seconds)
        store = _DrillStore(self._ctx, self._study)
        return ReactionDrill(store, view, user.id, attempt_id, records, limit=limit)

    def _drill(
        self, kind: str, user: UserInfo, flt: QuestionFilter, count: int, seed: int | None, s: int
    ) -> tuple[int, list[QuestionRecord]]:
        seed = seed if seed is not None else new_seed()
        # A drill grades on its own; a short answer needs a person's verdict.
        entries = self._source.entries(flt, EXAM_EXCLUDED_TYPES)
        pks = sample(entries, count, random.Random(seed), set(), self._study.siblings(), up_to=True)
        if not pks:
            raise DrawError(msg("没有符合条件的题目"))
        config = {"drill": kind, "filter": flt.model_dump(mode="json"), "seconds": s, "seed": seed}
        title = msg("速答演练") if kind == "speed" else msg("抢答反应演练")
        with self._ctx.engine.begin() as conn:
            attempt_id = exam_repo.create_attempt(
                conn, user.id, DRILL_KIND, title, json.dumps(config), "{}", self._ctx.clock.now()
            )
        return attempt_id, self._study.questions(pks)


class _Source:
    """Questions for matches: drawn per round from the seed, read through the study cache."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study

    def entries(self, flt: QuestionFilter, exclude_types: Sequence[str] = ()) -> list[PoolEntry]:
        with self._ctx.engine.connect() as conn:
            types = [t.value for t in flt.types]
            return exam_repo.pool(conn, types, flt.tags, flt.banks, exclude_types)

    def draw(
        self, round_index: int, flt: QuestionFilter, count: int, seed: int, exclude: set[int]
    ) -> list[int]:
        # One generator per round: a round's questions do not depend on the rounds before.
        rng = random.Random(f"{seed}/{round_index}")
        try:
            return sample(self.entries(flt), count, rng, set(exclude), self._study.siblings())
        except DrawError as exc:
            problem = message_of(exc)
            raise DrawError(
                msg("第 {round} 轮：{problem}", round=round_index + 1, problem=problem)
            ) from exc

    def question(self, pk: int) -> QuestionRecord:
        return self._study.question(pk)


class _Sink:
    """Stores each event of a match as it happens, in its own transaction."""

    def __init__(self, ctx: Context, match_id: int) -> None:
        self._ctx = ctx
        self.match_id = match_id

    def __call__(self, event: MatchEvent) -> None:
        row = StoredEvent(event.seq, event.at, event.kind.value, event.team, event.payload_json())
        with self._ctx.engine.begin() as conn:
            match_repo.append_event(conn, self.match_id, row)
            if event.kind is EventKind.MATCH_FINISHED:
                match_repo.finish_match(conn, self.match_id, event.at)


class _DrillStore:
    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study

    def record(
        self,
        user_id: int,
        record: QuestionRecord,
        response: Response,
        duration_ms: int,
        attempt_id: int,
    ) -> Grade:
        return self._study.record(
            user_id, record, response, duration_ms, attempt_id=attempt_id
        ).grade

    def finish(self, result: DrillResult, now: datetime) -> None:
        with self._ctx.engine.begin() as conn:
            exam_repo.finish_attempt(
                conn,
                result.attempt_id,
                result.state_json(),
                now,
                float(result.correct),
                float(len(result.answers)),
            )
