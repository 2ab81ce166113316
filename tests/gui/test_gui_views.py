"""错题本, 统计 and the home heatmap show what the cadre did."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.heatmap import HeatmapWidget, level
from jgstudy.gui.progress import day_labels

BEIJING = timezone(timedelta(hours=8))
RIGHT: dict[str, Response] = {"s1": "C", "m1": frozenset("ABD"), "j1": True}  # sample bank


def answer_first_two(window: MainWindow, cadre: UserInfo) -> None:
    """s1 wrong, m1 right, then leave."""
    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    session = window.practice.session
    assert session is not None
    session.submit("A")
    session.next()
    session.submit(frozenset("ABD"))
    session.finish()


def test_the_wrong_book_lists_wrong_answers_and_practises_them(
    window: MainWindow, cadre: UserInfo
) -> None:
    answer_first_two(window, cadre)
    window.navigate("wrongbook")
    book = window.wrongbook
    assert [r.question.id for r in book.records] == ["s1"]
    assert book.table.rowCount() == 1 and book.table.item(0, 0).text() == "单选"
    assert book.practice_button.text() == "练习错题（1）"
    book.practice_button.click()
    assert window.current_view() == "practice"
    assert window.practice.card is not None
    assert window.practice.card.record.question.id == "s1"
    assert window.practice.session is not None and window.practice.session.total == 1


def test_the_progress_view_charts_the_answers(
    window: MainWindow, service: StudyService, cadre: UserInfo
) -> None:
    answer_first_two(window, cadre)
    window.navigate("progress")
    view = window.progress
    assert view.values["total"].text() == "2"
    assert view.values["accuracy"].text() == "50%"
    assert view.history.values[-1] == 2 and sum(view.history.values) == 2
    assert len(view.forecast.values) == 30 and sum(view.forecast.values) == 2
    assert view.by_tag.categories[-1] == "测试（2）"  # the most reviewed tag is drawn on top
    assert view.by_tag.values[-1] == 50
    # just answered once: remembered now, but FSRS expects much of it gone in 30 days
    known = dict(zip(view.knowledge.categories, view.knowledge.values, strict=True))
    assert 0 < known["测试"] < 80
    assert "30 天后" in view.knowledge.toolTip() and "30 天后" in view.knowledge_card.toolTip()


def test_home_shows_today_and_the_heatmap(window: MainWindow, cadre: UserInfo) -> None:
    answer_first_two(window, cadre)
    window.navigate("home")
    home = window.home
    assert home.values["accuracy"].text() == "50%"
    assert home.facts["total"].text() == "2" and home.facts["days"].text() == "1 天"
    assert home.wrong_button.text() == "错题本（1）"
    home.exam_button.click()
    assert window.current_view() == "exam"
    assert window.current_view() == "exam"


def test_heatmap_levels_and_hit_testing(qtbot: QtBot) -> None:
    assert [level(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [0, 1, 1, 2, 2, 3, 4]
    today = date(2026, 3, 2)
    widget = HeatmapWidget(90)
    widget.set_data({today: 3}, today)
    assert widget.first_day == today - timedelta(days=89)
    centre = widget.cell_rect(today).center()
    assert widget.day_at(centre) == today


def test_day_labels_stay_distinct_across_a_short_month() -> None:
    days = [date(2026, 2, 1) + timedelta(days=i) for i in range(30)]
    labels = day_labels(days)
    assert len(set(labels)) == 30
    assert labels[0] == "1" and labels[-1].startswith("2")  # 3月2日, told apart from 2月2日


def test_a_bank_published_in_the_editor_is_imported_and_a_save_is_not(
    window: MainWindow, qtbot: QtBot, sample_bank: Path, tmp_path: Path
) -> None:
    window.navigate("editor")
    assert window.current_view() == "editor"
    copy = tmp_path / "edited.yaml"
    copy.write_text(sample_bank.read_text("utf-8"), "utf-8")
    window.editor.open_path(copy)
    with qtbot.assertNotEmitted(window.importer.started, wait=300):
        assert window.editor.save()
    assert window.service.banks() == []
    with qtbot.waitSignal(window.importer.succeeded, timeout=20_000):
        assert window.editor.publish()
    assert [b.id for b in window.service.banks()] == ["sample"]


def test_the_review_button_promises_what_the_session_presents(
    window: MainWindow, service: StudyService, cadre: UserInfo, clock: FixedClock
) -> None:
    def review_button() -> str:
        window.navigate("home")
        window.refresh()
        return window.home.review_button.text()

    def review_all() -> int:
        window.home.review_button.click()
        session = window.practice.session
        assert session is not None
        total = session.total
        while session.current is not None:
            session.submit(RIGHT[session.current.question.id])
            session.next()
        return total

    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    session = window.practice.session
    assert session is not None
    for _qid in RIGHT:  # s1, m1, j1 right: into their 10-minute learning step
        assert session.current is not None
        clock.advance(seconds=20)
        session.submit(RIGHT[session.current.question.id])
        session.next()
    session.finish()
    assert review_button() == "开始复习（3）"  # offered early: within the 20-minute learn-ahead
    assert review_all() == 3
    assert review_button() == "开始复习（0）" and not window.home.review_button.isEnabled()
    due = service.next_due(cadre.id)  # reviews are due from the start of their day, 04:00
    assert due is not None and due.astimezone(BEIJING).hour == 4
    clock.advance(seconds=(due - clock.now()).total_seconds() - 60)
    assert review_button() == "开始复习（0）"
    clock.advance(minutes=1)
    assert review_button() == "开始复习（3）"
    assert review_all() == 3


def test_every_page_is_brought_up_to_date_when_it_is_shown(
    window: MainWindow, service: StudyService, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.navigate("home")
    new_before = window.home.values["new"].text()
    window.navigate("wrongbook")
    assert window.wrongbook.table.rowCount() == 0
    record = service.question(service.practice_queue(cadre, mode="new")[0])
    service.record(cadre.id, record, "Z", 3000)  # answered elsewhere, wrong
    window.navigate("home")
    assert window.home.values["new"].text() != new_before
    window.navigate("wrongbook")
    assert window.wrongbook.table.rowCount() == 1
