"""A bank as clean YAML, keys in the documented order (the style: :mod:`jgstudy.core.banks.yamlstyle`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jgstudy.core.banks.yamlstyle import Flow, FlowList, dump_bank, is_short_texts
from jgstudy.core.convert.syntax import format_number
from jgstudy.core.model import (
    AnyQuestion,
    Bank,
    FillQuestion,
    JudgeQuestion,
    Keyword,
    MultipleQuestion,
    MultipleScoring,
    SingleQuestion,
)


def bank_yaml(bank: Bank, target: Path) -> str:
    """The YAML text of ``bank``, with a schema line that works from ``target``'s folder."""
    return dump_bank(bank_dict(bank), target)


def bank_dict(bank: Bank) -> dict[str, Any]:
    """The bank as plain data in the order of docs/bank-format.md, defaults left out."""
    data: dict[str, Any] = {"format": 1, "id": bank.id, "title": bank.title}
    optional: dict[str, Any] = {
        "description": bank.description,
        "version": bank.version,
        "authors": FlowList(bank.authors),
        "source": bank.source and Flow(bank.source.model_dump(exclude_none=True)),
        "tags": FlowList(bank.tags),
    }
    data.update({k: v for k, v in optional.items() if v})
    if bank.multiple_scoring is not MultipleScoring.ALL_OR_NOTHING:
        data["multiple_scoring"] = bank.multiple_scoring.value
    data["questions"] = [question_dict(q) for q in bank.questions]
    return data


def question_dict(question: AnyQuestion) -> dict[str, Any]:
    """One question in the documented key order; default points and empty lists left out."""
    data: dict[str, Any] = {"id": question.id, "type": question.type, "stem": question.stem}
    data.update(_body(question))
    data["explanation"] = question.explanation
    if question.tags:
        data["tags"] = FlowList(question.tags)
    data["difficulty"] = question.difficulty
    if question.points != 1:
        data["points"] = format_number(question.points)
    if question.source is not None:
        data["source"] = Flow(question.source.model_dump())
    for key in ("image", "status"):
        if getattr(question, key) is not None:
            data[key] = getattr(question, key)
    return data


def _body(question: AnyQuestion) -> dict[str, Any]:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        options = {str(key): text for key, text in question.options.items()}
        short = is_short_texts(list(options.values()))
        answer = question.answer
        return {
            "options": Flow(options) if short else options,
            "answer": answer if isinstance(answer, str) else FlowList(answer),
        }
    if isinstance(question, JudgeQuestion):
        return {"answer": question.answer}
    if isinstance(question, FillQuestion):
        return {"blanks": FlowList(FlowList(accepted) for accepted in question.blanks)}
    body: dict[str, Any] = {"reference": question.reference}
    if question.keywords:
        body["keywords"] = [_keyword(k) for k in question.keywords]
    return body


def _keyword(keyword: Keyword) -> Flow:
    data = Flow(word=keyword.word, points=format_number(keyword.points))
    if keyword.aliases:
        data["aliases"] = FlowList(keyword.aliases)
    return data
