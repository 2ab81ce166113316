"""read_source: one Conversion for every source; ids kept across renumbered versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from jgstudy.core.convert import ConvertError, convert, read_source
from jgstudy.core.convert.ids import existing_from_file

HEADER = "题号,题干,题型,选项A,选项B,正确答案,解析\n"
ROWS = {
    "建党": "党的一大在哪一年召开？,单选,1921年,1949年,A,一大于1921年召开。",
    "遵义": "遵义会议召开于哪一年？,单选,1935年,1937年,A,1935年1月。",
    "宗旨": "党的根本宗旨是全心全意为人民服务。,判断,,,正确,党章规定。",
    "新增": "新中国成立于哪一年？,单选,1949年,1950年,A,1949年10月1日。",
}


def _sheet(path: Path, keys: list[str]) -> Path:
    lines = [f"{n},{ROWS[k]}" for n, k in enumerate(keys, start=1)]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_conversion_locates_refusals_and_keeps_the_rest(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text(HEADER + f"1,{ROWS['建党']}\n2,没有题型的题,,,,A,\n", encoding="utf-8")
    conversion = read_source(source)
    assert conversion.format == "csv"
    assert [item.row for item in conversion.ready] == [2]
    assert [(p.row, "题型" in p.message) for p in conversion.refused] == [(3, True)]
    assert any("题号" in p.message for p in conversion.notices)


def test_renumbered_version_keeps_ids_by_stem(tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    convert(_sheet(tmp_path / "v1.csv", ["建党", "遵义", "宗旨"]), out)
    v1 = existing_from_file(out)
    assert v1 is not None
    ids = {q.stem: q.id for q in v1.questions}
    convert(_sheet(tmp_path / "v2.csv", ["建党", "新增", "遵义"]), out)
    v2 = existing_from_file(out)
    assert v2 is not None and v2.id == v1.id
    for question in v2.questions:
        if question.stem in ids:
            assert question.id == ids[question.stem]
    assert len({q.id for q in v2.questions}) == 3
    conversion = read_source(tmp_path / "v2.csv", existing=v1)
    assert conversion.ids is not None
    assert len(conversion.ids.matched) == 2 and len(conversion.ids.new) == 1
    assert conversion.ids.vanished == (ids["党的根本宗旨是全心全意为人民服务。"],)


def test_missing_source_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConvertError):
        read_source(tmp_path / "none.csv")


def test_a_broken_existing_output_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    out.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    with pytest.raises(ConvertError, match="不是有效的题库"):
        convert(_sheet(tmp_path / "v1.csv", ["建党"]), out)
    assert out.read_text(encoding="utf-8") == "format: 1\nid: [broken\n"
