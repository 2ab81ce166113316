"""English texts of the interface, keyed by the exact Chinese source string.

Templates keep the named fields of the Chinese (``{count}``); an English template may
leave a field out. Question bank content and core messages are never looked up here.

A feature may keep its texts in a module of its own beside this one, named
``i18n_en_<feature>.py`` with a dict ``EN``; every such module is merged in at import, so
features added side by side never edit the same lines of this file.
"""

import importlib
import pkgutil

EN: dict[str, str] = {
    # -- navigation, window, menus ---------------------------------------------------
    "首页": "Home",
    "练习": "Practice",
    "模拟考试": "Mock exam",
    "题库": "Banks",
    "题库编辑": "Bank editor",
    "错题本": "Mistakes",
    "统计": "Progress",
    "竞赛": "Contest",
    "成绩报表": "Reports",
    "设置": "Settings",
    "机关学习": "jgstudy",
    "当前用户": "Current user",
    "文件(&F)": "&File",
    "导入题库文件夹…": "Import bank folder…",
    "重新导入全部题库": "Re-import all banks",
    "切换或新建用户…": "Switch or add user…",
    "退出": "Quit",
    "视图(&V)": "&View",
    "全屏": "Full screen",
    "帮助(&H)": "&Help",
    "键盘快捷键": "Keyboard shortcuts",
    "关于机关学习": "About jgstudy",
    "练习时：\n  A–H 或 1–8　选择选项（多选题可选多个）\n  判断题　A/1 正确，B/2 错误\n"
    "  回车　提交答案（填空题：跳到下一空，最后一空提交）\n  空格 / 回车　看完解析后进入下一题\n"
    "  简答题　回车查看参考答案，Y 掌握了，N 没掌握\n  Ctrl+Z　撤销上一题的作答\n"
    "  Esc　结束本次练习\n\n窗口：\n  Ctrl+1 … Ctrl+9　切换左侧的各个页面\n"
    "  Ctrl+O　导入题库文件\n  F11　全屏": (
        "While practising:\n"
        "  A–H or 1–8    choose an option (several for multiple choice)\n"
        "  True/false    A/1 true, B/2 false\n"
        "  Enter    submit the answer (fill-in: next blank; the last one submits)\n"
        "  Space / Enter    next question after reading the explanation\n"
        "  Short answer    Enter shows the model answer; Y got it, N not yet\n"
        "  Ctrl+Z    undo the answer to the last question\n"
        "  Esc    end this session\n\n"
        "Window:\n"
        "  Ctrl+1 … Ctrl+9    switch between the pages on the left\n"
        "  Ctrl+O    import bank files\n"
        "  F11    full screen"
    ),
    "机关学习 jgstudy\n\n面向市直机关干部的学习与竞赛训练工具：\n"
    "题库练习、间隔复习（FSRS）、错题本与学习统计。": (
        "jgstudy\n\nStudy and contest training for civil servants:\n"
        "question bank practice, spaced review (FSRS), a mistakes book and progress statistics."
    ),
    "无法打开数据库": "Cannot open the database",
    "无法打开数据库：\n{url}\n\n{exc}": "Cannot open the database:\n{url}\n\n{exc}",
    "正在打开学习记录…": "Opening your study records…",
    "：{name}": ": {name}",
    "{title}（{done}/{total}）{detail}": "{title} ({done}/{total}){detail}",
    "正在载入内置题库": "Loading the built-in banks",
    "正在导入题库": "Importing banks",
    # -- question types, statuses, columns ---------------------------------------------
    "单选": "Single choice",
    "多选": "Multiple choice",
    "判断": "True/false",
    "填空": "Fill-in",
    "简答": "Short answer",
    "{type}题": "{type}",
    "新题": "New",
    "学习中": "Learning",
    "已掌握": "Mastered",
    "待复习": "Due",
    "错题": "Mistake",
    "编号": "ID",
    "题型": "Type",
    "题干": "Question",
    "难度": "Difficulty",
    "标签": "Tags",
    "状态": "Status",
    "题数": "Questions",
    "导入时间": "Imported",
    "文件": "File",
    # -- banks, library, browser, detail -------------------------------------------------
    "题库文件 (*.yaml *.yml);;所有文件 (*)": "Bank files (*.yaml *.yml);;All files (*)",
    "题库没有变化，无需更新。": "The banks have not changed; nothing to update.",
    "。": ".",
    "，": ", ",
    "、": ", ",
    "；": "; ",
    "　": " ",
    "　·　": " · ",
    "导入完成：": "Import finished: ",
    "关闭": "Close",
    "导入失败，本次没有导入任何内容：": "Import failed; nothing was imported:",
    "导入题库文件…": "Import bank files…",
    "导入文件夹…": "Import folder…",
    "重新导入全部": "Re-import all",
    "从原文件重新读取所有题库，同步修改过的题": (
        "Read every bank again from its file and pick up edited questions"
    ),
    "选择题库文件": "Choose bank files",
    "选择包含题库的文件夹": "Choose a folder with banks",
    "导入 {count} 个题库": "{count} {count|bank|banks} imported",
    "新增 {added} 题": "{added} added",
    "正在导入，请稍候……": "Importing, please wait…",
    "更新 {changed} 题": "{changed} updated",
    "停用 {retired} 题": "{retired} retired",
    "题库有 {count} 处问题，本次没有导入任何内容。请修改后重新导入：": (
        "The banks have {count} {count|problem|problems}, so nothing was imported. Fix them and import again:"
    ),
    "共 {count} 个题库，{total} 道题": "{count} {count|bank|banks}, {total} {total|question|questions}",
    "搜索题干、选项、答案、解析……": "Search questions, options, answers, explanations…",
    "全部题库": "All banks",
    "全部题型": "All types",
    "全部难度": "All difficulties",
    "全部标签": "All tags",
    "全部状态": "All statuses",
    "共 {total} 题": "{total} {total|question|questions}",
    "导入、更新题库，按关键词和条件查找题目。": (
        "Import and update banks; find questions by keyword and filters."
    ),
    "题库管理": "Manage banks",
    "题目浏览": "Browse questions",
    "{bank_title} · {id} · {type}题 · 难度 {stars}": (
        "{bank_title} · {id} · {type} · Difficulty {stars}"
    ),
    "题目详情": "Question details",
    "正确答案：{answer_text}": "Answer: {answer_text}",
    "得分要点：": "Key points:",
    "标签：": "Tags: ",
    "{value} {k}．{t}": "{value} {k}. {t}",
    "出处：{locator}　“{quote}”": "Source: {locator}  “{quote}”",
    # -- home ----------------------------------------------------------------------------
    "90 天作答": "Answers (90 days)",
    "学习天数": "Study days",
    "单日最多": "Best day",
    "今日待复习": "Due today",
    "可学新题": "New available",
    "连续学习": "Streak",
    "本周正确率": "Accuracy this week",
    "你好": "Hello",
    "开始复习": "Review due",
    "学习新题": "Learn new",
    "近 90 天学习记录": "Last 90 days",
    "欢迎使用机关学习": "Welcome to jgstudy",
    "请先在左下角“当前用户”处选择或新建用户。": (
        "First choose or add a user under “Current user” at the bottom left."
    ),
    "{year}年{month}月{day}日 星期{weekday}": "{weekday_name}, {day} {month_name} {year}",
    "坚持每天学一点": "A little every day",
    "今天开始吧": "Start today",
    "近 7 天还没有作答": "No answers in the last 7 days",
    "你好，{name}": "Hello, {name}",
    "开始复习（{due_today}）": "Review due ({due_today})",
    "学习新题（{new_available}）": "Learn new ({new_available})",
    "错题本（{wrong_book}）": "Mistakes ({wrong_book})",
    "{count} 天": "{count} {count|day|days}",
    "今日已答 {reviewed_today} 题": "{reviewed_today} answered today",
    "今日已学 {new_today} 题": "{new_today} learned today",
    "{streak_days} 天": "{streak_days} {streak_days|day|days}",
    "近 7 天作答 {week_reviews} 题": "{week_reviews} answered in 7 days",
    # -- heatmap -------------------------------------------------------------------------
    "一": "Mon",
    "三": "Wed",
    "五": "Fri",
    "日": "Sun",
    "{month}月": "{abbr}",
    "少": "Less",
    "多": "More",
    "{month}月{day}日：作答 {count} 题": "{month}/{day}: {count} answered",
    # -- practice ------------------------------------------------------------------------
    "综合练习": "Mixed practice",
    "复习到期题": "Review due",
    "错题重练": "Redo mistakes",
    "先复习到期题，再学习今天的新题": "Due reviews first, then today’s new questions",
    "只练今天到期、需要巩固的题": "Only the questions due today",
    "按每日新题上限学习没做过的题": "Questions you have not seen, up to the daily limit",
    "把错题本里的题再做一遍": "Go through your mistakes again",
    "今天没有到期的题，新题也已学完当日上限。休息一下，明天再来！": (
        "Nothing is due and today’s new questions are done. Take a break and come back tomorrow!"
    ),
    "今天没有到期需要复习的题。": "Nothing is due for review today.",
    "今天的新题已学完（可在“设置”里调整每日新题上限），或题库里已没有新题。": (
        "Today’s new questions are done (change the daily limit in “Settings”), "
        "or the banks have no new questions left."
    ),
    "错题本是空的，继续保持！": "No mistakes to redo. Keep it up!",
    "撤销上一题（Ctrl+Z）": "Undo last answer (Ctrl+Z)",
    "结束练习（Esc）": "End practice (Esc)",
    "本次练习完成": "Session complete",
    "空格或回车继续　·　Ctrl+Z 撤销这一题的作答": (
        "Space or Enter to continue · Ctrl+Z undoes this answer"
    ),
    "下一题（空格）": "Next (Space)",
    "没有可以撤销的作答。": "There is no answer to undo.",
    "第 {position} / {total} 题": "Question {position} of {total}",
    "{key_hint}　·　Esc 结束": "{key_hint} · Esc to end",
    "暂无": "None",
    "现在": "Now",
    "开始": "Start",
    "{minutes} 分 {seconds} 秒": "{minutes} min {seconds} s",
    "{seconds} 秒": "{seconds} s",
    "{hours} 小时 {minutes} 分": "{hours} h {minutes} min",
    "{month}月{day}日": "{month}/{day}",
    "返回首页（Esc）": "Back to Home (Esc)",
    "再练一组": "Another round",
    "答错的题已收进错题本，之后会安排再练。": (
        "Wrong answers went into Mistakes and will come back for practice."
    ),
    "选择练习方式": "Choose how to practise",
    "今天 {local:%H:%M}": "Today {local:%H:%M}",
    "明天 {local:%H:%M}": "Tomorrow {local:%H:%M}",
    "作答题数": "Answered",
    "正确率": "Accuracy",
    "下次到期": "Next due",
    "答对 {correct} 题，答错 {wrong} 题。": "{correct} right, {wrong} wrong.",
    "本次没有作答。": "No questions answered this time.",
    "回车提交": "Enter to submit",
    "难度 {stars}": "Difficulty {stars}",
    "按 A 或 1 选“正确”，B 或 2 选“错误”，回车提交": (
        "A or 1 for “True”, B or 2 for “False”; Enter to submit"
    ),
    "可多选，": "choose several, ",
    "按 A–H 或 1–8 选择，{extra}回车提交": "A–H or 1–8 to choose, {extra}Enter to submit",
    "漏选": "Missed",
    "你的选择": "Your choice",
    "{minutes} 天后": "in {minutes} {minutes|day|days}",
    "{minutes} 分钟后": "in {minutes} min",
    "{minutes} 小时后": "in {minutes} h",
    "{answer}．{options}": "{answer}. {options}",
    "✓ 已掌握": "✓ Got it",
    "✗ 未掌握，稍后再练": "✗ Not yet; it will come back soon",
    "✗ 回答错误": "✗ Wrong",
    "下次复习：{interval_text}": "Next review: {interval_text}",
    "出处：{locator}": "Source: {locator}",
    "在空格处输入答案，回车跳到下一空；最后一空回车提交": (
        "Type in the blanks; Enter moves to the next one and submits after the last"
    ),
    "第{index}空": "Blank {index}",
    "写完后回车查看参考答案": "Press Enter when done to see the model answer",
    "写下你的答案要点……（回车查看参考答案，Shift+回车换行）": (
        "Write your key points… (Enter shows the model answer, Shift+Enter for a new line)"
    ),
    "掌握了（Y）": "Got it (Y)",
    "没掌握（N）": "Not yet (N)",
    "查看参考答案（回车）": "Show model answer (Enter)",
    "对照参考答案自评：Y 掌握了，N 没掌握": ("Compare with the model answer: Y got it, N not yet"),
    "要点命中（{found}/{total}）：{marks}": "Key points hit ({found}/{total}): {marks}",
    # -- mistakes, progress ----------------------------------------------------------------
    "答错的题会自动收进错题本，连续答对两次后移出。": (
        "Questions you get wrong land here and leave after two right answers in a row."
    ),
    "练习错题": "Practise mistakes",
    "错题本是空的。答错的题会出现在这里，继续保持！": (
        "No mistakes yet. Questions you get wrong will show up here. Keep it up!"
    ),
    "练习错题（{count}）": "Practise mistakes ({count})",
    "累计作答": "Total answers",
    "总正确率": "Overall accuracy",
    "今日作答": "Answered today",
    "{first_month}月{first_day}日 – {last_month}月{last_day}日": (
        "{first_month}/{first_day} – {last_month}/{last_day}"
    ),
    "学习统计": "Progress",
    "最近一个月的作答、各专题正确率，以及未来 30 天的复习安排。": (
        "Answers over the last month, accuracy by topic and reviews due in the next 30 days."
    ),
    "还没有作答记录。": "No answers yet.",
    "各专题正确率": "Accuracy by topic",
    "各专题掌握程度（FSRS 估计此刻仍记得的比例）": (
        "Mastery by topic (share FSRS estimates you still remember)"
    ),
    "近 30 天每日作答": "Answers per day, last 30 days",
    "未来 30 天到期复习（FSRS 预测）": "Reviews due in the next 30 days (FSRS forecast)",
    "{tag}（{reviews}）": "{tag} ({reviews})",
    # -- profile ---------------------------------------------------------------------------
    "选择用户": "Choose user",
    "开始学习": "Start studying",
    "姓名": "Name",
    "单位，如：市发展和改革委员会": "Unit, e.g. Municipal Development and Reform Commission",
    "单位": "Unit",
    "切换用户": "Switch user",
    "＋ 新建用户…": "+ New user…",
    "{name}（{unit}）": "{name} ({unit})",
    "学习记录按用户分别保存。请选择你的名字，或新建一个。": (
        "Study records are kept per user. Choose your name or add a new one."
    ),
    "请选择一个用户，或填写姓名新建。": "Choose a user, or type a name to add one.",
    "未选择用户": "No user chosen",
    "或新建用户：": "Or add a user:",
    # -- settings --------------------------------------------------------------------------
    "标准": "Normal",
    "大字": "Large",
    "特大字": "Extra large",
    "跟随系统": "System",
    "浅色": "Light",
    "深色": "Dark",
    "修改会立即生效，并保存在本机。": "Changes apply at once and are saved on this computer.",
    "学习": "Study",
    "越高复习越频繁、记得越牢；0.90 适合大多数人": (
        "Higher means more frequent reviews and better recall; 0.90 suits most people"
    ),
    "每日新题上限": "New questions per day",
    "目标记忆保持率": "Target retention",
    "显示": "Display",
    "界面语言，重启后生效。题库内容和题库检查信息不翻译。": (
        "Interface language; takes effect after a restart. "
        "Question banks and bank check messages stay in their original language."
    ),
    "字号": "Text size",
    "主题": "Theme",
    "语言": "Language",
    "语言在重启后生效。": "The language takes effect after a restart.",
    "数据": "Data",
    "学习记录保存在下面的数据库中；多人共用一台电脑时，各自的记录按用户分开。"
    "单位共用 PostgreSQL 时填写数据库地址。修改在重新启动后生效；命令行参数优先。": (
        "Study records are kept in the database below; people sharing a computer each "
        "have their own records. For a shared PostgreSQL server, enter its address. "
        "Changes take effect after a restart; command-line options take precedence."
    ),
    "例如 postgresql+psycopg://用户名:密码@服务器/jgstudy；留空则使用数据文件夹中的 SQLite": (
        "e.g. postgresql+psycopg://user:password@server/jgstudy; "
        "leave empty for SQLite in the data folder"
    ),
    "选择…": "Choose…",
    "打开文件夹": "Open folder",
    "保存数据位置": "Save data location",
    "数据文件夹": "Data folder",
    "数据库": "Database",
    "选择数据文件夹": "Choose the data folder",
    "已保存，重新启动机关学习后生效。": "Saved. Restart jgstudy for it to take effect.",
    "每天最多学习的新题数；到期复习的题不受限制。": (
        "The most new questions per day; due reviews are not limited."
    ),
    "复习时仍记得的概率目标。越高复习越频繁。": (
        "The chance of still remembering at review time. Higher means more reviews."
    ),
    "数据库地址应以 sqlite:/// 或 postgresql+psycopg:// 开头。": (
        "The database address must start with sqlite:/// or postgresql+psycopg://."
    ),
    # -- database opening ------------------------------------------------------------------
    "数据库已损坏": "Database damaged",
    "{problem}\n\n最近的完好备份：{name}\n\n是否用这个备份恢复？损坏的文件会改名保留，不会删除。": (
        "{problem}\n\nLatest good backup: {name}\n\nRestore from this backup? "
        "The damaged file is renamed and kept, not deleted."
    ),
    "恢复失败": "Restore failed",
    "{problem}\n\n{db_path}\n\n没有找到可用的备份。文件没有被删除，请联系管理员。": (
        "{problem}\n\n{db_path}\n\nNo usable backup was found. "
        "The file has not been deleted; please contact your administrator."
    ),
    # -- reports ---------------------------------------------------------------------------
    "全部单位": "All units",
    "名次": "Rank",
    "学员": "Trainees",
    "参与": "Took part",
    "完成": "Finished",
    "作答": "Answers",
    "平均分": "Average",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "PDF 文件 (*.pdf)": "PDF file (*.pdf)",
    "CSV 文件 (*.csv)": "CSV file (*.csv)",
    "按单位和时间段汇总学员成绩，导出 Excel、PDF 或 CSV 报告。": (
        "Summarize results by unit and period; export Excel, PDF or CSV reports."
    ),
    "限定日期": "Date range",
    "生成预览": "Preview",
    "导出报告": "Export report",
    "正在统计成绩…": "Compiling results…",
    "考试编号或名称（可不填）": "Exam ID or name (optional)",
    "至": "to",
    "考试": "Exam",
    "导出 Excel": "Export Excel",
    "导出 PDF": "Export PDF",
    "导出 CSV": "Export CSV",
    "成绩报告.{fmt}": "results-report.{fmt}",
    "生成报告失败": "Report failed",
    "{title}：学员 {cadres} 人，参与 {participants} 人，完成率 {completion:.0%}，"
    "平均分 {average}，需核查试题 {flagged_items} 道。": (
        "{title}: {cadres} {cadres|trainee|trainees}, {participants} took part, {completion:.0%} finished, "
        "average {average}, {flagged_items} {flagged_items|question|questions} to check."
    ),
    "{text}\n已导出：{path}": "{text}\nExported: {path}",
    "生成报告失败：{message}": "Report failed: {message}",
    # -- score files ------------------------------------------------------------------------
    "成绩文件 (*.json.gz *.json)": "Scores files (*.json.gz *.json)",
    "合并成绩文件": "Merge scores files",
    "合并成绩文件…": "Merge scores files…",
    "把学员在其他电脑上导出的成绩文件合并到本数据库；同一文件可以重复合并": (
        "Merge the scores files cadres exported on other computers into this database; "
        "merging a file again adds nothing twice"
    ),
    "已合并 {merged} 个成绩文件（{refused} 个未合并）；生成预览即可看到合并后的成绩。": (
        "{merged} scores {merged|file|files} merged ({refused} not merged); preview the "
        "report to see the merged results."
    ),
    "正在合并成绩文件（{done}/{total}）：{name}": "Merging scores files ({done}/{total}): {name}",
    "导出我的成绩": "Export my scores",
    "导出我的成绩…": "Export my scores…",
    "成绩-{name}.json.gz": "scores-{name}.json.gz",
    "成绩文件已导出：{path}\n把它交给培训管理员合并即可。": (
        "Scores file exported: {path}\nGive it to your trainer to merge."
    ),
    "成绩文件": "Scores files",
    "提示：": "Note: ",
    "警告：": "Warning: ",
    # -- mock exam -------------------------------------------------------------------------
    "开始新的考试": "Start a new exam",
    "上一场考试还没有交卷。开始新的考试，会先把上一场按已作答内容交卷。\n继续吗？": (
        "The last exam has not been handed in. Starting a new one hands it in "
        "with the answers given so far.\nContinue?"
    ),
    "请先选择或新建用户。": "Choose or add a user first.",
    "方案文件有误：": "The exam plan file has errors:",
    "已导入的题库不足以组卷：{short}": "The imported banks are not enough for this exam: {short}",
    "无法组卷：{exc}": "Cannot build the exam: {exc}",
    "已答": "Answered",
    "未答": "Unanswered",
    "已标记": "Flagged",
    "当前": "Current",
    "标记": "Flag",
    "第 {index} 题：{cell_state}": "Question {index}: {cell_state}",
    "开始考试": "Start exam",
    "限时作答，答案随时自动保存；交卷后查看得分、及格情况和逐题解析。": (
        "Timed; answers are saved as you go. After handing in, see your score, "
        "whether you passed and every explanation."
    ),
    "继续考试": "Resume exam",
    "考试时间已到，继续后将按已作答内容自动交卷": (
        "Time is up; resuming hands in the answers given so far"
    ),
    "限时 {time_limit_minutes} 分钟": "{time_limit_minutes} min",
    "{size} 题": "{size} {size|question|questions}",
    "没有找到考试方案。": "No exam plans found.",
    "查看结果": "View results",
    "满分 {points_text} 分": "{points_text} points total",
    "{points_text} 分及格": "Pass mark {points_text}",
    "{points_text}% 及格": "Pass mark {points_text}%",
    " × {points_text} 分": " × {points_text} pts",
    "{title}　{size} 题{each}": "{title}  {size} {size|question|questions}{each}",
    "剩余时间 {clock_text}（计时不停）": "{clock_text} left (the clock keeps running)",
    "你有一场未交卷的考试：{title}。{left}。": "You have an exam in progress: {title}. {left}.",
    "按 A–H 或 1–8 选择": "Press A–H or 1–8 to choose",
    "按 A 或 1 选“正确”，B 或 2 选“错误”": "A or 1 for “True”, B or 2 for “False”",
    "按 A–H 或 1–8 选择，可多选": "Press A–H or 1–8; choose several",
    "在空格处输入答案，回车到下一空": "Type in the blanks; Enter moves to the next",
    "⚑ 已标记": "⚑ Flagged",
    "✓ 回答正确": "✓ Correct",
    "已作答，按考试规则不能再修改。": "Answered; the exam rules do not allow changes.",
    "{section}　·　第 {index} / {total} 题　·　{points_text} 分": (
        "{section} · Question {index} of {total} · {points_text} pts"
    ),
    "得 {points_text} 分": "{points_text} pts scored",
    "✗ 回答错误　正确答案：{answer_text}": "✗ Wrong  Answer: {answer_text}",
    "{text}（{score}）": "{text} ({score})",
    "考试结果": "Exam results",
    "只看错题和未答题": "Only wrong and unanswered",
    "返回首页": "Back to Home",
    "再考一次": "Retake",
    "{score} / {max_score} 分": "{score} / {max_score} pts",
    "⏰ 考试时间到，系统已按已作答内容自动交卷。": (
        "⏰ Time is up: the exam was handed in with the answers given."
    ),
    "得分": "Score",
    "结果": "Result",
    "用时": "Time used",
    "及格线": "Pass mark",
    "逐题解析": "Question by question",
    "未通过": "Failed",
    "部分": "Partial",
    "答对": "Correct",
    "你的答案：{response_text}": "Your answer: {response_text}",
    "{title}　·　得分率 {percent:.0f}%": "{title} · {percent:.0f}% scored",
    "{points_text} 分": "{points_text} pts",
    "交卷": "Hand in",
    "⚑ 标记本题（Ctrl+F）": "⚑ Flag (Ctrl+F)",
    "← 上一题": "← Previous",
    "下一题 →": "Next →",
    "←/→ 或 PgUp/PgDn 切换题目": "←/→ or PgUp/PgDn to move",
    "PgUp/PgDn 切换题目": "PgUp/PgDn to move",
    "剩余时间": "Time left",
    "答题卡": "Answer sheet",
    "（Ctrl+F）": " (Ctrl+F)",
    "{hint}　·　{keys}　·　Ctrl+F 标记　·　答案随时自动保存": (
        "{hint} · {keys} · Ctrl+F to flag · answers save automatically"
    ),
    "已答 {done} / {count}": "Answered {done} / {count}",
    "取消标记": "Unflag",
    "⚑ 标记本题": "⚑ Flag",
    " 题": "",
    "交卷后不能再修改答案。": "After handing in, answers cannot be changed.",
    "确认交卷": "Hand in",
    "确定交卷吗？": "Hand in now?",
    "继续答题": "Keep answering",
    "第 {shown}{more}": "No. {shown}{more}",
    "全部题目均已作答。": "Every question is answered.",
    " 等 {count} 题": " and more ({count} in all)",
    "还有 {count} 题未作答：{numbers}。": "{count} unanswered: {numbers}.",
    "标记待检查 {count} 题：{numbers}。": "{count} flagged for checking: {numbers}.",
    "未作答": "Not answered",
    "错误": "False",
    "（空）": "(empty)",
    "{k}．{options}": "{k}. {options}",
    # -- contest ---------------------------------------------------------------------------
    "单人演练": "Solo drill",
    "速答演练：60 秒内答得越多越好": "Speed drill: answer as many as you can in 60 seconds",
    "抢答反应演练：读题，出题后按空格抢答": (
        "Buzzer drill: read, then press Space once the question is released"
    ),
    "再练一次": "Again",
    "✓ 正确": "✓ Correct",
    "上一题：": "Last question: ",
    "读题中……出题后按空格抢答": "Reading… press Space once the question is released",
    "空格抢答；出题前按下算抢跑": "Space to buzz; buzzing before the release is a false start",
    "本题结束": "Question over",
    "按空格进入下一题": "Press Space for the next question",
    "独自练习比赛节奏；每道题都记入练习记录和错题本。": (
        "Practise the contest pace alone; every question counts toward your records and mistakes."
    ),
    "演练结束": "Drill over",
    "速答进行中": "Speed round running",
    "抢答！按空格": "Buzz! Press Space",
    "抢跑了！请等出题后再抢答": "False start! Wait for the question before buzzing",
    "未抢答，本题跳过": "No buzz; question skipped",
    "请先作答，再按回车提交。": "Answer first, then press Enter to submit.",
    "第 {position} 题 · {type_label}": "Question {position} · {type_label}",
    "✗ 错误，答案：{answer_text}": "✗ Wrong. Answer: {answer_text}",
    "抢答成功，请作答": "You buzzed first: answer now",
    "{key_hint}　·　题目太难可跳过": "{key_hint} · skip a question that is too hard",
    "无法开始：{exc}": "Cannot start: {exc}",
    "结束演练": "End drill",
    "跳过": "Skip",
    "提交（回车）": "Submit (Enter)",
    "答对 {correct} / {count} 题，得 {points} 分": "{correct} of {count} right, {points} points",
    "平均每题用时 {mean_duration_ms:.1f} 秒": "Average {mean_duration_ms:.1f} s per question",
    "平均抢答反应 {mean_reaction_ms:.2f} 秒": "Average buzz reaction {mean_reaction_ms:.2f} s",
    "抢跑 {false_starts} 次，未抢答 {missed} 题": "{false_starts} false {false_starts|start|starts}, {missed} missed",
    "空格": "Space",
    "回车": "Enter",
    "小键盘{name}": "Numpad {name}",
    "主持知识竞赛：主持台在本屏，大屏显示在第二块屏幕；各队用键盘按键抢答。": (
        "Host a quiz contest: the host desk is on this screen, the scoreboard on a second one; "
        "teams buzz with keyboard keys."
    ),
    "新建比赛": "New contest",
    "继续所选比赛": "Resume selected contest",
    "速答演练（60 秒）": "Speed drill (60 s)",
    "抢答反应演练": "Buzzer drill",
    "主持比赛": "Host a contest",
    "必答、抢答、风险题、速决毫厘四个环节；每一步都自动保存，误判可撤销。": (
        "Four rounds: compulsory, buzzer, risk and speed. Every step is saved, "
        "and a wrong call can be undone."
    ),
    "未结束的比赛": "Unfinished contests",
    "一个人练比赛节奏，每道题都记入练习记录和错题本。": (
        "Practise the contest pace alone; every question counts toward your records and mistakes."
    ),
    "暂无未结束的比赛": "No unfinished contests",
    "{title}　·　{astimezone:%m月%d日 %H:%M}": "{title} · {astimezone:%m/%d %H:%M}",
    "请先选择或新建用户，再开始单人演练。": "Choose or add a user before starting a solo drill.",
    "本机无法播放提示音。": "This computer cannot play sound cues.",
    "无法开始比赛：{exc}": "Cannot start the contest: {exc}",
    "本轮还没有结束，剩下的题目将不再出示。\n进入下一轮吗？": (
        "This round is not over; its remaining questions will not be shown.\nGo to the next round?"
    ),
    "选择分值：": "Choose points:",
    "显示大屏": "Show scoreboard",
    "提示音": "Sound cues",
    "返回": "Back",
    "开始本轮": "Start round",
    "下一题": "Next question",
    "出题（开始计时）": "Release (start timer)",
    "✓ 判对": "✓ Right",
    "✗ 判错": "✗ Wrong",
    "↶ 撤销": "↶ Undo",
    "下一轮": "Next round",
    "结束比赛": "End contest",
    "出题（开放抢答）": "Release (open buzzers)",
    "结束本轮": "End round",
    "结束后比分不再变动。\n确定结束比赛吗？": (
        "Scores cannot change afterwards.\nEnd the contest now?"
    ),
    "主持人调整": "Host adjustment",
    "{stake} 分": "{stake} pts",
    "点击“开始本轮”开始第一轮。": "Click “Start round” to begin the first round.",
    "本轮已开始：点击“下一题”出示第一题。": (
        "The round has started: click “Next question” to show the first question."
    ),
    "比赛已结束。": "The contest is over.",
    "锁定": "Locked",
    "本轮结束：点击“开始本轮”进入下一轮。": ("Round over: click “Start round” for the next round."),
    "全部轮次已结束：点击“结束比赛”。": "All rounds are over: click “End contest”.",
    " 分": " pts",
    "请{who}选择分值，选定后显示题目。": "{who}, choose the points; the question shows after that.",
    "{who}准备速答：点击“开始计时”后出示题目。": (
        "{who}, get ready for the speed round: the questions show after “Start timer”."
    ),
    "比分": "Scores",
    "每次加减": "Step",
    "比赛记录": "Contest log",
    "答案：{answer_text}": "Answer: {answer_text}",
    "解析：{explanation}": "Explanation: {explanation}",
    "扣分": "Deduct",
    "加分": "Add",
    "分值 {stake}": "Points {stake}",
    "{k}．{v}": "{k}. {v}",
    "竞赛大屏": "Contest scoreboard",
    "最终排名": "Final ranking",
    "第 {item} / {items} 题{kind}": "Question {item} of {items}{kind}",
    "{key}．{text}": "{key}. {text}",
    "一二三四五六七八": "12345678",
    "比赛方案": "Contest plan",
    "参赛队数": "Teams",
    "开始比赛": "Start contest",
    "取消": "Cancel",
    "队名": "Team name",
    "抢答键": "Buzzer key",
    "没有找到比赛方案。": "No contest plans found.",
    "第 {i} 队缺少队名": "Team {i} has no name",
    "注意：已导入的题库不够本场比赛使用（{shortfall}）": (
        "Note: the imported banks are not enough for this contest ({shortfall})"
    ),
    "第{number}代表队": "Team {number}",
    "提示音不可用": "Sound cues unavailable",
    "第一名": "1st",
    "第二名": "2nd",
    "第三名": "3rd",
    "风险题：答对得分，答错扣分": "Risk: right answers win the points, wrong ones lose them",
    "速答：限时内答得越多越好": "Speed: answer as many as you can in time",
    "本题已锁定": "Question locked",
    "作答中": "Answering",
    "请{who}作答": "{who}, please answer",
    "回答正确": "Correct",
    "回答错误": "Wrong",
    "，其他队可继续抢答": "; other teams may buzz",
    "无人抢答，本题作废": "No one buzzed; question void",
    "抢答键 {key}": "Buzzer {key}",
    "请{who}准备速答": "{who}, get ready for the speed round",
    "比赛即将开始": "The contest is about to begin",
    "本轮即将开始": "The round is about to begin",
    "抢答开始！": "Buzzers open!",
    "本轮结束": "Round over",
    "比赛结束": "Contest over",
    "{who}作答时间到": "{who}: time is up",
    "{who}抢答成功，请作答": "{who} buzzed first: please answer",
    "请{who}作答（{stake} 分）": "{who}, please answer ({stake} pts)",
    "{who}抢跑！{signed} 分": "{who} false start! {signed} pts",
    "{who}{verdict} {signed} 分{more}": "{who}: {verdict} {signed} pts{more}",
    "{value} 结束": "{value} over",
    "请{who}选择分值：{join} 分": "{who}, choose the points: {join}",
    "请听题": "Listen to the question",
    "{who}速答时间到": "{who}: speed round time is up",
    "，出题后开始抢答": "; buzz once the question is released",
    "{m}　{name}　{score} 分": "{m}  {name}  {score} pts",
    "必答": "Compulsory",
    "抢答": "Buzzer",
    "风险题": "Risk",
    "速答": "Speed",
    "判分": "scoring",
    "抢跑扣分": "false-start penalty",
    "加减分": "adjustment",
    "尚未开始": "Not started",
    "轮次": "Turn",
    "题": "Question",
    "作答时间到，请判分": "Time is up: please judge",
    "出题，开始计时": "Question released, timer started",
    "第 {round_index}/{round_count} 轮 · {round_title}": (
        "Round {round_index}/{round_count} · {round_title}"
    ),
    "第 {item}/{items} {word}": "{word} {item}/{items}",
    "等待选择分值": "Waiting for points choice",
    "速答准备": "Speed round ready",
    "读题中（未开放抢答）": "Reading (buzzers closed)",
    "读题中": "Reading",
    "时间到": "Time is up",
    "{astimezone:%H:%M:%S}　{event_text}": "{astimezone:%H:%M:%S}  {event_text}",
    "比赛未开始": "Contest not started",
    "本轮开始": "Round started",
    "抢答中": "Buzzers open",
    "（{value:.2f} 秒）": " ({value:.2f} s)",
    "{who} {verdict}，{signed} 分": "{who} {verdict}, {signed} pts",
    "记分": "scoring",
    "撤销{what}：{who} {signed} 分": "Undid {what}: {who} {signed} pts",
    "比赛创建：{title}": "Contest created: {title}",
    "开始第 {round} 轮：{title}": "Round {round} started: {title}",
    "第 {item} 题{turn}": "Question {item}{turn}",
    "{who} 选择 {stake} 分": "{who} chose {stake} pts",
    "{who} 抢跑，{signed} 分": "{who} false start, {signed} pts",
    "{who} 跳过一题": "{who} skipped a question",
    "{who} 加减分 {signed}{reason}": "{who} adjusted {signed}{reason}",
    "第 {round} 轮结束": "Round {round} over",
    "{who} 抢答成功{seconds}": "{who} buzzed first{seconds}",
    "{who} 慢了一步{seconds}": "{who} was too slow{seconds}",
    "（{who}）": " ({who})",
    "（{reason}）": " ({reason})",
    "{who} 作答时间到": "{who}: time is up",
    "{who} 速答时间到": "{who}: speed round time is up",
    # -- bank editor -----------------------------------------------------------------------
    "删除此行": "Delete this row",
    "题干中没有这个空：删除这一组答案": "The question has no such blank: delete these answers",
    "题干中标出了 {marked} 个空（{{{{1}}}} 或（ ））": (
        "The question marks {marked} {marked|blank|blanks} ({{{{1}}}} or （ ）)"
    ),
    "第 {index} 空": "Blank {index}",
    "＋ 添加选项": "+ Add option",
    "✗ 错误": "✗ False",
    "正确": "True",
    "勾选正确答案": "Tick the correct answer",
    "选项 {key} 的内容": "Text of option {key}",
    "（可多选）": " (several allowed)",
    "删除选项 {key}（后面的选项依次前移）": "Delete option {key} (later options move up)",
    "编辑题库信息": "Edit bank details",
    "移动题目": "Move question",
    "全部通过草稿题": "Approve all drafts",
    "题库文件 (*.yaml *.yml)": "Bank files (*.yaml *.yml)",
    "表格或题目文件 (*.xlsx *.xlsm *.csv *.tsv *.gift *.aiken *.txt)": (
        "Spreadsheets or question files (*.xlsx *.xlsm *.csv *.tsv *.gift *.aiken *.txt)"
    ),
    "保存": "Save",
    "不保存": "Don’t save",
    "保存题库": "Save bank",
    "题目的内容（纯文本）": "The question text (plain text)",
    "为什么这样答，干部要记住什么": "Why this is the answer, and what to remember",
    "其他问题": "Other problems",
    "通过": "Approve",
    "删除": "Delete",
    "字母、数字、- _ .": "Letters, digits, - _ .",
    "1 最容易，5 最难；默认 2": "1 easiest, 5 hardest; default 2",
    "出处位置：材料中的小标题": "Where: the heading in the source material",
    "原文引用：材料中的原句（一小段）": "Quote: the original sentence (a short passage)",
    "关键词": "Keyword",
    "分值": "Points",
    "同义词（用 | 分隔）": "Synonyms (separated by |)",
    "干部作答后看到的参考答案": "The model answer shown after answering",
    "＋ 添加关键词": "+ Add keyword",
    "删除选中的关键词": "Delete the selected keywords",
    "干部的答案中出现关键词（或同义词）即得该项分值": (
        "An answer that contains a keyword (or a synonym) earns its points"
    ),
    "草稿": "Draft",
    "（题干为空）": "(no question text)",
    "{id}　{type}　{stem}": "{id}  {type}  {stem}",
    "？": "?",
    "复制": "Copy",
    "复制这道题": "Duplicate this question",
    "删除这道题（Del）": "Delete this question (Del)",
    "上移（Alt+↑）": "Move up (Alt+↑)",
    "下移（Alt+↓）": "Move down (Alt+↓)",
    "＋ 新增": "+ New",
    "在这道题后面新增一道题（Ctrl+N：同一题型）": (
        "Add a question after this one (Ctrl+N: same type)"
    ),
    "撤销（Ctrl+Z）": "Undo (Ctrl+Z)",
    "重做（Ctrl+Shift+Z）": "Redo (Ctrl+Shift+Z)",
    "保存（Ctrl+S）": "Save (Ctrl+S)",
    "全部通过": "Approve all",
    "把剩下的草稿题全部标为已审核（可撤销）": "Mark all remaining drafts as reviewed (can be undone)",
    "未保存的题库": "Unsaved bank",
    "保存修改": "Save changes",
    "打开题库": "Open bank",
    "导入表格或题目文件": "Import a spreadsheet or question file",
    "新建": "New",
    "打开…": "Open…",
    "导入表格…": "Import table…",
    "题库信息…": "Bank details…",
    "↷ 重做": "↷ Redo",
    "另存为…": "Save as…",
    "未命名题库": "Untitled bank",
    "读取时的说明": "Notes from reading the file",
    "{name}{dirty}　·　{count} 题": "{name}{dirty} · {count} {count|question|questions}",
    "{name}[*] — 题库编辑": "{name}[*] — Bank editor",
    "本题库还有 {drafts} 道草稿题待审核：逐题核对后点“通过”，不合适的点“删除”。": (
        "This bank has {drafts} {drafts|draft|drafts} to review: check each one and click “Approve”, "
        "or “Delete” if it is not suitable."
    ),
    "无法打开题库": "Cannot open the bank",
    "无法导入": "Cannot import",
    "保存失败": "Save failed",
    "题库“{title}”有未保存的修改，是否保存？": "The bank “{title}” has unsaved changes. Save them?",
    "\n……另有 {count} 条": "\n… and {count} more",
    "{name} 无法在编辑器中打开：\n{lines}": "{name} cannot be opened in the editor:\n{lines}",
    "{name} 无法导入：\n{exc}": "{name} cannot be imported:\n{exc}",
    "无法保存到 {path}：\n{exc}\n\n原文件没有改动。": (
        "Cannot save to {path}:\n{exc}\n\nThe original file is unchanged."
    ),
    "这道题还不完整（见“检查结果”），补全后在这里显示干部看到的样子。": (
        "This question is incomplete (see “Check results”); once complete, "
        "it shows here as learners will see it."
    ),
    "预览 · 干部练习时看到的样子": "Preview · as learners see it",
    "显示答案与解析": "Show answers",
    "检查结果": "Check results",
    "与 jgstudy check 相同；点一条问题可跳到对应的题目和字段": (
        "Same as jgstudy check; click a problem to go to its question and field"
    ),
    "格式无误": "Format OK",
    "✓ 没有问题，可以导入": "✓ No problems; ready to import",
    "{question_place}：{message}": "{question_place}: {message}",
    "{count} 个问题，修正后才能导入": "{count} {count|problem|problems} to fix before import",
    "{drafts} 道草稿题待审核": "{drafts} {drafts|draft|drafts} to review",
    "题库信息": "Bank details",
    "如 wh2026-lianzheng；字母、数字、- _ .": "e.g. wh2026-lianzheng; letters, digits, - _ .",
    "干部看到的题库名称": "The bank name learners see",
    "确定": "OK",
    "标题": "Title",
    "说明": "Description",
    "题库标签（每道题都会带上）": "Bank tags (added to every question)",
    "多选题计分": "Multiple-choice scoring",
    "多个标签用逗号或顿号分隔，如：凝心铸魂、理论宣讲": (
        "Separate tags with commas, e.g. Party building, Theory outreach"
    ),
    "可接受的答案，多个用 | 分隔，如：640 | 六百四十": (
        "Accepted answers, separated by |, e.g. 640 | six hundred forty"
    ),
    "填空题在题干中用 {{1}}、{{2}}… 或（ ）标出每个空": (
        "For fill-in questions, mark each blank in the text with {{1}}, {{2}}… or （ ）"
    ),
    "候选题草稿（jgstudy draft 自动生成）：请核对题干、答案与出处，无误后点“通过”。": (
        "Draft (generated by jgstudy draft): check the question, answer and source, "
        "then click “Approve”."
    ),
    "选项与正确答案": "Options and correct answer",
    "正确答案": "Correct answer",
    "每个空的可接受答案": "Accepted answers per blank",
    "参考答案": "Model answer",
    "得分关键词": "Scoring keywords",
    "解析": "Explanation",
    "出处": "Source",
    "选项": "Options",
    "审核状态": "Review status",
    "全部选对才得分": "All correct or nothing",
    "部分得分（少选无错得一半分）": "Partial credit (half for a correct subset)",
    "第 {index} 题（{qid}）": "Question {index} ({qid})",
    "第 {index} 题": "Question {index}",
    "删除草稿题": "Delete draft",
    "新增题目": "Add question",
    "题目（{count}）": "Questions ({count})",
    "复制题目": "Duplicate question",
    "通过草稿题": "Approve draft",
    "删除题目": "Delete question",
    "编辑{name}": "Edit {name}",
    "改为{label}": "Change to {label}",
}


def _merge_feature_catalogs() -> None:
    package = importlib.import_module("jgstudy.gui")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("i18n_en_"):
            module = importlib.import_module(f"jgstudy.gui.{info.name}")
            EN.update(module.EN)


_merge_feature_catalogs()
