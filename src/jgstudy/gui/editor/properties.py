"""题库信息: the bank's id, title, description, tags and multiple-choice scoring."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks.editing import FieldProblem
from jgstudy.gui.editor.fields import FieldBox, text_of
from jgstudy.gui.editor.texts import SCORING, TAGS_HINT, join_items, split_items
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import plain_label

HEADER_ORDER = (
    "format", "id", "title", "description", "version", "authors", "source", "tags",
    "multiple_scoring", "questions",
)  # fmt: skip


def with_header_field(header: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of the header with ``key`` set (None removes it), new keys in the documented order."""
    items = [
        (k, value if k == key else v) for k, v in header.items() if k != key or value is not None
    ]
    if value is None or key in header:
        return dict(items)
    rank = HEADER_ORDER.index(key)
    at = next(
        (
            i
            for i, (k, _v) in enumerate(items)
            if k in HEADER_ORDER and HEADER_ORDER.index(k) > rank
        ),
        len(items),
    )
    return dict([*items[:at], (key, value), *items[at:]])


class BankPropertiesDialog(QDialog):
    """Edits a copy of the header; :meth:`header` is the result when the dialog is accepted."""

    def __init__(
        self, header: dict[str, Any], problems: list[FieldProblem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("题库信息"))
        self.setMinimumWidth(560)
        self._original = header
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(plain_label(tr("题库信息"), "section"))
        self.id_edit = QLineEdit(text_of(header.get("id")))
        self.id_edit.setPlaceholderText(tr("如 wh2026-lianzheng；字母、数字、- _ ."))
        self.title_edit = QLineEdit(text_of(header.get("title")))
        self.title_edit.setPlaceholderText(tr("干部看到的题库名称"))
        self.description = QPlainTextEdit(text_of(header.get("description")))
        self.description.setFixedHeight(90)
        self.tags = QLineEdit(join_items(header.get("tags")))
        self.tags.setPlaceholderText(tr(TAGS_HINT))
        self.scoring = QComboBox()
        for value, label in SCORING.items():
            self.scoring.addItem(tr(label), value)
        current = header.get("multiple_scoring", "all_or_nothing")
        self.scoring.setCurrentIndex(
            max(list(SCORING).index(current) if current in SCORING else 0, 0)
        )
        self.boxes = {
            "id": FieldBox(tr("编号"), self.id_edit),
            "title": FieldBox(tr("标题"), self.title_edit),
            "description": FieldBox(tr("说明"), self.description),
            "tags": FieldBox(tr("题库标签（每道题都会带上）"), self.tags),
            "multiple_scoring": FieldBox(tr("多选题计分"), self.scoring),
        }
        form = QFormLayout()
        form.setSpacing(10)
        for box in self.boxes.values():
            form.addRow(box)
        layout.addLayout(form)
        self._show_problems(problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = defaultdict(list)
        for problem in problems:  # others (e.g. format) are in the editor's problem list
            by_field[problem.field].append(problem.message)
        for name, box in self.boxes.items():
            box.set_messages(by_field.get(name, []))

    def header(self) -> dict[str, Any]:
        """The header as edited; keys the dialog does not show are kept as they were."""
        header = dict(self._original)
        header = with_header_field(header, "id", self.id_edit.text().strip())
        header = with_header_field(header, "title", self.title_edit.text().strip())
        description = self.description.toPlainText().strip()
        header = with_header_field(header, "description", description or None)
        header = with_header_field(header, "tags", split_items(self.tags.text()) or None)
        scoring = self.scoring.currentData()
        keep = scoring != "all_or_nothing" or "multiple_scoring" in self._original
        return with_header_field(header, "multiple_scoring", scoring if keep else None)
