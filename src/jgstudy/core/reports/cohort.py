"""Cohort readiness (备考准备): how ready each unit's cadres are for their target date.

A pure function over records: each cadre's plan toward their 目标日期 and the forecast at
their recent pace (both made by :func:`jgstudy.core.scheduling.forecast.make_plan` with the
cadre's own FSRS parameters, see :class:`jgstudy.core.planning.PlanService`), their recent
activity, the active questions' tags and the item analysis' difficulty. Per unit it gives

* the predicted recall on the date across the unit's cadres, at each cadre's recent pace (the
  plan's walk with every day capped at the questions a day they answered lately): the mean and
  the lower quartile. The plan's own forecast assumes they keep to it, and would call everyone
  ready;
* who is behind plan: their recent pace of new questions is below what the plan needs, or the
  recall predicted at their pace is below their target recall;
* per tag the same recall figures and a *weakness* that ranks the tags: the mean over the tag's
  questions of (1 − R̄) × D, where R̄ is the question's predicted recall on the date averaged over
  the unit's cadres and D its difficulty (the share of first answers that were wrong). It is the
  expected share of the tag's questions lost on the day: forgotten, and not worked out anyway;
* participation as a rate: the share of the unit's cadres who studied on at least
  :data:`ACTIVE_DAYS` of the last :data:`WINDOW_DAYS` days. No cadre is ranked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from statistics import fmean, quantiles

from jgstudy.core.scheduling.forecast import Plan
from jgstudy.core.stats import NO_TAG
from jgstudy.core.text import Msg, msg

WINDOW_DAYS = 14  # the recent days participation and pace are measured over
ACTIVE_DAYS = 7  # studied on at least this many of them: takes part regularly
UNKNOWN_DIFFICULTY = 0.5  # D of a question nobody has answered, when no question has a D


@dataclass(frozen=True)
class CadreProgress:
    """One cadre's plan (None: no target date ahead) and activity in the last WINDOW_DAYS."""

    user_id: int
    name: str
    unit: str
    plan: Plan | None
    study_days: int = 0  # days with at least one answer
    new_questions: int = 0  # questions answered for the first time
    # the same walk with each day capped at the cadre's recent answers a day (the simulator)
    at_pace: Plan | None = None

    @property
    def recent_new_per_day(self) -> float:
        return self.new_questions / WINDOW_DAYS

    @property
    def outlook(self) -> Plan | None:
        """The forecast the cohort's figures use: at the recent pace (else the plan's own)."""
        return self.at_pace or self.plan


@dataclass(frozen=True)
class CohortInputs:
    """What readiness is computed from."""

    cadres: Sequence[CadreProgress]
    question_tags: Mapping[int, tuple[str, ...]]  # every active question and its tags
    difficulty: Mapping[int, float]  # 1 − facility, for the questions with first answers


@dataclass(frozen=True)
class BehindCadre:
    """A cadre behind plan, with why (shown to their unit's trainer only)."""

    name: str
    unit: str
    predicted_recall: float
    target_recall: float
    needed_new_per_day: int
    recent_new_per_day: float
    reasons: tuple[Msg, ...]


@dataclass(frozen=True)
class TagReadiness:
    """One tag of one unit: predicted recall on the date, difficulty and weakness."""

    unit: str
    tag: str
    questions: int
    mean_recall: float
    low_recall: float  # the lower quartile over the unit's cadres
    difficulty: float
    weakness: float
    order: int = 0  # 1 = the unit's weakest tag


@dataclass(frozen=True)
class UnitReadiness:
    """A unit's readiness for the target date."""

    unit: str
    cadres: int
    planned: int  # cadres with a target date ahead
    first_date: date | None
    last_date: date | None
    target_recall: float | None  # the mean of the planned cadres' targets
    mean_recall: float | None
    low_recall: float | None
    behind_count: int
    regular: int  # cadres who studied on at least ACTIVE_DAYS of the last WINDOW_DAYS
    names_shown: bool
    behind: tuple[BehindCadre, ...] = ()  # empty when names are not shown
    tags: tuple[TagReadiness, ...] = ()  # weakest first

    @property
    def participation(self) -> float:
        return self.regular / self.cadres if self.cadres else 0.0


@dataclass(frozen=True)
class Cohort:
    """Every unit's readiness; the figures of :mod:`jgstudy.core.reports.cohort`."""

    units: tuple[UnitReadiness, ...] = ()

    @property
    def tags(self) -> tuple[TagReadiness, ...]:
        return tuple(t for u in self.units for t in u.tags)

    @property
    def behind(self) -> tuple[BehindCadre, ...]:
        return tuple(b for u in self.units for b in u.behind)


def lower_quartile(values: Sequence[float]) -> float:
    """The 25th percentile (inclusive method; a single value is its own quartile)."""
    if len(values) == 1:
        return values[0]
    return quantiles(values, n=4, method="inclusive")[0]


def exact_need(plan: Plan) -> float:
    """New questions a day the plan needs, before rounding up."""
    return plan.not_introduced / max((plan.introduce_by - plan.today).days, 1)


def behind_reasons(cadre: CadreProgress) -> tuple[Msg, ...]:
    """Why the cadre is behind plan (empty: on track, or no plan)."""
    plan, outlook = cadre.plan, cadre.outlook
    if plan is None or outlook is None:
        return ()
    reasons = []
    if cadre.recent_new_per_day < exact_need(plan):
        reasons.append(
            msg(
                "每天需学新题 {needed} 道，近 {days} 天平均每天 {pace:.1f} 道",
                needed=plan.new_per_day,
                days=WINDOW_DAYS,
                pace=cadre.recent_new_per_day,
            )
        )
    if outlook.predicted_recall < plan.target_recall:
        reasons.append(
            msg(
                "按近期进度预计掌握 {recall:.0%}，低于目标 {target:.0%}",
                recall=outlook.predicted_recall,
                target=plan.target_recall,
            )
        )
    return tuple(reasons)


def _behind(cadre: CadreProgress, reasons: tuple[Msg, ...]) -> BehindCadre:
    assert cadre.plan is not None and cadre.outlook is not None
    return BehindCadre(
        cadre.name,
        cadre.unit,
        cadre.outlook.predicted_recall,
        cadre.plan.target_recall,
        cadre.plan.new_per_day,
        cadre.recent_new_per_day,
        reasons,
    )


def _question_recall(plans: Sequence[Plan], questions: Sequence[int]) -> dict[int, list[float]]:
    """Each question's predicted recall on the date, one value per plan."""
    return {q: [p.recall_by_key.get(q, p.recall_of_new) for p in plans] for q in questions}


def _difficulty(inputs: CohortInputs) -> Callable[[int], float]:
    known = [d for q, d in inputs.difficulty.items() if q in inputs.question_tags]
    default = fmean(known) if known else UNKNOWN_DIFFICULTY
    return lambda q: inputs.difficulty.get(q, default)


def _tags(unit: str, plans: Sequence[Plan], inputs: CohortInputs) -> tuple[TagReadiness, ...]:
    """The unit's tags, weakest first (weakness, then lower mean recall, then name)."""
    if not plans:
        return ()
    by_tag: dict[str, list[int]] = defaultdict(list)
    for q, tags in inputs.question_tags.items():
        for tag in tags or (NO_TAG,):
            by_tag[tag].append(q)
    recall = _question_recall(plans, list(inputs.question_tags))
    difficulty = _difficulty(inputs)
    rows = []
    for tag, questions in by_tag.items():
        per_cadre = [fmean(recall[q][i] for q in questions) for i in range(len(plans))]
        weakness = fmean((1 - fmean(recall[q])) * difficulty(q) for q in questions)
        rows.append(
            TagReadiness(
                unit,
                tag,
                len(questions),
                fmean(per_cadre),
                lower_quartile(per_cadre),
                fmean(difficulty(q) for q in questions),
                weakness,
            )
        )
    rows.sort(key=lambda t: (-t.weakness, t.mean_recall, t.tag))
    return tuple(replace(t, order=n) for n, t in enumerate(rows, start=1))


def _unit(
    unit: str, members: Sequence[CadreProgress], inputs: CohortInputs, names: bool
) -> UnitReadiness:
    planned = [c for c in members if c.plan is not None]
    plans = [c.outlook for c in planned if c.outlook is not None]
    recalls = [p.predicted_recall for p in plans]
    behind = [(c, r) for c in planned if (r := behind_reasons(c))]
    return UnitReadiness(
        unit=unit,
        cadres=len(members),
        planned=len(plans),
        first_date=min((p.target_date for p in plans), default=None),
        last_date=max((p.target_date for p in plans), default=None),
        target_recall=fmean(p.target_recall for p in plans) if plans else None,
        mean_recall=fmean(recalls) if recalls else None,
        low_recall=lower_quartile(recalls) if recalls else None,
        behind_count=len(behind),
        regular=sum(c.study_days >= ACTIVE_DAYS for c in members),
        names_shown=names,
        behind=tuple(_behind(c, r) for c, r in sorted(behind, key=lambda b: b[0].name))
        if names
        else (),
        tags=_tags(unit, plans, inputs),
    )


def build_cohort(inputs: CohortInputs, show_names: Callable[[str], bool]) -> Cohort:
    """Every unit's readiness, units by name; ``show_names(unit)`` says whether the names of
    that unit's cadres behind plan may be listed (see :func:`names_rule`)."""
    by_unit: dict[str, list[CadreProgress]] = defaultdict(list)
    for cadre in inputs.cadres:
        by_unit[cadre.unit].append(cadre)
    return Cohort(tuple(_unit(u, by_unit[u], inputs, show_names(u)) for u in sorted(by_unit)))


def names_rule(connected_kind: str | None, report_unit: str | None) -> Callable[[str], bool]:
    """Whose names a report may list: the trainer of a unit sees that unit's only.

    On a shared PostgreSQL a trainer's own login reads only their unit's cadres (row-level
    security, :mod:`jgstudy.core.access`), so their report names them; a cadre's login names
    nobody. Without a personal login (SQLite, an administrator's URL) the report for one unit
    (``--unit``) is that unit's trainer's and names its cadres; an overview of several units
    gives counts only.
    """
    if connected_kind == "trainer":
        return lambda _unit: True
    if connected_kind == "cadre" or report_unit is None:
        return lambda _unit: False
    return lambda unit: unit == report_unit
