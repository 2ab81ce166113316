"""Spaced repetition: FSRS card state and the rating derived from an answer."""

from jgstudy.core.scheduling.fsrs_adapter import CardState, Scheduler
from jgstudy.core.scheduling.rating import Rating, expected_ms, rating_for

__all__ = ["CardState", "Rating", "Scheduler", "expected_ms", "rating_for"]
