"""Per cadre: activity, accuracy per tag, estimated knowledge (FSRS), speed, exams, score."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import fmean

from jgstudy.core.reports.exams import ExamResult
from jgstudy.core.reports.records import DURATION_BUCKET_MS, CadreRow
from jgstudy.core.scheduling import CardState, Scheduler
from jgstudy.core.stats import knowledge, streak


@dataclass(frozen=True)
class TagKnowledge:
    """A cadre's answers on one tag (chapter) and the FSRS estimate of what they retain."""

    tag: str
    answers: int
    correct: int
    retrievability: float | None = None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class CadreReport:
    """Everything a report says about one cadre.

    ``score`` is out of 100: the best finished attempt of the exam when the report is about one
    exam, otherwise the accuracy of the cadre's answers in the period. ``knowledge`` is the mean
    FSRS retrievability of all the cadre's cards at the report's time.
    """

    user_id: int
    name: str
    unit: str
    answers: int = 0
    correct: int = 0
    per_day: Mapping[date, int] = field(default_factory=dict)
    by_tag: tuple[TagKnowledge, ...] = ()
    streak_days: int = 0
    median_ms: float | None = None
    knowledge: float | None = None
    exams: tuple[ExamResult, ...] = ()
    score: float | None = None
    completed: bool = False
    rank: int | None = None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def active_days(self) -> int:
        return len(self.per_day)

    @property
    def best_exam(self) -> float | None:
        scores = [e.percent for e in self.exams if e.percent is not None]
        return max(scores) if scores else None


@dataclass(frozen=True)
class CadreInputs:
    """The repository rows a set of cadre reports is built from."""

    cadres: Sequence[CadreRow]
    per_day: Sequence[tuple[int, date, int, int]]
    per_tag: Sequence[tuple[int, str, int, int]]
    durations: Sequence[tuple[int, int, int]]
    cards: Sequence[tuple[int, int, str | None, CardState]]
    exams: Sequence[ExamResult]


def median_ms(buckets: Mapping[int, int]) -> float | None:
    """The median answer time from a histogram of ``DURATION_BUCKET_MS`` buckets (centres)."""
    total = sum(buckets.values())
    if total == 0:
        return None
    middle = ((total - 1) // 2, total // 2)
    found: list[float] = []
    seen = 0
    for bucket in sorted(buckets):
        seen += buckets[bucket]
        while len(found) < 2 and middle[len(found)] < seen:
            found.append((bucket + 0.5) * DURATION_BUCKET_MS)
    return fmean(found)


def _tags(
    answered: Mapping[str, tuple[int, int]], retained: Mapping[str, float]
) -> tuple[TagKnowledge, ...]:
    return tuple(
        TagKnowledge(tag, *answered.get(tag, (0, 0)), retained.get(tag))
        for tag in sorted(set(answered) | set(retained))
    )


def _score(
    answers: int, correct: int, exams: Sequence[ExamResult], exam_mode: bool
) -> float | None:
    if exam_mode:
        scores = [e.percent for e in exams if e.percent is not None]
        return max(scores) if scores else None
    return 100.0 * correct / answers if answers else None


@dataclass
class _Grouped:
    """The inputs grouped by cadre."""

    days: dict[int, dict[date, tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))
    tags: dict[int, dict[str, tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))
    times: dict[int, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    exams: dict[int, list[ExamResult]] = field(default_factory=lambda: defaultdict(list))
    knowledge: dict[int, float] = field(default_factory=dict)
    tag_knowledge: dict[int, dict[str, float]] = field(default_factory=dict)


def _group(inputs: CadreInputs, scheduler: Scheduler, now: datetime) -> _Grouped:
    grouped = _Grouped()
    for user_id, day, n, c in inputs.per_day:
        grouped.days[user_id][day] = (n, c)
    for user_id, tag, n, c in inputs.per_tag:
        grouped.tags[user_id][tag] = (n, c)
    for user_id, bucket, n in inputs.durations:
        grouped.times[user_id][bucket] = n
    for exam in inputs.exams:
        grouped.exams[exam.user_id].append(exam)
    grouped.knowledge, grouped.tag_knowledge = knowledge(inputs.cards, scheduler, now)
    return grouped


def build_cadres(
    inputs: CadreInputs,
    *,
    scheduler: Scheduler,
    now: datetime,
    streak_end: date,
    exam_mode: bool,
    min_answers: int,
) -> list[CadreReport]:
    """One report per cadre, unranked (see :func:`jgstudy.core.reports.units.rank_cadres`)."""
    grouped = _group(inputs, scheduler, now)
    return [_cadre(cadre, grouped, streak_end, exam_mode, min_answers) for cadre in inputs.cadres]


def _cadre(
    cadre: CadreRow, grouped: _Grouped, streak_end: date, exam_mode: bool, min_answers: int
) -> CadreReport:
    days = grouped.days.get(cadre.id, {})
    answers = sum(n for n, _c in days.values())
    correct = sum(c for _n, c in days.values())
    exams = tuple(grouped.exams.get(cadre.id, ()))
    return CadreReport(
        user_id=cadre.id,
        name=cadre.name,
        unit=cadre.unit,
        answers=answers,
        correct=correct,
        per_day={d: n for d, (n, _c) in sorted(days.items())},
        by_tag=_tags(grouped.tags.get(cadre.id, {}), grouped.tag_knowledge.get(cadre.id, {})),
        streak_days=streak(set(days), streak_end),
        median_ms=median_ms(grouped.times.get(cadre.id, {})),
        knowledge=grouped.knowledge.get(cadre.id),
        exams=exams,
        score=_score(answers, correct, exams, exam_mode),
        completed=_completed(answers, exams, exam_mode, min_answers),
    )


def _completed(
    answers: int, exams: Sequence[ExamResult], exam_mode: bool, min_answers: int
) -> bool:
    if exam_mode:
        return any(e.finished for e in exams)
    return answers >= min_answers


# Score bands of the distribution chart: lower bound (inclusive) and label.
SCORE_BANDS = ((0.0, "<60"), (60.0, "60–69"), (70.0, "70–79"), (80.0, "80–89"), (90.0, "90–100"))


def score_distribution(cadres: Iterable[CadreReport]) -> list[tuple[str, int]]:
    """How many participating cadres scored in each band."""
    counts = dict.fromkeys((label for _low, label in SCORE_BANDS), 0)
    for cadre in cadres:
        if cadre.score is None:
            continue
        label = next(lab for low, lab in reversed(SCORE_BANDS) if cadre.score >= low)
        counts[label] += 1
    return list(counts.items())
