"""How many questions of a shipped bank `jgstudy draft` would have proposed from its material.

    uv run python scripts/draft_vs_bank.py ../shared/material/000_de40bf9945346dd4.txt question_banks/wh2025

A shipped question counts as proposed when a drafted candidate (in any of its forms) asks the same
fact: the candidate's answer text is one of the question's answer texts, and the two quotes share
a run of at least eight characters of the material (a judge item: the quotes alone). Short-answer
questions are left out: drafting makes none.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from jgstudy.core.banks import load_bank
from jgstudy.core.drafting import Candidate, draft_candidates
from jgstudy.core.drafting.material import read_material
from jgstudy.core.model import AnyQuestion, FillQuestion, MultipleQuestion, SingleQuestion

SHARED_RUN = 8


def answer_texts(question: AnyQuestion) -> set[str]:
    if isinstance(question, FillQuestion):
        return {a for blank in question.blanks for a in blank}
    if isinstance(question, SingleQuestion):
        return {question.options[question.answer]}
    if isinstance(question, MultipleQuestion):
        return {question.options[key] for key in question.answer}
    return set()


def shares_run(a: str, b: str) -> bool:
    return any(a[i : i + SHARED_RUN] in b for i in range(max(0, len(a) - SHARED_RUN + 1)))


def proposed(question: AnyQuestion, candidates: list[Candidate]) -> bool:
    quote = question.source.quote if question.source else ""
    texts = answer_texts(question)
    for candidate in candidates:
        asks = any(a in texts or any(a in t or t in a for t in texts) for a in candidate.answers)
        same_place = bool(quote) and shares_run(candidate.quote, quote)
        if same_place and (asks or not texts):
            return True
    return False


def main(material: Path, bank_folder: Path) -> None:
    candidates = draft_candidates(read_material(material))
    every = [q for f in sorted(bank_folder.glob("*.yaml")) for q in load_bank(f).bank.questions]
    questions = [q for q in every if q.type != "short"]  # drafting makes no short answers
    hits = Counter(q.type for q in questions if proposed(q, candidates))
    totals = Counter(q.type for q in questions)
    print(f"drafted candidates: {len(candidates)}")
    print(f"shipped questions proposed by the draft: {sum(hits.values())} of {len(questions)}")
    for qtype, total in sorted(totals.items()):
        print(f"  {qtype:9} {hits[qtype]:4} of {total}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
