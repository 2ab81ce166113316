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

A file comes from outside and is validated completely before anything is written: every field
has a type and a range (enums, finite non-negative numbers, dates between 2000 and 2100, texts
and lists of bounded size), uids are unique within the file, names are cleaned as everywhere
(:mod:`jgstudy.core.names`). The file itself is capped (:data:`MAX_BYTES`, also after gzip
decompression, read in pieces so a small bomb never expands in memory); too deep a JSON nesting
is refused. Each problem is reported with where it is (``review_logs[3].score``).
"""

from __future__ import annotations

import gzip
import json
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from jgstudy.core.errors import InputError
from jgstudy.core.names import MAX_NAME, MAX_UNIT, clean_name, clean_unit
from jgstudy.core.text import N_, join, msg

FORMAT: Final = "jgstudy-scores"
VERSION: Final = 1
MAX_BYTES: Final = 64 * 1024 * 1024  # a cadre's years of answers take a few MB
MAX_ITEMS: Final = 1_000_000
MAX_JSON_TEXT: Final = 1_000_000  # an attempt's config or state
MAX_PROBLEMS_SHOWN: Final = 20
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_LATEST = datetime(2100, 1, 1, tzinfo=UTC)


class ScoresFileError(InputError):
    """A file that is not a scores file this jgstudy can read; the message says why and where."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message  # a Msg an interface translates; str(error) is its Chinese
        self.problems = problems


def _sane_time(value: datetime) -> datetime:
    if not _EARLIEST <= value < _LATEST:
        raise ValueError(msg("时间 {time} 不在 2000 年至 2100 年之间", time=value.isoformat()))
    return value


def _json_object_text(value: str) -> str:
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError) as exc:
        raise ValueError(msg("不是有效的 JSON 文本")) from exc
    if not isinstance(parsed, dict):
        raise ValueError(msg("应为 JSON 对象"))
    return value


def _bounded_json(value: JsonValue) -> JsonValue:
    if len(json.dumps(value, ensure_ascii=False)) > 100_000:
        raise ValueError(msg("作答内容过长"))
    return value


Time = Annotated[AwareDatetime, AfterValidator(_sane_time)]
Uid = Annotated[str, Field(pattern=r"^[0-9A-Za-z_-]{1,32}$")]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Points = Annotated[float, Field(ge=0, le=1_000_000)]
JsonText = Annotated[str, Field(max_length=MAX_JSON_TEXT), AfterValidator(_json_object_text)]
Key = Annotated[str, Field(min_length=1, max_length=64)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, strict=False)


class Profile(_Model):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    unit: str = Field(default="", max_length=MAX_UNIT)
    role: Literal["cadre", "trainer", "admin"] = "cadre"

    @field_validator("name")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        return clean_name(value)

    @field_validator("unit")
    @classmethod
    def _clean_unit(cls, value: str) -> str:
        return clean_unit(value)


class QuestionRef(_Model):
    bank_id: Key
    qid: Key
    content_hash: str = Field(max_length=64)


class AttemptEntry(_Model):
    """An exam, drill or practice attempt; ``config`` and ``state`` are its stored JSON texts."""

    uid: Uid
    kind: str = Field(pattern=r"^[a-z_]{1,20}$")
    title: str = Field(default="", max_length=300)
    config: JsonText = "{}"
    state: JsonText = "{}"
    started_at: Time
    finished_at: Time | None = None
    score: Points = 0.0
    max_score: Points = 0.0


class LogEntry(_Model):
    """One answer; ``answer`` is the JSON form of the response (see core.grading)."""

    uid: Uid
    question: int = Field(ge=0, lt=MAX_ITEMS)
    attempt: Uid | None = None
    answer: Annotated[JsonValue, AfterValidator(_bounded_json)]
    correct: bool
    score: Points
    rating: int = Field(ge=1, le=4)
    duration_ms: int = Field(ge=0, le=7 * 24 * 3600 * 1000)
    reviewed_at: Time


class CardEntry(_Model):
    """A card's FSRS state and counters as they were on the exporting desktop."""

    question: int = Field(ge=0, lt=MAX_ITEMS)
    state: Literal[1, 2, 3]  # FSRS: learning, review, relearning
    step: int | None = Field(default=None, ge=0, le=100)
    stability: float | None = Field(default=None, gt=0, le=1_000_000)
    difficulty: float | None = Field(default=None, ge=1, le=10)
    due: Time
    last_review: Time | None = None
    reps: Count = 0
    lapses: Count = 0
    right_streak: Count = 0
    in_wrong_book: bool = False
    first_reviewed_at: Time | None = None


class ScoresFile(_Model):
    format: Literal["jgstudy-scores"] = FORMAT
    version: Literal[1] = VERSION
    exported_at: Time
    profile: Profile
    questions: tuple[QuestionRef, ...] = Field(default=(), max_length=MAX_ITEMS)
    attempts: tuple[AttemptEntry, ...] = Field(default=(), max_length=MAX_ITEMS)
    review_logs: tuple[LogEntry, ...] = Field(default=(), max_length=MAX_ITEMS)
    cards: tuple[CardEntry, ...] = Field(default=(), max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        count = len(self.questions)
        used = {
            "review_logs": [e.question for e in self.review_logs],
            "cards": [c.question for c in self.cards],
        }
        for section, questions in used.items():
            for index, question in enumerate(questions):
                if question >= count:
                    raise ValueError(
                        msg(
                            "{where}：试题编号 {question} 超出范围（文件只有 {count} 道试题）",
                            where=f"{section}[{index}].question",
                            question=question,
                            count=count,
                        )
                    )
        _unique("attempts", [a.uid for a in self.attempts])
        _unique("review_logs", [e.uid for e in self.review_logs])
        _unique("cards", [c.question for c in self.cards], "question")
        _unique("questions", [(q.bank_id, q.qid) for q in self.questions], "bank_id/qid")
        return self


def _unique(section: str, keys: list[Any], field: str = "uid") -> None:
    seen: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if key in seen:
            raise ValueError(
                msg(
                    "{where}：与 {other} 重复",
                    where=f"{section}[{index}].{field}",
                    other=f"{section}[{seen[key]}]",
                )
            )
        seen[key] = index


def dump(scores: ScoresFile, path: Path) -> None:
    """Write ``scores`` to ``path``; gzip-compressed when the name ends in ``.gz``."""
    data = scores.model_dump_json(exclude_none=True).encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, decompressed when gzip; ScoresFileError past ``limit`` either way.

    Reads in pieces and never trusts a size the file states, so a gzip bomb stops at ``limit``.
    """
    with path.open("rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw
        data = stream.read(limit + 1)
    if len(data) > limit:
        what = msg("解压后") if head == b"\x1f\x8b" else msg("文件")
        raise ScoresFileError(
            msg(
                "{file}：{what}超过 {limit} MB，不是成绩文件",
                file=path.name,
                what=what,
                limit=limit // (1024 * 1024),
            )
        )
    return data


def _refuse_constant(name: str) -> float:
    raise ValueError(msg("不允许的数值 {name}", name=name))


def _unreadable(exc: BaseException) -> str:
    """Why a file could not be read, in words a trainer understands (Python's own text else)."""
    if isinstance(exc, FileNotFoundError):
        return msg("文件不存在")
    if isinstance(exc, IsADirectoryError):
        return msg("这是一个文件夹")
    if isinstance(exc, PermissionError):
        return msg("没有读取权限")
    if isinstance(exc, UnicodeDecodeError):
        return msg("不是 UTF-8 编码的文本")
    if isinstance(exc, json.JSONDecodeError):
        if not exc.doc.strip():
            return msg("文件是空的")
        return msg(
            "不是有效的 JSON，错在第 {line} 行第 {column} 列", line=exc.lineno, column=exc.colno
        )
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return msg("压缩文件已损坏或不完整")
    return str(exc)


def load(path: Path) -> ScoresFile:
    """Read and validate a scores file completely.

    Raises:
        ScoresFileError: when it is unreadable, too large, not a scores file, of a newer version,
            or invalid; ``problems`` lists each invalid value with where it is.
    """
    try:
        data = json.loads(read_capped(path), parse_constant=_refuse_constant)
    except RecursionError as exc:  # e.g. 100,000 nested brackets
        raise ScoresFileError(msg("{file}：JSON 嵌套过深，不是成绩文件", file=path.name)) from exc
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        message = msg("{file}：无法读取（{error}）", file=path.name, error=_unreadable(exc))
        raise ScoresFileError(message) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScoresFileError(msg("{file}：不是 jgstudy 成绩文件", file=path.name))
    if data.get("version") != VERSION:
        raise ScoresFileError(
            msg(
                "{file}：成绩文件版本 {version} 不受支持（本程序读取版本 {supported}）",
                file=path.name,
                version=f"{data.get('version')!r:.20}",
                supported=VERSION,
            )
        )
    try:
        return ScoresFile.model_validate(data)
    except ValidationError as exc:
        problems = tuple(located(e) for e in exc.errors(include_url=False))
        shown = list(problems[:MAX_PROBLEMS_SHOWN])
        if len(problems) > len(shown):
            shown.append(msg("……另有 {count} 处", count=len(problems) - len(shown)))
        message = msg(
            "{file}：内容有误（{count} 处），未合并：\n  {problems}",
            file=path.name,
            count=len(problems),
            problems=join("\n  ", shown),
        )
        raise ScoresFileError(message, problems) from exc


_MESSAGES = {
    "missing": N_("缺少这一项"),
    "extra_forbidden": N_("不认识的字段"),
    "finite_number": N_("不能是 NaN 或无穷大"),
    "bool_type": N_("应为 true 或 false"),
    "bool_parsing": N_("应为 true 或 false"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "int_from_float": N_("应为整数"),
    "float_type": N_("应为数字"),
    "float_parsing": N_("应为数字"),
    "string_type": N_("应为文字"),
    "string_pattern_mismatch": N_("格式不对"),
    "datetime_type": N_("应为带时区的时间"),
    "datetime_parsing": N_("不是有效的时间"),
    "datetime_from_date_parsing": N_("不是有效的时间"),
    "timezone_aware": N_("时间缺少时区"),
    "tuple_type": N_("应为列表"),
    "model_type": N_("应为对象"),
    "dict_type": N_("应为对象"),
}


def located(error: ErrorDetails) -> str:
    """One validation problem as ``where：what`` in Chinese (``review_logs[3].score：应不大于 4``)."""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"]).lstrip(".")
    ctx = error.get("ctx", {})
    kind = error["type"]
    what: str
    if kind == "value_error":
        what = _reason(ctx.get("error", error["msg"]))
    elif kind in ("greater_than_equal", "greater_than"):
        what = msg("应不小于 {limit}", limit=ctx.get("ge", ctx.get("gt")))
    elif kind in ("less_than_equal", "less_than"):
        what = msg("应不大于 {limit}", limit=ctx.get("le", ctx.get("lt")))
    elif kind in ("too_long", "string_too_long"):
        what = msg("过长（最多 {limit}）", limit=ctx.get("max_length"))
    elif kind in ("too_short", "string_too_short"):
        what = msg("不能为空")
    elif kind == "literal_error":
        what = msg("取值应为 {expected}", expected=ctx.get("expected"))
    else:
        what = msg(_MESSAGES[kind]) if kind in _MESSAGES else error["msg"]
    value = error.get("input")
    place = where or msg("文件")
    if kind == "missing" or isinstance(value, dict | list):
        return msg("{where}：{problem}", where=place, problem=what)
    shown = f"{value!r:.40}"
    return msg("{where}：{problem}（现为 {value}）", where=place, problem=what, value=shown)


def _reason(error: object) -> str:
    """A validator's ValueError as its message (a Msg kept as it is)."""
    if isinstance(error, Exception) and error.args and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)
