"""``jgstudy optimize`` and ``jgstudy plan``: a cadre's own FSRS parameters and the plan toward a
target date (the same figures as the 设置 button and the 首页 card)."""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date

from jgstudy.cli.commands import open_services, percent
from jgstudy.cli.errors import CliError
from jgstudy.core.planning import BadTarget
from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling.fit import FitResult, NotEnoughHistory
from jgstudy.core.scheduling.forecast import Plan
from jgstudy.core.scheduling.retention import PERIODS
from jgstudy.core.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``optimize`` and ``plan`` to the ``jgstudy`` parser."""
    optimize = sub.add_parser("optimize", help="按个人作答记录拟合 FSRS 参数，以后按它安排复习")
    optimize.add_argument("--user", required=True, help="姓名")
    optimize.add_argument("--reset", action="store_true", help="改回 FSRS 默认参数")
    optimize.set_defaults(func=run_optimize)

    plan = sub.add_parser("plan", help="到目标日期的学习计划与预计掌握率")
    who = plan.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="姓名")
    who.add_argument("--unit", help="单位：本单位每名学员（培训员为全单位设定目标时用）")
    plan.add_argument(
        "--until", type=_day, metavar="YYYY-MM-DD", help="目标日期（默认：已设定的目标日期）"
    )
    plan.add_argument("--recall", type=_share, help="目标掌握率，如 0.9（默认：已设定的或 90%%）")
    plan.add_argument("--lead-days", type=int, default=3, help="新题最迟在目标日期前几天学完")
    plan.add_argument(
        "--save", action="store_true", help="把目标日期和掌握率保存为该学员（或全单位）的目标"
    )
    plan.set_defaults(func=run_plan)

    simulate = sub.add_parser("simulate", help="模拟：每天学多少分钟，目标日期能掌握多少")
    simulate.add_argument("--user", required=True, help="姓名")
    simulate.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="默认：已设定的目标日期")
    simulate.add_argument(
        "--minutes",
        type=float,
        action="append",
        help="每天分钟数（可重复，如 --minutes 10 --minutes 20）",
    )
    simulate.add_argument("--retention", type=_retention, help="复习时的记忆保持率，如 0.85")
    simulate.set_defaults(func=run_simulate)

    retention = sub.add_parser("retention", help="真实保持率：按间隔和时段的复习通过率与预测值")
    retention.add_argument("--user", required=True, help="姓名")
    retention.set_defaults(func=run_retention)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD：{text}") from exc


def _share(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"掌握率应写成 0.9 或 90%：{text}") from exc
    if not 0.5 <= value <= 0.99:
        raise argparse.ArgumentTypeError("目标掌握率须在 50% 到 99% 之间")
    return value


def _user(services: Services, name: str) -> UserInfo:
    user = services.study.find_user(name)
    if user is None:
        raise CliError(f"没有名为 {name} 的用户")
    return user


def run_optimize(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        user = _user(services, args.user)
        if args.reset:
            services.plans.reset_parameters(user, actor=user.name)
            print(f"{user.name} 的复习改回按 FSRS 默认参数安排。")
            return 0
        try:
            result = services.plans.optimize(user, actor=user.name)
        except NotEnoughHistory as exc:
            print(str(exc))
            return 1
    finally:
        services.close()
    print(fit_report(user, result))
    return 0


def fit_report(user: UserInfo, result: FitResult) -> str:
    weights = " ".join(f"{w:.4f}" for w in result.parameters)
    return "\n".join(
        [
            f"{user.name}：按 {result.reviews} 次隔天复习拟合了个人 FSRS 参数，以后按它安排复习。",
            f"参数：{weights}",
            f"默认参数：对数损失 {result.default.log_loss:.4f}　RMSE {result.default.rmse:.4f}",
            f"个人参数：对数损失 {result.fitted.log_loss:.4f}　RMSE {result.fitted.rmse:.4f}",
        ]
    )


def run_plan(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.unit is not None:
            return _unit_plan(services, args)
        user = _user(services, args.user)
        if args.save:
            if args.until is None:
                raise CliError("保存目标需要 --until YYYY-MM-DD")
            services.plans.plan(user, args.until, args.recall)  # refuses a bad date first
            services.plans.set_target(user, args.until, args.recall, actor=user.name)
        plan = services.plans.plan(user, args.until, args.recall, args.lead_days)
    except BadTarget as exc:
        raise CliError(str(exc)) from exc
    finally:
        services.close()
    if plan is None:
        raise CliError(f"{user.name} 还没有设定目标日期：请加 --until YYYY-MM-DD")
    print(plan_report(user, plan))
    return 0


def plan_report(user: UserInfo, plan: Plan) -> str:
    """The plan in plain Chinese, a line per figure and a line per day of the last week."""
    days_left = (plan.target_date - plan.today).days
    lines = [
        f"{user.name}：距目标日期 {plan.target_date.isoformat()} 还有 {days_left} 天。",
        f"尚未学过的题：{plan.not_introduced}；每天学新题 {plan.new_per_day} 道，"
        f"{plan.introduce_by.isoformat()} 前学完。",
        f"按计划，目标日期预计掌握 {percent(plan.recall_without_advance)}；"
        f"最后几天提前复习 {plan.advanced} 题后预计掌握 {percent(plan.predicted_recall)}"
        f"（目标 {percent(plan.target_recall)}）。",
        f"每天约 {plan.minutes_per_day:.0f} 分钟（{_pace(plan)}）。",
    ]
    if plan.predicted_recall < plan.target_recall:
        lines.append("按现在的计划达不到目标掌握率：请提前开始、每天多学一些，或降低目标。")
    if plan.days:
        lines.append("日期　　　　新题　复习　提前复习　分钟")
        for day in plan.days[-7:]:
            lines.append(
                f"{day.day.isoformat()}　{day.new:4d}　{day.reviews:4d}　{day.advanced:6d}"
                f"　{day.minutes:5.0f}"
            )
    return "\n".join(lines)


def _pace(plan: Plan) -> str:
    seconds = f"{plan.seconds_per_answer:.0f} 秒"
    return (
        f"按本人每题用时中位数 {seconds}"
        if plan.own_pace
        else f"作答记录还少，按每题 {seconds} 估计"
    )


def _unit_plan(services: Services, args: argparse.Namespace) -> int:
    """Every cadre of a unit: save the target for all (``--save``), then one line each."""
    cadres = [u for u in services.study.users() if u.unit == args.unit and u.role == "cadre"]
    if not cadres:
        raise CliError(f"单位 {args.unit} 没有学员")
    if args.save:
        if args.until is None:
            raise CliError("保存目标需要 --until YYYY-MM-DD")
        services.plans.plan(cadres[0], args.until, args.recall)  # refuses a bad date first
        services.plans.set_unit_target(args.unit, args.until, args.recall, actor="培训员")
        print(f"已为 {args.unit} 的 {len(cadres)} 名学员设定目标日期 {args.until.isoformat()}。")
    for cadre in cadres:
        plan = services.plans.plan(cadre, args.until, args.recall, args.lead_days)
        if plan is None:
            print(f"{cadre.name}：未设定目标日期")
            continue
        behind = "，低于目标" if plan.predicted_recall < plan.target_recall else ""
        print(
            f"{cadre.name}：{plan.target_date.isoformat()} 预计掌握 {percent(plan.predicted_recall)}"
            f"（目标 {percent(plan.target_recall)}{behind}），尚未学过 {plan.not_introduced} 题，"
            f"每天约 {plan.minutes_per_day:.0f} 分钟"
        )
    return 0


def run_retention(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        user = _user(services, args.user)
        rows = services.plans.retention(user)
    finally:
        services.close()
    print(f"{user.name}：隔天复习的通过率（括号内为 FSRS 预测值）")
    print(_pad("间隔", 12) + "".join(_pad(name, 22) for _days, name in PERIODS))
    for row in rows:
        cells = (f"{percent(c.rate)}（{percent(c.predicted)}）{c.reviews} 次" for c in row.cells)
        print(_pad(row.bucket, 12) + "".join(_pad(cell, 22) for cell in cells))
    return 0


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (CJK characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 1)


def _retention(text: str) -> float:
    value = _share(text)
    if not 0.7 <= value <= 0.99:
        raise argparse.ArgumentTypeError("记忆保持率须在 70% 到 99% 之间")
    return value


def run_simulate(args: argparse.Namespace) -> int:
    """每天 N 分钟 → 目标日期预计掌握 X %, one line per choice of minutes."""
    services = open_services(args)
    try:
        user = _user(services, args.user)
        choices: list[float | None] = list(args.minutes or [None])
        plans = services.plans.simulate(user, args.until, choices, args.retention)
    except BadTarget as exc:
        raise CliError(str(exc)) from exc
    finally:
        services.close()
    if plans is None:
        raise CliError(f"{user.name} 还没有设定目标日期：请加 --until YYYY-MM-DD")
    for minutes, plan in zip(choices, plans, strict=True):
        print(simulation_line(minutes, plan))
    return 0


def simulation_line(minutes: float | None, plan: Plan) -> str:
    """每天 15 分钟 → 2027-01-20 预计掌握 82 %（实际每天平均 14 分钟，最多 15 分钟）."""
    head = f"每天 {minutes:.0f} 分钟" if minutes is not None else "按计划学完所有新题"
    unmet = f"；到那天还有 {plan.unmet} 题没学过" if plan.unmet else ""
    return (
        f"{head} → {plan.target_date.isoformat()} 预计掌握 {percent(plan.predicted_recall)}"
        f"（平均每天 {plan.minutes_per_day:.0f} 分钟，最多 {plan.busiest_minutes:.0f} 分钟{unmet}）"
    )
