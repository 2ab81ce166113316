"""The PDF report as a trainer receives it: pages, embedded Simplified Chinese font, text, charts.

Checked with poppler's tools (pdfinfo, pdffonts, pdftotext, pdftoppm), as a reader would.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from data.reports.seed import seed_history
from jgstudy.core.clock import FixedClock
from jgstudy.core.reports import Report, ReportFilter, build_report
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.services import open_services
from jgstudy.render.charts import BAR_COLOR
from jgstudy.render.pdf_report import write_pdf
from jgstudy.render.save import save_report
from peek import engine_of

NOW = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)
BEIJING = timezone(timedelta(hours=8))
TRICKY_NAME = "<b>王五</b>&amp;"  # must print as typed, not as markup
TRICKY_UNIT = "市直机关工委"
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def qt_app() -> QApplication:
    # A QApplication rather than the QGuiApplication the renderer would make: pytest-qt's
    # widget tests in the same run reuse whatever application exists.
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    url = f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'r.sqlite3'}"
    services = open_services(url, FixedClock(NOW), BEIJING, scheduler=Scheduler(fuzz=False))
    service = services.study
    seed_history(service)
    tricky = service.ensure_user(TRICKY_NAME, TRICKY_UNIT)
    service.record(tricky.id, service.question(1), "A", 4_000)
    yield build_report(engine_of(service), ReportFilter(min_answers=10), NOW, tz=BEIJING)
    services.close()


@pytest.fixture(scope="module")
def pdf(qt_app: QApplication, report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("out") / "report.pdf"
    write_pdf(report, path)
    return path


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_the_pdf_has_a4_pages(pdf: Path) -> None:
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(pdf)).splitlines() if ":" in line)
    assert int(info["Pages"]) >= 2
    assert "595 x 842 pts (A4)" in info["Page size"]
    assert info["Title"].strip() == "机关学习成绩报告"


@needs_poppler
def test_a_simplified_chinese_font_is_embedded(pdf: Path) -> None:
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    cjk = [f for f in fonts if "CJK" in f or "YaHei" in f or "PingFang" in f or "Han" in f]
    assert cjk, fonts
    assert all(f.split()[-5] == "yes" for f in fonts), fonts  # every font embedded
    assert not [f for f in fonts if "jp" in f.split()[0].lower()], fonts  # no Japanese glyphs


@needs_poppler
def test_the_text_has_units_names_and_flags(pdf: Path) -> None:
    words = run("pdftotext", "-layout", str(pdf), "-")
    for unit in ("审计局", "财政局", TRICKY_UNIT):
        assert unit in words
    assert TRICKY_NAME in "".join(run("pdftotext", "-raw", str(pdf), "-").split())  # wrapped
    assert "需核查的试题" in words and "bad" in words
    assert "2026年第一季度测试" in words


@needs_poppler
def test_copied_text_has_ideographs_not_look_alike_radicals(pdf: Path) -> None:
    words = run("pdftotext", str(pdf), "-")
    # 生, 一, 人 and 页 share their glyphs with radicals (⽣, ⼀, ⼈, ⻚) in Noto Sans CJK.
    assert "生成时间" in words and "一、总体情况" in words and "学员人数" in words
    assert "第 1 页" in words
    assert [c for c in words if 0x2E80 <= ord(c) < 0x2FE0] == []


@needs_poppler
def test_the_charts_are_drawn(pdf: Path, tmp_path: Path) -> None:
    run("pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p"))
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    blue = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if _close(QColor(image.pixel(x, y)), BAR_COLOR)
    )
    assert blue > 200  # bars of two charts; an empty page has none


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_save_report_writes_the_format_of_the_extension(
    qt_app: QApplication, report: Report, tmp_path: Path
) -> None:
    assert save_report(report, tmp_path / "r.pdf") == "pdf"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert save_report(report, tmp_path / "r.xlsx") == "xlsx"
    assert (tmp_path / "r.xlsx").read_bytes().startswith(b"PK")
    assert save_report(report, tmp_path / "r.txt", "csv") == "csv"
    assert (tmp_path / "r.txt").read_bytes().startswith(b"\xef\xbb\xbf")
