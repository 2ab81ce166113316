"""English texts of the due rule, the day boundary and the honest knowledge figures."""

EN: dict[str, str] = {
    "开始复习（{due_now}）": "Review due ({due_now})",
    "稍后还有 {due_later} 题到期": "{due_later} more due later today",
    "现在还有 {due_now} 题到期，可以再练一组。": "{due_now} {due_now|question|questions} are due now: one more round?",
    " 点": ":00",
    "新的一天开始于": "New day starts at",
    "到期的复习题从这个时刻起算作当天；熬夜学习时，凌晨的作答仍算前一天。": (
        "Reviews fall due from this hour; answers given after midnight but before it still"
        " count for the day before."
    ),
    "各专题掌握程度（30 天后仍记得的估计比例）": "Knowledge per topic (estimated recall in 30 days)",
    "按记忆模型（FSRS）估计：已练过的题目若不再复习，30 天后仍能答对的平均概率。": (
        "FSRS estimate: the average chance of still answering the questions practised so far"
        " in 30 days without reviewing them."
    ),
}
