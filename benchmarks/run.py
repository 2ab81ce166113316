"""Benchmark: large banks, a long history, and the operations a cadre waits for.

Run with ``uv run python benchmarks/run.py`` (``--quick`` for a smaller run). Prints a table;
docs/performance.md records the figures and the targets. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).parent))
from synth import review_rows, write_bank

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import CardInfo
from jgstudy.core.scheduling import CardState
from jgstudy.core.service import StudyService
from jgstudy.core.storage import study_repo
from jgstudy.core.storage.schema import QuestionRow, ReviewLogRow

NOW = datetime(2026, 6, 1, 1, tzinfo=UTC)
ROWS: list[tuple[str, str, str]] = []


def report(what: str, value: str, target: str = "") -> None:
    ROWS.append((what, value, target))
    print(f"  {what:<52} {value:>14}   {target}", flush=True)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat)) * 1000


def open_service(folder: Path) -> StudyService:
    return StudyService.open(f"sqlite:///{folder / 'bench.sqlite3'}", FixedClock(NOW))


def bench_import(folder: Path, count: int) -> Path:
    bank = write_bank(folder / f"bank{count}.yaml", count)
    size = bank.stat().st_size / 1e6
    service = open_service(folder)
    report(
        f"import {count:,}-question bank cold ({size:.1f} MB)",
        f"{timed(lambda: service.import_banks([bank])):.2f} s",
        "≤ 3 s for 10k",
    )
    report(
        f"unchanged {count:,} bank checked at start",
        f"{timed(lambda: service.import_banks([bank])) * 1000:.1f} ms",
        "≤ 50 ms for 50k",
    )
    service.close()
    return bank


def fill_history(service: StudyService, logs: int) -> int:
    user = service.ensure_user("基准用户", "市直机关工委")
    with service.engine.connect() as conn:
        pks = list(conn.execute(select(QuestionRow.pk)).scalars())
    start = time.perf_counter()
    with service.engine.begin() as conn:
        for offset in range(0, logs, 50_000):
            conn.execute(
                insert(ReviewLogRow),
                review_rows(user.id, pks, min(50_000, logs - offset), NOW, seed=offset),
            )
        for pk in pks[: len(pks) // 2]:
            due = NOW + timedelta(hours=(pk % 240) - 120)
            state = CardState(2, None, 5.0, 5.0, due, due - timedelta(days=5))
            study_repo.put_card(conn, user.id, pk, CardInfo(state, 5, 1, 1, pk % 7 == 0))
    report(
        f"write {logs:,} review logs + {len(pks) // 2:,} cards (setup)",
        f"{time.perf_counter() - start:.1f} s",
    )
    return user.id


def bench_study(folder: Path, repeat: int) -> None:
    service = open_service(folder)
    user = next(u for u in service.users() if u.name == "基准用户")
    queue: list[int] = []
    report(
        "build session queue (due + new)",
        f"{median_ms(lambda: queue.extend(service.practice_queue(user)), 5):.1f} ms",
    )
    pks = iter(queue * 10)

    def next_question() -> None:
        service._questions.clear()  # measure a real fetch, not the cache
        service.question(next(pks))

    report("next question (median)", f"{median_ms(next_question, repeat):.3f} ms", "≤ 0.5 ms")
    record = service.question(queue[0])
    report(
        "record an answer, committed (median)",
        f"{median_ms(lambda: service.record(user.id, record, 'A', 5000), repeat):.3f} ms",
        "≤ 1 ms",
    )
    report(
        "home statistics, first call of the day",
        f"{timed(lambda: service.stats(user)) * 1000:.0f} ms",
    )
    report(
        "home statistics, later calls (median)",
        f"{median_ms(lambda: service.stats(user), 5):.0f} ms",
    )
    service.close()


def bench_process(folder: Path) -> None:
    code = (
        "import time; t0 = time.perf_counter();"
        "from jgstudy.core.service import StudyService; from jgstudy.core.clock import FixedClock;"
        "from datetime import datetime, UTC;"
        f"s = StudyService.open('sqlite:///{folder / 'bench.sqlite3'}', FixedClock(datetime(2026,6,1,1,tzinfo=UTC)));"
        "u = s.users()[0]; q = s.practice_queue(u); s.question(q[0]);"
        "print(time.perf_counter() - t0)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    whole = time.perf_counter() - start
    report("process start → first question ready (whole process)", f"{whole:.2f} s", "≤ 0.8 s")
    report("  of which after interpreter start", f"{float(out.stdout):.2f} s")


SPLASH = (
    "import os, time; t0 = time.perf_counter(); os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen');"
    "from jgstudy.gui.main import make_application; from jgstudy.gui.splash import show_splash;"
    "app = make_application(); show_splash(app); print(time.perf_counter() - t0)"
)


def bench_gui_start() -> None:
    """Process start to the first painted window (the splash), warm caches: the second run."""
    for _ in range(2):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", SPLASH], capture_output=True, text=True, check=True
        )
        whole = time.perf_counter() - start
    report("process start → first window painted (whole process)", f"{whole:.2f} s", "≤ 0.3 s")
    report("  of which after interpreter start", f"{float(out.stdout):.2f} s")


def bench_convert(folder: Path, rows: int) -> None:
    """Reading a 考试宝 workbook (number formats, a merged range, two sheets) into a preview."""
    from datetime import datetime as naive

    from openpyxl import Workbook

    from jgstudy.core.convert import read_source

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["导入须知"])
    sheet.merge_cells("A1:F1")
    sheet.append(
        ["题干（必填）", "题型 （必填）", "选项 A", "选项 B", "正确答案\n（必填）", "难度"]
    )
    for n in range(rows):
        sheet.append(
            [f"第{n}题：党的一大召开于（ ）。", "单选", naive(1921, 7, 1), "1949年", "A", "适中"]
        )
        sheet.cell(n + 3, 3).number_format = 'yyyy"年"m"月"'
    workbook.create_sheet("版本号")["A1"] = "V3"
    path = folder / f"sheet{rows}.xlsx"
    workbook.save(path)
    seconds = timed(lambda: read_source(path))
    report(f"read a {rows:,}-row 考试宝 workbook for the preview", f"{seconds:.2f} s", "< 5 s")


def bench_paper(folder: Path, questions: int) -> None:
    """Reading a Word question paper (sections, options on one line, answers) for the preview."""
    import docx

    from jgstudy.core.convert import read_source

    document = docx.Document()
    document.add_paragraph("党纪学习教育知识测试题")
    document.add_paragraph("一、单项选择题（每题1分）")
    for n in range(1, questions + 1):
        document.add_paragraph(f"{n}、第{n}题：党的一大召开于（ ）。")
        document.add_paragraph("A．1921年7月 B．1949年10月 C．1978年12月 D．2012年11月")
        document.add_paragraph("答案：A 解析：1921年7月，党的一大在上海召开。")
    path = folder / f"paper{questions}.docx"
    document.save(str(path))
    seconds = timed(lambda: read_source(path))
    report(f"read a {questions:,}-question Word paper for the preview", f"{seconds:.2f} s", "< 5 s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1k/5k questions, 100k logs")
    args = parser.parse_args()
    small, large, logs = (1_000, 5_000, 100_000) if args.quick else (10_000, 50_000, 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"jgstudy benchmark — {small:,} / {large:,} questions, {logs:,} review logs")
        bench_import(folder / "a", small) if (folder / "a").mkdir() is None else None
        (folder / "b").mkdir()
        bench_import(folder / "b", large)
        service = open_service(folder / "b")
        fill_history(service, logs)
        service.close()
        bench_study(folder / "b", repeat=200)
        bench_process(folder / "b")
        for rows in (900, 5_000):
            bench_convert(folder, rows)
        for questions in (900, 5_000):
            bench_paper(folder, questions)
    bench_gui_start()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report("peak memory of this process", f"{peak:.0f} MB")


if __name__ == "__main__":
    main()
