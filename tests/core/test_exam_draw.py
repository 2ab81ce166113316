"""Drawing papers from the bundled wh2025 bank: by seed, per section, and only what exists."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from jgstudy.core.exams import DrawError, ExamBlueprint, ExamService, ExamSession, load_blueprint
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services


class QuietView:
    def show_question(self, item: Any) -> None: ...

    def show_palette(self, palette: Any) -> None: ...

    def show_time(self, remaining: Any) -> None: ...

    def show_feedback(self, item: Any) -> None: ...

    def show_result(self, result: Any) -> None: ...


@pytest.fixture
def exams(services: Services) -> ExamService:
    services.study.import_bundled()
    return services.exams


def paper(name: str) -> ExamBlueprint:
    (path,) = [p for p in ExamService.bundled_blueprints() if p.stem == name]
    return load_blueprint(path)


def user(service: StudyService, name: str) -> UserInfo:
    return service.ensure_user(name)


def pks(session: ExamSession) -> list[int]:
    return [session.item(i).record.pk for i in range(session.total)]


def test_the_same_seed_draws_the_same_paper(exams: ExamService, service: StudyService) -> None:
    mock = paper("mock-30min")
    first = pks(exams.start(user(service, "甲"), mock, QuietView(), seed=7))
    second = pks(exams.start(user(service, "乙"), mock, QuietView(), seed=7))
    other = pks(exams.start(user(service, "丙"), mock, QuietView(), seed=8))
    assert first == second
    assert first != other
    assert len(set(first)) == len(first) == 45


def test_each_section_gets_its_count_of_its_type(exams: ExamService, service: StudyService) -> None:
    session = exams.start(user(service, "甲"), paper("mock-30min"), QuietView(), seed=1)
    items = [session.item(i) for i in range(session.total)]
    by_section = Counter((i.section, i.record.question.type, i.points) for i in items)
    assert by_section == {
        ("一、单项选择题", "single", 1): 20,
        ("二、多项选择题", "multiple", 2): 10,
        ("三、判断题", "judge", 1): 10,
        ("四、填空题", "fill", 2): 5,
    }
    result = session.submit()
    assert (result.score, result.max_score) == (0, 60)


def test_filters_by_bank_and_tag_are_kept(exams: ExamService, service: StudyService) -> None:
    final = paper("skills-final")
    session = exams.start(user(service, "甲"), final, QuietView())
    first, third = final.sections[0], final.sections[2]
    items = [session.item(i) for i in range(session.total)]
    assert {i.record.bank_id for i in items if i.section == first.title} <= set(first.filter.banks)
    judged = [i.record for i in items if i.section == third.title]
    assert all(set(r.tags) & set(third.filter.tags) for r in judged)
    # The paper fixes its seed: every contestant gets the same questions.
    assert pks(exams.start(user(service, "乙"), final, QuietView())) == pks(session)


def test_without_a_seed_the_attempt_keeps_its_own(
    exams: ExamService, service: StudyService
) -> None:
    cadre = user(service, "甲")
    session = exams.start(cadre, paper("mock-30min"), QuietView())
    drawn = pks(session)
    resumed = exams.resume(cadre, QuietView())
    assert resumed is not None and pks(resumed) == drawn


def test_the_shipped_papers_can_be_filled_from_the_shipped_bank(exams: ExamService) -> None:
    for path in ExamService.bundled_blueprints():
        assert exams.check(load_blueprint(path)) is None, path.name


def test_a_paper_the_banks_cannot_fill_is_refused(
    exams: ExamService, service: StudyService
) -> None:
    greedy = paper("mock-30min").model_copy(
        update={"sections": (paper("mock-30min").sections[2].model_copy(update={"count": 500}),)}
    )
    message = exams.check(greedy)
    assert message is not None and "三、判断题" in message and "需要 500 道" in message
    cadre = user(service, "甲")
    with pytest.raises(DrawError):
        exams.start(cadre, greedy, QuietView())
    assert exams.history(cadre) == []
