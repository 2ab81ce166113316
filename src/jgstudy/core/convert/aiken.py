"""Moodle Aiken files: a question line, options ``A. …`` or ``A) …``, then ``ANSWER: B``.

Reading also accepts ``答案：B``, several letters (``ANSWER: AC`` → a multiple-choice question) and a
``解析：…`` line after the answer; writing keeps to strict Aiken, which holds single choice only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jgstudy.core.convert import syntax
from jgstudy.core.convert.entries import Entry, Parsed, Rendered, RowProblem
from jgstudy.core.convert.textfiles import lines, read_text
from jgstudy.core.model import Bank, SingleQuestion
from jgstudy.core.text import msg

_OPTION = re.compile(r"^([A-Za-z])\s*[.)．）、]\s*(.*)$")
_ANSWER = re.compile(r"^(?:ANSWER|答案)\s*[:：]\s*(.*)$", re.IGNORECASE)
_EXPLAIN = re.compile(r"^(?:解析|EXPLANATION)\s*[:：]\s*(.*)$", re.IGNORECASE)
ONLY_SINGLE = msg("非单选题（Aiken 只能表示单选题）")
MISSING_ANSWER = msg("这道题缺少“ANSWER: …”行，未转换")


@dataclass
class _Question:
    line: int
    stem: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    stray: list[int] = field(default_factory=list)

    def add(self, number: int, line: str) -> None:
        option = _OPTION.match(line)
        expected = chr(ord("A") + len(self.options))
        if option and self.stem and option.group(1).upper() == expected:
            self.options[expected] = option.group(2).strip()
        elif not self.options:
            self.stem.append(line)
        else:
            self.stray.append(number)

    def entry(self, answer: str) -> Entry:
        entry = Entry(self.line, {"stem": "\n".join(self.stem), "options": self.options})
        keys = syntax.parse_choice(answer)
        entry.data["type"] = "multiple" if keys and len(keys) > 1 else "single"
        for number in self.stray:
            entry.problems.append(
                msg("第 {line} 行既不是选项（A. …）也不是“ANSWER: …”行", line=number)
            )
        if not self.options:
            entry.fail("options", msg("没有选项（每行一个，写成“A. 选项内容”）"))
        if keys is None:
            entry.fail("answer", msg("答案“{answer}”应为选项字母，如 ANSWER: B", answer=answer))
        else:
            entry.data["answer"] = keys[0] if len(keys) == 1 else keys
        return entry


def looks_like_aiken(text: str) -> bool:
    """An answer line (``ANSWER: B`` or ``答案：B``) and no GIFT answer braces."""
    answers = any(_ANSWER.match(line.strip()) for line in lines(text))
    return answers and "{" not in text


def read_aiken(file: Path) -> Parsed:
    parsed = Parsed()
    text = read_text(file, parsed)
    current: _Question | None = None
    last: Entry | None = None
    blank = False
    for number, raw in enumerate(lines(text or ""), start=1):
        line = raw.strip()
        explain = _EXPLAIN.match(line)
        if not line:
            blank = True
            continue
        if explain and current is None and last is not None:
            last.data["explanation"] = explain.group(1).strip()
            continue
        if current is not None and blank and _starts_next(current, line):
            # A question whose ANSWER line is missing must not swallow the next one.
            parsed.problems.append(RowProblem(file, current.line, MISSING_ANSWER))
            current = None
        blank = False
        current = current or _Question(number)
        answer = _ANSWER.match(line)
        if answer:
            last = current.entry(answer.group(1).strip())
            parsed.entries.append(last)
            current = None
        else:
            current.add(number, line)
    if current is not None:
        parsed.problems.append(RowProblem(file, current.line, MISSING_ANSWER))
    return parsed


def _starts_next(current: _Question, line: str) -> bool:
    """After a blank line, a line that is neither option nor answer opens the next question."""
    return bool(current.options) and not _OPTION.match(line) and not _ANSWER.match(line)


def write_aiken(bank: Bank) -> Rendered:
    blocks: list[str] = []
    skipped: list[str] = []
    for question in bank.questions:
        if not isinstance(question, SingleQuestion):
            skipped.append(question.id)
            continue
        options = [f"{key}. {_line(text)}" for key, text in question.options.items()]
        blocks.append("\n".join([_line(question.stem), *options, f"ANSWER: {question.answer}"]))
    rendered = Rendered(("\n\n".join(blocks) + "\n").encode("utf-8"), len(blocks))
    if skipped:
        rendered.skipped[ONLY_SINGLE] = skipped
    rendered.notices.append(msg("Aiken 只保存题干、选项和答案；编号、解析、标签、难度等未导出"))
    return rendered


def _line(text: str) -> str:
    # Aiken reads one line per question and per option.
    return " ".join(part.strip() for part in text.splitlines())
