"""English sentences and counts as a reader expects them: spaced sentences, one time, two times."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from jgstudy.core.session import Summary
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.panels import SummaryPanel

END = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
SUMMARY = Summary(
    answered=3, correct=1, duration_ms=60_000, next_due=None, finished_at=END, due_now=12
)


def test_english_sentences_are_spaced(qtbot: QtBot, english: None) -> None:
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.show_summary(SUMMARY)
    text = panel.message.text()
    assert text.startswith("1 right, 2 wrong. Wrong answers"), text
    assert ". 12 questions are due now" in text, text


def test_chinese_sentences_follow_on(qtbot: QtBot) -> None:
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.show_summary(SUMMARY)
    assert "答错 2 题。答错的题已收进错题本" in panel.message.text()


def test_the_mistake_detail_counts_one_time_in_english(english: None) -> None:
    """错题本's detail read "Wrong 1 times"."""
    text = tr("答错 {count} 次（{times}）；最近一次答的是：{answer}")
    assert text.format(count=1, times="2026-12-05", answer="A").startswith("Wrong 1 time (")
    assert text.format(count=3, times="…", answer="A").startswith("Wrong 3 times (")
