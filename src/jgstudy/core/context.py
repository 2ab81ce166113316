"""What the core services share: the database, the clock, the scheduler and the local time zone.

Private to the core: gui, cli and render see only the services that :func:`open_services`
returns (an import contract in pyproject.toml keeps it so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from sqlalchemy import Engine

from jgstudy.core.clock import Clock
from jgstudy.core.defaults import DEFAULT_DAY_STARTS
from jgstudy.core.scheduling import DueRule, Scheduler


@dataclass
class Context:
    """One database and the time it is seen in; the scheduler changes with the retention setting."""

    engine: Engine
    clock: Clock
    local_tz: tzinfo
    scheduler: Scheduler
    day_starts: int = DEFAULT_DAY_STARTS  # the hour a study day begins (a setting)
    _rule: DueRule | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def due_rule(self) -> DueRule:
        """What counts as due, and which study day a moment belongs to."""
        # Kept while the zone and the day start stay: an answer asks for it five times, and
        # building the frozen dataclass (with its check) each time was 3 % of an answer's CPU.
        rule = self._rule
        if rule is None or rule.day_starts != self.day_starts or rule.tz is not self.local_tz:
            rule = self._rule = DueRule(self.local_tz, self.day_starts)
        return rule

    def now(self) -> datetime:
        return self.clock.now()

    def close(self) -> None:
        self.engine.dispose()


def system_tz() -> tzinfo:
    """The desktop's local time zone (for calendar days: streaks, "today")."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone
