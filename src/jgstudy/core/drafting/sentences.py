"""Split Chinese material into sentences that remember where each piece sits in the original.

Material usually comes from PDF extraction, so a sentence may be broken over lines (often with a
blank line in between). Lines are joined back into paragraphs when a line stops mid-clause, but
every sentence keeps the original spans of its pieces: quotes cited from it must be verbatim
substrings of the material and must never run over a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

TERMINALS = frozenset("。！？!?")
PAIRS = dict(zip("“‘《（(「『【", "”’》）)」』】", strict=True))
OPENERS = frozenset(PAIRS)
CLOSERS = frozenset(PAIRS.values())
STRONG_MARKS = frozenset("，,；;：:…") | TERMINALS
# 、 separates list items: cutting there leaves a fragment, so it is a last resort.
WEAK_MARKS = frozenset("、")
# A line ending in one of these closes its paragraph; any other ending is a PDF line break.
PARAGRAPH_ENDS = TERMINALS | frozenset("…；;：:")
# Characters a heading hardly ever ends with, but a line broken mid-sentence often does.
MID_SENTENCE_ENDINGS = frozenset("的和与及在对把将为是了地得着从向以被让使“‘《（(，,、—-")
LEAD_TRIM = " \t\u3000，,；;、：:…—"
TAIL_TRIM = " \t\u3000，,；;、：:"
HEADING_MAX = 30
DEFAULT_LOCATOR = "正文"

Span = tuple[int, int]

_NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分篇])"
)
# Quotes may close a sentence (“……。”); 》 or ） after a terminal are inside a title or note.
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』]*")
_TAIL_FRAGMENT = re.compile(r"^[^，,；;、：:。！？!?]{1,4}[。！？!?；;]")


@dataclass(frozen=True)
class Segment:
    """The part of a sentence that lies on one line of the material."""

    start: int  # offset of the segment in the sentence text
    origin: int  # offset of the segment in the material
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence (line breaks removed), its pieces in the material, and its nearest heading."""

    text: str
    segments: tuple[Segment, ...]
    locator: str
    paragraph: int = 0  # index of the paragraph in the material, counted from 0

    def segment_holding(self, start: int, end: int) -> Segment | None:
        """The segment containing the whole span, or None when the span crosses a line break."""
        for segment in self.segments:
            if segment.start <= start and end <= segment.end:
                return segment
        return None


def bracket_levels(text: str) -> list[int]:
    """Per character, how many quote/bracket pairs enclose it (a pair's own marks are outside)."""
    levels: list[int] = []
    depth = 0
    for char in text:
        if char in OPENERS:
            levels.append(depth)
            depth += 1
        elif char in CLOSERS and depth > 0:
            depth -= 1
            levels.append(depth)
        else:  # a stray closer (unbalanced material) is ordinary text
            levels.append(depth)
    return levels


def sentence_spans(text: str) -> list[Span]:
    """Spans of the sentences of one paragraph.

    A sentence ends at 。！？!? outside any quote or bracket pair; closing quotes right after the
    terminal belong to the sentence they close (“……。” ends a sentence, “……。……” and
    《……？》 do not).
    """
    spans: list[Span] = []
    levels, start = bracket_levels(text), 0
    for match in _SENTENCE_END.finditer(text):
        if levels[match.end() - 1] == 0:
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    return [span for span in (_stripped(text, s, e) for s, e in spans) if span]


def _stripped(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def trim_span(text: str, start: int, end: int) -> Span:
    """The span without leading clause marks and trailing commas (terminals are kept)."""
    while start < end and text[start] in LEAD_TRIM:
        start += 1
    while end > start and text[end - 1] in TAIL_TRIM:
        end -= 1
    return start, end


def balanced_span(text: str, window: Span, keep: Span) -> Span:
    """The window shrunk so no quote is left half open, as long as ``keep`` stays inside."""
    start, end = window
    unclosed: list[int] = []
    for index in range(start, end):
        if text[index] in OPENERS:
            unclosed.append(index)
        elif text[index] in CLOSERS and unclosed and PAIRS[text[unclosed[-1]]] == text[index]:
            unclosed.pop()
        elif text[index] in CLOSERS and index < keep[0]:  # closes a quote opened before the window
            start = index + 1
    unclosed = [i for i in unclosed if i >= start]
    if unclosed and unclosed[0] >= keep[1]:  # opens a quote the window does not close
        end = unclosed[0]
    return trim_span(text, start, end)


def ends_paragraph(line: str) -> bool:
    """Whether a line ends at a sentence or list boundary rather than mid-clause."""
    stripped = line.rstrip("".join(CLOSERS) + " \t\u3000")
    return bool(stripped) and stripped[-1] in PARAGRAPH_ENDS


def is_heading(line: str, next_line: str, pending: bool) -> bool:
    """Whether a stripped line is a heading.

    Args:
        line: the line, stripped of surrounding whitespace.
        next_line: the next non-blank line ("" at the end).
        pending: whether the previous line stopped mid-sentence (so this one likely continues it).
    """
    if line.startswith("#"):
        return True
    if len(line) > HEADING_MAX or any(char in TERMINALS for char in line):
        return False
    if _NUMBERED_HEADING.match(line):
        return True
    if pending or ends_paragraph(line) or line[-1] in MID_SENTENCE_ENDINGS:
        return False
    if any(char in "，,；;、" for char in line):  # unmarked headings are rarely clauses
        return False
    # "……战斗力的" + "基础。……": the next line starts with the tail of this sentence.
    return not _TAIL_FRAGMENT.match(next_line)


def heading_text(line: str) -> str:
    """The heading without markdown marks and leading dashes."""
    return line.lstrip("#").strip().lstrip("—-–― \u3000").strip()


def _lines(text: str) -> list[Span]:
    """Spans of the non-blank lines of the material, surrounding whitespace excluded."""
    ends = [0]
    for raw in text.splitlines(keepends=True):
        ends.append(ends[-1] + len(raw))
    return [span for span in (_stripped(text, a, b) for a, b in pairwise(ends)) if span]


def _paragraphs(text: str) -> list[tuple[str, list[Span]]]:
    """Paragraphs as (nearest heading, material spans of their lines)."""
    lines = _lines(text)
    paragraphs: list[tuple[str, list[Span]]] = []
    current: list[Span] | None = None
    locator = DEFAULT_LOCATOR
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        following = text[slice(*lines[index + 1])] if index + 1 < len(lines) else ""
        if is_heading(line, following, pending=current is not None):
            current, locator = None, heading_text(line) or locator
            continue
        if current is None:
            current = []
            paragraphs.append((locator, current))
        current.append((start, end))
        if ends_paragraph(line):
            current = None
    return paragraphs


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the material, in order, with its pieces and nearest heading."""
    sentences: list[Sentence] = []
    for number, (locator, pieces) in enumerate(_paragraphs(text)):
        joined = "".join(text[s:e] for s, e in pieces)
        for start, end in sentence_spans(joined):
            segments = tuple(_segments(text, pieces, start, end))
            sentences.append(Sentence(joined[start:end], segments, locator, number))
    return sentences


def headings(text: str) -> list[tuple[int, str]]:
    """The headings of the material as (offset in the material, heading text), in order."""
    lines = _lines(text)
    found: list[tuple[int, str]] = []
    pending = False
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        following = text[slice(*lines[index + 1])] if index + 1 < len(lines) else ""
        if is_heading(line, following, pending=pending):
            found.append((start, heading_text(line)))
            pending = False
        else:
            pending = not ends_paragraph(line)
    return found


def _segments(text: str, pieces: list[Span], start: int, end: int) -> list[Segment]:
    segments: list[Segment] = []
    offset = 0  # where the current piece starts in the joined paragraph
    for piece_start, piece_end in pieces:
        lo, hi = max(start, offset), min(end, offset + piece_end - piece_start)
        if lo < hi:
            origin = piece_start + lo - offset
            segments.append(Segment(lo - start, origin, text[origin : origin + hi - lo]))
        offset += piece_end - piece_start
    return segments


def _is_mark(text: str, index: int, marks: frozenset[str]) -> bool:
    char = text[index]
    if char in ",:" and 0 < index < len(text) - 1:
        # "3,100" and "10:30" are numbers, not clause boundaries.
        return not (text[index - 1].isdigit() and text[index + 1].isdigit())
    return char in marks


def _region(levels: list[int], span: Span, depth: int, bounds: Span) -> Span:
    """The run of characters at ``depth`` or deeper around a span, inside ``bounds``."""
    (start, end), (lo, hi) = span, bounds
    while start > lo and levels[start - 1] >= depth:
        start -= 1
    while end < hi and levels[end] >= depth:
        end += 1
    return start, end


def clause_window(
    text: str, span: Span, max_len: int, min_len: int = 0, bounds: Span | None = None
) -> Span:
    """The clause of ``text`` around ``span``, widened by whole clauses up to ``min_len``.

    Clauses are cut only at marks on the span's own bracket level, so the window never opens a
    quote without closing it; a span inside a short quote counts as part of the quote's clause.
    When even one clause is longer than ``max_len`` the window is cut around the span.
    """
    levels = bracket_levels(text)
    depth = min(levels[span[0] : span[1]], default=0)
    region = _region(levels, span, depth, bounds or (0, len(text)))
    while depth > 0 and region[1] - region[0] <= max_len // 3:  # “3100场宣讲” is one word
        depth -= 1
        region = _region(levels, span, depth, bounds or (0, len(text)))
    for marks in (STRONG_MARKS, STRONG_MARKS | WEAK_MARKS):
        inner = (i + 1 for i in range(*region) if levels[i] == depth and _is_mark(text, i, marks))
        cuts = sorted({*region, *inner})
        window = (max(c for c in cuts if c <= span[0]), min(c for c in cuts if c >= span[1]))
        window = _widened(cuts, window, min_len, max_len)
        if window[1] - window[0] <= max_len:
            return trim_span(text, *window)
    return trim_span(text, *_cut_around(span, window, max_len))


def _cut_around(span: Span, clause: Span, max_len: int) -> Span:
    """At most ``max_len`` characters of a too-long clause, the span roughly in the middle."""
    a, b = span
    start = max(clause[0], a - max(0, max_len - (b - a)) // 2)
    end = min(clause[1], start + max_len)
    return max(clause[0], end - max_len), end


def _widened(cuts: list[int], window: Span, min_len: int, max_len: int) -> Span:
    start, end = window
    while end - start < min_len:
        left = max((c for c in cuts if c < start), default=None)
        right = min((c for c in cuts if c > end), default=None)
        # Widen leftwards first: the subject of a Chinese clause usually comes before the fact.
        if left is not None and end - left <= max_len:
            start = left
        elif right is not None and right - start <= max_len:
            end = right
        else:
            break
    return start, end


def clause_end(text: str, end: int) -> int:
    """Where the clause holding position ``end`` stops (at a mark or at its quote's close)."""
    levels = bracket_levels(text)
    depth = levels[end - 1] if end > 0 else 0
    index = end
    while (
        index < len(text)
        and levels[index] >= depth
        and not (levels[index] == depth and _is_mark(text, index, STRONG_MARKS))
    ):
        index += 1
    return index
