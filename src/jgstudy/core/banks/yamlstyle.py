"""The bank YAML style: the one place that decides how a bank is written out.

Every writer of bank files uses it: conversion (convert/yaml_out.py), drafting from material
(drafting/draft.py) and the editor (banks/editfiles.py, which edits with ruamel.yaml to keep the
author's comments and follows the same rules). The style is that of the bundled banks:

* list items indented under their key (``questions:`` then ``  - id: …``), a blank line between
  questions;
* short values on one line: a list of texts (``[a, b]``), a list of such lists (blanks), and a
  mapping of texts no longer than :data:`SHORT_OPTIONS` characters in all (``{A: …, B: …}``);
  :class:`Flow` and :class:`FlowList` ask for one line whatever their content;
* text of several lines as a literal block (``|``);
* a first line naming the JSON Schema, so that editors check and complete the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Final

import yaml

from jgstudy.core.paths import resources

SHORT_OPTIONS: Final = 90  # texts this long in all fit on one line, as in the bundled banks


class Flow(dict[str, Any]):
    """A mapping written on one line: ``{A: …, B: …}``."""


class FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


def dump_bank(data: dict[str, Any], target: Path | None = None, header: str = "") -> str:
    """The YAML text of a bank given as plain data in the documented key order.

    ``header`` (comment lines) follows the schema line, which works from ``target``'s folder
    (no schema line without a target).
    """
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    head, marker, questions = body.partition("\nquestions:\n")
    # A blank line between questions as in hand-written banks; inside the question list a line
    # starting with "  - id: " can only begin a question (their texts are indented further).
    questions = re.sub(r"\n(  - id: )", r"\n\n\1", questions)
    schema = f"{schema_line(target)}\n" if target is not None else ""
    return f"{schema}{header}{head}{marker}{questions}"


def schema_line(target: Path) -> str:
    """The comment that points YAML editors at the bank schema."""
    return f"# yaml-language-server: $schema={schema_ref(target)}"


def schema_ref(target: Path) -> str:
    schema = resources() / "schema" / "bank.schema.json"
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def is_short_texts(values: list[Any]) -> bool:
    """Texts that fit on one line together (the rule for options and other mappings)."""
    return all(isinstance(v, str) and "\n" not in v for v in values) and (
        sum(len(v) for v in values) <= SHORT_OPTIONS
    )


class _Dumper(yaml.SafeDumper):
    """Safe YAML only; list items indented under their key as in the bundled banks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow(dumper: yaml.SafeDumper, data: Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, data: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flat = all(isinstance(item, str) or _is_text_list(item) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    short = bool(data) and is_short_texts(list(data.values()))
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=short)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Several lines read best as a literal block; PyYAML falls back to quotes where it must.
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _is_text_list(item: object) -> bool:
    return isinstance(item, list) and all(isinstance(value, str) for value in item)


_Dumper.add_representer(Flow, _represent_flow)
_Dumper.add_representer(FlowList, _represent_flow_list)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)
