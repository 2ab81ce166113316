"""Where the CPU time of one answer goes: the whole answer against its storage part alone.

Run on a folder that ``run.py --keep DIR`` built (50k questions, 1M review logs; the database
is copied first, so DIR stays as it was)::

    uv run python benchmarks/run.py --keep /tmp/bench && uv run python benchmarks/answer_split.py /tmp/bench

Each figure is the median CPU time (``time.process_time``) of 200 calls, the median over
``--rounds`` rounds that take turns, so that a busy moment of a shared machine spreads over
all of them:

- *whole answer*: ``service.record`` as run.py times it (grading, the FSRS step, the
  transaction, retries armed);
- *storage*: the same transaction without the service: ``retry.write`` around
  ``study_repo.get_card`` and ``study_repo.record_answer`` of a record built beforehand;
- *statements*: those two calls in a transaction that is rolled back (no commit, no fsync);
- *empty transaction*: ``retry.write`` around nothing.

What the commit with its fsync costs is *storage - statements*; the Python of the service
around storage is *whole answer - storage*. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection

sys.path.insert(0, str(Path(__file__).parent))
from run import open_service

from jgstudy.core.records import AnswerRecord
from jgstudy.core.storage import retry, study_repo


def median_cpu_us(fn: Callable[[], object], calls: int = 200) -> float:
    samples = []
    for _ in range(calls):
        start = time.process_time()
        fn()
        samples.append(time.process_time() - start)
    return statistics.median(samples) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder kept by run.py --keep")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder.parent) as tmp:
        shutil.copy(args.folder / "bench.sqlite3", Path(tmp) / "bench.sqlite3")
        split(Path(tmp), args.rounds)


def split(folder: Path, rounds: int) -> None:
    services = open_service(folder)
    service = services.study
    engine = service._ctx.engine  # the benchmark looks behind the service on purpose
    user = next(u for u in service.users() if u.name == "基准用户")
    question = service.question(service.practice_queue(user)[0])
    outcome = service.record(user.id, question, "A", 5000)
    template = AnswerRecord(
        uid="",
        user_id=user.id,
        question_pk=question.pk,
        answer_json='"A"',
        correct=outcome.grade.correct,
        score=outcome.grade.score,
        rating=int(outcome.rating),
        duration_ms=5000,
        reviewed_at=service._ctx.clock.now(),
        card=outcome.card_after,
    )

    def storage(conn: Connection) -> None:
        study_repo.get_card(conn, user.id, question.pk)
        study_repo.record_answer(conn, replace(template, uid=uuid.uuid4().hex))

    def statements() -> None:
        with engine.connect() as conn, conn.begin() as transaction:
            storage(conn)
            transaction.rollback()

    parts: dict[str, Callable[[], object]] = {
        "whole answer (service.record)": lambda: service.record(user.id, question, "A", 5000),
        "storage: statements + commit": lambda: retry.write(engine, storage),
        "statements, rolled back": statements,
        "empty transaction": lambda: retry.write(engine, lambda _conn: None),
    }
    for fn in parts.values():  # warm the caches and the connection
        for _ in range(100):
            fn()
    medians: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(rounds):
        for name, fn in parts.items():
            medians[name].append(median_cpu_us(fn))
    figures = {name: statistics.median(values) for name, values in medians.items()}
    for name, value in figures.items():
        print(f"{name:34s} {value:7.1f} µs CPU")
    whole, stored, rolled = (
        figures["whole answer (service.record)"],
        figures["storage: statements + commit"],
        figures["statements, rolled back"],
    )
    print(f"{'commit with its fsync':34s} {stored - rolled:7.1f} µs (storage - statements)")
    print(f"{'the service around storage':34s} {whole - stored:7.1f} µs (whole - storage)")
    services.close()


if __name__ == "__main__":
    main()
