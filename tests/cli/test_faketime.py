"""Fourteen days through the `jgstudy` command, the process clock moved by libfaketime.

The same scenario as tests/core/test_simulation.py, seen from outside: each day `jgstudy stats`
says how many questions are due now, and `jgstudy practice` started at that moment must
present each of them; 下次到期 is never in the past; the wrong-answer book keeps to its rule;
a session across midnight leaves the next morning's allowance whole.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from jgstudy.core.banks import load_banks
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    ShortQuestion,
    SingleQuestion,
    display_stem,
)
from jgstudy.core.paths import bundled_banks

LIBFAKETIME = next(
    (
        p
        for p in (
            Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
            Path("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
            Path("/usr/lib/faketime/libfaketime.so.1"),
        )
        if p.exists()
    ),
    None,
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        LIBFAKETIME is None or not sys.platform.startswith("linux"),
        reason="libfaketime is not installed (Debian: apt-get install faketime)",
    ),
]

FIRST_DAY = date(2026, 3, 2)
HELP = "（输入答案后回车；u 撤销上一题，q 结束）"
HEADER = re.compile(r"^\[(\d+)/(\d+)\] 【.+?】(.*)$")
SESSIONS: dict[int, time] = {
    0: time(8, 30),
    1: time(8, 29),
    2: time(20, 0),
    3: time(8, 29),
    4: time(23, 59, 55),  # runs past midnight (the clock goes 200 times faster that night)
    5: time(7, 40),
    6: time(8, 29),
    7: time(21, 30),
    8: time(6, 10),
    10: time(8, 29),
    11: time(22, 10),
    12: time(8, 29),
    13: time(9, 0),
}


def study_day(moment: datetime) -> date:
    return (moment - timedelta(hours=4)).date()


@dataclass
class Cadre:
    """Answers from the bank's keys; wrong on about one answer in six, right on repeats."""

    questions: dict[str, AnyQuestion]
    seen: set[str] = field(default_factory=set)
    wrong_day: dict[str, date] = field(default_factory=dict)
    right_days: dict[str, set[date]] = field(default_factory=dict)

    def answer(self, stem: str, day: date, repeat: bool) -> tuple[str, bool]:
        question = self.questions[stem]
        right = repeat or zlib.crc32(f"{question.id}{day}".encode()) % 6 != 0
        if right:
            self.right_days.setdefault(stem, set()).add(day)
        else:
            self.wrong_day[stem] = day
            self.right_days.pop(stem, None)
        return typed(question, right), right

    def book(self) -> int:
        return sum(
            len({d for d in self.right_days.get(stem, set()) if d > wrong}) < 2
            for stem, wrong in self.wrong_day.items()
        )


def typed(question: AnyQuestion, right: bool) -> str:
    """What the cadre types at the prompt."""
    if isinstance(question, SingleQuestion):
        return (
            question.answer if right else next(k for k in question.options if k != question.answer)
        )
    if isinstance(question, MultipleQuestion):
        keys = set(question.answer) if right else set(question.options) - set(question.answer)
        return "".join(sorted(keys or {"A"}))
    if isinstance(question, JudgeQuestion):
        return "对" if question.answer == right else "错"
    if isinstance(question, FillQuestion):
        return ";".join(b[0] if right else "不知道" for b in question.blanks)
    assert isinstance(question, ShortQuestion)
    return f"{question.reference}\n{'y' if right else 'n'}"


class Jgstudy:
    """The installed command under libfaketime, at a given local time in Asia/Shanghai."""

    def __init__(self, data: Path) -> None:
        self.data = data

    def command(self, at: datetime, speed: int, *args: str) -> tuple[list[str], dict[str, str]]:
        assert LIBFAKETIME is not None
        env = {
            **os.environ,
            "TZ": "Asia/Shanghai",
            "LD_PRELOAD": str(LIBFAKETIME),
            "FAKETIME": f"@{at:%Y-%m-%d %H:%M:%S}" + (f" x{speed}" if speed > 1 else ""),
            "FAKETIME_NO_CACHE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        return [sys.executable, "-m", "jgstudy.cli.main", "--data-dir", str(self.data), *args], env

    def run(self, at: datetime, *args: str) -> str:
        command, env = self.command(at, 1, *args)
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def practice(self, at: datetime, cadre: Cadre, speed: int) -> tuple[list[str], list[str]]:
        """A whole session answered interactively: (stems presented, lines printed)."""
        command, env = self.command(at, speed, "practice", "--user", "王五")
        presented: list[str] = []
        lines: list[str] = []
        asked_today: set[str] = set()
        day = study_day(at)
        with subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
                if match := HEADER.match(line.rstrip("\n")):
                    presented.append(match.group(3))
                elif line.startswith(HELP) and presented:
                    stem = presented[-1]
                    text, _right = cadre.answer(stem, day, repeat=stem in asked_today)
                    asked_today.add(stem)
                    proc.stdin.write(text + "\n")
                    proc.stdin.flush()
            proc.stdin.close()
            assert proc.wait(timeout=120) == 0
        return presented, lines


def figure(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in {text!r}"
    return match.group(1)


def test_fourteen_days_through_the_command_line(tmp_path: Path) -> None:
    banks, problems = load_banks([bundled_banks()])
    assert not problems
    questions = {display_stem(q.stem): q for b in banks for q in b.bank.questions}
    cadre = Cadre(questions)
    app = Jgstudy(tmp_path)
    app.run(datetime.combine(FIRST_DAY, time(7)), "import")
    for day, at in SESSIONS.items():
        start = datetime.combine(FIRST_DAY + timedelta(days=day), at)
        due = 0
        if day:  # the first session creates the cadre
            stats = app.run(start, "stats", "--user", "王五")
            due = int(figure(r"现在到期：(\d+)", stats))
            assert int(figure(r"错题本：(\d+)", stats)) == cadre.book()
        if day == 5:  # the night's session ran past midnight but belongs to the evening
            assert int(figure(r"可学新题：(\d+)", stats)) == 20
        presented, lines = app.practice(start, cadre, speed=200 if day == 4 else 1)
        reviews = {stem for stem in presented if stem in cadre.seen}
        assert len(reviews) == due, f"day {day}: stats said {due}, the session presented {reviews}"
        cadre.seen |= set(presented)
        output = "\n".join(lines)
        end = start + timedelta(seconds=int(figure(r"用时 (\d+) 秒", output)))
        if day == 4:
            assert end.date() > start.date(), "the night's session should end after midnight"
        if next_due := re.search(r"下次到期：(\d{4}-\d\d-\d\d \d\d:\d\d)", output):
            shown = datetime.strptime(next_due.group(1), "%Y-%m-%d %H:%M")
            assert shown >= end.replace(second=0), f"day {day}: 下次到期 {shown} is past"
