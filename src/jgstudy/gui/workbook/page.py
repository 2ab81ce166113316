"""专项练习: choose a bank, a chapter or tag and a type, then practise in order, shuffled, or
browse with the answers shown (背题模式); or practise the starred questions (收藏)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.model import QTYPE_LABELS, QType
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.workbook import Selection, WorkbookService
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout
from jgstudy.gui.workbook.recite import ReciteView


class WorkbookChooser(QWidget):
    """The 专项练习 chooser; starting is left to the view holding it."""

    practice_requested = Signal(list, str)  # question pks, session title
    recite_requested = Signal(list, str)

    def __init__(self, study: StudyService, workbook: WorkbookService) -> None:
        super().__init__()
        self._study = study
        self._workbook = workbook
        self._user: UserInfo | None = None
        layout = view_layout(self)
        header, _title, _sub = page_header(
            tr("专项练习"),
            tr(
                "按题库、章节或标签、题型挑题：顺序练习、随机练习，或背题模式（答案和解析直接显示）。"
            ),
        )
        layout.addWidget(header)
        layout.addWidget(self._chooser())
        layout.addLayout(self._buttons())
        layout.addStretch(1)

    def _chooser(self) -> QWidget:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.bank_box, self.tag_box, self.type_box = QComboBox(), QComboBox(), QComboBox()
        for box in (self.bank_box, self.tag_box, self.type_box):
            box.setMinimumWidth(320)
            box.currentIndexChanged.connect(self._count)
        form.addRow(tr("题库"), self.bank_box)
        form.addRow(tr("章节或标签"), self.tag_box)
        form.addRow(tr("题型"), self.type_box)
        self.in_order = QRadioButton(tr("顺序练习（按题库顺序）"))
        self.shuffled = QRadioButton(tr("随机练习（每次重新打乱）"))
        self.in_order.setChecked(True)
        self.order_group = QButtonGroup(self)
        row = QHBoxLayout()
        for radio in (self.in_order, self.shuffled):
            self.order_group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        form.addRow(tr("顺序"), row)
        self.count_label = plain_label("", "muted")
        form.addRow("", self.count_label)
        return card(form)

    def _buttons(self) -> QHBoxLayout:
        self.start_button = button(tr("开始练习"), primary=True, big=True)
        self.recite_button = button(tr("背题模式"), big=True)
        self.starred_button = button(tr("练习收藏"), big=True)
        self.start_button.clicked.connect(self.start)
        self.recite_button.clicked.connect(self.recite)
        self.starred_button.clicked.connect(self.practise_starred)
        row = QHBoxLayout()
        for widget in (self.start_button, self.recite_button, self.starred_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user
        self.refresh()

    def refresh(self) -> None:
        """Re-read the banks, tags and the cadre's stars."""
        self._fill(self.bank_box, [(b.title, b.id) for b in self._study.banks()])
        self._fill(self.tag_box, [(t, t) for t in self._study.tags()])
        self._fill(
            self.type_box,
            [(tr("{kind}题").format(kind=tr(QTYPE_LABELS[t])), t.value) for t in QType],
        )
        starred = len(self._workbook.starred(self._user)) if self._user else 0
        self.starred_button.setText(tr("练习收藏（{count}）").format(count=starred))
        self.starred_button.setEnabled(starred > 0)
        self._count()

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(tr("全部"), "")
        for text, value in items:
            box.addItem(text, value)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)

    def selection(self) -> Selection:
        bank, tag, kind = (b.currentData() for b in (self.bank_box, self.tag_box, self.type_box))
        return Selection(
            banks=(bank,) if bank else (),
            tags=(tag,) if tag else (),
            types=(QType(kind),) if kind else (),
        )

    def queue(self) -> list[int]:
        if self._user is None:
            return []
        order = NewOrder.RANDOM if self.shuffled.isChecked() else NewOrder.BANK
        return self._workbook.selection_queue(self._user, self.selection(), order)

    def _count(self) -> None:
        count = len(self.queue())
        self.count_label.setText(tr("共 {count} 题").format(count=count))
        for widget in (self.start_button, self.recite_button):
            widget.setEnabled(count > 0)

    def _chosen(self) -> str:
        parts = [b.currentText() for b in (self.bank_box, self.tag_box, self.type_box)]
        chosen = [p for p in parts if p != tr("全部")]
        return tr(" · ").join(chosen) if chosen else tr("全部题目")

    def start(self) -> None:
        queue = self.queue()
        if queue:
            self.practice_requested.emit(queue, tr("专项练习：") + self._chosen())

    def recite(self) -> None:
        queue = self.queue()
        if queue:
            self.recite_requested.emit(queue, tr("背题模式：") + self._chosen())

    def practise_starred(self) -> None:
        if self._user is not None:
            queue = self._workbook.starred(self._user)
            if queue:
                self.practice_requested.emit(queue, tr("收藏的题"))


class WorkbookView(QWidget):
    """专项练习 with its 背题模式: the chooser, and the browser it opens in place."""

    practice_requested = Signal(list, str)

    def __init__(self, study: StudyService, workbook: WorkbookService) -> None:
        super().__init__()
        self._user: UserInfo | None = None
        self.chooser = WorkbookChooser(study, workbook)
        self.recite = ReciteView(study, workbook)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chooser)
        self.stack.addWidget(self.recite)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.chooser.practice_requested.connect(self.practice_requested.emit)
        self.chooser.recite_requested.connect(self.open_recite)
        self.recite.closed.connect(self.close_recite)

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user
        self.close_recite()
        self.chooser.set_user(user)

    def activate(self) -> None:
        """Shown: re-read banks, tags and stars (an open 背题 stays where it was)."""
        self.chooser.refresh()

    def open_recite(self, pks: list[int], title: str) -> None:
        if self._user is not None and pks:
            self.stack.setCurrentWidget(self.recite)
            self.recite.start(self._user, pks, title)

    def close_recite(self) -> None:
        self.stack.setCurrentWidget(self.chooser)
        self.chooser.refresh()
