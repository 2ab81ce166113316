"""``jgstudy convert IN OUT``: between YAML banks, Excel/CSV sheets, GIFT and Aiken."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jgstudy.cli.commands import CliError
from jgstudy.core.convert import (
    FORMATS,
    ConvertError,
    ConvertReport,
    RowProblem,
    convert,
    source_formats,
)

HELP = (
    "转换题库格式：YAML、Excel（.xlsx）、CSV、GIFT、Aiken，"
    "以及 Word（.docx）和文本（.txt）试卷（格式由扩展名判断）"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` subcommand."""
    parser = subparsers.add_parser(
        "convert", help=HELP, description=HELP + "。模板与语法见 docs/convert.md。"
    )
    parser.add_argument("input", type=Path, help="输入文件")
    parser.add_argument("output", type=Path, help="输出文件（已存在则覆盖）")
    parser.add_argument(
        "--from",
        dest="from_fmt",
        choices=[source.name for source in source_formats()],
        help="输入格式（paper：Word 或文本试卷）",
    )
    parser.add_argument("--to", dest="to_fmt", choices=FORMATS, help="输出格式")
    parser.add_argument("--bank-id", default=None, help="题库编号（默认取自文件）")
    parser.add_argument("--title", default=None, help="题库标题（默认取自文件）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every question was converted, 1 when some had problems (the rest is written)."""
    try:
        report = convert(
            args.input,
            args.output,
            args.from_fmt,
            args.to_fmt,
            bank_id=args.bank_id,
            title=args.title,
        )
    except ConvertError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法读写文件：{exc}") from exc
    for line in _in_order(report):
        print(line)
    summary = _summary(report)
    print(summary, file=sys.stderr if report.problems else sys.stdout)
    return 1 if report.problems else 0


def _in_order(report: ConvertReport) -> list[RowProblem]:
    # Problems and notices of the input by row, so the trainer can work down the sheet; then
    # those about the output file.
    everything = [*report.problems, *report.warnings]
    return sorted(everything, key=lambda p: (p.file != report.source, p.row or 0))


def _summary(report: ConvertReport) -> str:
    if not report.written:
        return f"未写出文件：{len(report.problems)} 个问题。"
    text = f"已转换 {report.count} 题 → {report.target}"
    if report.problems:
        text += f"；{len(report.problems)} 个问题（见上），有问题的题目未转换"
    return text + "。"
