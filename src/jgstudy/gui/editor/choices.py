"""Options with the correct-answer tick (single and multiple choice), and 正确/错误 for judge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks.editing import with_fields
from jgstudy.core.model import OPTION_KEYS
from jgstudy.gui.editor.fields import (
    Edit,
    Syncing,
    UndoKeys,
    clear_layout,
    mapping_of,
    set_line,
    text_of,
)
from jgstudy.gui.i18n import tr, trc
from jgstudy.gui.widgets import button

MIN_OPTIONS, MAX_OPTIONS = 2, len(OPTION_KEYS)


def with_option_removed(data: dict[str, Any], key: str) -> dict[str, Any]:
    """Drop option ``key``; later options move up a letter and the answer follows them."""
    old = mapping_of(data, "options")
    keys = [k for k in old if k != key]
    renamed = {k: OPTION_KEYS[i] for i, k in enumerate(keys)}
    answer = data.get("answer")
    if isinstance(answer, list):
        answer = [renamed[a] for a in answer if a in renamed] or None
    elif isinstance(answer, str):
        answer = renamed.get(answer)  # the removed right answer: the trainer ticks another
    return with_fields(data, {"options": {renamed[k]: old[k] for k in keys}, "answer": answer})


def with_option_added(data: dict[str, Any]) -> dict[str, Any]:
    options = mapping_of(data, "options")
    options[OPTION_KEYS[len(options)]] = ""
    return with_fields(data, {"options": options})


class ChoiceEditor(QWidget):
    """One row per option: its letter, its text, 正确答案 (radio or check box) and ✕."""

    edited = Signal(object)  # Edit

    def __init__(self, keys: UndoKeys) -> None:
        super().__init__()
        self._keys = keys
        self._syncing = Syncing()
        self._data: dict[str, Any] = {}
        self._shape: tuple[tuple[str, ...], bool] = ((), False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.rows_frame = QFrame()
        self.rows_frame.setObjectName("optionrows")
        self.grid = QGridLayout(self.rows_frame)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        layout.addWidget(self.rows_frame)
        self.add_button = button(tr("＋ 添加选项"), flat=True)
        self.add_button.clicked.connect(self._add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.texts: dict[str, QLineEdit] = {}
        self.ticks: dict[str, QAbstractButton] = {}
        self.removers: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)

    def sync(self, data: dict[str, Any]) -> None:
        """Show the question's options and answer."""
        self._data = data
        options = mapping_of(data, "options")
        multiple = data.get("type") == "multiple"
        with self._syncing:
            if self._shape != (tuple(options), multiple):
                self._rebuild(list(options), multiple)
            answer = data.get("answer")
            right = set(answer) if isinstance(answer, list) else {answer}
            self._group.setExclusive(False)  # else the checked radio cannot be unchecked
            for key, edit in self.texts.items():
                set_line(edit, text_of(options.get(key)))
                self.ticks[key].setChecked(key in right)
            self._group.setExclusive(not multiple)
        self.add_button.setEnabled(len(options) < MAX_OPTIONS)
        for remover in self.removers.values():
            remover.setEnabled(len(options) > MIN_OPTIONS)

    def _rebuild(self, keys: list[str], multiple: bool) -> None:
        clear_layout(self.grid)
        self._group = QButtonGroup(self)
        self._group.setExclusive(not multiple)
        self.texts, self.ticks, self.removers = {}, {}, {}
        for row, key in enumerate(keys):
            self._add_row(row, key, multiple)
        self._shape = (tuple(keys), multiple)

    def _add_row(self, row: int, key: str, multiple: bool) -> None:
        badge = QLabel(key)
        badge.setObjectName("optkey")
        badge.setFixedSize(28, 28)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        edit = QLineEdit()
        edit.setPlaceholderText(tr("选项 {key} 的内容").format(key=key))
        edit.textEdited.connect(lambda text, k=key: self._text_edited(k, text))
        self._keys.watch(edit)
        right = trc("option", "正确")  # "Correct" here; "True" is the judgement
        tick: QAbstractButton = QCheckBox(right) if multiple else QRadioButton(right)
        tick.setToolTip(tr("勾选正确答案") + (tr("（可多选）") if multiple else ""))
        self._group.addButton(tick)
        tick.toggled.connect(lambda _on, k=key: self._ticked(k))
        remover = button("✕", flat=True)
        remover.setToolTip(tr("删除选项 {key}（后面的选项依次前移）").format(key=key))
        remover.clicked.connect(lambda _c=False, k=key: self._remove(k))
        for column, widget in enumerate((badge, edit, tick, remover)):
            self.grid.addWidget(widget, row, column)
        self.grid.setColumnStretch(1, 1)
        self.texts[key], self.ticks[key], self.removers[key] = edit, tick, remover

    def _text_edited(self, key: str, text: str) -> None:
        options = mapping_of(self._data, "options")
        options[key] = text
        self.edited.emit(Edit({"options": options}, f"options.{key}", typing=True))

    def _ticked(self, key: str) -> None:
        if self._syncing:
            return
        picked = [k for k, tick in self.ticks.items() if tick.isChecked()]
        if self._data.get("type") == "multiple":
            self.edited.emit(Edit({"answer": picked or None}, "answer"))
        elif self.ticks[key].isChecked():
            self.edited.emit(Edit({"answer": key}, "answer"))

    def _remove(self, key: str) -> None:
        after = with_option_removed(self._data, key)
        self.edited.emit(Edit({k: after.get(k) for k in ("options", "answer")}, "options"))

    def _add(self) -> None:
        self.edited.emit(Edit({"options": with_option_added(self._data)["options"]}, "options"))


class JudgeEditor(QFrame):
    """正确 or 错误."""

    edited = Signal(object)  # Edit

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("optionrows")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(24)
        self.right = QRadioButton(tr("✓ 正确"))
        self.wrong = QRadioButton(tr("✗ 错误"))
        self._syncing = Syncing()
        for value, radio in ((True, self.right), (False, self.wrong)):
            radio.toggled.connect(lambda on, v=value: self._picked(on, v))
            layout.addWidget(radio)
        layout.addStretch(1)

    def sync(self, data: dict[str, Any]) -> None:
        answer = data.get("answer")
        with self._syncing:
            self.right.setAutoExclusive(False)
            self.wrong.setAutoExclusive(False)
            self.right.setChecked(answer is True)
            self.wrong.setChecked(answer is False)
            self.right.setAutoExclusive(True)
            self.wrong.setAutoExclusive(True)

    def _picked(self, on: bool, value: bool) -> None:
        if on and not self._syncing:
            self.edited.emit(Edit({"answer": value}, "answer"))
