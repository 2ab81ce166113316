"""The xlsx and csv writers: sheets, formats, widths, chart, BOM, and cells that cannot run."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from data.reports.seed import seed_history
from jgstudy.core.reports import Report, ReportFilter, build_report, report_format
from jgstudy.core.reports.columns import display_width
from jgstudy.core.reports.csv_out import write_csv
from jgstudy.core.reports.formats import UnknownFormat
from jgstudy.core.reports.xlsx import write_xlsx
from jgstudy.core.service import StudyService
from peek import context_of, engine_of

NOW = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)
EVIL_NAME = '=HYPERLINK("http://x","点我")'
EVIL_UNIT = "@SUM(1+1)"


@pytest.fixture
def rep(service: StudyService) -> Report:
    seed_history(service)
    evil = service.ensure_user(EVIL_NAME, EVIL_UNIT)
    service.record(evil.id, service.question(1), "A", 4_000)
    return build_report(
        engine_of(service), ReportFilter(min_answers=10), NOW, tz=context_of(service).local_tz
    )


def header(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [str(c.value) for c in ws[1]]


def test_the_workbook_has_its_sheets_with_frozen_filtered_headers(
    rep: Report, tmp_path: Path
) -> None:
    write_xlsx(rep, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    names = ["汇总", "学员", "单位", "试题分析", "考试成绩", "知识掌握", "每日作答"]
    assert book.sheetnames == names
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert book["学员"].max_row == 1 + len(rep.cadres)
    assert book["试题分析"].max_row == 1 + len(rep.items)
    assert book["考试成绩"].max_row == 1 + len(rep.exams)
    assert book["每日作答"].max_row == 1 + sum(len(c.per_day) for c in rep.cadres)
    tags = [r[:4] for r in book["知识掌握"].iter_rows(min_row=2, values_only=True)]
    assert ("王芳", "审计局", "理论学习", 6) in tags


def test_numbers_are_numbers_with_formats(rep: Report, tmp_path: Path) -> None:
    write_xlsx(rep, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["学员"]
    cols = {name: i for i, name in enumerate(header(ws))}
    first = next(row for row in ws.iter_rows(min_row=2) if row[cols["姓名"]].value == "张伟")
    assert first[cols["正确率"]].value == pytest.approx(10 / 11)
    assert first[cols["正确率"]].number_format == "0.0%"
    assert first[cols["得分"]].number_format == "0.0"
    assert first[cols["作答题数"]].value == 11
    units = openpyxl.load_workbook(tmp_path / "r.xlsx")["单位"]
    ranked = [r[:2] for r in units.iter_rows(min_row=2, values_only=True)]
    assert ranked == [(1, EVIL_UNIT), (2, "审计局"), (3, "财政局")]  # one answer, right
    exams = openpyxl.load_workbook(tmp_path / "r.xlsx")["考试成绩"]
    started = next(exams.iter_rows(min_row=2, max_row=2, values_only=True))[5]
    assert started == datetime(2026, 3, 5, 9, 0)  # local wall-clock time, no zone


def test_column_widths_count_chinese_double(rep: Report, tmp_path: Path) -> None:
    write_xlsx(rep, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["试题分析"]
    cols = {name: i for i, name in enumerate(header(ws))}
    stem = ws.column_dimensions[ws.cell(1, cols["题干"] + 1).column_letter].width
    longest = max(display_width(i.stem) for i in rep.items)
    assert stem == min(longest + 2, 60)
    assert display_width("审计局") == 6 and display_width("ab1") == 3


def test_the_summary_has_a_bar_chart_of_unit_scores(rep: Report, tmp_path: Path) -> None:
    write_xlsx(rep, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    charts = book["汇总"]._charts
    assert len(charts) == 1
    assert charts[0].tagname == "barChart"
    summary = dict(book["汇总"].iter_rows(min_row=2, values_only=True))
    assert summary["需核查试题"] == 1
    assert summary["完成标准"] == "作答不少于 10 题"


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(rep: Report, tmp_path: Path) -> None:
    write_xlsx(rep, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["学员"]
    cells = [row for row in ws.iter_rows(min_row=2) if row[1].value == EVIL_NAME]
    assert len(cells) == 1
    name, unit = cells[0][1], cells[0][0]
    assert (name.data_type, unit.data_type) == ("s", "s")
    assert name.quotePrefix and unit.quotePrefix


def test_csv_is_utf8_with_bom_and_neutralised(rep: Report, tmp_path: Path) -> None:
    write_csv(rep, tmp_path / "r.csv")
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["单位", "姓名", "作答题数"]  # no individual ranking by default
    assert len(rows) == 1 + len(rep.cadres)
    evil = next(r for r in rows if EVIL_NAME in r[1])
    assert (evil[0], evil[1]) == ("'" + EVIL_UNIT, "'" + EVIL_NAME)
    zhang = next(r for r in rows if r[1] == "张伟")
    assert zhang[4:6] == ["90.9%", "90.9"]


def test_cadres_are_ranked_in_the_files_only_when_asked(rep: Report, tmp_path: Path) -> None:
    ranked = replace(rep, filters=replace(rep.filters, rank_cadres=True))
    write_csv(ranked, tmp_path / "ranked.csv")
    write_xlsx(rep, tmp_path / "plain.xlsx")
    rows = list(csv.reader((tmp_path / "ranked.csv").read_text("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["单位", "单位内排名", "姓名"]
    assert "单位内排名" not in header(openpyxl.load_workbook(tmp_path / "plain.xlsx")["学员"])


def test_the_format_comes_from_the_option_or_the_extension() -> None:
    assert report_format(Path("a.XLSX")) == "xlsx"
    assert report_format(Path("a.txt"), "csv") == "csv"
    with pytest.raises(UnknownFormat, match=r"a\.doc"):
        report_format(Path("a.doc"))
