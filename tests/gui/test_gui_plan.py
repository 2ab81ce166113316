"""设置's target and personal parameters, and the 首页 plan card, in the main window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from dberrors import LOCKED, failing
from jgstudy.core.records import UserInfo
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow


def test_a_target_set_in_settings_shows_its_plan_on_home(
    window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.navigate("home")
    card = window.home.plan_card
    assert card is not None and "还没有设定目标日期" in card.body.text()
    window.navigate("settings")
    plan_settings = window.settings.plan_card
    assert plan_settings is not None
    plan_settings.has_date.setChecked(True)
    plan_settings.target_date.setDate(QDate(2026, 4, 20))
    plan_settings.recall.setValue(0.85)
    plan_settings.save_button.click()
    assert services.plans.settings(cadre).target_date == date(2026, 4, 20)
    assert services.plans.settings(cadre).target_recall == 0.85
    window.navigate("home")
    text = card.body.text()
    assert "2026-04-20" in text and "（目标 85%）" in text and "每天学新题" in text


def test_fitting_without_enough_history_says_so_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.navigate("settings")
    plan_settings = window.settings.plan_card
    assert plan_settings is not None
    plan_settings.optimize_button.click()
    qtbot.waitUntil(lambda: "至少需要 400 次" in plan_settings.fit_note.text())
    assert plan_settings.optimize_button.isEnabled()
    assert services.plans.settings(cadre).parameters is None
    assert services.plans.events(cadre) == []


def test_a_retention_change_is_logged_for_the_cadre(
    window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.settings.retention.setValue(0.85)
    (event,) = services.plans.events(cadre)
    assert (event.kind, event.actor, event.before, event.after) == (
        "retention",
        "张三",
        "0.90",
        "0.85",
    )


def test_a_past_target_date_is_refused_in_plain_words(
    window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    plan_settings = window.settings.plan_card
    assert plan_settings is not None
    plan_settings.has_date.setChecked(True)
    plan_settings.target_date.setDate(QDate(2020, 1, 1))
    plan_settings.save_button.click()
    assert "须在今天之后" in plan_settings.fit_note.text()
    assert services.plans.settings(cadre).target_date is None


def test_a_fit_on_a_locked_database_says_so_in_one_sentence(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    cadre: UserInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services.plans, "optimize", failing(LOCKED))
    window.set_user(cadre)
    window.navigate("settings")
    plan_settings = window.settings.plan_card
    assert plan_settings is not None
    plan_settings.optimize_button.click()
    qtbot.waitUntil(lambda: "参数未改变" in plan_settings.fit_note.text())
    note = plan_settings.fit_note.text()
    assert note == "拟合失败，参数未改变：数据库正被其他程序长时间占用，请稍后再试。"
