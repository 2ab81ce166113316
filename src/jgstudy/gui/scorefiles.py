"""Score files on the desktop: a cadre exports theirs, a trainer merges many into this database.

The desktop's counterpart of ``jgstudy export-scores`` and ``merge-scores``, with the same
sentences (:func:`jgstudy.core.scores.summary.merge_summary`). Both run in the background; a
file that is not a valid score file is refused whole and the others are still merged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from jgstudy.core.records import Progress, UserInfo
from jgstudy.core.text import message_of
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import N_, tr, tr_msg
from jgstudy.gui.tasks import TaskRunner, failure_text

if TYPE_CHECKING:
    from jgstudy.core.scores.service import ScoreService
    from jgstudy.core.scores.summary import Sentence

SCORE_FILES = N_("成绩文件 (*.json.gz *.json)")
SHOWN_LINES = 30  # a file of a thousand foreign records would make the box taller than a screen


@dataclass
class MergeOutcome:
    """Every file's sentences in the order chosen; how many were merged and refused."""

    sentences: list[Sentence] = field(default_factory=list)
    merged: int = 0
    refused: int = 0

    @property
    def warnings(self) -> int:
        from jgstudy.core.scores.summary import Kind

        return sum(s.kind is Kind.WARNING for s in self.sentences)


def merge_files(scores: ScoreService, paths: Sequence[Path], progress: Progress) -> MergeOutcome:
    """Merge each file in turn (on a worker thread); a refused file does not stop the others."""
    from jgstudy.core.scores import ScoresFileError
    from jgstudy.core.scores.summary import Kind, Sentence, merge_summary

    outcome = MergeOutcome()
    for done, path in enumerate(paths):
        progress(done, len(paths), path.name)
        try:
            result = scores.merge(path)
        except ScoresFileError as exc:  # nothing of this file was written
            outcome.sentences.append(Sentence(Kind.WARNING, message_of(exc)))
            outcome.refused += 1
            continue
        outcome.sentences += merge_summary(path.name, result)
        outcome.merged += 1
    progress(len(paths), len(paths), "")
    return outcome


def outcome_text(outcome: MergeOutcome, limit: int = SHOWN_LINES) -> str:
    """The sentences as the trainer reads them; past ``limit`` lines, how many more there are."""
    from jgstudy.core.scores.summary import Kind

    prefix = {Kind.DONE: "", Kind.NOTE: tr("提示："), Kind.WARNING: tr("警告：")}
    lines = [prefix[s.kind] + tr_msg(s.text) for s in outcome.sentences]
    if len(lines) > limit:
        rest = len(lines) - limit + 1
        lines = [*lines[: limit - 1], tr("……另有 {count} 处").format(count=rest)]
    return "\n".join(lines)


class ScoreFiles(QObject):
    """The two actions for one window: each asks for files, then works in the background."""

    progress = Signal(int, int, str)  # files merged, files chosen, the file now being merged
    merged = Signal(object)  # MergeOutcome, after the files were merged
    exported = Signal(object)  # the Path written
    failed = Signal(str)  # why the work stopped (a database or disk failure)

    def __init__(
        self,
        scores: Callable[[], ScoreService],
        files: FileChooser,
        parent: QWidget,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._scores = scores  # built on first use: start-up does not load the score modules
        self._files = files
        self._parent = parent
        self._runner = TaskRunner(self, pool)
        self._runner.progress.connect(self.progress)
        self.box: QMessageBox | None = None  # the last report shown (tests read it)
        self.failed.connect(self._show_failure)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def ask_merge(self) -> None:
        paths = self._files.open_files(self._parent, tr("合并成绩文件"), tr(SCORE_FILES))
        if paths:
            self.merge(paths)

    def merge(self, paths: Sequence[Path]) -> bool:
        """Merge ``paths``; ``merged`` or ``failed`` follows. False while other work runs."""
        scores = self._scores()
        chosen = list(paths)
        return self._runner.start(
            "merge score files",
            lambda progress: merge_files(scores, chosen, progress),
            self._on_merged,
            lambda error: self.failed.emit(failure_text(error)),
        )

    def ask_export(self, user: UserInfo) -> None:
        name = tr("成绩-{name}.json.gz").format(name=user.name)
        path = self._files.save_file(self._parent, tr("导出我的成绩"), name, tr(SCORE_FILES))
        if path is not None:
            self.export(user, path)

    def export(self, user: UserInfo, path: Path) -> bool:
        """Write ``user``'s score file to ``path``; ``exported`` or ``failed`` follows."""
        scores = self._scores()

        def work(_progress: Progress) -> Path:
            scores.export(user.name, path)
            return path

        return self._runner.start(
            "export scores",
            work,
            self._on_exported,
            lambda error: self.failed.emit(failure_text(error)),
        )

    def _on_merged(self, outcome: MergeOutcome) -> None:
        title = tr("合并成绩文件")
        icon = QMessageBox.Icon.Warning if outcome.warnings else QMessageBox.Icon.Information
        self._show(icon, title, outcome_text(outcome))
        self.merged.emit(outcome)

    def _on_exported(self, path: Path) -> None:
        text = tr("成绩文件已导出：{path}\n把它交给培训管理员合并即可。").format(path=path)
        self._show(QMessageBox.Icon.Information, tr("导出我的成绩"), text)
        self.exported.emit(path)

    def _show_failure(self, message: str) -> None:
        self._show(QMessageBox.Icon.Warning, tr("成绩文件"), message)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A window-modal report that does not block (open, not exec)."""
        if self.box is not None:
            self.box.close()
        self.box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent)
        self.box.open()
