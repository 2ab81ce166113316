"""The tables of cohort readiness (备考准备), shared by the xlsx and pdf writers and the GUI.

Headers are message templates (the GUI translates them with ``tr``); the kinds are those of
:mod:`jgstudy.core.reports.columns`.
"""

from __future__ import annotations

from jgstudy.core.reports.cohort import (
    ACTIVE_DAYS,
    WINDOW_DAYS,
    BehindCadre,
    TagReadiness,
    UnitReadiness,
)
from jgstudy.core.reports.columns import Column, Kind
from jgstudy.core.reports.units import NO_UNIT
from jgstudy.core.text import N_, join, msg

SHEET = N_("备考准备")
UNITS_TITLE = N_("各单位：目标日期预计掌握率")
TAGS_TITLE = N_("各单位的知识点（最薄弱的在前）")
BEHIND_TITLE = N_("落后于计划的学员")
HIDDEN_NAMES = N_(
    "{unit}：{count} 名学员落后于计划；姓名只向本单位培训员显示"
    "（按单位生成报告，或用本单位培训员的登录）。"
)
NOBODY_BEHIND = N_("没有学员落后于计划。")
NO_TARGETS = N_(
    "还没有学员设定目标日期：在“设置”中设定，或用 jgstudy plan --unit 单位 --until 日期 --save。"
)
WEAKNESS_NOTE = N_(
    "薄弱度 = 该知识点各题（1 − 目标日期预计掌握率）×难度 的平均值：预计掌握率为本单位学员的平均值，"
    "难度为试题分析中首次作答答错的比例（无人作答的题取各题平均难度）。"
    "即目标日期这些题预计会失分的比例：既没记住、也做不出来。"
)

PARTICIPATION = msg("近{window}天学习≥{active}天", window=WINDOW_DAYS, active=ACTIVE_DAYS)
RECENT_PACE = msg("近 {window} 天每天新题", window=WINDOW_DAYS)


def _unit(unit: str) -> str:
    return unit or msg(NO_UNIT)  # a message (translated on screen); a unit's name is not


def target_dates(unit: UnitReadiness) -> str:
    """The unit's target date, or the range of its cadres' dates."""
    if unit.first_date is None or unit.last_date is None:
        return ""
    if unit.first_date == unit.last_date:
        return unit.first_date.isoformat()
    return msg(
        "{first} 至 {last}", first=unit.first_date.isoformat(), last=unit.last_date.isoformat()
    )


UNIT_READINESS: tuple[Column[UnitReadiness], ...] = (
    Column(N_("单位"), lambda u: _unit(u.unit)),
    Column(N_("学员人数"), lambda u: u.cadres, Kind.INT),
    Column(N_("已设目标"), lambda u: u.planned, Kind.INT),
    Column(N_("目标日期"), target_dates),
    Column(N_("目标掌握率"), lambda u: u.target_recall, Kind.PERCENT),
    Column(N_("预计掌握率(平均)"), lambda u: u.mean_recall, Kind.PERCENT),
    Column(N_("预计掌握率(下四分位)"), lambda u: u.low_recall, Kind.PERCENT),
    Column(N_("落后于计划"), lambda u: u.behind_count, Kind.INT),
    Column(PARTICIPATION, lambda u: u.participation, Kind.PERCENT),
)

TAG_READINESS: tuple[Column[TagReadiness], ...] = (
    Column(N_("单位"), lambda t: _unit(t.unit)),
    Column(N_("薄弱排序"), lambda t: t.order, Kind.INT),
    Column(N_("知识点(标签)"), lambda t: t.tag),
    Column(N_("题数"), lambda t: t.questions, Kind.INT),
    Column(N_("预计掌握率(平均)"), lambda t: t.mean_recall, Kind.PERCENT),
    Column(N_("预计掌握率(下四分位)"), lambda t: t.low_recall, Kind.PERCENT),
    Column(N_("难度(首次答错率)"), lambda t: t.difficulty, Kind.PERCENT),
    Column(N_("薄弱度"), lambda t: t.weakness, Kind.PERCENT),
)

BEHIND: tuple[Column[BehindCadre], ...] = (
    Column(N_("单位"), lambda b: _unit(b.unit)),
    Column(N_("姓名"), lambda b: b.name),
    Column(N_("预计掌握率"), lambda b: b.predicted_recall, Kind.PERCENT),
    Column(N_("目标掌握率"), lambda b: b.target_recall, Kind.PERCENT),
    Column(N_("每天需学新题"), lambda b: b.needed_new_per_day, Kind.INT),
    Column(RECENT_PACE, lambda b: b.recent_new_per_day, Kind.SCORE),
    Column(N_("落后原因"), lambda b: join("；", b.reasons)),
)


def hidden_names(units: tuple[UnitReadiness, ...]) -> list[str]:
    """One line per unit whose cadres behind plan are counted but not named."""
    return [
        msg(HIDDEN_NAMES, unit=_unit(u.unit), count=u.behind_count)
        for u in units
        if u.behind_count and not u.names_shown
    ]
