"""题库: importing in the background, readable problems, the question browser and its model."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dberrors import FULL, failing
from jgstudy.core.banks import BankErrors, loader
from jgstudy.core.order import NewOrder
from jgstudy.core.records import BrowseFilter, ImportResult, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.models import QuestionTableModel

BAD_BANK = Path(__file__).parents[1] / "data" / "broken" / "import-errors.yaml"


@pytest.fixture
def bad_bank(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_BANK.read_text("utf-8"), encoding="utf-8")
    return path


def test_an_invalid_bank_shows_every_problem_and_imports_nothing(
    window: MainWindow,
    service: StudyService,
    sample_bank: Path,
    bad_bank: Path,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window.navigate("library")
    with qtbot.waitSignal(window.importer.failed, timeout=20_000) as failed:
        assert window.library.import_paths([sample_bank, bad_bank])
    assert isinstance(failed.args[0], BankErrors)
    errors = window.library.banks.errors
    assert errors.isVisible()
    lines = errors.lines()
    assert len(lines) == 3
    assert lines[0].startswith("bad.yaml:9:13: ") and "E" in lines[0]
    assert lines[1].startswith("bad.yaml:11:5: ") and "explanation" in lines[1]
    assert lines[2].startswith("bad.yaml:15:") and "重复" in lines[2]
    assert "没有导入任何内容" in errors.title.text()
    assert service.banks() == []  # all or nothing: the valid sample bank is not in either
    assert service.browse_count(None, BrowseFilter()) == 0
    assert window.library.banks.model.rowCount() == 0
    # A bad file is not a bug: one line in the log, no traceback.
    assert not [record for record in caplog.records if record.exc_info]
    assert any("bad.yaml:9:13" in record.getMessage() for record in caplog.records)


def test_a_valid_import_runs_in_the_background_and_refreshes_the_views(
    window: MainWindow, service: StudyService, sample_bank: Path, qtbot: QtBot
) -> None:
    window.navigate("library")
    with qtbot.waitSignal(window.importer.succeeded, timeout=20_000) as done:
        window.library.import_paths([sample_bank])
    result = done.args[0]
    assert isinstance(result, ImportResult) and result.added == 6
    assert not window.library.banks.errors.isVisible()
    assert "新增 6 题" in window.library.banks.message.text()
    assert window.library.banks.model.rowCount() == 1
    assert window.library.browser.model.total == 6
    assert not window.work_progress.isVisible()
    assert [b.id for b in service.banks()] == ["sample"]


def test_the_browser_searches_and_filters(
    window: MainWindow, service: StudyService, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.navigate("library")
    browser = window.library.browser
    assert browser.model.total == 6
    browser.search.setText("江豚")
    browser.refresh()
    assert browser.model.total == 1 and browser.model.row_at(0).qid == "j1"
    browser.search.setText("")
    browser.type_box.setCurrentIndex(browser.type_box.findData("fill"))
    assert [browser.model.row_at(i).qid for i in range(browser.model.rowCount())] == ["f1", "f2"]
    browser.type_box.setCurrentIndex(0)
    browser.tag_box.setCurrentIndex(browser.tag_box.findData("支部建设"))
    assert browser.model.total == 1 and browser.model.row_at(0).qid == "f1"


def test_the_status_filter_follows_the_cadre_answers(
    window: MainWindow, service: StudyService, cadre: UserInfo
) -> None:
    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    session = window.practice.session
    assert session is not None
    session.submit("A")  # s1, wrong: into the wrong-answer book
    window.navigate("library")
    browser = window.library.browser
    browser.status_box.setCurrentIndex(browser.status_box.findData("wrong"))
    assert browser.model.total == 1
    row = browser.model.row_at(0)
    assert (row.qid, browser.model.index(0, 6).data()) == ("s1", "错题")
    browser.status_box.setCurrentIndex(browser.status_box.findData("new"))
    assert browser.model.total == 5


def test_double_click_shows_the_question_detail(
    window: MainWindow, service: StudyService, cadre: UserInfo, qtbot: QtBot
) -> None:
    window.set_user(cadre)
    window.navigate("library")
    browser = window.library.browser
    window.library.tabs.setCurrentWidget(browser)
    table = browser.table
    rect = table.visualRect(browser.model.index(0, 3))
    assert rect.isValid()
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = browser.detail
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert "市直机关“学思悟”大讲堂全年举办了几期？" in text
    assert "正确答案：C．6期" in text and "✓ C．6期" in text
    dialog.reject()


def test_question_model_passes_the_model_tester(
    qtmodeltester: ModelTester, service: StudyService, cadre: UserInfo
) -> None:
    model = QuestionTableModel(page_size=2)  # small pages: fetchMore is exercised too
    flt = BrowseFilter()
    model.reset(lambda offset, limit: service.browse(cadre, flt, offset, limit), 6)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 6
    assert model.index(0, 1).data() == "s1"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "题干"
    qtmodeltester.check(model, force_py=True)


def test_a_failed_import_is_logged_once_with_its_traceback(
    window: MainWindow,
    sample_bank: Path,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The task runner logs the failure; the page only says it (it used to log it again)."""

    def unreadable(_file: Path) -> bytes:
        raise OSError(5, "Input/output error")  # a failing disk or network share

    monkeypatch.setattr(loader, "read_bank_bytes", unreadable)
    window.navigate("library")
    with qtbot.waitSignal(window.importer.failed, timeout=20_000) as failed:
        assert window.library.import_paths([sample_bank])
    logged = [record for record in caplog.records if record.exc_info]
    assert len(logged) == 1, [record.getMessage() for record in logged]
    assert logged[0].exc_info is not None and logged[0].exc_info[1] is failed.args[0]
    assert window.library.banks.errors.isVisible()


def test_an_import_onto_a_full_disk_says_so_in_one_sentence(
    window: MainWindow, sample_bank: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not SQLAlchemy's text with the SQL in it: the sentence the crash dialog and the command
    line give (the traceback is in the log)."""
    monkeypatch.setattr(window.service, "import_banks", failing(FULL))
    window.navigate("library")
    with qtbot.waitSignal(window.importer.failed, timeout=20_000):
        assert window.library.import_paths([sample_bank])
    shown = window.library.banks.errors
    assert shown.isVisible()
    assert "磁盘空间已满，无法写入。请清理磁盘后重试。" in [shown.title.text(), *shown.lines()]
    assert not any("INSERT" in line for line in [shown.title.text(), *shown.lines()])
