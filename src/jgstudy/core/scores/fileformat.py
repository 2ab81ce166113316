"""The portable scores file: one cadre's history, to carry from a desktop to the trainer's database.

JSON (gzip-compressed when the name ends in ``.gz``)::

    {"format": "jgstudy-scores", "version": 1, "exported_at": "...",
     "profile": {"name", "unit", "role"},
     "questions": [{"bank_id", "qid", "content_hash"}, ...],
     "attempts": [{"uid", "kind", "title", "config", "state", "started_at", ...}, ...],
     "review_logs": [{"uid", "question": <index into questions>, "attempt": <attempt uid>, ...}],
     "cards": [{"question": <index>, "state", "stability", ..., "reps", "lapses", ...}]}

Questions are named by (bank id, question id), never by database key, so the file means the same
in any database holding the same banks. Times are ISO 8601 with their UTC offset.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Final, Literal, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    model_validator,
)

FORMAT: Final = "jgstudy-scores"
VERSION: Final = 1


class ScoresFileError(Exception):
    """A file that is not a scores file this jgstudy can read; the message says why."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Profile(_Model):
    name: str = Field(min_length=1, max_length=100)
    unit: str = Field(default="", max_length=200)
    role: str = Field(default="cadre", max_length=20)


class QuestionRef(_Model):
    bank_id: str
    qid: str
    content_hash: str


class AttemptEntry(_Model):
    """An exam, drill or practice attempt; ``config`` and ``state`` are its stored JSON texts."""

    uid: str = Field(min_length=1, max_length=32)
    kind: str
    title: str = ""
    config: str = "{}"
    state: str = "{}"
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    score: float = 0.0
    max_score: float = 0.0


class LogEntry(_Model):
    """One answer; ``answer`` is the JSON form of the response (see core.grading)."""

    uid: str = Field(min_length=1, max_length=32)
    question: int = Field(ge=0)
    attempt: str | None = None
    answer: JsonValue
    correct: bool
    score: float
    rating: int = Field(ge=1, le=4)
    duration_ms: int = Field(ge=0)
    reviewed_at: AwareDatetime


class CardEntry(_Model):
    """A card's FSRS state and counters as they were on the exporting desktop."""

    question: int = Field(ge=0)
    state: int
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: AwareDatetime
    last_review: AwareDatetime | None = None
    reps: int = Field(default=0, ge=0)
    lapses: int = Field(default=0, ge=0)
    right_streak: int = Field(default=0, ge=0)
    in_wrong_book: bool = False
    first_reviewed_at: AwareDatetime | None = None


class ScoresFile(_Model):
    format: Literal["jgstudy-scores"] = FORMAT
    version: Literal[1] = VERSION
    exported_at: AwareDatetime
    profile: Profile
    questions: tuple[QuestionRef, ...] = ()
    attempts: tuple[AttemptEntry, ...] = ()
    review_logs: tuple[LogEntry, ...] = ()
    cards: tuple[CardEntry, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        count = len(self.questions)
        used = [e.question for e in self.review_logs] + [c.question for c in self.cards]
        bad = [index for index in used if index >= count]
        if bad:
            raise ValueError(f"question index {bad[0]} out of range (file has {count} questions)")
        return self


def dump(scores: ScoresFile, path: Path) -> None:
    """Write ``scores`` to ``path``; gzip-compressed when the name ends in ``.gz``."""
    data = scores.model_dump_json(exclude_none=True).encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def load(path: Path) -> ScoresFile:
    """Read and validate a scores file.

    Raises:
        ScoresFileError: when it is unreadable, not a scores file, of a newer version, or invalid.
    """
    try:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    except (OSError, ValueError, EOFError) as exc:
        raise ScoresFileError(f"{path.name}：无法读取（{exc}）") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScoresFileError(f"{path.name}：不是 jgstudy 成绩文件")
    if data.get("version") != VERSION:
        raise ScoresFileError(
            f"{path.name}：成绩文件版本 {data.get('version')} 不受支持（本程序读取版本 {VERSION}）"
        )
    try:
        return ScoresFile.model_validate(data)
    except ValidationError as exc:
        raise ScoresFileError(f"{path.name}：内容有误（{exc.error_count()} 处）：{exc}") from exc
