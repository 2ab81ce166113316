"""题库 → 导入 in the English UI: the preview's refusals and notices read in English, located.

Real-shaped sources with mistakes: a 考试宝 workbook (header cells with line breaks and notes, a
merged 题型 cell, a bad answer letter, an unknown type, a bad judgement, an unknown difficulty),
a Moodle GIFT file (a matching question, a numerical tolerance, an unclosed brace) and a text
paper with a question that has no answer. Chinese may remain only where the file's own text is
quoted (“…”) or named (sheet names); the Chinese UI shows exactly the Chinese it always did.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from jgstudy.core.service import StudyService
from jgstudy.gui.banks import BanksPanel
from jgstudy.gui.importpreview import ImportPreview
from jgstudy.gui.workers import BankImporter
from sheetkit import save, template_sheet, version_sheet

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
QUOTED = re.compile(r"“[^”]*”")
SHEET_NAMES = ("题目", "版本号")

ROWS = [
    ["党的一大召开于（ ）。", "单选", "上海", "嘉兴", "", "", "", "", "", "", "A", "一大。",
     "一、党的创立", "适中"],
    ["党的二大召开于（ ）。", None, "上海", "杭州", "", "", "", "", "", "", "Z", "二大。", "", ""],
    ["把左右两边连起来。", "连线题", "甲", "乙", "", "", "", "", "", "", "A", "", "", ""],
    ["党员有退党的自由。", "判断", "", "", "", "", "", "", "", "", "也许", "党章。", "", ""],
    ["党的根本宗旨是什么？", "简答", "", "", "", "", "", "", "", "", "全心全意为人民服务", "",
     "", "超级难"],
]  # fmt: skip

GIFT = """// 党史练习（Moodle 导出）
::一大::党的一大在哪里召开？{=上海 ~北京 ~广州}

::配对::请配对 {=甲 -> 1 =乙 -> 2}

::数值::党的一大召开于哪一年？{#1921:1}

::未闭合::这道题少了右括号{=对 ~错

::党章::党章是什么？{=党的根本大法 ~普通文件}
"""

PAPER = """党纪学习教育测试
一、单项选择题
1、党的一大在（ ）召开。
A．上海 B．嘉兴
答案：A
2、这道题没有答案（ ）
A．甲 B．乙
二、判断题
1、党员有退党的自由。（√）
"""


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "题目"
    template_sheet(ws, ROWS)
    ws.merge_cells("B3:B4")  # 单选 merged down over the next question's 题型
    version_sheet(wb)
    return save(wb, path)


@pytest.fixture
def panel(qtbot: QtBot, service: StudyService, tmp_path: Path) -> BanksPanel:
    widget = BanksPanel(
        service, BankImporter(service), tmp_path / "imported", confirm=lambda *_a: True
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


Rows = list[tuple[str, str]]


def _previewed(qtbot: QtBot, panel: BanksPanel, path: Path) -> tuple[Rows, Rows, Rows]:
    """(ready, refused, notices) as the desktop's preview shows them; the import is cancelled."""
    shown: list[tuple[Rows, Rows, Rows]] = []

    def look(dialog: ImportPreview) -> bool:
        shown.append(
            (
                _rows(dialog.ready_table, 3),
                _rows(dialog.refused_table, 1),
                _rows(dialog.notice_table, 1),
            )
        )
        return False

    panel._preview = look
    with qtbot.waitSignal(panel._importer.finished, timeout=20_000):
        assert panel.preview_file(path)
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]


def _rows(table: QTableWidget, column: int) -> Rows:
    return [
        (table.item(r, 0).text(), table.item(r, column).text()) for r in range(table.rowCount())
    ]


def _outside_quotes(text: str) -> str:
    text = QUOTED.sub("", text)
    for name in SHEET_NAMES:
        text = text.replace(name, "")
    return text


def _assert_english(rows: Rows) -> None:
    for place, message in rows:
        assert not CJK.search(_outside_quotes(place)), place
        assert not CJK.search(_outside_quotes(message)), message


@pytest.mark.usefixtures("english")
def test_a_broken_workbook_reads_in_english_with_sheet_and_row(
    qtbot: QtBot, panel: BanksPanel, tmp_path: Path
) -> None:
    ready, refused, notices = _previewed(qtbot, panel, _workbook(tmp_path / "题库.xlsx"))
    assert dict(refused) == {
        "sheet “题目”, row 4": "The answer Z is not among the options (A, B)",
        "sheet “题目”, row 5": "Unknown type “连线题”; write “单选、多选、判断、填空 或 简答”",
        "sheet “题目”, row 6": (
            "A true/false answer should be “正确” or “错误” (or “对/错、√/×、T/F”), not “也许”"
        ),
    }
    assert (
        "sheet “题目”, row 4",
        "Cell B4 is part of the merged cells B3:B4; read as their text “单选”",
    ) in notices
    difficulty = [m for p, m in notices if p == "sheet “题目”, row 7"]
    assert difficulty and difficulty[0].startswith("The difficulty column “难度” says “超级难”")
    assert ("Whole file", "Sheets read: 题目; skipped (no question header): 版本号") in notices
    assert [place for place, _notice in ready] == ["sheet “题目”, row 3", "sheet “题目”, row 7"]
    assert "The difficulty column" in ready[1][1]  # the ready question's own notice
    _assert_english(refused + notices + ready)


@pytest.mark.usefixtures("english")
def test_a_broken_gift_file_reads_in_english_with_line_and_column(
    qtbot: QtBot, panel: BanksPanel, tmp_path: Path
) -> None:
    path = tmp_path / "党史.gift"
    path.write_text(GIFT, encoding="utf-8")
    ready, refused, notices = _previewed(qtbot, panel, path)
    assert refused == [
        (
            "line 4",
            "The answer part is not understood: each option should start with = or ~ "
            "(matching questions are not supported)",
        ),
        (
            "line 8, column 16",
            "The answer part's “{” has no matching “}”; this question was not converted "
            "(the next one is read as usual)",
        ),
    ]
    assert ("line 6", "The numerical tolerance ±1 is not kept; only 1921 is accepted") in notices
    assert [place for place, _notice in ready] == ["line 2", "line 6", "line 10"]
    _assert_english(refused + notices + ready)


@pytest.mark.usefixtures("english")
def test_a_paper_with_a_refused_question_reads_in_english(
    qtbot: QtBot, panel: BanksPanel, tmp_path: Path
) -> None:
    path = tmp_path / "试卷.txt"
    path.write_text(PAPER, encoding="utf-8")
    ready, refused, notices = _previewed(qtbot, panel, path)
    assert refused == [
        ("line 6", "Question 2 (“这道题没有答案（ ）”): no answer found; not converted")
    ]
    texts = [message for _place, message in notices]
    assert (
        "2 questions found (Single choice 1, True/false 1); 1 not converted, see each line for why"
        in texts
    )
    assert "Answers taken from: answer line: 1, stem bracket: 1" in texts
    assert [place for place, _notice in ready] == ["line 3", "line 9"]
    _assert_english(refused + notices + ready)


def test_the_chinese_preview_is_unchanged(qtbot: QtBot, panel: BanksPanel, tmp_path: Path) -> None:
    _ready, refused, notices = _previewed(qtbot, panel, _workbook(tmp_path / "题库.xlsx"))
    assert refused[0] == ("工作表“题目”第 4 行", "答案 Z 不在选项中（选项为 A、B）")
    assert (
        "工作表“题目”第 4 行",
        "单元格 B4 属于合并单元格 B3:B4，按合并内容“单选”读取",
    ) in notices
    assert ("整个文件", "读取了工作表：题目；跳过（没有题目表头）：版本号") in notices


@pytest.mark.usefixtures("english")
def test_a_word_question_table_names_the_table_and_row(
    qtbot: QtBot, panel: BanksPanel, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_paragraph("党史测试")
    table = document.add_table(rows=3, cols=5)
    for row, cells in enumerate(
        [
            ["题型", "题干", "选项A", "选项B", "答案"],
            ["单选", "党的一大在（ ）召开。", "上海", "嘉兴", "A"],
            ["单选", "党的二大在（ ）召开。", "上海", "杭州", ""],
        ]
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    path = tmp_path / "试卷.docx"
    document.save(str(path))
    ready, refused, notices = _previewed(qtbot, panel, path)
    assert len(ready) == 1 and len(refused) == 1
    place, message = refused[0]
    assert place.startswith("line ")  # the paragraph, counted from the top as Word numbers it
    assert message == (
        "Question 2 (“党的二大在（ ）召开。”): no answer found; not converted (table 1, row 3)"
    )
    _assert_english(refused + notices + ready)
