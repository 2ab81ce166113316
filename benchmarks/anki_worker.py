"""Anki's side of benchmarks/anki_compare.py; runs in the scratch venv that has ``anki``.

Imports only the standard library and anki (jgstudy's environment is not on the path).

    python anki_worker.py SMALL.csv LARGE.csv --logs N [--repeat R] --folder DIR --out FIGURES.json

1. Import SMALL.csv, then LARGE.csv, each into a new empty collection (``get_csv_metadata`` +
   ``import_csv``, what Anki's import dialog calls), timed from the call to its return; with
   ``--repeat R`` R times each, the best counts (like run.py's ``--repeat``).
2. Close the large collection and, with the stdlib ``sqlite3``, add N review-log rows over the
   past year and put half of the cards in review, due from 5 days ago to 4 days ahead, with FSRS
   memory states (the same shape as run.py's history). Anki's API has no bulk way to do this.
3. Reopen it with FSRS on and no daily limits that bind (9,999 new and reviews) and, ``repeat``
   times: fetch the next queued card and its note (``get_queued_cards`` + ``get_note``: the
   question ready to show), then answer it Good (``build_answer`` + ``answer_card``). Anki 26
   commits every operation before it returns (``col.save()`` and ``autosave()`` are deprecated
   no-ops): the collection is in WAL mode with ``synchronous=FULL`` (printed), strace shows one
   fsync per ``answer_card``, and the worker checks that another connection sees every answer.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import anki.collection  # before anki.cards, which cannot be imported first (circular)
from anki.cards import Card
from anki.dbproxy import DBProxy
from anki.decks import DeckId
from anki.scheduler.v3 import Scheduler
from anki.scheduler_pb2 import CardAnswer, SchedulingStates

Collection = anki.collection.Collection

T = TypeVar("T")
FIGURES: dict[str, object] = {}
YEAR_MS = 365 * 86_400_000


def report(what: str, value: str) -> None:
    print(f"  {what:<52} {value:>14}", flush=True)


def measured(fn: Callable[[], T]) -> tuple[T, float, float]:
    """``fn()``, its wall time and its CPU time (this process, all threads), in seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def import_csv(collection: Path, csv: Path, key: str, repeat: int) -> None:
    """Import ``csv`` into a new collection ``repeat`` times: the best wall and CPU time count.

    The last import stays at ``collection`` (closed); the others go to scratch files beside it.
    """
    expected = sum(1 for line in csv.open(encoding="utf-8") if not line.startswith("#"))
    walls, cpus = [], []
    for attempt in range(repeat):
        last = attempt == repeat - 1
        where = collection if last else collection.with_suffix(f".try{attempt}")
        wall, cpu = _import_once(where, csv, expected)
        walls.append(wall)
        cpus.append(cpu)
    wall, cpu = min(walls), min(cpus)
    FIGURES[key], FIGURES[key.removesuffix("_s") + "_cpu_s"] = round(wall, 3), round(cpu, 3)
    report(f"import {expected:,} questions from CSV, cold", f"{wall:.2f} s ({cpu:.2f} CPU)")


def _import_once(collection: Path, csv: Path, expected: int) -> tuple[float, float]:
    col = Collection(str(collection))

    def run() -> int:
        metadata = col.get_csv_metadata(str(csv), None)
        request = anki.collection.ImportCsvRequest(path=str(csv), metadata=metadata)
        log = col.import_csv(request)
        return len(log.log.new)

    new, wall, cpu = measured(run)
    if new != expected or col.card_count() != expected:
        raise SystemExit(f"{csv.name}: {new} notes / {col.card_count()} cards, not {expected}")
    col.close()
    return wall, cpu


def fill_history(collection: Path, logs: int) -> None:
    """Review logs and review cards written with sqlite3 while the collection is closed."""
    col = Collection(str(collection))
    today, cids = col.sched.today, list(col.find_cards(""))
    col.close()
    start, rng = time.perf_counter(), random.Random(11)
    now_ms = int(time.time() * 1000)
    db = sqlite3.connect(collection)
    db.execute("pragma cache_size = -500000")  # the setup's own speed: 500 MB of page cache
    with db:
        # Ids are the review times in ms (the primary key): in order, appended, not scattered.
        times = sorted(now_ms - offset for offset in rng.sample(range(1, YEAR_MS), logs))
        db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " values (?, ?, -1, ?, ?, ?, 5000, ?, 1)",
            ((ms, rng.choice(cids), *_outcome(rng), rng.randint(2000, 30000)) for ms in times),
        )
        reviews = sorted(cids)[: len(cids) // 2]
        db.executemany(
            "update cards set type = 2, queue = 2, due = ?, ivl = 5, factor = 2500, reps = 5,"
            " lapses = 1, data = ? where id = ?",
            (
                (today + (n % 240 - 120) // 24, _memory(now_ms), cid)
                for n, cid in enumerate(reviews)
            ),
        )
    db.close()
    report(
        f"write {logs:,} review logs + {len(reviews):,} cards (setup)",
        f"{time.perf_counter() - start:.1f} s",
    )


def _outcome(rng: random.Random) -> tuple[int, int, int]:
    """ease, ivl, lastIvl of one review: right four times out of five, like run.py's logs."""
    return (3, 5, 2) if rng.random() < 0.8 else (1, -600, 5)


def _memory(now_ms: int) -> str:
    """FSRS memory state in the card's data, as Anki stores it (stability, difficulty)."""
    return json.dumps({"s": 5.0, "d": 5.0, "dr": 0.9, "lrt": now_ms // 1000 - 5 * 86_400})


def open_for_study(collection: Path) -> anki.collection.Collection:
    """The collection with FSRS on and daily limits that do not bind (like jgstudy's queue)."""
    col = Collection(str(collection))
    col.set_config("fsrs", True)
    for deck in col.decks.all_names_and_ids():
        config = col.decks.config_dict_for_deck_id(DeckId(deck.id))
        config["new"]["perDay"] = config["rev"]["perDay"] = 9999
        col.decks.update_config(config)
    # Study the imported deck (the queue is the current deck's).
    col.decks.select(col.get_card(col.find_cards("")[0]).did)
    return col


def db(col: anki.collection.Collection) -> DBProxy:
    assert col.db is not None, "the collection is closed"
    return col.db


def scheduler(col: anki.collection.Collection) -> Scheduler:
    assert isinstance(col.sched, Scheduler), "not the v3 scheduler"
    return col.sched


def bench_study(collection: Path, repeat: int) -> None:
    col = open_for_study(collection)
    logs = db(col).scalar("select count() from revlog")
    _, wall, cpu = measured(lambda: scheduler(col).get_queued_cards(fetch_limit=1))
    report("build the queue (first get_queued_cards)", f"{wall * 1000:.1f} ms")
    fetch: list[tuple[float, float]] = []
    render: list[tuple[float, float]] = []
    answer: list[tuple[float, float]] = []
    for _ in range(repeat):
        (card, states), wall, cpu = measured(partial(_next, col))
        fetch.append((wall, cpu))
        _, wall, cpu = measured(partial(card.question, reload=True))
        render.append((wall, cpu))
        _, wall, cpu = measured(partial(_answer, col, card, states))
        answer.append((wall, cpu))
    check_committed(collection, logs + repeat)
    _median("next_question_ms", "next card + its note (median)", fetch)
    _median("render_question_ms", "  then its question rendered (HTML, median)", render)
    _median("record_answer_ms", "answer it Good, committed (median)", answer)
    FIGURES["journal_mode"] = db(col).scalar("pragma journal_mode")
    FIGURES["synchronous"] = db(col).scalar("pragma synchronous")
    report(
        "journal mode, synchronous (2 = FULL)",
        f"{FIGURES['journal_mode']}, {FIGURES['synchronous']}",
    )
    col.close()


def check_committed(collection: Path, logs: int) -> None:
    """Another connection sees every answer while the collection is still open."""
    db = sqlite3.connect(f"file:{collection}?mode=ro", uri=True, timeout=5)
    seen = db.execute("select count() from revlog").fetchone()[0]
    db.close()
    if seen != logs:
        raise SystemExit(f"{seen} review logs committed, not {logs}: answers left uncommitted?")
    report("every answer seen by another connection", "yes")


def _next(col: anki.collection.Collection) -> tuple[Card, SchedulingStates]:
    queued = scheduler(col).get_queued_cards(fetch_limit=1).cards[0]
    card = Card(col, backend_card=queued.card)
    card.start_timer()
    col.get_note(card.nid)
    return card, queued.states


def _answer(col: anki.collection.Collection, card: Card, states: SchedulingStates) -> None:
    sched = scheduler(col)
    sched.answer_card(sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))


def _median(key: str, what: str, samples: list[tuple[float, float]]) -> None:
    wall = statistics.median(s[0] for s in samples) * 1000
    cpu = statistics.median(s[1] for s in samples) * 1000
    FIGURES[key], FIGURES[f"{key.removesuffix('_ms')}_cpu_ms"] = round(wall, 4), round(cpu, 4)
    report(what, f"{wall:.3f} ms ({cpu:.3f} CPU)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("small", type=Path)
    parser.add_argument("large", type=Path)
    parser.add_argument("--logs", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="cold imports, the best counts")
    parser.add_argument("--answers", type=int, default=200, help="next question + answer, times")
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    import_csv(args.folder / "a.anki2", args.small, "import_10k_s", args.repeat)
    import_csv(args.folder / "b.anki2", args.large, "import_50k_s", args.repeat)
    fill_history(args.folder / "b.anki2", args.logs)
    bench_study(args.folder / "b.anki2", args.answers)
    args.out.write_text(json.dumps(FIGURES, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
