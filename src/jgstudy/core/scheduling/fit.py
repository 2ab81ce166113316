"""A cadre's own FSRS parameters, fitted to their review history with fsrs-rs (Rust, no torch).

The history is turned into FSRS training items the way Anki does: for every review that comes
on a later study day than the question's previous one, the item is the question's reviews up to
and including it (``delta_t`` in whole study days, 0 for a same-day repeat). The model learns to
predict that last review's outcome from the ones before it.

Below :data:`MIN_REVIEWS` such reviews the fit is refused: with fewer, the fitted weights follow
noise rather than the cadre's memory (Anki asks for a few hundred reviews for the same reason).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import fsrs_rs_python as rs

from jgstudy.core.text import msg

MIN_REVIEWS = 400  # reviews on a later day than the question's previous review
# Optimiser steps (batches x epochs) a fit takes at least. fsrs-rs trains five epochs; a long
# history reaches this in fewer, and more epochs then move the log loss by less than 0.1 %
# (100,000 reviews: 0.5151 after five epochs, 0.5153 after three) at 0.065 s CPU an epoch.
MIN_STEPS = 500
MIN_EPOCHS = 2
DEFAULT_PARAMETERS: tuple[float, ...] = tuple(rs.DEFAULT_PARAMETERS)


@dataclass(frozen=True)
class Review:
    """One answer as the fit sees it: which question, on which study day, and its rating."""

    question: int
    day: date
    rating: int


@dataclass(frozen=True)
class Evaluation:
    """How well parameters predict a history: log loss and RMSE (binned), lower is better."""

    log_loss: float
    rmse: float


@dataclass(frozen=True)
class FitResult:
    """The outcome of :func:`fit`: the new weights and the default and fitted figures."""

    parameters: tuple[float, ...]
    reviews: int  # long-term reviews the fit learned from
    default: Evaluation
    fitted: Evaluation


class NotEnoughHistory(ValueError):
    """Fewer than :data:`MIN_REVIEWS` reviews on a later day than the one before."""

    def __init__(self, reviews: int) -> None:
        super().__init__(
            msg(
                "只有 {reviews} 次隔天复习记录，至少需要 {minimum} 次才能拟合个人参数；参数未改变。",
                reviews=reviews,
                minimum=MIN_REVIEWS,
            )
        )
        self.reviews = reviews


def training_items(reviews: Iterable[Review]) -> list[rs.FSRSItem]:
    """One item per review on a later study day than its question's previous review."""
    by_question: dict[int, list[Review]] = defaultdict(list)
    for review in reviews:
        by_question[review.question].append(review)
    items: list[rs.FSRSItem] = []
    for history in by_question.values():
        history.sort(key=lambda r: r.day)
        steps: list[rs.FSRSReview] = []
        previous: date | None = None
        for review in history:
            delta = (review.day - previous).days if previous else 0
            steps.append(rs.FSRSReview(review.rating, delta))
            previous = review.day
            if delta > 0:
                items.append(rs.FSRSItem(list(steps)))
    return items


def evaluate(parameters: Sequence[float], items: Sequence[rs.FSRSItem]) -> Evaluation:
    """Log loss and RMSE of ``parameters`` on ``items``."""
    result = rs.FSRS(list(parameters)).evaluate(items)
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def training_config(items: int) -> rs.TrainingConfig:
    """fsrs-rs's training settings, with as many epochs (at most its five) as ``items`` need to
    make :data:`MIN_STEPS` optimiser steps."""
    config = rs.TrainingConfig()
    batches = max(math.ceil(items / config.batch_size), 1)
    config.num_epochs = min(config.num_epochs, max(MIN_EPOCHS, math.ceil(MIN_STEPS / batches)))
    return config


def fit(reviews: Iterable[Review], current: Sequence[float] | None = None) -> FitResult:
    """Fit FSRS weights to ``reviews``; ``current`` (default: FSRS's) is what they are compared to.

    Raises:
        NotEnoughHistory: below :data:`MIN_REVIEWS` long-term reviews.
    """
    items = training_items(reviews)
    if len(items) < MIN_REVIEWS:
        raise NotEnoughHistory(len(items))
    fsrs = rs.FSRS(list(DEFAULT_PARAMETERS))
    parameters = tuple(fsrs.compute_parameters(items, training_config=training_config(len(items))))
    baseline = list(current) if current is not None else list(DEFAULT_PARAMETERS)
    return FitResult(
        parameters=parameters,
        reviews=len(items),
        default=evaluate(baseline, items),
        fitted=evaluate(parameters, items),
    )
