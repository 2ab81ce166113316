"""Ratings derived from answers, and FSRS scheduling through the adapter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jgstudy.core.model import JudgeQuestion, SingleQuestion
from jgstudy.core.scheduling import Rating, Scheduler, expected_ms, rating_for
from jgstudy.core.scheduling.pace import characters, fixed_ms, personal_ms_per_char

Q = SingleQuestion(
    id="s",
    type="single",
    stem="一二三四五六七八九十",
    options={"A": "甲", "B": "乙"},
    answer="A",
    explanation="e",
)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_wrong_is_again_whatever_the_speed() -> None:
    assert rating_for(Q, correct=False, duration_ms=100) is Rating.AGAIN


def test_right_answers_are_good_and_quick_reviews_easy() -> None:
    expected = expected_ms(Q)
    assert rating_for(Q, True, expected // 4, in_review=True) is Rating.EASY
    assert rating_for(Q, True, expected, in_review=True) is Rating.GOOD
    assert rating_for(Q, True, expected * 2, in_review=True) is Rating.GOOD  # slow is not Hard


def test_a_right_answer_in_learning_is_good_however_quick_or_slow() -> None:
    for duration in (100, expected_ms(Q), expected_ms(Q) * 10):
        assert rating_for(Q, True, duration) is Rating.GOOD


def test_a_slow_readers_pace_moves_the_easy_line() -> None:
    quick_for_them = expected_ms(Q, ms_per_char=400) // 3
    assert rating_for(Q, True, quick_for_them, in_review=True, ms_per_char=400) is Rating.EASY
    assert rating_for(Q, True, quick_for_them, in_review=True) is Rating.GOOD


def test_pace_is_the_cadres_median_per_character_once_there_is_history() -> None:
    chars = characters(Q)
    few = [(Q, fixed_ms(Q) + 300 * chars)] * 5
    assert personal_ms_per_char(few) == 120.0  # not enough answers: the default
    many = [(Q, fixed_ms(Q) + 300 * chars)] * 30 + [(Q, 3_600_000)] * 3
    assert personal_ms_per_char(many) == 300.0  # the median ignores a question left open


def test_expected_time_grows_with_length() -> None:
    longer = Q.model_copy(update={"stem": Q.stem * 5})
    assert expected_ms(longer) > expected_ms(Q)
    judge = JudgeQuestion(id="j", type="judge", stem=Q.stem, answer=True, explanation="e")
    assert expected_ms(judge) < expected_ms(Q)


def test_good_reviews_push_the_due_date_out() -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.review(None, Rating.GOOD, NOW)
    intervals = []
    when = NOW
    for _ in range(4):
        when = card.due
        card = scheduler.review(card, Rating.GOOD, when)
        intervals.append(card.due - when)
    assert intervals == sorted(intervals)
    assert intervals[-1] > timedelta(days=3)


def test_again_brings_the_card_back_soon() -> None:
    scheduler = Scheduler(fuzz=False)
    card = scheduler.review(None, Rating.EASY, NOW)
    later = card.due
    lapsed = scheduler.review(card, Rating.AGAIN, later)
    assert lapsed.due - later < timedelta(hours=1)


def test_higher_retention_means_shorter_intervals() -> None:
    relaxed = Scheduler(0.8, fuzz=False).review(None, Rating.EASY, NOW)
    strict = Scheduler(0.97, fuzz=False).review(None, Rating.EASY, NOW)
    assert strict.due < relaxed.due


def test_naive_times_and_silly_retention_are_refused() -> None:
    with pytest.raises(ValueError):
        Scheduler(fuzz=False).review(None, Rating.GOOD, datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        Scheduler(1.5)


def test_a_short_answer_is_the_cadres_verdict_and_never_easy() -> None:
    from jgstudy.core.model import ShortQuestion
    from jgstudy.core.scheduling import Rating, rating_for

    question = ShortQuestion(
        id="s1", type="short", stem="简述机关学习的要点。", reference="要点", explanation="略"
    )
    assert rating_for(question, True, 1, in_review=True) is Rating.GOOD
    assert rating_for(question, False, 1, in_review=True) is Rating.AGAIN
