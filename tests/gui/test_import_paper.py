"""题库 → 导入 with a Word or text question paper: previewed, refusals at their places, imported."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from jgstudy.core.convert import read_source
from jgstudy.core.service import StudyService
from jgstudy.gui.banks import BanksPanel, source_filter
from jgstudy.gui.importpreview import ImportPreview
from jgstudy.gui.workers import BankImporter

PAPER = [
    "党纪学习教育测试",
    "一、单项选择题",
    "1、党的一大在（ ）召开。",
    "A．上海 B．嘉兴",
    "答案：A",
    "2、这道题没有答案（ ）",
    "A．甲 B．乙",
    "二、判断题",
    "1、党员有退党的自由。（√）",
]


def _word_paper(path: Path) -> Path:
    document = docx.Document()
    for line in PAPER:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture
def panel(qtbot: QtBot, service: StudyService, tmp_path: Path) -> BanksPanel:
    widget = BanksPanel(
        service, BankImporter(service), tmp_path / "imported", confirm=lambda *_a: True
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


def test_the_file_dialog_offers_word_and_text_papers() -> None:
    assert "*.docx" in source_filter() and "*.txt" in source_filter()


def test_preview_of_a_word_paper(qtbot: QtBot, tmp_path: Path) -> None:
    conversion = read_source(_word_paper(tmp_path / "试卷.docx"))
    dialog = ImportPreview(conversion, [], lambda _bank: [])
    qtbot.addWidget(dialog)
    assert dialog.ready_table.rowCount() == 2
    assert dialog.ready_table.item(0, 0).text() == "第 3 行"
    assert dialog.refused_table.rowCount() == 1
    assert dialog.refused_table.item(0, 0).text() == "第 6 行"
    assert "没有找到答案" in dialog.refused_table.item(0, 1).text()
    rows = range(dialog.notice_table.rowCount())
    notices = [dialog.notice_table.item(r, 1).text() for r in rows]
    assert "识别出 2 题（单选 1，判断 1）；1 题未转换，原因见各行" in notices
    assert dialog.import_button.text() == "导入 2 题"


@pytest.mark.parametrize("name", ["试卷.docx", "试卷.txt"])
def test_a_paper_is_imported_from_the_desktop(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".docx"):
        _word_paper(path)
    else:
        path.write_bytes("\r\n".join(PAPER).encode("gbk"))
    refused: list[int] = []

    def accept(dialog: ImportPreview) -> bool:
        refused.append(dialog.refused_table.rowCount())
        return True

    panel._preview = accept  # the trainer looks at the preview and presses 导入
    with qtbot.waitSignal(panel.banks_changed, timeout=20_000):
        assert panel.preview_file(path)
    assert refused == [1]
    (bank,) = service.banks()
    assert bank.title == "党纪学习教育测试" and bank.question_count == 2
