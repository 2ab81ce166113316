"""错题本: the questions answered wrong (until right twice in a row), and a button to practise them."""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.model import QTYPE_LABELS, AnyQuestion, QType
from jgstudy.core.records import PracticeMode, Progress, QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.text import Msg
from jgstudy.core.workbook import WorkbookService, WrongHistory, given_text
from jgstudy.core.wrongsheet import wrong_entries
from jgstudy.gui.detail import QuestionDetailDialog
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import N_, tr, tr_error, tr_msg
from jgstudy.gui.models import one_line
from jgstudy.gui.tasks import TaskRunner
from jgstudy.gui.widgets import button, page_header, plain_label, view_layout
from jgstudy.gui.workbook.marks import MarkBar
from jgstudy.render.wrongbook_pdf import save_wrongbook

log = logging.getLogger(__name__)

COLUMNS = (N_("题型"), N_("题干"), N_("答错次数"), N_("最近答错"), N_("上次答案"), N_("题库"))


def answer_shown(question: AnyQuestion, value: object) -> str:
    """The cadre's last answer: 正确/错误/（未作答） in the interface language, their words as
    they were (never looked up in the catalog)."""
    text = given_text(question, value)
    return tr_msg(text) if isinstance(text, Msg) else text


class WrongBookView(QWidget):
    """The wrong-answer book of the current cadre."""

    practice_requested = Signal(str)
    exported = Signal(object)  # the file written
    export_failed = Signal(str)  # what the dialog says

    def __init__(self, service: StudyService, files: FileChooser | None = None) -> None:
        super().__init__()
        self._service = service
        self._files = files or FileChooser()
        self._runner = TaskRunner(self)
        self._before_export = ""
        self._user: UserInfo | None = None
        self.records: list[QuestionRecord] = []
        self._titles: dict[str, str] = {}
        self.detail: QuestionDetailDialog | None = None
        self._workbook: WorkbookService | None = None
        self.history: dict[int, WrongHistory] = {}
        self.error_box: QMessageBox | None = None
        layout = view_layout(self)
        top = QHBoxLayout()
        header, _t, self.subtitle = page_header(
            tr("错题本"), tr("答错的题会自动收进错题本，连续答对两次后移出。")
        )
        top.addWidget(header, 1)
        self.practice_button = button(tr("练习错题"), primary=True, big=True)
        self.practice_button.clicked.connect(
            lambda: self.practice_requested.emit(PracticeMode.WRONG)
        )
        self.pdf_button = button(tr("导出 PDF"))
        self.xlsx_button = button(tr("导出 Excel"))
        self.pdf_button.clicked.connect(lambda: self.export_to(self._ask_path("pdf")))
        self.xlsx_button.clicked.connect(lambda: self.export_to(self._ask_path("xlsx")))
        for widget in (self.pdf_button, self.xlsx_button, self.practice_button):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.empty = plain_label(tr("错题本是空的。答错的题会出现在这里，继续保持！"), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(38)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Type, times and date as wide as their header and cells in either language
        # (English "Times wrong" and "Single choice" were cut at fixed Chinese widths).
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((4, 140), (5, 200)):
            table.setColumnWidth(column, width)
        table.cellDoubleClicked.connect(lambda row, _col: self.open_detail(row))
        return table

    def activate(self) -> None:
        self.refresh()

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user

    def set_workbook(self, workbook: WorkbookService) -> None:
        self._workbook = workbook

    def refresh(self) -> None:
        self.records = self._service.wrong_book(self._user) if self._user else []
        self._titles = {b.id: b.title for b in self._service.banks()}
        pks = [r.pk for r in self.records]
        self.history = (
            self._workbook.wrong_history(self._user, pks) if self._workbook and self._user else {}
        )
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            q = record.question
            past = self.history.get(record.pk)
            cells = (
                tr(QTYPE_LABELS[QType(q.type)]),
                one_line(q.stem),
                tr("{count} 次").format(count=past.count) if past else "",
                self._local(past.last_at) if past else "",
                answer_shown(q, past.last_answer) if past else "",
                self._titles.get(record.bank_id, record.bank_id),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(q.stem)
                self.table.setItem(row, column, item)
        count = len(self.records)
        self.practice_button.setText(tr("练习错题（{count}）").format(count=count))
        self.practice_button.setEnabled(count > 0)
        self.pdf_button.setEnabled(count > 0)
        self.xlsx_button.setEnabled(count > 0)
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)

    @staticmethod
    def _local(moment: datetime) -> str:
        return f"{moment.astimezone():%Y-%m-%d %H:%M}"

    def open_detail(self, row: int) -> QuestionDetailDialog:
        """The question with its answer, the cadre's wrong answers, and 收藏 / 笔记 / 纠错."""
        record = self.records[row]
        self.detail = QuestionDetailDialog(
            record, self._titles.get(record.bank_id, record.bank_id), self
        )
        past = self.history.get(record.pk)
        extra: list[QWidget] = []
        if past is not None:
            times = tr("、").join(self._local(t) for t in past.times[-5:])
            text = tr("答错 {count} 次（{times}）；最近一次答的是：{answer}").format(
                count=past.count,
                times=times,
                answer=answer_shown(record.question, past.last_answer),
            )
            extra.append(plain_label(text, "section", wrap=True))
        marks = MarkBar(self._workbook)
        marks.show_question(self._user, record.pk)
        extra.append(marks)
        self.detail.marks = marks
        layout = self.detail.layout()
        assert isinstance(layout, QVBoxLayout)
        for index, widget in enumerate(extra):
            layout.insertWidget(1 + index, widget)
        self.detail.open()
        return self.detail

    def _ask_path(self, fmt: str) -> Path | None:
        name = tr("错题本-{name}.{fmt}").format(name=self._user.name if self._user else "", fmt=fmt)
        kinds = tr("PDF 文件 (*.pdf)") if fmt == "pdf" else tr("Excel 工作簿 (*.xlsx)")
        return self._files.save_file(self, tr("导出错题本"), name, kinds)

    def export_to(self, path: Path | None) -> bool:
        """Write the 错题本 (questions, answers, 解析, history, notes) for printing, in the
        background; ``exported`` or ``export_failed`` says how it went. False when nothing
        was started (no file chosen, no cadre, or an export still running)."""
        if path is None or self._user is None or self._workbook is None:
            return False
        notes = self._workbook.notes(self._user, [r.pk for r in self.records])
        entries = wrong_entries(self.records, self.history, notes, _local_zone())
        title = tr("{name}的错题本").format(name=self._user.name)

        def work(_progress: Progress) -> Path:
            save_wrongbook(entries, path, title)
            return path

        started = self._runner.start(
            f"wrong book export to {path}",
            work,
            self._on_exported,
            lambda exc: self._on_export_failed(path, exc),
        )
        if started:
            self._set_exporting(True)
            self._before_export = self.subtitle.text()
            self.subtitle.setText(tr("正在导出……"))
        return started

    def _set_exporting(self, busy: bool) -> None:
        for widget in (self.pdf_button, self.xlsx_button):
            widget.setEnabled(not busy)

    def _on_exported(self, path: Path) -> None:
        self._set_exporting(False)
        self.subtitle.setText(tr("已导出：{path}").format(path=path))
        self.exported.emit(path)

    def _on_export_failed(self, path: Path, exc: Exception) -> None:
        """Say why in a dialog (the task runner logged the traceback)."""
        self._set_exporting(False)
        self.subtitle.setText(self._before_export)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else tr_error(exc)
        text = tr("无法写入 {path}：{reason}").format(path=path, reason=reason)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, tr("导出错题本"), text)
        self.error_box.setParent(self, self.error_box.windowFlags())
        self.error_box.open()  # not exec(): the window keeps running
        self.export_failed.emit(text)


def _local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone
