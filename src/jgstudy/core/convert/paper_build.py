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

from jgstudy.core.convert import syntax
from jgstudy.core.convert.paper_answers import (
    Found,
    choice_bracket,
    judge_bracket,
    strong_options,
    underlined_blanks,
)
from jgstudy.core.convert.paper_parts import ParsedOption, Parts, join
from jgstudy.core.convert.paper_segment import Block, KeyItem
from jgstudy.core.convert.paper_tokens import names_kind
from jgstudy.core.model import QType, blank_spans

LINE = "答案行"
BRACKET = "题干括号"
KEY = "文末答案"
FORMAT = "格式标记"
REPLY = "“答：”"
_JUDGE_WORDS = {"正确", "错误", "对", "错", "√", "×"}
_TRAILING = " 。．.，,；;"  # ``答案：B。`` — punctuation after an answer is not part of it
_SECTION_PREFIX = re.compile(
    r"^(?:第\s*)?[一二三四五六七八九十]+\s*(?:[、.．:：]|部分)\s*|^[（(][一二三四五六七八九十]+[)）]\s*"
)
_NOTE_SUFFIX = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


class Refused(Exception):
    """This question cannot be converted without guessing; the message says why."""


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
            raise Refused("；".join(self.parts.option_problems))
        stem = join([f.text for f in self.parts.stem])
        built = self._choice(stem) if self.parts.options else self._other(stem)
        if not built.data["stem"].strip():
            raise Refused("题干为空")
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
                    f"第 {token.line.number} 行在答案之后，不属于这道题的任何部分，已忽略：“{token.text[:30]}”",
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
            raise Refused(f"{_label(self.hint)}题不应有选项（A. …），请检查题型或分节标题")
        found = choice_bracket(stem, set(options))
        letters = self._agreed(self._choice_sources(found, judge_like, options))
        if judge_like:
            return self._judge_from_options(found.stem, options, letters)
        if self.hint == QType.SINGLE and len(letters) > 1:
            raise Refused(f"单选题给出了多个答案 {letters}")
        qtype = self.hint or (QType.SINGLE if len(letters) == 1 else QType.MULTIPLE)
        answer: str | list[str] = letters if qtype == QType.SINGLE else list(letters)
        data = {"type": str(qtype), "stem": found.stem, "options": options, "answer": answer}
        return Built(data, qtype, self.sources[0][0], inferred=self.hint is None)

    def _option_text(self, option: ParsedOption) -> str:
        text = option.text.rstrip("；; ")  # ``A.上海；B.嘉兴；``: the separator is not the option's
        doubled = re.match(
            rf"^(?:[（(]\s*{option.key}\s*[)）]|{option.key}\s*[.．、:：)）])\s*", text
        )
        if doubled:
            text = text[doubled.end() :]
            self.notices.append(
                (
                    option.marker.line.number,
                    f"选项 {option.key} 的字母写了两遍，已去掉重复的“{doubled.group(0).strip()}”",
                )
            )
        if not text:
            raise Refused(f"选项 {option.key} 没有内容")
        return text

    def _choice_sources(
        self, found: Found, judge_like: bool, options: dict[str, str]
    ) -> list[tuple[str, str]]:
        for text in self._line_answers():
            self._add(LINE, self._letters(text, judge_like, options, "答案"))
        for letters in found.answers:
            self._add(BRACKET, letters)
        if self.key is not None:
            where = f"文末答案（第 {self.key.line.number} 行）"
            self._add(KEY, self._letters(self.key.text, judge_like, options, where))
        self._add(FORMAT, strong_options(self.parts.options))
        return self.sources

    def _letters(self, text: str, judge_like: bool, options: dict[str, str], where: str) -> str:
        text = text.rstrip(_TRAILING)
        keys = syntax.parse_choice(text)
        if keys is not None:
            return "".join(keys)
        verdict = syntax.parse_judge(text)
        if judge_like and verdict is not None:
            for key, option in options.items():
                if syntax.parse_judge(option) is verdict:
                    return key
        raise Refused(f"{where}“{text}”不是选项字母")

    def _judge_from_options(self, stem: str, options: dict[str, str], letters: str) -> Built:
        verdict = syntax.parse_judge(options.get(letters, ""))
        if verdict is None:
            raise Refused(f"判断题的答案 {letters} 不是“正确”或“错误”选项")
        data = {"type": "judge", "stem": stem, "answer": verdict}
        return Built(data, QType.JUDGE, self.sources[0][0], inferred=self.hint is None)

    # -- judge, fill, short -----------------------------------------------------------------

    def _other(self, stem: str) -> Built:
        if self.hint in (QType.SINGLE, QType.MULTIPLE):
            raise Refused(f"{_label(self.hint)}题没有找到选项（A. …）")
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
        raise Refused("没有找到答案")

    def _judge(self, stem: str) -> Built:
        found = judge_bracket(stem)
        for text in self._line_answers():
            self._add(LINE, self._verdict(text, "答案"))
        for word in found.answers:
            self._add(BRACKET, self._verdict(word, "括号"))
        if self.key is not None:
            self._add(
                KEY, self._verdict(self.key.text, f"文末答案（第 {self.key.line.number} 行）")
            )
        verdict = self._agreed(self.sources) == "正确"
        data = {"type": "judge", "stem": found.stem, "answer": verdict}
        return Built(data, QType.JUDGE, self.sources[0][0])

    def _verdict(self, text: str, where: str) -> str:
        text = text.rstrip(_TRAILING)
        verdict = syntax.parse_judge(text)
        if verdict is None:
            raise Refused(f"{where}“{text}”不是判断题的答案（√ × 对 错 正确 错误）")
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
            self._add(label, "；".join(found.answers))
        for text in lines:
            self._add(LINE, text)
        if self.key is not None:
            self._add(KEY, self.key.text)
        answer = self._agreed(self.sources, fill=True)
        blanks = syntax.parse_blanks(answer.rstrip(_TRAILING))
        if count == 0:
            raise Refused("填空题的题干中没有空（____ 或（ ））")
        if count != len(blanks):
            raise Refused(
                f"题干中有 {count} 个空，答案给出了 {len(blanks)} 个（多个答案用“；”分隔）"
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
            raise Refused("没有找到答案（简答题的答案写在“答：”或“答案：”之后）")
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
            raise Refused("没有找到答案")
        values = {_same(v, fill) for _, v in sources}
        if len(values) > 1:
            listed = "，".join(f"{label} {value}" for label, value in sources)
            raise Refused(f"几处答案不一致：{listed}")
        return sources[0][1] if fill else "".join(sorted(sources[0][1]))


def _same(value: str, fill: bool) -> str:
    if fill:
        return re.sub(r"\s+", "", value.replace(";", "；"))
    return "".join(sorted(value)) if value not in ("正确", "错误") else value


def _label(qtype: QType) -> str:
    return {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}[
        qtype
    ]


def build(block: Block, parts: Parts, key: KeyItem | None) -> Built:
    """The question, or :class:`Refused` saying why it cannot be converted."""
    return _Builder(block, parts, key).build()
