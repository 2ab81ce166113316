"""A bank as clean YAML in the style of the bundled banks, keys in the documented order."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

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
from jgstudy.core.paths import resources

_SHORT_OPTIONS = 90  # options this long in all fit on one line, as in the bundled banks


class _Flow(dict[str, Any]):
    """A mapping written on one line: ``{A: …, B: …}``."""


class _FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


def bank_yaml(bank: Bank, target: Path) -> str:
    """The YAML text of ``bank``, with a schema line that works from ``target``'s folder."""
    body = yaml.dump(
        bank_dict(bank), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000
    )
    head, marker, questions = body.partition("\nquestions:\n")
    # A blank line between questions as in hand-written banks; inside the question list a line
    # starting with "  - id: " can only begin a question (their texts are indented further).
    questions = re.sub(r"\n(  - id: )", r"\n\n\1", questions)
    return f"# yaml-language-server: $schema={schema_ref(target)}\n{head}{marker}{questions}"


def schema_ref(target: Path) -> str:
    schema = resources() / "schema" / "bank.schema.json"
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def bank_dict(bank: Bank) -> dict[str, Any]:
    """The bank as plain data in the order of docs/bank-format.md, defaults left out."""
    data: dict[str, Any] = {"format": 1, "id": bank.id, "title": bank.title}
    optional: dict[str, Any] = {
        "description": bank.description,
        "version": bank.version,
        "authors": _FlowList(bank.authors),
        "source": bank.source and _Flow(bank.source.model_dump(exclude_none=True)),
        "tags": _FlowList(bank.tags),
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
        data["tags"] = _FlowList(question.tags)
    data["difficulty"] = question.difficulty
    if question.points != 1:
        data["points"] = format_number(question.points)
    if question.source is not None:
        data["source"] = _Flow(question.source.model_dump())
    for key in ("image", "status"):
        if getattr(question, key) is not None:
            data[key] = getattr(question, key)
    return data


def _body(question: AnyQuestion) -> dict[str, Any]:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        options = {str(key): text for key, text in question.options.items()}
        short = sum(len(text) for text in options.values()) <= _SHORT_OPTIONS
        answer = question.answer
        return {
            "options": _Flow(options) if short else options,
            "answer": answer if isinstance(answer, str) else _FlowList(answer),
        }
    if isinstance(question, JudgeQuestion):
        return {"answer": question.answer}
    if isinstance(question, FillQuestion):
        return {"blanks": _FlowList(_FlowList(accepted) for accepted in question.blanks)}
    body: dict[str, Any] = {"reference": question.reference}
    if question.keywords:
        body["keywords"] = [_keyword(k) for k in question.keywords]
    return body


def _keyword(keyword: Keyword) -> _Flow:
    data = _Flow(word=keyword.word, points=format_number(keyword.points))
    if keyword.aliases:
        data["aliases"] = _FlowList(keyword.aliases)
    return data


class _Dumper(yaml.SafeDumper):
    """Safe YAML only; list items indented under their key as in the bundled banks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Several lines read best as a literal block; PyYAML falls back to quotes where it must.
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(_FlowList, _represent_flow_list)
_Dumper.add_representer(str, _represent_str)
