"""Competition configuration (竞赛配置): teams and rounds, with presets for the skills contest.

Each round kind's defaults are the preset of the municipal civil-servant skills competition
(公务员技能大赛), so ``- kind: buzzer`` alone is a standard 抢答 round. See
docs/competition-format.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from jgstudy.core.banks.errors import PendingProblem
from jgstudy.core.exams.blueprint import QuestionFilter
from jgstudy.core.exams.configfile import load_model
from jgstudy.core.model import Ident, Text
from jgstudy.core.text import N_, Msg, msg

MIN_TEAMS = 2
MAX_TEAMS = 8
# Key names as the GUI reports them: a letter or digit, F1-F12, or a few named keys.
KEY_PATTERN = r"^(?:[A-Z0-9]|F(?:[1-9]|1[0-2])|Space|Enter|Tab|Num[0-9])$"

PATTERN_MESSAGES = {"key": N_("抢答键应为 A–Z、0–9、F1–F12、Space、Enter、Tab 或 Num0–Num9")}

Points = Annotated[int, Field(ge=-1000, le=1000)]
# A false start costs points or is a warning (0); a positive value would reward it.
Penalty = Annotated[int, Field(ge=-1000, le=0)]
Seconds = Annotated[int, Field(ge=1, le=3600)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Team(_Frozen):
    """A team or single player and the buzzer key it presses."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
    key: Annotated[str, StringConstraints(pattern=KEY_PATTERN)]

    @field_validator("key", mode="before")
    @classmethod
    def _letters_in_capitals(cls, value: object) -> object:
        # "q" and "Q" are the same key; the GUI reports letters in capitals.
        return value.upper() if isinstance(value, str) and len(value) == 1 else value


class Unanswered(StrEnum):
    """What a 抢答 question nobody buzzed for becomes."""

    AUDIENCE = "audience"  # 观众题: its answer is shown to the audience, no points
    VOID = "void"  # 作废: closed without showing the answer


class StakeOrder(StrEnum):
    """The order in which teams choose their stake in a 风险题 round."""

    LOWEST_FIRST = "lowest_first"  # current score, lowest first; equal scores in line-up order
    LINE_UP = "line_up"


class RoundKind(StrEnum):
    COMPULSORY = "compulsory"  # 必答
    BUZZER = "buzzer"  # 抢答
    RISK = "risk"  # 风险题
    SPEED = "speed"  # 速答 / 速决毫厘


class _Round(_Frozen):
    filter: QuestionFilter = QuestionFilter()


class CompulsoryRound(_Round):
    """必答: each team in turn answers its own question."""

    kind: Literal["compulsory"]
    title: Text = N_("必答题")
    per_team: int = Field(default=2, ge=1, le=50)
    answer_seconds: Seconds = 30
    points: Points = 10
    wrong_points: Points = 0


class BuzzerRound(_Round):
    """抢答: the first team to buzz after the release answers."""

    kind: Literal["buzzer"]
    title: Text = N_("抢答题")
    count: int = Field(default=10, ge=1, le=200)
    buzz_window_seconds: Seconds = 20
    answer_seconds: Seconds = 20
    points: Points = 10
    wrong_points: Points = -10
    # None: the match's escalating ``false_starts``; a number: this fixed penalty in this round.
    false_start_points: Penalty | None = None
    rebuzz_after_wrong: bool = True
    # No buzz in the window: "audience" shows the answer to the audience (观众题), "void" does not.
    unanswered: Unanswered = Unanswered.AUDIENCE


class RiskRound(_Round):
    """风险题: in turn (lowest score first) each team picks a stake or declines, then answers."""

    kind: Literal["risk"]
    title: Text = N_("风险题")
    per_team: int = Field(default=1, ge=1, le=20)
    stakes: tuple[Annotated[int, Field(ge=1, le=1000)], ...] = Field(
        default=(10, 20, 30), min_length=1, max_length=10
    )
    answer_seconds: Seconds = 60
    order: StakeOrder = StakeOrder.LOWEST_FIRST
    may_decline: bool = True


class TiebreakRound(BuzzerRound):
    """加赛: sudden-death 抢答 among tied teams, questions drawn from those not used yet."""

    kind: Literal["buzzer"] = "buzzer"
    title: Text = N_("加赛")
    count: int = Field(default=5, ge=1, le=50)
    rebuzz_after_wrong: bool = False
    unanswered: Unanswered = Unanswered.VOID


class SpeedRound(_Round):
    """速答 / 速决毫厘: each team answers as many as it can in its turn."""

    kind: Literal["speed"]
    title: Text = N_("速决毫厘")
    per_team: int = Field(default=15, ge=1, le=200)
    duration_seconds: Seconds = 60
    points: Points = 10
    wrong_points: Points = 0


RoundConfig = CompulsoryRound | BuzzerRound | RiskRound | SpeedRound
AnyRound = Annotated[RoundConfig, Field(discriminator="kind")]


class CompetitionConfig(_Frozen):
    """A match: its rounds in order and, optionally, default teams."""

    format: Literal[1]
    id: Ident
    title: Text
    description: str | None = None
    seed: int | None = Field(default=None, ge=0)
    teams: tuple[Team, ...] = ()
    starting_score: Annotated[int, Field(ge=-10000, le=10000)] = 100
    # The n-th false start of a team in the match costs the n-th value (0: a warning); after
    # the last, the last value again.
    false_starts: tuple[Penalty, ...] = Field(default=(0, -10, -20), min_length=1, max_length=10)
    reveal_explanation: bool = False
    tiebreak: TiebreakRound = TiebreakRound()
    rounds: tuple[AnyRound, ...] = Field(max_length=20)  # at least one: see check_competition

    def round_at(self, index: int) -> RoundConfig | None:
        """The configured round ``index``; every index after the last is a 加赛 (tie-break)."""
        if index < 0:
            return None
        return self.rounds[index] if index < len(self.rounds) else self.tiebreak


def load_competition(file: Path) -> CompetitionConfig:
    """Load and validate a competition file.

    Raises:
        ConfigErrors: every problem, located at ``file:line:col``.
    """
    return load_model(file, CompetitionConfig, check_competition, PATTERN_MESSAGES)


def check_competition(config: CompetitionConfig) -> list[PendingProblem]:
    problems = [PendingProblem(("teams",), m) for m in team_problems(config.teams, optional=True)]
    if not config.rounds:
        problems.append(PendingProblem(("rounds",), msg("至少需要一轮 rounds")))
    for index, rnd in enumerate(config.rounds):
        if isinstance(rnd, RiskRound) and len(set(rnd.stakes)) != len(rnd.stakes):
            problems.append(PendingProblem(("rounds", index, "stakes"), msg("分值 stakes 有重复")))
    return problems


def team_problems(teams: Sequence[Team], optional: bool = False) -> list[Msg]:
    """What is wrong with a line-up: 2-8 teams, distinct names, distinct keys."""
    if optional and not teams:
        return []
    problems: list[Msg] = []
    if not MIN_TEAMS <= len(teams) <= MAX_TEAMS:
        problems.append(
            msg(
                "参赛队应为 {low}–{high} 个（现有 {count} 个）",
                low=MIN_TEAMS,
                high=MAX_TEAMS,
                count=len(teams),
            )
        )
    names = [t.name for t in teams]
    keys = [t.key for t in teams]
    if len(set(names)) != len(names):
        problems.append(msg("队名有重复"))
    if len(set(keys)) != len(keys):
        problems.append(msg("抢答键有重复"))
    return problems
