"""How a match reads on screen: phases, events for the host's log, the big screen's banner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from jgstudy.core.competition import EventKind, MatchEvent, MatchSnapshot, Phase, RoundKind, Timer

ROUND_KINDS = {
    RoundKind.COMPULSORY: "必答",
    RoundKind.BUZZER: "抢答",
    RoundKind.RISK: "风险题",
    RoundKind.SPEED: "速答",
}
UNDONE_KINDS = {"judged": "判分", "false_start": "抢跑扣分", "adjusted": "加减分"}


def signed(points: int) -> str:
    """+10, −5, 0 (a real minus sign reads better on a big screen)."""
    if points > 0:
        return f"+{points}"
    return f"−{-points}" if points < 0 else "0"


def score_text(score: int) -> str:
    """A score with a real minus sign: −5."""
    return str(score).replace("-", "−")


def round_text(s: MatchSnapshot) -> str:
    if s.round_index < 0 or s.round_title is None:
        return "尚未开始"
    return f"第 {s.round_index + 1}/{s.round_count} 轮 · {s.round_title}"


def item_text(s: MatchSnapshot) -> str:
    if s.item < 0 or not s.items:
        return ""
    word = "轮次" if s.round_kind is RoundKind.SPEED else "题"
    return f"第 {s.item + 1}/{s.items} {word}"


def phase_text(s: MatchSnapshot) -> str:
    """The host's one-word status."""
    p = s.phase
    if p is Phase.READY:
        return "等待选择分值" if s.round_kind is RoundKind.RISK else "速答准备"
    if p is Phase.READING:
        return "读题中（未开放抢答）" if s.round_kind is RoundKind.BUZZER else "读题中"
    if p is Phase.ANSWERING and s.time_up:
        return "作答时间到，请判分"
    return {
        Phase.LOBBY: "比赛未开始",
        Phase.INTRO: "本轮开始",
        Phase.BUZZING: "抢答中",
        Phase.ANSWERING: "作答中",
        Phase.CLOSED: "本题结束",
        Phase.ROUND_OVER: "本轮结束",
        Phase.FINISHED: "比赛结束",
    }.get(p, "")


def team_name(names: Sequence[str], team: int | None) -> str:
    return names[team] if team is not None and 0 <= team < len(names) else "—"


def event_text(event: MatchEvent, names: Sequence[str]) -> str:
    """One line of the host's log."""
    p, who = event.payload, team_name(names, event.team)
    kind = event.kind
    if kind is EventKind.BUZZ:
        seconds = f"（{int(p.get('reaction_ms') or 0) / 1000:.2f} 秒）"
        return f"{who} 抢答成功{seconds}" if p.get("accepted") else f"{who} 慢了一步{seconds}"
    if kind is EventKind.JUDGED:
        verdict = "回答正确" if p.get("correct") else "回答错误"
        return f"{who} {verdict}，{signed(event.delta)} 分"
    if kind is EventKind.UNDONE:
        what = UNDONE_KINDS.get(str(p.get("target_kind")), "记分")
        return f"撤销{what}：{who} {signed(-int(p.get('delta', 0)))} 分"
    if kind is EventKind.TIMEOUT:
        return {
            Timer.BUZZ: "无人抢答，本题作废",
            Timer.ANSWER: f"{who} 作答时间到",
            Timer.TURN: f"{who} 速答时间到",
        }.get(Timer(p.get("timer", "buzz")), "时间到")
    return _simple_text(event, who)


def _simple_text(event: MatchEvent, who: str) -> str:
    p, kind = event.payload, event.kind
    if kind is EventKind.MATCH_CREATED:
        return f"比赛创建：{p.get('title', '')}"
    if kind is EventKind.ROUND_STARTED:
        return f"开始第 {int(p.get('round', 0)) + 1} 轮：{p.get('title', '')}"
    if kind is EventKind.QUESTION_SHOWN:
        turn = f"（{who}）" if event.team is not None else ""
        return f"第 {int(p.get('item', 0)) + 1} 题{turn}"
    if kind is EventKind.STAKE_CHOSEN:
        return f"{who} 选择 {p.get('stake')} 分"
    if kind is EventKind.QUESTION_RELEASED:
        return "出题，开始计时"
    if kind is EventKind.FALSE_START:
        return f"{who} 抢跑，{signed(event.delta)} 分"
    if kind is EventKind.SKIPPED:
        return f"{who} 跳过一题"
    if kind is EventKind.ADJUSTED:
        reason = f"（{p['reason']}）" if p.get("reason") else ""
        return f"{who} 加减分 {signed(event.delta)}{reason}"
    if kind is EventKind.ROUND_FINISHED:
        return f"第 {int(p.get('round', 0)) + 1} 轮结束"
    return "比赛结束" if kind is EventKind.MATCH_FINISHED else kind.value


def log_line(event: MatchEvent, names: Sequence[str], tz: tzinfo) -> str:
    return f"{event.at.astimezone(tz):%H:%M:%S}　{event_text(event, names)}"
