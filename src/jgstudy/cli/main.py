"""Command-line interface over the same services the desktop app uses.

Start-up imports only what the command being run needs: ``jgstudy --help`` imports none of the
core, and a subcommand defined in a module of its own (``exam``, ``convert``, ...) is built in
full only when it is the one run; the others are listed by name and help (:data:`MODULE_COMMANDS`).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from jgstudy.cli.errors import CliError
from jgstudy.core.environment import explain
from jgstudy.core.logs import setup_logging
from jgstudy.core.names import BadName
from jgstudy.core.paths import data_dir
from jgstudy.version import version

log = logging.getLogger("jgstudy.cli")
GLOBAL_FLAGS = ("--db", "--data-dir")
SWITCHES = ("--debug",)  # global flags without a value
ENVIRONMENT_EXIT = 2  # the same as a database that cannot be used
BUG_EXIT = 70  # EX_SOFTWARE
# core.records.PracticeMode's values, spelled here so the parser does not import the core.
PRACTICE_MODES = ("mixed", "review", "new", "wrong")
CONVERT_HELP = (
    "转换题库格式：YAML、Excel（.xlsx）、CSV、GIFT、Aiken，"
    "以及 Word（.docx）和文本（.txt）试卷（格式由扩展名判断）"
)
# Subcommands built by a module's ``register``: (help as listed, module). Their options may need
# the core (formats, report kinds), so a module is imported only when one of its commands runs.
# tests/cli/test_startup.py keeps these help texts equal to the modules' own.
MODULE_COMMANDS: dict[str, tuple[str, str]] = {
    "exam": ("在终端里参加限时模拟考试", "jgstudy.cli.exam"),
    "convert": (CONVERT_HELP, "jgstudy.cli.convert"),
    "report": ("生成成绩报告（Excel、CSV 或 PDF）", "jgstudy.cli.reports"),
    "export-scores": ("导出一名学员的成绩文件（.json 或 .json.gz）", "jgstudy.cli.reports"),
    "merge-scores": ("把学员的成绩文件合并到本数据库（可重复合并）", "jgstudy.cli.reports"),
    "match": ("竞赛：列出比赛，导出比赛记录（仲裁用）", "jgstudy.cli.match"),
    "db": ("数据库：检查、备份、恢复", "jgstudy.cli.db"),
    "optimize": ("按个人作答记录拟合 FSRS 参数，以后按它安排复习", "jgstudy.cli.plan"),
    "plan": ("到目标日期的学习计划与预计掌握率", "jgstudy.cli.plan"),
    "simulate": ("模拟：每天学多少分钟，目标日期能掌握多少", "jgstudy.cli.plan"),
    "retention": ("真实保持率：按间隔和时段的复习通过率与预测值", "jgstudy.cli.plan"),
}
ALL = "*"  # build_parser(ALL): every subcommand in full


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """``commands.<name>``, imported when the command runs (``commands`` imports the core)."""

    def run(args: argparse.Namespace) -> int:
        from jgstudy.cli import commands

        return int(getattr(commands, name)(args))

    return run


def build_parser(command: str | None = ALL) -> argparse.ArgumentParser:
    """The ``jgstudy`` parser; with a ``command`` name only that command's module is imported
    (``None``: none of them, which is enough for ``jgstudy --help``)."""
    parser = argparse.ArgumentParser(
        prog="jgstudy",
        description="机关学习 jgstudy：题库、间隔复习、模拟考试与竞赛训练。不带参数运行将打开桌面程序。",
    )
    parser.add_argument(
        "--db", help="数据库 URL（默认：数据目录中的 SQLite；也可用环境变量 JGSTUDY_DB）"
    )
    parser.add_argument("--data-dir", type=Path, help="数据目录（默认：系统的用户数据目录）")
    parser.add_argument(
        "--debug", action="store_true", help="出错时显示完整的错误追踪（平时只写入日志文件）"
    )
    parser.add_argument("-V", "--version", action="version", version=f"jgstudy {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="校验题库文件或文件夹")
    check.add_argument("paths", nargs="+", type=Path)
    check.add_argument(
        "--lint",
        action="store_true",
        help="另查会泄露答案的题（互相泄露、标签即答案、题干含答案等）和出题习惯",
    )
    check.set_defaults(func=_command("check"))

    imp = sub.add_parser("import", help="导入或同步题库到数据库")
    imp.add_argument("paths", nargs="*", type=Path, help="默认：随程序附带的题库")
    imp.set_defaults(func=_command("import_banks"))

    practice = sub.add_parser("practice", help="在终端里练习（复习到期题 + 新题）")
    practice.add_argument("--user", required=True, help="姓名")
    practice.add_argument("--unit", default="", help="单位")
    practice.add_argument("--bank", action="append", help="只练习这个题库（可重复）")
    practice.add_argument("--tag", action="append", help="只练习带这个标签的题（可重复）")
    practice.add_argument("--mode", choices=PRACTICE_MODES, default="mixed")
    practice.add_argument("--limit", type=int, default=None, help="本次最多题数")
    practice.add_argument(
        "--order",
        choices=["mixed", "bank", "random"],
        default="mixed",
        help="新题顺序：mixed 题库、章节、题型交错（默认），bank 顺序练习，random 随机练习",
    )
    practice.set_defaults(func=_command("practice"))

    stats = sub.add_parser("stats", help="学习统计：今日到期、已复习、正确率、连续天数")
    stats.add_argument("--user", required=True)
    stats.set_defaults(func=_command("stats"))

    draft = sub.add_parser("draft", help="从材料文本生成候选题草稿")
    draft.add_argument("material", type=Path)
    draft.add_argument("-o", "--output", type=Path, required=True)
    draft.add_argument("--bank-id", default=None)
    draft.add_argument("--title", default=None)
    draft.add_argument(
        "--all-forms", action="store_true", help="每个知识点的各种题型都列出（默认每点一题）"
    )
    draft.set_defaults(func=_command("draft"))

    schema = sub.add_parser("schema", help="输出题库格式的 JSON Schema")
    schema.add_argument("-o", "--output", type=Path)
    schema.set_defaults(func=_command("schema"))
    _module_commands(sub, command)
    return parser


def _module_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], command: str | None
) -> None:
    """Register the modules' subcommands: in full for ``command``'s module, else by name."""
    modules = {module for _help, module in MODULE_COMMANDS.values()}
    if command != ALL:
        modules = {MODULE_COMMANDS[command][1]} if command in MODULE_COMMANDS else set()
    done: set[str] = set()
    for name, (text, module) in MODULE_COMMANDS.items():
        if module in modules and module not in done:
            importlib.import_module(module).register(sub)
            done.add(module)
        elif module not in modules:
            sub.add_parser(name, help=text, add_help=False)  # never parsed: listed only


def split_globals(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """Separate leading global flags (``--db X``, ``--data-dir=Y``) from the rest."""
    head: list[str] = []
    rest = list(args)
    while rest and rest[0].split("=")[0] in GLOBAL_FLAGS + SWITCHES:
        flag = rest.pop(0)
        head.append(flag)
        if flag not in SWITCHES and "=" not in flag and rest:
            head.append(rest.pop(0))
    return head, rest


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (after the global flags), None for none."""
    _globals, rest = split_globals(argv)
    return rest[0] if rest and not rest[0].startswith("-") else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    logged = setup_logging(_log_folder(args), debug=args.debug)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a reader that went away shows here, not in the exit's own flush
        return code
    except (CliError, BadName) as exc:  # BadName: a --user with control characters
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return closed_output()
    except Exception as exc:  # the environment failed, or a bug: one sentence, log the rest
        return _failed(exc, logged, args.debug)


def _log_folder(args: argparse.Namespace) -> Path | None:
    try:
        return data_dir(args.data_dir)
    except OSError:
        return None  # a folder that cannot be made: reported by the command itself


def _failed(exc: Exception, logged: Path | None, debug: bool) -> int:
    log.error("command failed", exc_info=exc)
    if debug:
        traceback.print_exception(exc)
    sentence = explain(exc)
    if sentence is not None:
        print(f"错误：{sentence}", file=sys.stderr)
        return ENVIRONMENT_EXIT
    where = f"详情已写入日志 {logged}" if logged else "无法写入日志文件"
    print(f"内部错误：{type(exc).__name__}: {exc}（{where}；加 --debug 可显示）", file=sys.stderr)
    return BUG_EXIT


def closed_output() -> int:
    """The reader of our output went away (``jgstudy practice … | head``): stop quietly.

    Every answer given so far is already stored. Pointing stdout at devnull keeps Python's
    final flush from printing a second BrokenPipeError on the way out.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


if __name__ == "__main__":
    sys.exit(main())
