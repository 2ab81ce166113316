"""Turn one parsed question block into a bank question, or into a located refusal.

The answer may be written in several places (answer line, stem bracket, answer key, Word
formatting); every place that holds one must agree, and a question with none is refused rather
than guessed. The type comes from the question's tag, else its section heading, else from what
the question holds (options, ``√``/``×``, blanks, ``答：``) — the report counts those inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jgstudy.core.convert import syntax, words
from jgstudy.core.convert.paper_answers import (
    Found,
    choice_bracket,
    judge_bracket,
    strong_options,
    underlined_blanks,
)
from jgstudy.core.convert.paper_parts import ParsedOption, Parts
from jgstudy.core.convert.paper_parts import join as join_lines
from jgstudy.core.convert.paper_segment import Block, KeyItem
from jgstudy.core.convert.paper_tokens import names_kind
from jgstudy.core.model import QTYPE_LABELS, QType, blank_spans
from jgstudy.core.text import Msg, join, msg

# Where an answer was found (the report counts them; a disagreement names them).
LINE = msg("答案行")
BRACKET = msg("题干括号")
KEY = msg("文末答案")
FORMAT = msg("格式标记")
REPLY = msg("“{text}”", text=words.REPLY_MARK)
_JUDGE_WORDS = words.JUDGE_OPTION_WORDS
_TRAILING = words.ANSWER_TRAILING  # ``答案：B。`` — punctuation after an answer is not part of it
_TRUE, _FALSE = syntax.format_judge(True), syntax.format_judge(False)
_SECTION_PREFIX = re.compile(
    r"^(?:第\s*)?[一二三四五六七八九十]+\s*(?:[、.．:：]|部分)\s*|^[（(][一二三四五六七八九十]+[)）]\s*"
)
_NOTE_SUFFIX = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


class Refused(Exception):
    """This question cannot be converted without guessing; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Built:
    """One question as bank data, how its type and answer were found, and notices about it."""

    data: dict[str, Any]
    qtype: QType
    source: str
    inferred: bool = False
    notices: list[tuple[int, str]] = field(default_factory=list)


def section_tag(title: str) -> str:
    """A topic heading as a tag: ``一、党的创立`` → ``党的创立``."""
    return _NOTE_SUFFIX.sub("", _SECTION_PREFIX.sub("", title)).strip()


class _Builder:
    def __init__(self, block: Block, parts: Parts, key: KeyItem | None) -> None:
        self.block = block
        self.parts = parts
        self.key = key
        self.hint = block.head.qtype or block.section.qtype
        self.notices: list[tuple[int, str]] = []
        self.sources: list[tuple[str, str]] = []

    def build(self) -> Built:
        if self.block.refusal:
            raise Refused(self.block.refusal)
        if self.parts.option_problems:
            raise Refused(join("；", self.parts.option_problems))
        stem = join_lines([f.text for f in self.parts.stem])
        built = self._choice(stem) if self.parts.options else self._other(stem)
        if not built.data["stem"].strip():
            raise Refused(msg("题干为空"))
        self._extras(built)
        return built

    def _extras(self, built: Built) -> None:
        explanation = "\n".join(t for t in self.parts.explanation if t)
        if self.key is not None and self.key.explanation:
            explanation = "\n".join(t for t in (explanation, self.key.explanation) if t)
        if explanation:
            built.data["explanation"] = explanation
        section = self.block.section
        if section.index and not names_kind(section.title) and section_tag(section.title):
            built.data["tags"] = [section_tag(section.title)]
        for token in self.parts.stray:
            built.notices.append(
                (
                    token.line.number,
                    msg(
                        "第 {line} 行在答案之后，不属于这道题的任何部分，已忽略：“{text}”",
                        line=token.line.number,
                        text=token.text[:30],
                    ),
                )
            )
        built.notices[:0] = self.notices

    # -- choice questions -------------------------------------------------------------------

    def _choice(self, stem: str) -> Built:
        options = {o.key: self._option_text(o) for o in self.parts.options}
        judge_like = self.hint == QType.JUDGE or (
            self.hint is None and len(options) == 2 and set(options.values()) <= _JUDGE_WORDS
        )
        if self.hint in (QType.FILL, QType.SHORT):
            raise Refused(
                msg("{type}题不应有选项（A. …），请检查题型或分节标题", type=_label(self.hint))
            )
        found = choice_bracket(stem, set(options))
        letters = self._agreed(self._choice_sources(found, judge_like, options))
        if judge_like:
            return self._judge_from_options(found.stem, options, letters)
        if self.hint == QType.SINGLE and len(letters) > 1:
            raise Refused(msg("单选题给出了多个答案 {letters}", letters=letters))
        qtype = self.hint or (QType.SINGLE if len(letters) == 1 else QType.MULTIPLE)
        answer: str | list[str] = letters if qtype == QType.SINGLE else list(letters)
        data = {"type": str(qtype), "stem": found.stem, "options": options, "answer": answer}
        return Built(data, qtype, self.sources[0][0], inferred=self.hint is None)

    def _option_text(self, option: ParsedOption) -> str:
        # ``A.上海；B.嘉兴；``: the separator is not the option's.
        text = re.sub(r"[；; ]+$", "", option.text)
        doubled = re.match(
            rf"^(?:[（(]\s*{option.key}\s*[)）]|{option.key}\s*[.．、:：)）])\s*", text
        )
        if doubled:
            text = text[doubled.end() :]
            self.notices.append(
                (
                    option.marker.line.number,
                    msg(
                        "选项 {key} 的字母写了两遍，已去掉重复的“{mark}”",
                        key=option.key,
                        mark=doubled.group(0).strip(),
                    ),
                )
            )
        if not text:
            raise Refused(msg("选项 {key} 没有内容", key=option.key))
        return text

    def _choice_sources(
        self, found: Found, judge_like: bool, options: dict[str, str]
    ) -> list[tuple[str, str]]:
        for text in self._line_answers():
            self._add(LINE, self._letters(text, judge_like, options, msg("答案")))
        for letters in found.answers:
            self._add(BRACKET, letters)
        if self.key is not None:
            where = msg("文末答案（第 {line} 行）", line=self.key.line.number)
            self._add(KEY, self._letters(self.key.text, judge_like, options, where))
        self._add(FORMAT, strong_options(self.parts.options))
        return self.sources

    def _letters(self, text: str, judge_like: bool, options: dict[str, str], where: Msg) -> str:
        text = text.rstrip(_TRAILING)
        keys = syntax.parse_choice(text)
        if keys is not None:
            return "".join(keys)
        verdict = syntax.parse_judge(text)
        if judge_like and verdict is not None:
            for key, option in options.items():
                if syntax.parse_judge(option) is verdict:
                    return key
        raise Refused(msg("{where}“{text}”不是选项字母", where=where, text=text))

    def _judge_from_options(self, stem: str, options: dict[str, str], letters: str) -> Built:
        verdict = syntax.parse_judge(options.get(letters, ""))
        if verdict is None:
            raise Refused(
                msg(
                    "判断题的答案 {letters} 不是“{true}”或“{false}”选项",
                    letters=letters,
                    true=_TRUE,
                    false=_FALSE,
                )
            )
        data = {"type": "judge", "stem": stem, "answer": verdict}
        return Built(data, QType.JUDGE, self.sources[0][0], inferred=self.hint is None)

    # -- judge, fill, short -----------------------------------------------------------------

    def _other(self, stem: str) -> Built:
        if self.hint in (QType.SINGLE, QType.MULTIPLE):
            raise Refused(msg("{type}题没有找到选项（A. …）", type=_label(self.hint)))
        qtype = self.hint or self._inferred(stem)
        if qtype == QType.JUDGE:
            built = self._judge(stem)
        elif qtype == QType.FILL:
            built = self._fill(stem)
        else:
            built = self._short(stem)
        built.inferred = self.hint is None
        return built

    def _inferred(self, stem: str) -> QType:
        answers = [*self._line_answers(), *([self.key.text] if self.key else [])]
        if self.parts.reply:
            return QType.SHORT
        if judge_bracket(stem).answers or any(syntax.parse_judge(a) is not None for a in answers):
            return QType.JUDGE
        found, count, _ = self._fill_stem(stem)
        if count or found.answers:
            return QType.FILL
        if answers:
            return QType.SHORT
        raise Refused(msg("没有找到答案"))

    def _judge(self, stem: str) -> Built:
        found = judge_bracket(stem)
        for text in self._line_answers():
            self._add(LINE, self._verdict(text, msg("答案")))
        for word in found.answers:
            self._add(BRACKET, self._verdict(word, msg("括号")))
        if self.key is not None:
            where = msg("文末答案（第 {line} 行）", line=self.key.line.number)
            self._add(KEY, self._verdict(self.key.text, where))
        verdict = self._agreed(self.sources) == _TRUE
        data = {"type": "judge", "stem": found.stem, "answer": verdict}
        return Built(data, QType.JUDGE, self.sources[0][0])

    def _verdict(self, text: str, where: Msg) -> str:
        text = text.rstrip(_TRAILING)
        verdict = syntax.parse_judge(text)
        if verdict is None:
            raise Refused(
                msg(
                    "{where}“{text}”不是判断题的答案（{answers}）",
                    where=where,
                    text=text,
                    answers=words.JUDGE_ANSWERS_SHOWN,
                )
            )
        return syntax.format_judge(verdict)

    def _fill_stem(self, stem: str) -> tuple[Found, int, str]:
        under = underlined_blanks(self.parts.stem)
        found = under if under.answers else Found(stem, ())
        marked = syntax.mark_blanks(found.stem)
        return Found(marked, found.answers), len(blank_spans(marked)), FORMAT

    def _fill(self, stem: str) -> Built:
        found, count, label = self._fill_stem(stem)
        lines = self._line_answers()
        if found.answers and not self._fills_agree(found.answers, lines, count):
            self._add(label, syntax.format_blanks([[a] for a in found.answers]))
        for text in lines:
            self._add(LINE, text)
        if self.key is not None:
            self._add(KEY, self.key.text)
        answer = self._agreed(self.sources, fill=True)
        blanks = syntax.parse_blanks(answer.rstrip(_TRAILING))
        if count == 0:
            raise Refused(msg("填空题的题干中没有空（____ 或（ ））"))
        if count != len(blanks):
            raise Refused(
                msg(
                    "题干中有 {count} 个空，答案给出了 {given} 个（多个答案用“{separator}”分隔）",
                    count=count,
                    given=len(blanks),
                    separator=syntax.BLANK_SEPARATOR,
                )
            )
        data = {"type": "fill", "stem": found.stem, "blanks": blanks}
        return Built(data, QType.FILL, self.sources[0][0])

    @staticmethod
    def _fills_agree(inline: tuple[str, ...], lines: list[str], count: int) -> bool:
        # ``__八项规定__……（ ）`` with ``答案：八项规定；理想信念``: the line gives every blank and
        # repeats the one written in the stem — the same answer, not two different ones.
        if len(lines) != 1:
            return False
        given = [a for blank in syntax.parse_blanks(lines[0]) for a in blank]
        return len(syntax.parse_blanks(lines[0])) == count and set(inline) <= set(given)

    def _short(self, stem: str) -> Built:
        if self.parts.reply:
            self._add(REPLY, "\n".join(self.parts.reply))
        for text in self._line_answers():
            self._add(LINE, text)
        if self.key is not None:
            self._add(KEY, self.key.text)
        if not self.sources:
            raise Refused(
                msg(
                    "没有找到答案（简答题的答案写在“{reply}”或“{answer}”之后）",
                    reply=words.REPLY_MARK,
                    answer=words.ANSWER_LABEL,
                )
            )
        label, reference = self.sources[0]
        data = {"type": "short", "stem": stem, "reference": reference}
        return Built(data, QType.SHORT, label)

    # -- answers ----------------------------------------------------------------------------

    def _line_answers(self) -> list[str]:
        return [text for text, _ in self.parts.answers if text]

    def _add(self, label: str, value: str) -> None:
        if value:
            self.sources.append((label, value))

    def _agreed(self, sources: list[tuple[str, str]], fill: bool = False) -> str:
        if not sources:
            raise Refused(msg("没有找到答案"))
        values = {_same(v, fill) for _, v in sources}
        if len(values) > 1:
            listed = join(
                "，",
                (msg("{source} {answer}", source=label, answer=value) for label, value in sources),
            )
            raise Refused(msg("几处答案不一致：{answers}", answers=listed))
        return sources[0][1] if fill else "".join(sorted(sources[0][1]))


def _same(value: str, fill: bool) -> str:
    if fill:
        return re.sub(r"\s+", "", re.sub(";", "；", value))
    return "".join(sorted(value)) if value not in (_TRUE, _FALSE) else value


def _label(qtype: QType) -> Msg:
    return msg(QTYPE_LABELS[qtype])


def build(block: Block, parts: Parts, key: KeyItem | None) -> Built:
    """The question, or :class:`Refused` saying why it cannot be converted."""
    return _Builder(block, parts, key).build()
