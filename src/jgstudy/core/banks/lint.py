"""The bank lint (``jgstudy check --lint``): questions that give themselves away, and habits of
an author that a cadre learns to exploit. Each finding is a sentence a trainer understands, at the
question and field it concerns.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from jgstudy.core.banks.errors import Path_, Problem
from jgstudy.core.banks.lintbank import answer_letters, longest_answers
from jgstudy.core.banks.lintquestion import (
    dangling_picture,
    near_duplicates,
    stem_gives_answer,
    stem_points_at_answer,
    tag_gives_answer,
)
from jgstudy.core.banks.loader import LoadedBank
from jgstudy.core.banks.locate import place
from jgstudy.core.banks.yamlsafe import compose
from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.siblings import answers_stated_elsewhere, same_quotes
from jgstudy.core.text import N_, Msg, join, msg


class LintKind(StrEnum):
    """What a finding is about; the first five let a cadre answer without knowing."""

    SIBLING_LEAK = "sibling_leak"
    SAME_QUOTE = "same_quote"
    TAG_ANSWER = "tag_answer"
    STEM_ANSWER = "stem_answer"
    STEM_HINT = "stem_hint"
    NEAR_DUPLICATE = "near_duplicate"
    LONGEST_ANSWER = "longest_answer"
    ANSWER_LETTERS = "answer_letters"
    NO_PICTURE = "no_picture"


# Beyond this many stems stating one answer, the answer is the bank's common talk: one finding.
MAX_GIVERS = 2
# SAME_QUOTE is a sign of kinship (draws keep such questions apart), not a giveaway by itself.
LEAK_KINDS = frozenset(
    {
        LintKind.SIBLING_LEAK,
        LintKind.TAG_ANSWER,
        LintKind.STEM_ANSWER,
        LintKind.STEM_HINT,
    }
)
KIND_LABELS = {
    LintKind.SIBLING_LEAK: N_("互相泄露"),
    LintKind.SAME_QUOTE: N_("同一出处"),
    LintKind.TAG_ANSWER: N_("标签即答案"),
    LintKind.STEM_ANSWER: N_("题干含答案"),
    LintKind.STEM_HINT: N_("题干提示答案"),
    LintKind.NEAR_DUPLICATE: N_("题干雷同"),
    LintKind.LONGEST_ANSWER: N_("答案总是最长"),
    LintKind.ANSWER_LETTERS: N_("答案字母不均"),
    LintKind.NO_PICTURE: N_("缺少图片"),
}


@dataclass(frozen=True)
class Finding:
    """One lint finding: in bank ``bank`` (index into the banks linted), at ``path``."""

    kind: LintKind
    bank: int
    path: Path_
    message: str

    @property
    def is_leak(self) -> bool:
        return self.kind in LEAK_KINDS

    def text(self) -> Msg:
        return msg("[{kind}] {message}", kind=msg(KIND_LABELS[self.kind]), message=self.message)


def lint_banks(banks: Sequence[Bank], names: Sequence[str] | None = None) -> list[Finding]:
    """Every finding in ``banks``, linted together (a leak may cross banks).

    ``names`` (e.g. file names) say where the other question of a pair is; ids by default.
    """
    where = list(names) if names is not None else [b.id for b in banks]
    found = list(_leaks(banks, where))
    for index, bank in enumerate(banks):
        found += _per_question(index, bank)
        found += [
            Finding(kind, index, path, message)
            for kind, check in (
                (LintKind.LONGEST_ANSWER, longest_answers),
                (LintKind.ANSWER_LETTERS, answer_letters),
            )
            for path, message in check(bank.questions)
        ]
    return found


def _per_question(index: int, bank: Bank) -> Iterator[Finding]:
    checks = (
        (LintKind.STEM_ANSWER, stem_gives_answer),
        (LintKind.STEM_HINT, stem_points_at_answer),
        (LintKind.NO_PICTURE, dangling_picture),
    )
    for position, question in enumerate(bank.questions):
        at = ("questions", position)
        for kind, check in checks:
            for field, message in check(question):
                yield Finding(kind, index, (*at, field), message)
        # The bank's own tags name its chapter; a question's tags are the author's choice.
        for field, message in tag_gives_answer(question, question.tags):
            yield Finding(LintKind.TAG_ANSWER, index, (*at, field), message)
    for position, _other, message in near_duplicates(bank.questions):
        yield Finding(LintKind.NEAR_DUPLICATE, index, ("questions", position, "stem"), message)


def _leaks(banks: Sequence[Bank], where: list[str]) -> Iterator[Finding]:
    places: list[tuple[int, int]] = []
    questions: list[AnyQuestion] = []
    for b, bank in enumerate(banks):
        for q, question in enumerate(bank.questions):
            places.append((b, q))
            questions.append(question)
    for leak in same_quotes(questions):
        (tb, tq), giver = places[leak.taker], questions[leak.giver]
        message = msg(
            "{id} 与 {other} 引用同一句原文“{text}”，"
            "抽题时会自动错开；如两题互相提示，请改用不同的出处",
            id=questions[leak.taker].id,
            other=giver.id,
            text=leak.text,
        )
        yield Finding(LintKind.SAME_QUOTE, tb, ("questions", tq, "source"), message)
    # Per answer, not find_leaks' pairs: a common answer word makes millions of them.
    for taker, text, givers in answers_stated_elsewhere(questions):
        yield from _leak_findings(questions, places, where, taker, text, givers)


def _leak_findings(
    questions: list[AnyQuestion],
    places: list[tuple[int, int]],
    where: list[str],
    taker: int,
    text: str,
    givers: list[int],
) -> Iterator[Finding]:
    question = questions[taker]
    tb, tq = places[taker]
    if len(givers) > MAX_GIVERS:
        ids: Msg = join("、", [questions[g].id for g in givers[:6]])
        if len(givers) > 6:
            ids = msg("{ids}…", ids=ids)
        message = msg(
            "{id} 的答案“{text}”出现在 {count} 道题的题干中（{ids}），"
            "几乎任何一套题都会泄露它：请改问更具体的事实",
            id=question.id,
            text=text,
            count=len(givers),
            ids=ids,
        )
        yield Finding(LintKind.SIBLING_LEAK, tb, ("questions", tq, "stem"), message)
        return
    for giver in givers:
        gb, gq = places[giver]
        template = (
            N_(
                "{giver} 的题干写出了 {id} 的答案“{text}”，两题同卷时一题泄露另一题的答案：请改写题干"
            )
            if gb == tb
            else N_(
                "{giver} 的题干写出了 {id}（{bank}）的答案“{text}”，"
                "两题同卷时一题泄露另一题的答案：请改写题干"
            )
        )
        message = msg(
            template, giver=questions[giver].id, id=question.id, bank=where[tb], text=text
        )
        yield Finding(LintKind.SIBLING_LEAK, gb, ("questions", gq, "stem"), message)


@dataclass(frozen=True)
class LocatedFinding:
    """A finding and where it is in its file."""

    finding: Finding
    problem: Problem

    def __str__(self) -> str:
        return str(self.problem)


def lint_loaded(loaded: Sequence[LoadedBank]) -> list[LocatedFinding]:
    """Lint validated bank files together; each finding placed at its file's line and column."""
    findings = lint_banks([b.bank for b in loaded], [b.path.name for b in loaded])
    result: list[LocatedFinding] = []
    for index, bank in enumerate(loaded):
        mine = [f for f in findings if f.bank == index]
        if not mine:
            continue
        text = bank.path.read_text(encoding="utf-8-sig")
        root = compose(text)
        result += [LocatedFinding(f, place(bank.path, root, f.path, f.text())) for f in mine]
    return sorted(result, key=lambda f: (str(f.problem.file), f.problem.line, f.problem.column))
