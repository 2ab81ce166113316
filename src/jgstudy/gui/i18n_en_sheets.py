"""English for importing with a preview, retiring banks and publishing from the editor (issue 12)."""

EN: dict[str, str] = {
    "所有文件 (*)": "All files (*)",
    "题库、表格或题目文件": "Banks, spreadsheets or question files",
    "导入…": "Import…",
    "导入题库、Excel/CSV 表格、GIFT、Aiken 或试卷文件：先预览，确认后导入": (
        "Import a bank, an Excel/CSV sheet, a GIFT, Aiken or paper file: preview first, "
        "then import on confirmation"
    ),
    "停用": "Retire",
    "停用所选题库：学员不再练习其中的题目，作答记录保留": (
        "Retire the selected bank: cadres no longer practise its questions; history is kept"
    ),
    "恢复": "Restore",
    "恢复所选的已停用题库": "Restore the selected retired bank",
    "已停用“{title}”：{count} 题不再出现在练习中。": (
        "Retired “{title}”: {count} {count|question|questions} no longer appear in practice."
    ),
    "已恢复“{title}”：{count} 题重新可以练习。": (
        "Restored “{title}”: {count} {count|question|questions} can be practised again."
    ),
    "选择要导入的文件": "Choose a file to import",
    "停用题库“{title}”？\n学员将不再练习、考试或浏览其中的题目；作答记录和错题记录保留，随时可以恢复。": (
        "Retire the bank “{title}”?\nCadres will no longer practise, sit or browse its "
        "questions; their answers and wrong-answer book are kept, and it can be restored "
        "at any time."
    ),
    "停用题库": "Retire bank",
    "；另有 {retired} 个已停用": "; {retired} more retired",
    "正在读取 {name}": "Reading {name}",
    "已取消导入，没有任何改动。": "Import cancelled; nothing was changed.",
    "无法读写文件：{error}": "Cannot read or write the file: {error}",
    "保存（Ctrl+S）：只保存文件，学员练习的题目不变": (
        "Save (Ctrl+S): saves the file only; what cadres practise does not change"
    ),
    "保存并导入题库，学员即可练习修改后的题目": (
        "Save and import the bank so that cadres practise the edited questions"
    ),
    "发布到练习…": "Publish to practice…",
    "不能发布": "Cannot publish",
    "题库还有问题（见下方列表），修改后才能发布到练习。文件已保存。": (
        "The bank still has problems (see the list below); fix them to publish it. "
        "The file was saved."
    ),
    "整个文件": "Whole file",
    "导入": "Import",
    "位置": "Place",
    "提示": "Notice",
    "未导入的原因": "Why it was not imported",
    "可导入的题目": "Questions ready",
    "未转换的行": "Rows not converted",
    "导入到：": "Import into:",
    "（已停用）": " (retired)",
    "导入预览：{name}": "Import preview: {name}",
    "已有题库：{title}（编号 {id}）": "Existing bank: {title} (id {id})",
    "{file}：{ready} 题可以导入，{refused} 处未转换，{notices} 条提示。": (
        "{file}: {ready} {ready|question|questions} ready, {refused} not converted, {notices} {notices|notice|notices}."
    ),
    "未转换的行（{count}）": "Not converted ({count})",
    "提示（{count}）": "Notices ({count})",
    "可导入的题目（{count}）": "Ready ({count})",
    "导入 {count} 题": "Import {count} {count|question|questions}",
    "新题库：{title}（编号 {id}）": "New bank: {title} (id {id})",
    "已匹配 {matched} 题（作答记录保留），新增 {new} 题，新版本中没有的 {vanished} 题将停用。": (
        "{matched} {matched|question|questions} matched (history kept), {new} new, {vanished} not in this "
        "version will be retired."
    ),
    "导入（表格、题目文件先预览）、停用或恢复题库，按关键词和条件查找题目。": (
        "Import banks (sheets and question files with a preview), retire or restore them, "
        "and find questions by keyword and filter."
    ),
    "已停用": "Retired",
    "使用中": "In use",
    "正在导入 {name}": "Importing {name}",
    "；": "; ",
}
