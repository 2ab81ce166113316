"""Question banks: loading YAML safely, validating, locating every problem."""

from jgstudy.core.banks.errors import BankErrors, Problem
from jgstudy.core.banks.loader import (
    LoadedBank,
    find_bank_files,
    load_bank,
    load_banks,
    refused_bank_files,
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
