"""Question banks: loading YAML safely, validating, locating every problem.

The loader's names are imported on first use (PEP 562): ``jgstudy.core.banks.errors`` is
needed before the desktop's first window (its messages), and importing the package must not
build the pydantic models of every question type first (0.15 s of a start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jgstudy.core.banks.errors import BankErrors, Problem

if TYPE_CHECKING:
    from jgstudy.core.banks.loader import (
        LoadedBank,
        find_bank_files,
        load_bank,
        load_banks,
        refused_bank_files,
    )

_FROM_LOADER = frozenset(
    {"LoadedBank", "find_bank_files", "load_bank", "load_banks", "refused_bank_files"}
)

__all__ = [
    "BankErrors",
    "LoadedBank",
    "Problem",
    "find_bank_files",
    "load_bank",
    "load_banks",
    "refused_bank_files",
]


def __getattr__(name: str) -> Any:
    if name in _FROM_LOADER:
        return getattr(importlib.import_module("jgstudy.core.banks.loader"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
