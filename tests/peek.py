"""Looking behind the services in tests: the engine and the clock the core keeps private."""

from __future__ import annotations

from sqlalchemy import Engine

from jgstudy.core.clock import FixedClock
from jgstudy.core.context import Context


def context_of(service: object) -> Context:
    """The core context of any service (or of the Services)."""
    ctx = service._ctx  # type: ignore[attr-defined]
    assert isinstance(ctx, Context)
    return ctx


def engine_of(service: object) -> Engine:
    """The database behind ``service``: tests count rows and set up states directly."""
    return context_of(service).engine


def clock_of(service: object) -> FixedClock:
    """The fixed clock ``service`` was opened with."""
    clock = context_of(service).clock
    assert isinstance(clock, FixedClock)
    return clock
