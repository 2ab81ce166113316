"""Chinese word boundaries (jieba), so blanks and quotes never start or end inside a word.

jieba is loaded on first use: its dictionary takes about a second to load, which only drafting
pays for.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

Span = tuple[int, int]


def preload() -> None:
    """Import jieba on this (the main) thread; the dictionary still loads on first use.

    Drafting runs on a worker thread, and compiling jieba's large tables there (first import,
    no bytecode yet) once crashed the test process with a segfault in the compiler; the
    desktop imports it when the draft dialog opens instead.
    """
    import jieba  # noqa: F401


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces building its prefix dictionary otherwise
    return jieba.Tokenizer()


@lru_cache(maxsize=4096)
def boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a word starts or ends (0 and ``len(text)`` included)."""
    cuts = {0, len(text)}
    position = 0
    for word in _tokenizer().cut(text, HMM=True):
        position += len(word)
        cuts.add(position)
    return frozenset(cuts)


def on_boundaries(text: str, span: Span) -> bool:
    """Whether both ends of ``span`` fall between words of ``text``."""
    cuts = boundaries(text)
    return span[0] in cuts and span[1] in cuts


def snap_inside(text: str, span: Span, keep: Span) -> Span:
    """``span`` shrunk to word boundaries, never past ``keep`` (the part that must stay)."""
    cuts = boundaries(text)
    start, end = span
    while start not in cuts and start < keep[0]:
        start += 1
    while end not in cuts and end > keep[1]:
        end -= 1
    return start, end
