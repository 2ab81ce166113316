"""模拟考试: the page the main window shows — pick a paper, take it, see the result.

Every decision (drawing the paper, time, saving, scoring) is the core ExamService's; this page
only routes between its three faces and tells the main window when an exam ends or the cadre
wants to leave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from jgstudy.core.exams import (
    ConfigErrors,
    DrawError,
    ExamBlueprint,
    ExamItem,
    ExamPhase,
    ExamResult,
    ExamService,
    ExamSession,
    ItemResult,
    PaletteEntry,
)
from jgstudy.core.records import UserInfo
from jgstudy.core.workbook import WorkbookService
from jgstudy.gui.exam.look import exam_stylesheet
from jgstudy.gui.exam.picker import BlueprintPicker, PaperChoice
from jgstudy.gui.exam.result import ResultPanel
from jgstudy.gui.exam.screen import ExamScreen
from jgstudy.gui.i18n import tr, tr_error, tr_msg, tr_problem
from jgstudy.gui.restyle import StyleKeeper

Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class _Silent:
    """An ExamView that shows nothing: for handing in an abandoned paper."""

    def show_question(self, item: ExamItem) -> None: ...
    def show_palette(self, palette: Sequence[PaletteEntry]) -> None: ...
    def show_time(self, remaining: timedelta) -> None: ...
    def show_feedback(self, item: ItemResult) -> None: ...
    def show_result(self, result: ExamResult) -> None: ...


class ExamPage(QWidget):
    """Picker → exam → result. Emits ``finished(ExamResult)`` and ``closed()``."""

    finished = Signal(object)  # ExamResult: the paper was handed in (by the cadre or the clock)
    closed = Signal()  # the cadre is done here: go back home

    def __init__(
        self,
        exams: ExamService,
        blueprints: Sequence[Path] | None = None,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.exams = exams
        self._paths = list(blueprints) if blueprints is not None else None
        self._confirm = confirm
        self.user: UserInfo | None = None
        self._workbook: WorkbookService | None = None
        self.session: ExamSession | None = None
        self._last: ExamBlueprint | None = None  # the paper last started, for 再考一次
        self.stack = QStackedWidget()
        self.picker = BlueprintPicker()
        self.exam_screen = ExamScreen()
        self.result = ResultPanel()
        for face in (self.picker, self.exam_screen, self.result):
            self.stack.addWidget(face)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.picker.start_requested.connect(self.start_file)
        self.picker.resume_requested.connect(self.resume)
        self.exam_screen.submitted.connect(self._on_submitted)
        self.result.home_requested.connect(self.closed)
        self.result.back_requested.connect(self.show_picker)
        self.result.again_requested.connect(self.again)
        self._style = StyleKeeper(self, exam_stylesheet)
        self.show_picker()

    # -- the cadre and the picker --------------------------------------------------------

    def activate(self) -> None:
        self.show_picker()

    def set_user(self, user: UserInfo | None) -> None:
        """A different cadre: stop showing any exam (its answers are saved) and list papers."""
        self.exam_screen.detach()
        self.session = None
        self.user = user
        self._update_marks()
        self.show_picker()

    def set_workbook(self, workbook: WorkbookService) -> None:
        """收藏, 笔记 and 纠错 under every question of a result (the cadre's own)."""
        self._workbook = workbook
        self._update_marks()

    def _update_marks(self) -> None:
        ready = self._workbook is not None and self.user is not None
        self.result.marks = (self._workbook, self.user) if ready else None  # type: ignore[assignment]

    def show_picker(self) -> None:
        """List the papers and offer the unfinished exam; a running exam is not interrupted."""
        if self.session is not None and self.exam_screen.running():
            self.stack.setCurrentWidget(self.exam_screen)
            return
        self.picker.set_papers(self._choices())
        self._offer_unfinished()
        if self.user is None:
            self.picker.set_message(tr("请先选择或新建用户。"))
        self.stack.setCurrentWidget(self.picker)

    def _choices(self) -> list[PaperChoice]:
        paths = self._paths if self._paths is not None else self.exams.bundled_blueprints()
        choices = []
        results = self.exams.results(self.user) if self.user is not None else {}
        for path in paths:
            try:
                blueprint = self.exams.load_blueprint(path)
            except ConfigErrors as errors:
                broken = _broken_text(errors)
                choices.append(PaperChoice(path, None, broken))
                continue
            short = self.exams.check(blueprint)
            problem = (
                tr("已导入的题库不足以组卷：{short}").format(short=tr_msg(short)) if short else None
            )
            past = tuple(results.get(blueprint.id, ()))
            choices.append(PaperChoice(path, blueprint, problem, past))
        return choices

    def _offer_unfinished(self) -> None:
        info = self.exams.unfinished(self.user) if self.user is not None else None
        if info is None:
            self.picker.set_unfinished(None)
            return
        self.picker.set_unfinished(info.title, self.exams.time_left(info))

    # -- starting ------------------------------------------------------------------------

    def start_file(self, path: Path) -> bool:
        try:
            blueprint = self.exams.load_blueprint(path)
        except ConfigErrors as errors:
            self.picker.set_message(_broken_text(errors))
            return False
        return self.start(blueprint)

    def again(self) -> bool:
        """再考一次: the paper just handed in, drawn afresh (the list when there is none)."""
        if self._last is None:
            self.show_picker()
            return False
        return self.start(self._last)

    def start(self, blueprint: ExamBlueprint, seed: int | None = None) -> bool:
        """Draw a paper and begin; False (with a message) when that is not possible."""
        self._last = blueprint
        if self.user is None:
            self.picker.set_message(tr("请先选择或新建用户。"))
            return False
        if self.exams.unfinished(self.user) is not None and not self._hand_in_unfinished():
            return False
        self.exam_screen.detach()
        try:
            session = self.exams.start(self.user, blueprint, self.exam_screen, seed=seed)
        except DrawError as exc:
            self.picker.set_message(tr("无法组卷：{exc}").format(exc=tr_error(exc)))
            return False
        self._attach(session)
        return True

    def resume(self) -> bool:
        """Continue the cadre's unfinished exam with the time that is left."""
        if self.user is None:
            return False
        self.exam_screen.detach()
        session = self.exams.resume(self.user, self.exam_screen)
        if session is None:
            self.show_picker()
            return False
        self._attach(session)
        return True

    def _hand_in_unfinished(self) -> bool:
        ok = self._confirm(
            self,
            tr("开始新的考试"),
            tr("上一场考试还没有交卷。开始新的考试，会先把上一场按已作答内容交卷。\n继续吗？"),
        )
        if ok and self.user is not None:
            old = self.exams.resume(self.user, _Silent())
            if old is not None:
                old.submit()
        return ok

    def _attach(self, session: ExamSession) -> None:
        if session.phase is ExamPhase.FINISHED:
            return  # the time ran out while the app was closed: the result is already shown
        self.session = session
        self.stack.setCurrentWidget(self.exam_screen)
        self.exam_screen.attach(session)

    # -- the end -------------------------------------------------------------------------

    def _on_submitted(self, result: object) -> None:
        assert isinstance(result, ExamResult)
        self.result.show_result(result)
        self.stack.setCurrentWidget(self.result)
        self.session = None
        self.finished.emit(result)


def _broken_text(errors: ConfigErrors, shown: int = 3) -> str:
    """方案文件有误：the first ``shown`` located problems of a blueprint file."""
    problems = tr("；").join(map(tr_problem, errors.problems[:shown]))
    return tr("方案文件有误：{problems}").format(problems=problems)
