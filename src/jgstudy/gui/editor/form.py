"""The form for one question: common fields, then the fields of its type, problems by field."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks.editing import FieldProblem
from jgstudy.core.convert.syntax import format_number
from jgstudy.gui.editor.blanks import FillEditor
from jgstudy.gui.editor.choices import ChoiceEditor, JudgeEditor
from jgstudy.gui.editor.fields import (
    Edit,
    FieldBox,
    Syncing,
    UndoKeys,
    mapping_of,
    set_line,
    set_plain,
    text_of,
)
from jgstudy.gui.editor.keywords import ShortEditor
from jgstudy.gui.editor.texts import (
    CAPTIONS,
    DRAFT_NOTE,
    QTYPES,
    STEM_HINT,
    TAGS_HINT,
    join_items,
    split_items,
    type_label,
)
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, plain_label


class PointsBox(QDoubleSpinBox):
    """分值: ``2`` rather than ``2.0``, halves allowed."""

    def textFromValue(self, value: float) -> str:
        return str(format_number(round(value, 1)))


class QuestionForm(QWidget):
    """Edits one question's data; every change goes out as an :class:`Edit`, nothing is kept."""

    edited = Signal(object)  # Edit
    type_requested = Signal(str)
    approve_requested = Signal()
    reject_requested = Signal()

    def __init__(self, keys: UndoKeys) -> None:
        super().__init__()
        self.keys = keys
        self._syncing = Syncing()
        self.data: dict[str, Any] = {}
        self.boxes: dict[str, FieldBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 12, 16)
        layout.setSpacing(16)
        layout.addWidget(self._draft_bar())
        layout.addWidget(self._top_row())
        self.stem = self._text_field("stem", 104, tr("题目的内容（纯文本）"))
        self.boxes["stem"] = FieldBox(tr(CAPTIONS["stem"]), self.stem, hint=tr(STEM_HINT))
        layout.addWidget(self.boxes["stem"])
        layout.addWidget(self._type_stack())
        self.explanation = self._text_field("explanation", 84, tr("为什么这样答，干部要记住什么"))
        self.boxes["explanation"] = FieldBox(tr(CAPTIONS["explanation"]), self.explanation)
        layout.addWidget(self.boxes["explanation"])
        self.tags = self._line_field("tags", tr(TAGS_HINT))
        self.boxes["tags"] = FieldBox(tr(CAPTIONS["tags"]), self.tags)
        layout.addWidget(self.boxes["tags"])
        layout.addWidget(self._source_field())
        self.other = FieldBox(tr("其他问题"))
        layout.addWidget(self.other)
        layout.addStretch(1)

    # -- building ------------------------------------------------------------------------

    def _draft_bar(self) -> QFrame:
        self.draft_bar = QFrame()
        self.draft_bar.setObjectName("draftbar")
        row = QHBoxLayout(self.draft_bar)
        row.setContentsMargins(14, 10, 10, 10)
        row.addWidget(plain_label(tr(DRAFT_NOTE), wrap=True), 1)
        self.approve_button = button(tr("通过"), primary=True)
        self.reject_button = button(tr("删除"))
        self.approve_button.clicked.connect(self.approve_requested)
        self.reject_button.clicked.connect(self.reject_requested)
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        return self.draft_bar

    def _top_row(self) -> QWidget:
        self.id_edit = self._line_field("id", tr("字母、数字、- _ ."))
        self.type_combo = QComboBox()
        for qtype in QTYPES:
            self.type_combo.addItem(type_label(qtype), qtype)
        self.type_combo.activated.connect(self._type_picked)
        self.difficulty = QSpinBox()
        self.difficulty.setRange(1, 5)
        self.difficulty.setToolTip(tr("1 最容易，5 最难；默认 2"))
        self.difficulty.valueChanged.connect(lambda v: self._number("difficulty", v, 2))
        self.points = PointsBox()
        self.points.setRange(0.5, 100)
        self.points.setSingleStep(0.5)
        self.points.setDecimals(1)
        self.points.valueChanged.connect(lambda v: self._number("points", v, 1))
        for spin in (self.difficulty, self.points):
            spin.setMaximumWidth(96)
        holder = QWidget()  # one row, wrapping in two with large text or a narrow window
        flow = FlowLayout(holder, spacing=14)
        fields = {
            "id": self.id_edit,
            "type": self.type_combo,
            "difficulty": self.difficulty,
            "points": self.points,
        }
        for name, widget in fields.items():
            self.boxes[name] = FieldBox(tr(CAPTIONS[name]), widget)
            flow.addWidget(self.boxes[name])
        return holder

    def _type_stack(self) -> QWidget:
        self.choice = ChoiceEditor(self.keys)
        self.judge = JudgeEditor()
        self.fill = FillEditor(self.keys)
        self.short = ShortEditor(self.keys)
        self.boxes["options"] = FieldBox(tr(CAPTIONS["options"]), self.choice)
        self.boxes["judge"] = FieldBox(tr(CAPTIONS["answer"]), self.judge)
        self.boxes["blanks"] = FieldBox(tr(CAPTIONS["blanks"]), self.fill)
        self.boxes["options"].marked = [self.choice.rows_frame]
        self.boxes["blanks"].marked = [self.fill.rows]
        self.boxes["reference"] = self.short.reference_box
        self.boxes["keywords"] = self.short.keywords_box
        self.type_stack = QWidget()  # only the current type's page shows, and takes room
        stack = QVBoxLayout(self.type_stack)
        stack.setContentsMargins(0, 0, 0, 0)
        self.pages = {
            "single": self.boxes["options"],
            "multiple": self.boxes["options"],
            "judge": self.boxes["judge"],
            "fill": self.boxes["blanks"],
            "short": self.short,
        }
        for page in (self.boxes["options"], self.boxes["judge"], self.boxes["blanks"], self.short):
            stack.addWidget(page)
        for editor in (self.choice, self.judge, self.fill, self.short):
            editor.edited.connect(self.edited)
        return self.type_stack

    def _source_field(self) -> FieldBox:
        self.locator = self._line_field("source", tr("出处位置：材料中的小标题"))
        self.quote = self._line_field("source", tr("原文引用：材料中的原句（一小段）"))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.locator, 2)
        line.addWidget(self.quote, 3)
        self.boxes["source"] = FieldBox(tr(CAPTIONS["source"]), row)
        self.boxes["source"].marked = [self.locator, self.quote]
        return self.boxes["source"]

    def _text_field(self, name: str, height: int, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(height)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda: self._text_changed(name, edit))
        self.keys.watch(edit)
        return edit

    def _line_field(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text: self._line_edited(name))
        self.keys.watch(edit)
        return edit

    # -- showing -------------------------------------------------------------------------

    def sync(self, data: dict[str, Any], draft: bool) -> None:
        """Show ``data``; fields that already show it are left alone (cursor and all)."""
        self.data = data
        qtype = data.get("type")
        with self._syncing:
            self.draft_bar.setVisible(draft)
            set_line(self.id_edit, text_of(data.get("id")))
            self.type_combo.setCurrentIndex(QTYPES.index(qtype) if qtype in QTYPES else -1)
            difficulty, points = data.get("difficulty", 2), data.get("points", 1)
            self.difficulty.setValue(difficulty if isinstance(difficulty, int) else 2)
            self.points.setValue(points if isinstance(points, int | float) else 1)
            set_plain(self.stem, text_of(data.get("stem")))
            set_plain(self.explanation, text_of(data.get("explanation")))
            if split_items(self.tags.text()) != data.get("tags", []):
                set_line(self.tags, join_items(data.get("tags")))
            source = mapping_of(data, "source")
            set_line(self.locator, text_of(source.get("locator")))
            set_line(self.quote, text_of(source.get("quote")))
            self.boxes["stem"].hint.setVisible(qtype == "fill")
            page = self.pages.get(str(qtype), self.boxes["options"])
            for widget in set(self.pages.values()):
                widget.setVisible(widget is page)
            for editor in (self.choice, self.judge, self.fill, self.short):
                editor.sync(data)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """The core's messages next to the fields they concern; the rest under 其他问题."""
        by_box: dict[str, list[str]] = defaultdict(list)
        for problem in problems:
            by_box[self.box_name(problem.field)].append(problem.message)
        for name, box in [*self.boxes.items(), ("other", self.other)]:
            box.set_messages(by_box.get(name, []))
        self.other.setVisible(bool(by_box.get("other")))

    def box_name(self, field: str) -> str:
        """The field box showing problems of ``field`` (``other`` when none fits)."""
        if field == "answer":
            return "judge" if self.data.get("type") == "judge" else "options"
        return field if field in self.boxes else "other"

    def focus_field(self, field: str) -> FieldBox:
        """Put the cursor in the field of ``field``; returns its box (to scroll it into view)."""
        box = self.boxes.get(self.box_name(field), self.other)
        for widget in box.marked:
            if widget.isVisibleTo(self):
                editable = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QTableWidget)
                inner = widget if isinstance(widget, editable) else widget.findChild(QLineEdit)
                (inner or widget).setFocus()
                break
        return box

    # -- editing -------------------------------------------------------------------------

    def _text_changed(self, name: str, edit: QPlainTextEdit) -> None:
        if not self._syncing:
            self.edited.emit(Edit({name: edit.toPlainText()}, name, typing=True))

    def _line_edited(self, name: str) -> None:
        if name == "tags":
            value: Any = split_items(self.tags.text()) or None
        elif name == "source":
            parts = {"locator": self.locator.text(), "quote": self.quote.text()}
            value = {k: v for k, v in parts.items() if v.strip()} or None
        else:  # as typed: stripping would fight the cursor (the check reports stray spaces)
            value = self.id_edit.text()
        self.edited.emit(Edit({name: value}, name, typing=True))

    def _number(self, name: str, value: float, default: float) -> None:
        if self._syncing or (value == default and name not in self.data):
            return
        self.edited.emit(Edit({name: format_number(value)}, name, typing=True))

    def _type_picked(self, position: int) -> None:
        qtype = QTYPES[position]
        if qtype != self.data.get("type"):
            self.type_requested.emit(qtype)
