"""题库 → 导入 with a preview, and retiring/restoring a bank, as a trainer does it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jgstudy.core.convert import read_source
from jgstudy.core.service import StudyService
from jgstudy.gui.banks import BanksPanel
from jgstudy.gui.importpreview import ImportPreview
from jgstudy.gui.workers import BankImporter
from sheetkit import save, template_sheet, version_sheet

ROWS = [
    ["党的一大召开于（ ）。", "单选", datetime(1921, 7, 1), datetime(1949, 10, 1), "", "", "", "",
     "", "", "A", "一大。", "一、党的创立", "适中"],
    ["党的根本宗旨是全心全意为人民服务。", "判断", "", "", "", "", "", "", "", "", "正确", "党章。",
     "", "较易"],
    ["这一行没有答案。", "单选", "甲", "乙", "", "", "", "", "", "", "", "", "", ""],
]  # fmt: skip


def _book(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "题目"
    template_sheet(ws, rows)
    ws["C3"].number_format = 'yyyy"年"m"月"'
    ws["D3"].number_format = 'yyyy"年"m"月"'
    version_sheet(wb)
    return save(wb, path)


@pytest.fixture
def panel(qtbot: QtBot, service: StudyService, tmp_path: Path) -> BanksPanel:
    importer = BankImporter(service)
    widget = BanksPanel(service, importer, tmp_path / "imported", confirm=lambda *_a: True)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


def test_preview_shows_ready_refused_and_notices_with_places(qtbot: QtBot, tmp_path: Path) -> None:
    conversion = read_source(_book(tmp_path / "题库.xlsx", ROWS))
    dialog = ImportPreview(conversion, [], lambda _bank: [])
    qtbot.addWidget(dialog)
    assert dialog.ready_table.rowCount() == 2
    assert dialog.ready_table.item(0, 0).text() == "工作表“题目”第 3 行"
    assert "1921年7月" in dialog.ready_table.item(0, 3).text()  # the date cell's notice
    assert dialog.refused_table.rowCount() == 1
    assert dialog.refused_table.item(0, 0).text() == "工作表“题目”第 5 行"
    assert "正确答案" in dialog.refused_table.item(0, 1).text()
    notices = [dialog.notice_table.item(r, 1).text() for r in range(dialog.notice_table.rowCount())]
    assert any("版本号" in n for n in notices)
    assert dialog.import_button.text() == "导入 2 题" and dialog.import_button.isEnabled()
    assert dialog.target_bank() is None


def _import_through_preview(
    qtbot: QtBot, panel: BanksPanel, path: Path
) -> list[tuple[str | None, str]]:
    """Import ``path`` as a trainer confirming the preview; (target, ids text) of each preview."""
    shown: list[tuple[str | None, str]] = []

    def accept(dialog: ImportPreview) -> bool:
        ids = dialog.ids_label.text() if not dialog.ids_label.isHidden() else ""
        shown.append((dialog.target_bank(), ids))
        return True

    panel._preview = accept
    with qtbot.waitSignal(panel.banks_changed, timeout=20_000):
        assert panel.preview_file(path)
    return shown


def test_import_from_the_desktop_then_a_new_version_onto_the_same_bank(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, tmp_path: Path
) -> None:
    _import_through_preview(qtbot, panel, _book(tmp_path / "题库v1.xlsx", ROWS))
    assert panel.model.rowCount() == 1
    bank = service.banks()[0]
    assert "新增 2 题" in panel.message.text()

    rows = [ROWS[0], ["新中国成立于（ ）。", "单选", "1949年", "1950年", "", "", "", "", "", "",
                      "A", "开国。", "", ""], ROWS[1]]  # fmt: skip
    shown = _import_through_preview(qtbot, panel, _book(tmp_path / "题库v2.xlsx", rows))
    target, ids = shown[0]
    assert target == bank.id  # proposed: it holds these stems
    assert "已匹配 2 题" in ids and "新增 1 题" in ids
    assert [b.id for b in service.banks()] == [bank.id]
    assert service.banks()[0].question_count == 3


def test_cancelled_preview_changes_nothing(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, tmp_path: Path
) -> None:
    panel._preview = lambda _dialog: False
    path = _book(tmp_path / "题库.xlsx", ROWS)
    with qtbot.waitSignal(panel._importer.finished, timeout=20_000):
        assert panel.preview_file(path)
    qtbot.waitUntil(lambda: "取消" in panel.message.text())
    assert service.banks() == []


def test_retire_and_restore_a_bank_from_the_library(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, tmp_path: Path
) -> None:
    _import_through_preview(qtbot, panel, _book(tmp_path / "题库.xlsx", ROWS))
    user = service.ensure_user("张三")
    assert len(service.practice_queue(user, mode="new")) == 2
    assert not panel.retire_button.isEnabled()  # nothing selected yet
    panel.table.selectRow(0)
    assert panel.retire_button.isEnabled() and not panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.banks_changed):
        qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    assert panel.model.data(panel.model.index(0, 3)) == "已停用"
    assert service.practice_queue(user, mode="new") == []
    assert panel.restore_button.isEnabled() and not panel.retire_button.isEnabled()
    with qtbot.waitSignal(panel.banks_changed):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert panel.model.data(panel.model.index(0, 3)) == "使用中"
    assert len(service.practice_queue(user, mode="new")) == 2


def test_retire_asks_first_and_a_no_keeps_the_bank(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, tmp_path: Path
) -> None:
    _import_through_preview(qtbot, panel, _book(tmp_path / "题库.xlsx", ROWS))
    panel._confirm = lambda *_a: False
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    assert service.banks()[0].retired_at is None


def test_a_yaml_bank_goes_into_the_bank_of_its_own_id(
    qtbot: QtBot, panel: BanksPanel, service: StudyService, sample_bank: Path
) -> None:
    service.import_banks([sample_bank])
    conversion = read_source(sample_bank)
    dialog = ImportPreview(conversion, service.banks(), service.bank_questions)
    qtbot.addWidget(dialog)
    assert dialog.target_bank() == "sample" and not dialog.target.isEnabled()
    assert dialog.conversion.ids is None  # its ids are its own: imported from the file itself
    assert dialog.ready_table.rowCount() == 6
