"""The report's tables as column lists, shared by the xlsx, csv and pdf writers.

A column knows its header, how to read its value from a row and what kind of value it is; each
writer decides how a kind looks (an Excel number format, or text for CSV and PDF).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Generic, TypeVar

from jgstudy.core.model import QTYPE_LABELS, QType
from jgstudy.core.reports.cadres import CadreReport, TagKnowledge
from jgstudy.core.reports.exams import ExamResult
from jgstudy.core.reports.items import ItemStats
from jgstudy.core.reports.units import NO_UNIT, UnitReport

Row = TypeVar("Row")
Value = str | int | float | datetime | None


class Kind(Enum):
    """How a value is shown."""

    TEXT = "text"
    INT = "int"
    PERCENT = "percent"  # a share 0..1, shown as 85.0%
    SCORE = "score"  # out of 100, one decimal
    RATIO = "ratio"  # -1..1, two decimals (discrimination)
    SECONDS = "seconds"  # one decimal
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    value: Callable[[Row], Value]
    kind: Kind = Kind.TEXT


def text(value: Value, kind: Kind) -> str:
    """A value as text (CSV cells, PDF tables); None is empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str):
        return value
    formats = {
        Kind.PERCENT: lambda v: f"{100 * v:.1f}%",
        Kind.SCORE: lambda v: f"{v:.1f}",
        Kind.RATIO: lambda v: f"{v:.2f}",
        Kind.SECONDS: lambda v: f"{v:.1f}",
    }
    return formats.get(kind, lambda v: f"{v:g}")(float(value))


def display_width(value: str) -> int:
    """Columns a text takes in a monospaced view: CJK (wide and full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _seconds(ms: float | None) -> float | None:
    return ms / 1000 if ms is not None else None


def _unit(unit: str) -> str:
    return unit or NO_UNIT


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


RANK_COLUMN: Column[CadreReport] = Column("单位内排名", lambda c: c.rank, Kind.INT)
CADRE_COLUMNS: tuple[Column[CadreReport], ...] = (
    Column("单位", lambda c: _unit(c.unit)),
    RANK_COLUMN,
    Column("姓名", lambda c: c.name),
    Column("作答题数", lambda c: c.answers, Kind.INT),
    Column("答对题数", lambda c: c.correct, Kind.INT),
    Column("正确率", lambda c: c.accuracy, Kind.PERCENT),
    Column("得分", lambda c: c.score, Kind.SCORE),
    Column("已完成", lambda c: _yes(c.completed)),
    Column("学习天数", lambda c: c.active_days, Kind.INT),
    Column("连续学习天数", lambda c: c.streak_days, Kind.INT),
    Column("答题用时中位数(秒)", lambda c: _seconds(c.median_ms), Kind.SECONDS),
    Column("估计掌握度", lambda c: c.knowledge, Kind.PERCENT),
    Column("考试次数", lambda c: len(c.exams), Kind.INT),
    Column("最高考试成绩", lambda c: c.best_exam, Kind.SCORE),
)


def cadre_columns(ranked: bool) -> tuple[Column[CadreReport], ...]:
    """The per-cadre columns; the rank within the unit only when the report ranks cadres."""
    return CADRE_COLUMNS if ranked else tuple(c for c in CADRE_COLUMNS if c is not RANK_COLUMN)


UNIT_COLUMNS: tuple[Column[UnitReport], ...] = (
    Column("排名", lambda u: u.rank, Kind.INT),
    Column("单位", lambda u: u.label),
    Column("学员人数", lambda u: u.cadres, Kind.INT),
    Column("参与人数", lambda u: u.participants, Kind.INT),
    Column("参与率", lambda u: u.participation, Kind.PERCENT),
    Column("完成人数", lambda u: u.completed, Kind.INT),
    Column("完成率", lambda u: u.completion, Kind.PERCENT),
    Column("作答题数", lambda u: u.answers, Kind.INT),
    Column("正确率", lambda u: u.accuracy, Kind.PERCENT),
    Column("平均得分", lambda u: u.average_score, Kind.SCORE),
)


def _qtype(item: ItemStats) -> str:
    return QTYPE_LABELS.get(QType(item.type), item.type)


ITEM_COLUMNS: tuple[Column[ItemStats], ...] = (
    Column("需核查", lambda i: "需核查" if i.needs_checking else ""),
    Column("题库", lambda i: i.bank_id),
    Column("题号", lambda i: i.qid),
    Column("题型", _qtype),
    Column("题干", lambda i: i.stem),
    Column("正确答案", lambda i: i.key),
    Column("作答次数", lambda i: i.attempts, Kind.INT),
    Column("作答人数", lambda i: i.cadres, Kind.INT),
    Column("难度系数(答对率)", lambda i: i.facility, Kind.PERCENT),
    Column("区分度", lambda i: i.discrimination, Kind.RATIO),
    Column("平均用时(秒)", lambda i: _seconds(i.mean_ms), Kind.SECONDS),
    Column("最常选的错误答案", lambda i: i.top_wrong),
    Column("选该错误答案人数", lambda i: i.top_wrong_count if i.top_wrong else None, Kind.INT),
    Column("选正确答案人数", lambda i: i.key_count if i.key else None, Kind.INT),
    Column("核查原因", lambda i: "；".join(i.flags)),
)

EXAM_COLUMNS: tuple[Column[ExamResult], ...] = (
    Column("姓名", lambda e: e.name),
    Column("单位", lambda e: _unit(e.unit)),
    Column("考试", lambda e: e.title),
    Column("考试编号", lambda e: e.exam_id),
    Column("状态", lambda e: "已交卷" if e.finished else "未交卷"),
    Column("开始时间", lambda e: e.started_at, Kind.DATETIME),
    Column("交卷时间", lambda e: e.finished_at, Kind.DATETIME),
    Column(
        "用时(分钟)",
        lambda e: e.duration_s / 60 if e.duration_s is not None else None,
        Kind.SECONDS,
    ),
    Column("得分", lambda e: e.score if e.finished else None, Kind.SCORE),
    Column("满分", lambda e: e.max_score if e.finished else None, Kind.SCORE),
    Column("百分制成绩", lambda e: e.percent, Kind.SCORE),
)

TagRow = tuple[CadreReport, TagKnowledge]

TAG_COLUMNS: tuple[Column[TagRow], ...] = (
    Column("姓名", lambda r: r[0].name),
    Column("单位", lambda r: _unit(r[0].unit)),
    Column("知识点(标签)", lambda r: r[1].tag),
    Column("作答题数", lambda r: r[1].answers, Kind.INT),
    Column("正确率", lambda r: r[1].accuracy, Kind.PERCENT),
    Column("估计掌握度", lambda r: r[1].retrievability, Kind.PERCENT),
)


def tag_rows(cadres: tuple[CadreReport, ...]) -> list[TagRow]:
    """One row per cadre and tag."""
    return [(cadre, tag) for cadre in cadres for tag in cadre.by_tag]


DayRow = tuple[CadreReport, date, int]

DAY_COLUMNS: tuple[Column[DayRow], ...] = (
    Column("姓名", lambda r: r[0].name),
    Column("单位", lambda r: _unit(r[0].unit)),
    Column("日期", lambda r: r[1].isoformat()),
    Column("作答题数", lambda r: r[2], Kind.INT),
)


def day_rows(cadres: tuple[CadreReport, ...]) -> list[DayRow]:
    """One row per cadre and local day with answers."""
    return [(cadre, day, n) for cadre in cadres for day, n in cadre.per_day.items()]
