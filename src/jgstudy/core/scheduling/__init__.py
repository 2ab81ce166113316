"""Spaced repetition: FSRS card state, the due rule, and the rating derived from an answer."""

from jgstudy.core.scheduling.days import DueRule
from jgstudy.core.scheduling.fsrs_adapter import CardState, Scheduler
from jgstudy.core.scheduling.pace import expected_ms, personal_ms_per_char
from jgstudy.core.scheduling.rating import Rating, rating_for

__all__ = [
    "CardState",
    "DueRule",
    "Rating",
    "Scheduler",
    "expected_ms",
    "personal_ms_per_char",
    "rating_for",
]
