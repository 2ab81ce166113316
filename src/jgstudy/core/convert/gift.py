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
from jgstudy.core.convert.textfiles import lines, read_text
from jgstudy.core.model import ID_PATTERN

_ESCAPES = {"\\": "\ue000", ":": "\ue001", "~": "\ue002", "=": "\ue003", "#": "\ue004"}
_ESCAPES |= {"{": "\ue005", "}": "\ue006"}
_UNESCAPE = str.maketrans({v: k for k, v in _ESCAPES.items()})
_META = re.compile(r"\[(id|tag):([^\]]*)\]")
_FORMAT = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]")
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
            entry = _entry(block)
            if entry is None:
                message = "找不到答案部分 {…}（GIFT 说明文字不是题目），未转换"
                parsed.problems.append(RowProblem(file, block.line, message))
            else:
                parsed.entries.append(entry)
    return parsed


def _blocks(text: str) -> Iterator[_Block]:
    """Questions: runs of lines between blank lines (not counting blank lines inside braces)."""
    block = _Block(0)
    depth = 0
    category: list[str] = []
    for number, raw in enumerate(lines(text), start=1):
        line = protect(raw).strip()
        if not block.lines and (line.startswith("//") or line.startswith("$CATEGORY:")):
            _read_meta(line, block, category)
        elif not line and depth == 0:
            if block.lines:
                yield block
                block = _Block(0)
        elif not line.startswith("//"):
            block.line = block.line or number
            block.lines.append(line)
            block.tags.extend(t for t in category if t not in block.tags)
            depth = max(0, depth + line.count("{") - line.count("}"))
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
    text = _FORMAT.sub("", text)
    start = text.find("{")
    end = text.find("}", start)
    if start < 0 or end < 0:
        return None
    entry = Entry(block.line, {})
    _identify(entry, block, plain(title))
    before, after = text[:start], text[end + 1 :]
    answer, _, general = text[start + 1 : end].partition("####")
    _read_answer(entry, answer.strip(), before, after, plain(general))
    return entry


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
            entry.fail("reference", "问答题没有参考答案（写在 {####参考答案} 中）")
        return
    if general:
        data["explanation"] = general
    judge = _JUDGE.fullmatch(answer)
    if judge:
        data.update(type="judge", stem=_stem(before, after, "（ ）"))
        data["answer"] = judge.group(1).upper().startswith("T")
        _warn_feedback(entry, judge.group(2) is not None)
    elif answer.startswith("#"):
        entry.fail("type", "数值题（{#…}）不支持，请改为填空题")
    else:
        _read_items(entry, answer, before, after)


def _read_items(entry: Entry, answer: str, before: str, after: str) -> None:
    items = _items(answer)
    if items is None:
        entry.fail("type", "答案部分无法识别：每个选项应以 = 或 ~ 开头（配对题不支持）")
    elif any(not item.correct or (item.weight is not None and item.weight <= 0) for item in items):
        _choice(entry, items, before, after)
    else:
        _fill(entry, items, before, after)
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


def _choice(entry: Entry, items: list[_Item], before: str, after: str) -> None:
    keys = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    right = [
        keys[i]
        for i, item in enumerate(items)
        if (item.correct or (item.weight or 0) > 0) and i < len(keys)
    ]
    qtype = "multiple" if len(right) > 1 else "single"
    entry.data.update(type=qtype, stem=_stem(before, after, "（ ）"))
    entry.data["options"] = {keys[i]: item.text for i, item in enumerate(items[: len(keys)])}
    if not right:
        entry.fail("answer", "选择题没有标出正确答案（用 = 或 ~%50% 这样的正分值标出）")
    else:
        entry.data["answer"] = right[0] if qtype == "single" else right


def _fill(entry: Entry, items: list[_Item], before: str, after: str) -> None:
    full = [item.text for item in items if item.weight is None or item.weight >= 100]
    if len(full) < len(items):
        entry.warnings.append("部分得分的答案（=%50%…）已忽略，只保留满分答案")
    entry.data.update(type="fill", stem=_stem(before, after, "{{1}}"), blanks=[full])


def _stem(before: str, after: str, blank: str) -> str:
    """The question text; a blank where the answer block stood when text follows it."""
    if plain(after):
        return f"{plain(before)}{blank}{plain(after)}"
    return plain(before) + (blank if blank == "{{1}}" else "")


def _warn_feedback(entry: Entry, present: bool) -> None:
    if present:
        entry.warnings.append("答案反馈（#…）不能转换，已忽略；总体反馈（####…）作为解析")
