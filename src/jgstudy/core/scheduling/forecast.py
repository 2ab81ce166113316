"""A plan toward a target date and the recall FSRS predicts on that date.

Plain words (docs/forecast.md says the same for cadres): every question the cadre has met has a
memory *stability* (days until recall falls to 90 %). The plan walks day by day from today to
the target date: each day the questions due are reviewed (assumed answered right, the likely
case at the app's desired retention), and the day's quota of new questions is introduced so all
of them are met ``lead_days`` before the date. On the date, each question's probability of
recall (FSRS retrievability) is taken, weighting the last review by its own chance of being
right or wrong, and averaged over all questions.

提前复习: when the predicted share is below the target recall, in the last :data:`ADVANCE_WINDOW`
days the questions with the lowest predicted recall on the date (until the share reaches the
target) get one extra review on the latest day that lifts it to the target. No day of the
window then carries more than its busiest ordinary day, or an even share of the window's whole
load if that is more: the load is spread, not piled on the last day.

The simulator gives the plan a daily budget of minutes instead: the due reviews come first,
new questions get what they leave (at the pace that meets the rest ``lead_days`` before the
date, catching up when behind), and the extra reviews of the last days fit in it too.

Everything is in whole study days and deterministic: the same cards and today give the same plan.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import fsrs_rs_python as rs

ADVANCE_WINDOW = 7  # days before the target date in which reviews may be advanced
GOOD, AGAIN = 3, 1
NOT_YET_MET = -1


@dataclass(frozen=True)
class Memory:
    """A question's memory on the plan: stability (days), difficulty, last review and due day."""

    stability: float
    difficulty: float
    last: date
    due: date
    key: int = 0  # the question (pk) it stands for; NOT_YET_MET for a planned new one


@dataclass
class _Card:
    memory: Memory
    # the state after a wrong answer at the last review and that answer's chance of being right
    again: float | None = None
    p_right: float = 1.0


@dataclass(frozen=True)
class DayLoad:
    """One day of the plan: new questions, due reviews, advanced reviews and the minutes."""

    day: date
    new: int
    reviews: int
    advanced: int
    minutes: float


@dataclass(frozen=True)
class Plan:
    """The plan toward ``target_date`` and its forecast."""

    today: date
    target_date: date
    not_introduced: int
    new_per_day: int
    introduce_by: date
    recall_without_advance: float  # predicted share recalled on the date, no 提前复习
    predicted_recall: float  # with the advanced reviews
    target_recall: float
    seconds_per_answer: float
    own_pace: bool = False  # seconds_per_answer is the cadre's own median, not the default
    days: list[DayLoad] = field(default_factory=list)
    unmet: int = 0  # questions still not met on the date (a daily budget too small)
    # the questions (Memory.key) given an extra review, by day
    advanced_keys: dict[date, tuple[int, ...]] = field(default_factory=dict)
    # predicted recall on the date of each question already met (by Memory.key), and of a
    # question not yet met today (the plan's new ones averaged; those left unmet count 0):
    # what a cohort report averages per tag (core.reports.cohort)
    recall_by_key: Mapping[int, float] = field(default_factory=dict)
    recall_of_new: float = 0.0

    @property
    def advanced(self) -> int:
        return sum(d.advanced for d in self.days)

    @property
    def minutes_per_day(self) -> float:
        return sum(d.minutes for d in self.days) / len(self.days) if self.days else 0.0

    @property
    def busiest_minutes(self) -> float:
        """The minutes of the plan's busiest day."""
        return max((d.minutes for d in self.days), default=0.0)


class Model:
    """FSRS-6 memory model with given parameters (fsrs-rs does the state updates)."""

    def __init__(self, parameters: Sequence[float]) -> None:
        self._fsrs = rs.FSRS(list(parameters))
        self._decay = -float(parameters[20])
        self._factor = 0.9 ** (1 / self._decay) - 1

    def recall(self, elapsed_days: float, stability: float) -> float:
        """Retrievability after ``elapsed_days`` at ``stability``."""
        return float((1 + self._factor * max(elapsed_days, 0) / stability) ** self._decay)

    def interval(self, stability: float, retention: float) -> int:
        """Whole days until recall falls to ``retention`` (at least one)."""
        days: float = stability / self._factor * (retention ** (1 / self._decay) - 1)
        return max(1, round(days))

    def after(
        self, memory: Memory | None, day: date, rating: int, retention: float
    ) -> tuple[float, float]:
        """(stability, difficulty) after a review on ``day`` rated ``rating``."""
        if memory is None:
            states = self._fsrs.next_states(None, retention, 0)
        else:
            state = rs.MemoryState(memory.stability, memory.difficulty)
            states = self._fsrs.next_states(state, retention, (day - memory.last).days)
        item = states.good if rating == GOOD else states.again
        return float(item.memory.stability), float(item.memory.difficulty)


def _review(model: Model, card: _Card, day: date, retention: float) -> None:
    before = card.memory
    p_right = model.recall((day - before.last).days, before.stability)
    again, _d = model.after(before, day, AGAIN, retention)
    stability, difficulty = model.after(before, day, GOOD, retention)
    due = day + timedelta(days=model.interval(stability, retention))
    card.memory = Memory(stability, difficulty, day, due, before.key)
    card.again, card.p_right = again, p_right


def _recall_on(model: Model, card: _Card, day: date) -> float:
    elapsed = (day - card.memory.last).days
    good = model.recall(elapsed, card.memory.stability)
    if card.again is None:
        return good
    return card.p_right * good + (1 - card.p_right) * model.recall(elapsed, card.again)


@dataclass(frozen=True)
class PlanInput:
    """What a plan is made from."""

    today: date
    target_date: date
    memories: Sequence[Memory]  # the questions already met
    not_introduced: int
    retention: float = 0.9  # the scheduler's desired retention
    target_recall: float = 0.9
    lead_days: int = 3  # every new question met this many days before the date
    seconds_per_answer: float = 15.0
    own_pace: bool = False
    # the simulator: at most this many minutes a day; new questions only in what reviews leave
    daily_minutes: float | None = None
    # new questions a day at a cadre's recent pace instead of the quota (may be fractional:
    # 0.5 is one every other day); what a cohort report forecasts with
    new_rate: float | None = None


def make_plan(model: Model, plan: PlanInput) -> Plan:
    """Walk the days from ``plan.today`` to the day before the target date."""
    days_total = max((plan.target_date - plan.today).days, 0)
    introduce_by = max(plan.target_date - timedelta(days=plan.lead_days), plan.today)
    intro_days = max((introduce_by - plan.today).days, 1)
    quota = math.ceil(plan.not_introduced / intro_days) if plan.not_introduced else 0
    cards = [_Card(m) for m in plan.memories]
    left = plan.not_introduced
    loads: list[tuple[date, int, int]] = []
    for offset in range(days_total):
        day = plan.today + timedelta(days=offset)
        due = [c for c in cards if c.memory.due <= day]
        for card in due:
            _review(model, card, day, plan.retention)
        fresh = min(quota, left)
        if plan.new_rate is not None:
            fresh = min(
                left, math.floor((offset + 1) * plan.new_rate) - math.floor(offset * plan.new_rate)
            )
        if plan.daily_minutes is not None:
            fresh = _fresh_within(plan, day, introduce_by, left, len(due))
        left -= fresh
        for _ in range(fresh):
            s, d = model.after(None, day, GOOD, plan.retention)
            due_day = day + timedelta(days=model.interval(s, plan.retention))
            cards.append(_Card(Memory(s, d, day, due_day, NOT_YET_MET)))
        loads.append((day, fresh, len(due)))
    total = len(plan.memories) + plan.not_introduced
    before = _mean_recall(model, cards, plan.target_date, total)
    keys = _advance(model, cards, plan, loads)
    advanced = {d: len(k) for d, k in keys.items()}
    after = _mean_recall(model, cards, plan.target_date, total)
    per_minute = plan.seconds_per_answer / 60
    days = [
        DayLoad(d, n, r, advanced.get(d, 0), (n + r + advanced.get(d, 0)) * per_minute)
        for d, n, r in loads
    ]
    return Plan(
        today=plan.today,
        target_date=plan.target_date,
        not_introduced=plan.not_introduced,
        new_per_day=quota,
        introduce_by=introduce_by,
        recall_without_advance=before,
        predicted_recall=after,
        target_recall=plan.target_recall,
        seconds_per_answer=plan.seconds_per_answer,
        own_pace=plan.own_pace,
        days=days,
        advanced_keys={d: tuple(k) for d, k in keys.items()},
        unmet=left,
        recall_by_key=_recall_by_key(model, cards, plan.target_date),
        recall_of_new=_recall_of_new(model, cards, plan),
    )


def _recall_by_key(model: Model, cards: Sequence[_Card], on: date) -> dict[int, float]:
    return {c.memory.key: _recall_on(model, c, on) for c in cards if c.memory.key != NOT_YET_MET}


def _recall_of_new(model: Model, cards: Sequence[_Card], plan: PlanInput) -> float:
    if not plan.not_introduced:
        return 0.0
    fresh = cards[len(plan.memories) :]
    return sum(_recall_on(model, c, plan.target_date) for c in fresh) / plan.not_introduced


def _budget(plan: PlanInput) -> int | None:
    """Answers a day the simulator's daily minutes allow (None: no limit)."""
    if plan.daily_minutes is None:
        return None
    return int(plan.daily_minutes * 60 // plan.seconds_per_answer)


def _fresh_within(plan: PlanInput, day: date, introduce_by: date, left: int, due: int) -> int:
    """New questions on ``day`` under the simulator's budget: what is left, spread over the days
    until ``introduce_by`` (a day behind catches up later), in what the due reviews leave.

    Spreading, not front-loading, keeps more minutes from meaning a lower recall on the date:
    a question met early has had longer to fade by the date than one met on the plan's pace.
    """
    budget = _budget(plan) or 0
    pace = math.ceil(left / max((introduce_by - day).days, 1))
    return min(left, pace, max(budget - due, 0))


def _mean_recall(model: Model, cards: Sequence[_Card], on: date, total: int) -> float:
    if total == 0:
        return 0.0
    return sum(_recall_on(model, c, on) for c in cards) / total


def _advance(
    model: Model, cards: list[_Card], plan: PlanInput, loads: list[tuple[date, int, int]]
) -> dict[date, list[int]]:
    """Give the weakest questions one more review in the window until the predicted share
    reaches the target; returns the extra reviews per day.

    A first pass without limits counts the extra reviews needed; the second spreads them
    under a daily cap: the window's busiest ordinary day or an even share, whichever is more.
    """
    tail = loads[-ADVANCE_WINDOW:]
    if not tail:
        return {}
    trial = [_Card(c.memory, c.again, c.p_right) for c in cards]
    unlimited = {d: len(cards) for d, _n, _r in tail}
    needed = sum(len(k) for k in _extra_reviews(model, trial, plan, unlimited).values())
    if needed == 0:
        return {}
    ordinary = sum(n + r for _d, n, r in tail)
    cap = max(max(n + r for _d, n, r in tail), math.ceil((ordinary + needed) / len(tail)))
    budget = _budget(plan)
    if budget is not None:  # the simulator's minutes hold for the extra reviews too
        cap = min(cap, budget)
    return _extra_reviews(model, cards, plan, {d: max(cap - n - r, 0) for d, n, r in tail})


def _extra_reviews(
    model: Model, cards: list[_Card], plan: PlanInput, room: dict[date, int]
) -> dict[date, list[int]]:
    total = len(plan.memories) + plan.not_introduced
    missing = plan.target_recall * total - sum(
        _recall_on(model, c, plan.target_date) for c in cards
    )
    weak = [c for c in cards if _recall_on(model, c, plan.target_date) < plan.target_recall]
    weak.sort(key=lambda c: _recall_on(model, c, plan.target_date))
    extra: dict[date, list[int]] = {}
    for card in weak:
        if missing <= 0:
            break  # the share reaches the target: no more extra reviews
        day = _best_day(model, card, plan, room)
        if day is not None:
            old = _recall_on(model, card, plan.target_date)
            _review(model, card, day, plan.retention)
            missing -= _recall_on(model, card, plan.target_date) - old
            extra.setdefault(day, []).append(card.memory.key)
            room[day] -= 1
    return extra


def _best_day(model: Model, card: _Card, plan: PlanInput, room: dict[date, int]) -> date | None:
    """The latest day with room whose review lifts the card to the target, else the day with
    room that lifts it the most."""
    now = _recall_on(model, card, plan.target_date)
    best: tuple[float, date] | None = None
    for day in sorted(room, reverse=True):
        if day <= card.memory.last or room[day] <= 0:
            continue
        trial = _Card(replace(card.memory), card.again, card.p_right)
        _review(model, trial, day, plan.retention)
        gain = _recall_on(model, trial, plan.target_date)
        if gain >= plan.target_recall:
            return day
        if gain > now and (best is None or gain > best[0]):
            best = (gain, day)
    return best[1] if best else None
