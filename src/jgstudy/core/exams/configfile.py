"""Loading a YAML configuration file (exam blueprint, competition) into a pydantic model.

Reading, decoding and safe parsing are the bank loader's, so a trainer sees the same limits and
the same ``file:line:col`` messages as for banks; every problem is collected before raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from jgstudy.core.banks.errors import BankErrors, PendingProblem
from jgstudy.core.banks.loader import decode_bank_text, parse_bank_text, read_bank_bytes
from jgstudy.core.banks.locate import locate
from jgstudy.core.banks.messages import describe
from jgstudy.core.text import msg

M = TypeVar("M", bound=BaseModel)
Checks = Callable[[M], list[PendingProblem]]


class ConfigErrors(BankErrors):
    """Every problem of a configuration file, each located at its line and column."""


def load_model(
    file: Path,
    model: type[M],
    checks: Checks[M] | None = None,
    patterns: Mapping[str, str] | None = None,
) -> M:
    """Read ``file`` and validate it as ``model``; ``checks`` adds cross-field problems.

    ``patterns`` maps a field name to the message shown when its value does not match the
    field's pattern (the default message speaks of ids).

    Raises:
        ConfigErrors: with every problem found.
    """
    try:
        text = decode_bank_text(file, read_bank_bytes(file))
        data = parse_bank_text(file, text)
    except BankErrors as errors:
        raise ConfigErrors(errors.problems) from errors
    value, pending = validate_model(data, model, checks, patterns)
    if value is None or pending:
        raise ConfigErrors(locate(file, text, pending))
    return value


def validate_model(
    data: Any,
    model: type[M],
    checks: Checks[M] | None = None,
    patterns: Mapping[str, str] | None = None,
) -> tuple[M | None, list[PendingProblem]]:
    """Validate parsed data; problems are returned with their path in the document."""
    if not isinstance(data, dict):
        return None, [PendingProblem((), msg("文件应为“键: 值”形式的映射"))]
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        return None, list(_from_validation(exc, patterns or {}))
    return value, checks(value) if checks else []


def _from_validation(exc: ValidationError, patterns: Mapping[str, str]) -> Iterator[PendingProblem]:
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        field = next((p for p in reversed(loc) if isinstance(p, str)), "")
        if error["type"].startswith("union_tag"):
            yield _union_tag(loc, error.get("ctx") or {})
        elif error["type"] == "string_pattern_mismatch" and field in patterns:
            yield PendingProblem(
                loc, msg("{field}：{problem}", field=field, problem=msg(patterns[field]))
            )
        else:
            yield PendingProblem(loc, describe(error))


def _union_tag(loc: tuple[str | int, ...], ctx: dict[str, Any]) -> PendingProblem:
    # The bank messages speak of question types; a config's unions are told apart by other keys.
    key = str(ctx.get("discriminator", "")).strip("'")
    if "tag" in ctx:
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        problem = msg(
            "{key} 取值无效：{tag}，应为 {expected}", key=key, tag=ctx["tag"], expected=expected
        )
        return PendingProblem((*loc, key), problem)
    return PendingProblem(loc, msg("缺少必填字段：{key}", key=key))
