"""Problems found in a bank, each located at a file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jgstudy.core.errors import InputError
from jgstudy.core.text import Msg, join, msg

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank, located in its file (line and column are 1-based)."""

    file: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> Msg:
        """``file:line:column: message``, the message kept translatable."""
        return msg(
            "{file}:{line}:{column}: {message}",
            file=self.file,
            line=self.line,
            column=self.column,
            message=self.message,
        )


@dataclass(frozen=True)
class PendingProblem:
    """A problem known by its path in the document; located later, only if there are any."""

    path: Path_
    message: str


class BankErrors(InputError):
    """Every problem found in one or more bank files, raised once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(join("\n", [p.describe() for p in self.problems]))
