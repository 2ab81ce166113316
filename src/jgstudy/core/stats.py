"""A cadre's figures: due now, streak, accuracy, activity heatmap, 30-day forecast.

Days are study days (see :class:`~jgstudy.core.scheduling.DueRule`): a day starts at the
configured hour, so answers given just after midnight still count for the evening before.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from statistics import fmean

from sqlalchemy import Connection

from jgstudy.core.scheduling import CardState, DueRule, Scheduler
from jgstudy.core.storage import stats_repo
from jgstudy.core.text import N_

NO_TAG = N_("（无标签）")
HEATMAP_DAYS = 90
# Knowledge is the recall expected this far ahead without further review: right after a
# session every card is remembered "now", which said 100 % and meant nothing.
KNOWLEDGE_HORIZON = timedelta(days=30)
FORECAST_DAYS = 30


@dataclass(frozen=True)
class TagAccuracy:
    """Answers per tag, and the FSRS estimate of how much of the tag is remembered now."""

    tag: str
    reviews: int
    correct: int
    knowledge: float | None = None

    @property
    def accuracy(self) -> float:
        return self.correct / self.reviews if self.reviews else 0.0


@dataclass(frozen=True)
class UserStats:
    """Everything the home and progress views show."""

    today: date
    due_now: int  # what a review session started now presents
    due_later: int  # learning steps falling due later in this study day
    new_available: int
    new_today: int
    reviewed_today: int
    total_reviews: int
    total_correct: int
    week_reviews: int
    week_correct: int
    streak_days: int
    wrong_book: int
    per_day: dict[date, int] = field(default_factory=dict)
    forecast: dict[date, int] = field(default_factory=dict)
    by_tag: list[TagAccuracy] = field(default_factory=list)

    @property
    def accuracy_week(self) -> float | None:
        """Share of right answers in the last 7 days; None without answers (shown as "—")."""
        return self.week_correct / self.week_reviews if self.week_reviews else None

    @property
    def accuracy_all(self) -> float:
        return self.total_correct / self.total_reviews if self.total_reviews else 0.0


def weakest_tags(
    tags: Iterable[TagAccuracy], count: int = 4, min_reviews: int = 3
) -> list[TagAccuracy]:
    """The ``count`` tags answered worst, lowest accuracy first; a tag needs ``min_reviews``
    answers to count (one wrong answer is not a weakness) and must not be all right."""
    eligible = [
        t for t in tags if t.reviews >= min_reviews and t.tag != NO_TAG and t.correct < t.reviews
    ]
    return sorted(eligible, key=lambda t: (t.accuracy, -t.reviews, t.tag))[:count]


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The instant a local day starts."""
    return datetime.combine(day, time(), tz)


def new_today(conn: Connection, user_id: int, now: datetime, rule: DueRule) -> int:
    """Questions answered for the first time in the current study day."""
    since = rule.day_start(rule.study_day(now))
    return stats_repo.first_reviews_since(conn, user_id, since)


def streak(active_days: set[date], today: date) -> int:
    """Days in a row with at least one review, ending today (or yesterday, if none yet today)."""
    day = today if today in active_days else today - timedelta(days=1)
    count = 0
    while day in active_days:
        count += 1
        day -= timedelta(days=1)
    return count


PastDays = dict[tuple[int, date], list[tuple[date, int, int]]]


def _study_day_offset(now: datetime, rule: DueRule) -> timedelta:
    """A study day is the local calendar day of a moment moved back by the day's start hour."""
    return (now.astimezone(rule.tz).utcoffset() or timedelta()) - timedelta(hours=rule.day_starts)


def _days(
    conn: Connection, user_id: int, now: datetime, rule: DueRule, cache: PastDays | None
) -> list[tuple[date, int, int]]:
    """Reviews per study day for the heatmap; the days before today are read once per day."""
    today = rule.study_day(now)
    midnight = rule.day_start(today)
    offset = _study_day_offset(now, rule)
    key = (user_id, today)
    past = cache.get(key) if cache is not None else None
    if past is None:
        since = rule.day_start(today - timedelta(days=HEATMAP_DAYS - 1))
        past = stats_repo.reviews_per_day(conn, user_id, since, offset, until=midnight)
        if cache is not None:
            cache.clear()  # yesterday's entries are stale now
            cache[key] = past
    return past + stats_repo.reviews_per_day(conn, user_id, midnight, offset)


def user_stats(
    conn: Connection,
    user_id: int,
    now: datetime,
    rule: DueRule,
    new_per_day: int,
    cache: PastDays | None = None,
    scheduler: Scheduler | None = None,
) -> UserStats:
    """The figures of one cadre at ``now``; ``cache`` keeps past days between calls.

    With a ``scheduler``, each tag also gets its estimated knowledge (mean FSRS retrievability).
    """
    today = rule.study_day(now)
    days = _days(conn, user_id, now, rule, cache)
    week = [(n, c) for d, n, c in days if d > today - timedelta(days=7)]
    introduced = new_today(conn, user_id, now, rule)
    per_day = {d: n for d, n, _c in days}
    until = rule.day_start(today + timedelta(days=FORECAST_DAYS))
    cards = stats_repo.card_counts(conn, user_id, rule.cutoffs(now), until)
    unseen = stats_repo.active_questions(conn) - cards.active
    return UserStats(
        today=today,
        due_now=cards.due_now,
        due_later=cards.due_later,
        new_available=min(unseen, max(new_per_day - introduced, 0)),
        new_today=introduced,
        reviewed_today=per_day.get(today, 0),
        total_reviews=cards.reviews,
        total_correct=cards.correct,
        week_reviews=sum(n for n, _c in week),
        week_correct=sum(c for _n, c in week),
        streak_days=streak(set(per_day), today),
        wrong_book=cards.wrong_book,
        per_day=per_day,
        forecast=_forecast(cards.due_at, today, _study_day_offset(now, rule)),
        by_tag=_by_tag(conn, user_id, now, scheduler),
    )


def _by_tag(
    conn: Connection, user_id: int, now: datetime, scheduler: Scheduler | None
) -> list[TagAccuracy]:
    per_tag: dict[str, float] = {}
    if scheduler is not None:
        cards = stats_repo.active_card_tag_states(conn, user_id)
        per_tag = knowledge(cards, scheduler, now)[1].get(user_id, {})
    return [
        TagAccuracy(tag, reviews, correct, per_tag.get(tag))
        for tag, reviews, correct in stats_repo.accuracy_by_tag(conn, user_id)
    ]


def _forecast(due_at: dict[datetime, int], today: date, offset: timedelta) -> dict[date, int]:
    """Questions falling due on each of the next study days; overdue ones count for today.
    A due time's study day is its calendar day moved by ``offset``."""
    counts: Counter[date] = Counter()
    for due, cards in due_at.items():
        counts[max((due + offset).date(), today)] += cards
    return {
        today + timedelta(days=i): counts.get(today + timedelta(days=i), 0)
        for i in range(FORECAST_DAYS)
    }


def _retrievability(scheduler: Scheduler, state: CardState, now: datetime) -> float | None:
    """The card's retrievability, or None for a state no FSRS card can have (a state of 99 or
    a NaN stability merged by an older version): one bad card never breaks a report."""
    try:
        value = scheduler.retrievability(state, now)
    except (ValueError, TypeError, OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) and 0.0 <= value <= 1.0 else None


def knowledge(
    cards: Iterable[tuple[int, int, str | None, CardState]], scheduler: Scheduler, now: datetime
) -> tuple[dict[int, float], dict[int, dict[str, float]]]:
    """Mean retrievability :data:`KNOWLEDGE_HORIZON` after ``now``: per cadre, and per cadre
    and tag. That is the share of the questions practised so far that FSRS expects the cadre
    to still answer in 30 days if they do not review them again."""
    at = now + KNOWLEDGE_HORIZON
    per_card: dict[tuple[int, int], float] = {}
    per_tag: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for user_id, pk, tag, state in cards:
        key = (user_id, pk)
        if key not in per_card:  # one row per tag: compute each card once
            value = _retrievability(scheduler, state, at)
            if value is None:
                continue
            per_card[key] = value
        per_tag[user_id][tag or NO_TAG].append(per_card[key])
    per_user: dict[int, list[float]] = defaultdict(list)
    for (user_id, _pk), value in per_card.items():
        per_user[user_id].append(value)
    return (
        {u: fmean(v) for u, v in per_user.items()},
        {u: {t: fmean(v) for t, v in tags.items()} for u, tags in per_tag.items()},
    )
