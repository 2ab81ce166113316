"""The editor's files: reviewing a draft bank, importing a CSV, unsaved changes on closing."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.drafting import draft_bank_yaml
from jgstudy.gui.editor import BankEditor, BankEditorWindow
from jgstudy.gui.editor.listmodel import DRAFT_ROLE

DATA = Path(__file__).resolve().parents[1] / "data"
DRAFT_MESSAGE = "草稿题：审核无误后删除 status: draft 再导入"
Left = Qt.MouseButton.LeftButton


class Answers:
    """Stands in for the dialogs: records notices, answers the unsaved-changes question."""

    def __init__(self) -> None:
        self.notices: list[tuple[str, str]] = []
        self.save_answer = "cancel"
        self.asked = 0

    def inform(self, _parent: object, title: str, text: str) -> None:
        self.notices.append((title, text))

    def ask_save(self, _parent: object, _title: str, _text: str) -> str:
        self.asked += 1
        return self.save_answer


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def editor(qtbot: QtBot, answers: Answers) -> BankEditor:
    page = BankEditor(inform=answers.inform, ask_save=answers.ask_save)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    material = (DATA / "materials" / "volunteer_report.txt").read_text(encoding="utf-8")
    text, _count = draft_bank_yaml(material, "draft-volunteer", "志愿服务材料候选题")
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_reviewing_a_draft_bank(qtbot: QtBot, editor: BankEditor, draft: Path) -> None:
    assert editor.open_path(draft)
    workspace, form = editor.workspace, editor.workspace.form
    total = len(editor.document)
    assert editor.draft_holder.isVisible() and f"{total} 道草稿题" in editor.draft_text.text()
    assert workspace.model.index(0).data(DRAFT_ROLE) is True
    workspace.select(0)
    approved = editor.document.ids()[0]
    assert form.draft_bar.isVisible()
    qtbot.mouseClick(form.approve_button, Left)
    assert not form.draft_bar.isVisible()
    assert workspace.model.index(0).data(DRAFT_ROLE) is False
    workspace.select(1)
    rejected = editor.document.ids()[1]
    qtbot.mouseClick(form.reject_button, Left)
    assert rejected not in editor.document.ids() and len(editor.document) == total - 1
    assert editor.save()
    saved = yaml.safe_load(draft.read_text(encoding="utf-8"))["questions"]
    assert "status" not in saved[0] and saved[0]["id"] == approved
    assert all(q["status"] == "draft" for q in saved[1:])
    with pytest.raises(BankErrors) as raised:
        load_bank(draft)  # only the drafts still waiting fail the check; the approved one passes
    assert [p.message for p in raised.value.problems] == [DRAFT_MESSAGE] * (total - 2)
    qtbot.mouseClick(editor.approve_all_button, Left)
    assert editor.document.drafts() == [] and not editor.draft_holder.isVisible()
    with qtbot.waitSignal(editor.bank_ready):
        assert editor.publish()
    bank = load_bank(draft).bank
    assert approved in [q.id for q in bank.questions]
    assert rejected not in [q.id for q in bank.questions]


def test_a_csv_is_imported_unsaved_and_saved_as_yaml(
    qtbot: QtBot, editor: BankEditor, tmp_path: Path
) -> None:
    assert editor.import_path(DATA / "convert" / "utf8-bom.csv")
    assert editor.document.ids() == ["bom-1", "bom-2"]
    assert editor.is_dirty() and editor.isWindowModified()
    assert editor.file_label.text().startswith("未保存的题库*")
    target = tmp_path / "bom.yaml"
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.save_as(target)
    assert saved.args == [target]
    assert not editor.is_dirty() and editor.file_label.text().startswith("bom.yaml")
    bank = load_bank(target).bank
    assert bank.id == "utf8-bom" and [q.type for q in bank.questions] == ["single", "short"]


def test_import_notices_are_shown(editor: BankEditor, answers: Answers) -> None:
    assert editor.import_path(DATA / "convert" / "gbk-bad-rows.csv")
    assert answers.notices and answers.notices[0][0] == "读取时的说明"
    assert "第" in answers.notices[0][1]


def test_unsaved_changes_are_asked_about(
    qtbot: QtBot, editor: BankEditor, answers: Answers, tmp_path: Path
) -> None:
    bank = tmp_path / "sample.yaml"
    shutil.copy(DATA / "banks" / "sample.yaml", bank)
    assert editor.open_path(bank)
    assert editor.can_close() and answers.asked == 0  # nothing to lose
    editor.workspace.delete()
    assert not editor.can_close()  # 取消
    assert not editor.open_path(bank) and len(editor.document) == 5
    answers.save_answer = "save"
    assert editor.can_close()
    assert len(load_bank(bank).bank.questions) == 5
    editor.workspace.delete()
    answers.save_answer = "discard"
    assert editor.new_bank() and len(editor.document) == 1 and editor.document.path is None
    assert len(load_bank(bank).bank.questions) == 5


def test_the_window_stays_open_when_closing_is_cancelled(
    qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    window = BankEditorWindow(BankEditor(inform=answers.inform, ask_save=answers.ask_save))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.editor.workspace.delete()
    assert window.isWindowModified()
    assert not window.close() and window.isVisible()
    answers.save_answer = "discard"
    assert window.close()


def test_a_file_that_is_not_a_bank_is_refused(
    editor: BankEditor, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 一\n- 二\n", encoding="utf-8")
    before = editor.document
    assert not editor.open_path(path)
    assert editor.document is before
    assert answers.notices[0][0] == "无法打开题库"


def test_a_word_paper_is_imported_with_its_refusals_shown(
    editor: BankEditor, answers: Answers, tmp_path: Path
) -> None:
    document = docx.Document()
    for line in (
        "党纪知识测试",
        "1、党的一大在（ ）召开。",
        "A．上海 B．嘉兴",
        "答案：A",
        "2、没有答案（ ）",
    ):
        document.add_paragraph(line)
    document.add_paragraph("A．甲 B．乙")
    paper = tmp_path / "试卷.docx"
    document.save(str(paper))
    assert editor.import_path(paper)
    assert len(editor.document) == 1 and editor.document.header["title"] == "党纪知识测试"
    shown = answers.notices[0][1]
    assert "第 5 行：第 2 题（“没有答案（ ）”）：没有找到答案，未转换" in shown
