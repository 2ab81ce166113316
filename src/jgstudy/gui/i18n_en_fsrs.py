"""English for the target-date plan and personal FSRS parameters (issue 16)."""

EN: dict[str, str] = {
    "按现在的计划达不到目标：请每天多学一些，或在设置中调整目标。": (
        "The plan does not reach the target: study a little more each day, or adjust the target"
        " in Settings."
    ),
    "距目标日期 {date} 还有 {days} 天。": "{days} days to the target date {date}.",
    "尚未学过 {count} 题：每天学新题 {quota} 道，{date} 前学完。": (
        "{count} questions not yet studied: {quota} new a day, all met by {date}."
    ),
    "按计划，目标日期预计掌握 {share:.0%}（目标 {target:.0%}）。": (
        "On this plan, predicted recall on the date: {share:.0%} (target {target:.0%})."
    ),
    "每天约 {minutes:.0f} 分钟。": "About {minutes:.0f} minutes a day.",
    "目标日期": "Target date",
    "还没有设定目标日期（如比赛初赛日）。可在“设置”中设定。": (
        "No target date yet (such as the competition's preliminary). Set one in Settings."
    ),
    "最后几天提前复习 {count} 题，分摊到各天。": (
        "{count} reviews brought forward in the last days, spread across them."
    ),
    "已按 {reviews} 次隔天复习拟合个人参数，以后按它安排复习。\n"
    "预测误差（对数损失）：默认参数 {default:.3f} → 个人参数 {fitted:.3f}；"
    "RMSE {rmse_default:.3f} → {rmse_fitted:.3f}。": (
        "Personal parameters fitted to {reviews} reviews on later days; reviews are scheduled"
        " with them from now on.\nPrediction error (log loss): default {default:.3f} →"
        " personal {fitted:.3f}; RMSE {rmse_default:.3f} → {rmse_fitted:.3f}."
    ),
    "目标日期已过或超过两年。可在“设置”中重新设定。": (
        "The target date has passed or is more than two years ahead. Set it again in Settings."
    ),
    "今天有 {count} 题提前复习，已加入“开始复习”。": (
        "{count} questions brought forward to today, included in Start review."
    ),
    "拟合个人参数": "Fit personal parameters",
    "改回默认参数": "Back to default parameters",
    "设定目标日期": "Set a target date",
    "保存目标": "Save target",
    "目标掌握率": "Target recall",
    "目标与个人参数": "Target and personal parameters",
    "为当前用户设定目标日期（如比赛初赛日），首页会显示到那天的计划。": (
        "Set the current user's target date (such as the competition's preliminary); Home shows"
        " the plan up to it."
    ),
    "个人 FSRS 参数": "Personal FSRS parameters",
    "按本人的作答记录拟合记忆模型参数（至少 400 次隔天复习）。": (
        "Fit the memory model to your own answers (at least 400 reviews on later days)."
    ),
    "请先选择用户。": "Choose a user first.",
    "目标已保存。": "Target saved.",
    "已取消目标日期。": "Target date cleared.",
    "正在拟合……": "Fitting…",
    "已改回 FSRS 默认参数。": "Back to FSRS's default parameters.",
    "正在使用个人参数（{when} 拟合）。": "Using personal parameters (fitted {when}).",
    "只有 {count} 次隔天复习记录，至少需要 {minimum} 次才能拟合；参数未改变。": (
        "Only {count} reviews on later days; fitting needs at least {minimum}. Parameters unchanged."
    ),
    "拟合失败，参数未改变：{error}": "Fitting failed, parameters unchanged: {error}",
}
