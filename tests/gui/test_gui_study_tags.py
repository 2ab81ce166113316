"""The tag line above an open question never names an option or the answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from jgstudy.core.service import StudyService
from jgstudy.gui.practice.card import QuestionCard

LEAKY = Path(__file__).resolve().parents[1] / "data" / "lint" / "leaky.yaml"


def test_the_card_hides_a_tag_that_is_the_answer(qtbot: QtBot, service: StudyService) -> None:
    service.import_banks([LEAKY])
    user = service.ensure_user("甲")
    pks = service.practice_queue(user, mode="new", new_per_day=100)
    record = next(r for r in service.questions(pks) if r.question.id == "fn-001")
    assert "先锋直播间" in record.tags
    card = QuestionCard(record, "会泄露答案的题库")
    qtbot.addWidget(card)
    header = " ".join(label.text() for label in card.findChildren(QLabel) if "难度" in label.text())
    assert "清廉机关" in header  # the bank's tag still shows
    assert "先锋直播间" not in header
