"""English for the texts of screen fitting, Qt dialogs, restart, the home cards and exams."""

EN: dict[str, str] = {
    "option\x04正确": "Correct",
    "新题库": "New bank",
    "标准（100%）": "Normal (100%)",
    "大（115%）": "Large (115%)",
    "较大（130%）": "Larger (130%)",
    "特大（150%）": "Largest (150%)",
    "界面语言": "Interface language",
    "界面语言在重新启动后生效。现在重新启动机关学习吗？": (
        "The interface language applies after a restart. Restart jgstudy now?"
    ),
    "现在重启": "Restart now",
    "稍后": "Later",
    "考试进行中": "Exam in progress",
    "模拟考试正在进行。关闭后答案都已保存，但计时不会暂停；下次打开时可以继续作答，时间到了会自动交卷。\n确定关闭吗？": (
        "A mock exam is in progress. Your answers are saved, but the clock keeps running: "
        "you can go on when you open jgstudy again, and the paper is handed in when the time "
        "is up.\nClose anyway?"
    ),
    "周一": "Mon",
    "周二": "Tue",
    "周三": "Wed",
    "周四": "Thu",
    "周五": "Fri",
    "周六": "Sat",
    "周日": "Sun",
    "今天": "Today",
    "明天": "Tmrw",
    "未来 7 天待复习": "Reviews in the next 7 days",
    "共 {total} 题，按 FSRS 记忆模型预测": (
        "{total} {total|question|questions}, as the FSRS memory model predicts"
    ),
    "这一周没有到期的复习题": "Nothing falls due this week",
    "薄弱知识点": "Weakest topics",
    "同一标签答满 3 题后，这里列出正确率最低的知识点。": (
        "Topics answered at least 3 times appear here, the least accurate first."
    ),
    "正确率 {percent:.0%} · 作答 {reviews} 次": (
        "{percent:.0%} right · {reviews} {reviews|answer|answers}"
    ),
    "专项练习": "Topic practice",
    "练习“{tag}”下的全部题目": "Practise every question tagged “{tag}”",
    "专项练习：{tag}": "Topic practice: {tag}",
    "往次成绩（共 {count} 次）：": "Past results ({count} {count|attempt|attempts}):",
    "{month}月{day}日\u3000{score} / {max_score} 分": "{month}/{day}  {score} / {max_score} pts",
    "最好成绩 {score} 分": "Best: {score} pts",
    "返回": "Back",
    "回到试卷列表，查看往次成绩": "Back to the papers and their past results",
    "学习记录按用户分别保存。请填写你的姓名和单位，开始学习。": (
        "Study records are kept per user. Enter your name and unit to begin."
    ),
}
