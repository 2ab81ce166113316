"""The simulator's figures in plain sentences and chart series (the 预测 page)."""

from __future__ import annotations

from collections.abc import Sequence

from jgstudy.core.scheduling.forecast import DayLoad, Plan
from jgstudy.gui.colors import Colors
from jgstudy.gui.i18n import tr
from jgstudy.gui.progress import day_labels, day_range

MAX_BARS = 62  # a longer plan is drawn a week per bar


def simulation_title(minutes: int | None, plan: Plan) -> str:
    """每天 15 分钟 → 2027-01-20 预计掌握 82%."""
    if minutes is None:
        return tr("按计划学完新题 → {date} 预计掌握 {share:.0%}").format(
            date=plan.target_date.isoformat(), share=plan.predicted_recall
        )
    return tr("每天 {minutes} 分钟 → {date} 预计掌握 {share:.0%}").format(
        minutes=minutes, date=plan.target_date.isoformat(), share=plan.predicted_recall
    )


def simulation_lines(
    minutes: int | None, plan: Plan, curve: Sequence[tuple[int, Plan]]
) -> list[str]:
    """The load, what is left unmet, the target and the pace, a sentence each.

    ``curve``: (daily minutes, plan) for rising minutes, to say how many reach the target.
    """
    days = max(len(plan.days), 1)
    lines = [
        tr(
            "平均每天复习 {reviews:.0f} 题、学新题 {new:.0f} 题，约 {minutes:.0f} 分钟；"
            "最多的一天 {busiest:.0f} 分钟。"
        ).format(
            reviews=sum(d.reviews + d.advanced for d in plan.days) / days,
            new=sum(d.new for d in plan.days) / days,
            minutes=plan.minutes_per_day,
            busiest=plan.busiest_minutes,
        )
    ]
    if plan.unmet:
        lines.append(
            tr("时间不够：到目标日期还有 {count} 题没学过，按记不住计入预计掌握率。").format(
                count=plan.unmet
            )
        )
    elif plan.not_introduced:
        lines.append(
            tr("尚未学过的 {count} 题都能在目标日期前学到。").format(count=plan.not_introduced)
        )
    if plan.advanced:
        lines.append(tr("最后几天提前复习 {count} 题。").format(count=plan.advanced))
    lines.append(_against_target(plan, curve))
    if minutes is not None and plan.busiest_minutes > minutes + 0.5:
        lines.append(
            tr("到期的复习总要做完，所以有些天超过 {minutes} 分钟。").format(minutes=minutes)
        )
    lines.append(_pace(plan))
    return lines


def _against_target(plan: Plan, curve: Sequence[tuple[int, Plan]]) -> str:
    target = plan.target_recall
    if plan.predicted_recall >= target:
        return tr("达到目标掌握率 {target:.0%}。").format(target=target)
    enough = next((m for m, c in curve if c.predicted_recall >= target), None)
    if enough is None:
        return tr("低于目标掌握率 {target:.0%}，每天多学也达不到：请提前开始，或降低目标。").format(
            target=target
        )
    return tr("低于目标掌握率 {target:.0%}；每天 {minutes} 分钟可以达到。").format(
        target=target, minutes=enough
    )


def _pace(plan: Plan) -> str:
    if plan.own_pace:
        return tr("用时按本人每题用时的中位数 {seconds:.0f} 秒估计。").format(
            seconds=plan.seconds_per_answer
        )
    return tr("作答记录还少，用时按每题 {seconds:.0f} 秒估计。").format(
        seconds=plan.seconds_per_answer
    )


def load_series(
    plan: Plan, colors: Colors
) -> tuple[list[str], str, list[tuple[str, list[float], str]]]:
    """Bar labels, the chart's title and its stacks (reviews, new, advanced): a bar a day, or
    a week when the plan is long."""
    if not plan.days:
        return [], tr("每天的学习量（题）"), []
    groups = _weeks(plan.days) if len(plan.days) > MAX_BARS else [[d] for d in plan.days]
    firsts = [g[0].day for g in groups]
    if len(plan.days) > MAX_BARS:
        labels = [f"{d.month}/{d.day}" for d in firsts]
        title = tr("每周的学习量（题）：{range}")
    else:
        labels = day_labels(firsts)
        title = tr("每天的学习量（题）：{range}")
    stacks = [
        (tr("复习"), [float(sum(d.reviews for d in g)) for g in groups], colors.slate),
        (tr("新题"), [float(sum(d.new for d in g)) for g in groups], colors.accent),
        (tr("提前复习"), [float(sum(d.advanced for d in g)) for g in groups], colors.good),
    ]
    return labels, title.format(range=day_range([d.day for d in plan.days])), stacks


def _weeks(days: Sequence[DayLoad]) -> list[list[DayLoad]]:
    return [list(days[i : i + 7]) for i in range(0, len(days), 7)]
