"""What an exam in progress is: the attempt's state, saved as JSON after every change.

The state holds everything needed to resume after the app was closed: the drawn questions, the
answers, flags, the time spent per question, the start time and the limit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from jgstudy.core.grading import Response, response_from_json
from jgstudy.core.model import AnyQuestion

STATE_VERSION = 1


@dataclass(frozen=True)
class SectionSlice:
    """A section's questions are ``pks[start:stop]``; ``points`` each (None: the question's own)."""

    title: str
    start: int
    stop: int
    points: float | None


@dataclass
class ExamState:
    """The mutable state of one exam attempt.

    ``answers`` maps a question's index to the JSON form of the response (see
    :func:`jgstudy.core.grading.response_to_json`), so the state serialises without the questions.
    """

    seed: int
    started_at: datetime
    time_limit_s: int
    pks: list[int]
    sections: list[SectionSlice]
    answers: dict[int, Any] = field(default_factory=dict)
    flags: set[int] = field(default_factory=set)
    locked: set[int] = field(default_factory=set)
    spent_ms: list[int] = field(default_factory=list)
    current: int = 0
    auto_submitted: bool = False

    def __post_init__(self) -> None:
        if len(self.spent_ms) != len(self.pks):
            self.spent_ms = [0] * len(self.pks)

    @property
    def deadline(self) -> datetime:
        return self.started_at + timedelta(seconds=self.time_limit_s)

    def section_of(self, index: int) -> SectionSlice:
        return next(s for s in self.sections if s.start <= index < s.stop)

    def response(self, index: int, question: AnyQuestion) -> Response | None:
        """The answer given to question ``index``, or None."""
        if index not in self.answers:
            return None
        return response_from_json(question, self.answers[index])

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": STATE_VERSION,
                "seed": self.seed,
                "started_at": self.started_at.isoformat(),
                "time_limit_s": self.time_limit_s,
                "pks": self.pks,
                "sections": [[s.title, s.start, s.stop, s.points] for s in self.sections],
                "answers": {str(k): v for k, v in sorted(self.answers.items())},
                "flags": sorted(self.flags),
                "locked": sorted(self.locked),
                "spent_ms": self.spent_ms,
                "current": self.current,
                "auto_submitted": self.auto_submitted,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> ExamState:
        data = json.loads(text)
        return cls(
            seed=int(data["seed"]),
            started_at=datetime.fromisoformat(data["started_at"]),
            time_limit_s=int(data["time_limit_s"]),
            pks=[int(pk) for pk in data["pks"]],
            sections=[SectionSlice(t, int(a), int(b), p) for t, a, b, p in data["sections"]],
            answers={int(k): v for k, v in data["answers"].items()},
            flags={int(i) for i in data["flags"]},
            locked={int(i) for i in data.get("locked", [])},
            spent_ms=[int(ms) for ms in data["spent_ms"]],
            current=int(data.get("current", 0)),
            auto_submitted=bool(data.get("auto_submitted", False)),
        )
