"""``jgstudy match list`` and ``jgstudy match export``: stored matches and their arbitration record."""

from __future__ import annotations

import argparse
from pathlib import Path

from jgstudy.cli.commands import CliError, open_services
from jgstudy.cli.reports import headless_if_no_display
from jgstudy.core.competition import MatchError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``match list`` and ``match export`` to the ``jgstudy`` parser."""
    match = sub.add_parser("match", help="竞赛：列出比赛，导出比赛记录（仲裁用）")
    actions = match.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="列出保存的比赛（最新的在前）")
    listing.set_defaults(func=list_cmd)
    export = actions.add_parser("export", help="导出一场比赛的完整记录（.xlsx 或 .pdf）")
    export.add_argument("match", type=int, metavar="MATCH", help="比赛编号（见 match list）")
    export.add_argument("-o", "--output", type=Path, required=True, help="FILE.xlsx 或 FILE.pdf")
    export.set_defaults(func=export_cmd)


def list_cmd(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        matches = services.competitions.matches()
        tz = services.competitions.display_tz
    finally:
        services.close()
    if not matches:
        print("还没有保存的比赛。")
        return 0
    print("编号\t开始时间\t状态\t比赛")
    for info in matches:
        status = "已结束" if info.finished_at is not None else "未结束"
        print(f"{info.id}\t{info.created_at.astimezone(tz):%Y-%m-%d %H:%M}\t{status}\t{info.title}")
    return 0


def export_cmd(args: argparse.Namespace) -> int:
    from jgstudy.render.match_pdf import UnknownRecordFormat, record_format, save_record

    try:
        fmt = record_format(args.output)
    except UnknownRecordFormat as exc:
        raise CliError(str(exc)) from exc
    services = open_services(args)
    try:
        record = services.competitions.record(args.match)
    except MatchError as exc:
        raise CliError(str(exc)) from exc
    finally:
        services.close()
    if fmt == "pdf":
        headless_if_no_display()
    try:
        save_record(record, args.output)
    except OSError as exc:
        raise CliError(f"无法写入 {args.output}：{exc.strerror or exc}") from exc
    print(
        f"已导出比赛记录（{fmt.upper()}）：{args.output}（{len(record.questions)} 道题，"
        f"{len(record.events)} 条事件）"
    )
    return 0
