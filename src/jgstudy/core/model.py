"""Domain objects of a question bank, validated by pydantic.

These are plain immutable values: storage, sessions and the GUI all read them, and none of them
knows about YAML or the database.
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    field_validator,
)
from pydantic_core import PydanticCustomError

from jgstudy.core.text import N_, join, msg

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
OPTION_KEYS = "ABCDEFGH"

# C0/C1 controls (bar tab and newline) and bidi overrides: they can drive a terminal (OSC 52
# writes the clipboard) or make text read differently from what it says.
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The error's template; core.banks.messages formats it as a message of its own.
HIDDEN_CHARACTERS = N_("含有不可见的控制字符 U+{code}（第 {position} 个字符），请删除")


def _visible(value: str) -> str:
    # Printable text (str.isprintable, in C) has none of _HIDDEN's characters: they are all
    # control (Cc) or format (Cf) characters, which are not printable (a test checks every
    # code point). Most text is, and every text field of every imported question comes here.
    if value.isprintable():
        return value
    match = _HIDDEN.search(value)
    if match:
        raise PydanticCustomError(
            "hidden_characters",
            HIDDEN_CHARACTERS,
            {"code": f"{ord(match.group()):04X}", "position": match.start() + 1},
        )
    return value


Ident = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(_visible)]
OptionKey = Literal["A", "B", "C", "D", "E", "F", "G", "H"]


class QType(StrEnum):
    """The five question types."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    JUDGE = "judge"
    FILL = "fill"
    SHORT = "short"


QTYPE_LABELS = {
    QType.SINGLE: N_("单选"),
    QType.MULTIPLE: N_("多选"),
    QType.JUDGE: N_("判断"),
    QType.FILL: N_("填空"),
    QType.SHORT: N_("简答"),
}


class MultipleScoring(StrEnum):
    """How a multiple-choice answer that is partly right is scored."""

    ALL_OR_NOTHING = "all_or_nothing"
    PARTIAL = "partial"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    """Where in the material a question comes from."""

    locator: Text
    quote: Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_visible)]


class Keyword(_Frozen):
    """A scoring keyword of a short-answer question."""

    word: Text
    points: float = Field(default=1.0, gt=0)
    aliases: tuple[Text, ...] = ()


class _QuestionBase(_Frozen):
    id: Ident
    stem: Text
    explanation: Text
    tags: tuple[Text, ...] = ()
    difficulty: int = Field(default=2, ge=1, le=5)
    points: float = Field(default=1.0, gt=0)
    source: Source | None = None
    image: str | None = None
    status: Literal["draft"] | None = None

    def content_hash(self) -> str:
        """A digest of everything a cadre sees; changes when the author edits the question.

        Defined as the SHA-256 of ``model_dump_json().encode()``. That text is the serializer's
        bytes decoded, so the bytes are hashed as they come (the same digest, without
        ``model_dump_json``'s keyword handling and the decode/encode round trip: a cold import
        computes it for every question; tests/core/test_question_json.py checks the identity).
        """
        return hashlib.sha256(self.__pydantic_serializer__.to_json(self)).hexdigest()[:16]

    def stored_json(self) -> str:
        """The question as the database stores it: ``model_dump_json(exclude_defaults=True)``,
        straight from the serializer."""
        return self.__pydantic_serializer__.to_json(self, exclude_defaults=True).decode()


class SingleQuestion(_QuestionBase):
    type: Literal["single"]
    options: dict[OptionKey, Text] = Field(min_length=2, max_length=8)
    answer: OptionKey


class MultipleQuestion(_QuestionBase):
    type: Literal["multiple"]
    options: dict[OptionKey, Text] = Field(min_length=2, max_length=8)
    answer: tuple[OptionKey, ...] = Field(min_length=1)


class JudgeQuestion(_QuestionBase):
    type: Literal["judge"]
    answer: bool


class FillQuestion(_QuestionBase):
    type: Literal["fill"]
    blanks: tuple[tuple[Text, ...], ...] = Field(min_length=1)

    @field_validator("blanks", mode="before")
    @classmethod
    def _single_answers_as_lists(cls, value: object) -> object:
        # A blank with one accepted answer may be written as a plain string.
        if isinstance(value, list):
            return [[v] if isinstance(v, str | int | float) else v for v in value]
        return value


class ShortQuestion(_QuestionBase):
    type: Literal["short"]
    reference: Text
    keywords: tuple[Keyword, ...] = ()


Question = Annotated[
    SingleQuestion | MultipleQuestion | JudgeQuestion | FillQuestion | ShortQuestion,
    Field(discriminator="type"),
]
AnyQuestion = SingleQuestion | MultipleQuestion | JudgeQuestion | FillQuestion | ShortQuestion
# One adapter for the whole app: building its validator costs tens of milliseconds at start-up.
QUESTION_ADAPTER: TypeAdapter[AnyQuestion] = TypeAdapter(Question)

_BLANK_RE = re.compile(r"\{\{\s*(\d+)\s*\}\}|（[ \u3000]*）|\([ \u3000]*\)")


def blank_spans(stem: str) -> list[tuple[int, int]]:
    """Character spans of the blanks marked in a fill stem, in order."""
    return [m.span() for m in _BLANK_RE.finditer(stem)]


# How a blank shows inside a stem; the stem is Chinese content, so English keeps this form too.
BLANK_MARK = N_("（____）")


def display_stem(stem: str, blank: str = BLANK_MARK) -> str:
    """The stem as a cadre sees it, each blank marker replaced by ``blank``."""
    return _BLANK_RE.sub(blank, stem)


def split_stem(stem: str) -> list[str]:
    """The stem's text around its blanks: ``len(blanks) + 1`` pieces."""
    return _BLANK_RE.split(stem)[:: _BLANK_RE.groups + 1]


class SourceRef(_Frozen):
    """The material a whole bank was made from."""

    title: str | None = None
    file: str | None = None
    date: str | None = None


class BankHeader(_Frozen):
    """Everything in a bank file but its questions."""

    format: Literal[1]
    id: Ident
    title: Text
    description: str | None = None
    version: str | None = None
    authors: tuple[str, ...] = ()
    source: SourceRef | None = None
    tags: tuple[Text, ...] = ()
    multiple_scoring: MultipleScoring = MultipleScoring.ALL_OR_NOTHING


class Bank(BankHeader):
    """A validated bank: header plus questions."""

    questions: tuple[Question, ...]

    def question_tags(self, question: AnyQuestion) -> tuple[str, ...]:
        """The question's own tags after the bank's, without repeats."""
        return tuple(dict.fromkeys((*self.tags, *question.tags)))


def correct_answer_text(question: AnyQuestion) -> str:
    """The correct answer as a cadre reads it (e.g. ``ACD``, ``正确``, ``3100；12``)."""
    if isinstance(question, SingleQuestion):
        return question.answer
    if isinstance(question, MultipleQuestion):
        return "".join(sorted(question.answer))
    if isinstance(question, JudgeQuestion):
        return msg("正确") if question.answer else msg("错误")
    if isinstance(question, FillQuestion):
        return join("；", (accepted[0] for accepted in question.blanks))
    return question.reference
