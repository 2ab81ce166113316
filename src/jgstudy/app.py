"""The ``jgstudy`` command: no arguments opens the desktop app, anything else is the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # before anything heavy is imported
        from jgstudy.version import version

        print(f"jgstudy {version()}")
        return 0
    if not args or args[0] == "gui" or (args[0].startswith("--") and _only_globals(args)):
        from jgstudy.gui.main import run  # imported here: the CLI must not pay for Qt

        return run(args[1:] if args and args[0] == "gui" else args)
    from jgstudy.cli.main import main as cli_main

    return cli_main(args)


def _only_globals(args: list[str]) -> bool:
    """True for ``jgstudy --db URL --data-dir DIR`` without a subcommand."""
    from jgstudy.cli.main import split_globals

    _globals, rest = split_globals(args)
    return not rest
