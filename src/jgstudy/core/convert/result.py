"""What reading any question source gives: the questions ready, the refusals, the notices.

Every reader — spreadsheets, CSV, GIFT, Aiken, YAML, and question papers — ends in one
:class:`Conversion`. The desktop's import preview shows it and imports only on confirmation; the
CLI prints it and writes the bank. Nothing is left out of it silently: every input row or block is
either a :class:`ReadyQuestion` or a located refusal, and whatever was changed, guessed or ignored
on the way is a located notice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from jgstudy.core.convert.entries import RowProblem
from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.text import N_, Msg, join, msg

DERIVED_ID_NOTICE = N_(
    "文件没有写题库编号，按标题“{title}”取为 {id}；转换新版本时请输出到同一个"
    "题库文件（或用 --bank-id 指定同一编号），否则会成为另一个题库"
)


@dataclass(frozen=True)
class ReadyQuestion:
    """A question that converted, with where it came from and what was changed on the way."""

    question: AnyQuestion
    row: int | None
    sheet: str | None = None
    notices: tuple[str, ...] = ()

    def place(self) -> str:
        """``工作表“题目”第 5 行`` or ``第 5 行``, as a trainer finds it in the source."""
        return RowProblem(Path(), self.row, "", sheet=self.sheet).place()


@dataclass(frozen=True)
class IdReport:
    """How the questions' ids relate to an existing version of the bank (matched by stem).

    Attributes:
        bank_id: the existing bank the questions were matched against.
        matched: ids of questions found in the existing bank: their history stays with them.
        new: ids of questions the existing bank does not have.
        vanished: ids of existing questions this version no longer holds (retired on import,
            their history kept).
        edited: ids whose stem differs from the existing question of the same id (an 编号
            column written on purpose, e.g. by ``jgstudy convert`` to .xlsx).
    """

    bank_id: str
    matched: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    vanished: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()

    def summary(self) -> Msg:
        text = msg(
            "与已有题库 {bank} 对照：{matched} 题已匹配（作答记录保留），{new} 题新增，"
            "{vanished} 题在新版本中没有（导入后停用，记录保留）",
            bank=self.bank_id,
            matched=len(self.matched),
            new=len(self.new),
            vanished=len(self.vanished),
        )
        if self.edited:
            edited = msg("{count} 题按编号对应但题干有改动", count=len(self.edited))
            return join("，", [text, edited])
        return text


@dataclass(frozen=True)
class Conversion:
    """One source read and checked.

    Attributes:
        source: the file read.
        format: the reader used (``xlsx``, ``csv``, ``gift``, ``aiken``, ``yaml``, or a plugged-in
            one such as a question paper reader).
        bank: the bank of the ready questions; None when its header (id, title…) is invalid —
            the reason is among ``refused``.
        ready: the questions that converted, in source order.
        refused: located reasons why rows or blocks were not converted (or the whole file).
        notices: located notes on what was changed, guessed, ignored or skipped (per row where
            it concerns one question).
        ids: how the ids relate to the existing bank, when one was given.
    """

    source: Path
    format: str
    bank: Bank | None
    ready: tuple[ReadyQuestion, ...] = ()
    refused: tuple[RowProblem, ...] = ()
    notices: tuple[RowProblem, ...] = ()
    ids: IdReport | None = None

    @property
    def questions(self) -> tuple[AnyQuestion, ...]:
        return tuple(item.question for item in self.ready)

    @property
    def importable(self) -> bool:
        """True when there is a valid bank with at least one question to import."""
        return self.bank is not None and bool(self.ready)

    def everything(self) -> Iterator[tuple[str, RowProblem]]:
        """Refusals and notices as (``refused`` | ``notice``, message) by place in the source."""
        tagged = [("refused", p) for p in self.refused] + [("notice", p) for p in self.notices]
        yield from sorted(tagged, key=lambda t: (t[1].sheet or "", t[1].row or 0))

    def with_bank(self, bank: Bank, ids: IdReport | None, notices: list[RowProblem]) -> Conversion:
        """This conversion with its questions renamed onto ``bank`` (see :mod:`.ids`)."""
        pairs = zip(self.ready, bank.questions, strict=True)
        ready = tuple(replace(item, question=question) for item, question in pairs)
        # The guess at a bank id for a bank of its own no longer applies.
        kept = tuple(
            p for p in self.notices if getattr(p.message, "template", "") != DERIVED_ID_NOTICE
        )
        return replace(self, bank=bank, ready=ready, ids=ids, notices=(*kept, *notices))
