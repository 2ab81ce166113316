"""``jgstudy convert``: what a trainer sees, and the exit codes scripts rely on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.core.banks import load_bank

DATA = Path(__file__).parents[1] / "data"


def test_bad_gbk_csv_prints_each_problem_by_row_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "题库.csv"
    shutil.copy(DATA / "convert" / "gbk-bad-rows.csv", source)
    out = tmp_path / "题库.yaml"
    assert main(["convert", str(source), str(out)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert f"{source}:6: 答案 E 不在选项中（选项为 A、B、C、D）" in lines
    assert f"{source}:8: 未知题型“论述题”，应为 单选、多选、判断、填空 或 简答" in lines
    assert f"{source}:1: 未识别的列：备注（已忽略）" in lines
    numbered = [line.removeprefix(f"{source}:").split(":")[0] for line in lines]
    rows = [int(n) for n in numbered if n.isdigit()]
    assert rows == sorted(rows)  # the trainer works down the sheet
    assert "已转换 5 题" in captured.err and "4 个问题" in captured.err
    assert len(load_bank(out).bank.questions) == 5  # the good rows are written


def test_clean_conversion_exits_0_with_a_summary(
    capsys: pytest.CaptureFixture[str], sample_bank: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sample.xlsx"
    assert main(["convert", str(sample_bank), str(out)]) == 0
    assert f"已转换 6 题 → {out}。" in capsys.readouterr().out
    back = tmp_path / "back.yaml"
    assert main(["convert", str(out), str(back), "--title", "新标题"]) == 0
    assert load_bank(back).bank.title == "新标题"


def test_formats_can_be_named_explicitly(
    capsys: pytest.CaptureFixture[str], sample_bank: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export.txt"
    assert main(["convert", str(sample_bank), str(out), "--to", "gift"]) in (0, 1)
    assert "::" in out.read_text(encoding="utf-8")


def test_unusable_input_is_an_error_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["convert", str(tmp_path / "无.xls"), str(tmp_path / "o.yaml")]) == 2
    assert capsys.readouterr().err.startswith("错误：找不到输入文件")


def test_import_of_a_spreadsheet_says_to_convert_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "题库.csv"
    sheet.write_text("题干,题型,正确答案\n问题,判断,对\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import", str(sheet)]) != 0
    err = capsys.readouterr().err
    assert "jgstudy convert" in err and "题库 → 导入" in err and "YAML" in err
    assert "Traceback" not in err
