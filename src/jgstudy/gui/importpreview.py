"""题库 → 导入: a conversion shown before anything is imported, for any source format.

The dialog takes a :class:`~jgstudy.core.convert.Conversion` — a spreadsheet, a quiz file, a
question paper — and shows the questions ready, the rows refused with their reasons and places,
and every notice. The trainer picks the bank it goes into (a new one, or an existing one whose
question ids are then matched by stem, so history stays with its questions) and confirms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.convert import Conversion, ReadyQuestion, RowProblem, onto_existing
from jgstudy.core.convert.validate import stem_key
from jgstudy.core.model import QTYPE_LABELS, AnyQuestion, QType
from jgstudy.core.records import BankInfo
from jgstudy.gui.i18n import tr, tr_msg
from jgstudy.gui.widgets import plain_label

QuestionsOf = Callable[[str], Sequence[AnyQuestion]]
_MATCH_SHARE = 0.5  # an existing bank is proposed when half the questions are already in it


def place_text(problem: RowProblem) -> str:
    """``工作表“题目”第 5 行`` / ``第 5 行`` / ``整个文件``, in the interface language."""
    return tr_msg(problem.place()) or tr("整个文件")


class ImportPreview(QDialog):
    """What an import would bring in; ``accept()`` means import, into :meth:`target_bank`."""

    def __init__(
        self,
        conversion: Conversion,
        banks: Sequence[BankInfo],
        questions_of: QuestionsOf,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入预览：{name}").format(name=conversion.source.name))
        self.resize(1000, 640)
        self._base = conversion
        self._questions_of = questions_of
        self._stored: dict[str, Sequence[AnyQuestion]] = {}
        self._titles = {info.id: info.title for info in banks}
        self.conversion = conversion
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.summary = plain_label("", wrap=True)
        layout.addWidget(self.summary)
        layout.addLayout(self._target_row(banks))
        self.ids_label = plain_label("", "muted", wrap=True)
        layout.addWidget(self.ids_label)
        self.tabs = QTabWidget()
        self.ready_table = _table([tr("位置"), tr("题型"), tr("题干"), tr("提示")])
        self.refused_table = _table([tr("位置"), tr("未导入的原因")])
        self.notice_table = _table([tr("位置"), tr("提示")])
        for table, label in (
            (self.ready_table, tr("可导入的题目")),
            (self.refused_table, tr("未转换的行")),
            (self.notice_table, tr("提示")),
        ):
            self.tabs.addTab(table, label)
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.target.setCurrentIndex(self._proposed(banks))
        self._retarget()
        self.target.currentIndexChanged.connect(lambda _i: self._retarget())

    def _target_row(self, banks: Sequence[BankInfo]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(plain_label(tr("导入到：")))
        self.target = QComboBox()
        bank = self._base.bank
        # No "new bank" choice when a bank with this id exists: importing would update it anyway.
        self._offset = int(bank is not None and bank.id not in {info.id for info in banks})
        if bank is not None and self._offset:
            self.target.addItem(
                tr("新题库：{title}（编号 {id}）").format(title=bank.title, id=bank.id), None
            )
        for info in banks:
            text = tr("已有题库：{title}（编号 {id}）").format(title=info.title, id=info.id)
            if info.retired_at is not None:
                text += tr("（已停用）")
            self.target.addItem(text, info.id)
        # A YAML bank names its own id and question ids: it is imported as it is.
        self.target.setEnabled(bank is not None and self._base.format != "yaml")
        row.addWidget(self.target, 1)
        return row

    def _proposed(self, banks: Sequence[BankInfo]) -> int:
        """The bank with the same id, else the one holding most of these stems, else new."""
        bank = self._base.bank
        if bank is None:
            return 0
        ids = [info.id for info in banks]
        if bank.id in ids:
            return ids.index(bank.id) + self._offset
        if self._base.format == "yaml":
            return 0
        stems = {stem_key(q.stem) for q in self._base.questions}
        best, share = 0, _MATCH_SHARE
        for index, info in enumerate(banks, start=1):
            stored = {stem_key(q.stem) for q in self._stored_questions(info.id)}
            overlap = len(stems & stored) / max(len(stems), 1)
            if overlap >= share:
                best, share = index, overlap
        return best

    def _stored_questions(self, bank_id: str) -> Sequence[AnyQuestion]:
        if bank_id not in self._stored:
            self._stored[bank_id] = self._questions_of(bank_id)
        return self._stored[bank_id]

    def target_bank(self) -> str | None:
        """The existing bank chosen, or None for a new bank."""
        data = self.target.currentData()
        return data if isinstance(data, str) else None

    def _retarget(self) -> None:
        bank_id = self.target_bank()
        if bank_id is None or self._base.format == "yaml":
            self.conversion = self._base  # a YAML bank's ids are its own
        else:
            stored = self._stored_questions(bank_id)
            title = self._titles.get(bank_id)
            self.conversion = onto_existing(self._base, bank_id, stored, title)
        self._show()

    def _show(self) -> None:
        conversion = self.conversion
        ready, refused = len(conversion.ready), len(conversion.refused)
        self.summary.setText(
            tr("{file}：{ready} 题可以导入，{refused} 处未转换，{notices} 条提示。").format(
                file=conversion.source.name,
                ready=ready,
                refused=refused,
                notices=len(conversion.notices),
            )
        )
        ids = conversion.ids
        self.ids_label.setText(
            tr(
                "已匹配 {matched} 题（作答记录保留），新增 {new} 题，新版本中没有的 {vanished} 题将停用。"
            ).format(matched=len(ids.matched), new=len(ids.new), vanished=len(ids.vanished))
            if ids is not None
            else ""
        )
        self.ids_label.setVisible(ids is not None)
        _fill(self.ready_table, [_ready_row(item) for item in conversion.ready])
        _fill(self.refused_table, [[place_text(p), tr_msg(p.message)] for p in conversion.refused])
        _fill(self.notice_table, [[place_text(p), tr_msg(p.message)] for p in conversion.notices])
        self.tabs.setTabText(1, tr("未转换的行（{count}）").format(count=refused))
        self.tabs.setTabText(2, tr("提示（{count}）").format(count=len(conversion.notices)))
        self.tabs.setTabText(0, tr("可导入的题目（{count}）").format(count=ready))
        self.import_button.setText(tr("导入 {count} 题").format(count=ready))
        self.import_button.setEnabled(conversion.importable)
        if not conversion.importable and refused:
            self.tabs.setCurrentIndex(1)


def _ready_row(item: ReadyQuestion) -> list[str]:
    question = item.question
    stem = question.stem.replace("\n", " ")
    place = tr_msg(item.place()) or "—"
    notices = tr("；").join(tr_msg(notice) for notice in item.notices)
    return [place, tr(QTYPE_LABELS[QType(question.type)]), stem, notices]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(r, c, cell)
    table.resizeRowsToContents()  # long notices wrap instead of being cut off
