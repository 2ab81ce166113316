"""Read Moodle GIFT files (the subset jgstudy can hold; see docs/convert.md).

Escaped characters (``\\~ \\= \\# \\{ \\} \\: \\\\``) are swapped for private-use placeholders first,
so the rest of the parser can split on the bare characters and swap them back at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.htmltext import html_to_text
from jgstudy.core.convert.textfiles import lines, read_text
from jgstudy.core.convert.words import BLANK
from jgstudy.core.model import ID_PATTERN
from jgstudy.core.text import join, msg

_ESCAPES = {"\\": "\ue000", ":": "\ue001", "~": "\ue002", "=": "\ue003", "#": "\ue004"}
_ESCAPES |= {"{": "\ue005", "}": "\ue006"}
_UNESCAPE = str.maketrans({v: k for k, v in _ESCAPES.items()})
_META = re.compile(r"\[(id|tag):([^\]]*)\]")
_FORMAT = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_JUDGE = re.compile(r"(T|TRUE|F|FALSE)\s*(#.*)?", re.IGNORECASE | re.DOTALL)


@dataclass
class _Block:
    line: int
    lines: list[str] = field(default_factory=list)
    ident: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class _Item:
    correct: bool
    weight: float | None
    text: str
    feedback: bool


def protect(text: str) -> str:
    """``text`` with GIFT escapes replaced by placeholders (``\\n`` becomes a line break)."""

    def swap(match: re.Match[str]) -> str:
        char = match.group(1)
        return "\n" if char == "n" else _ESCAPES.get(char, match.group(0))

    return re.sub(r"\\(.)", swap, text)


def plain(text: str) -> str:
    """Placeholders back to characters; each line trimmed."""
    lines = text.translate(_UNESCAPE).split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def looks_like_gift(text: str) -> bool:
    """An answer block in braces outside comments."""
    body = "\n".join(line for line in lines(text) if not line.lstrip().startswith("//"))
    return re.search(r"\{[^{}]*\}", protect(body)) is not None


def read_gift(file: Path) -> Parsed:
    parsed = Parsed()
    text = read_text(file, parsed)
    if text is not None:
        for block in _blocks(text):
            unclosed = _unclosed_brace(block)
            entry = None if unclosed else _entry(block)
            if unclosed:
                message = msg("答案部分的“{”没有对应的“}”，本题未转换（下一题照常读取）")
                parsed.problems.append(RowProblem(file, unclosed[0], message, unclosed[1]))
            elif entry is None:
                message = msg("找不到答案部分 {…}（GIFT 说明文字不是题目），未转换")
                parsed.problems.append(RowProblem(file, block.line, message))
            else:
                parsed.entries.append(entry)
    return parsed


def _unclosed_brace(block: _Block) -> tuple[int, int] | None:
    """(line, column) of a ``{`` that the question never closes."""
    opened: tuple[int, int] | None = None
    for offset, line in enumerate(block.lines):
        for column, char in enumerate(line, start=1):
            if char == "{" and opened is None:
                opened = (block.line + offset, column)
            elif char == "}":
                opened = None
    return opened


def _blocks(text: str) -> Iterator[_Block]:
    """Questions: runs of lines between blank lines, as Moodle splits them.

    A blank line ends a question even inside an unclosed ``{``: a missing ``}`` then costs only
    its own question (reported at its line), never the questions after it.
    """
    block = _Block(0)
    category: list[str] = []
    for number, raw in enumerate(lines(text), start=1):
        line = protect(raw).strip()
        if not block.lines and (line.startswith("//") or line.startswith("$CATEGORY:")):
            _read_meta(line, block, category)
        elif not line:
            if block.lines:
                yield block
                block = _Block(0)
        elif not line.startswith("//"):
            if line.startswith("::") and block.lines and _unclosed_brace(block):
                # A title inside an unclosed ``{`` starts the next question: only the
                # unclosed one is lost, as after a blank line.
                yield block
                block = _Block(0)
            block.line = block.line or number
            block.lines.append(line)
            block.tags.extend(t for t in category if t not in block.tags)
    if block.lines:
        yield block


def _read_meta(line: str, block: _Block, category: list[str]) -> None:
    if line.startswith("$CATEGORY:"):
        # "$course$/top/凝心铸魂" → 凝心铸魂: the innermost category becomes a tag.
        parts = [p for p in plain(line.removeprefix("$CATEGORY:")).split("/") if p]
        category[:] = [parts[-1]] if parts and parts[-1] not in ("top", "$course$") else []
        return
    for kind, value in _META.findall(line):
        if kind == "id":
            block.ident = plain(value)
        elif plain(value):
            block.tags.append(plain(value))


def _entry(block: _Block) -> Entry | None:
    text = "\n".join(block.lines)
    title = ""
    if text.startswith("::") and "::" in text[2:]:
        title, text = text[2:].split("::", 1)
    markup = _FORMAT.match(text)
    text = text[markup.end() :] if markup else text
    start = text.find("{")
    end = text.find("}", start)
    if start < 0 or end < 0:
        return None
    entry = Entry(block.line, {})
    _identify(entry, block, plain(title))
    before, after = text[:start], text[end + 1 :]
    answer, _, general = text[start + 1 : end].partition("####")
    _read_answer(entry, answer.strip(), before, after, plain(general))
    if markup and "html" in markup.group().lower():
        _plain_html(entry)
    return entry


def _plain_html(entry: Entry) -> None:
    """Moodle ``[html]`` texts as plain text; a notice for each question that had markup."""
    changed = False
    for key, value in list(entry.data.items()):
        if key in ("stem", "explanation", "reference") and isinstance(value, str):
            text, lost = html_to_text(value)
            changed |= text != value
            entry.data[key] = text
            entry.warnings.extend(lost)
        elif key == "options" and isinstance(value, dict):
            for option, option_text in value.items():
                text, lost = html_to_text(option_text)
                changed |= text != option_text
                value[option] = text
                entry.warnings.extend(lost)
    if changed:
        entry.warnings.append(msg("HTML 格式（[html]）已转为纯文本：加粗、颜色等格式未保留"))


def _identify(entry: Entry, block: _Block, title: str) -> None:
    if block.ident:
        entry.data["id"] = block.ident
    elif re.fullmatch(ID_PATTERN, title):
        entry.data["id"] = title  # a title such as "ov-001" is an id; "第1题 党建" is not
    if block.tags:
        entry.data["tags"] = list(block.tags)


def _read_answer(entry: Entry, answer: str, before: str, after: str, general: str) -> None:
    data = entry.data
    if not answer:
        data.update(type="short", stem=_stem(before, after, ""))
        if general:
            data["reference"] = general
        else:
            entry.fail("reference", msg("问答题没有参考答案（写在 {####参考答案} 中）"))
        return
    if general:
        data["explanation"] = general
    judge = _JUDGE.fullmatch(answer)
    if judge:
        data.update(type="judge", stem=_stem(before, after, BLANK))
        data["answer"] = judge.group(1).upper().startswith("T")
        _warn_feedback(entry, judge.group(2) is not None)
    elif answer.startswith("#"):
        _numerical(entry, answer[1:], before, after)
    else:
        _read_items(entry, answer, before, after)


def _read_items(entry: Entry, answer: str, before: str, after: str) -> None:
    items = _items(answer)
    if items is None:
        entry.fail("type", msg("答案部分无法识别：每个选项应以 = 或 ~ 开头（配对题不支持）"))
    elif all(item.correct for item in items):
        _fill(entry, items, before, after)  # only = answers: Moodle's short answer
    elif any(item.correct for item in items):
        _single(entry, items, before, after)
    else:
        _multiple(entry, items, before, after)
    _warn_feedback(entry, any(item.feedback for item in items or []))


def _items(answer: str) -> list[_Item] | None:
    if answer[0] not in "=~":
        return None
    items = []
    for token in re.split(r"(?=[=~])", answer)[1:]:
        body, hash_, _ = token[1:].partition("#")
        weight = _WEIGHT.match(body)
        text = plain(body[weight.end() :] if weight else body)
        if "->" in text:
            return None
        value = float(weight.group(1)) if weight else None
        items.append(_Item(token[0] == "=", value, text, bool(hash_)))
    return items


_KEYS = "ABCDEFGH"


def _options(entry: Entry, items: list[_Item], before: str, after: str) -> list[_Item]:
    if len(items) > len(_KEYS):
        dropped = join("、", (item.text for item in items[len(_KEYS) :]))
        message = msg(
            "选项超过 {count} 个（多出：{dropped}），请删减", count=len(_KEYS), dropped=dropped
        )
        entry.fail("options", message)
    kept = items[: len(_KEYS)]
    entry.data["stem"] = _stem(before, after, BLANK)
    entry.data["options"] = {_KEYS[i]: item.text for i, item in enumerate(kept)}
    return kept


def _single(entry: Entry, items: list[_Item], before: str, after: str) -> None:
    """A block with ``=``: Moodle's single-answer multiple choice; = is the key."""
    kept = _options(entry, items, before, after)
    right = [_KEYS[i] for i, item in enumerate(kept) if item.correct]
    partial = [
        msg("{key}（{weight}%）", key=_KEYS[i], weight=f"{item.weight:g}")
        for i, item in enumerate(kept)
        if not item.correct and item.weight
    ]
    entry.data["type"] = "single"
    if len(right) > 1:
        message = msg(
            "单选题标了 {count} 个“=”答案（{keys}），只能有一个",
            count=len(right),
            keys=join("、", right),
        )
        entry.fail("answer", message)
        return
    entry.data["answer"] = right[0]
    if partial:
        entry.warnings.append(
            msg(
                "部分得分的选项 {options} 按错误答案处理（题库的单选题只有一个得分答案）",
                options=join("、", partial),
            )
        )


def _multiple(entry: Entry, items: list[_Item], before: str, after: str) -> None:
    """Only ``~`` options: Moodle's multiple answers; the options with positive weight are right."""
    kept = _options(entry, items, before, after)
    right = [_KEYS[i] for i, item in enumerate(kept) if (item.weight or 0) > 0]
    entry.data["type"] = "multiple" if len(right) > 1 else "single"
    if not right:
        entry.fail("answer", msg("选择题没有标出正确答案（用 = 或 ~%50% 这样的正分值标出）"))
        return
    entry.data["answer"] = right if len(right) > 1 else right[0]
    weights = {item.weight for item in kept if (item.weight or 0) > 0}
    negative = any((item.weight or 0) < 0 for item in kept)
    if len(right) > 1 and (len(weights) > 1 or negative):
        entry.warnings.append(
            msg(
                "各选项的得分百分比（含倒扣）未保留，按题库的多选计分规则评分（全对得分或少选得一半）"
            )
        )


def _fill(entry: Entry, items: list[_Item], before: str, after: str) -> None:
    full = [item.text for item in items if item.weight is None or item.weight >= 100]
    if len(full) < len(items):
        entry.warnings.append(msg("部分得分的答案（=%50%…）已忽略，只保留满分答案"))
    entry.data.update(type="fill", stem=_stem(before, after, "{{1}}"), blanks=[full])


_NUMBER = r"-?\d+(?:\.\d+)?"


def _numerical(entry: Entry, body: str, before: str, after: str) -> None:
    """``{#20}`` as a fill question; a tolerance or range keeps only what a blank can accept."""
    entry.data.update(type="fill", stem=_stem(before, after, "{{1}}"))
    alternatives = [a for a in re.split(r"(?=[=~])", body.strip()) if a.strip()]
    first = _WEIGHT.sub("", alternatives[0].lstrip("=").strip()) if alternatives else ""
    value = plain(first.partition("#")[0])
    if len(alternatives) > 1:
        entry.warnings.append(msg("数值题的其他可接受答案和部分得分未保留，只接受第一个答案"))
    tolerance = re.fullmatch(rf"({_NUMBER})\s*:\s*({_NUMBER})", value)
    span = re.fullmatch(rf"({_NUMBER})\s*\.\.\s*({_NUMBER})", value)
    if re.fullmatch(_NUMBER, value):
        entry.data["blanks"] = [[value]]
    elif tolerance and float(tolerance.group(2)) == 0:
        entry.data["blanks"] = [[tolerance.group(1)]]
    elif tolerance:
        entry.data["blanks"] = [[tolerance.group(1)]]
        entry.warnings.append(
            msg(
                "数值题的误差 ±{tolerance} 未保留，只接受 {value}",
                tolerance=tolerance.group(2),
                value=tolerance.group(1),
            )
        )
    elif span and _small_integer_range(span.group(1), span.group(2)):
        accepted = [str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
        entry.data["blanks"] = [accepted]
        entry.warnings.append(
            msg(
                "数值题的范围 {low}..{high} 改为接受其中的整数：{accepted}",
                low=span.group(1),
                high=span.group(2),
                accepted=join("、", accepted),
            )
        )
    else:
        message = msg("数值题的答案“{value}”无法转为填空题（范围过大或不是数字）", value=value)
        entry.fail("blanks", message)


def _small_integer_range(low: str, high: str) -> bool:
    return (
        low.lstrip("-").isdigit() and high.lstrip("-").isdigit() and 0 <= int(high) - int(low) <= 20
    )


def _stem(before: str, after: str, blank: str) -> str:
    """The question text; a blank where the answer block stood when text follows it."""
    left, right = plain(before), plain(after)
    if right:
        # Latin text keeps the space around the blank ("Grant is （ ） in…"); Chinese has none.
        if before[-1:].isspace() and left[-1:].isascii():
            left += " "
        if after[:1].isspace() and right[:1].isascii():
            right = " " + right
        return f"{left}{blank}{right}"
    return left + (blank if blank == "{{1}}" else "")


def _warn_feedback(entry: Entry, present: bool) -> None:
    if present:
        entry.warnings.append(msg("答案反馈（#…）不能转换，已忽略；总体反馈（####…）作为解析"))
