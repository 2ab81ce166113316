"""背题模式: one question at a time with its answer and 解析 shown; ←/→ to browse."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.workbook import WorkbookService
from jgstudy.gui.detail import detail_lines
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout
from jgstudy.gui.workbook.marks import MarkBar


class ReciteView(QWidget):
    """Browse questions with their answers; nothing is graded or scheduled."""

    closed = Signal()

    def __init__(self, study: StudyService, workbook: WorkbookService) -> None:
        super().__init__()
        self._study = study
        self._user: UserInfo | None = None
        self.records: list[QuestionRecord] = []
        self.position = 0
        self.lines: list[QLabel] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = view_layout(self)
        header, self.title, self.where = page_header(tr("背题模式"), elide=True)
        layout.addWidget(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        box = QVBoxLayout()
        box.addWidget(scroll, 1)
        self.marks = MarkBar(workbook)
        box.addWidget(self.marks)
        layout.addWidget(card(box), 1)
        layout.addLayout(self._footer())

    def _footer(self) -> QHBoxLayout:
        self.back_button = button(tr("← 上一题"))
        self.next_button = button(tr("下一题 →"), primary=True)
        self.leave_button = button(tr("结束背题"), flat=True)
        self.back_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.leave_button.clicked.connect(self.closed.emit)
        row = QHBoxLayout()
        row.addWidget(plain_label(tr("← → 翻题，Esc 结束"), "muted"), 1)
        for widget in (self.leave_button, self.back_button, self.next_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(widget)
        return row

    def start(self, user: UserInfo, pks: list[int], title: str) -> None:
        self._user = user
        self.records = self._study.questions(pks)
        self.title.setText(title)
        self.go(0)
        self.setFocus()

    def go(self, position: int) -> None:
        if not self.records:
            return
        self.position = min(max(position, 0), len(self.records) - 1)
        record = self.records[self.position]
        self._show(record)
        self.where.setText(
            tr("第 {n} / {total} 题").format(n=self.position + 1, total=len(self.records))
        )
        self.where.show()
        self.back_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.records) - 1)
        self.marks.show_question(self._user, record.pk)

    def _show(self, record: QuestionRecord) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: deleteLater() would leave it painted until the next loop
                widget.deleteLater()
        titles = {b.id: b.title for b in self._study.banks()}
        self.lines = []
        for text, role in detail_lines(record, titles.get(record.bank_id, record.bank_id)):
            label = plain_label(text, role, wrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.body.addWidget(label)
            self.lines.append(label)
        self.body.addStretch(1)

    def shown_text(self) -> str:
        """The title, the position and every line of the question shown."""
        return "\n".join([self.title.text(), self.where.text(), *(w.text() for w in self.lines)])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.go(self.position + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go(self.position - 1)
        elif key == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)
