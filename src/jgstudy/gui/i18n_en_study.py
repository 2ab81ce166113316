"""English texts of 专项练习, 背题模式, 收藏, 笔记, 题目纠错 and the 错题本's history and export."""

EN: dict[str, str] = {
    "专项练习": "Focused practice",
    "笔记：写一句自己的提示（回车保存）": "Note: a hint of your own (Enter saves)",
    "纠错": "Report a problem",
    "题目纠错": "Report a problem with this question",
    "这道题有什么问题？请简要说明（培训老师会核查）：": (
        "What is wrong with this question? Say briefly (a trainer will check):"
    ),
    "已提交纠错，谢谢！": "Reported, thank you!",
    "★ 已收藏": "★ Starred",
    "☆ 收藏": "☆ Star",
    "笔记已保存": "Note saved",
    "按题库、章节或标签、题型挑题：顺序练习、随机练习，或背题模式（答案和解析直接显示）。": (
        "Pick questions by bank, chapter or tag and type: practise in order, shuffled, or "
        "browse them with answers and explanations shown."
    ),
    "章节或标签": "Chapter or tag",
    "顺序练习（按题库顺序）": "In order (as in the bank)",
    "随机练习（每次重新打乱）": "Shuffled (anew each time)",
    "顺序": "Order",
    "开始练习": "Start practice",
    "背题模式": "Browse with answers",
    "练习收藏": "Practise starred",
    "全部": "All",
    "专项练习：": "Focused practice: ",
    "全部题目": "all questions",
    "练习收藏（{count}）": "Practise starred ({count})",
    "共 {count} 题": "{count} questions",
    "背题模式：": "Browse with answers: ",
    "收藏的题": "Starred questions",
    " · ": " · ",
    "结束背题": "Stop browsing",
    "← → 翻题，Esc 结束": "← → to turn, Esc to stop",
    "第 {n} / {total} 题": "Question {n} of {total}",
    "← 上一题": "← Previous",
    "下一题 →": "Next →",
    "答错次数": "Times wrong",
    "最近答错": "Last wrong",
    "上次答案": "Last answer",
    "导出错题本": "Export wrong-answer book",
    "错题本-{name}.{fmt}": "wrong-answers-{name}.{fmt}",
    "{name}的错题本": "{name}'s wrong-answer book",
    "答错 {count} 次（{times}）；最近一次答的是：{answer}": (
        "Wrong {count} times ({times}); last answer given: {answer}"
    ),
    "已导出：{path}": "Exported: {path}",
    "{count} 次": "{count}×",
    "导出 PDF": "Export PDF",
    "导出 Excel": "Export Excel",
    "PDF 文件 (*.pdf)": "PDF file (*.pdf)",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "无法写入 {path}：{reason}": "Cannot write {path}: {reason}",
}
