"""Score files on the desktop: a cadre exports theirs, the trainer merges them on the reports page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta, timezone
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dberrors import FULL, failing
from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.scores.service import ScoreService
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import tr
from jgstudy.gui.reports import ReportsView
from jgstudy.gui.scorefiles import MergeOutcome, ScoreFiles, outcome_text


class ChosenFiles(FileChooser):
    """A file dialog that answers with what the test chose."""

    def __init__(self, opened: list[Path], saved: Path | None = None) -> None:
        super().__init__()
        self.opened = opened
        self.saved = saved

    def open_files(self, parent: QWidget, title: str, filters: str) -> list[Path]:
        return self.opened

    def save_file(self, parent: QWidget, title: str, name: str | Path, filters: str) -> Path | None:
        return self.saved


def answered(service: StudyService, sample_bank: Path, clock: FixedClock) -> UserInfo:
    """A cadre of 市审计局 who answered two questions on this desktop."""
    service.import_banks([sample_bank])
    user = service.ensure_user("赵六", "市审计局")
    for pk in service.practice_queue(user, order=NewOrder.BANK, limit=2):
        clock.advance(minutes=1)
        service.record(user.id, service.question(pk), "A", 3000)
    return user


@pytest.fixture
def trainer_desktop(tmp_path: Path, clock: FixedClock, sample_bank: Path) -> Iterator[Services]:
    """A second database, the trainer's, with the same bank and nobody in it yet."""
    url = f"sqlite:///{tmp_path / 'trainer.sqlite3'}"
    beijing = timezone(timedelta(hours=8))
    services = open_services(url, clock, beijing, scheduler=Scheduler(fuzz=False))
    services.study.import_banks([sample_bank])
    yield services
    services.close()


@pytest.fixture
def cadre_file(
    qtbot: QtBot,
    tmp_path: Path,
    service: StudyService,
    services: Services,
    sample_bank: Path,
    clock: FixedClock,
) -> Path:
    """赵六's scores file, exported through the desktop after two answers."""
    user = answered(service, sample_bank, clock)
    path = tmp_path / "成绩-赵六.json.gz"
    files = merger(qtbot, services, ChosenFiles([], path))
    with qtbot.waitSignal(files.exported, timeout=10_000):
        files.ask_export(user)
    assert files.box is not None and str(path) in files.box.text()
    return path


def merger(qtbot: QtBot, services: Services, chosen: ChosenFiles) -> ScoreFiles:
    """The score-file actions over ``services``, in a window of their own."""
    parent = QWidget()
    qtbot.addWidget(parent)
    return ScoreFiles(lambda: services.scores, chosen, parent)


def test_a_cadres_export_merged_by_the_trainer_shows_on_the_reports_page(
    qtbot: QtBot, tmp_path: Path, cadre_file: Path, trainer_desktop: Services
) -> None:
    files = ChosenFiles([cadre_file])
    scores = merger(qtbot, trainer_desktop, files)
    view = ReportsView(trainer_desktop.reports, files=files, score_files=scores)
    qtbot.addWidget(view)
    view.refresh()
    assert "市审计局" not in [view.unit.itemText(i) for i in range(view.unit.count())]

    with qtbot.waitSignal(scores.merged, timeout=10_000) as merged:
        view.merge_button.click()
    outcome: MergeOutcome = merged.args[0]
    assert (outcome.merged, outcome.refused, outcome.warnings) == (1, 0, 0)
    assert scores.box is not None
    assert scores.box.icon() == QMessageBox.Icon.Information
    assert "赵六（新建用户） 新增答题记录 2 条（已有 0 条）" in scores.box.text()
    assert "市审计局" in [view.unit.itemText(i) for i in range(view.unit.count())]
    assert "已合并 1 个成绩文件" in view.summary.text()
    again = trainer_desktop.scores.export("赵六", tmp_path / "again.json")
    assert len(again.review_logs) == 2

    with qtbot.waitSignal(scores.merged, timeout=10_000):  # again: nothing twice
        view.merge_button.click()
    assert "赵六 新增答题记录 0 条（已有 2 条）" in scores.box.text()


def test_a_bad_file_is_refused_with_its_reason_and_the_others_are_merged(
    qtbot: QtBot, tmp_path: Path, cadre_file: Path, trainer_desktop: Services
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    scores = merger(qtbot, trainer_desktop, ChosenFiles([bad, cadre_file]))

    with qtbot.waitSignal(scores.merged, timeout=10_000) as merged:
        scores.ask_merge()
    outcome: MergeOutcome = merged.args[0]
    assert (outcome.merged, outcome.refused) == (1, 1)
    assert scores.box is not None and scores.box.icon() == QMessageBox.Icon.Warning
    lines = scores.box.text().splitlines()
    assert lines[0].startswith("警告：bad.json：") and "成绩文件" in lines[0]
    assert lines[1].startswith("成绩-赵六.json.gz：赵六（新建用户） 新增答题记录 2 条")


def test_the_report_of_many_warnings_is_cut_to_what_a_screen_holds() -> None:
    from jgstudy.core.scores.summary import Kind, Sentence

    outcome = MergeOutcome([Sentence(Kind.WARNING, f"第 {n} 条") for n in range(100)])
    lines = outcome_text(outcome, limit=30).splitlines()
    assert len(lines) == 30
    assert lines[0] == "警告：第 0 条" and lines[28] == "警告：第 28 条"
    assert lines[29] == "……另有 71 处"


@pytest.mark.usefixtures("english")
def test_the_merge_report_reads_in_english(
    qtbot: QtBot, tmp_path: Path, cadre_file: Path, trainer_desktop: Services
) -> None:
    path = cadre_file.rename(tmp_path / "scores.json.gz")
    scores = merger(qtbot, trainer_desktop, ChosenFiles([path]))
    with qtbot.waitSignal(scores.merged, timeout=10_000):
        scores.ask_merge()
    assert scores.box is not None
    assert scores.box.text() == (
        "scores.json.gz: 赵六 (new user), 2 new answers (0 already here), "
        "0 new and 0 updated exams or practices, 2 cards updated"
    )
    assert tr("合并成绩文件…") == "Merge scores files…"


def test_the_file_menu_exports_the_cadre_and_opens_the_merge(
    qtbot: QtBot, window: MainWindow, cadre: UserInfo, tmp_path: Path
) -> None:
    window.set_user(cadre)
    path = tmp_path / "mine.json.gz"
    window.score_files._files = ChosenFiles([], path)
    with qtbot.waitSignal(window.score_files.exported, timeout=10_000):
        window.actions_by_name["export_scores"].trigger()
    assert path.stat().st_size > 0
    window.score_files._files = ChosenFiles([path])
    with qtbot.waitSignal(window.score_files.merged, timeout=10_000) as merged:
        window.actions_by_name["merge_scores"].trigger()
    assert window.current_view() == "reports"
    assert merged.args[0].merged == 1
    assert "张三 新增答题记录 0 条（已有 0 条）" in window.score_files.box.text()


class FullDisk:
    """A score service whose database cannot grow."""

    merge = staticmethod(failing(FULL))


def test_a_full_disk_during_a_merge_is_one_sentence_not_the_database_error(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    full = cast("ScoreService", FullDisk())
    scores = ScoreFiles(lambda: full, ChosenFiles([tmp_path / "a.json.gz"]), parent)
    with qtbot.waitSignal(scores.failed, timeout=10_000) as failed:
        scores.ask_merge()
    assert failed.args[0] == "磁盘空间已满，无法写入。请清理磁盘后重试。"
    assert scores.box is not None and scores.box.text() == failed.args[0]


def test_the_reports_page_shows_the_merge_running_and_allows_no_second_one(
    qtbot: QtBot, cadre_file: Path, trainer_desktop: Services
) -> None:
    files = ChosenFiles([cadre_file])
    scores = merger(qtbot, trainer_desktop, files)
    view = ReportsView(trainer_desktop.reports, files=files, score_files=scores)
    qtbot.addWidget(view)
    shown: list[tuple[str, bool]] = []
    scores.progress.connect(
        lambda *_: shown.append((view.summary.text(), view.merge_button.isEnabled()))
    )
    with qtbot.waitSignal(scores.merged, timeout=10_000):
        view.merge_button.click()
    assert ("正在合并成绩文件（0/1）：成绩-赵六.json.gz", False) in shown
    assert view.merge_button.isEnabled()  # and again once it ended


def test_exporting_with_nobody_chosen_says_so(qtbot: QtBot, window: MainWindow) -> None:
    assert window.user is None  # the profile dialog closed without a choice
    window.actions_by_name["export_scores"].trigger()
    assert window.statusBar().currentMessage() == "请先选择或新建用户。"
