"""The 备考准备 sheet and the PDF's readiness section, read back as a trainer would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from data.reports.cohort import TAGS, seed_cohort
from jgstudy.core.clock import FixedClock
from jgstudy.core.reports import Report, ReportFilter
from jgstudy.core.reports import cohort_columns as cc
from jgstudy.core.reports.xlsx import write_xlsx
from jgstudy.core.services import Services
from jgstudy.render.pdf_report import write_pdf

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="no poppler-utils")


def build(services: Services, clock: FixedClock, tmp_path: Path, unit: str | None) -> Report:
    seed_cohort(services, clock, tmp_path)
    return services.reports.build(ReportFilter(unit=unit))


def rows(path: Path) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[cc.SHEET].iter_rows(values_only=True))


def test_the_sheet_has_the_units_tags_and_who_is_behind(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    report = build(services, clock, tmp_path, "审计局")
    write_xlsx(report, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[-1] == "备考准备"
    ws = book["备考准备"]
    assert ws.freeze_panes == "A2"
    table = rows(tmp_path / "r.xlsx")
    assert table[0] == (
        "单位",
        "学员人数",
        "已设目标",
        "目标日期",
        "目标掌握率",
        "预计掌握率(平均)",
        "预计掌握率(下四分位)",
        "落后于计划",
        "近14天学习≥7天",
    )
    audit = table[1]
    assert audit[:3] == ("审计局", 2, 2) and audit[7] == 1 and audit[8] == 0.5
    assert ws.cell(2, 6).number_format == "0.0%"
    tags_at = table.index((cc.TAGS_TITLE,) + (None,) * 8) + 1
    assert table[tags_at][:4] == ("单位", "薄弱排序", "知识点(标签)", "题数")
    listed = [r[2] for r in table[tags_at + 1 : tags_at + 4]]
    assert sorted(listed) == sorted(TAGS)
    assert [r[1] for r in table[tags_at + 1 : tags_at + 4]] == [1, 2, 3]
    behind_at = table.index((cc.BEHIND_TITLE,) + (None,) * 8) + 1
    assert table[behind_at][:2] == ("单位", "姓名")
    assert table[behind_at + 1][:2] == ("审计局", "落后者")
    names = {cell for row in table for cell in row}
    assert "按计划" not in names


def test_an_overview_counts_those_behind_without_naming_them(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    report = build(services, clock, tmp_path, None)
    write_xlsx(report, tmp_path / "r.xlsx")
    text = "\n".join(str(c) for row in rows(tmp_path / "r.xlsx") for c in row if c)
    assert "落后者" not in text
    assert "审计局：1 名学员落后于计划；姓名只向本单位培训员显示" in text


@pytest.fixture
def qt_app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


@needs_poppler
def test_the_pdf_has_the_readiness_section(
    qt_app: QApplication, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    report = build(services, clock, tmp_path, "审计局")
    write_pdf(report, tmp_path / "r.pdf")
    words = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    section = words[words.index("六、备考准备") :]
    assert "落后于计划的学员" in section and "落后者" in section
    assert "预计掌握率" in section and "薄弱度" in section
    assert all(tag in section for tag in TAGS)
    assert "按计划" not in section  # on track: not listed
    assert "单位内排名" not in words  # no individual ranking by default
