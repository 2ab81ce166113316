"""Command-line interface over the same StudyService the desktop app uses."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from jgstudy.cli import commands
from jgstudy.cli import convert as convert_cmd
from jgstudy.cli import db as db_cmd
from jgstudy.cli import exam as exam_cmd
from jgstudy.cli import match as match_cmd
from jgstudy.cli import reports as reports_cmd
from jgstudy.core.environment import explain
from jgstudy.core.logs import setup_logging
from jgstudy.core.paths import data_dir
from jgstudy.core.records import PracticeMode
from jgstudy.version import version

log = logging.getLogger("jgstudy.cli")
GLOBAL_FLAGS = ("--db", "--data-dir")
SWITCHES = ("--debug",)  # global flags without a value
ENVIRONMENT_EXIT = 2  # the same as a database that cannot be used
BUG_EXIT = 70  # EX_SOFTWARE


def build_parser() -> argparse.ArgumentParser:
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
    check.set_defaults(func=commands.check)

    imp = sub.add_parser("import", help="导入或同步题库到数据库")
    imp.add_argument("paths", nargs="*", type=Path, help="默认：随程序附带的题库")
    imp.set_defaults(func=commands.import_banks)

    practice = sub.add_parser("practice", help="在终端里练习（复习到期题 + 新题）")
    practice.add_argument("--user", required=True, help="姓名")
    practice.add_argument("--unit", default="", help="单位")
    practice.add_argument("--bank", action="append", help="只练习这个题库（可重复）")
    practice.add_argument("--tag", action="append", help="只练习带这个标签的题（可重复）")
    practice.add_argument(
        "--mode", type=PracticeMode, choices=list(PracticeMode), default=PracticeMode.MIXED
    )
    practice.add_argument("--limit", type=int, default=None, help="本次最多题数")
    practice.add_argument(
        "--order",
        choices=["mixed", "bank", "random"],
        default="mixed",
        help="新题顺序：mixed 题库、章节、题型交错（默认），bank 顺序练习，random 随机练习",
    )
    practice.set_defaults(func=commands.practice)

    stats = sub.add_parser("stats", help="学习统计：今日到期、已复习、正确率、连续天数")
    stats.add_argument("--user", required=True)
    stats.set_defaults(func=commands.stats)

    draft = sub.add_parser("draft", help="从材料文本生成候选题草稿")
    draft.add_argument("material", type=Path)
    draft.add_argument("-o", "--output", type=Path, required=True)
    draft.add_argument("--bank-id", default=None)
    draft.add_argument("--title", default=None)
    draft.add_argument(
        "--all-forms", action="store_true", help="每个知识点的各种题型都列出（默认每点一题）"
    )
    draft.set_defaults(func=commands.draft)

    schema = sub.add_parser("schema", help="输出题库格式的 JSON Schema")
    schema.add_argument("-o", "--output", type=Path)
    schema.set_defaults(func=commands.schema)
    exam_cmd.register(sub)
    convert_cmd.register(sub)
    reports_cmd.register(sub)
    match_cmd.register(sub)
    db_cmd.register(sub)
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    logged = setup_logging(_log_folder(args), debug=args.debug)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a reader that went away shows here, not in the exit's own flush
        return code
    except commands.CliError as exc:
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
