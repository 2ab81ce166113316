"""收藏, 笔记 and 纠错 for the question on screen: a star toggle, a one-line note, a report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QPushButton, QWidget

from jgstudy.core.records import UserInfo
from jgstudy.core.workbook import NOTE_MAX, WorkbookError, WorkbookService
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.widgets import button, plain_label


class MarkBar(QWidget):
    """☆ 收藏, 笔记 and 纠错 of one question for one cadre; every change is stored at once."""

    def __init__(self, workbook: WorkbookService | None = None) -> None:
        super().__init__()
        self._workbook = workbook
        self._user: UserInfo | None = None
        self._pk: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.star = QPushButton()
        self.star.setCheckable(True)
        self.star.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.star.toggled.connect(self._starred)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(tr("笔记：写一句自己的提示（回车保存）"))
        self.note.editingFinished.connect(self._save_note)
        self.report_button = button(tr("纠错"), flat=True)
        self.report_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.report_button.clicked.connect(self.ask_report)
        self.status = plain_label("", "muted")
        for widget in (self.star, self.note):
            row.addWidget(widget, 1 if widget is self.note else 0)
        row.addWidget(self.report_button)
        row.addWidget(self.status)
        self._show_star(False)

    def set_workbook(self, workbook: WorkbookService) -> None:
        self._workbook = workbook

    def show_question(self, user: UserInfo | None, pk: int | None) -> None:
        """Read the star and the note of ``pk`` for ``user``."""
        self._user, self._pk = user, pk
        self.status.setText("")
        usable = self._workbook is not None and user is not None and pk is not None
        self.setEnabled(usable)
        if not usable:
            return
        assert self._workbook is not None and user is not None and pk is not None
        self.star.blockSignals(True)
        self._show_star(pk in self._workbook.stars(user, [pk]))
        self.star.blockSignals(False)
        self.note.setText(self._workbook.notes(user, [pk]).get(pk, ""))

    def _show_star(self, on: bool) -> None:
        self.star.setChecked(on)
        self.star.setText(tr("★ 已收藏") if on else tr("☆ 收藏"))

    def _starred(self, on: bool) -> None:
        if self._workbook and self._user and self._pk is not None:
            self._workbook.set_star(self._user, self._pk, on)
        self._show_star(on)

    def _save_note(self) -> None:
        if not (self._workbook and self._user and self._pk is not None):
            return
        try:
            kept = self._workbook.set_note(self._user, self._pk, self.note.text())
        except WorkbookError as exc:
            self.status.setText(tr_error(exc))
            return
        self.note.setText(kept)
        self.status.setText(tr("笔记已保存") if kept else "")

    def ask_report(self) -> None:
        """Ask for the reason and store the report (题目纠错)."""
        reason, ok = QInputDialog.getMultiLineText(
            self, tr("题目纠错"), tr("这道题有什么问题？请简要说明（培训老师会核查）：")
        )
        if ok:
            self.report(reason)

    def report(self, reason: str) -> bool:
        if not (self._workbook and self._user and self._pk is not None):
            return False
        try:
            self._workbook.report_problem(self._user, self._pk, reason)
        except WorkbookError as exc:
            self.status.setText(tr_error(exc))
            return False
        self.status.setText(tr("已提交纠错，谢谢！"))
        return True
