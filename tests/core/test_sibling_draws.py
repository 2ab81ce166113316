"""Questions that give each other away never share a paper, a drill or a match, and new
questions keep them apart; found from the bank itself."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

import pytest

from jgstudy.core.exams import ExamBlueprint
from jgstudy.core.order import NewOrder
from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services

LEAKY = Path(__file__).resolve().parents[1] / "data" / "lint" / "leaky.yaml"


@pytest.fixture
def leaky(services: Services) -> StudyService:
    services.study.import_banks([LEAKY])
    return services.study


def siblings_in(service: StudyService, pks: list[int]) -> list[tuple[str, str]]:
    pairs = service.siblings()
    return [
        (service.question(a).question.id, service.question(b).question.id)
        for a, b in combinations(pks, 2)
        if b in pairs.get(a, frozenset())
    ]


class QuietView:
    def show_question(self, item: Any) -> None: ...

    def show_palette(self, palette: Any) -> None: ...

    def show_time(self, remaining: Any) -> None: ...

    def show_feedback(self, item: Any) -> None: ...

    def show_result(self, result: Any) -> None: ...


class DrillSeen:
    def __init__(self) -> None:
        self.shown: list[int] = []

    def show_question(self, record: QuestionRecord, position: int) -> None:
        self.shown.append(record.pk)

    def show_time(self, remaining: object) -> None: ...

    def show_feedback(self, record: object, grade: object) -> None: ...

    def show_drill_result(self, result: object) -> None: ...


def blueprint(count: int) -> ExamBlueprint:
    return ExamBlueprint.model_validate(
        {
            "format": 1,
            "id": "p",
            "title": "小测",
            "time_limit_minutes": 10,
            "sections": [{"title": "一", "filter": {"types": ["single", "fill"]}, "count": count}],
        }
    )


def test_the_service_finds_the_siblings_from_the_bank(leaky: StudyService) -> None:
    ids = {
        leaky.question(pk).question.id: pk
        for pk in leaky.practice_queue(leaky.ensure_user("甲"), mode="new", new_per_day=100)
    }
    assert ids["nx-047"] in leaky.siblings()[ids["nx-011"]]


@pytest.mark.parametrize("seed", range(12))
def test_no_paper_holds_two_siblings(leaky: StudyService, services: Services, seed: int) -> None:
    exams = services.exams
    session = exams.start(leaky.ensure_user(f"考生{seed}"), blueprint(5), QuietView(), seed=seed)
    pks = [session.item(i).record.pk for i in range(session.total)]
    assert len(pks) == 5
    assert siblings_in(leaky, pks) == []


def test_a_paper_that_cannot_avoid_siblings_is_refused_with_a_reason(
    leaky: StudyService, services: Services
) -> None:
    message = services.exams.check(blueprint(9))
    assert message is not None and "互不泄露答案的只有" in message


@pytest.mark.parametrize("seed", range(8))
def test_a_drill_holds_no_two_siblings(leaky: StudyService, services: Services, seed: int) -> None:
    competitions = services.competitions
    view = DrillSeen()
    drill = competitions.speed_drill(
        leaky.ensure_user("甲"), view, count=10, seconds=600, seed=seed
    )
    start = datetime(2025, 6, 1, 9, tzinfo=UTC)
    drill.start(start)
    while drill.current is not None:
        drill.answer("A" if drill.current.question.type == "single" else ("x",), start)
    assert len(view.shown) >= 3
    assert siblings_in(leaky, view.shown) == []


@pytest.mark.parametrize("order", [NewOrder.MIXED, NewOrder.RANDOM])
def test_new_questions_keep_siblings_apart_and_mix_types(
    leaky: StudyService, order: NewOrder
) -> None:
    user: UserInfo = leaky.ensure_user("甲")
    in_bank_order = leaky.practice_queue(user, mode="new", new_per_day=100, order=NewOrder.BANK)
    for _ in range(30 if order is NewOrder.RANDOM else 1):
        queue = leaky.practice_queue(user, mode="new", new_per_day=100, order=order)
        ids = [leaky.question(pk).question.id for pk in queue]
        assert len(ids) == 10
        for a, b in pairwise(queue):
            assert b not in leaky.siblings().get(a, frozenset()), ids
        assert queue != in_bank_order


def test_the_mixed_order_is_the_same_for_a_cadre_and_differs_between_cadres(
    leaky: StudyService,
) -> None:
    first = leaky.practice_queue(leaky.ensure_user("甲"), mode="new", new_per_day=100)
    again = leaky.practice_queue(leaky.ensure_user("甲"), mode="new", new_per_day=100)
    other = leaky.practice_queue(leaky.ensure_user("乙"), mode="new", new_per_day=100)
    assert first == again
    assert first != other
