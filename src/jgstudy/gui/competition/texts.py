"""How a match reads on screen: phases, events for the host's log, the big screen's banner."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import tzinfo
from typing import Any

from jgstudy.core.competition import EventKind, MatchEvent, MatchSnapshot, Phase, RoundKind, Timer
from jgstudy.core.competition.config import (
    BuzzerRound,
    CompulsoryRound,
    RiskRound,
    SpeedRound,
    TiebreakRound,
)
from jgstudy.gui.i18n import N_, tr, tr_msg

UNDONE_KINDS = {"judged": N_("判分"), "false_start": N_("抢跑扣分"), "adjusted": N_("加减分")}


def signed(points: int) -> str:
    """+10, −5, 0 (a real minus sign reads better on a big screen)."""
    if points > 0:
        return f"+{points}"
    return f"−{-points}" if points < 0 else "0"


def score_text(score: int) -> str:
    """A score with a real minus sign: −5."""
    return str(score).replace("-", "−")


TIEBREAK_TITLE = N_("加赛")  # the default title of the tie-break round in the competition file
RANK_WORDS = (
    N_("第一名"),
    N_("第二名"),
    N_("第三名"),
    N_("第四名"),
    N_("第五名"),
    N_("第六名"),
    N_("第七名"),
    N_("第八名"),
)


def rank_text(rank: int, tied: bool = False) -> str:
    """第一名, 并列第二名, 第 5 名: a rank as the audience reads it."""
    word = tr(RANK_WORDS[rank - 1]) if rank <= len(RANK_WORDS) else tr("第 {n} 名").format(n=rank)
    return tr("并列{word}").format(word=word) if tied else word


# The titles a round has when its competition file names none (the core's N_ templates).
DEFAULT_ROUND_TITLES = frozenset(
    str(kind.model_fields["title"].default)
    for kind in (CompulsoryRound, BuzzerRound, RiskRound, SpeedRound, TiebreakRound)
)


def round_title(s: MatchSnapshot) -> str:
    """The round's title: the file's own words as written, a default one in the interface language."""
    title = s.round_title or ""
    return tr_msg(title) if title in DEFAULT_ROUND_TITLES else title


def round_text(s: MatchSnapshot) -> str:
    if s.round_index < 0 or s.round_title is None:
        return tr("尚未开始")
    if s.tiebreak and s.round_title != TIEBREAK_TITLE:  # the file named it otherwise
        return tr("加赛 · {round_title}").format(round_title=round_title(s))
    if s.tiebreak:
        return tr(TIEBREAK_TITLE)
    return tr("第 {round_index}/{round_count} 轮 · {round_title}").format(
        round_index=s.round_index + 1, round_count=s.round_count, round_title=round_title(s)
    )


def item_text(s: MatchSnapshot) -> str:
    if s.item < 0 or not s.items:
        return ""
    word = tr("轮次") if s.round_kind is RoundKind.SPEED else tr("题")
    return tr("第 {item}/{items} {word}").format(item=s.item + 1, items=s.items, word=word)


def phase_text(s: MatchSnapshot) -> str:
    """The host's one-word status."""
    p = s.phase
    if p is Phase.READY:
        return tr("等待选择分值") if s.round_kind is RoundKind.RISK else tr("速答准备")
    if p is Phase.READING:
        return tr("读题中（未开放抢答）") if s.round_kind is RoundKind.BUZZER else tr("读题中")
    if p is Phase.ANSWERING and s.time_up:
        return tr("作答时间到，请判分")
    return {
        Phase.LOBBY: tr("比赛未开始"),
        Phase.INTRO: tr("本轮开始"),
        Phase.BUZZING: tr("抢答中"),
        Phase.ANSWERING: tr("作答中"),
        Phase.CLOSED: tr("本题结束"),
        Phase.ROUND_OVER: tr("本轮结束"),
        Phase.FINISHED: tr("比赛结束"),
    }.get(p, "")


def team_name(names: Sequence[str], team: int | None) -> str:
    return names[team] if team is not None and 0 <= team < len(names) else "—"


def event_text(event: MatchEvent, names: Sequence[str]) -> str:
    """One line of the host's log."""
    p, who = event.payload, team_name(names, event.team)
    kind = event.kind
    if kind is EventKind.BUZZ:
        seconds = tr("（{value:.2f} 秒）").format(value=int(p.get("reaction_ms") or 0) / 1000)
        return (
            tr("{who} 抢答成功{seconds}").format(who=who, seconds=seconds)
            if p.get("accepted")
            else tr("{who} 慢了一步{seconds}").format(who=who, seconds=seconds)
        )
    if kind is EventKind.JUDGED:
        verdict = tr("回答正确") if p.get("correct") else tr("回答错误")
        return tr("{who} {verdict}，{signed} 分").format(
            who=who, verdict=verdict, signed=signed(event.delta)
        )
    if kind is EventKind.UNDONE:
        what = tr(UNDONE_KINDS.get(str(p.get("target_kind")), tr("记分")))
        return tr("撤销{what}：{who} {signed} 分").format(
            what=what, who=who, signed=signed(-int(p.get("delta", 0)))
        )
    if kind is EventKind.TIMEOUT:
        if p.get("unanswered") == "audience":
            return tr("无人抢答，作为观众题公布答案")
        return {
            Timer.BUZZ: tr("无人抢答，本题作废"),
            Timer.ANSWER: tr("{who} 作答时间到").format(who=who),
            Timer.TURN: tr("{who} 速答时间到").format(who=who),
        }.get(Timer(p.get("timer", "buzz")), tr("时间到"))
    return _simple_text(event, who)


def _simple_text(event: MatchEvent, who: str) -> str:
    text = _SIMPLE_TEXTS.get(event.kind)
    if text is not None:
        return text(event, event.payload, who)
    return tr("比赛结束") if event.kind is EventKind.MATCH_FINISHED else event.kind.value


Payload = Mapping[str, Any]


def _created(_event: MatchEvent, p: Payload, _who: str) -> str:
    return tr("比赛创建：{title}").format(title=p.get("title", ""))


def _round_started(_event: MatchEvent, p: Payload, _who: str) -> str:
    if p.get("tiebreak"):
        return tr("开始加赛：{title}").format(title=p.get("title", ""))
    return tr("开始第 {round} 轮：{title}").format(
        round=int(p.get("round", 0)) + 1, title=p.get("title", "")
    )


def _order_set(_event: MatchEvent, _p: Payload, _who: str) -> str:
    return tr("主持人调整选分顺序")


def _question_shown(event: MatchEvent, p: Payload, who: str) -> str:
    turn = tr("（{who}）").format(who=who) if event.team is not None else ""
    return tr("第 {item} 题{turn}").format(item=int(p.get("item", 0)) + 1, turn=turn)


def _stake_chosen(_event: MatchEvent, p: Payload, who: str) -> str:
    if p.get("declined"):
        return tr("{who} 放弃本题").format(who=who)
    return tr("{who} 选择 {stake} 分").format(who=who, stake=p.get("stake"))


def _released(_event: MatchEvent, _p: Payload, _who: str) -> str:
    return tr("出题，开始计时")


def _false_start(event: MatchEvent, p: Payload, who: str) -> str:
    nth = int(p.get("count", 1))
    if event.delta == 0:
        return tr("{who} 第 {nth} 次抢跑，警告").format(who=who, nth=nth)
    return tr("{who} 第 {nth} 次抢跑，{signed} 分").format(
        who=who, nth=nth, signed=signed(event.delta)
    )


def _skipped(_event: MatchEvent, _p: Payload, who: str) -> str:
    return tr("{who} 跳过一题").format(who=who)


def _adjusted(event: MatchEvent, p: Payload, who: str) -> str:
    reason = tr("（{reason}）").format(reason=p["reason"]) if p.get("reason") else ""
    return tr("{who} 加减分 {signed}{reason}").format(
        who=who, signed=signed(event.delta), reason=reason
    )


def _round_finished(_event: MatchEvent, p: Payload, _who: str) -> str:
    return tr("第 {round} 轮结束").format(round=int(p.get("round", 0)) + 1)


_SIMPLE_TEXTS: dict[EventKind, Callable[[MatchEvent, Payload, str], str]] = {
    EventKind.MATCH_CREATED: _created,
    EventKind.ROUND_STARTED: _round_started,
    EventKind.ORDER_SET: _order_set,
    EventKind.QUESTION_SHOWN: _question_shown,
    EventKind.STAKE_CHOSEN: _stake_chosen,
    EventKind.QUESTION_RELEASED: _released,
    EventKind.FALSE_START: _false_start,
    EventKind.SKIPPED: _skipped,
    EventKind.ADJUSTED: _adjusted,
    EventKind.ROUND_FINISHED: _round_finished,
}


def log_line(event: MatchEvent, names: Sequence[str], tz: tzinfo) -> str:
    return tr("{astimezone:%H:%M:%S}　{event_text}").format(
        astimezone=event.at.astimezone(tz), event_text=event_text(event, names)
    )
