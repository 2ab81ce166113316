"""Benchmark: large banks, a long history, and the operations a cadre waits for.

Run with ``uv run python benchmarks/run.py`` (``--quick`` for a smaller run, ``--json FILE`` to
also write the figures as one JSON object, with the CPU time beside the wall time of the
figures compared with Anki: the machine is shared). Prints a table; docs/performance.md records
the figures and the targets. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).parent))
from synth import review_rows, write_bank

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import CardInfo
from jgstudy.core.scheduling import CardState
from jgstudy.core.scheduling.fit import Review
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage import study_repo
from jgstudy.core.storage.engine import make_engine
from jgstudy.core.storage.schema import QuestionRow, ReviewLogRow

NOW = datetime(2026, 6, 1, 1, tzinfo=UTC)
ROWS: list[tuple[str, str, str]] = []
# The figures issue 18 compares with Anki, for --json (seconds or milliseconds as named).
FIGURES: dict[str, float] = {}


def report(what: str, value: str, target: str = "") -> None:
    ROWS.append((what, value, target))
    print(f"  {what:<52} {value:>14}   {target}", flush=True)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat)) * 1000


def measured(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``: CPU time (this process) says more on a shared machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_measured_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and median CPU milliseconds of ``repeat`` calls."""
    samples = [measured(fn) for _ in range(repeat)]
    wall = statistics.median(sample[0] for sample in samples)
    return wall * 1000, statistics.median(sample[1] for sample in samples) * 1000


def figure(key: str, wall: float, cpu: float, digits: int) -> None:
    """``key`` (wall) and its ``_cpu`` twin: import_10k_s → import_10k_cpu_s."""
    stem, unit = key.rsplit("_", 1)
    FIGURES[key], FIGURES[f"{stem}_cpu_{unit}"] = round(wall, digits), round(cpu, digits)


def db_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'bench.sqlite3'}"


def open_service(folder: Path) -> Services:
    return open_services(db_url(folder), FixedClock(NOW), UTC)


def bench_import(folder: Path, count: int, key: str, repeat: int = 1) -> Path:
    """A cold import (a new database each time): the best wall and CPU time of ``repeat``."""
    bank = write_bank(folder / f"bank{count}.yaml", count)
    size = bank.stat().st_size / 1e6
    walls, cpus = [], []
    for attempt in range(repeat):
        # The last import stays in ``folder``: the study benchmarks run on its database.
        where = folder if attempt == repeat - 1 else folder / f"try{attempt}"
        where.mkdir(exist_ok=True)
        services = open_service(where)
        wall, cpu = measured(partial(services.study.import_banks, [bank]))
        walls.append(wall)
        cpus.append(cpu)
        if attempt < repeat - 1:
            services.close()
    figure(key, min(walls), min(cpus), 3)
    report(
        f"import {count:,}-question bank cold ({size:.1f} MB)",
        f"{min(walls):.2f} s ({min(cpus):.2f} CPU)",
        "≤ Anki CSV",
    )
    report(
        f"unchanged {count:,} bank checked at start",
        f"{timed(lambda: services.study.import_banks([bank])) * 1000:.1f} ms",
        "≤ 50 ms for 50k",
    )
    services.close()
    return bank


def safe_yaml_only() -> None:
    """Turn the fast YAML path off (``--yaml safe``): the figures of PyYAML's path alone."""
    from jgstudy.core.banks import loader

    setattr(loader, "fast_parse", lambda text: None)  # noqa: B010 - a benchmark switch


def fill_history(folder: Path, logs: int) -> int:
    """Write the history straight into the tables (an engine of the benchmark's own)."""
    services = open_service(folder)
    user = services.study.ensure_user("基准用户", "市直机关工委")
    services.close()
    engine = make_engine(db_url(folder))
    with engine.connect() as conn:
        pks = list(conn.execute(select(QuestionRow.pk)).scalars())
    start = time.perf_counter()
    with engine.begin() as conn:
        for offset in range(0, logs, 50_000):
            conn.execute(
                insert(ReviewLogRow),
                review_rows(user.id, pks, min(50_000, logs - offset), NOW, seed=offset),
            )
        for pk in pks[: len(pks) // 2]:
            due = NOW + timedelta(hours=(pk % 240) - 120)
            state = CardState(2, None, 5.0, 5.0, due, due - timedelta(days=5))
            study_repo.put_card(conn, user.id, pk, CardInfo(state, 5, 1, 1, pk % 7 == 0))
        rebuild_summary(conn)
    engine.dispose()
    report(
        f"write {logs:,} review logs + {len(pks) // 2:,} cards (setup)",
        f"{time.perf_counter() - start:.1f} s",
    )
    return user.id


def rebuild_summary(conn: object) -> None:
    """Bring the per-day summary up to date after the logs were written behind its back."""
    try:
        from jgstudy.core.storage.counts_repo import rebuild
    except ImportError:
        return  # a version without the summary table
    rebuild(conn)  # type: ignore[arg-type]


def bench_study(folder: Path, repeat: int) -> None:
    services = open_service(folder)
    service = services.study
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

    ms, cpu = median_measured_ms(next_question, repeat)
    figure("next_question_ms", ms, cpu, 4)
    report("next question (median)", f"{ms:.3f} ms ({cpu:.3f} CPU)", "≤ ½ Anki")
    record = service.question(queue[0])
    ms, cpu = median_measured_ms(lambda: service.record(user.id, record, "A", 5000), repeat)
    figure("record_answer_ms", ms, cpu, 4)
    report("record an answer, committed (median)", f"{ms:.3f} ms ({cpu:.3f} CPU)", "≤ 0.8 Anki")
    first, first_cpu = median_measured_ms(lambda: service.stats(user), 1)
    report(
        "home statistics, first call of the day", f"{first:.0f} ms ({first_cpu:.0f} CPU)", "≤ 50 ms"
    )
    later, later_cpu = median_measured_ms(lambda: service.stats(user), 5)
    report(
        "home statistics, later calls (median)", f"{later:.0f} ms ({later_cpu:.0f} CPU)", "≤ 50 ms"
    )
    figure("home_stats_ms", max(first, later), max(first_cpu, later_cpu), 2)
    services.close()


def compile_bytecode() -> None:
    """The start-up figures are for a desktop's second start, with bytecode on disk.

    Python writes it at the first import unless ``PYTHONDONTWRITEBYTECODE`` is set (this
    machine sets it): then every start compiled jgstudy's sources again (0.5 s more). So the
    package is compiled here, once; the environment's packages need ``uv sync --locked
    --compile-bytecode`` (checked, not done: it is the environment's business)."""
    import jgstudy

    compileall.compile_dir(Path(jgstudy.__file__).parent, quiet=1)
    spec = importlib.util.find_spec("sqlalchemy")
    cached = spec.origin and Path(importlib.util.cache_from_source(spec.origin)).exists()
    if not cached:
        report("warning: packages not compiled", "uv sync --locked --compile-bytecode")


def bench_process(folder: Path) -> None:
    code = (
        "import time; t0 = time.perf_counter();"
        "from jgstudy.core.services import open_services; from jgstudy.core.clock import FixedClock;"
        "from datetime import datetime, UTC;"
        f"s = open_services('{db_url(folder)}', FixedClock(datetime(2026,6,1,1,tzinfo=UTC))).study;"
        "u = s.users()[0]; q = s.practice_queue(u); s.question(q[0]);"
        "print(time.perf_counter() - t0)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    whole = time.perf_counter() - start
    FIGURES["start_first_question_s"] = round(whole, 3)
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
    FIGURES["start_window_s"] = round(whole, 3)
    report("process start → first window painted (whole process)", f"{whole:.2f} s", "≤ 0.3 s")
    report("  of which after interpreter start", f"{float(out.stdout):.2f} s")


def bench_help() -> None:
    """``jgstudy --help`` as a user runs it: the installed script, and through ``uv run``."""
    script = str(Path(sys.executable).with_name("jgstudy"))
    direct = min(timed(lambda: _quiet([script, "--help"])) for _ in range(5))
    FIGURES["help_s"] = round(direct, 3)
    report("`jgstudy --help`, whole process (best of 5)", f"{direct:.3f} s", "≤ 0.25 s")
    uv = shutil.which("uv")
    if uv is None:
        return
    through_uv = min(timed(lambda: _quiet([uv, "run", "jgstudy", "--help"])) for _ in range(5))
    FIGURES["uv_run_overhead_s"] = round(through_uv - direct, 3)
    report(
        "  `uv run` overhead over the script (best of 5)",
        f"{through_uv - direct:.3f} s",
        "≤ 0.05 s",
    )


def _quiet(command: list[str]) -> None:
    subprocess.run(command, capture_output=True, check=True, cwd=Path(__file__).parent.parent)


def bench_fsrs_fit(folder: Path) -> None:
    """Fitting a cadre's FSRS parameters (fsrs-rs) to 10,000 and 100,000 reviews."""
    from jgstudy.core.scheduling.fit import fit

    for count, key, goal in (
        (10_000, "fsrs_fit_10k_s", "≤ 0.1 s"),
        (100_000, "fsrs_fit_100k_s", "≤ 0.5 s"),
    ):
        history = review_history(count)
        # best of three: the fit is short enough that a busy machine's pauses dominate one run
        seconds, cpu = min(measured(partial(fit, history)) for _ in range(3))
        figure(key, seconds, cpu, 3)
        report(
            f"fit FSRS parameters to {count:,} reviews (best of 3)",
            f"{seconds:.2f} s ({cpu:.2f} CPU)",
            goal,
        )


def review_history(count: int) -> list[Review]:
    """``count`` reviews of a cadre over a year: growing gaps, recall falling with the gap."""
    rng = random.Random(5)
    day0 = NOW.date() - timedelta(days=365)
    reviews: list[Review] = []
    question = 0
    while len(reviews) < count:
        strength, day = 1.0, rng.randrange(300)
        reviews.append(Review(question, day0 + timedelta(days=day), 3))
        while len(reviews) < count:
            gap = max(1, round(strength * rng.uniform(0.8, 1.6)))
            day += gap
            if day > 365:
                break
            right = rng.random() < math.exp(-0.2 * gap / strength)
            reviews.append(Review(question, day0 + timedelta(days=day), 3 if right else 1))
            strength = strength * 2.2 if right else max(0.5, strength / 2)
        question += 1
    return reviews


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
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--skip-files", action="store_true", help="skip the workbook/Word reads")
    parser.add_argument("--only", choices=["import"], help="run only this part")
    parser.add_argument("--repeat", type=int, default=1, help="cold imports, the best counts")
    parser.add_argument(
        "--yaml", choices=["fast", "safe"], default="fast", help="safe: PyYAML's path only"
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="build the databases in DIR and keep them"
    )
    args = parser.parse_args()
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: not empty (the imports must start cold)")
    if args.yaml == "safe":
        safe_yaml_only()
    small, large, logs = (1_000, 5_000, 100_000) if args.quick else (10_000, 50_000, 1_000_000)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"jgstudy benchmark — {small:,} / {large:,} questions, {logs:,} review logs")
        (folder / "a").mkdir(exist_ok=True)
        bench_import(folder / "a", small, "import_10k_s", args.repeat)
        (folder / "b").mkdir(exist_ok=True)
        bench_import(folder / "b", large, "import_50k_s", args.repeat)
        if args.only == "import":
            write_figures(args.json, small, large, logs, load_before)
            return
        fill_history(folder / "b", logs)
        bench_study(folder / "b", repeat=200)
        compile_bytecode()
        bench_process(folder / "b")
        bench_fsrs_fit(folder)
        if not args.skip_files:
            for rows in (900, 5_000):
                bench_convert(folder, rows)
            for questions in (900, 5_000):
                bench_paper(folder, questions)
    bench_gui_start()
    bench_help()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report("peak memory of this process", f"{peak:.0f} MB")
    write_figures(args.json, small, large, logs, load_before)


def write_figures(
    target: Path | None, small: int, large: int, logs: int, load_before: tuple[float, ...]
) -> None:
    if target:
        sizes = {"questions": [small, large], "review_logs": logs}
        load = {"before": load_before, "after": os.getloadavg()}
        figures = {**FIGURES, "sizes": sizes, "load_average": load}
        figures["measured_at"] = datetime.now(UTC).isoformat()
        target.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
