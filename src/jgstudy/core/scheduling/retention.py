"""True retention (as in Anki's statistics): how often reviews were passed, by the interval since
the question's previous answer and by period, next to what FSRS predicted for those reviews.

A review here is an answer on a later study day than the question's previous one (same-day
repeats measure the morning, not memory). Passed means any rating but Again. The predicted
share is FSRS's retrievability at each review, from the memory state its earlier answers built,
with the cadre's parameters: when it stays close to the true share, the forecasts are honest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import fsrs_rs_python as rs

from jgstudy.core.scheduling.fit import Review
from jgstudy.core.scheduling.forecast import Model
from jgstudy.core.text import N_

# (first day, last day or None, label) of each interval bucket
BUCKETS: tuple[tuple[int, int | None, str], ...] = (
    (1, 1, N_("1 天")),
    (2, 3, N_("2–3 天")),
    (4, 7, N_("4–7 天")),
    (8, 14, N_("8–14 天")),
    (15, 30, N_("15–30 天")),
    (31, None, N_("31 天以上")),
)
PERIODS: tuple[tuple[int | None, str], ...] = (
    (7, N_("近 7 天")),
    (30, N_("近 30 天")),
    (None, N_("全部")),
)


@dataclass(frozen=True)
class Cell:
    """Reviews in one bucket and period, how many were passed, and FSRS's expected passes."""

    reviews: int
    passed: int
    expected: float

    @property
    def rate(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None

    @property
    def predicted(self) -> float | None:
        return self.expected / self.reviews if self.reviews else None


@dataclass(frozen=True)
class RetentionRow:
    bucket: str
    cells: tuple[Cell, ...]  # one per PERIODS entry


@dataclass(frozen=True)
class _Scored:
    day: date
    interval: int
    passed: bool
    predicted: float


def _bucket(interval: int) -> int:
    return next(i for i, (low, high, _l) in enumerate(BUCKETS) if high is None or interval <= high)


def _scored(reviews: Iterable[Review], parameters: Sequence[float]) -> list[_Scored]:
    by_question: dict[int, list[Review]] = defaultdict(list)
    for review in reviews:
        by_question[review.question].append(review)
    model, fsrs = Model(parameters), rs.FSRS(list(parameters))
    pending: list[tuple[Review, int, list[rs.FSRSReview]]] = []
    for history in by_question.values():
        history.sort(key=lambda r: r.day)
        steps: list[rs.FSRSReview] = []
        for index, review in enumerate(history):
            delta = (review.day - history[index - 1].day).days if index else 0
            if delta > 0:
                pending.append((review, delta, list(steps)))
            steps.append(rs.FSRSReview(review.rating, delta))
    if not pending:
        return []
    states = fsrs.memory_state_batch([rs.FSRSItem(steps) for _r, _d, steps in pending])
    return [
        _Scored(review.day, delta, review.rating > 1, model.recall(delta, state.stability))
        for (review, delta, _s), state in zip(pending, states, strict=True)
    ]


def retention_table(
    reviews: Iterable[Review], today: date, parameters: Sequence[float]
) -> list[RetentionRow]:
    """One row per interval bucket, one cell per period ending ``today``."""
    scored = _scored(reviews, parameters)
    rows: list[RetentionRow] = []
    for index, (_low, _high, label) in enumerate(BUCKETS):
        cells = []
        for days, _name in PERIODS:
            since = today - timedelta(days=days - 1) if days else date.min
            chosen = [s for s in scored if _bucket(s.interval) == index and s.day >= since]
            cells.append(
                Cell(len(chosen), sum(s.passed for s in chosen), sum(s.predicted for s in chosen))
            )
        rows.append(RetentionRow(label, tuple(cells)))
    return rows
