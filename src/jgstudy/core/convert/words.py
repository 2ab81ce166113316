"""Chinese that converted questions hold or that a paper is rewritten into: content, not messages.

Kept apart from the messages (:mod:`jgstudy.core.text`) so an English interface never translates
them: they are what a bank file or a question holds, or what the paper reader recognises.
"""

from __future__ import annotations

# Written as a question's explanation when the source has none (the bank format needs one).
MISSING_EXPLANATION = "（暂无解析）"

# A blank written into a judge or choice stem where a GIFT answer block stood.
BLANK = "（ ）"

# A question table in a Word paper: the header words of its columns.
PAPER_COLUMNS = {
    "number": ("题号", "序号", "编号"),
    "type": ("题型", "类型", "题目类型"),
    "stem": ("题干", "题目", "试题", "题目内容", "问题", "试题内容"),
    "answer": ("答案", "正确答案", "参考答案", "标准答案"),
    "explain": ("解析", "答案解析", "试题解析"),
}
PAPER_OPTION_COLUMN = r"^(?:选项)?\s*[(（]?\s*([A-HＡ-Ｈ])\s*[)）]?$"


# A table's row rewritten as the lines of a paper, in the forms the paper reader reads.
def numbered(number: str | int) -> str:
    """``3、`` before a question's stem."""
    return f"{number}、"


def type_mark(qtype: str) -> str:
    """``【单选题】`` after the number, from a 题型 column."""
    return f"【{qtype}】" if qtype else ""


def option_mark(key: str) -> str:
    return f"{key}．"


ANSWER_LABEL = "答案："
REPLY_MARK = "答："  # a short answer follows it
NUMBER_MARK = "、"  # after a question's number
JUDGE_ANSWERS_SHOWN = "√ × 对 错 正确 错误"
LIST_SEPARATORS_SHOWN = "、，；|"
EXPLANATION_LABEL = "解析："
FULL_WIDTH_LETTERS = str.maketrans("ＡＢＣＤＥＦＧＨ", "ABCDEFGH")

# Two options that are a judgement (``A. 正确  B. 错误``) make a judge question of a paper's block.
JUDGE_OPTION_WORDS = {"正确", "错误", "对", "错", "√", "×"}
# Punctuation after an answer (``答案：B。``) is not part of it.
ANSWER_TRAILING = " 。．.，,；;"
