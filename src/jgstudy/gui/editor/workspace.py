"""Editing one bank: question list, form, live preview and problems, with undo and live checks.

Every change is a command on the undo stack; the document is validated by the core 300 ms after
the last change (the same checks as ``jgstudy check``) and the problems are shown by field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks.editing import (
    BankDocument,
    FieldProblem,
    Item,
    Validation,
    free_id,
    with_fields,
)
from jgstudy.core.banks.editing import with_type as typed
from jgstudy.gui.editor.commands import (
    ApproveAll,
    EditQuestion,
    InsertQuestion,
    MoveQuestion,
    RemoveQuestion,
)
from jgstudy.gui.editor.fields import Edit, UndoKeys
from jgstudy.gui.editor.form import QuestionForm
from jgstudy.gui.editor.listmodel import QuestionListModel
from jgstudy.gui.editor.listpanel import QuestionListPanel
from jgstudy.gui.editor.preview import PreviewPane
from jgstudy.gui.editor.problems import ProblemPanel
from jgstudy.gui.editor.texts import EDIT_NAMES, QTYPES, type_label
from jgstudy.gui.fit import keep_content_width
from jgstudy.gui.i18n import tr

VALIDATE_DELAY_MS = 300


class EditorWorkspace(QWidget):
    """The document's questions and one question's form; emits ``changed`` after every change."""

    changed = Signal()
    validated = Signal(object)  # Validation
    bank_problem_clicked = Signal(object)  # FieldProblem about the bank's own fields

    def __init__(self, document: BankDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.stack = QUndoStack(self)
        self.model = QuestionListModel(document)
        self.model.move_requested.connect(self.move_to)
        self.keys = UndoKeys(self)
        self.keys.undo_requested.connect(self.undo)
        self.keys.redo_requested.connect(self.redo)
        self.validation = Validation()
        self._burst = 0
        self._loaded: int | None = None
        self._sized = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VALIDATE_DELAY_MS)
        self.timer.timeout.connect(self.revalidate)
        self._build()
        QApplication.instance().focusChanged.connect(self._focus_moved)  # type: ignore[union-attr]
        self.set_document(document)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = QuestionForm(self.keys)
        self.form.edited.connect(self.apply_edit)
        self.form.type_requested.connect(self.change_type)
        self.form.approve_requested.connect(lambda: self.approve())
        self.form.reject_requested.connect(lambda: self.reject())
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(self.form)
        keep_content_width(self.form_area)
        self.preview = PreviewPane()
        self.problems = ProblemPanel()
        self.problems.activated.connect(self.go_to)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        self.list_panel = self._list_panel()
        for widget in (self.list_panel, self.form_area, self.preview):
            top.addWidget(widget)
        top.setStretchFactor(1, 1)
        self.columns = top
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.problems)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([600, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # now that the size is known: the form and preview get the most
            self._sized = True
            rest = max(self.columns.width() - 240, 600)
            self.columns.setSizes([240, rest - rest * 9 // 20, rest * 9 // 20])
            self.splitter.setSizes([max(self.splitter.height() - 128, 300), 128])

    def _list_panel(self) -> QuestionListPanel:
        actions = {
            "duplicate": self.duplicate,
            "delete": self.delete,
            "up": self.move_up,
            "down": self.move_down,
        }
        panel = QuestionListPanel(self.model, self.add_question, actions)
        self.view, self.count_label = panel.view, panel.count_label
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        return panel

    # -- the document --------------------------------------------------------------------

    @property
    def document(self) -> BankDocument:
        return self._document

    def set_document(self, document: BankDocument) -> None:
        """Edit another document: the undo history starts afresh."""
        self._document = document
        self.stack.clear()
        self.model.set_document(document)
        self._loaded = None
        self.select(0)
        self.revalidate()

    def current(self) -> int | None:
        row = self.view.currentIndex().row()
        return row if 0 <= row < len(self._document) else None

    def select(self, index: int | None) -> None:
        if index is None or not len(self._document):
            self._load()
            return
        index = max(0, min(index, len(self._document) - 1))
        selection = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(self.model.index(index), selection)
        self._load()

    def after_change(self, select: int | None) -> None:
        """Called by every command: show the change now, check the bank once typing pauses."""
        if select is not None:
            self.select(select)
        else:
            self._load()
        self.timer.start()
        self.changed.emit()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._load()

    def _load(self) -> None:
        """Show the current question in the form, with its last known problems and a preview."""
        index = self.current()
        self.form.setEnabled(index is not None)
        self.count_label.setText(tr("题目（{count}）").format(count=len(self._document)))
        if index is None:
            return
        self.form.sync(self._document.question(index), self._document.is_draft(index))
        if index != self._loaded:
            self._loaded = index
            self.form.show_problems(self.validation.of_question(index))
            self.preview.show_question(self._document.model(index), self._document.header)

    def revalidate(self) -> Validation:
        """Check the whole bank with the core and show every problem where it belongs."""
        self.timer.stop()
        self.validation = self._document.validate()
        flagged = {p.index for p in self.validation.problems if p.index is not None}
        self.model.set_flagged(flagged)
        self.problems.show_validation(self.validation, self._document.ids())
        index = self.current()
        if index is not None:
            self.form.show_problems(self.validation.of_question(index))
            self.preview.show_question(self._document.model(index), self._document.header)
        self.validated.emit(self.validation)
        return self.validation

    # -- changes -------------------------------------------------------------------------

    def apply_edit(self, edit: Edit) -> None:
        index = self.current()
        if index is None:
            return
        before = self._document.question(index)
        after = with_fields(before, edit.changes)
        if after != before:
            name = tr(EDIT_NAMES.get(edit.key.split(".")[0], edit.key))
            merge = (edit.key, self._burst) if edit.typing else None
            self.stack.push(
                EditQuestion(self, index, before, after, tr("编辑{name}").format(name=name), merge)
            )

    def change_type(self, qtype: str) -> None:
        index = self.current()
        if index is not None:
            before = self._document.question(index)
            label = type_label(qtype)
            self.stack.push(
                EditQuestion(
                    self, index, before, typed(before, qtype), tr("改为{label}").format(label=label)
                )
            )

    def add_question(self, qtype: str | None = None) -> int:
        """A new empty question after the current one (of its type unless one is given)."""
        index = self.current()
        kind = qtype or (self._document.question(index).get("type") if index is not None else None)
        at = self._document.add(str(kind) if kind in QTYPES else "single", index)
        item = self._document.delete(at)  # made by the document, inserted by the command
        self.stack.push(InsertQuestion(self, at, item, tr("新增题目")))
        self.form.stem.setFocus()
        return at

    def add_reviewed(self, questions: list[dict[str, Any]]) -> int:
        """Questions reviewed elsewhere (drafted from a material), after the current one, as one
        undoable step; ids that clash with the bank's get a free number. Returns how many."""
        at = (self.current() if self.current() is not None else len(self._document) - 1) or 0
        at = min(at + 1, len(self._document))
        self.stack.beginMacro(tr("从材料加入 {count} 题").format(count=len(questions)))
        for offset, data in enumerate(questions):
            data = {**data, "id": free_id(str(data["id"]), self._document.ids())}
            self.stack.push(InsertQuestion(self, at + offset, Item(data), tr("新增题目")))
        self.stack.endMacro()
        return len(questions)

    def duplicate(self) -> None:
        index = self.current()
        if index is not None:
            at = self._document.duplicate(index)
            self.stack.push(InsertQuestion(self, at, self._document.delete(at), tr("复制题目")))

    def delete(self, text: str | None = None) -> None:
        index = self.current()
        if index is not None:
            self.stack.push(RemoveQuestion(self, index, text or tr("删除题目")))

    def move_up(self) -> None:
        index = self.current()
        if index:
            self.move_to(index, index - 1)

    def move_down(self) -> None:
        index = self.current()
        if index is not None and index + 1 < len(self._document):
            self.move_to(index, index + 1)

    def move_to(self, source: int, target: int) -> None:
        if source != target and 0 <= target < len(self._document):
            self.stack.push(MoveQuestion(self, source, target))

    def approve(self) -> None:
        index = self.current()
        if index is not None and self._document.is_draft(index):
            before = self._document.question(index)
            after = with_fields(before, {"status": None})
            self.stack.push(EditQuestion(self, index, before, after, tr("通过草稿题")))

    def reject(self) -> None:
        self.delete(tr("删除草稿题"))

    def approve_all(self) -> None:
        if self._document.drafts():
            self.stack.push(ApproveAll(self))

    def undo(self) -> None:
        self._burst += 1
        self.stack.undo()

    def redo(self) -> None:
        self._burst += 1
        self.stack.redo()

    def go_to(self, problem: FieldProblem) -> None:
        """Show where a problem is: its question and field (the bank's own: ask the page)."""
        if problem.index is None:
            self.bank_problem_clicked.emit(problem)
            return
        self.select(problem.index)
        box = self.form.focus_field(problem.field)
        self.form_area.ensureWidgetVisible(box, 0, 40)

    def _focus_moved(self, *_widgets: object) -> None:
        self._burst += 1  # typing after the cursor moved is a new undo step
