"""StudyService: banks, cadres, practice and statistics; one of the services of :mod:`jgstudy.core.services`."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from jgstudy.core import stats as stats_mod
from jgstudy.core.context import Context
from jgstudy.core.defaults import DEFAULT_NEW_PER_DAY
from jgstudy.core.gcpause import collector_paused
from jgstudy.core.grading import Response, grade, response_to_json
from jgstudy.core.names import BadName, clean_name, clean_unit
from jgstudy.core.order import NewOrder, OrderKey, SeededOrder, interleave
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import (
    AnswerRecord,
    BankInfo,
    BrowseFilter,
    BrowseRow,
    CardInfo,
    ImportResult,
    PracticeMode,
    Progress,
    QuestionRecord,
    UserInfo,
)
from jgstudy.core.scheduling import (
    DueRule,
    Rating,
    Scheduler,
    personal_ms_per_char,
    rating_for,
)
from jgstudy.core.scheduling.book import BookState, after_answer
from jgstudy.core.scheduling.days import REVIEW, Cutoffs
from jgstudy.core.scheduling.pace import SAMPLES
from jgstudy.core.scheduling.sources import attempt_rating, keeps_memory
from jgstudy.core.session import Outcome, PracticeSession, PracticeView
from jgstudy.core.siblings import map_of_groups, method_stamp, sibling_groups
from jgstudy.core.storage import (
    access_repo,
    banks_repo,
    browse_repo,
    plan_repo,
    retry,
    siblings_repo,
    stats_repo,
    study_repo,
)
from jgstudy.core.text import msg

if TYPE_CHECKING:
    # the bank loader is imported when a bank is imported, not at start-up
    from jgstudy.core.banks import LoadedBank, Problem
    from jgstudy.core.convert import Conversion
    from jgstudy.core.model import AnyQuestion

log = logging.getLogger(__name__)


class StudyService:
    """Banks, cadres, practice and statistics over one database."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._questions: dict[int, QuestionRecord] = {}
        # Each cadre's reading pace (ms per character), measured once per study day.
        self._paces: dict[int, tuple[date, float]] = {}
        self._siblings: Mapping[int, frozenset[int]] | None = None
        # What the new-question order reads of a question (its columns), and each cadre's mixed
        # order of the questions met so far, kept like the questions above.
        self._order_keys: dict[int, OrderKey] = {}
        self._orders: dict[str, SeededOrder] = {}
        # Reviews per day before today never change while the app runs (merges are a CLI job).
        self._past_days: stats_mod.PastDays = {}
        self._advance: Callable[[int], list[int]] | None = None
        # Each cadre's own FSRS parameters (None: the defaults), read once.
        self._weights: dict[int, tuple[float, ...] | None] = {}

    # -- banks ---------------------------------------------------------------------------

    def check(self, paths: Sequence[Path]) -> list[Problem]:
        """Every problem in the banks under ``paths`` (empty when they are all valid)."""
        from jgstudy.core.banks import load_banks

        _banks, problems = load_banks(paths)
        return problems

    def import_banks(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportResult:
        """Import or sync banks; all or nothing.

        Files whose size and modification time (or, failing that, content hash) match the last
        import are skipped without parsing.

        Raises:
            BankErrors: when any bank is invalid; the database is then left untouched.
        """
        from jgstudy.core.banks import BankErrors, find_bank_files, load_bank, refused_bank_files

        files = [p.resolve() for p in find_bank_files(paths)]
        todo, result = self._changed_files(files)
        loaded: list[LoadedBank] = []
        problems: list[Problem] = refused_bank_files(paths)
        # One collector pause from the first parse to the commit, the banks freed inside it:
        # paused per bank only, the first collection after it walked every object of every
        # question still alive (35 ms of a 10k-question import).
        with collector_paused():
            for index, file in enumerate(todo):
                if progress:
                    progress(index, len(todo), file.name)
                try:
                    loaded.append(load_bank(file))
                except BankErrors as errors:
                    problems.extend(errors.problems)
            if problems:
                raise BankErrors(problems)
            now = self._ctx.clock.now()
            with self._ctx.engine.begin() as conn:
                while loaded:  # in order; each bank freed once stored, no name left holding it
                    result.merge(banks_repo.sync_bank(conn, loaded.pop(0), now))
        self._banks_changed()
        if progress:
            progress(len(todo), len(todo), "")
        return result

    def _changed_files(self, files: list[Path]) -> tuple[list[Path], ImportResult]:
        result = ImportResult()
        todo: list[Path] = []
        with self._ctx.engine.begin() as conn:
            for file in files:
                stored = banks_repo.stored_fingerprint(conn, file)
                stat = file.stat() if file.exists() else None
                if stored and stat and stored[:2] == (stat.st_size, stat.st_mtime_ns):
                    result.skipped_banks.append(file.name)
                elif stored and stat and _sha256(file) == stored[2]:
                    banks_repo.touch_bank(conn, file, stat.st_size, stat.st_mtime_ns)
                    result.skipped_banks.append(file.name)
                else:
                    todo.append(file)
        return todo, result

    def import_bundled(self, progress: Progress | None = None) -> ImportResult:
        """Sync the banks shipped with jgstudy (a no-op when none changed).

        A cadre's or trainer's own login on a shared database skips it: the banks there are the
        administrator's to import (``jgstudy db provision`` does), and the login may not write them.
        """
        with self._ctx.engine.connect() as conn:
            if access_repo.connected_kind(conn) in ("cadre", "trainer"):
                return ImportResult()
        return self.import_banks([bundled_banks()], progress)

    def connected_role(self) -> str | None:
        """``cadre``, ``trainer`` or ``admin`` for a personal login on a shared database."""
        with self._ctx.engine.connect() as conn:
            return access_repo.connected_kind(conn)

    def banks(self) -> list[BankInfo]:
        """Every imported bank, retired ones included (``retired_at`` set)."""
        with self._ctx.engine.connect() as conn:
            return banks_repo.list_banks(conn)

    def bank_questions(self, bank_id: str) -> list[AnyQuestion]:
        """Every question stored for a bank, retired ones too: what a new version is matched to."""
        with self._ctx.engine.connect() as conn:
            return banks_repo.stored_questions(conn, bank_id)

    def import_conversion(self, conversion: Conversion, folder: Path) -> ImportResult:
        """Import the ready questions of a previewed conversion (see ``core.convert``).

        A YAML bank is imported from its own file; any other source is written as a bank file
        ``<bank id>.yaml`` in ``folder`` first, so re-importing it later reads that file.

        Raises:
            BankErrors: the bank file does not pass the checks (nothing is imported then).
            ValueError: the conversion has nothing to import.
        """
        from jgstudy.core.convert import write_bank_file

        if conversion.bank is None or not conversion.ready:
            raise ValueError(msg("没有可以导入的题目"))
        if conversion.format == "yaml" and conversion.ids is None:
            return self.import_banks([conversion.source])
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{conversion.bank.id}.yaml"
        write_bank_file(conversion.bank, target)
        return self.import_banks([target])

    def retire_bank(self, bank_id: str) -> int:
        """停用: hide the bank from practice, exams and browsing; history and cards are kept."""
        with self._ctx.engine.begin() as conn:
            hidden = banks_repo.retire_bank(conn, bank_id, self._ctx.clock.now())
        self._banks_changed()
        return hidden

    def restore_bank(self, bank_id: str) -> int:
        """Undo :meth:`retire_bank`; returns how many questions are back."""
        with self._ctx.engine.begin() as conn:
            shown = banks_repo.restore_bank(conn, bank_id, self._ctx.clock.now())
        self._banks_changed()
        return shown

    def _banks_changed(self) -> None:
        """Forget what this process read of the questions: they may have changed."""
        self._questions.clear()
        self._siblings = None
        # New dicts, not cleared ones: an import runs in the background while a session may
        # be ordered on the UI thread with the old ones.
        self._order_keys = {}
        self._orders = {}

    # -- users ---------------------------------------------------------------------------

    def schema_revision(self) -> str:
        """The database's schema revision (Alembic), shown in the about box."""
        from jgstudy.core.storage.engine import current_revision

        return current_revision(self._ctx.engine) or "—"

    def ensure_user(self, name: str, unit: str = "", role: str = "cadre") -> UserInfo:
        """The cadre called ``name``, created when new (names are cleaned: see core.names).

        Raises:
            BadName: for an empty name or one with control or invisible characters.
        """
        name, unit = clean_name(name), clean_unit(unit)
        now = self._ctx.clock.now()
        return retry.write(
            self._ctx.engine, lambda conn: study_repo.ensure_user(conn, name, unit, role, now)
        )

    def find_user(self, name: str) -> UserInfo | None:
        try:
            name = clean_name(name)
        except BadName:
            return None  # no such name can have been stored
        with self._ctx.engine.connect() as conn:
            return study_repo.find_user(conn, name)

    def users(self) -> list[UserInfo]:
        with self._ctx.engine.connect() as conn:
            return study_repo.list_users(conn)

    # -- practice ------------------------------------------------------------------------

    def practice_queue(
        self,
        user: UserInfo,
        *,
        mode: PracticeMode = PracticeMode.MIXED,
        bank_ids: Sequence[str] | None = None,
        tags: Sequence[str] | None = None,
        limit: int | None = None,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        order: NewOrder = NewOrder.MIXED,
    ) -> list[int]:
        """The questions of a session: due reviews first, then new ones up to today's allowance.

        New questions come mixed across banks and types (``order``: or in bank order, or
        shuffled afresh), siblings that give each other away kept apart.

        ``mode`` is ``mixed`` (due, then new), ``review`` (due only), ``new`` (new only) or
        ``wrong`` (the wrong-answer book).
        """
        mode = PracticeMode(mode)  # plain text from a signal or a test is welcome too
        now = self._ctx.clock.now()
        # Tens of thousands of rows and keys, none of them garbage: see core.gcpause.
        with collector_paused(), self._ctx.engine.connect() as conn:
            if mode is PracticeMode.WRONG:
                queue = study_repo.wrong_book_pks(conn, user.id, bank_ids)
            else:
                queue = []
                if mode in (PracticeMode.MIXED, PracticeMode.REVIEW):
                    cutoffs = self._rule.cutoffs(now)
                    queue += study_repo.due_pks(conn, user.id, cutoffs, bank_ids, tags)
                    if not bank_ids and not tags:  # 提前复习 belongs to the whole plan
                        queue += self._advanced(user.id, queue)
                if mode in (PracticeMode.MIXED, PracticeMode.NEW):
                    allowance = max(new_per_day - self.new_today(user), 0)
                    if order is NewOrder.BANK:
                        fresh = study_repo.new_pks(conn, user.id, bank_ids, tags, allowance)
                        queue += fresh
                    else:
                        keys, orders = self._order_keys, self._orders
                        fresh = self._new_pks(conn, keys, user, bank_ids, tags)
                        queue += self._order(user, fresh, keys, orders, order, allowance)
        return queue[:limit] if limit else queue

    def _new_pks(
        self,
        conn: Connection,
        keys: dict[int, OrderKey],
        user: UserInfo,
        bank_ids: Sequence[str] | None,
        tags: Sequence[str] | None,
    ) -> list[int]:
        """The cadre's new questions in bank order, each with its order key in ``keys``."""
        if not keys:  # the first session: the columns come with the pks
            rows = study_repo.new_keys(conn, user.id, bank_ids, tags)
            keys.update((row[0], OrderKey._make(row)) for row in rows)
            return [row[0] for row in rows]
        pks = study_repo.new_pks(conn, user.id, bank_ids, tags, None)
        return self._with_keys(conn, keys, pks)

    @staticmethod
    def _with_keys(conn: Connection, keys: dict[int, OrderKey], pks: Sequence[int]) -> list[int]:
        """``pks`` that exist, each with its order key in ``keys``."""
        missing = [pk for pk in pks if pk not in keys]
        if missing:
            keys.update(
                (row[0], OrderKey._make(row)) for row in study_repo.order_keys(conn, missing)
            )
        return [pk for pk in pks if pk in keys]

    def new_order(
        self,
        user: UserInfo,
        pks: Sequence[int],
        order: NewOrder = NewOrder.MIXED,
        *,
        limit: int | None = None,
    ) -> list[int]:
        """New questions interleaved across banks and types, siblings kept apart. The mixed order
        is fixed per cadre (seeded by the name), so a question does not jump about between
        days; the random one changes with every call. ``limit``: only the first so many."""
        if order is NewOrder.BANK:
            return list(pks)[:limit]
        keys, orders = self._order_keys, self._orders
        with collector_paused(), self._ctx.engine.connect() as conn:
            found = self._with_keys(conn, keys, pks)
            return self._order(user, found, keys, orders, order, limit)

    def _order(
        self,
        user: UserInfo,
        pks: list[int],
        keys: dict[int, OrderKey],
        orders: dict[str, SeededOrder],
        order: NewOrder,
        limit: int | None,
    ) -> list[int]:
        if order is NewOrder.MIXED:  # fixed per cadre: worth keeping between sessions
            seeded = orders.setdefault(user.name, SeededOrder(user.name))
            return seeded.order(pks, keys, self.siblings(), limit=limit)
        at_random = [keys[pk] for pk in pks]
        return interleave(at_random, self.siblings(), seed=uuid.uuid4().hex, limit=limit)

    def siblings(self) -> Mapping[int, frozenset[int]]:
        """Pairs of active questions where one gives the other away (see core.siblings).

        Found once for a state of the banks and kept in the database (``siblings_repo``), so
        a start reads it instead of parsing every question again.
        """
        if self._siblings is None:
            self._siblings = map_of_groups(self._sibling_groups())
        return self._siblings

    def _sibling_groups(self) -> siblings_repo.Groups:
        method = method_stamp()
        with self._ctx.engine.connect() as conn:
            stamp = siblings_repo.fingerprint(conn, method)
            groups = siblings_repo.stored_groups(conn, stamp)
            if groups is not None:
                return groups
            with collector_paused():
                groups = sibling_groups(siblings_repo.active_questions(conn))
            if siblings_repo.fingerprint(conn, method) != stamp:
                return groups  # the banks changed meanwhile: found for neither state, not kept
        try:
            with self._ctx.engine.begin() as conn:
                siblings_repo.store_groups(conn, stamp, groups)
        except DBAPIError as error:  # a cadre's read-only login, a busy database: next time
            log.info("sibling relation not stored: %s", error)
        return groups

    def start_practice(
        self,
        user: UserInfo,
        view: PracticeView,
        queue: list[int],
        new_per_day: int = DEFAULT_NEW_PER_DAY,
    ) -> PracticeSession:
        """A session over ``queue`` (see :meth:`practice_queue`), started on ``view``.

        Past the study day's boundary the session offers new questions only while the new
        day's ``new_per_day`` allows.
        """
        session = PracticeSession(self, view, self._ctx.clock, user.id, queue, new_per_day)
        session.start()
        return session

    def question(self, pk: int) -> QuestionRecord:
        if pk not in self._questions:
            with self._ctx.engine.connect() as conn:
                self._questions.update(study_repo.load_questions(conn, [pk]))
        return self._questions[pk]

    def questions(self, pks: Sequence[int]) -> list[QuestionRecord]:
        missing = [pk for pk in pks if pk not in self._questions]
        if missing:
            with self._ctx.engine.connect() as conn:
                self._questions.update(study_repo.load_questions(conn, missing))
        return [self._questions[pk] for pk in pks]

    def record(
        self,
        user_id: int,
        record: QuestionRecord,
        response: Response,
        duration_ms: int,
        *,
        attempt_id: int | None = None,
    ) -> Outcome:
        """Grade, schedule and store one answer, committed before this returns.

        ``attempt_id`` ties the review log to an exam or drill attempt.
        """
        result = grade(record.question, response, record.scoring)
        now = self._ctx.clock.now()
        pace = self._pace(user_id, now)
        answer_json = json.dumps(response_to_json(response), ensure_ascii=False)

        def store(conn: Connection) -> Outcome:
            before = study_repo.get_card(conn, user_id, record.pk)
            in_review = before is not None and before.state.state == REVIEW
            rating = rating_for(
                record.question, result.correct, duration_ms, in_review=in_review, ms_per_char=pace
            )
            if attempt_id is not None:  # drills, exams, matches: see scheduling.sources
                rating = attempt_rating(rating)
            after = self._next_card(
                user_id, before, rating, result.correct, now, attempt_id is not None
            )
            log_id = study_repo.record_answer(
                conn,
                AnswerRecord(
                    uid=uuid.uuid4().hex,
                    user_id=user_id,
                    question_pk=record.pk,
                    answer_json=answer_json,
                    correct=result.correct,
                    score=result.score,
                    rating=int(rating),
                    duration_ms=duration_ms,
                    reviewed_at=now,
                    card=after,
                    attempt_id=attempt_id,
                ),
            )
            return Outcome(log_id, result, rating, before, after)

        # Rerun whole while another writer holds the database: the answer is never dropped.
        return retry.write(self._ctx.engine, store)

    def _pace(self, user_id: int, now: datetime) -> float:
        """The cadre's ms per character, from their latest right answers (once a study day)."""
        day = self._rule.study_day(now)
        cached = self._paces.get(user_id)
        if cached is None or cached[0] != day:
            with self._ctx.engine.connect() as conn:
                answers = study_repo.recent_right_answers(conn, user_id, SAMPLES)
                asked = study_repo.load_questions(conn, {pk for pk, _ms in answers})
            pace = personal_ms_per_char(
                (asked[pk].question, ms) for pk, ms in answers if pk in asked
            )
            cached = self._paces[user_id] = (day, pace)
        return cached[1]

    def _next_card(
        self,
        user_id: int,
        before: CardInfo | None,
        rating: Rating,
        correct: bool,
        now: datetime,
        from_attempt: bool = False,
    ) -> CardInfo:
        last = before.state.last_review if before else None
        last_day = self._rule.study_day(last) if last else None
        if before is not None and keeps_memory(last_day, self._rule.study_day(now), from_attempt):
            state = before.state
        else:
            reviewed = self._scheduler(user_id).review(
                before.state if before else None, rating, now
            )
            state = self._rule.place(reviewed, now)
        book = after_answer(
            BookState(before.right_streak, before.in_wrong_book) if before else None,
            before.state.last_review if before else None,
            correct,
            now,
            self._rule,
        )
        return CardInfo(
            state=state,
            reps=(before.reps if before else 0) + 1,
            lapses=(before.lapses if before else 0) + (not correct),
            right_streak=book.right_streak,
            in_wrong_book=book.in_wrong_book,
            first_reviewed_at=before.first_reviewed_at if before else now,
        )

    def _scheduler(self, user_id: int) -> Scheduler:
        """The scheduler at the desktop's retention with the cadre's own parameters, if fitted."""
        if user_id not in self._weights:
            with self._ctx.engine.connect() as conn:
                self._weights[user_id] = plan_repo.get_plan(conn, user_id).parameters
        weights = self._weights[user_id]
        if weights:
            try:
                return self._ctx.scheduler.with_parameters(weights)
            except ValueError:  # stored by a future FSRS version, or damaged: schedule as before
                log.warning("unusable FSRS parameters of user %s: %s", user_id, weights)
                self._weights[user_id] = None
        return self._ctx.scheduler

    def scheduler_for(self, user: UserInfo | int) -> Scheduler:
        """What schedules the reviews of ``user`` (or the user of that id): see :meth:`_scheduler`."""
        return self._scheduler(user if isinstance(user, int) else user.id)

    def set_advance_source(self, source: Callable[[int], list[int]]) -> None:
        """Where the questions brought forward to today (提前复习) come from: the plan toward
        the cadre's 目标日期 (core.planning). Review sessions add them after the due ones."""
        self._advance = source

    def _advanced(self, user_id: int, due: Sequence[int]) -> list[int]:
        if self._advance is None:
            return []
        taken = set(due)
        return [pk for pk in self._advance(user_id) if pk not in taken]

    def forget_parameters(self, user_id: int) -> None:
        """The cadre's parameters changed: read them again before the next answer."""
        self._weights.pop(user_id, None)

    def undo(self, user_id: int, question_pk: int, outcome: Outcome) -> None:
        """Remove an answer's log and restore the card as it was before it."""

        def remove(conn: Connection) -> None:
            study_repo.delete_log(conn, outcome.log_id)
            study_repo.put_card(conn, user_id, question_pk, outcome.card_before)

        retry.write(self._ctx.engine, remove)

    def next_due(self, user_id: int) -> datetime | None:
        """When the next question not due now becomes due (always after now)."""
        rule = self._rule
        with self._ctx.engine.connect() as conn:
            review, learning = study_repo.next_due_after(
                conn, user_id, rule.cutoffs(self._ctx.clock.now())
            )
        times = [rule.day_start(rule.study_day(review)) if review else None]
        times.append(learning - rule.learn_ahead if learning else None)
        return min((t for t in times if t is not None), default=None)

    def due_now(self, user_id: int) -> int:
        """How many questions a review session started now would present."""
        cutoffs = self._rule.cutoffs(self._ctx.clock.now())
        with self._ctx.engine.connect() as conn:
            return stats_repo.due_count(conn, user_id, cutoffs) + self._advanced_count(
                conn, user_id, cutoffs
            )

    def _advanced_count(self, conn: Connection, user_id: int, cutoffs: Cutoffs) -> int:
        """How many 提前复习 questions a review session adds to the due ones (the due list is
        read only when the plan brings any forward: it is thousands of rows on a large bank)."""
        extra = self._advance(user_id) if self._advance is not None else []
        if not extra:
            return 0
        due = set(study_repo.due_pks(conn, user_id, cutoffs))
        return sum(pk not in due for pk in extra)

    def admits_new(self, user_id: int, pk: int, new_per_day: int) -> bool:
        """False when ``pk`` is still new and today's allowance of new questions is spent."""
        now = self._ctx.clock.now()
        with self._ctx.engine.connect() as conn:
            if study_repo.get_card(conn, user_id, pk) is not None:
                return True
            return stats_mod.new_today(conn, user_id, now, self._rule) < new_per_day

    def study_day(self) -> date:
        """The current study day (it starts at the configured hour, not at midnight)."""
        return self._rule.study_day(self._ctx.clock.now())

    def new_today(self, user: UserInfo) -> int:
        """How many questions the cadre saw for the first time in this study day."""
        with self._ctx.engine.connect() as conn:
            return stats_mod.new_today(conn, user.id, self._ctx.clock.now(), self._rule)

    def wrong_book(self, user: UserInfo) -> list[QuestionRecord]:
        with self._ctx.engine.connect() as conn:
            pks = study_repo.wrong_book_pks(conn, user.id)
        return self.questions(pks)

    # -- statistics ----------------------------------------------------------------------

    def stats(
        self, user: UserInfo, new_per_day: int = DEFAULT_NEW_PER_DAY, *, knowledge: bool = False
    ) -> stats_mod.UserStats:
        """The cadre's figures; ``knowledge`` adds the FSRS estimate per tag (one pass over
        every card, so only the views that show it ask for it)."""
        with self._ctx.engine.connect() as conn:
            figures = stats_mod.user_stats(
                conn,
                user.id,
                self._ctx.clock.now(),
                self._rule,
                new_per_day,
                self._past_days,
                self._scheduler(user.id) if knowledge else None,
            )
        # 开始复习 promises what a review session presents: the due and the 提前复习 questions
        with self._ctx.engine.connect() as conn:
            extra = self._advanced_count(conn, user.id, self._rule.cutoffs(self._ctx.clock.now()))
        return replace(figures, due_now=figures.due_now + extra) if extra else figures

    # -- browsing and settings (gui) -----------------------------------------------------

    def browse(
        self,
        user: UserInfo | None,
        flt: BrowseFilter,
        offset: int = 0,
        limit: int = 200,
    ) -> list[BrowseRow]:
        """One page of the questions matching ``flt``, with their status for ``user``."""
        with self._ctx.engine.connect() as conn:
            return browse_repo.browse_questions(
                conn, flt, user.id if user else None, self._cutoffs(), offset, limit
            )

    def browse_count(self, user: UserInfo | None, flt: BrowseFilter) -> int:
        """How many questions :meth:`browse` can page through."""
        with self._ctx.engine.connect() as conn:
            return browse_repo.count_questions(
                conn, flt, user.id if user else None, self._cutoffs()
            )

    def tags(self) -> list[str]:
        """Every tag of an active question, for filters."""
        with self._ctx.engine.connect() as conn:
            return browse_repo.all_tags(conn)

    @property
    def desired_retention(self) -> float:
        """The recall probability future reviews are scheduled for."""
        return self._ctx.scheduler.desired_retention

    def set_desired_retention(self, retention: float) -> None:
        """Schedule future reviews for this recall probability (0.70-0.99)."""
        self._ctx.scheduler = self._ctx.scheduler.with_retention(retention)

    @property
    def day_starts(self) -> int:
        """The hour (local time) each study day begins."""
        return self._ctx.day_starts

    def set_day_starts(self, hour: int) -> None:
        """Start each study day at ``hour`` (0-12) local time."""
        DueRule(self._ctx.local_tz, hour)  # refuses an hour out of range before it is kept
        self._ctx.day_starts = hour
        self._past_days.clear()

    @property
    def _rule(self) -> DueRule:
        return self._ctx.due_rule

    def _cutoffs(self) -> tuple[datetime, datetime]:
        # "Due" in the browser means what a review session would present, as on the home view.
        return self._rule.cutoffs(self._ctx.clock.now())


def _sha256(file: Path) -> str:
    import hashlib

    return hashlib.sha256(file.read_bytes()).hexdigest()
