"""The trainer's report page: preview the unit ranking, export xlsx and PDF off the UI thread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.reports import ALL_UNITS, ExportDone, ReportsView

ANSWERS = {
    "张三": ("市审计局", ["C", "A"]),
    "李四": ("市税务局", ["C", "C"]),
    "王五": ("市税务局", ["A"]),
}


def seed(service: StudyService, sample_bank: Path, clock: FixedClock) -> None:
    service.import_banks([sample_bank])
    probe = service.ensure_user("张三", "市审计局")
    first = service.question(service.practice_queue(probe, order=NewOrder.BANK, limit=1)[0])
    for name, (unit, answers) in ANSWERS.items():
        user = service.ensure_user(name, unit)
        for answer in answers:
            clock.advance(minutes=1)
            service.record(user.id, first, answer, 4000)


def make_view(qtbot: QtBot, services: Services) -> ReportsView:
    view = ReportsView(services.reports)
    qtbot.addWidget(view)
    view.refresh()
    return view


def test_units_are_offered_and_the_preview_ranks_them(
    qtbot: QtBot, service: StudyService, services: Services, sample_bank: Path, clock: FixedClock
) -> None:
    seed(service, sample_bank, clock)
    view = make_view(qtbot, services)
    units = [view.unit.itemText(i) for i in range(view.unit.count())]
    assert units == [ALL_UNITS, "市审计局", "市税务局"]
    assert view.preview()
    qtbot.waitUntil(lambda: view.report is not None and view.preview_button.isEnabled())
    shown = {view.table.item(row, 1).text() for row in range(view.table.rowCount())}
    assert shown == {"市审计局", "市税务局"}
    assert "学员" in view.summary.text()


def test_export_writes_an_excel_workbook_for_one_unit(
    qtbot: QtBot,
    service: StudyService,
    services: Services,
    sample_bank: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    seed(service, sample_bank, clock)
    view = make_view(qtbot, services)
    view.unit.setCurrentText("市税务局")
    target = tmp_path / "成绩.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000) as signal:
        assert view.export(target, "xlsx")
    done = signal.args[0]
    assert isinstance(done, ExportDone)
    assert done.report.filters.unit == "市税务局"
    book = openpyxl.load_workbook(target)
    names = {cell for row in book["学员"].iter_rows(min_row=2, values_only=True) for cell in row}
    assert {"李四", "王五"} <= names
    assert "张三" not in names


def test_export_writes_a_pdf(
    qtbot: QtBot,
    service: StudyService,
    services: Services,
    sample_bank: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    seed(service, sample_bank, clock)
    view = make_view(qtbot, services)
    target = tmp_path / "成绩.pdf"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export(target, "pdf")
    assert target.read_bytes().startswith(b"%PDF")


def test_the_main_window_has_a_report_page(window: MainWindow) -> None:
    window.navigate("reports")
    assert window.current_view() == "reports"
