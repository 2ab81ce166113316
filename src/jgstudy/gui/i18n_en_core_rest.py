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
}
