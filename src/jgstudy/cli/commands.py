"""The CLI's subcommands; each takes parsed arguments and returns an exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

import yaml

from jgstudy.cli.errors import CliError as CliError  # where the subcommands import it from
from jgstudy.cli.terminal import TerminalPractice
from jgstudy.core.banks import BankErrors, LoadedBank
from jgstudy.core.errors import DatabaseTooNew
from jgstudy.core.order import NewOrder
from jgstudy.core.paths import data_dir, database_url
from jgstudy.core.recovery import RecoveryInfo, open_or_recover
from jgstudy.core.services import Services


def open_services(args: argparse.Namespace) -> Services:
    """The services over the chosen database, built once per command; a damaged database is
    explained (with the command that restores it) instead of a traceback."""
    folder = data_dir(args.data_dir)
    try:
        services, info = open_or_recover(database_url(args.db, folder), folder)
    except DatabaseTooNew as exc:
        raise CliError(str(exc)) from exc
    if services is None:
        raise CliError(recovery_message(info, args))
    return services


def recovery_message(info: RecoveryInfo, args: argparse.Namespace) -> str:
    """What is wrong with the database and the command that restores the newest good backup."""
    lines = [f"{info.problem}：{info.db_path}"]
    if info.newest_backup is None:
        lines.append("没有找到可用的备份。请不要删除这个文件，并联系管理员。")
    else:
        lines.append(f"最近的完好备份：{info.newest_backup}")
        lines.append(f"恢复方法：{_command(args)} db restore {info.newest_backup}")
        lines.append("（恢复时损坏的文件会改名保留，不会被删除。）")
    return "\n".join(lines)


def _command(args: argparse.Namespace) -> str:
    parts = ["jgstudy"]
    if args.data_dir:
        parts += ["--data-dir", str(args.data_dir)]
    if args.db:
        parts += ["--db", args.db]
    return " ".join(parts)


def check(args: argparse.Namespace) -> int:
    from jgstudy.core.banks import find_bank_files, load_banks

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise CliError("找不到：" + "、".join(str(p) for p in missing))
    files = find_bank_files(args.paths)
    banks, problems = load_banks(args.paths)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"{len(problems)} 个问题，涉及 {len({p.file for p in problems})} 个文件。",
            file=sys.stderr,
        )
        return 1
    count = sum(len(b.bank.questions) for b in banks)
    if getattr(args, "lint", False):
        return _lint(banks, len(files), count)
    print(f"通过：{len(files)} 个题库文件，共 {count} 题。")
    return 0


def _lint(banks: list[LoadedBank], files: int, count: int) -> int:
    from jgstudy.core.banks.lint import KIND_LABELS, lint_loaded

    findings = lint_loaded(banks)
    for found in findings:
        print(found)
    if not findings:
        print(f"通过（含题目质量检查）：{files} 个题库文件，共 {count} 题。")
        return 0
    kinds = Counter(f.finding.kind for f in findings)
    summary = "，".join(f"{KIND_LABELS[k]} {n}" for k, n in kinds.items())
    leaks = sum(1 for f in findings if f.finding.is_leak)
    print(
        f"题目质量检查：{len(findings)} 条（{summary}），其中 {leaks} 条会让考生不看题就答对。",
        file=sys.stderr,
    )
    return 1


def import_banks(args: argparse.Namespace) -> int:
    not_banks = [p for p in args.paths if p.is_file() and p.suffix.lower() not in (".yaml", ".yml")]
    if not_banks:
        names = "、".join(p.name for p in not_banks)
        raise CliError(
            f"{names} 不是 YAML 题库文件。表格、GIFT、Aiken 等文件请先转换："
            f"jgstudy convert {not_banks[0].name} 题库.yaml，再导入题库.yaml；"
            "或在桌面版“题库 → 导入”中预览后导入。"
        )
    services = open_services(args)
    study = services.study
    try:
        result = study.import_banks(args.paths) if args.paths else study.import_bundled()
        # Found here once after a change and stored: every later start reads it, a cadre's
        # read-only login on a shared database included (it could not store it itself).
        study.siblings()
    except BankErrors as errors:
        for problem in errors.problems:
            print(problem)
        print("题库有错误，未导入任何内容。", file=sys.stderr)
        return 1
    finally:
        services.close()
    print(
        f"新增 {result.added} 题，修改 {result.changed} 题，停用 {result.retired} 题，"
        f"未变 {result.unchanged} 题；跳过未改动的文件 {len(result.skipped_banks)} 个。"
    )
    return 0


def practice(args: argparse.Namespace) -> int:
    services = open_services(args)
    service = services.study
    try:
        if not service.banks():  # a first start: the banks that ship with jgstudy, as the desktop
            service.import_bundled()
        user = service.ensure_user(args.user, args.unit)
        queue = service.practice_queue(
            user,
            mode=args.mode,
            bank_ids=args.bank,
            tags=args.tag,
            limit=args.limit,
            order=NewOrder(getattr(args, "order", "mixed")),
        )
        if not queue:
            print("现在没有需要练习的题目。")
            return 0
        TerminalPractice(service, user, sys.stdin, sys.stdout).run(queue)
    finally:
        services.close()
    return 0


def stats(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        user = services.study.find_user(args.user)
        if user is None:
            raise CliError(f"没有名为 {args.user} 的用户")
        s = services.study.stats(user)
    finally:
        services.close()
    print(f"用户：{user.name}（{user.unit or '未填单位'}）")
    later = f"（稍后还有 {s.due_later} 题）" if s.due_later else ""
    print(
        f"现在到期：{s.due_now}{later}　可学新题：{s.new_available}　今日已复习：{s.reviewed_today}"
    )
    print(
        f"累计作答：{s.total_reviews}　总正确率：{percent(s.accuracy_all if s.total_reviews else None)}"
        f"　近7天正确率：{percent(s.accuracy_week)}"
    )
    print(f"连续学习：{s.streak_days} 天　错题本：{s.wrong_book} 题")
    return 0


def percent(value: float | None) -> str:
    """A share as a percentage; "—" when there is nothing to take it from."""
    return "—" if value is None else f"{value:.0%}"


def draft(args: argparse.Namespace) -> int:
    from jgstudy.core.drafting import draft_bank_yaml
    from jgstudy.core.drafting.material import MaterialError, read_material

    try:
        text = read_material(args.material)
    except MaterialError as error:
        raise CliError(str(error)) from error
    bank_id = args.bank_id or f"draft-{args.material.stem}"[:64]
    title = args.title or f"{args.material.stem}（草稿）"
    yaml_text, count = draft_bank_yaml(text, bank_id, title, all_forms=args.all_forms)
    if count == 0:  # an empty bank file would only fail `check` later
        raise CliError(
            f"{args.material} 没有生成候选题：材料中没有带单位的数字、引号中的名称或完整的列举"
            "（也可能是空文件），未写出 "
            f"{args.output}"
        )
    args.output.write_text(yaml_text, encoding="utf-8")
    print(f"已生成 {count} 道候选题：{args.output}（审核后删除 status: draft 即可导入）")
    print(_draft_summary(yaml_text, args.all_forms))
    return 0


def _draft_summary(yaml_text: str, all_forms: bool) -> str:
    from jgstudy.core.model import QTYPE_LABELS, QType

    types = Counter(q["type"] for q in yaml.safe_load(yaml_text)["questions"])
    parts = "，".join(f"{QTYPE_LABELS[QType(t)]} {n}" for t, n in sorted(types.items()))
    if all_forms:
        return f"题型：{parts}（每个知识点的各种题型都已列出，请每点只留一题）"
    return f"题型：{parts}（每个知识点一题；加 --all-forms 可列出每点的其他题型）"


def schema(args: argparse.Namespace) -> int:
    from jgstudy.core.banks.schema import bank_json_schema

    text = json.dumps(bank_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
