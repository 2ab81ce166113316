"""A practice view for the terminal: reads answers from a stream, prints feedback."""

from __future__ import annotations

from typing import TextIO

from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.model import (
    QTYPE_LABELS,
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    QType,
    ShortQuestion,
    SingleQuestion,
    correct_answer_text,
    display_stem,
)
from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.session import Feedback, Phase, PracticeSession, Summary

TRUE_WORDS = {"对", "正确", "是", "t", "true", "y", "yes", "1", "√"}
FALSE_WORDS = {"错", "错误", "否", "f", "false", "n", "no", "0", "×"}
HELP = "（输入答案后回车；u 撤销上一题，q 结束）"


class TerminalPractice:
    """Runs a practice session over stdin/stdout; also implements the session's view."""

    def __init__(self, service: StudyService, user: UserInfo, inp: TextIO, out: TextIO) -> None:
        self._service = service
        self._user = user
        self._in = inp
        self._out = out

    def run(self, queue: list[int]) -> None:
        session = self._service.start_practice(self._user, self, queue)
        while session.phase is Phase.ASKING and session.current is not None:
            line = self._in.readline()
            if not line:  # end of input: stop cleanly, every answer is already stored
                session.finish()
                return
            self._handle(session, session.current.question, line.strip())

    def _handle(self, session: PracticeSession, question: AnyQuestion, line: str) -> None:
        if line.lower() == "q":
            session.finish()
        elif line.lower() == "u":
            if not session.undo():
                self._print("没有可以撤销的答案。")
        else:
            response = self._parse(question, line)
            if response is None:
                self._print(f"无法识别的答案。{HELP}")
                return
            session.submit(response)
            if session.phase is Phase.FEEDBACK:
                session.next()

    def _parse(self, question: AnyQuestion, line: str) -> Response | None:
        if isinstance(question, ShortQuestion):
            self._print(f"参考答案：{question.reference}\n掌握了吗？(y/n)")
            knew = self._in.readline().strip().lower() in TRUE_WORDS
            return ShortResponse(line, knew)
        return parse_answer(question, line)

    def show_question(self, record: QuestionRecord, position: int, total: int) -> None:
        q = record.question
        self._print(
            f"\n[{position}/{total}] 【{QTYPE_LABELS[QType(q.type)]}】{display_stem(q.stem)}"
        )
        for key, text in (getattr(q, "options", None) or {}).items():
            self._print(f"  {key}. {text}")
        if isinstance(q, JudgeQuestion):
            self._print("  对 / 错")
        if isinstance(q, FillQuestion):
            self._print("  （多个空用 ; 分隔）")
        self._print(HELP)

    def show_feedback(self, feedback: Feedback) -> None:
        grade = feedback.outcome.grade
        self._print(
            "✔ 正确"
            if grade.correct
            else f"✘ 错误。正确答案：{correct_answer_text(feedback.record.question)}"
        )
        self._print(f"解析：{feedback.record.question.explanation}")
        source = feedback.record.question.source
        if source:
            self._print(f"出处：{source.locator}　“{source.quote}”")

    def show_summary(self, summary: Summary) -> None:
        self._print(
            f"\n本次练习：作答 {summary.answered} 题，正确 {summary.correct} 题，"
            f"正确率 {summary.accuracy:.0%}，用时 {summary.duration_ms // 1000} 秒。"
        )
        if summary.due_now:
            self._print(f"现在到期：{summary.due_now} 题")
        if summary.next_due:
            self._print(f"下次到期：{summary.next_due.astimezone():%Y-%m-%d %H:%M}")

    def _print(self, text: str) -> None:
        print(text, file=self._out, flush=True)


def parse_answer(question: AnyQuestion, line: str) -> Response | None:
    """A typed answer to an objective question, or None when it cannot be one.

    Options are letters (``AC`` or ``A C`` for several), judge answers 对/错 (and y/n, 1/0…),
    fill answers one per blank separated by ``;``, ``；`` or ``|``.
    """
    if isinstance(question, SingleQuestion):
        key = line.strip().upper()
        return key if len(key) == 1 and key in question.options else None
    if isinstance(question, MultipleQuestion):
        keys = frozenset(line.upper().replace(",", "").replace(" ", ""))
        return keys if keys and keys <= set(question.options) else None
    if isinstance(question, JudgeQuestion):
        word = line.strip().lower()
        return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
    if isinstance(question, FillQuestion):
        parts = line.replace("；", ";").replace("|", ";").split(";")
        return tuple(p.strip() for p in parts)
    return None
