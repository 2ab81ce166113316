"""A second desktop in tests: another database that merges a cadre's exported scores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jgstudy.core.clock import FixedClock
from jgstudy.core.services import Services, open_services


@contextmanager
def merged_elsewhere(
    services: Services,
    name: str,
    bank: Path,
    folder: Path,
    clock: FixedClock,
    opener: Callable[[str, FixedClock], Services] = open_services,
) -> Iterator[Services]:
    """Another SQLite database with ``bank`` imported and ``name``'s scores, exported from
    ``services``, merged into it (closed on leaving)."""
    exported = folder / f"{name}.json"
    services.scores.export(name, exported)
    other = opener(f"sqlite:///{folder / 'other.sqlite3'}", clock)
    try:
        other.study.import_banks([bank])
        other.scores.merge(exported)
        yield other
    finally:
        other.close()
