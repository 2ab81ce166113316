"""The home page's weakest tags: enough answers to judge, worst first, never a perfect one."""

from __future__ import annotations

from jgstudy.core.stats import NO_TAG, TagAccuracy, weakest_tags


def test_weakest_first_with_enough_answers() -> None:
    tags = [
        TagAccuracy("党建", reviews=10, correct=9),
        TagAccuracy("廉政", reviews=8, correct=2),
        TagAccuracy("法规", reviews=2, correct=0),  # two answers say little
        TagAccuracy("经济", reviews=6, correct=3),
        TagAccuracy("生态", reviews=5, correct=5),  # all right: not weak
        TagAccuracy(NO_TAG, reviews=30, correct=1),
        TagAccuracy("文化", reviews=12, correct=6),  # as weak as 经济, answered more
    ]
    assert [t.tag for t in weakest_tags(tags)] == ["廉政", "文化", "经济", "党建"]
    assert [t.tag for t in weakest_tags(tags, count=2)] == ["廉政", "文化"]
    assert weakest_tags([]) == []
