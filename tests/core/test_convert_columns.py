"""Header names as trainers' spreadsheets write them map onto the template's columns."""

from __future__ import annotations

import pytest

from jgstudy.core.convert.columns import Col, column_for, map_headers


@pytest.mark.parametrize(
    ("header", "col"),
    [
        ("题干", Col.STEM),
        ("题干（必填）", Col.STEM),
        ("*题型", Col.TYPE),
        ("题型(必填)", Col.TYPE),
        ("选项A", Col.A),
        ("选项 A", Col.A),
        ("选项Ａ", Col.A),
        ("选项（B）", Col.B),
        ("Ｃ", Col.C),
        ("h", Col.H),
        ("正确答案", Col.ANSWER),
        ("答案", Col.ANSWER),
        ("参考答案", Col.ANSWER),
        ("ID", Col.ID),
        ("题号", Col.SEQ),
        ("章节", Col.TAGS),
        ("难度", Col.DIFFICULTY),
        ("分值", Col.POINTS),
        ("原文引用", Col.QUOTE),
    ],
)
def test_header_variants_are_understood(header: str, col: Col) -> None:
    assert column_for(header) is col


def test_unknown_and_repeated_headers_are_reported_not_guessed() -> None:
    mapping = map_headers(["题干", "题型", "答案", "正确答案", "备注", "", "选项I"])
    assert mapping.columns == {Col.STEM: 0, Col.TYPE: 1, Col.ANSWER: 2}
    assert mapping.repeated == ["正确答案"]
    assert mapping.unknown == ["备注", "选项I"]
