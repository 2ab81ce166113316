"""Write a bank as Moodle GIFT: whatever of it GIFT can express.

single → ``{=right ~wrong}``; multiple → ``{~%50%right ~%-100%wrong}``; judge → ``{TRUE}``/``{FALSE}``;
a fill question with one blank → short answer ``{=a =b}`` at the blank (missing-word format);
short → essay ``{####reference}``. The explanation is the general feedback ``####…``; the id and the
tags go into ``// [id:…]`` and ``// [tag:…]`` lines, which Moodle reads as well.
"""

from __future__ import annotations

from jgstudy.core.convert.entries import Rendered
from jgstudy.core.model import (
    AnyQuestion,
    Bank,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    ShortQuestion,
    SingleQuestion,
    split_stem,
)
from jgstudy.core.text import join, msg

_SPECIAL = "\\~=#{}:"
MULTI_BLANK = msg("多空填空题（GIFT 只能表示一个空）")


def escape(text: str) -> str:
    """``text`` safe inside GIFT: special characters escaped, line breaks as ``\\n``."""
    out = "".join(f"\\{char}" if char in _SPECIAL else char for char in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def write_gift(bank: Bank) -> Rendered:
    parts: list[str] = []
    skipped: list[str] = []
    for question in bank.questions:
        text = _question(question)
        if text is None:
            skipped.append(question.id)
        else:
            parts.append(text)
    body = "\n\n".join(parts) + "\n"
    rendered = Rendered(body.encode("utf-8"), len(parts), notices=_lost(bank))
    if skipped:
        rendered.skipped[MULTI_BLANK] = skipped
    return rendered


def _question(question: AnyQuestion) -> str | None:
    meta = [f"// [id:{question.id}]", *(f"// [tag:{tag}]" for tag in question.tags)]
    title = f"::{escape(question.id)}::"
    feedback = f"####{escape(question.explanation)}"
    if isinstance(question, FillQuestion):
        if len(question.blanks) != 1:
            return None
        before, after = split_stem(question.stem)
        answers = " ".join(f"={escape(a)}" for a in question.blanks[0])
        text = f"{title}{escape(before)}{{{answers}{feedback}}}{escape(after)}"
    elif isinstance(question, ShortQuestion):
        text = f"{title}{escape(question.stem)}{{####{escape(question.reference)}}}"
    elif isinstance(question, JudgeQuestion):
        text = (
            f"{title}{escape(question.stem)}{{{'TRUE' if question.answer else 'FALSE'}{feedback}}}"
        )
    else:
        options = "".join(f"\n\t{line}" for line in _choice_lines(question))
        text = f"{title}{escape(question.stem)}{{{options}\n\t{feedback}\n}}"
    return "\n".join([*meta, text])


def _choice_lines(question: SingleQuestion | MultipleQuestion) -> list[str]:
    if isinstance(question, SingleQuestion):
        return [
            f"{'=' if key == question.answer else '~'}{escape(text)}"
            for key, text in question.options.items()
        ]
    share = f"{100 / len(question.answer):.5f}".rstrip("0").rstrip(".")
    return [
        f"~%{share if key in question.answer else '-100'}%{escape(text)}"
        for key, text in question.options.items()
    ]


def _lost(bank: Bank) -> list[str]:
    """What the GIFT file leaves out, named once for the whole bank."""
    checks = {
        msg("难度"): any(q.difficulty != 2 for q in bank.questions),
        msg("分值"): any(q.points != 1 for q in bank.questions),
        msg("出处"): any(q.source is not None for q in bank.questions),
        msg("图片"): any(q.image is not None for q in bank.questions),
        msg("简答题的解析和关键词"): any(isinstance(q, ShortQuestion) for q in bank.questions),
        msg("题库信息（编号、标题等）"): True,
    }
    lost = [name for name, present in checks.items() if present]
    return [msg("GIFT 无法保存{what}，这些内容未导出", what=join("、", lost))]
