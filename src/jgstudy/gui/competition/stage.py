"""What the big screen says: its banner line and headline, from a snapshot and the last event."""

from __future__ import annotations

from collections.abc import Sequence

from jgstudy.core.competition import (
    EventKind,
    MatchEvent,
    MatchSnapshot,
    Phase,
    RoundKind,
    Timer,
    standings,
)
from jgstudy.gui.competition.stakes import order_text
from jgstudy.gui.competition.texts import rank_text, round_title, signed, team_name
from jgstudy.gui.i18n import tr

PODIUM = 3  # the final screen lists the teams ranked up to third (more when tied)


def names(s: MatchSnapshot) -> list[str]:
    return [t.name for t in s.teams]


def banner_text(s: MatchSnapshot, last: MatchEvent | None) -> str:
    """The line above the question: who answers, who buzzed, what just happened."""
    told = _event_banner(s, last)
    if told:
        return told
    who = team_name(names(s), s.team)
    p = s.phase
    if p is Phase.READY:
        if s.round_kind is RoundKind.RISK:
            return tr("请{who}选择分值：{join} 分").format(
                who=who, join=" / ".join(map(str, s.stakes))
            )
        return tr("请{who}准备速答").format(who=who)
    if p is Phase.ANSWERING:
        return _answering(s, who)
    return {
        Phase.LOBBY: tr("比赛即将开始"),
        Phase.INTRO: tr("本轮即将开始"),
        Phase.READING: tr("请听题")
        + (tr("，出题后开始抢答") if s.round_kind is RoundKind.BUZZER else ""),
        Phase.BUZZING: tr("抢答开始！"),
        Phase.CLOSED: tr("本题结束"),
        Phase.ROUND_OVER: tr("本轮结束"),
        Phase.FINISHED: tr("比赛结束"),
    }.get(p, "")


def _answering(s: MatchSnapshot, who: str) -> str:
    if s.time_up:
        return tr("{who}作答时间到").format(who=who)
    if s.round_kind is RoundKind.BUZZER:
        return tr("{who}抢答成功，请作答").format(who=who)
    if s.round_kind is RoundKind.RISK and s.stake:
        return tr("请{who}作答（{stake} 分）").format(who=who, stake=s.stake)
    return tr("请{who}作答").format(who=who)


def _event_banner(s: MatchSnapshot, last: MatchEvent | None) -> str:
    if last is None:
        return ""
    who = team_name(names(s), last.team)
    if last.kind is EventKind.FALSE_START and s.phase is Phase.READING:
        if last.delta == 0:
            return tr("{who}抢跑！警告一次").format(who=who)
        return tr("{who}抢跑！{signed} 分").format(who=who, signed=signed(last.delta))
    if last.kind is EventKind.STAKE_CHOSEN and s.closed == "declined":
        return tr("{who}放弃本题").format(who=who)
    if last.kind is EventKind.JUDGED and s.phase in (Phase.CLOSED, Phase.BUZZING):
        verdict = tr("回答正确") if last.payload.get("correct") else tr("回答错误")
        more = tr("，其他队可继续抢答") if s.phase is Phase.BUZZING else ""
        return tr("{who}{verdict} {signed} 分{more}").format(
            who=who, verdict=verdict, signed=signed(last.delta), more=more
        )
    if last.kind is EventKind.TIMEOUT and s.phase is Phase.CLOSED:
        if last.payload.get("timer") != Timer.BUZZ:
            return tr("{who}速答时间到").format(who=who)
        if s.closed == "audience":
            return tr("观众题：无人抢答，答案揭晓")
        return tr("无人抢答，本题作废")
    return ""


def headline(s: MatchSnapshot) -> str:
    """The big text when no question is on screen."""
    p = s.phase
    if p is Phase.LOBBY:
        return s.title
    if p is Phase.FINISHED:
        return "\n".join(
            tr("{rank}　{name}　{score} 分").format(
                rank=rank_text(t.rank, t.tied), name=t.name, score=t.score
            )
            for t in standings(s)
            if t.rank <= PODIUM
        )
    if p is Phase.ROUND_OVER:
        return tr("{value} 结束").format(value=round_title(s))
    if s.round_kind is RoundKind.RISK and p in (Phase.INTRO, Phase.READY, Phase.CLOSED):
        return tr("风险题：答对得分，答错扣分") + "\n" + order_text(s)
    if p is Phase.READY:
        return tr("速答：限时内答得越多越好")
    return round_title(s)


def tile_state(s: MatchSnapshot, team: int) -> str:
    """active (answering or its turn), locked (out for this question), out (not in a 加赛)."""
    if not s.teams[team].in_play and s.phase is not Phase.FINISHED:
        return "out"
    if s.team == team and s.phase in (Phase.READY, Phase.READING, Phase.ANSWERING):
        return "active"
    if team in s.locked and s.phase in (Phase.READING, Phase.BUZZING, Phase.ANSWERING):
        return "locked"
    return ""


def tile_note(s: MatchSnapshot, team: int, key: str) -> str:
    state = tile_state(s, team)
    if s.phase is Phase.FINISHED or (s.phase is Phase.ROUND_OVER and s.ties):
        return rank_text(s.teams[team].rank, s.teams[team].tied)
    if state == "out":
        return tr("未参加加赛")
    if state == "locked":
        return tr("本题已锁定")
    if state == "active" and s.phase is Phase.ANSWERING:
        return tr("作答中")
    return tr("抢答键 {key}").format(key=key)


def option_lines(options: Sequence[tuple[str, str]]) -> list[str]:
    return [tr("{key}．{text}").format(key=key, text=text) for key, text in options]
