"""What the core says reaches the English interface in English: import problems, environment
failures, a database that cannot be opened, refused names and notes, a damaged database."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from jgstudy.core.model import QType
from jgstudy.core.records import UserInfo
from jgstudy.core.recovery import RecoveryInfo
from jgstudy.core.session import Phase
from jgstudy.core.text import msg
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.crash import install_crash_handlers
from jgstudy.gui.profile import ProfileDialog

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
BAD_BANK = Path(__file__).parents[1] / "data" / "broken" / "import-errors.yaml"


def choose(box: object, value: str) -> None:
    index = box.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def no_chinese_outside_quotes(text: str) -> bool:
    return not CJK.search(re.sub(r"“[^”]*”", "", text))


@pytest.mark.usefixtures("english")
def test_importing_a_broken_bank_lists_its_problems_in_english(
    window: MainWindow, sample_bank: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_BANK.read_text("utf-8"), encoding="utf-8")
    window.navigate("library")
    with qtbot.waitSignal(window.importer.failed, timeout=20_000):
        assert window.library.import_paths([sample_bank, bad])
    lines = window.library.banks.errors.lines()
    assert lines == [
        "bad.yaml:9:13: answer E is not an option (the options are A, B)",
        "bad.yaml:11:5: required field missing: explanation",
        "bad.yaml:15:10: id q1 is used twice (question 1 has it)",
    ]
    assert no_chinese_outside_quotes(window.library.banks.errors.title.text())


@pytest.mark.usefixtures("english")
def test_a_full_disk_in_a_slot_is_one_english_sentence(qapp: QApplication) -> None:
    shown: list[tuple[str, str, Path | None]] = []
    restore = install_crash_handlers(None, lambda *args: shown.append(args))
    try:
        try:
            raise OSError(28, "No space left on device", "/data/jgstudy.sqlite3")
        except OSError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    [(message, _details, _where)] = shown
    assert message == (
        "The disk is full; cannot write (/data/jgstudy.sqlite3). Free some space and try again."
    )


@pytest.mark.usefixtures("english")
def test_a_read_only_database_at_start_is_said_in_english(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jgstudy.gui import main as gui_main
    from jgstudy.gui.dbopen import open_database

    db = tmp_path / "jgstudy.sqlite3"
    sqlite3.connect(db).close()
    db.chmod(0o444)
    said: list[str] = []
    monkeypatch.setattr(gui_main.QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    try:
        open_database(f"sqlite:///{db}", tmp_path)
    except Exception as exc:
        gui_main._cannot_open(f"sqlite:///{db}", exc, None)
    [text] = said
    assert f"The database file is read-only ({db}); answers cannot be saved." in text
    assert not CJK.search(text)


@pytest.mark.usefixtures("english")
def test_a_damaged_database_is_described_in_english(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jgstudy.gui import dbopen

    asked: list[str] = []
    monkeypatch.setattr(dbopen.QMessageBox, "critical", lambda _p, _t, text: asked.append(text))
    info = RecoveryInfo(msg("数据库文件是空的（0 字节）"), tmp_path / "jgstudy.sqlite3")
    assert not dbopen._ask_restore(info, None)
    assert asked[0].startswith("the database file is empty (0 bytes)\n\n")


@pytest.mark.usefixtures("english")
def test_a_name_with_control_characters_is_refused_in_english(qtbot: QtBot) -> None:
    dialog = ProfileDialog([])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("王\u202e五")
    dialog._accept_if_valid()
    assert dialog.error.text() == (
        "Name holds invisible control characters (U+202E); delete them and try again"
    )


@pytest.mark.usefixtures("english")
def test_a_short_problem_report_and_a_judge_answer_read_in_english(
    window: MainWindow, cadre: UserInfo, press: object
) -> None:
    window.set_user(cadre)
    window.navigate("workbook")
    choose(window.workbook.chooser.type_box, QType.JUDGE.value)
    window.workbook.chooser.start_button.click()
    page = window.practice
    assert page.card is not None
    press(Qt.Key.Key_B)  # type: ignore[operator]
    press(Qt.Key.Key_Return)  # type: ignore[operator]
    assert page.phase is Phase.FEEDBACK
    assert not page.marks.report("错")
    assert page.marks.status.text() == "say what is wrong (at least 4 characters)"
    feedback = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())
    assert "Answer: True" in feedback or "Answer: False" in feedback, feedback


@pytest.mark.usefixtures("english")
def test_questions_without_a_tag_are_named_in_english_and_tags_stay_as_written() -> None:
    from jgstudy.core.stats import NO_TAG
    from jgstudy.gui.progress import tag_name

    assert tag_name(NO_TAG) == "(no tag)"
    assert tag_name("党章") == "党章"
