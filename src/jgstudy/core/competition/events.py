"""The event log of a match: everything that happens is an event; the state is their replay."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    MATCH_CREATED = "match_created"
    ROUND_STARTED = "round_started"
    QUESTION_SHOWN = "question_shown"  # on screen (or, for risk/speed, its turn announced)
    ORDER_SET = "order_set"  # the host changed the order in which teams choose stakes
    STAKE_CHOSEN = "stake_chosen"  # a stake, or ``declined`` (放弃)
    QUESTION_RELEASED = "question_released"  # timers start; buzzing is allowed
    BUZZ = "buzz"
    FALSE_START = "false_start"
    JUDGED = "judged"
    SKIPPED = "skipped"
    ADJUSTED = "adjusted"
    UNDONE = "undone"
    TIMEOUT = "timeout"
    ROUND_FINISHED = "round_finished"
    MATCH_FINISHED = "match_finished"


# Events that change a score (their payload holds the ``delta``); undo reverses one of these.
SCORING = frozenset({EventKind.FALSE_START, EventKind.JUDGED, EventKind.ADJUSTED})


class Timer(StrEnum):
    """Which timer ran out (payload of a TIMEOUT)."""

    BUZZ = "buzz"  # nobody buzzed in the window: 观众题 or void, as the round says
    ANSWER = "answer"  # the answer time is over; the host still judges what was said
    TURN = "turn"  # a speed-round turn is over


@dataclass(frozen=True)
class MatchEvent:
    """One thing that happened: ``seq`` orders events, ``team`` is a team index or None."""

    seq: int
    at: datetime
    kind: EventKind
    team: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)

    @property
    def delta(self) -> int:
        return int(self.payload.get("delta", 0)) if self.kind in SCORING else 0

    def payload_json(self) -> str:
        return json.dumps(dict(self.payload), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_stored(
        cls, seq: int, at: datetime, kind: str, team: int | None, payload: str
    ) -> MatchEvent:
        return cls(seq, at, EventKind(kind), team, json.loads(payload))
