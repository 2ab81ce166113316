"""What the report queries (core/storage/report_repo.py) hand to the report builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DURATION_BUCKET_MS = 100  # answer times are counted in buckets this wide (median time)


@dataclass(frozen=True)
class Scope:
    """Which answers a report covers: a unit, a period (UTC, end exclusive), some attempts."""

    unit: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    attempt_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class CadreRow:
    id: int
    name: str
    unit: str


@dataclass(frozen=True)
class ExamAttemptRow:
    id: int
    uid: str
    user_id: int
    title: str
    config: str
    started_at: datetime
    finished_at: datetime | None
    score: float
    max_score: float
