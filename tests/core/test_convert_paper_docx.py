"""Word papers, built with python-docx the way trainers' documents look.

Answers marked only by formatting (a bold or red option, an underlined fill answer), questions
in tables (one per row under a header, or cells without one), stems over two paragraphs, soft
line breaks, and running headers and footers that must not become questions.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph
from paper_helpers import convert_paper
from PIL import Image


def _paper(tmp_path: Path) -> docx.document.Document:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "1、页眉里的文字不是题目（ ）"
    section.footer.paragraphs[0].text = "第 1 页 共 2 页"
    document.add_paragraph("党章党规知识竞赛试题")
    return document


def _save(document: docx.document.Document, tmp_path: Path) -> Path:
    path = tmp_path / "试卷.docx"
    document.save(str(path))
    return path


def test_answers_marked_by_formatting(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    document.add_paragraph("一、单项选择题")
    document.add_paragraph("1．党的最高领导机关是（ ）。")
    document.add_paragraph().add_run("A．党的全国代表大会和它所产生的中央委员会").bold = True
    document.add_paragraph("B．中央政治局")
    document.add_paragraph("C．中央书记处")
    line = document.add_paragraph()
    line.add_run("2．入党誓词要求党员（ ）。 A．严守党的纪律 ")
    line.add_run("B．永不叛党").font.color.rgb = RGBColor(0xFF, 0, 0)
    document.add_paragraph("二、多项选择题")
    document.add_paragraph("1．党的纪律包括（ ）。")
    document.add_paragraph().add_run("A．政治纪律").font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.add_paragraph().add_run("B．组织纪律").font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.add_paragraph("C．吃喝纪律")
    document.add_paragraph("三、填空题")
    fill = document.add_paragraph("1．党的根本宗旨是")
    fill.add_run("全心全意").underline = True
    fill.add_run("为人民服务").underline = True
    fill.add_run("，党的最高理想是")
    fill.add_run("实现共产主义").underline = True
    fill.add_run("。")
    questions, problems, notices = convert_paper(tmp_path, _save(document, tmp_path))
    assert questions == [
        (
            "single",
            "党的最高领导机关是（ ）。",
            {"A": "党的全国代表大会和它所产生的中央委员会", "B": "中央政治局", "C": "中央书记处"},
            "A",
            "",
        ),
        ("single", "入党誓词要求党员（ ）。", {"A": "严守党的纪律", "B": "永不叛党"}, "B", ""),
        (
            "multiple",
            "党的纪律包括（ ）。",
            {"A": "政治纪律", "B": "组织纪律", "C": "吃喝纪律"},
            "AB",
            "",
        ),
        (
            "fill",
            "党的根本宗旨是{{1}}，党的最高理想是{{2}}。",
            None,
            "全心全意为人民服务；实现共产主义",
            "",
        ),
    ]
    assert problems == []
    assert (None, "答案来自：格式标记 4 题") in notices
    assert (None, "Word 文档的页眉、页脚、脚注和文本框不读取") in notices


def test_every_option_bold_is_no_answer(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    document.add_paragraph("1．党的最高领导机关是（ ）。")
    document.add_paragraph().add_run("A．党的全国代表大会").bold = True
    document.add_paragraph().add_run("B．中央政治局").bold = True
    document.add_paragraph("2．下一题（ ）。")
    document.add_paragraph("A．甲")
    document.add_paragraph("B．乙")
    document.add_paragraph("答案：B")
    questions, problems, _ = convert_paper(tmp_path, _save(document, tmp_path))
    assert [(q[1], q[3]) for q in questions] == [("下一题（ ）。", "B")]
    assert problems == [
        (2, "第 1 题（“党的最高领导机关是（ ）。”）：没有找到答案，未转换（第 2 段）")
    ]


def test_one_question_per_table_row_under_a_header(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    document.add_paragraph("一、单项选择题")
    header = ["题号", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "解析"]
    rows = [
        ["1", "党的组织原则是（ ）", "民主集中制", "集体领导", "个人分工", "", "A", "党章第十条"],
        ["2", "党的基层组织是（ ）", "支部", "", "总支", "", "A", ""],
        ["3", "党员的权利有（ ）", "表决权", "选举权", "", "", "", ""],
    ]
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    for row, texts in zip(table.rows, [header, *rows], strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    questions, problems, _ = convert_paper(tmp_path, _save(document, tmp_path))
    assert questions == [
        (
            "single",
            "党的组织原则是（ ）",
            {"A": "民主集中制", "B": "集体领导", "C": "个人分工"},
            "A",
            "党章第十条",
        )
    ]
    # Paragraphs are counted from the top of the body (title 1, heading 2, then the cells read);
    # the table row is named as well, which is what a trainer looks for.
    assert problems == [
        (9, "第 2 题（“党的基层组织是（ ）”）：选项 B 没有内容，未转换（表 1 第 3 行）"),
        (14, "第 3 题（“党员的权利有（ ）”）：没有找到答案，未转换（表 1 第 4 行）"),
    ]


def test_table_without_header_and_stems_over_two_paragraphs(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    document.add_paragraph("三、判断题")
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(
        table.rows, [["1", "党员有退党的自由。", "√"], ["2", "预备期为两年。", "×"]], strict=True
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("四、单项选择题")
    document.add_paragraph("1．党的十八大以来，中国特色社会主义进入")
    document.add_paragraph("新时代，这是我国发展新的（ ）。")
    document.add_paragraph("A．历史方位\nB．历史起点")  # a soft line break (Shift+Enter)
    document.add_paragraph("答案：A")
    questions, problems, _ = convert_paper(tmp_path, _save(document, tmp_path))
    assert questions == [
        ("judge", "党员有退党的自由。", None, "正确", ""),
        ("judge", "预备期为两年。", None, "错误", ""),
        (
            "single",
            "党的十八大以来，中国特色社会主义进入新时代，这是我国发展新的（ ）。",
            {"A": "历史方位", "B": "历史起点"},
            "A",
            "",
        ),
    ]
    assert problems == []


def test_damaged_word_file_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "坏文件.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    questions, problems, _ = convert_paper(tmp_path, path)
    assert questions == []
    assert problems[0][0] is None and "无法作为 Word 文档读取" in problems[0][1]


def _numbered_list(document: docx.document.Document, levels: list[tuple[str, str]]) -> str:
    """A new Word list (numFmt and lvlText per level); returns its numId."""
    root = document.part.numbering_part.element
    abstract_id = str(900 + len(root.findall(qn("w:abstractNum"))))
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    root.insert(0, abstract)
    num = root.add_num(int(abstract_id))
    return str(num.numId)


def _in_list(paragraph: Paragraph, num_id: str, ilvl: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = int(num_id)
    num_pr.get_or_add_ilvl().val = ilvl


def test_word_automatic_numbering_of_sections_questions_and_options(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    sections = _numbered_list(document, [("chineseCounting", "%1、")])
    questions = _numbered_list(document, [("decimal", "%1．"), ("upperLetter", "%2．")])
    _in_list(document.add_paragraph("单项选择题"), sections)
    for stem, options, answer in (
        ("党的最高领导机关是（ ）", ["全国代表大会", "中央委员会"], "A"),
        ("党的根本组织原则是（ ）", ["集体领导", "民主集中制"], "B"),
    ):
        _in_list(document.add_paragraph(stem), questions)
        for option in options:
            _in_list(document.add_paragraph(option), questions, 1)
        document.add_paragraph(f"答案：{answer}")
    _in_list(document.add_paragraph("判断题"), sections)
    _in_list(document.add_paragraph("党员有退党的自由。（√）"), questions)
    found, problems, _ = convert_paper(tmp_path, _save(document, tmp_path))
    assert found == [
        ("single", "党的最高领导机关是（ ）", {"A": "全国代表大会", "B": "中央委员会"}, "A", ""),
        ("single", "党的根本组织原则是（ ）", {"A": "集体领导", "B": "民主集中制"}, "B", ""),
        ("judge", "党员有退党的自由。（ ）", None, "正确", ""),
    ]
    assert problems == []


def test_a_picture_in_a_question_is_named(tmp_path: Path) -> None:
    picture = tmp_path / "图.png"
    Image.new("RGB", (8, 8), "red").save(picture)
    document = _paper(tmp_path)
    document.add_paragraph("1．如图所示的建筑是（ ）。")
    document.add_paragraph().add_run().add_picture(str(picture))
    document.add_paragraph("A．嘉兴南湖红船 B．遵义会议会址")
    document.add_paragraph("答案：B")
    questions, problems, notices = convert_paper(tmp_path, _save(document, tmp_path))
    assert [q[3] for q in questions] == ["B"] and problems == []
    message = "这一段有图片，图片没有转换；题目需要时请在题库中用 image 字段另行添加（第 3 段）"
    assert (3, message) in notices


def test_text_in_hyperlinks_and_tracked_insertions_is_read(tmp_path: Path) -> None:
    document = _paper(tmp_path)
    stem = document.add_paragraph("1．")
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "1")
    insertion.set(qn("w:author"), "审核人")
    inserted = stem.add_run("党的最高领导机关是（ ）。")._r
    insertion.append(inserted)  # moves the run into the tracked insertion
    stem._p.append(insertion)
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), "2")
    deletion.set(qn("w:author"), "审核人")
    deletion.append(stem.add_run("（已删去的字）")._r)
    stem._p.append(deletion)
    options = document.add_paragraph()
    link = OxmlElement("w:hyperlink")
    link.append(options.add_run("A．全国代表大会 B．中央委员会")._r)
    options._p.append(link)
    document.add_paragraph("答案：A")
    questions, problems, _ = convert_paper(tmp_path, _save(document, tmp_path))
    assert questions == [
        ("single", "党的最高领导机关是（ ）。", {"A": "全国代表大会", "B": "中央委员会"}, "A", "")
    ]
    assert problems == []
