"""English for the 预测 page: the simulator and the true retention table (issue 16)."""

EN: dict[str, str] = {
    "预测": "Forecast",
    "预测与模拟": "Forecast and simulator",
    "每天学多少分钟，目标日期能掌握多少；以及过去的复习里预测准不准。": (
        "How much you will recall on the target date for the minutes you study each day, and"
        " how well the forecasts matched your past reviews."
    ),
    "模拟": "Simulator",
    "每天限定": "Limit each day to",
    " 分钟": " min",
    "不限时间，按计划学完新题": "No limit: meet every new question on the plan's pace",
    "复习安排在记忆降到这个比例时；越高复习越勤，每天用时越多。": (
        "Reviews are scheduled when recall falls to this share; higher means more frequent"
        " reviews and more minutes a day."
    ),
    "记忆保持率": "Desired retention",
    "每天学习分钟数与目标日期预计掌握率": "Minutes a day and the predicted recall on the date",
    "每天的学习量": "Work per day",
    "{minutes} 分钟": "{minutes} min",
    "计算失败：{error}": "The forecast failed: {error}",
    "按计划学完新题 → {date} 预计掌握 {share:.0%}": (
        "On the plan's pace → {share:.0%} predicted recall on {date}"
    ),
    "每天 {minutes} 分钟 → {date} 预计掌握 {share:.0%}": (
        "{minutes} min a day → {share:.0%} predicted recall on {date}"
    ),
    "平均每天复习 {reviews:.0f} 题、学新题 {new:.0f} 题，约 {minutes:.0f} 分钟；"
    "最多的一天 {busiest:.0f} 分钟。": (
        "On average {reviews:.0f} reviews and {new:.0f} new questions a day, about"
        " {minutes:.0f} minutes; the busiest day takes {busiest:.0f} minutes."
    ),
    "时间不够：到目标日期还有 {count} 题没学过，按记不住计入预计掌握率。": (
        "Not enough time: {count} questions are still unmet on the date; the forecast counts"
        " them as not recalled."
    ),
    "尚未学过的 {count} 题都能在目标日期前学到。": (
        "All {count} questions not yet studied are met before the date."
    ),
    "最后几天提前复习 {count} 题。": "{count} reviews brought forward in the last days.",
    "达到目标掌握率 {target:.0%}。": "Reaches the target recall of {target:.0%}.",
    "低于目标掌握率 {target:.0%}，每天多学也达不到：请提前开始，或降低目标。": (
        "Below the target recall of {target:.0%}, even with more minutes a day: start earlier"
        " or lower the target."
    ),
    "低于目标掌握率 {target:.0%}；每天 {minutes} 分钟可以达到。": (
        "Below the target recall of {target:.0%}; {minutes} minutes a day reach it."
    ),
    "到期的复习总要做完，所以有些天超过 {minutes} 分钟。": (
        "Due reviews are always done, so some days take more than {minutes} minutes."
    ),
    "用时按本人每题用时的中位数 {seconds:.0f} 秒估计。": (
        "Minutes estimated from your median time per answer, {seconds:.0f} seconds."
    ),
    "作答记录还少，用时按每题 {seconds:.0f} 秒估计。": (
        "Few timed answers yet: minutes estimated at {seconds:.0f} seconds an answer."
    ),
    "每天的学习量（题）": "Questions per day",
    "每周的学习量（题）：{range}": "Questions per week: {range}",
    "每天的学习量（题）：{range}": "Questions per day: {range}",
    "复习": "Reviews",
    "新题": "New",
    "提前复习": "Brought forward",
    # the true retention table
    "真实保持率": "True retention",
    "隔天复习时答对的比例，按距上次作答的间隔和时段分列；括号内是记忆模型"
    "（FSRS）预测的比例。两者接近，说明预测可信。同一天内的重复作答不计。": (
        "The share of reviews on a later day that were answered right, by the interval since"
        " the previous answer and by period; in brackets, the share the memory model (FSRS)"
        " predicted. Close figures mean the forecasts can be trusted. Repeats on the same day"
        " are not counted."
    ),
    "{rate:.0%}（预测 {predicted:.0%}）\n{count} 次": (
        "{rate:.0%} (predicted {predicted:.0%})\n{count} {count|review|reviews}"
    ),
    "还没有隔天复习记录：复习几天之后，这里会比较实际通过率和预测。": (
        "No reviews on a later day yet: after a few days of reviews, this compares the actual"
        " pass rate with the forecast."
    ),
    "共 {count} 次隔天复习，实际通过 {actual:.0%}，预测 {predicted:.0%}：": (
        "{count} {count|review|reviews} on a later day, {actual:.0%} passed,"
        " {predicted:.0%} predicted: "
    ),
    "次数还少，比例还不稳定。": "too few yet for steady shares.",
    "预测偏高，实际忘得比记忆模型估计的快。在“设置”中拟合个人参数可以让预测更准。": (
        "the forecast is too high; you forget faster than the memory model assumes. Fitting"
        " your own parameters in Settings makes it more accurate."
    ),
    "预测偏保守，实际记得比记忆模型估计的好。": (
        "the forecast is cautious; you remember better than the memory model assumes."
    ),
    "预测与实际相符，上面的预测可信。": (
        "the forecast matches what happened, so the figures above can be trusted."
    ),
    # the core's interval buckets and periods (core.scheduling.retention)
    "1 天": "1 day",
    "2–3 天": "2–3 days",
    "4–7 天": "4–7 days",
    "8–14 天": "8–14 days",
    "15–30 天": "15–30 days",
    "31 天以上": "31+ days",
    "近 7 天": "Last 7 days",
    "近 30 天": "Last 30 days",
}
