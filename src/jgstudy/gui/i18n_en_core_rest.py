"""English for the core's messages on exams, competitions, scheduling, reports and drafting.

Keys are the Chinese templates given to ``msg()`` / ``N_()`` in ``jgstudy.core``; every
``{field}`` (with its format spec) is kept.
"""

EN: dict[str, str] = {
    # -- exams: blueprint and configuration files ---------------------------------------
    "试题应写作“题库编号/题目编号”，如 wh2025-overview/ov-001": (
        "write questions as “bank id/question id”, e.g. wh2025-overview/ov-001"
    ),
    "至少需要一个部分 sections": "at least one part (sections) is needed",
    "seed 只用于 draw: random": "seed is only for draw: random",
    "及格线 pass_mark 应写 points 或 percent 之一": (
        "the pass mark (pass_mark) takes either points or percent"
    ),
    "及格线高于满分 {total:g}": "the pass mark is above the full mark {total:g}",
    "考试不能包含简答题 short": "an exam cannot contain short-answer questions (short)",
    "随机抽题的部分需要题数 count": "a randomly drawn part needs a question count (count)",
    "questions 只用于 draw: fixed": "questions is only for draw: fixed",
    "固定试题的部分需要 questions": "a part with fixed questions needs questions",
    "draw: fixed 的部分不用 count 和 filter": "a draw: fixed part takes no count or filter",
    "试题 {ref} 重复出现": "question {ref} appears more than once",
    "文件应为“键: 值”形式的映射": "the file should be a mapping of “key: value” lines",
    "{field}：{problem}": "{field}: {problem}",
    "{key} 取值无效：{tag}，应为 {expected}": "{key} has an invalid value: {tag}; expected {expected}",
    "缺少必填字段：{key}": "required field missing: {key}",
    # -- exams: drawing and taking a paper ------------------------------------------------
    "只有 {free} 道符合条件的题，需要 {count} 道": (
        "only {free} matching {free|question|questions}, {count} needed"
    ),
    "符合条件的 {free} 道题中，互不泄露答案的只有 {drawn} 道，需要 {count} 道": (
        "of {free} matching {free|question|questions}, only {drawn} do not give each other's "
        "answers away; {count} needed"
    ),
    "“{title}”：{problem}": "“{title}”: {problem}",
    "找不到试题 {refs}": "questions not found: {refs}",
    "没有已交卷的考试 {attempt_id}": "no handed-in exam {attempt_id}",
    "考试不能包含简答题：{questions}": "an exam cannot contain short-answer questions: {questions}",
    "没有第 {position} 题（共 {total} 题）": (
        "there is no question {position} ({total} {total|question|questions} in all)"
    ),
    # -- competitions: configuration files, line-ups, the match's commands -----------------
    "抢答键应为 A–Z、0–9、F1–F12、Space、Enter、Tab 或 Num0–Num9": (
        "a buzzer key is A–Z, 0–9, F1–F12, Space, Enter, Tab or Num0–Num9"
    ),
    "必答题": "Compulsory questions",
    "抢答题": "Buzzer questions",
    "速决毫厘": "Speed round",
    "至少需要一轮 rounds": "at least one round (rounds) is needed",
    "分值 stakes 有重复": "the stakes repeat a value",
    "参赛队应为 {low}–{high} 个（现有 {count} 个）": "{low}–{high} teams are needed ({count} now)",
    "队名有重复": "two teams have the same name",
    "抢答键有重复": "two teams have the same buzzer key",
    "当前状态 {phase} 下不能这样操作": "not possible in the current state ({phase})",
    "没有第 {team} 队": "there is no team {team}",
    "没有更多轮次": "there are no more rounds",
    "还有轮次没有进行，加赛在全部轮次之后": (
        "rounds are still to be played; a tie-break comes after all of them"
    ),
    "加赛只在同分（并列）的两队或多队之间进行": (
        "a tie-break is only between two or more teams on the same score"
    ),
    "只有风险题可以调整选分顺序": "only a risk round has an order of choosing stakes",
    "选分顺序应包含每个队各一次": "the order of choosing must name every team once",
    "只有风险题需要选择分值": "only a risk round asks for a stake",
    "分值应为 {stakes} 之一": "the stake must be one of {stakes}",
    "本轮不能放弃": "declining is not allowed in this round",
    "只有速答环节可以跳过题目": "only a speed round can skip a question",
    "比赛已结束，不能撤销": "the match is over; nothing can be undone",
    "第 {match_id} 场比赛没有任何记录": "match {match_id} has no record at all",
    "没有编号为 {match_id} 的比赛": "there is no match number {match_id}",
    "没有符合条件的题目": "no questions match",
    "速答演练": "Speed drill",
    "第 {round} 轮：{problem}": "round {round}: {problem}",
    "方案文件有误：{problems}": "The exam plan file has errors: {problems}",
    # -- competitions: the GUI's own words about these messages --------------------------
    "第 {line} 行：{problem}": "line {line}: {problem}",
    "比赛方案 {name} 有误，未列出：{problems}": (
        "The contest plan {name} has errors and is not listed: {problems}"
    ),
    # -- reports (the GUI's view of them; the exported documents stay Chinese) ------------
    "机关学习成绩报告": "jgstudy score report",
    "开始日期晚于结束日期": "the start date is after the end date",
    "完成标准至少为 1 题": "the completion standard is at least 1 question",
    "全部时间": "all time",
    "{start} 至 {end}": "{start} to {end}",
    "最早": "the beginning",
    "考试成绩报告：{exam}": "Exam score report: {exam}",
    "（未选）": "(none chosen)",
    "区分度为负（{disc:.2f}）：高分学员反而答错更多": (
        "negative discrimination ({disc:.2f}): the stronger cadres got it wrong more often"
    ),
    "错误选项 {wrong} 的选择人数（{wrong_count}）多于正确答案 {key}（{key_count}），请核对答案": (
        "more cadres chose the wrong option {wrong} ({wrong_count}) than the key {key} "
        "({key_count}); check the key"
    ),
    "无法确定报告格式：{name}（可用：{formats}）": (
        "cannot tell the report format of {name} (available: {formats})"
    ),
    "（未填单位）": "(no unit given)",
    "column\x04学员": "Cadres",  # the 成绩报表 table's count of cadres per unit
    # -- scheduling: fitting parameters, the true-retention table ------------------------
    "只有 {reviews} 次隔天复习记录，至少需要 {minimum} 次才能拟合个人参数；参数未改变。": (
        "only {reviews} {reviews|review|reviews} on a later day than the one before; "
        "{minimum} are needed to fit personal parameters. The parameters are unchanged."
    ),
    "1 天": "1 day",
    "2–3 天": "2–3 days",
    "4–7 天": "4–7 days",
    "8–14 天": "8–14 days",
    "15–30 天": "15–30 days",
    "31 天以上": "over 30 days",
    "近 7 天": "last 7 days",
    "近 30 天": "last 30 days",
    # -- drafting: reading the material ---------------------------------------------------
    "找不到材料文件 {path}": "material file not found: {path}",
    "材料文件 {path} 超过 20 MB，请拆分后再生成": (
        "the material file {path} is larger than 20 MB; split it and draft again"
    ),
    "无法打开 Word 文件 {path}：文件已损坏或不是 .docx 格式": (
        "cannot open the Word file {path}: it is damaged or not a .docx file"
    ),
    "无法识别材料文件 {path} 的编码，请另存为 UTF-8 文本": (
        "cannot tell the encoding of the material file {path}; save it as UTF-8 text"
    ),
}
