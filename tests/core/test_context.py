"""The context's due rule is kept between calls and follows the day-start setting and the zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from jgstudy.core.service import StudyService
from peek import context_of


def test_the_due_rule_follows_the_day_start_and_the_zone(service: StudyService) -> None:
    ctx = context_of(service)
    moment = datetime(2026, 6, 2, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai, 06:30 in Urumqi
    ctx.local_tz = ZoneInfo("Asia/Shanghai")
    service.set_day_starts(4)
    assert ctx.due_rule is ctx.due_rule  # built once while nothing changes
    assert ctx.due_rule.study_day(moment).day == 2
    service.set_day_starts(9)  # 08:30 is still the evening before's study day
    assert ctx.due_rule.study_day(moment).day == 1
    ctx.local_tz = ZoneInfo("Asia/Urumqi")
    service.set_day_starts(7)  # 06:30 there: before 07:00
    assert ctx.due_rule.study_day(moment).day == 1
    ctx.local_tz = ZoneInfo("Asia/Shanghai")  # 08:30: after 07:00
    assert ctx.due_rule.study_day(moment).day == 2
