"""Screenshots of competition day, rendered offscreen on a temporary database.

    uv run python scripts/screenshots_competition.py [--out docs/screenshots] [--size 1280x720]

Runs the bundled skills contest with four teams: a judged 抢答 question with its answer and
解析 on the big screen, the 风险题 stake choice (lowest score first, one team declined), and the
final standings with a tie (并列). The setup dialog is shot in a second process whose offscreen
platform has two screens (host 1280x800 and a 1920x1080 projector). Saves comp-*.png.
Set QT_SCALE_FACTOR=1.5 to render at 150 %.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from shotkit import Shooter, settle, with_dialog

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import CompetitionService, Match, Phase, Team
from jgstudy.core.services import Services, open_services
from jgstudy.gui.competition import CompetitionPage
from jgstudy.gui.main import make_application
from jgstudy.gui.style import apply_theme

ROOT = Path(__file__).resolve().parents[1]
BEIJING = timezone(timedelta(hours=8), "CST")
START = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
TEAMS = [
    Team(name="市委办代表队", key="Q"),
    Team(name="市发改委代表队", key="Z"),
    Team(name="市财政局代表队", key="P"),
    Team(name="市人社局代表队", key="M"),
]
TWO_SCREENS = {
    "screens": [
        {"name": "主持人笔记本", "x": 0, "y": 0, "width": 1280, "height": 800},
        {"name": "HDMI-1 投影仪", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}


def contest(competitions: CompetitionService) -> object:
    (path,) = [p for p in competitions.bundled_configs() if p.stem == "skills-contest"]
    return competitions.load_config(path)


def page_for(services: Services, size: tuple[int, int]) -> CompetitionPage:
    page = CompetitionPage(
        services.competitions,
        confirm=lambda *_a: True,
        ask_reason=lambda *_a: "评委复核",
        sound_probe=lambda: None,
        show_scoreboard=False,
    )
    page.resize(1280, 800)
    page.show()
    page.scoreboard.resize(*size)
    page.scoreboard.show()
    return page


def to_buzzer_answer(match: Match, clock: FixedClock) -> None:
    """必答 round skipped by the host; in 抢答 the third team buzzes and answers right."""
    match.start_round(clock.now())
    match.next_round(clock.advance(seconds=5))
    match.next_question(clock.advance(seconds=2))
    match.release(clock.advance(seconds=8))
    match.press("Z", clock.advance(milliseconds=1210))
    match.press("P", clock.advance(milliseconds=40))
    match.judge(True, clock.advance(seconds=9))


def to_stake_choice(match: Match, clock: FixedClock) -> None:
    """Into 风险题: the lowest team declines, the next is choosing."""
    match.next_round(clock.advance(seconds=20))
    match.next_question(clock.advance(seconds=2))
    match.decline(clock.advance(seconds=5))
    match.next_question(clock.advance(seconds=2))


def to_tied_finish(match: Match, clock: FixedClock) -> None:
    team = match.snapshot().team
    assert team is not None
    match.choose_stake(20, clock.advance(seconds=3))
    match.release(clock.advance(seconds=2))
    match.judge(False, clock.advance(seconds=30))
    scores = match.scores
    best = max(scores)
    for index, score in enumerate(scores):  # the jury's rulings leave two teams level on top
        if index in (0, 2) and score != best:
            match.adjust(index, best - score, clock.advance(seconds=1), "申诉成立")
    match.finish(clock.advance(seconds=10))
    assert match.phase is Phase.FINISHED and match.snapshot().ties


def shoot(out: Path, size: tuple[int, int], suffix: str) -> None:
    app = make_application()
    apply_theme(app, "light", 15)
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(f"sqlite:///{Path(tmp) / 'c.sqlite3'}", clock, BEIJING)
        services.study.import_bundled()
        page = page_for(services, size)
        s = Shooter(app, out)
        match = page.start_match(contest(services.competitions), TEAMS, seed=2025)  # type: ignore[arg-type]
        assert match is not None
        to_buzzer_answer(match, clock)
        settle(app)
        s.shot(f"comp-scoreboard-answer{suffix}", page.scoreboard)
        to_stake_choice(match, clock)
        s.shot(f"comp-scoreboard-stakes{suffix}", page.scoreboard)
        s.shot(f"comp-panel-stakes{suffix}", page)
        to_tied_finish(match, clock)
        s.shot(f"comp-scoreboard-tie{suffix}", page.scoreboard)
        s.shot(f"comp-panel-tie{suffix}", page)
        page.close_match()
        services.close()


def shoot_setup(out: Path) -> None:
    """The setup dialog, in a process whose offscreen platform has two screens."""
    app = QApplication.instance()
    assert app is not None
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(f"sqlite:///{Path(tmp) / 'c.sqlite3'}", clock, BEIJING)
        services.study.import_bundled()
        page = CompetitionPage(services.competitions, sound_probe=lambda: None)
        page.resize(1280, 800)
        page.show()
        dialog = page.new_match()
        settle(app)  # type: ignore[arg-type]
        Shooter(app, out).save("comp-setup-screens", with_dialog(page, dialog))  # type: ignore[arg-type]
        dialog.reject()
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--setup-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.setup_only:
        apply_theme(make_application(), "light", 15)
        shoot_setup(args.out)
        return
    width, height = (int(v) for v in args.size.split("x"))
    shoot(args.out, (width, height), args.suffix)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as config:
        json.dump(TWO_SCREENS, config, ensure_ascii=False)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config.name}"}
    command = [sys.executable, __file__, "--setup-only", "--out", str(args.out)]
    subprocess.run(command, check=True, env=env)
    Path(config.name).unlink()


if __name__ == "__main__":
    main()
