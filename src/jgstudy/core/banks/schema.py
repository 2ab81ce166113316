"""The bank format as a JSON Schema, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from jgstudy.core.model import Bank


def bank_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a bank file, for editors' completion and checks."""
    schema = Bank.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "jgstudy 题库 (question bank), format 1"
    return schema
