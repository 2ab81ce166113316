"""专项练习 selections, 收藏, 笔记, the 错题本's history and 题目纠错 reports, kept in the database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from jgstudy.core.clock import FixedClock
from jgstudy.core.model import QType
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.services import Services, open_services
from jgstudy.core.workbook import NOTE_MAX, Selection, WorkbookError, WorkbookService


@pytest.fixture
def cadre(services: Services, sample_bank: Path) -> UserInfo:
    services.study.import_banks([sample_bank])
    return services.study.ensure_user("张三", "市审计局")


@pytest.fixture
def book(services: Services) -> WorkbookService:
    return services.workbook


def ids(services: Services, pks: list[int]) -> list[str]:
    return [r.question.id for r in services.study.questions(pks)]


def pk_of(services: Services, cadre: UserInfo, qid: str) -> int:
    pks = services.workbook.selection_queue(cadre, Selection())
    return next(pk for pk in pks if services.study.question(pk).question.id == qid)


def test_a_selection_by_type_tag_or_bank_takes_every_question_seen_or_not(
    services: Services, book: WorkbookService, cadre: UserInfo
) -> None:
    everything = book.selection_queue(cadre, Selection())
    assert ids(services, everything) == ["s1", "m1", "j1", "f1", "f2", "sh1"]
    services.study.record(cadre.id, services.study.question(everything[0]), "C", 3000)
    assert book.selection_queue(cadre, Selection()) == everything  # answered ones stay
    fills = book.selection_queue(cadre, Selection(types=(QType.FILL,)))
    assert ids(services, fills) == ["f1", "f2"]
    assert ids(services, book.selection_queue(cadre, Selection(tags=("总抓手",)))) == ["m1"]
    assert book.selection_queue(cadre, Selection(banks=("none",))) == []


def test_random_practice_shuffles_and_keeps_every_question(
    services: Services, book: WorkbookService, cadre: UserInfo, clock: FixedClock
) -> None:
    in_order = book.selection_queue(cadre, Selection())
    shuffles = set()
    for _ in range(6):
        clock.advance(seconds=1)
        queue = book.selection_queue(cadre, Selection(), NewOrder.RANDOM)
        assert sorted(queue) == sorted(in_order)
        shuffles.add(tuple(queue))
    assert len(shuffles) > 1


def test_stars_are_kept_per_cadre_and_can_be_taken_back(
    services: Services, book: WorkbookService, cadre: UserInfo
) -> None:
    other = services.study.ensure_user("李四")
    f1, s1 = pk_of(services, cadre, "f1"), pk_of(services, cadre, "s1")
    book.set_star(cadre, f1, True)
    book.set_star(cadre, s1, True)
    book.set_star(cadre, s1, True)  # twice is still once
    assert ids(services, book.starred(cadre)) == ["s1", "f1"]
    assert book.starred(other) == []
    book.set_star(cadre, s1, False)
    assert book.stars(cadre, [s1, f1]) == {f1}


def test_a_note_is_kept_trimmed_replaced_and_removed_when_blank(
    services: Services, book: WorkbookService, cadre: UserInfo
) -> None:
    m1 = pk_of(services, cadre, "m1")
    assert (
        book.set_note(cadre, m1, "  四个总抓手：凝心铸魂、对标争先…  ")
        == "四个总抓手：凝心铸魂、对标争先…"
    )
    book.set_note(cadre, m1, "记住“对标争先”")
    assert book.notes(cadre, [m1]) == {m1: "记住“对标争先”"}
    with pytest.raises(WorkbookError, match=f"最多 {NOTE_MAX} 字"):
        book.set_note(cadre, m1, "长" * (NOTE_MAX + 1))
    assert book.notes(cadre, [m1]) == {m1: "记住“对标争先”"}  # the old note is not lost
    book.set_note(cadre, m1, "   ")
    assert book.notes(cadre, [m1]) == {}


def test_the_wrong_history_counts_every_wrong_answer_over_days(
    services: Services, book: WorkbookService, cadre: UserInfo, clock: FixedClock
) -> None:
    s1 = pk_of(services, cadre, "s1")
    record = services.study.question(s1)
    first = clock.now()
    services.study.record(cadre.id, record, "A", 3000)
    clock.advance(days=1)
    services.study.record(cadre.id, record, "C", 3000)  # right: not counted
    clock.advance(days=2)
    services.study.record(cadre.id, record, "D", 3000)
    history = book.wrong_history(cadre, [s1])[s1]
    assert (history.last_answer, history.count) == ("D", 2)
    assert history.times == (first, first + timedelta(days=3))
    assert history.last_at == first + timedelta(days=3)


def test_a_problem_report_waits_until_a_trainer_closes_it(
    services: Services, book: WorkbookService, cadre: UserInfo
) -> None:
    f2 = pk_of(services, cadre, "f2")
    with pytest.raises(WorkbookError, match="至少"):
        book.report_problem(cadre, f2, " 错 ")
    report_id = book.report_problem(cadre, f2, "答案应为“速决毫厘”，\n题干少了引号")
    (report,) = book.open_reports()
    assert (report.id, report.ref, report.reporter) == (report_id, "sample/f2", "张三")
    assert report.reason == "答案应为“速决毫厘”， 题干少了引号"
    assert book.close_report(report_id, "王培训")
    assert not book.close_report(report_id, "王培训")
    assert book.open_reports() == []


def test_stars_notes_and_reports_survive_reopening(
    db_url: str, clock: FixedClock, services: Services, cadre: UserInfo
) -> None:
    s1 = pk_of(services, cadre, "s1")
    services.workbook.set_star(cadre, s1, True)
    services.workbook.set_note(cadre, s1, "六期")
    services.workbook.report_problem(cadre, s1, "选项B与C太像")
    services.close()
    again = open_services(db_url, clock)
    try:
        assert again.workbook.starred(cadre) == [s1]
        assert again.workbook.notes(cadre, [s1]) == {s1: "六期"}
        assert [r.reason for r in again.workbook.open_reports()] == ["选项B与C太像"]
    finally:
        again.close()


def test_a_stored_answer_reads_as_the_cadre_gave_it(services: Services, cadre: UserInfo) -> None:
    from jgstudy.core.workbook import given_text

    by_id = {
        r.question.id: r.question
        for r in services.study.questions(services.workbook.selection_queue(cadre, Selection()))
    }
    assert given_text(by_id["m1"], ["C", "A"]) == "AC"
    assert given_text(by_id["j1"], False) == "错误"
    assert given_text(by_id["f1"], ["773", "第十届"]) == "773；第十届"
    assert given_text(by_id["f1"], ["", ""]) == "（未作答）"
    assert given_text(by_id["sh1"], {"text": "警示教育", "knew": False}) == "警示教育"


def test_open_problem_reports_stand_in_the_reports_checking_section(
    services: Services, book: WorkbookService, cadre: UserInfo
) -> None:
    from jgstudy.core.reports.data import ReportFilter
    from jgstudy.render.pdf_report import report_html

    f2 = pk_of(services, cadre, "f2")
    kept = book.report_problem(cadre, f2, "答案<应为>“速决毫厘”")
    closed = book.report_problem(cadre, f2, "已经改好的问题")
    book.close_report(closed, "王培训")
    report = services.reports.build(ReportFilter())
    assert [(ref, who, why) for ref, who, why, _at in report.problems] == [
        ("sample/f2", "张三", "答案<应为>“速决毫厘”")
    ]
    page = report_html(report)
    assert "学员纠错（1 条待核查）" in page and "答案&lt;应为&gt;" in page
    book.close_report(kept, "王培训")
    assert "暂无待核查" in report_html(services.reports.build(ReportFilter()))
