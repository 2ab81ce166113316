"""A synthetic cohort for the readiness (备考准备) tests: two units, a cadre on track, one far
behind, all with a target date ten days ahead; studied on a moving fixed clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import UserInfo
from jgstudy.core.reports.cohort import WINDOW_DAYS
from jgstudy.core.services import Services

TAGS = ("理论学习", "清廉机关", "法规")


def bank(tmp_path: Path, count: int = 30) -> Path:
    lines = ["format: 1\nid: cohort\ntitle: 备考测试\nquestions:\n"]
    for i in range(count):
        lines.append(
            f"  - {{id: c{i}, type: judge, stem: 第{i}条规定适用于全体干部。, answer: true,"
            f" explanation: 第{i}条的适用范围。, tags: [{TAGS[i % 3]}]}}\n"
        )
    path = tmp_path / "cohort.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def hard(pk: int) -> bool:
    """Questions answered wrong the first time: half of 法规's, a fifth of 理论学习's."""
    tag = (pk - 1) % 3  # the bank's questions get pks 1, 2, … in order
    return (tag == 2 and pk % 2 == 0) or (tag == 0 and pk % 5 == 0)


def study(services: Services, clock: FixedClock, users: list[UserInfo], days: int) -> None:
    """Every cadre in ``users`` works through their queue every day for ``days`` days: wrong
    at the first sight of a hard question, right otherwise."""
    seen: set[tuple[int, int]] = set()
    for _day in range(days):
        for user in users:
            for pk in services.study.practice_queue(user, new_per_day=6):
                right = not hard(pk) or (user.id, pk) in seen
                services.study.record(user.id, services.study.question(pk), right, 5000)
                seen.add((user.id, pk))
        clock.advance(days=1)


def seed_cohort(services: Services, clock: FixedClock, tmp_path: Path) -> dict[str, UserInfo]:
    """按计划 (审计局) and 财政 (财政局) studied every day of the last 14; 落后者 (审计局) one day
    long before, then nothing. Everybody's target: ten days ahead, recall 80 %."""
    services.study.import_banks([bank(tmp_path)])
    study_ = services.study
    people = {
        "按计划": study_.ensure_user("按计划", "审计局"),
        "落后者": study_.ensure_user("落后者", "审计局"),
        "财政": study_.ensure_user("财政", "财政局"),
    }
    study(services, clock, [people["落后者"]], 1)  # one day of study, then nothing
    clock.advance(days=WINDOW_DAYS)
    study(services, clock, [people["按计划"], people["财政"]], WINDOW_DAYS)
    target = services.study.study_day() + timedelta(days=10)
    for person in people.values():
        services.plans.set_target(person, target, 0.8, actor="培训员")
    return people
