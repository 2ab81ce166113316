"""``jgstudy exam``: a timed mock exam in the terminal, over the same ExamService as the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from jgstudy.cli.commands import CliError, open_services
from jgstudy.cli.terminal import parse_answer
from jgstudy.core.exams import (
    ConfigErrors,
    DrawError,
    ExamBlueprint,
    ExamItem,
    ExamPhase,
    ExamResult,
    ExamService,
    ExamSession,
    ItemResult,
    PaletteEntry,
    load_blueprint,
)
from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.model import QTYPE_LABELS, QType, display_stem
from jgstudy.core.records import UserInfo

HELP = "（输入答案回车；直接回车下一题，g N 跳到第 N 题，f 标记/取消标记，l 答题卡，s 交卷）"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exam = subparsers.add_parser("exam", help="在终端里参加限时模拟考试")
    exam.add_argument("blueprint", help="考试方案 YAML 文件，或随程序附带的方案名（如 mock-30min）")
    exam.add_argument("--user", required=True, help="姓名")
    exam.add_argument("--unit", default="", help="单位")
    exam.add_argument("--seed", type=int, default=None, help="抽题种子（同一种子抽到同一套题）")
    exam.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        blueprint = load_blueprint(_blueprint_path(args.blueprint))
    except ConfigErrors as errors:
        for problem in errors.problems:
            print(problem)
        return 1
    services = open_services(args)
    try:
        user = services.study.ensure_user(args.user, args.unit)
        TerminalExam(services.exams, user, sys.stdin, sys.stdout).run(blueprint, args.seed)
    except DrawError as exc:
        raise CliError(f"题库不足以组卷：{exc}（请先用 jgstudy import 导入题库）") from exc
    finally:
        services.close()
    return 0


def _blueprint_path(name: str) -> Path:
    path = Path(name)
    if path.exists():
        return path
    bundled = {p.stem: p for p in ExamService.bundled_blueprints()}
    if name in bundled:
        return bundled[name]
    known = "、".join(sorted(bundled)) or "无"
    raise CliError(f"找不到考试方案 {name}（随程序附带的方案：{known}）")


class TerminalExam:
    """Runs an exam over a text stream; also implements the exam's view."""

    def __init__(self, exams: ExamService, user: UserInfo, inp: TextIO, out: TextIO) -> None:
        self._exams = exams
        self._user = user
        self._in = inp
        self._out = out
        # The practice command's answer syntax, so that both read answers the same way.
        self._remaining = timedelta(0)
        self._palette: Sequence[PaletteEntry] = ()

    def run(self, blueprint: ExamBlueprint, seed: int | None) -> ExamResult | None:
        """The result, or None when the input ended before the paper was submitted."""
        if self._exams.unfinished(self._user, blueprint.id) is not None:
            self._print("继续上次未交卷的考试。")
        session = self._exams.resume(self._user, self, blueprint.id)
        if session is None:
            session = self._exams.start(self._user, blueprint, self, seed=seed)
        while session.phase is ExamPhase.RUNNING:
            line = self._in.readline()
            if not line:
                self._print(
                    "输入结束：答案已保存，考试未交卷；再次运行同一命令可继续（计时不停）。"
                )
                return None
            self._handle(session, line.strip())
        return session.result

    def _handle(self, session: ExamSession, line: str) -> None:
        command = line.lower()
        if command == "":
            self._next(session)
        elif command == "f":
            flagged = session.toggle_flag()
            self._print(f"第 {session.current + 1} 题{'已标记' if flagged else '已取消标记'}。")
        elif command == "l":
            self._print_palette()
        elif command == "s":
            self._confirm_submit(session)
        elif command.startswith("g ") and command[2:].strip().isdigit():
            self._goto(session, int(command[2:]) - 1)
        else:
            self._answer(session, line)

    def _next(self, session: ExamSession) -> None:
        if session.current + 1 < session.total:
            session.next()
        else:
            self._print("已是最后一题；输入 s 交卷，或 g N 回到第 N 题。")

    def _goto(self, session: ExamSession, index: int) -> None:
        if 0 <= index < session.total:
            session.goto(index)
        else:
            self._print(f"没有第 {index + 1} 题（共 {session.total} 题）。")

    def _answer(self, session: ExamSession, line: str) -> None:
        item = session.item(session.current)
        response = parse_answer(item.record.question, line)
        if response is None:
            self._print(f"无法识别的答案。{HELP}")
        elif session.answer(item.index, response) and session.phase is ExamPhase.RUNNING:
            self._next(session)

    def _confirm_submit(self, session: ExamSession) -> None:
        missing = session.unanswered()
        if missing:
            self._print("未作答：第 " + "、".join(str(i + 1) for i in missing) + " 题")
        if session.flagged():
            self._print("已标记：第 " + "、".join(str(i + 1) for i in session.flagged()) + " 题")
        self._print("确认交卷吗？(y/n)")
        if self._in.readline().strip().lower() in ("y", "yes", "是", "1"):
            session.submit()

    # -- the view ------------------------------------------------------------------------

    def show_question(self, item: ExamItem) -> None:
        q = item.record.question
        minutes, seconds = divmod(int(self._remaining.total_seconds()), 60)
        flag = "　⚑已标记" if item.flagged else ""
        self._print(
            f"\n[{item.index + 1}/{item.total}] {item.section}　剩余 {minutes:02d}:{seconds:02d}{flag}"
        )
        self._print(
            f"【{QTYPE_LABELS[QType(q.type)]}】{display_stem(q.stem)}（{item.points:g} 分）"
        )
        for key, text in (getattr(q, "options", None) or {}).items():
            self._print(f"  {key}. {text}")
        if q.type == "judge":
            self._print("  对 / 错")
        if q.type == "fill":
            self._print("  （多个空用 ; 分隔）")
        if item.response is not None:
            self._print(f"  已答：{answer_text(item.response)}")
        self._print(HELP)

    def show_palette(self, palette: Sequence[PaletteEntry]) -> None:
        self._palette = palette

    def show_time(self, remaining: timedelta) -> None:
        self._remaining = remaining

    def show_feedback(self, item: ItemResult) -> None:
        mark = "✔ 正确" if item.correct else f"✘ 错误。正确答案：{item.correct_answer}"
        self._print(f"{mark}\n解析：{item.explanation}")

    def show_result(self, result: ExamResult) -> None:
        verdict = "通过" if result.passed else "未通过"
        minutes, seconds = divmod(int(result.time_used.total_seconds()), 60)
        auto = "（时间到，自动交卷）" if result.auto_submitted else ""
        self._print(f"\n==== {result.title} ====")
        self._print(
            f"得分 {result.score:g}/{result.max_score:g}（{result.percent:.0f}%），"
            f"及格线 {result.pass_score:g}：{verdict}"
        )
        self._print(f"用时 {minutes} 分 {seconds} 秒{auto}")
        for s in result.sections:
            self._print(
                f"{s.title}：{s.score:g}/{s.max_score:g}（作答 {s.answered}/{s.count}，答对 {s.correct}）"
            )
        for item in result.items:
            self._print_item(item)

    def _print_item(self, item: ItemResult) -> None:
        q = item.record.question
        mark = "✔" if item.correct else "✘"
        given = answer_text(item.response) if item.response is not None else "未作答"
        self._print(
            f"\n{item.index + 1}. {mark} 【{QTYPE_LABELS[QType(q.type)]}】{display_stem(q.stem)}"
        )
        self._print(
            f"   你的答案：{given}　正确答案：{item.correct_answer}　得分 {item.score:g}/{item.max_score:g}"
        )
        self._print(f"   解析：{item.explanation}")

    def _print_palette(self) -> None:
        cells = [
            f"{e.index + 1}{'✓' if e.answered else '·'}{'⚑' if e.flagged else ''}"
            for e in self._palette
        ]
        self._print("答题卡（✓ 已答，· 未答，⚑ 标记）：" + " ".join(cells))

    def _print(self, text: str) -> None:
        print(text, file=self._out, flush=True)


def answer_text(response: Response) -> str:
    """A response as the cadre would write it."""
    if isinstance(response, bool):
        return "对" if response else "错"
    if isinstance(response, frozenset):
        return "".join(sorted(response))
    if isinstance(response, tuple):
        return "；".join(response)
    if isinstance(response, ShortResponse):
        return response.text
    return response
