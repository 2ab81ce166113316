"""The report after converting a paper: what was found, where the answers were, what was skipped.

Refused questions are reported one by one as problems at their lines; this module adds the
summary lines, and a notice for every line that was left out (page numbers and running headers
counted together, anything else one by one with its text).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from jgstudy.core.convert.paper_build import Built, section_tag
from jgstudy.core.convert.paper_segment import (
    NOISE_HEADER,
    NOISE_PAGE,
    Block,
    Segmented,
)
from jgstudy.core.convert.words import REPLY_MARK
from jgstudy.core.model import QTYPE_LABELS, QType
from jgstudy.core.text import join, msg

_SHOWN = 12


@dataclass
class Tally:
    """Counts gathered while converting the blocks."""

    docx: bool = False
    types: Counter[QType] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    inferred: int = 0
    done: Counter[int] = field(default_factory=Counter)
    failed: Counter[int] = field(default_factory=Counter)

    def converted(self, block: Block, built: Built) -> None:
        self.types[built.qtype] += 1
        self.sources[built.source] += 1
        self.inferred += built.inferred
        self.done[block.section.index] += 1

    def refused(self, block: Block) -> None:
        self.failed[block.section.index] += 1


Notice = tuple[int | None, str]


def report(paper: Segmented, tally: Tally) -> list[Notice]:
    """Summary notices (row None) and one notice per left-out line (row = its line)."""
    lines: list[Notice] = [(None, _totals(tally))]
    lines.extend((None, text) for text in _sections(paper, tally))
    if tally.sources:
        found = join(
            "，",
            (
                msg("{source} {count} 题", source=label, count=count)
                for label, count in tally.sources.most_common()
            ),
        )
        lines.append((None, msg("答案来自：{sources}", sources=found)))
    if tally.inferred:
        lines.append(
            (
                None,
                msg(
                    "{count} 题的分节标题和题型标记没有写明题型，按内容判断（选项、√×、空、{reply}）",
                    count=tally.inferred,
                    reply=REPLY_MARK,
                ),
            )
        )
    lines.extend(_noise(paper))
    if tally.docx:
        lines.append((None, msg("Word 文档的页眉、页脚、脚注和文本框不读取")))
    return lines


def _totals(tally: Tally) -> str:
    total = sum(tally.types.values())
    kinds = [
        msg("{type} {count}", type=msg(QTYPE_LABELS[t]), count=tally.types[t])
        for t in QType
        if tally.types[t]
    ]
    text = msg("识别出 {count} 题", count=total)
    if kinds:
        text = msg("识别出 {count} 题（{kinds}）", count=total, kinds=join("，", kinds))
    refused = sum(tally.failed.values())
    if refused:
        return msg("{found}；{refused} 题未转换，原因见各行", found=text, refused=refused)
    return text


def _sections(paper: Segmented, tally: Tally) -> list[str]:
    parts = []
    for section in paper.sections:
        done, failed = tally.done[section.index], tally.failed[section.index]
        if not done and not failed:
            continue
        name = section_tag(section.title) if section.index else msg("（分节标题之前）")
        part = msg("{section} {count} 题", section=name, count=done)
        if failed:
            part = msg(
                "{section} {count} 题（另有 {failed} 题未转换）",
                section=name,
                count=done,
                failed=failed,
            )
        parts.append(part)
    if len(parts) > 1 or paper.sections[-1].index:
        return [msg("各部分：{sections}", sections=join("；", parts))]
    return []


def _noise(paper: Segmented) -> list[Notice]:
    lines: list[Notice] = []
    front = [t for t in paper.front if t.text]
    if front:
        quoted = join("、", (msg("“{text}”", text=t.whole[:20]) for t in front[:3]))
        message = msg(
            "第一题之前的 {count} 行作为标题或说明，未转换：{lines}", count=len(front), lines=quoted
        )
        lines.append((None, message))
    grouped: dict[str, list[int]] = {}
    for token, reason in paper.noise:
        if reason in (NOISE_PAGE, NOISE_HEADER):
            grouped.setdefault(reason, []).append(token.line.number)
        else:
            message = msg("{reason}，已忽略：“{text}”", reason=reason, text=token.whole[:30])
            lines.append((token.line.number, message))
    for reason, numbers in grouped.items():
        shown: str = join("、", (str(n) for n in numbers[:_SHOWN]))
        if len(numbers) > _SHOWN:
            shown = msg("{rows}……", rows=shown)
        message = msg(
            "已忽略{reason} {count} 行（第 {rows} 行）",
            reason=reason,
            count=len(numbers),
            rows=shown,
        )
        lines.append((None, message))
    return lines
