"""Screenshots of 成绩报表 → 备考准备 (cohort readiness) on a synthetic cohort.

    uv run python scripts/screenshots_cohort.py [--out DIR] [--size 1600x1000] [--language en]

Imports the bundled banks, plays three weeks of study for two units' cadres of different
diligence on a fixed clock, gives everybody the same target date four weeks ahead, and saves
the readiness tab for one unit (its trainer's report: names of those behind plan) and for all
units (counts only), and the PDF report's 备考准备 page as ``cohort-sheet.png`` (needs
poppler-utils). Widgets found cut off are printed as ``CLIPPED`` lines (exit status 1).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QThreadPool
from screenshots_views import answer
from shotkit import Shooter, prepare, run_script, settle, window_size

from jgstudy.core.clock import FixedClock
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import UserInfo
from jgstudy.core.reports import ReportFilter
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.services import Services, open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.prefs import Preferences

DAYS = 21
# name, unit, chance of studying on a day, new questions a day, chance of a right answer
CADRES = (
    ("王明", "市审计局", 0.95, 14, 0.85),
    ("李娜", "市审计局", 0.9, 12, 0.8),
    ("张伟", "市审计局", 0.8, 10, 0.75),
    ("刘洋", "市审计局", 0.45, 6, 0.7),
    ("陈静", "市审计局", 0.15, 4, 0.65),
    ("杨帆", "市财政局", 0.9, 12, 0.85),
    ("赵磊", "市财政局", 0.85, 10, 0.8),
    ("黄敏", "市财政局", 0.6, 8, 0.75),
    ("周杰", "市财政局", 0.3, 5, 0.7),
)


def play(services: Services, clock: FixedClock, today: datetime) -> list[UserInfo]:
    """Three weeks of study, each cadre as diligent as CADRES says; ends at ``today``."""
    rng = random.Random(11)
    study = services.study
    users = [study.ensure_user(name, unit) for name, unit, *_ in CADRES]
    for back in range(DAYS, 0, -1):
        clock.advance(seconds=(today - timedelta(days=back) - clock.now()).total_seconds())
        for user, (_n, _u, diligence, new, skill) in zip(users, CADRES, strict=True):
            if rng.random() > diligence:
                continue
            for record in study.questions(study.practice_queue(user, new_per_day=new, limit=40)):
                clock.advance(seconds=rng.randint(6, 20))
                right = rng.random() < skill
                study.record(
                    user.id, record, answer(record.question, right), rng.randint(5000, 15000)
                )
    clock.advance(seconds=(today - clock.now()).total_seconds())
    return users


def build(options: argparse.Namespace) -> int:
    app = prepare(options)
    tmp = Path(tempfile.mkdtemp(prefix="jgstudy-cohort-"))
    prefs = Preferences(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    prefs.language = options.language
    today = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    clock = FixedClock(today - timedelta(days=DAYS + 1))
    url = f"sqlite:///{tmp / 'jgstudy.sqlite3'}"
    services = open_services(url, clock, scheduler=Scheduler(fuzz=False))  # the same every run
    services.study.import_banks([bundled_banks()])
    users = play(services, clock, today)
    target = (today + timedelta(days=28)).date()
    for user in users:
        services.plans.set_target(user, target, 0.85, actor="培训员")
    window = MainWindow(services, prefs, str(tmp), url)
    window.resize(window_size(options))
    window.show()
    settle(app)
    window.set_user(users[0])
    shooter = Shooter(app, options.out, window)
    reports = window.reports
    window.navigate("reports")
    for name, unit in (("cohort-unit", "市审计局"), ("cohort-all", None)):
        reports.unit.setCurrentIndex(reports.unit.findText(unit) if unit else 0)
        reports.preview()
        QThreadPool.globalInstance().waitForDone()
        settle(app, 16)
        reports.tabs.setCurrentWidget(reports.cohort)
        shooter.shot(name)
    sheet_page(services, Path(options.out))
    window.close()
    services.close()
    return shooter.clipped


def sheet_page(services: Services, out: Path) -> None:
    """The PDF report of 市审计局, and its 备考准备 page as a PNG."""
    from jgstudy.render.pdf_report import write_pdf

    pdf = out / "cohort-sheet.pdf"
    write_pdf(services.reports.build(ReportFilter(unit="市审计局")), pdf)
    page = 1
    while "备考准备" not in _run("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"):
        page += 1
    _run(
        "pdftoppm",
        "-png",
        "-r",
        "110",
        "-singlefile",
        "-f",
        str(page),
        "-l",
        str(page),
        str(pdf),
        str(out / "cohort-sheet"),
    )
    print(out / "cohort-sheet.png")


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
