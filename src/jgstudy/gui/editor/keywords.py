"""Short-answer questions: the reference answer and a table of scoring keywords."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.gui.editor.fields import (
    Edit,
    FieldBox,
    Syncing,
    UndoKeys,
    list_of,
    set_plain,
    text_of,
)
from jgstudy.gui.editor.texts import (
    CAPTIONS,
    join_alternatives,
    number_or_text,
    split_alternatives,
)
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.widgets import button

HEADERS = (N_("关键词"), N_("分值"), N_("同义词（用 | 分隔）"))


def keyword_entry(old: object, word: str, points: str, aliases: str) -> dict[str, Any]:
    """A keyword from a table row, keeping how ``old`` wrote what did not change."""
    entry = dict(old) if isinstance(old, dict) else {}
    entry["word"] = word.strip()
    value = number_or_text(points) if points.strip() else 1
    if "points" in entry or value != 1:
        entry["points"] = value
    names = split_alternatives(aliases)
    if names:
        entry["aliases"] = names
    else:
        entry.pop("aliases", None)
    return entry


def _cells(entry: object) -> tuple[str, str, str]:
    if not isinstance(entry, dict):
        return text_of(entry), "1", ""
    points = entry.get("points", 1)
    return text_of(entry.get("word")), text_of(points), join_alternatives(entry.get("aliases"))


class ShortEditor(QWidget):
    """参考答案 and 得分关键词, each a field with its own problems."""

    edited = Signal(object)  # Edit

    def __init__(self, keys: UndoKeys) -> None:
        super().__init__()
        self._syncing = Syncing()
        self._data: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.reference = QPlainTextEdit()
        self.reference.setPlaceholderText(tr("干部作答后看到的参考答案"))
        self.reference.setFixedHeight(92)
        self.reference.textChanged.connect(self._reference_changed)
        keys.watch(self.reference)
        self.reference_box = FieldBox(tr(CAPTIONS["reference"]), self.reference)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 64)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._cell_changed)
        self.keywords_box = FieldBox(
            tr(CAPTIONS["keywords"]),
            self.table,
            hint=tr("干部的答案中出现关键词（或同义词）即得该项分值"),
        )
        self.keywords_box.add(self._buttons())
        layout.addWidget(self.reference_box)
        layout.addWidget(self.keywords_box)

    def _buttons(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_button = button(tr("＋ 添加关键词"), flat=True)
        self.remove_button = button(tr("删除选中的关键词"), flat=True)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        return box

    def sync(self, data: dict[str, Any]) -> None:
        self._data = data
        keywords = list_of(data, "keywords")
        with self._syncing:
            set_plain(self.reference, text_of(data.get("reference")))
            self.table.setRowCount(len(keywords))
            for row, entry in enumerate(keywords):
                for column, text in enumerate(_cells(entry)):
                    item = self.table.item(row, column)
                    if item is None:
                        self.table.setItem(row, column, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)

    def _keywords(self) -> list[Any]:
        return list_of(self._data, "keywords")

    def _reference_changed(self) -> None:
        if not self._syncing:
            text = self.reference.toPlainText()
            self.edited.emit(Edit({"reference": text}, "reference", typing=True))

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._syncing:
            return
        row = item.row()
        cells = [self.table.item(row, c) for c in range(len(HEADERS))]
        word, points, aliases = (cell.text() if cell else "" for cell in cells)
        keywords = self._keywords()
        if row < len(keywords):
            keywords[row] = keyword_entry(keywords[row], word, points, aliases)
            self.edited.emit(Edit({"keywords": keywords}, f"keywords.{row}"))

    def _add(self) -> None:
        self.edited.emit(Edit({"keywords": [*self._keywords(), {"word": ""}]}, "keywords"))
        last = self.table.item(self.table.rowCount() - 1, 0)
        if last is not None:
            self.table.setCurrentItem(last)
            self.table.editItem(last)

    def _remove(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        kept = [k for i, k in enumerate(self._keywords()) if i not in rows]
        if rows:
            self.edited.emit(Edit({"keywords": kept or None}, "keywords"))
