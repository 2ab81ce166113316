"""The layering rules hold: core never imports Qt, gui and cli sit above core, and only the
core (and `jgstudy db`) touches storage and SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_ci_runs_lint_format_types_and_tests_and_stops_at_the_first_failure() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script  # pytest's exit 5 ("no tests ran") fails the run too
    steps = [
        "uv run ruff check",
        "uv run ruff format --check",
        "uv run mypy",
        "uv run pytest",
    ]
    positions = [script.index(f"\n{step}\n") for step in steps]
    assert positions == sorted(positions)


def test_our_pytest_configuration_fails_when_no_test_ran(tmp_path: Path) -> None:
    (tmp_path / "test_nothing.py").write_text("", encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", config, "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 5, result.stdout
