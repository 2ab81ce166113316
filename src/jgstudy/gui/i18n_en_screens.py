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
}
