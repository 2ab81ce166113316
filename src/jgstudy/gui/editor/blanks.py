"""Fill questions: one row of accepted answers per blank the stem marks, found as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from jgstudy.core.model import blank_spans
from jgstudy.gui.editor.fields import Edit, Syncing, UndoKeys, clear_layout, set_line
from jgstudy.gui.editor.texts import BLANK_HINT, join_alternatives, split_alternatives
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, plain_label


def blank_list(data: dict[str, Any]) -> list[Any]:
    blanks = data.get("blanks")
    return list(blanks) if isinstance(blanks, list) else []


def marked_blanks(data: dict[str, Any]) -> int:
    stem = data.get("stem")
    return len(blank_spans(stem)) if isinstance(stem, str) else 0


class FillEditor(QWidget):
    """A row per blank: 第 n 空, its answers (``a | b``); rows the stem has no blank for can go."""

    edited = Signal(object)  # Edit

    def __init__(self, keys: UndoKeys) -> None:
        super().__init__()
        self._keys = keys
        self._syncing = Syncing()
        self._data: dict[str, Any] = {}
        self._shape: tuple[int, tuple[int, ...]] = (-1, ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.found = plain_label(wrap=True)
        self.found.setObjectName("hint")
        layout.addWidget(self.found)
        self.rows = QFrame()
        self.rows.setObjectName("optionrows")
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        layout.addWidget(self.rows)
        self.edits: list[QLineEdit] = []

    def sync(self, data: dict[str, Any]) -> None:
        """Rows for the stem's blanks and for every answer given; texts as the document has them."""
        self._data = data
        marked, blanks = marked_blanks(data), blank_list(data)
        self.found.setText(
            tr("题干中标出了 {marked} 个空（{{{{1}}}} 或（ ））").format(marked=marked)
        )
        rows = max(marked, len(blanks), 1)
        shape = (rows, tuple(range(marked, len(blanks))))  # rows the stem has no blank for
        with self._syncing:
            if self._shape != shape:
                self._rebuild(*shape)
            for index, edit in enumerate(self.edits):
                given = blanks[index] if index < len(blanks) else []
                if split_alternatives(edit.text()) != _as_list(given):
                    set_line(edit, join_alternatives(given))

    def _rebuild(self, rows: int, extra: tuple[int, ...]) -> None:
        clear_layout(self.grid)
        self.edits = []
        for index in range(rows):
            self._add_row(index, extra=index in extra)
        self._shape = (rows, extra)

    def _add_row(self, index: int, extra: bool) -> None:
        label = plain_label(tr("第 {index} 空").format(index=index + 1))
        edit = QLineEdit()
        edit.setPlaceholderText(tr(BLANK_HINT))
        edit.textEdited.connect(lambda text, i=index: self._edited(i, text))
        self._keys.watch(edit)
        self.grid.addWidget(label, index, 0)
        self.grid.addWidget(edit, index, 1)
        self.edits.append(edit)
        if extra:
            remover: QPushButton = button(tr("删除此行"), flat=True)
            remover.setToolTip(tr("题干中没有这个空：删除这一组答案"))
            remover.clicked.connect(lambda _c=False, i=index: self._remove(i))
            self.grid.addWidget(remover, index, 2)

    def _edited(self, index: int, text: str) -> None:
        blanks = blank_list(self._data)
        blanks.extend([] for _ in range(index + 1 - len(blanks)))
        blanks[index] = split_alternatives(text)
        self.edited.emit(Edit({"blanks": blanks}, f"blanks.{index}", typing=True))

    def _remove(self, index: int) -> None:
        blanks = blank_list(self._data)
        del blanks[index]
        self.edited.emit(Edit({"blanks": blanks or None}, "blanks"))


def _as_list(value: object) -> list[str]:
    """A blank's answers as a list (a bank may give a single answer as a plain string)."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return [] if value is None else [str(value)]
