"""The arbitration record (比赛记录): a stored match's whole log in words a jury reads.

Built from the events alone (plus each question's text and answer), so it says exactly what
the match decided: every press with its reaction time, false starts, judgements, adjustments
with their reasons, undos and the final ranks. A protest (申诉) is settled from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from jgstudy.core.competition.config import CompetitionConfig, Team
from jgstudy.core.competition.events import EventKind, MatchEvent, Timer
from jgstudy.core.competition.state import MatchState, competition_ranks
from jgstudy.core.model import correct_answer_text, display_stem
from jgstudy.core.records import QuestionRecord

KIND_WORDS = {
    EventKind.MATCH_CREATED: "比赛创建",
    EventKind.ROUND_STARTED: "开始一轮",
    EventKind.QUESTION_SHOWN: "出示题目",
    EventKind.ORDER_SET: "调整选分顺序",
    EventKind.STAKE_CHOSEN: "选择分值",
    EventKind.QUESTION_RELEASED: "开始计时",
    EventKind.BUZZ: "抢答",
    EventKind.FALSE_START: "抢跑",
    EventKind.JUDGED: "判分",
    EventKind.SKIPPED: "跳过",
    EventKind.ADJUSTED: "加减分",
    EventKind.UNDONE: "撤销",
    EventKind.TIMEOUT: "时间到",
    EventKind.ROUND_FINISHED: "本轮结束",
    EventKind.MATCH_FINISHED: "比赛结束",
}


@dataclass(frozen=True)
class EventLine:
    """One event as a row: what, who, the points it moved and the press's reaction time."""

    seq: int
    at: datetime  # local time
    round: str
    item: str
    team: str
    what: str
    detail: str
    points: int | None
    reaction_ms: int | None
    undone_by: int | None  # seq of the undo that reversed it


@dataclass
class QuestionLine:
    """A question asked (or a 风险题 turn), with its answer and everything that befell it."""

    round: str
    item: str
    team: str
    question_id: str
    stem: str
    answer: str
    stake: str = ""
    presses: list[str] = field(default_factory=list)  # 二队 0.64 秒（抢到）
    false_starts: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)  # 二队 答错 −10


@dataclass(frozen=True)
class Standing:
    rank: int
    tied: bool
    name: str
    key: str
    score: int


@dataclass(frozen=True)
class MatchRecord:
    match_id: int
    title: str
    created_at: datetime  # local time
    finished_at: datetime | None
    facts: tuple[tuple[str, str], ...]  # (label, value): seed, starting score, rules
    standings: tuple[Standing, ...]
    questions: tuple[QuestionLine, ...]
    events: tuple[EventLine, ...]


def rank_words(rank: int, tied: bool) -> str:
    return f"{'并列' if tied else ''}第 {rank} 名"


def signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def build_record(
    match_id: int,
    config: CompetitionConfig,
    teams: Sequence[Team],
    events: Sequence[MatchEvent],
    question: Callable[[int], QuestionRecord],
    tz: tzinfo,
) -> MatchRecord:
    """The record of a stored match from its configuration, line-up and events (at least the
    first, ``match_created``)."""
    reader = _Reader(config, [t.name for t in teams], question, tz)
    state = MatchState(config, len(teams))  # the scores exactly as the match counts them
    for event in events:
        reader.read(event)
        state.apply(event)
    scores = state.scores()
    ranks = competition_ranks(scores)
    standings = sorted(
        (
            Standing(ranks[i], scores.count(scores[i]) > 1, t.name, t.key, scores[i])
            for i, t in enumerate(teams)
        ),
        key=lambda s: s.rank,  # stable: teams sharing a rank stay in line-up order
    )
    finished = [e.at for e in events if e.kind is EventKind.MATCH_FINISHED]
    return MatchRecord(
        match_id=match_id,
        title=config.title,
        created_at=events[0].at.astimezone(tz),
        finished_at=finished[-1].astimezone(tz) if finished else None,
        facts=reader.facts(events),
        standings=tuple(standings),
        questions=tuple(reader.questions),
        events=tuple(reader.lines(events)),
    )


class _Reader:
    """Walks the events once, keeping where the match was (round, question) for each row."""

    def __init__(
        self,
        config: CompetitionConfig,
        names: list[str],
        question: Callable[[int], QuestionRecord],
        tz: tzinfo,
    ) -> None:
        self.config = config
        self.names = names
        self.question = question
        self.tz = tz
        self.round = ""
        self.item = ""
        self.current: QuestionLine | None = None
        self.questions: list[QuestionLine] = []
        self.where: dict[int, tuple[str, str]] = {}

    def name(self, team: int | None) -> str:
        return self.names[team] if team is not None and 0 <= team < len(self.names) else ""

    def read(self, event: MatchEvent) -> None:
        p = event.payload
        if event.kind is EventKind.ROUND_STARTED:
            title = str(p.get("title", ""))
            if not p.get("tiebreak"):
                title = f"第 {int(p['round']) + 1} 轮 {title}"
            self.round, self.item, self.current = title, "", None
        elif event.kind is EventKind.QUESTION_SHOWN:
            self.item = f"第 {int(p['item']) + 1} 题"
            self.current = self._question_line(int(p["question"]), event.team)
            self.questions.append(self.current)
        self.where[event.seq] = (self.round, self.item)
        if self.current is not None:
            self._note(event)

    def _question_line(self, pk: int, team: int | None) -> QuestionLine:
        record = self.question(pk)
        q = record.question
        return QuestionLine(
            self.round,
            self.item,
            self.name(team),
            q.id,
            display_stem(q.stem),
            correct_answer_text(q),
        )

    def _note(self, event: MatchEvent) -> None:
        line, p, who = self.current, event.payload, self.name(event.team)
        assert line is not None
        if event.kind is EventKind.BUZZ:
            won = "（抢到）" if p.get("accepted") else "（未抢到）"
            line.presses.append(f"{who} {_seconds(p.get('reaction_ms'))}{won}")
        elif event.kind is EventKind.FALSE_START:
            line.false_starts.append(f"{who} 第 {p.get('count', 1)} 次 {signed(event.delta)}")
        elif event.kind is EventKind.STAKE_CHOSEN:
            line.stake = f"{who} 放弃" if p.get("declined") else f"{who} {p.get('stake')} 分"
        elif event.kind is EventKind.JUDGED:
            verdict = "答对" if p.get("correct") else "答错"
            line.results.append(f"{who} {verdict} {signed(event.delta)}")
        elif event.kind is EventKind.UNDONE:
            line.results.append(f"撤销 {who} {signed(-int(p.get('delta', 0)))}")
        elif event.kind is EventKind.TIMEOUT and p.get("timer") == Timer.BUZZ:
            audience = p.get("unanswered") == "audience"
            line.results.append("无人抢答，观众题" if audience else "无人抢答，作废")

    def lines(self, events: Sequence[MatchEvent]) -> list[EventLine]:
        undone = {int(e.payload["target"]): e.seq for e in events if e.kind is EventKind.UNDONE}
        rows = []
        for event in events:
            round_, item = self.where.get(event.seq, ("", ""))
            delta = event.delta if event.kind in (EventKind.FALSE_START, EventKind.JUDGED) else None
            if event.kind in (EventKind.ADJUSTED, EventKind.UNDONE):
                delta = int(event.payload.get("delta", 0))
                delta = -delta if event.kind is EventKind.UNDONE else delta
            reaction = event.payload.get("reaction_ms") if event.kind is EventKind.BUZZ else None
            rows.append(
                EventLine(
                    event.seq,
                    event.at.astimezone(self.tz),
                    round_,
                    item,
                    self.name(event.team),
                    KIND_WORDS[event.kind],
                    self._detail(event),
                    delta,
                    int(reaction) if reaction is not None else None,
                    undone.get(event.seq),
                )
            )
        return rows

    def _detail(self, event: MatchEvent) -> str:
        p, kind = event.payload, event.kind
        if kind is EventKind.BUZZ:
            return "抢到答题权" if p.get("accepted") else "慢了一步"
        if kind is EventKind.FALSE_START:
            return f"本场第 {p.get('count', 1)} 次" + ("，警告" if p.get("warning") else "")
        if kind is EventKind.JUDGED:
            return "答对" if p.get("correct") else "答错"
        if kind is EventKind.ADJUSTED:
            return str(p.get("reason") or "")
        if kind is EventKind.UNDONE:
            return f"撤销第 {p.get('target')} 条（{p.get('target_kind')}）"
        if kind is EventKind.STAKE_CHOSEN:
            return "放弃" if p.get("declined") else f"{p.get('stake')} 分"
        if kind is EventKind.ORDER_SET:
            return "→".join(self.name(int(t)) for t in p.get("order", []))
        if kind is EventKind.ROUND_STARTED and p.get("contenders"):
            return "加赛：" + "、".join(self.name(int(t)) for t in p["contenders"])
        if kind is EventKind.TIMEOUT:
            return {"buzz": "抢答时间到", "answer": "作答时间到", "turn": "速答时间到"}.get(
                str(p.get("timer")), ""
            ) + ("，观众题" if p.get("unanswered") == "audience" else "")
        if kind is EventKind.MATCH_FINISHED:
            return "最终得分 " + "、".join(
                f"{self.name(i)} {s}" for i, s in enumerate(p.get("scores", []))
            )
        return ""

    def facts(self, events: Sequence[MatchEvent]) -> tuple[tuple[str, str], ...]:
        first = events[0].payload if events else {}
        ladder = "、".join(signed(p) if p else "警告" for p in self.config.false_starts)
        teams = "、".join(f"{n}（{k}）" for n, k in zip(self.names, _keys(first), strict=False))
        return (
            ("参赛队（抢答键）", teams),
            ("抽题种子", str(first.get("seed", ""))),
            ("基础分", str(first.get("start", 0))),
            ("抢跑处罚（依次）", ladder),
        )


def _keys(created: object) -> list[str]:
    teams = created.get("teams", []) if isinstance(created, Mapping) else []
    return [str(t.get("key", "")) for t in teams]


def _seconds(ms: object) -> str:
    return f"{int(ms) / 1000:.3f} 秒" if isinstance(ms, int | float) else "—"
