"""Importing 考试宝-style spreadsheets: xlsx and CSV, good rows kept, bad rows named by row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from jgstudy.core.banks import load_bank
from jgstudy.core.convert import convert
from jgstudy.core.convert.validate import MISSING_EXPLANATION
from jgstudy.core.model import FillQuestion, JudgeQuestion, MultipleQuestion, SingleQuestion

DATA = Path(__file__).parents[1] / "data" / "convert"


@pytest.fixture
def kaoshibao_xlsx(tmp_path: Path) -> Path:
    """A workbook as trainers fill it in: a title row, annotated headers, numbers, a formula."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["机关党建题库（表头请勿修改）"])
    sheet.append(
        [
            "题干（必填）",
            "题型(必填)",
            "选项 A",
            "Ｂ",
            "选项(C)",
            "选项D",
            "答案",
            "解析",
            "章节",
            "难度",
            "分值",
        ]
    )
    sheet.append(
        [
            "宣讲多少场？",
            "单选题",
            1300,
            3100,
            310,
            13000,
            "B",
            '="见"&"凝心铸魂"',
            "理论宣讲",
            "中",
            2,
        ]
    )
    sheet.append(
        ["全年开展廉洁文化活动640场。", "判断题", "正确", "错误", None, None, "A", "见清廉机关。"]
    )
    sheet.append(
        ["哪些是重点？", "多选题", "八项规定", "培训提能", "素质提升年", None, "A、C", "两项重点。"]
    )
    sheet.append([])
    sheet.append(
        ["全年开展活动（   ）场。", "填空题", None, None, None, None, 640, "640场。", "", "易"]
    )
    sheet.append(["宣讲员来自几家单位？", "单选", "8家", "12家", "21家", None, "E", "12家。"])
    path = tmp_path / "考试宝.xlsx"
    book.save(path)
    return path


def test_xlsx_rows_become_questions(kaoshibao_xlsx: Path, tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    report = convert(kaoshibao_xlsx, out)
    assert report.count == 4
    bank = load_bank(out).bank
    single, judge, multiple, fill = bank.questions
    assert isinstance(single, SingleQuestion)
    assert single.options == {"A": "1300", "B": "3100", "C": "310", "D": "13000"}
    assert (single.answer, single.difficulty, single.points, single.tags) == (
        "B",
        3,
        2.0,
        ("理论宣讲",),
    )
    assert isinstance(judge, JudgeQuestion) and judge.answer is True  # "A" is the option 正确
    assert isinstance(multiple, MultipleQuestion) and multiple.answer == ("A", "C")
    assert isinstance(fill, FillQuestion) and fill.blanks == (("640",),) and fill.difficulty == 2


def test_xlsx_formula_is_kept_as_its_text_and_pointed_out(
    kaoshibao_xlsx: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bank.yaml"
    report = convert(kaoshibao_xlsx, out)
    assert load_bank(out).bank.questions[0].explanation == '="见"&"凝心铸魂"'
    assert any(w.row == 3 and "H3 是公式" in w.message for w in report.warnings)


def test_xlsx_bad_row_is_named_by_its_sheet_row(kaoshibao_xlsx: Path, tmp_path: Path) -> None:
    report = convert(kaoshibao_xlsx, tmp_path / "bank.yaml")
    assert [(p.row, p.message) for p in report.problems] == [
        (8, "答案 E 不在选项中（选项为 A、B、C）")
    ]


@pytest.fixture
def gbk_csv(tmp_path: Path) -> Path:
    path = tmp_path / "题库.csv"
    shutil.copy(DATA / "gbk-bad-rows.csv", path)
    return path


def test_gbk_csv_keeps_the_good_rows_and_names_every_bad_one(gbk_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "题库.yaml"
    report = convert(gbk_csv, out)
    assert [(p.row, p.message) for p in report.problems] == [
        (6, "答案 E 不在选项中（选项为 A、B、C、D）"),
        (7, "缺少必填字段：“题干”"),
        (8, "未知题型“论述题”，应为 单选、多选、判断、填空 或 简答"),
        (9, "题干中有 2 个空（{{1}} 或（ ）），但答案给出了 1 组"),
    ]
    bank = load_bank(out).bank
    assert [q.type for q in bank.questions] == ["single", "multiple", "judge", "fill", "short"]
    assert bank.questions[0].stem.startswith("2025年市直机关“理响潮声”")  # decoded from GBK
    assert bank.questions[3].stem == "工委以{{1}}为重点，以{{2}}为总抓手。"
    assert bank.questions[3].blanks == (("干部素质提升年",), ("四个总抓手", "总抓手"))  # type: ignore[union-attr]


def test_csv_notices_unknown_columns_and_missing_explanations(
    gbk_csv: Path, tmp_path: Path
) -> None:
    report = convert(gbk_csv, tmp_path / "题库.yaml")
    messages = {(w.row, w.message) for w in report.warnings}
    assert (1, "未识别的列：备注（已忽略）") in messages
    assert (None, f"1 题没有解析，已填入“{MISSING_EXPLANATION}”，请补写（第 4 行）") in messages


def test_bank_id_and_title_come_from_the_file_name(gbk_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    convert(gbk_csv, out)
    bank = load_bank(out).bank
    assert bank.title == "题库"
    assert bank.id.startswith("bank-")  # "题库" is no valid id
    convert(gbk_csv, out, bank_id="wh-2026", title="2026 练习")
    assert (load_bank(out).bank.id, load_bank(out).bank.title) == ("wh-2026", "2026 练习")


def test_utf8_bom_tab_separated_csv_with_ids_and_keywords(tmp_path: Path) -> None:
    out = tmp_path / "bom.yaml"
    report = convert(DATA / "utf8-bom.csv", out)
    assert report.problems == () and report.count == 2
    single, short = load_bank(out).bank.questions
    assert single.id == "bom-1" and single.options["A"] == "先锋谱"  # type: ignore[union-attr]
    assert [(k.word, k.points, k.aliases) for k in short.keywords] == [  # type: ignore[union-attr]
        ("荐书", 1.0, ("荐书导读",)),
        ("共读", 2.0, ()),
    ]


def test_reimporting_an_edited_sheet_keeps_the_ids(tmp_path: Path) -> None:
    def import_rows(*rows: list[str]) -> list[str]:
        csv = tmp_path / "in.csv"
        lines = ["题干,题型,选项A,选项B,答案,解析", *(",".join(r) for r in rows)]
        csv.write_text("\n".join(lines), encoding="utf-8")
        convert(csv, tmp_path / "out.yaml")
        return [q.id for q in load_bank(tmp_path / "out.yaml").bank.questions]

    before = import_rows(["宣讲多少场？", "单选", "3100", "310", "A", "解析"])
    after = import_rows(
        ["新加的题？", "判断", "", "", "对", "解析"],
        ["宣讲多少场?", "单选", "3100余场", "310余场", "A", "改过的解析"],  # options edited
    )
    assert after[1] == before[0]


def test_same_question_twice_is_reported_on_the_second_row(tmp_path: Path) -> None:
    csv = tmp_path / "dup.csv"
    csv.write_text(
        "题干,题型,答案\n市直机关有工委。,判断,对\n市直机关有工委。,判断,对\n", encoding="utf-8"
    )
    report = convert(csv, tmp_path / "dup.yaml")
    assert [(p.row, p.message) for p in report.problems] == [
        (3, "与第 2 行的题目重复（题型和题干相同）")
    ]
    assert report.count == 1


def test_missing_required_column_converts_nothing(tmp_path: Path) -> None:
    csv = tmp_path / "nocol.csv"
    csv.write_text("题干,答案\n问题,A\n", encoding="utf-8")
    report = convert(csv, tmp_path / "nocol.yaml")
    assert not report.written
    assert report.problems[0].message == "缺少必需的列：题型，没有读取任何题目"
    assert not (tmp_path / "nocol.yaml").exists()


def test_single_choice_with_two_answers_is_explained(tmp_path: Path) -> None:
    csv = tmp_path / "two.csv"
    csv.write_text("题干,题型,选项A,选项B,答案,解析\n问？,单选,甲,乙,AB,因为\n", encoding="utf-8")
    report = convert(csv, tmp_path / "two.yaml")
    assert (
        report.problems[0].message
        == "单选题只能有一个答案，这里写的是 AB（多选题请把题型写成“多选”）"
    )


def test_bank_information_sheet_problems_name_the_sheet(tmp_path: Path) -> None:
    book = Workbook()
    questions = book.active
    assert questions is not None
    questions.append(["题干", "题型", "答案", "解析"])
    questions.append(["市直机关有工委。", "判断", "对", "有。"])
    info = book.create_sheet("题库信息")
    info.append(["项目", "内容"])
    info.append(["编号", "坏 编号"])
    info.append(["标题", "机关党建"])
    info.append(["作者", "张三、李四"])
    source = tmp_path / "info.xlsx"
    book.save(source)
    out = tmp_path / "info.yaml"
    report = convert(source, out)
    assert not report.written
    assert report.problems[0].row == 2
    assert report.problems[0].message.startswith("“题库信息”表：编号 id：")
    assert convert(source, out, bank_id="jg-2026").problems == ()
    bank = load_bank(out).bank
    assert (bank.id, bank.title, bank.authors) == ("jg-2026", "机关党建", ("张三", "李四"))


def test_a_file_that_is_no_workbook_is_reported_not_raised(tmp_path: Path) -> None:
    source = tmp_path / "题库.xlsx"
    source.write_text("题干,题型,答案\n", encoding="utf-8")  # a CSV saved under the wrong name
    report = convert(source, tmp_path / "out.yaml")
    assert not report.written
    assert report.problems[0].message.startswith("无法打开 Excel 文件")
