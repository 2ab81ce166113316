"""English for the error dialog and the profile checks (issue 13)."""

EN: dict[str, str] = {
    "程序出错": "Something went wrong",
    "（无法写入日志文件）": "(the log file cannot be written)",
    "详细信息已写入日志：{path}": "The details were written to the log: {path}",
    "复制详情": "Copy details",
    "已复制": "Copied",
    "出现了一个意外错误。你的作答已经保存；可以继续使用，或重新启动程序。": (
        "An unexpected error occurred. Your answers are saved; you can carry on or restart "
        "the program."
    ),
    "无法打开数据库：{url}": "Cannot open the database: {url}",
}
