"""Per unit (单位): participation, average score, completion; rankings of units and cadres."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from jgstudy.core.reports.cadres import CadreReport
from jgstudy.core.text import N_

NO_UNIT = N_("（未填单位）")


@dataclass(frozen=True)
class UnitReport:
    """One unit's figures.

    ``average_score`` is the mean of its participants' scores (each cadre counts once, however
    much they answered); ``completion`` is the share of *all* its cadres who completed.
    """

    unit: str
    cadres: int
    participants: int
    completed: int
    answers: int
    correct: int
    average_score: float | None
    rank: int | None = None

    @property
    def label(self) -> str:
        return self.unit or NO_UNIT

    @property
    def completion(self) -> float:
        return self.completed / self.cadres if self.cadres else 0.0

    @property
    def participation(self) -> float:
        return self.participants / self.cadres if self.cadres else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


def competition_ranks(scores: Sequence[float | None]) -> list[int | None]:
    """Ranks of scores already sorted best first: ties share a rank ("1, 1, 3"); None unranked.

    Scores are compared as shown (to one decimal), so two cadres shown as 85.0 share a rank.
    """
    ranks: list[int | None] = []
    previous: float | None = None
    for position, score in enumerate(scores, start=1):
        if score is None:
            ranks.append(None)
            continue
        shown = round(score, 1)
        same = previous is not None and shown == previous and ranks and ranks[-1] is not None
        ranks.append(ranks[-1] if same else position)
        previous = shown
    return ranks


def _cadre_order(cadre: CadreReport) -> tuple[bool, float, int, str]:
    score = cadre.score if cadre.score is not None else 0.0
    return (cadre.score is None, -round(score, 1), -cadre.answers, cadre.name)


def rank_cadres(cadres: Iterable[CadreReport]) -> list[CadreReport]:
    """The cadres by unit, each unit best first, with their rank within the unit."""
    by_unit: dict[str, list[CadreReport]] = defaultdict(list)
    for cadre in cadres:
        by_unit[cadre.unit].append(cadre)
    ranked: list[CadreReport] = []
    for unit in sorted(by_unit):
        members = sorted(by_unit[unit], key=_cadre_order)
        ranks = competition_ranks([c.score for c in members])
        ranked.extend(replace(c, rank=r) for c, r in zip(members, ranks, strict=True))
    return ranked


def by_unit_and_name(cadres: Iterable[CadreReport]) -> list[CadreReport]:
    """The cadres by unit, then name, unranked: the report's order without individual rankings."""
    return sorted(cadres, key=lambda c: (c.unit, c.name, c.user_id))


def _unit(unit: str, members: Sequence[CadreReport]) -> UnitReport:
    scores = [c.score for c in members if c.score is not None]
    return UnitReport(
        unit=unit,
        cadres=len(members),
        participants=len(scores),
        completed=sum(c.completed for c in members),
        answers=sum(c.answers for c in members),
        correct=sum(c.correct for c in members),
        average_score=fmean(scores) if scores else None,
    )


def _unit_order(unit: UnitReport) -> tuple[bool, float, float, str]:
    score = unit.average_score if unit.average_score is not None else 0.0
    return (unit.average_score is None, -round(score, 1), -unit.completion, unit.unit)


def build_units(cadres: Iterable[CadreReport]) -> list[UnitReport]:
    """The units, ranked by average score, then completion; units nobody took part in last."""
    by_unit: dict[str, list[CadreReport]] = defaultdict(list)
    for cadre in cadres:
        by_unit[cadre.unit].append(cadre)
    units = sorted((_unit(u, m) for u, m in by_unit.items()), key=_unit_order)
    ranks = competition_ranks([u.average_score for u in units])
    return [replace(u, rank=r) for u, r in zip(units, ranks, strict=True)]
