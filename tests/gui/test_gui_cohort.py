"""成绩报表 → 备考准备: the cohort's readiness on screen, built off the UI thread; individual
rankings only when the trainer asks for them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from data.reports.cohort import TAGS, seed_cohort
from jgstudy.core.clock import FixedClock
from jgstudy.core.reports.columns import Column
from jgstudy.core.reports.units import NO_UNIT
from jgstudy.core.services import Services
from jgstudy.core.text import msg
from jgstudy.gui.cohort import fill
from jgstudy.gui.i18n import tr
from jgstudy.gui.reports import ReportsView


def column(table: object, header: str) -> list[str]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    index = headers.index(header)
    return [table.item(r, index).text() for r in range(table.rowCount())]


def view_of(qtbot: QtBot, services: Services) -> ReportsView:
    view = ReportsView(services.reports)
    qtbot.addWidget(view)
    view.refresh()
    return view


def test_the_cohort_tab_shows_units_weakest_tags_and_who_is_behind(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    seed_cohort(services, clock, tmp_path)
    view = view_of(qtbot, services)
    assert not view.cohort.hint.isHidden() and view.cohort.units.rowCount() == 0
    view.unit.setCurrentText("审计局")
    assert view.preview()
    assert not view.preview_button.isEnabled()  # the work runs on the pool, not here
    qtbot.waitUntil(lambda: view.report is not None and view.preview_button.isEnabled())
    view.tabs.setCurrentWidget(view.cohort)
    panel = view.cohort
    assert column(panel.units, "单位") == ["审计局"]
    assert column(panel.units, "落后于计划") == ["1"]
    assert column(panel.units, "近14天学习≥7天") == ["50.0%"]
    assert sorted(column(panel.tags, "知识点(标签)")) == sorted(TAGS)
    assert column(panel.tags, "薄弱排序") == ["1", "2", "3"]
    weakness = [float(w.rstrip("%")) for w in column(panel.tags, "薄弱度")]
    assert weakness == sorted(weakness, reverse=True)
    assert column(panel.behind, "姓名") == ["落后者"]  # 按计划 is on track
    assert "薄弱度 =" in panel.notes.text() and panel.hint.isHidden()


def test_an_overview_counts_without_names(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    seed_cohort(services, clock, tmp_path)
    view = view_of(qtbot, services)
    assert view.preview()
    qtbot.waitUntil(lambda: view.report is not None and view.preview_button.isEnabled())
    assert column(view.cohort.units, "单位") == ["审计局", "财政局"]
    assert view.cohort.behind.rowCount() == 0 and view.cohort.behind.isHidden()
    assert "姓名只向本单位培训员显示" in view.cohort.withheld.text()  # where the names would be
    assert "审计局：1 名学员落后于计划；姓名只向本单位培训员显示" in view.cohort.notes.text()


def test_individual_rankings_are_off_unless_ticked(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    seed_cohort(services, clock, tmp_path)
    view = view_of(qtbot, services)
    assert not view.rank_cadres.isChecked() and not view.filters().rank_cadres

    def exported_headers(name: str) -> list[object]:
        with qtbot.waitSignal(view.exported, timeout=30_000):
            assert view.export(tmp_path / name, "xlsx")
        return [c.value for c in openpyxl.load_workbook(tmp_path / name)["学员"][1]]

    assert "单位内排名" not in exported_headers("plain.xlsx")
    view.rank_cadres.setChecked(True)
    assert "单位内排名" in exported_headers("ranked.xlsx")


def test_names_in_the_cohort_tables_are_never_translated(qtbot: QtBot, english: None) -> None:
    """A unit or tag named like a word of the interface (练习) keeps its name in English;
    the placeholder for a missing unit is a message and is translated."""
    table = QTableWidget()
    qtbot.addWidget(table)
    fill(table, [Column(NO_UNIT, lambda row: row)], ["练习", msg(NO_UNIT)])
    assert tr("练习") != "练习"  # the word is in the catalog ...
    assert table.item(0, 0).text() == "练习"  # ... but a name is not looked up
    assert table.item(1, 0).text() == tr(NO_UNIT) != NO_UNIT
