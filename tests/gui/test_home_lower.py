"""首页's lower half: the month shown in the heatmap, the next seven days and the weakest tags."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from jgstudy.core.records import UserInfo
from jgstudy.core.stats import TagAccuracy
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.heatmap import HeatmapWidget
from jgstudy.gui.home_cards import WeakTagsCard


def test_the_heatmap_labels_the_current_month_even_in_its_first_week(qtbot: QtBot) -> None:
    heatmap = HeatmapWidget(90)
    qtbot.addWidget(heatmap)
    for today in (date(2026, 12, 6), date(2026, 12, 1), date(2026, 3, 2), date(2026, 5, 31)):
        heatmap.set_data({}, today)
        months = [month for _column, month in heatmap._month_labels()]
        assert months[-1] == today.month, (today, months)
        assert len(months) == len(set(months))


def test_home_shows_the_week_ahead_and_the_weakest_tags(
    window: MainWindow, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.start_practice("new")
    session = window.practice.session
    assert session is not None
    for _ in range(6):  # every sample question once, wrong: each falls due again soon
        session.submit(None)  # type: ignore[arg-type]
        if session.total and window.practice.card is None:
            break
        session.next()
    session.finish()
    window.navigate("home")
    QApplication.processEvents()
    bars = window.home.forecast.bars.days
    assert len(bars) == 7 and bars[0][0] == "今天" and bars[1][0] == "明天"
    assert sum(n for _d, n in bars) >= 1
    assert window.home.forecast.total.text().startswith("共 ")


def test_topic_practice_from_a_weak_tag(window: MainWindow, cadre: UserInfo, qtbot: QtBot) -> None:
    window.set_user(cadre)
    card = window.home.weak_tags
    card.set_tags([TagAccuracy("支部建设", reviews=4, correct=1)])
    assert "25%" in card.rows.itemAtPosition(1, 0).widget().text()  # type: ignore[union-attr]
    card.buttons["支部建设"].click()  # type: ignore[attr-defined]
    assert window.current_view() == "practice"
    session = window.practice.session
    assert session is not None and window.practice.card is not None
    assert "支部建设" in window.practice.card.record.question.tags
    assert "支部建设" in window.practice.title.text()


def test_weak_tags_card_explains_itself_when_empty(qtbot: QtBot) -> None:
    card = WeakTagsCard()
    qtbot.addWidget(card)
    card.set_tags([])
    assert not card.buttons and card.empty.text()


def test_refreshed_weak_tags_leave_no_old_row_painted_under_the_new(qtbot: QtBot) -> None:
    """Home refreshes on every visit: the old rows must not stay on screen until deleted."""
    card = WeakTagsCard()
    qtbot.addWidget(card)
    card.show()
    tags = [TagAccuracy("导语", reviews=7, correct=3), TagAccuracy("典型案例", 10, 6)]
    card.set_tags(tags)
    card.set_tags(tags[:1])  # no event loop in between: the replaced widgets are not deleted yet
    shown = [w for w in card.box.findChildren(QWidget) if not w.isHidden()]
    current = list(card.buttons.values())
    assert [b for b in shown if isinstance(b, QPushButton) and b not in current] == []
    assert sum(isinstance(w, QLabel) and w.text() == "典型案例" for w in shown) == 0
