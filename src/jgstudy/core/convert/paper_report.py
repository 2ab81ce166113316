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
from jgstudy.core.model import QTYPE_LABELS, QType

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
        found = "，".join(f"{label} {count} 题" for label, count in tally.sources.most_common())
        lines.append((None, f"答案来自：{found}"))
    if tally.inferred:
        lines.append(
            (
                None,
                f"{tally.inferred} 题的分节标题和题型标记没有写明题型，按内容判断（选项、√×、空、答：）",
            )
        )
    lines.extend(_noise(paper))
    if tally.docx:
        lines.append((None, "Word 文档的页眉、页脚、脚注和文本框不读取"))
    return lines


def _totals(tally: Tally) -> str:
    total = sum(tally.types.values())
    kinds = "，".join(f"{QTYPE_LABELS[t]} {tally.types[t]}" for t in QType if tally.types[t])
    text = f"识别出 {total} 题" + (f"（{kinds}）" if kinds else "")
    refused = sum(tally.failed.values())
    return text + (f"；{refused} 题未转换，原因见各行" if refused else "")


def _sections(paper: Segmented, tally: Tally) -> list[str]:
    parts = []
    for section in paper.sections:
        done, failed = tally.done[section.index], tally.failed[section.index]
        if not done and not failed:
            continue
        name = section_tag(section.title) if section.index else "（分节标题之前）"
        parts.append(f"{name} {done} 题" + (f"（另有 {failed} 题未转换）" if failed else ""))
    return [f"各部分：{'；'.join(parts)}"] if len(parts) > 1 or paper.sections[-1].index else []


def _noise(paper: Segmented) -> list[Notice]:
    lines: list[Notice] = []
    front = [t for t in paper.front if t.text]
    if front:
        shown = "、".join(f"“{t.whole[:20]}”" for t in front[:3])
        lines.append((None, f"第一题之前的 {len(front)} 行作为标题或说明，未转换：{shown}"))
    grouped: dict[str, list[int]] = {}
    for token, reason in paper.noise:
        if reason in (NOISE_PAGE, NOISE_HEADER):
            grouped.setdefault(reason, []).append(token.line.number)
        else:
            lines.append((token.line.number, f"{reason}，已忽略：“{token.whole[:30]}”"))
    for reason, numbers in grouped.items():
        shown = "、".join(str(n) for n in numbers[:_SHOWN]) + (
            "……" if len(numbers) > _SHOWN else ""
        )
        lines.append((None, f"已忽略{reason} {len(numbers)} 行（第 {shown} 行）"))
    return lines
