"""The 预测 page: what a cadre reads off the simulator and the true retention table."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from dberrors import FULL, failing
from jgstudy.core.clock import FixedClock
from jgstudy.core.records import UserInfo
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.forecast import ForecastView
from jgstudy.gui.pages import View

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
QUESTIONS = 120
STUDIED = 20
SECONDS = 30  # per answer: two answers a minute


@pytest.fixture
def cadre(services: Services, clock: FixedClock, tmp_path: Path) -> UserInfo:
    """A cadre of a 120-question judge bank with a known history of 50 answers:

    day 0: questions 0–19 met, all right;
    day 1 (a 1-day interval): 0–13 right, 14–19 wrong → 14 of 20 passed;
    day 4 (a 3-day interval): 0–9 again, 0–8 right, 9 wrong → 9 of 10 passed.
    """
    lines = ["format: 1\nid: fc\ntitle: 预测测试\nmultiple_scoring: partial\nquestions:\n"]
    lines += [
        f"  - {{id: j{i}, type: judge, stem: 第{i}号规定自发布之日起施行。, answer: true,"
        f" explanation: 第{i}号规定的施行日期。}}\n"
        for i in range(QUESTIONS)
    ]
    bank = tmp_path / "fc.yaml"
    bank.write_text("".join(lines), encoding="utf-8")
    study = services.study
    study.import_banks([bank])
    user = study.ensure_user("赵六", "市委办")
    pks = sorted(study.practice_queue(user, new_per_day=QUESTIONS, limit=QUESTIONS))
    assert len(pks) == QUESTIONS

    def answer(index: int, right: bool) -> None:
        study.record(user.id, study.question(pks[index]), right, SECONDS * 1000)

    for i in range(STUDIED):
        answer(i, True)
    clock.advance(days=1)
    for i in range(STUDIED):
        answer(i, i < 14)
    clock.advance(days=3)
    for i in range(10):
        answer(i, i < 9)
    return user


def shown(qtbot: QtBot, window: MainWindow) -> ForecastView:
    window.navigate(View.FORECAST)
    page = window.forecast
    qtbot.waitUntil(lambda: not page.busy and page.result is not None, timeout=20_000)
    return page


def recall_shown(qtbot: QtBot, page: ForecastView, minutes: int) -> int:
    before = page.result
    page.minutes.setValue(minutes)
    qtbot.waitUntil(lambda: not page.busy and page.result is not before, timeout=20_000)
    found = re.search(r"每天 (\d+) 分钟 → \S+ 预计掌握 (\d+)%", page.headline.text())
    assert found is not None, page.headline.text()
    assert int(found.group(1)) == minutes
    return int(found.group(2))


def test_more_minutes_a_day_show_a_higher_recall_on_the_date(
    qtbot: QtBot, window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    target = services.study.study_day() + timedelta(days=30)
    services.plans.set_target(cadre, target, 0.9, actor="赵六")
    page = shown(qtbot, window)
    assert page.until.date().toPython() == target  # the saved target is the simulator's date
    none = recall_shown(qtbot, page, 0)
    # 0 minutes: the 100 questions never met are counted as not recalled
    assert "还有 100 题没学过" in page.details.text()
    recalls = [none, recall_shown(qtbot, page, 2), recall_shown(qtbot, page, 10)]
    assert recalls[0] < recalls[1] < recalls[2]
    assert "尚未学过的 100 题都能在目标日期前学到" in page.details.text()
    assert "用时按本人每题用时的中位数 30 秒估计" in page.details.text()
    # the daily load chart: reviews, new questions and extra reviews for each day to the date
    assert [name for name, _v in page.load.stacks] == ["复习", "新题", "提前复习"]
    assert len(page.load.categories) == 30
    assert page.curve.values == sorted(page.curve.values)


def test_without_a_target_the_simulator_offers_a_date_a_month_ahead(
    qtbot: QtBot, window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    page = shown(qtbot, window)
    assert page.until.date().toPython() == services.study.study_day() + timedelta(days=30)
    assert "预计掌握" in page.headline.text()
    assert services.plans.settings(cadre).target_date is None  # simulating saves nothing


def test_the_retention_table_shows_the_pass_rates_of_the_history(
    qtbot: QtBot, window: MainWindow, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    page = shown(qtbot, window)
    rows = {row[0]: row[1:] for row in page.retention_card.texts()}
    assert list(rows) == ["1 天", "2–3 天", "4–7 天", "8–14 天", "15–30 天", "31 天以上"]
    for cell in rows["1 天"]:  # the same two days in the last 7, the last 30 and all time
        assert cell.startswith("70%（预测 ") and cell.endswith("\n20 次")
    for cell in rows["2–3 天"]:
        assert cell.startswith("90%（预测 ") and cell.endswith("\n10 次")
    assert rows["31 天以上"] == ["—", "—", "—"]
    verdict = page.retention_card.verdict.text()
    assert verdict.startswith("共 30 次隔天复习，实际通过 77%") and "次数还少" in verdict


def test_the_plan_card_on_home_leads_to_the_forecast(
    window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.navigate(View.HOME)
    card = window.home.plan_card
    assert card is not None
    card.forecast_button.click()
    assert window.current_view() is View.FORECAST


def texts_of(page: ForecastView) -> list[str]:
    found: list[str] = []
    for label in page.findChildren(QLabel):
        found.append(label.text())
    for button in page.findChildren(QAbstractButton):
        found.append(button.text())
    for spin in page.findChildren(QAbstractSpinBox):
        found.append(spin.text())
    for table in page.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            head = table.verticalHeaderItem(r)
            found.append(head.text() if head else "")
            found += [item.text() for c in range(table.columnCount()) if (item := table.item(r, c))]
        for c in range(table.columnCount()):
            head = table.horizontalHeaderItem(c)
            found.append(head.text() if head else "")
    found += page.curve.categories + page.load.categories + [n for n, _v in page.load.stacks]
    return [text for text in found if text]


def test_the_english_forecast_page_has_no_chinese(
    english: None,
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    services: Services,
    cadre: UserInfo,
) -> None:
    window = make_window()
    window.set_user(cadre)
    services.plans.set_target(cadre, date(2026, 4, 20), 0.95, actor="赵六")
    page = shown(qtbot, window)
    page.minutes.setValue(0)
    qtbot.waitUntil(lambda: not page.busy and "0 min a day" in page.headline.text())
    texts = texts_of(page)
    assert any("predicted recall on 2026-04-20" in t for t in texts), texts
    assert any(t.startswith("70% (predicted ") for t in texts)
    chinese = [t for t in texts if CJK.search(t)]
    assert not chinese, chinese


def test_a_date_that_has_passed_while_the_page_was_open_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, clock: FixedClock, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    page = shown(qtbot, window)
    before = page.result
    clock.advance(days=40)  # the page's date (a month ahead) is now in the past
    page.recompute()
    qtbot.waitUntil(lambda: not page.busy and "须在今天之后" in page.headline.text())
    assert page.result is before and page.details.text() == ""


def test_a_full_disk_while_simulating_is_one_sentence(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    cadre: UserInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The simulation reads the cadre's history; a database that fails says what to do, not
    SQLAlchemy's text with the SQL in it."""
    window.set_user(cadre)
    page = shown(qtbot, window)
    monkeypatch.setattr(services.plans, "simulate", failing(FULL))
    page.minutes.setValue(page.minutes.value() + 5)
    page.recompute()
    qtbot.waitUntil(lambda: not page.busy and "计算失败" in page.headline.text())
    assert page.headline.text() == "计算失败：磁盘空间已满，无法写入。请清理磁盘后重试。"
