"""YAML → xlsx/CSV → YAML keeps every question identical, including awkward texts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jgstudy.core.banks import load_bank
from jgstudy.core.convert import convert
from jgstudy.core.model import Bank
from jgstudy.core.paths import bundled_banks

BUNDLED = sorted(bundled_banks().glob("wh2025/*.yaml"))

TRICKY = """\
format: 1
id: tricky
title: 难转换的题库
description: |-
  第一段。
  第二段：含冒号与 # 号
version: "2.0"
authors: [张三, 李四]
source: {title: 材料, file: 材料.docx, date: "2025-06"}
tags: [总览]
multiple_scoring: partial
questions:
  - id: t-1
    type: single
    stem: |-
      下列哪个是公式形式的文字？
      （第二行）
    options: {A: "=SUM(A1:A3)", B: "+86", C: "-5", D: "@all"}
    answer: A
    explanation: "'以引号开头的解析"
    tags: [公式, 安全]
    difficulty: 5
    points: 2.5
    source: {locator: 第一部分, quote: 原文}
    image: img/a.png
  - id: t-2
    type: multiple
    stem: 顺序写作 C、A 的答案
    options: {A: 甲, B: 乙, C: 丙}
    answer: [C, A]
    explanation: 答案顺序保留。
  - id: t-3
    type: judge
    stem: "-5 是负数。"
    answer: false
    explanation: 是负数，本题故意判错。
  - id: t-4
    type: fill
    stem: 共{{1}}场，占（ ）。
    blanks: [["３１００", "3100"], ["一半"]]
    explanation: 全角数字也保留。
  - id: t-5
    type: short
    stem: 简述。
    reference: "=不是公式"
    keywords:
      - {word: 总抓手, points: 2, aliases: [凝心铸魂, 对标争先]}
      - {word: 五个中心}
    explanation: 关键词带分值与别名。
"""


@pytest.fixture
def tricky_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "a.png").write_bytes(b"\x89PNG")
    path = folder / "tricky.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    return path


def _round_trip(source: Path, folder: Path, middle: str) -> tuple[Bank, Bank]:
    folder.mkdir(exist_ok=True)
    (folder / "img").mkdir(exist_ok=True)
    (folder / "img" / "a.png").write_bytes(b"\x89PNG")
    sheet = folder / f"{source.stem}-middle.{middle}"
    back = folder / f"{source.stem}.yaml"
    first = convert(source, sheet)
    second = convert(sheet, back)
    assert first.problems == () and second.problems == (), [*first.problems, *second.problems]
    return load_bank(source).bank, load_bank(back).bank


@pytest.mark.parametrize("bank_file", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_bank_survives_xlsx_round_trip(bank_file: Path, tmp_path: Path) -> None:
    original, back = _round_trip(bank_file, tmp_path / "out", "xlsx")
    assert len(back.questions) == len(original.questions) > 0
    for before, after in zip(original.questions, back.questions, strict=True):
        assert after == before, before.id
    assert back == original  # bank information too, through the 题库信息 sheet


def test_tricky_bank_survives_xlsx_round_trip(tricky_bank: Path, tmp_path: Path) -> None:
    original, back = _round_trip(tricky_bank, tmp_path / "out", "xlsx")
    assert back == original


def test_tricky_questions_survive_csv_round_trip(tricky_bank: Path, tmp_path: Path) -> None:
    original, back = _round_trip(tricky_bank, tmp_path / "out", "csv")
    assert back.questions == original.questions  # CSV keeps no bank information


def test_yaml_to_yaml_is_stable(tricky_bank: Path, tmp_path: Path) -> None:
    original, back = _round_trip(tricky_bank, tmp_path / "out", "yaml")
    assert back == original
    again = tmp_path / "out" / "again.yaml"
    convert(tmp_path / "out" / "tricky.yaml", again)
    lines = again.read_text(encoding="utf-8").splitlines()
    assert (
        lines[1:] == (tmp_path / "out" / "tricky.yaml").read_text(encoding="utf-8").splitlines()[1:]
    )


def test_exported_xlsx_has_no_formula_cells(tricky_bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    convert(tricky_bank, out)
    book = load_workbook(out)
    sheet = book["题目"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "=SUM(A1:A3)" in [c.value for c in cells]
    info = {row[0].value: row[1].value for row in book["题库信息"].iter_rows(min_row=2)}
    assert info["编号"] == "tricky" and info["多选计分"] == "partial"


def test_exported_csv_neutralises_formula_like_text(tricky_bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    convert(tricky_bank, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    texts = [cell for row in rows[1:] for cell in row]
    assert "'=SUM(A1:A3)" in texts and "'-5 是负数。" in texts and "''以引号开头的解析" in texts
    assert not [t for t in texts if t and t[0] in "=+-@"]


def test_export_header_and_answer_syntax(tricky_bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    convert(tricky_bank, out)
    rows = list(load_workbook(out)["题目"].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:3] == ["编号", "题干", "题型"]
    assert header[3:11] == [f"选项{k}" for k in "ABCDEFGH"]
    answers = {row[0]: row[header.index("正确答案")] for row in rows[1:]}
    assert answers == {
        "t-1": "A",
        "t-2": "CA",
        "t-3": "错误",
        "t-4": "３１００|3100；一半",
        "t-5": "=不是公式",
    }
    types = [row[header.index("题型")] for row in rows[1:]]
    assert types == ["单选", "多选", "判断", "填空", "简答"]
