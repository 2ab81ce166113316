"""The home view's figures equal a plain recount of the cards, on a varied history.

The figures come from a few grouped queries (``stats_repo``); this recount reads every card and
question row and applies the due rule card by card, as a cadre would count by hand: several
banks and tags, wrong answers and the wrong-answer book, learning steps due later today,
retired questions and a retired bank, a second cadre, three day starts, and the last minutes
before the day starts (when "due now" reaches into the next study day).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import CardInfo
from jgstudy.core.scheduling import CardState, DueRule
from jgstudy.core.scheduling.days import REVIEW, due_under
from jgstudy.core.service import StudyService
from jgstudy.core.stats import FORECAST_DAYS, UserStats
from jgstudy.core.storage import study_repo
from jgstudy.core.storage.schema import CardRow, QuestionRow, QuestionTagRow
from peek import context_of

TAGS = ["理论学习", "支部建设", "清廉机关", "总抓手"]
NEW_PER_DAY = 15


def write_bank(path: Path, bank_id: str, count: int, skip: frozenset[int] = frozenset()) -> Path:
    """Single-choice questions with zero to two tags; ``skip`` leaves some out (retiring them)."""
    lines = ["format: 1", f"id: {bank_id}", f"title: 题库{bank_id}", "questions:"]
    for i in (i for i in range(count) if i not in skip):
        tags = ", ".join(TAGS[(i + k) % len(TAGS)] for k in range(i % 3))
        lines += [
            f"  - id: q{i:03d}",
            "    type: single",
            f"    stem: {bank_id}第{i}题：机关学习的第{i}个要点是什么？",
            "    options: {A: 甲, B: 乙, C: 丙, D: 丁}",
            "    answer: A",
            f"    explanation: 第{i}题选甲。",
            f"    tags: [{tags}]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def study(service: StudyService, clock: FixedClock, name: str, days: int, seed: int) -> None:
    """A cadre practising most days, a third of the answers wrong, at scattered hours."""
    rng = random.Random(seed)
    user = service.ensure_user(name)
    for _day in range(days):
        clock.advance(hours=rng.choice([20, 24, 24, 26, 30]))
        for pk in service.practice_queue(user, new_per_day=NEW_PER_DAY)[: rng.randint(5, 25)]:
            clock.advance(minutes=rng.randint(1, 9))
            answer = "B" if rng.random() < 0.33 else "A"
            service.record(user.id, service.question(pk), answer, rng.randint(2000, 20000))


@dataclass(frozen=True)
class Card:
    state: int
    due: datetime
    reps: int
    lapses: int
    wrong_book: bool
    first: datetime | None
    active: bool
    tags: tuple[str, ...]


def cards_of(engine: Engine, user_id: int) -> tuple[list[Card], int]:
    """Every card of the cadre with its question's tags and state, and the active questions."""
    with engine.connect() as conn:
        retired = dict(conn.execute(select(QuestionRow.pk, QuestionRow.retired)).all())
        tags: dict[int, list[str]] = {}
        for pk, tag in conn.execute(select(QuestionTagRow.question_pk, QuestionTagRow.tag)):
            tags.setdefault(pk, []).append(tag)
        rows = conn.execute(select(CardRow).where(CardRow.user_id == user_id)).all()
    cards = [
        Card(
            r.state,
            r.due,
            r.reps,
            r.lapses,
            r.in_wrong_book,
            r.first_reviewed_at,
            not retired[r.question_pk],
            tuple(tags.get(r.question_pk, ())),
        )
        for r in rows
    ]
    return cards, sum(not gone for gone in retired.values())


def recount(cards: list[Card], questions: int, now: datetime, rule: DueRule) -> dict[str, object]:
    """The figures counted card by card."""
    today = rule.study_day(now)
    cutoffs = rule.cutoffs(now)
    active = [c for c in cards if c.active]
    introduced = sum(c.first is not None and rule.study_day(c.first) == today for c in cards)
    until = rule.day_start(today + timedelta(days=FORECAST_DAYS))
    falling = Counter(max(rule.study_day(c.due), today) for c in active if c.due <= until)
    per_tag: dict[str, list[int]] = {}
    for card in cards:
        for tag in card.tags:
            sums = per_tag.setdefault(tag, [0, 0])
            sums[0] += card.reps
            sums[1] += card.reps - card.lapses
    return {
        "due_now": sum(due_under(cutoffs, c.state, c.due) for c in active),
        "due_later": sum(c.state != REVIEW and cutoffs[1] < c.due < cutoffs[0] for c in active),
        "new_available": min(questions - len(active), max(NEW_PER_DAY - introduced, 0)),
        "new_today": introduced,
        "total_reviews": sum(c.reps for c in cards),
        "total_correct": sum(c.reps - c.lapses for c in cards),
        "wrong_book": sum(c.wrong_book for c in active),
        "forecast": {
            today + timedelta(days=i): falling[today + timedelta(days=i)]
            for i in range(FORECAST_DAYS)
        },
        "by_tag": sorted((tag, n, right) for tag, (n, right) in per_tag.items()),
    }


def shown(figures: UserStats) -> dict[str, object]:
    names = ["due_now", "due_later", "new_available", "new_today", "total_reviews"]
    names += ["total_correct", "wrong_book", "forecast"]
    values: dict[str, object] = {name: getattr(figures, name) for name in names}
    values["by_tag"] = sorted((t.tag, t.reviews, t.correct) for t in figures.by_tag)
    return values


def odd_cards(engine: Engine, user_id: int, now: datetime, boundary: datetime) -> None:
    """Cards as another desktop may have merged them: learning steps due later today and just
    after the next day start, a review due exactly at it, a state no FSRS card has."""
    dues = [boundary + timedelta(minutes=5), boundary, *(now + gap for gap in SOON)]
    with engine.begin() as conn:
        mine = select(CardRow.question_pk).where(CardRow.user_id == user_id)
        pks = [pk for (pk,) in conn.execute(mine.limit(len(dues)))]
        for pk, state, due in zip(pks, ODD_STATES, dues, strict=True):
            memory = CardState(state, 0, 3.0, 5.0, due, now - timedelta(days=1))
            study_repo.put_card(conn, user_id, pk, CardInfo(memory, 2, 1, 0, True, None))


ODD_STATES = [1, 2, 1, 1, 3, 2, 0]  # FSRS: learning, review, relearning; 0 is none of them
SOON = [
    timedelta(minutes=25),
    timedelta(hours=3),
    timedelta(hours=5),
    timedelta(hours=7),
    timedelta(minutes=5),
]


def moments(start: datetime, rule: DueRule) -> list[datetime]:
    """Right after the last answer and half an hour later; around the next day start: an hour,
    ten minutes and a second before it; and in the morning after."""
    boundary = rule.next_day_start(start)
    before = [timedelta(hours=1), timedelta(minutes=10), timedelta(seconds=1)]
    later = [start, start + timedelta(minutes=30), boundary + timedelta(hours=5)]
    return sorted({*later, *(boundary - gap for gap in before)})


def test_the_home_figures_equal_a_recount_of_the_cards(
    service: StudyService, clock: FixedClock, engine: Engine, tmp_path: Path
) -> None:
    banks = [write_bank(tmp_path / "a.yaml", "a", 70), write_bank(tmp_path / "b.yaml", "b", 40)]
    service.import_banks(banks)
    study(service, clock, "张三", days=12, seed=1)
    study(service, clock, "李四", days=5, seed=2)
    # A new version of bank a drops eight questions, some of them answered; bank b is retired.
    service.import_banks([write_bank(banks[0], "a", 70, frozenset(range(0, 80, 10)))])
    service.retire_bank("b")
    study(service, clock, "张三", days=3, seed=3)
    user = service.find_user("张三")
    assert user is not None
    for pk in service.practice_queue(user, mode="new", new_per_day=NEW_PER_DAY)[:4]:
        service.record(user.id, service.question(pk), "B", 5000)  # new today, in the book
    odd_cards(
        engine, user.id, clock.now(), context_of(service).due_rule.next_day_start(clock.now())
    )
    cards, questions = cards_of(engine, user.id)
    assert not all(c.active for c in cards) and any(c.wrong_book for c in cards)
    assert any(c.state != REVIEW for c in cards)
    assert any(c.first and c.first > clock.now() - timedelta(hours=1) for c in cards)
    start = clock.now()
    for day_starts in (4, 0, 9):
        service.set_day_starts(day_starts)
        rule = context_of(service).due_rule
        for now in moments(start, rule):
            clock.set(now)
            expected = recount(cards, questions, now, rule)
            assert shown(service.stats(user, NEW_PER_DAY)) == expected, (day_starts, now)
