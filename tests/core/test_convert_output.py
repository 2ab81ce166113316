"""Writing: clean YAML in the documented key order, atomic files, formats chosen sensibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from jgstudy.core.banks import load_bank
from jgstudy.core.convert import ConvertError, convert, detect_format
from jgstudy.core.paths import bundled_banks

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
DATA = Path(__file__).parents[1] / "data" / "convert"


def test_yaml_output_has_schema_line_and_documented_key_order(tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    convert(DATA / "utf8-bom.csv", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[1:4] == ["format: 1", "id: utf8-bom", "title: utf8-bom"]
    block = text.split("  - id: bom-2\n")[1]
    keys = [
        line.split(":")[0].strip()
        for line in block.splitlines()
        if line.startswith("    ") and not line.startswith("      ")
    ]
    assert keys == ["type", "stem", "reference", "keywords", "explanation", "difficulty"]


def test_yaml_schema_line_points_at_the_schema_from_the_bank_folder() -> None:
    from jgstudy.core.convert.yaml_out import bank_yaml

    bank = load_bank(SAMPLE).bank
    target = bundled_banks() / "wh2025" / "new.yaml"
    first = bank_yaml(bank, target).splitlines()[0]
    bundled = (bundled_banks() / "wh2025" / "00-overview.yaml").read_text(encoding="utf-8")
    assert first == bundled.splitlines()[0]


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bank.yaml"
    convert(SAMPLE, out)
    old = out.read_text(encoding="utf-8")

    def broken(src: str, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("jgstudy.core.convert.api.os.replace", broken)
    with pytest.raises(OSError):
        convert(SAMPLE, out)
    assert out.read_text(encoding="utf-8") == old
    assert list(tmp_path.iterdir()) == [out]


def test_nothing_is_written_when_no_row_converts(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("题干,题型,答案\n问？,论述,x\n", encoding="utf-8")
    report = convert(source, tmp_path / "bad.yaml")
    assert not report.written and report.count == 0
    assert report.problems[-1].message == "没有可以转换的题目，未写出文件"
    assert not (tmp_path / "bad.yaml").exists()


def test_invalid_yaml_input_reports_its_own_problems(tmp_path: Path) -> None:
    broken = Path(__file__).parents[1] / "data" / "broken" / "broken.yaml"
    report = convert(broken, tmp_path / "b.xlsx")
    assert not report.written
    assert str(report.problems[0]) == f"{broken}:9:13: 答案 D 不在选项中（选项为 A、B、C）"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.yml", "yaml"),
        ("a.XLSX", "xlsx"),
        ("a.csv", "csv"),
        ("a.gift", "gift"),
        ("a.aiken", "aiken"),
    ],
)
def test_format_from_extension(name: str, fmt: str) -> None:
    assert detect_format(Path(name), None, reading=False) == fmt


def test_txt_input_is_told_apart_by_content() -> None:
    assert detect_format(DATA / "sample-aiken.txt", None, reading=True) == "aiken"


def test_unusable_requests_are_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ConvertError, match=r"\.xls"):
        detect_format(Path("老题库.xls"), None, reading=True)
    with pytest.raises(ConvertError, match="--to"):
        convert(SAMPLE, tmp_path / "out.doc")
    with pytest.raises(ConvertError, match="找不到输入文件"):
        convert(tmp_path / "none.csv", tmp_path / "out.yaml")
    with pytest.raises(ConvertError, match="同一个文件"):
        convert(SAMPLE, SAMPLE)
