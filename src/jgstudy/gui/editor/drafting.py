"""从材料生成: draft candidate questions from a material and review them one by one.

The trainer pastes or opens a material, the candidates are drafted off the UI thread, and each is
shown beside the sentence it came from (its quote highlighted). Keys: ↑/↓ move, A (or Enter)
accepts, R (or Delete) rejects, T switches to the candidate's other question form, E edits the
stem. 加入题库 hands the accepted questions, without their draft status, to the editor.
"""

from __future__ import annotations

import copy
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.drafting import Candidate, draft_candidates
from jgstudy.core.drafting.forms import DRAFT_TAG
from jgstudy.core.drafting.material import MaterialError, read_material
from jgstudy.core.drafting.words import preload as preload_word_boundaries
from jgstudy.core.model import QTYPE_LABELS, QType, display_stem
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import N_, tr, tr_error
from jgstudy.gui.tasks import TaskRunner
from jgstudy.gui.widgets import button, plain_label

MATERIAL_FILTER = N_("材料文本 (*.txt *.docx)")
Draft = dict[str, Any]
QUOTE_MARK = "#fde68a"  # the quote's background: a light amber that reads in both schemes
QUOTE_TEXT = "#1f2937"  # its text: dark in both schemes (dark mode's light text vanished on it)


class Verdict(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


MARKS = {Verdict.PENDING: "·", Verdict.ACCEPTED: "✓", Verdict.REJECTED: "✗"}


class DraftDialog(QDialog):
    """Material in, reviewed questions out: see the module docstring."""

    drafted = Signal(int)  # how many candidates the material gave

    def __init__(self, parent: QWidget | None = None, files: FileChooser | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("从材料生成候选题"))
        self.resize(1100, 680)
        self._files = files or FileChooser()  # the editor's: it remembers the last folder
        self.candidates: list[Candidate] = []
        self.verdicts: list[Verdict] = []
        self._stems: dict[int, str] = {}  # edited stems, by candidate index
        self._runner = TaskRunner(self)
        preload_word_boundaries()  # jieba imported here, on the main thread (see words.preload)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._material_page())
        self.pages.addWidget(self._review_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._footer())
        self._keys()
        self._refresh_footer()

    # -- building ------------------------------------------------------------------------

    def _material_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(plain_label(tr("粘贴材料全文，或打开一个文本文件。"), wrap=True))
        self.material = QPlainTextEdit()
        self.material.setPlaceholderText(tr("在此粘贴材料……"))
        column.addWidget(self.material, 1)
        row = QHBoxLayout()
        self.open_button = button(tr("打开文件…"))
        self.open_button.clicked.connect(self.choose_material)
        self.draft_button = button(tr("生成候选题"), primary=True)
        self.draft_button.clicked.connect(self.start_drafting)
        self.status = plain_label("", "small")
        row.addWidget(self.open_button)
        row.addWidget(self.status, 1)
        row.addWidget(self.draft_button)
        column.addLayout(row)
        return page

    def _review_page(self) -> QWidget:
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show)
        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.stem_edit = QPlainTextEdit()
        self.stem_edit.setPlaceholderText(tr("题干（可修改）"))
        self.stem_edit.setMaximumHeight(90)
        self.stem_edit.textChanged.connect(self._stem_edited)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(plain_label(tr("原文（出处已标出）"), "small"))
        column.addWidget(self.source, 2)
        column.addWidget(plain_label(tr("题干"), "small"))
        column.addWidget(self.stem_edit)
        column.addWidget(plain_label(tr("候选题"), "small"))
        column.addWidget(self.preview, 3)
        column.addLayout(self._verdict_buttons())
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([420, 680])
        return splitter

    def _verdict_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.accept_button = button(tr("采用（A）"))
        self.reject_button = button(tr("舍弃（R）"))
        self.switch_button = button(tr("换题型（T）"))
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.switch_button.clicked.connect(self.switch_form)
        for widget in (self.accept_button, self.reject_button, self.switch_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys keep working in the list
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.summary = plain_label("", "small")
        self.cancel_button = button(tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        self.add_button = button(tr("加入题库"), primary=True)
        self.add_button.clicked.connect(self.accept)
        row.addWidget(self.summary, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.add_button)
        return row

    def _keys(self) -> None:
        keys = {
            "accept": (self.accept_current, ["A", "Return", "Enter"]),
            "reject": (self.reject_current, ["R", "Delete"]),
            "switch": (self.switch_form, ["T"]),
            "edit": (self.stem_edit.setFocus, ["E"]),
        }
        self.actions_by_name: dict[str, QAction] = {}
        for name, (slot, shortcuts) in keys.items():
            action = QAction(self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.list.addAction(action)  # only while the list has focus: typing stays typing
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.actions_by_name[name] = action

    # -- drafting ------------------------------------------------------------------------

    def choose_material(self) -> None:
        path = self._files.open_file(self, tr("打开材料"), tr(MATERIAL_FILTER))
        if path is not None:
            self.load_material(path)

    def load_material(self, path: Path) -> bool:
        try:
            self.material.setPlainText(read_material(path))
        except MaterialError as error:
            self.status.setText(tr_error(error))
            return False
        self.status.setText(tr("已打开 {name}").format(name=path.name))
        return True

    def start_drafting(self) -> None:
        text = self.material.toPlainText()
        if not text.strip():
            self.status.setText(tr("请先粘贴或打开材料。"))
            return
        self.draft_button.setEnabled(False)
        self.status.setText(tr("正在生成候选题……"))
        self._runner.start(
            "drafting", lambda _progress: draft_candidates(text), self._drafted, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.draft_button.setEnabled(True)
        self.status.setText(tr("生成失败：{error}").format(error=tr_error(error)))

    def _drafted(self, candidates: list[Candidate]) -> None:
        self.draft_button.setEnabled(True)
        self.set_candidates(candidates)

    def set_candidates(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.verdicts = [Verdict.PENDING] * len(candidates)
        self._stems.clear()
        self.list.clear()
        for index in range(len(candidates)):
            self.list.addItem(QListWidgetItem(self._row_text(index)))
        self.drafted.emit(len(candidates))
        if not candidates:
            self.status.setText(tr("这份材料没有生成候选题：它可能没有数字、名称或完整列举。"))
            return
        self.pages.setCurrentIndex(1)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self._refresh_footer()

    # -- reviewing -----------------------------------------------------------------------

    def current(self) -> int | None:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.candidates) else None

    def question(self, index: int) -> Draft:
        """The candidate's question as it would be added: chosen form, edited stem."""
        form = copy.deepcopy(self.candidates[index].question)
        if index in self._stems:
            form["stem"] = self._stems[index]
        return form

    def accept_current(self) -> None:
        self._judge(Verdict.ACCEPTED)

    def reject_current(self) -> None:
        self._judge(Verdict.REJECTED)

    def _judge(self, verdict: Verdict) -> None:
        index = self.current()
        if index is None:
            return
        self.verdicts[index] = verdict
        self.list.item(index).setText(self._row_text(index))
        self._refresh_footer()
        if index + 1 < len(self.candidates):
            self.list.setCurrentRow(index + 1)

    def switch_form(self) -> None:
        index = self.current()
        if index is None or len(self.candidates[index].forms) < 2:
            return
        candidate = self.candidates[index]
        self.candidates[index] = candidate.with_choice(candidate.choice + 1)
        self._stems.pop(index, None)  # an edited stem belonged to the other form
        self.list.item(index).setText(self._row_text(index))
        self._show(index)

    def _stem_edited(self) -> None:
        index = self.current()
        text = self.stem_edit.toPlainText().strip()
        if index is not None and text and text != self.candidates[index].question["stem"]:
            self._stems[index] = text

    def _row_text(self, index: int) -> str:
        question = self.question(index)
        label = tr(QTYPE_LABELS[QType(question["type"])])
        stem = display_stem(str(question["stem"]))
        return f"{MARKS[self.verdicts[index]]}  [{label}] {stem}"

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.candidates):
            return
        candidate = self.candidates[index]
        self.source.setPlainText(candidate.sentence.text)
        self.source.setExtraSelections(highlighted(self.source, candidate.quote))
        self.stem_edit.blockSignals(True)
        self.stem_edit.setPlainText(self.question(index)["stem"])
        self.stem_edit.blockSignals(False)
        self.preview.setPlainText(preview_text(self.question(index), len(candidate.forms)))
        self.switch_button.setEnabled(len(candidate.forms) > 1)

    def _refresh_footer(self) -> None:
        accepted = self.verdicts.count(Verdict.ACCEPTED)
        pending = self.verdicts.count(Verdict.PENDING)
        self.summary.setText(
            tr("已采用 {accepted} 题，待定 {pending} 题").format(accepted=accepted, pending=pending)
        )
        self.add_button.setText(tr("加入题库（{count} 题）").format(count=accepted))
        self.add_button.setEnabled(accepted > 0)

    def accepted_questions(self) -> list[Draft]:
        """The accepted questions, reviewed: without ``status: draft``."""
        questions = []
        for index, verdict in enumerate(self.verdicts):
            if verdict is Verdict.ACCEPTED:
                question = self.question(index)
                question.pop("status", None)
                question["tags"] = [t for t in question.get("tags", []) if t != DRAFT_TAG]
                questions.append(question)
        return questions


def highlighted(view: QPlainTextEdit, quote: str) -> list[QTextEdit.ExtraSelection]:
    """A mark over the quote in the sentence shown (plain text: material is never markup)."""
    at = view.toPlainText().find(quote)
    if at < 0:
        return []
    mark = QTextEdit.ExtraSelection()
    mark.format.setBackground(QColor(QUOTE_MARK))
    mark.format.setForeground(QColor(QUOTE_TEXT))
    cursor = view.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + len(quote), QTextCursor.MoveMode.KeepAnchor)
    mark.cursor = cursor
    return [mark]


def preview_text(question: Draft, forms: int) -> str:
    """The candidate as the trainer reviews it: type, stem, options, answer, explanation."""
    label = tr(QTYPE_LABELS[QType(question["type"])])
    if forms > 1:
        label += tr("（另有 {count} 种题型可换）").format(count=forms - 1)
    lines = [label, "", display_stem(str(question["stem"])), ""]
    lines += [f"{key}. {text}" for key, text in (question.get("options") or {}).items()]
    lines += ["", tr("答案：{answer}").format(answer=_answer(question))]
    lines += ["", str(question.get("explanation", ""))]
    return "\n".join(lines)


def _answer(question: Draft) -> str:
    if question["type"] == "judge":
        return tr("正确") if question["answer"] else tr("错误")
    if question["type"] == "fill":
        return " | ".join(" / ".join(blank) for blank in question["blanks"])
    answer = question["answer"]
    return "".join(answer) if isinstance(answer, list) else str(answer)
