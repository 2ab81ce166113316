"""``jgstudy report``, ``export-scores`` and ``merge-scores``: trainers' reports and many desktops."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from jgstudy.cli.commands import CliError, open_services, percent
from jgstudy.core.reports import DEFAULT_MIN_ANSWERS, FORMATS, Report, ReportFilter
from jgstudy.core.reports.formats import UnknownFormat, report_format
from jgstudy.core.scores import (
    MergeResult,
    ScoresFileError,
    UnknownUser,
)
from jgstudy.core.scores.summary import Kind, merge_summary
from jgstudy.render.save import save_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the three commands to the ``jgstudy`` parser."""
    report = sub.add_parser("report", help="生成成绩报告（Excel、CSV 或 PDF）")
    report.add_argument("-o", "--output", type=Path, required=True, help="报告文件")
    report.add_argument("--format", choices=FORMATS, help="默认按文件扩展名")
    report.add_argument("--unit", help="只统计这个单位")
    report.add_argument(
        "--from",
        dest="date_from",
        type=_day,
        metavar="YYYY-MM-DD",
        help="开始日期 YYYY-MM-DD（含）",
    )
    report.add_argument(
        "--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="结束日期 YYYY-MM-DD（含）"
    )
    report.add_argument("--exam", help="只统计这场考试（考试方案 id 或考试名称）")
    report.add_argument(
        "--min-answers",
        type=int,
        default=DEFAULT_MIN_ANSWERS,
        help=f"作答不少于多少题算完成（默认 {DEFAULT_MIN_ANSWERS}）",
    )
    report.add_argument("--title", help="报告标题")
    report.add_argument(
        "--rank-cadres",
        action="store_true",
        help="列出每名学员的单位内排名（默认不对个人排名，只列单位排名）",
    )
    report.set_defaults(func=make_report)

    export = sub.add_parser("export-scores", help="导出一名学员的成绩文件（.json 或 .json.gz）")
    export.add_argument("--user", required=True, help="姓名")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.set_defaults(func=export_cmd)

    merge = sub.add_parser("merge-scores", help="把学员的成绩文件合并到本数据库（可重复合并）")
    merge.add_argument("files", nargs="+", type=Path)
    merge.set_defaults(func=merge_cmd)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD：{text}") from exc


def _filter(args: argparse.Namespace) -> ReportFilter:
    try:
        return ReportFilter(
            args.unit,
            args.date_from,
            args.date_to,
            args.exam,
            args.min_answers,
            rank_cadres=args.rank_cadres,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def make_report(args: argparse.Namespace) -> int:
    try:
        fmt = report_format(args.output, args.format)
    except UnknownFormat as exc:
        raise CliError(str(exc)) from exc
    flt = _filter(args)
    services = open_services(args)
    try:
        report = services.reports.build(flt, title=args.title)
    finally:
        services.close()
    if flt.exam is not None and not report.exams:
        print(f"警告：没有找到考试“{flt.exam}”的记录。", file=sys.stderr)
    _write(report, args.output, fmt)
    s = report.summary
    print(
        f"已生成{fmt.upper()}报告：{args.output}（{s.cadres} 名学员，{s.units} 个单位，"
        f"{s.flagged_items} 道试题需核查）"
    )
    for line in readiness_lines(report):
        print(line)
    return 0


def readiness_lines(report: Report) -> list[str]:
    """备考准备 in one line per unit with cadres who set a target date."""
    if report.cohort is None:
        return []
    return [
        f"{u.unit or '（未填单位）'}：{u.planned} 人设定目标日期，按近期进度预计掌握 "
        f"{percent(u.mean_recall)}（下四分位 {percent(u.low_recall)}），"
        f"{u.behind_count} 人落后于计划"
        for u in report.cohort.units
        if u.planned
    ]


def _write(report: Report, path: Path, fmt: str) -> None:
    if fmt == "pdf":
        headless_if_no_display()
    save_report(report, path, fmt)


def headless_if_no_display() -> None:
    """Let Qt draw the PDF on a server or over SSH, where no window system is available."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def export_cmd(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        scores = services.scores.export(args.user, args.output)
    except UnknownUser as exc:
        raise CliError(str(exc)) from exc
    finally:
        services.close()
    print(
        f"已导出 {scores.profile.name} 的成绩：{len(scores.review_logs)} 条答题记录，"
        f"{len(scores.attempts)} 次考试/练习，{len(scores.cards)} 张卡片 → {args.output}"
    )
    return 0


def merge_cmd(args: argparse.Namespace) -> int:
    services = open_services(args)
    failed = 0
    try:
        for path in args.files:
            try:
                result = services.scores.merge(path)
            except ScoresFileError as exc:  # nothing of this file written; on to the next
                print(f"错误：{exc}", file=sys.stderr)
                failed += 1
                continue
            _print_merge(path, result)
            failed += bool(result.foreign)
    finally:
        services.close()
    return 1 if failed else 0


def _print_merge(path: Path, result: MergeResult) -> None:
    for sentence in merge_summary(path.name, result):
        if sentence.kind is Kind.WARNING:
            print(f"警告：{sentence.text}", file=sys.stderr)
        else:
            print(f"提示：{sentence.text}" if sentence.kind is Kind.NOTE else sentence.text)
