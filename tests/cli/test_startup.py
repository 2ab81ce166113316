"""Start-up: ``jgstudy --help`` imports none of the core, and lists what the full parser lists."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jgstudy.cli.main import ALL, MODULE_COMMANDS, PRACTICE_MODES, build_parser, main
from jgstudy.core.records import PracticeMode

# What `jgstudy --help` may not import: each costs tens to hundreds of milliseconds.
HEAVY = (
    "sqlalchemy",
    "pydantic",
    "yaml",
    "jgstudy.core.records",
    "jgstudy.cli.commands",
    "PySide6",
)


def test_the_light_listing_is_the_full_one() -> None:
    # The help of a command not yet imported is spelled in main.py: it must match the module's.
    assert build_parser(None).format_help() == build_parser(ALL).format_help()


@pytest.mark.parametrize("command", sorted(MODULE_COMMANDS))
def test_each_module_command_is_built_in_full_when_chosen(command: str) -> None:
    full = build_parser(ALL)._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    chosen = build_parser(command)._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    assert chosen.format_help() == full.format_help()


def test_practice_modes_are_the_core_ones() -> None:
    assert tuple(mode.value for mode in PracticeMode) == PRACTICE_MODES


def test_help_imports_none_of_the_core() -> None:
    code = (
        "import sys\n"
        "from jgstudy.app import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "校验题库文件或文件夹" in out.stdout  # the help was printed
    assert out.stdout.strip().endswith("[]"), out.stdout.splitlines()[-1]


def test_a_command_still_runs_through_the_lazy_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema"]) == 0
    assert '"$defs"' in capsys.readouterr().out


def test_an_unknown_practice_mode_is_refused() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["practice", "--user", "张三", "--mode", "bogus"])
    assert exit_info.value.code == 2
