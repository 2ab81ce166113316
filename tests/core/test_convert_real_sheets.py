"""Workbooks as trainers really have them: the 考试宝 template and hand-made sheets.

Each test asserts there is no silent loss: every filled row is a question whose texts read as the
cell showed, or a refusal at its sheet and row; whatever was changed is a notice at its row.
"""

from __future__ import annotations

import io
from datetime import datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.drawing.image import Image

from jgstudy.core.convert import Conversion, read_source
from jgstudy.core.model import FillQuestion, MultipleQuestion, SingleQuestion
from sheetkit import save, template_sheet, tiny_png, version_sheet

D = datetime


def _filled_rows(path: Path) -> set[tuple[str, int]]:
    """(sheet, row) of every row below a header row that has any text: what must be accounted."""
    workbook = load_workbook(path)
    rows = set()
    for sheet in workbook.worksheets:
        header = next(
            (
                r
                for r in range(1, 6)
                if any(str(c.value or "").startswith(("题干", "题目")) for c in sheet[r])
            ),
            None,
        )
        if header is None or sheet.title == "版本号":
            continue
        rows |= {
            (sheet.title, r)
            for r in range(header + 1, sheet.max_row + 1)
            if any(c.value not in (None, "") for c in sheet[r])
        }
    return rows


def _accounted(conversion: Conversion) -> set[tuple[str, int]]:
    ready = {(item.sheet or "", item.row or 0) for item in conversion.ready}
    refused = {(p.sheet or "", p.row or 0) for p in conversion.refused}
    return ready | refused


def _notices_at(conversion: Conversion, sheet: str, row: int) -> list[str]:
    return [p.message for p in conversion.notices if p.sheet == sheet and p.row == row]


@pytest.fixture
def template_book(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "题目"
    template_sheet(
        ws,
        [
            [
                "中国共产党第一次全国代表大会召开于（ ）。",
                "单选",
                D(1921, 7, 1),
                D(1949, 10, 1),
                "1935年",
                "1927年",
                None,
                None,
                None,
                None,
                "A",
                "一大于1921年7月召开。",
                "一、党的创立",
                "适中",
            ],
            [
                "下列属于“五位一体”总体布局的有（ ）。",
                "多选",
                "经济建设",
                "政治建设",
                "文化建设",
                "社会建设",
                "生态文明建设",
                "党的建设",
                "国防建设",
                "外交工作",
                "ABCDE",
                "五位一体。",
                "二、总体布局",
                "较难",
            ],
            [
                "党的生日是____。",
                "填空",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                D(2025, 7, 1),
                "7月1日。",
                "一、党的创立",
                "较易",
            ],
            [
                "会议上午开始的时间是（ ）。",
                "单选",
                time(8, 30),
                time(14, 0),
                0.5,
                0.25,
                None,
                None,
                None,
                None,
                "A",
                "",
                "",
                "高",
            ],
            [
                "某证件号码是（ ）。",
                "单选",
                123456789012345000,  # typed 18 digits: Excel keeps 15
                "无",
                None,
                None,
                None,
                None,
                None,
                None,
                "A",
                "长数字。",
                "",
                "低",
            ],
            [
                "这一行缺少正确答案。",
                "单选",
                "甲",
                "乙",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                "",
                "",
                "中",
            ],
        ],
    )
    # The trainer's cells: Chinese Excel's own formats (stored as built-in ids 57 and 58).
    ws["C3"].number_format = 'yyyy"年"m"月"'
    ws["D3"].number_format = 'yyyy"年"m"月"'
    ws["K5"].number_format = "m-d"
    ws["C6"].number_format = "h:mm"
    ws["D6"].number_format = "h:mm"
    ws["E6"].number_format = "0%"
    ws["F6"].number_format = "0.0%"
    ws["C7"].number_format = "0"
    version_sheet(wb)
    return save(wb, tmp_path / "考试宝题库.xlsx")


def test_template_headers_and_every_option_are_read(template_book: Path) -> None:
    conversion = read_source(template_book)
    assert _filled_rows(template_book) == _accounted(conversion)
    multiple = next(q for q in conversion.questions if isinstance(q, MultipleQuestion))
    assert list(multiple.options) == list("ABCDEFGH")
    assert multiple.answer == ("A", "B", "C", "D", "E")
    assert multiple.difficulty == 4
    first = conversion.ready[0]
    assert first.question.tags == ("一、党的创立",)
    assert first.question.difficulty == 3  # 适中, the template's own word


def test_cells_read_as_the_trainer_sees_them(template_book: Path) -> None:
    conversion = read_source(template_book)
    by_row = {item.row: item.question for item in conversion.ready}
    first = by_row[3]
    assert isinstance(first, SingleQuestion)
    assert first.options["A"] == "1921年7月" and first.options["B"] == "1949年10月"
    fill = by_row[5]
    assert isinstance(fill, FillQuestion) and fill.blanks == (("7-1",),)
    times = by_row[6]
    assert isinstance(times, SingleQuestion)
    assert [times.options[k] for k in "ABCD"] == ["8:30", "14:00", "50%", "25.0%"]
    long_number = by_row[7]
    assert isinstance(long_number, SingleQuestion)
    assert long_number.options["A"] == "123456789012345000"
    assert any("15 位" in n for n in _notices_at(conversion, "题目", 7))
    assert any("1921年7月" in n for n in _notices_at(conversion, "题目", 3))


def test_sheets_read_and_skipped_are_named_and_refusals_located(template_book: Path) -> None:
    conversion = read_source(template_book)
    summary = [p.message for p in conversion.notices if p.row is None]
    assert any("读取了工作表：题目" in m and "版本号" in m for m in summary)
    assert [(p.sheet, p.row) for p in conversion.refused] == [("题目", 8)]
    assert "正确答案" in conversion.refused[0].message


@pytest.fixture
def handmade_book(tmp_path: Path) -> Path:
    """Two question sheets, a merged 题型 cell over three rows, 分值 as "2分", a picture."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "单选"
    ws.append(["题号", "题目", "类型", "A", "B", "C", "D", "答案", "分值", "难度", "解析"])
    ws.append(
        [
            1,
            "党的根本宗旨是（ ）。",
            "单选",
            "为人民服务",
            "发展经济",
            "",
            "",
            "A",
            "2分",
            "很棒",
            "宗旨。",
        ]
    )
    ws.append(
        [2, "党的最高理想是（ ）。", None, "共产主义", "小康", "", "", "A", "2分", "低", "理想。"]
    )
    ws.append([3, "党的性质是（ ）。", None, "先锋队", "社团", "", "", "A", "1", "高", "性质。"])
    ws.merge_cells("C2:C4")
    picture = Image(io.BytesIO(tiny_png()))
    ws.add_image(picture, "E3")
    other = wb.create_sheet("判断")
    other.append(["题号", "题目", "类型", "答案", "解析"])
    other.append([1, "党章规定党员必须履行义务。", "判断", "对", "党章。"])
    other.append([2, "党的二十大召开于2022年。", "判断", "√", "二十大。"])
    notes = wb.create_sheet("说明")
    notes["A1"] = "本表由培训科整理"
    return save(wb, tmp_path / "手工题库.xlsx", chinese_formats=False)


def test_merged_cells_fill_down_and_optional_columns_never_drop(handmade_book: Path) -> None:
    conversion = read_source(handmade_book)
    assert _filled_rows(handmade_book) == _accounted(conversion)
    assert not conversion.refused
    rows = {(i.sheet, i.row): i for i in conversion.ready}
    assert {rows[("单选", r)].question.type for r in (2, 3, 4)} == {"single"}
    assert any("合并单元格 C2:C4" in n for n in rows[("单选", 3)].notices)
    assert rows[("单选", 2)].question.points == 2
    assert rows[("单选", 2)].question.difficulty == 2  # default: "很棒" is not a difficulty
    assert any("很棒" in n for n in rows[("单选", 2)].notices)
    assert rows[("单选", 3)].question.difficulty == 2 and rows[("单选", 4)].question.difficulty == 4
    assert any("图片" in n and "E3" in n for n in rows[("单选", 3)].notices)
    assert {i.sheet for i in conversion.ready} == {"单选", "判断"}
    summary = " ".join(p.message for p in conversion.notices if p.row is None)
    assert "跳过（没有题目表头）：说明" in summary


def test_renumbered_ids_are_running_numbers_not_ids(handmade_book: Path) -> None:
    conversion = read_source(handmade_book)
    assert all(q.id.startswith("x-") for q in conversion.questions)
    assert any("题号" in p.message for p in conversion.notices)


TEMPLATE_TEXT = (
    "题干（必填）\t题型 （必填）\t选项 A\t选项 B\t正确答案\n（必填）\t解析\n（勿删）\t难度\r\n"
    "党的一大召开于（ ）。\t单选\t1921年7月\t1949年10月\tA\t一大。\t适中\r\n"
    "党的根本宗旨是全心全意为人民服务。\t判断\t\t\t正确\t党章。\t较易\r\n"
    "没有答案的题。\t单选\t甲\t乙\t\t\t\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-16", "gbk", "utf-8-sig"])
def test_text_exports_of_the_template_are_tables(tmp_path: Path, encoding: str) -> None:
    """Excel's "Unicode 文本" (UTF-16, tabs) and GBK exports, saved as .txt."""
    path = tmp_path / "导出.txt"
    # The header's line breaks are quoted in a real export.
    text = TEMPLATE_TEXT.replace("正确答案\n（必填）", '"正确答案\n（必填）"')
    text = text.replace("解析\n（勿删）", '"解析\n（勿删）"')
    path.write_bytes(text.encode(encoding))
    conversion = read_source(path)
    assert conversion.format == "csv"
    assert [(i.row, i.question.difficulty) for i in conversion.ready] == [(2, 3), (3, 2)]
    assert [p.row for p in conversion.refused] == [4]


def test_aiken_txt_with_chinese_answer_lines_is_not_taken_for_gift(tmp_path: Path) -> None:
    path = tmp_path / "题目.txt"
    text = "党的一大召开于哪一年？\nA. 1921年\nB. 1949年\n答案：A\n解析：一大。\n"
    path.write_bytes(text.encode("gbk"))
    conversion = read_source(path)
    assert conversion.format == "aiken"
    assert [q.stem for q in conversion.questions] == ["党的一大召开于哪一年？"]


def test_zero_width_space_in_an_answer_is_removed_and_said(tmp_path: Path) -> None:
    path = tmp_path / "题库.csv"
    path.write_text("题干,题型,选项A,选项B,正确答案\n问题？,单选,甲,乙,A\u200b\n", encoding="utf-8")
    conversion = read_source(path)
    assert not conversion.refused
    assert any("零宽字符" in n for n in conversion.ready[0].notices)


def test_identical_option_texts_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "题库.csv"
    path.write_text("题干,题型,选项A,选项B,正确答案\n问题？,单选,甲,甲 ,A\n", encoding="utf-8")
    conversion = read_source(path)
    assert [p.row for p in conversion.refused] == [2]
    assert "内容相同" in conversion.refused[0].message


def test_numbered_empty_rows_merged_tails_and_hidden_sheets_add_nothing(tmp_path: Path) -> None:
    """Templates come numbered to row 500; a 章节 merge runs past the last question."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "题目"
    ws.append(["题号", "题干", "题型", "选项A", "选项B", "正确答案", "章节"])
    ws.append([1, "党的一大召开于（ ）。", "单选", "1921年", "1949年", "A", "党史"])
    ws.append([2, "遵义会议召开于（ ）。", "单选", "1935年", "1927年", "A", None])
    for number in range(3, 40):
        ws.append([number])
    ws.merge_cells("G2:G10")
    old = wb.create_sheet("旧版")
    old.append(["题干", "题型", "正确答案"])
    old.append(["旧题。", "判断", "对"])
    old.sheet_state = "hidden"
    conversion = read_source(save(wb, tmp_path / "题库.xlsx", chinese_formats=False))
    assert [i.row for i in conversion.ready] == [2, 3]
    assert conversion.ready[1].question.tags == ("党史",)
    assert not conversion.refused
    assert any("隐藏的工作表：旧版" in p.message for p in conversion.notices)


def test_fill_stem_without_a_marked_blank_gets_one_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "题库.csv"
    path.write_text("题干,题型,正确答案\n党的生日是？,填空,7月1日\n", encoding="gbk")
    conversion = read_source(path)
    assert [q.stem for q in conversion.questions] == ["党的生日是{{1}}？"]
    assert any("句末加一个空" in n for n in conversion.ready[0].notices)


def test_chinese_numeral_formats_are_named_not_passed_off_as_shown(tmp_path: Path) -> None:
    # Excel shows 12 under [DBNum1] as 十二 and 1949-10-01 as 一九四九年十月一日; the reader
    # keeps the digits, so each such cell must say so instead of claiming it reads the display.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["题干", "题型", "选项A", "选项B", "正确答案"])
    sheet.append(["一年有（ ）个月。", "单选", 12, "十", "A"])
    sheet.append(["新中国成立于（ ）。", "单选", datetime(1949, 10, 1), "1950年", "A"])
    sheet["C2"].number_format = "[DBNum1]0"
    sheet["C3"].number_format = '[DBNum1][$-804]yyyy"年"m"月"d"日"'
    path = tmp_path / "中文数字.xlsx"
    book.save(path)
    result = read_source(path, bank_dir=tmp_path)
    assert [q.options["A"] for q in result.questions if isinstance(q, SingleQuestion)] == [
        "12",
        "1949年10月1日",
    ]
    notices = {(n.row, n.message) for n in result.notices}
    for row, cell, text in ((2, "C2", "12"), (3, "C3", "1949年10月1日")):
        assert (
            row,
            f"单元格 {cell} 在 Excel 中用中文数字显示（[DBNum]格式），按阿拉伯数字“{text}”读取，请核对",
        ) in notices
