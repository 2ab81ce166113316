"""成绩报表: a trainer picks a unit and a period, previews the units and their readiness for the
target date (备考准备), and exports a report. Individual rankings only when asked for.

Building the report reads the whole history, so it runs on the thread pool; the PDF is then
painted on the GUI thread (Qt text layout and fonts), xlsx and CSV are written by the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.records import Progress, UserInfo
from jgstudy.core.reports import ReportFilter
from jgstudy.core.reports.data import Report
from jgstudy.core.reports.service import ReportService
from jgstudy.core.reports.units import NO_UNIT
from jgstudy.gui.cohort import CohortPanel
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import N_, tr, tr_error, tr_msg, trc
from jgstudy.gui.scorefiles import MergeOutcome, ScoreFiles
from jgstudy.gui.tasks import TaskRunner, failure_text
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout
from jgstudy.gui.workbook.problems import ProblemQueue
from jgstudy.render.save import save_report

ALL_UNITS = N_("全部单位")
COLUMNS = (N_("名次"), N_("单位"), N_("学员"), N_("参与"), N_("完成"), N_("作答"), N_("平均分"))
FORMATS = {
    "xlsx": N_("Excel 工作簿 (*.xlsx)"),
    "pdf": N_("PDF 文件 (*.pdf)"),
    "csv": N_("CSV 文件 (*.csv)"),
}


@dataclass(frozen=True)
class ExportDone:
    """What an export produced, for the status line."""

    path: Path
    report: Report


class PlaceholderEdit(QLineEdit):
    """A line edit at least as wide as its placeholder, which explains the field and would
    otherwise be cut ("Exam ID or name (…"); the tooltip repeats it."""

    def __init__(self, placeholder: str) -> None:
        super().__init__(placeholderText=placeholder)
        self.setToolTip(placeholder)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        # sizeHint is 17 "x" wide plus the frame and margins: keep the latter, fit the text
        chrome = super().sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        need = metrics.horizontalAdvance(self.placeholderText()) + chrome
        return QSize(max(hint.width(), need), hint.height())


class ReportsView(QWidget):
    """Filters, a preview of the unit ranking, and export buttons."""

    exported = Signal(object)  # ExportDone
    failed = Signal(str)

    def __init__(
        self,
        reports: ReportService,
        pool: QThreadPool | None = None,
        files: FileChooser | None = None,
        score_files: ScoreFiles | None = None,
    ) -> None:
        super().__init__()
        self._reports = reports
        self.score_files = score_files
        self._runner = TaskRunner(self, pool)
        self._files = files or FileChooser()
        self.report: Report | None = None
        layout = view_layout(self)
        header, _title, _sub = page_header(
            tr("成绩报表"), tr("按单位和时间段汇总学员成绩，导出 Excel、PDF 或 CSV 报告。")
        )
        self.problems: ProblemQueue | None = None
        layout.addWidget(header)
        layout.addWidget(self._build_filters())
        self.summary = plain_label("", "muted", wrap=True)
        layout.addWidget(self.summary)
        self.table = self._build_table()
        self.cohort = CohortPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, tr("各单位"))
        self.tabs.addTab(self.cohort, tr("备考准备"))
        layout.addWidget(self.tabs, 1)
        self.exported.connect(self._on_exported)
        self.failed.connect(self._on_failed)

    # -- building ------------------------------------------------------------------------

    def _build_filters(self) -> QWidget:
        self.unit = QComboBox()
        # wide enough for a unit's name, narrow enough for the date range beside it at 1280x720
        # with the largest English text
        self.unit.setMinimumWidth(200)
        self.use_dates = QCheckBox(tr("限定日期"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_dates.toggled.connect(edit.setEnabled)
        self.exam = PlaceholderEdit(tr("考试编号或名称（可不填）"))
        first = QHBoxLayout()
        first.setSpacing(10)
        widgets: tuple[QWidget, ...] = (plain_label(tr("单位")), self.unit)
        for widget in widgets:
            first.addWidget(widget)
        first.addSpacing(16)
        widgets = (self.use_dates, self.date_from, plain_label(tr("至")), self.date_to)
        for widget in widgets:
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setSpacing(10)
        second.addWidget(plain_label(tr("考试")))
        second.addWidget(self.exam, 1)
        second.addSpacing(16)
        self.rank_cadres = QCheckBox(tr("列出个人排名"))
        self.rank_cadres.setToolTip(
            tr("在导出的报告中按得分列出每名学员的单位内排名（默认不排名）")
        )
        second.addWidget(self.rank_cadres)
        # The actions on a row of their own, which wraps: beside the exam field they pushed the
        # card wider than the page at 1280x720 in English at the largest text size.
        rows = QVBoxLayout()
        rows.setSpacing(12)
        rows.addLayout(first)
        rows.addLayout(second)
        rows.addWidget(self._build_buttons())
        return card(rows, margins=16)

    def _build_buttons(self) -> QWidget:
        holder = QWidget()
        row = FlowLayout(holder)
        self.preview_button = button(tr("生成预览"), primary=True)
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, label in (
            ("xlsx", tr("导出 Excel")),
            ("pdf", tr("导出 PDF")),
            ("csv", tr("导出 CSV")),
        ):
            export = button(label)
            export.clicked.connect(lambda _c=False, f=fmt: self.ask_export(f))
            row.addWidget(export)
            self.export_buttons[fmt] = export
        if self.score_files is not None:
            self.merge_button = button(tr("合并成绩文件…"))
            self.merge_button.setToolTip(
                tr("把学员在其他电脑上导出的成绩文件合并到本数据库；同一文件可以重复合并")
            )
            self.merge_button.clicked.connect(self.score_files.ask_merge)
            self.score_files.progress.connect(self._on_merge_progress)
            self.score_files.merged.connect(self._on_merged)
            self.score_files.failed.connect(lambda _m: self.merge_button.setEnabled(True))
            row.addWidget(self.merge_button)
        return holder

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        # Headers name counts: 学员 here is "Cadres", not a cadre's label.
        table.setHorizontalHeaderLabels([trc("column", c) for c in COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    # -- state ---------------------------------------------------------------------------

    def set_user(self, user: UserInfo | None) -> None:
        """Reports are about every cadre; the trainer's name signs closed 纠错 reports."""
        if self.problems is not None:
            self.problems.set_user(user)

    def activate(self) -> None:
        self.refresh()
        if self.problems is not None:
            self.problems.refresh()

    def add_problem_queue(self, queue: ProblemQueue) -> None:
        """Show the open 纠错 reports under the report (需核查)."""
        self.problems = queue
        layout = self.layout()
        assert layout is not None
        layout.addWidget(queue)

    def refresh(self) -> None:
        """Offer the units of the cadres now in the database."""
        current = self.unit.currentText()
        units = self._reports.units()
        self.unit.clear()
        self.unit.addItems([tr(ALL_UNITS), *units])
        if current in units:
            self.unit.setCurrentText(current)

    def filters(self) -> ReportFilter:
        unit = self.unit.currentText()
        start, end = (
            (_day(self.date_from), _day(self.date_to))
            if self.use_dates.isChecked()
            else (None, None)
        )
        return ReportFilter(
            unit=None if unit in ("", tr(ALL_UNITS)) else unit,
            date_from=start,
            date_to=end,
            exam=self.exam.text().strip() or None,
            rank_cadres=self.rank_cadres.isChecked(),
        )

    def _set_busy(self, busy: bool, message: str = "") -> None:
        for widget in (self.preview_button, *self.export_buttons.values()):
            widget.setEnabled(not busy)
        if message:
            self.summary.setText(message)

    # -- actions -------------------------------------------------------------------------

    def preview(self) -> bool:
        """Build the report in the background and show the unit ranking."""
        return self._run(None)

    def ask_export(self, fmt: str) -> None:
        name = tr("成绩报告.{fmt}").format(fmt=fmt)
        path = self._files.save_file(self, tr("导出报告"), name, FORMATS[fmt])
        if path is not None:
            self.export(path, fmt)

    def export(self, path: Path, fmt: str) -> bool:
        """Build the report and write it to ``path``; ``exported`` or ``failed`` follows."""
        return self._run((path, fmt))

    def _run(self, target: tuple[Path, str] | None) -> bool:
        if self._runner.busy:
            return False
        try:
            flt = self.filters()
        except ValueError as exc:
            self.failed.emit(tr_error(exc))
            return False
        reports = self._reports

        def work(_progress: Progress) -> Report:
            report = reports.build(flt)
            if target is not None and target[1] != "pdf":
                save_report(report, target[0], target[1])
            return report

        started = self._runner.start(
            "report",
            work,
            lambda report: self._on_built(report, target),
            lambda error: self.failed.emit(failure_text(error)),
        )
        self._set_busy(started, tr("正在统计成绩…"))
        return started

    def _on_built(self, report: Report, target: tuple[Path, str] | None) -> None:
        self.report = report
        self._show(report)
        if target is None:
            self._set_busy(False)
            return
        path, fmt = target
        try:
            if fmt == "pdf":
                save_report(report, path, "pdf")
        except Exception as exc:  # a full disk or a locked file: tell the trainer
            self.failed.emit(failure_text(exc))
            return
        self.exported.emit(ExportDone(path, report))

    def _show(self, report: Report) -> None:
        s = report.summary
        average = f"{s.average_score:.1f}" if s.average_score is not None else "—"
        self.summary.setText(
            tr(
                "{title}：学员 {cadres} 人，参与 {participants} 人，完成率 {completion:.0%}，平均分 {average}，需核查试题 {flagged_items} 道。"
            ).format(
                title=tr_msg(report.title),
                cadres=s.cadres,
                participants=s.participants,
                completion=s.completion,
                average=average,
                flagged_items=s.flagged_items,
            )
        )
        self.cohort.show_cohort(report.cohort)
        self.table.setRowCount(len(report.units))
        for row, unit in enumerate(report.units):
            score = f"{unit.average_score:.1f}" if unit.average_score is not None else "—"
            cells = (
                unit.rank or "—",
                unit.unit or tr_msg(NO_UNIT),
                unit.cadres,
                unit.participants,
                unit.completed,
                unit.answers,
                score,
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))

    def _on_merge_progress(self, done: int, total: int, name: str) -> None:
        """A merge runs: which file, and no second merge until it ends."""
        self.merge_button.setEnabled(False)
        if name:
            self.summary.setText(
                tr("正在合并成绩文件（{done}/{total}）：{name}").format(
                    done=done, total=total, name=name
                )
            )

    def _on_merged(self, outcome: MergeOutcome) -> None:
        """New cadres may bring new units; a preview shown before is out of date."""
        self.merge_button.setEnabled(True)
        self.refresh()
        self.summary.setText(
            tr(
                "已合并 {merged} 个成绩文件（{refused} 个未合并）；生成预览即可看到合并后的成绩。"
            ).format(merged=outcome.merged, refused=outcome.refused)
        )

    def _on_exported(self, done: ExportDone) -> None:
        self._set_busy(False)
        self.summary.setText(
            tr("{text}\n已导出：{path}").format(text=self.summary.text(), path=done.path)
        )

    def _on_failed(self, message: str) -> None:
        self._set_busy(False, tr("生成报告失败：{message}").format(message=message))
        if self.isVisible():
            QMessageBox.warning(self, tr("生成报告失败"), message)


def _day(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())
