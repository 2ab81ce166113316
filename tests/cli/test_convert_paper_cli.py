"""``jgstudy convert PAPER.docx|.txt OUT.yaml``: detected without options, reported to the trainer."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from jgstudy.cli.main import main
from jgstudy.core.banks import load_bank

PAPER = "党纪知识测试\n一、单项选择题\n1、党的一大在（ ）召开。\nA．上海 B．嘉兴\n答案：A\n2、没有答案的题（ ）\nA．甲 B．乙\n"


def test_word_paper_is_detected_and_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = docx.Document()
    for line in PAPER.splitlines():
        document.add_paragraph(line)
    source, out = tmp_path / "试卷.docx", tmp_path / "试卷.yaml"
    document.save(str(source))
    assert main(["convert", str(source), str(out)]) == 1
    captured = capsys.readouterr()
    assert f"{source}: 识别出 1 题（单选 1）；1 题未转换，原因见各行" in captured.out
    assert f"{source}:6: 第 2 题（“没有答案的题（ ）”）：没有找到答案，未转换" in captured.out
    bank = load_bank(out).bank
    assert bank.title == "党纪知识测试"
    assert [q.stem for q in bank.questions] == ["党的一大在（ ）召开。"]


def test_text_paper_in_gbk_is_detected(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source, out = tmp_path / "试卷.txt", tmp_path / "试卷.yaml"
    source.write_bytes(PAPER.replace("\n", "\r\n").encode("gbk"))
    assert main(["convert", str(source), str(out)]) == 1
    assert len(load_bank(out).bank.questions) == 1
    assert "识别出 1 题" in capsys.readouterr().out


def test_paper_can_be_forced_and_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "试卷.aiken"  # named as Aiken, but a paper
    source.write_text(PAPER.replace("2、没有答案的题（ ）\nA．甲 B．乙\n", ""), encoding="utf-8")
    out = tmp_path / "试卷.yaml"
    assert main(["convert", str(source), str(out), "--from", "paper"]) == 0
    assert main(["convert", str(out), str(tmp_path / "x.docx")]) == 2
    assert "无法从扩展名判断 x.docx 的格式" in capsys.readouterr().err
