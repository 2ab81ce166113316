"""Problems found in a bank, each located at a file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank, located in its file (line and column are 1-based)."""

    file: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class PendingProblem:
    """A problem known by its path in the document; located later, only if there are any."""

    path: Path_
    message: str


class BankErrors(Exception):
    """Every problem found in one or more bank files, raised once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
