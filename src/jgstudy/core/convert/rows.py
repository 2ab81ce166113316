"""One spreadsheet row to a question dict, and one question back to a row."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from jgstudy.core.convert import syntax
from jgstudy.core.convert.columns import EXPORT_LABELS, OPTION_COLS, Col
from jgstudy.core.convert.entries import Entry
from jgstudy.core.model import (
    OPTION_KEYS,
    QTYPE_LABELS,
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    QType,
    ShortQuestion,
    SingleQuestion,
    blank_spans,
)
from jgstudy.core.text import join, msg

Cells = Mapping[Col, str]
_LABEL = EXPORT_LABELS  # a column's header, as messages quote it
CellValue = str | int | float


def row_to_entry(row: int, cells: Cells) -> Entry | None:
    """The question a row describes; None for an empty row.

    A row whose only text is its 题号 is empty: templates come with rows numbered in advance.
    """
    if not any(text for col, text in cells.items() if col is not Col.SEQ):
        return None
    entry = Entry(row, {})
    qtype = _read_type(entry, cells.get(Col.TYPE, ""))
    _read_common(entry, cells, qtype)
    if qtype is not None:
        _BODY[qtype](entry, cells)
        _warn_unused(entry, cells, qtype)
    return entry


def _read_type(entry: Entry, text: str) -> QType | None:
    qtype = syntax.parse_type(text)
    if qtype is not None:
        entry.data["type"] = qtype.value
    elif not text:
        message = msg(
            "“{column}”为空（应为 {types}）", column=_LABEL[Col.TYPE], types=syntax.TYPE_LABELS
        )
        entry.fail("type", message)
    else:
        entry.fail(
            "type", msg("未知题型“{text}”，应为 {types}", text=text, types=syntax.TYPE_LABELS)
        )
    return qtype


def _read_common(entry: Entry, cells: Cells, qtype: QType | None) -> None:
    data = entry.data
    for col, key in ((Col.ID, "id"), (Col.EXPLANATION, "explanation"), (Col.IMAGE, "image")):
        if cells.get(col):
            data[key] = cells[col]
    stem = cells.get(Col.STEM, "")
    if stem:
        data["stem"] = syntax.mark_blanks(stem) if qtype is QType.FILL else stem
    if cells.get(Col.TAGS):
        data["tags"] = syntax.split_tags(cells[Col.TAGS])
    source = {
        k: cells[c] for c, k in ((Col.LOCATOR, "locator"), (Col.QUOTE, "quote")) if cells.get(c)
    }
    if source:
        data["source"] = source
    _read_difficulty(entry, cells.get(Col.DIFFICULTY, ""))
    _read_points(entry, cells.get(Col.POINTS, ""))


# Optional columns never cost a question: a value that cannot be read is dropped with a notice.


def _read_difficulty(entry: Entry, text: str) -> None:
    if not text:
        return
    value = syntax.parse_difficulty(text)
    if value is None:
        entry.warnings.append(
            msg(
                "“{column}”写的是“{text}”，无法识别（应为 1～5 或 {words}），已按默认难度导入",
                column=_LABEL[Col.DIFFICULTY],
                text=text,
                words=syntax.DIFFICULTY_SHOWN,
            )
        )
    else:
        entry.data["difficulty"] = value


def _read_points(entry: Entry, text: str) -> None:
    if not text:
        return
    value = syntax.parse_points(text)
    if value is None:
        entry.warnings.append(
            msg(
                "“{column}”写的是“{text}”，不是正数（如 2 或 {example}），已按默认分值导入",
                column=_LABEL[Col.POINTS],
                text=text,
                example=syntax.POINTS_EXAMPLE,
            )
        )
    else:
        entry.data["points"] = value


def _options(cells: Cells) -> dict[str, str]:
    return {col.value: cells[col] for col in OPTION_COLS if cells.get(col)}


def _read_choice(entry: Entry, cells: Cells) -> None:
    options = _options(cells)
    entry.data["options"] = options
    text = cells.get(Col.ANSWER, "")
    keys = syntax.parse_choice(text)
    if not text:
        entry.fail("answer", msg("“{column}”为空", column=_LABEL[Col.ANSWER]))
    elif keys is None:
        entry.fail("answer", msg("答案“{text}”应为选项字母，如 B、ACD 或 A,C,D", text=text))
    elif entry.data["type"] == QType.SINGLE and len(keys) != 1:
        entry.fail(
            "answer",
            msg(
                "单选题只能有一个答案，这里写的是 {keys}（多选题请把题型写成“{multiple}”）",
                keys="".join(keys),
                multiple=QTYPE_LABELS[QType.MULTIPLE],
            ),
        )
    elif outside := [k for k in keys if k not in OPTION_KEYS]:
        entry.fail(
            "answer",
            msg(
                "答案 {key} 不在选项中（选项为 {options}）",
                key=outside[0],
                options=join("、", options),
            ),
        )
    else:
        entry.data["answer"] = keys[0] if entry.data["type"] == QType.SINGLE else keys


def _read_judge(entry: Entry, cells: Cells) -> None:
    text = cells.get(Col.ANSWER, "")
    value = syntax.parse_judge(text)
    options = _options(cells)
    if value is None and text.strip().upper() in options:
        # Some templates give 判断题 the options A 正确 / B 错误 and the answer as a letter.
        value = syntax.parse_judge(options[text.strip().upper()])
    if not text:
        message = msg(
            "“{column}”为空（判断题写“{true}”或“{false}”）",
            column=_LABEL[Col.ANSWER],
            true=syntax.format_judge(True),
            false=syntax.format_judge(False),
        )
        entry.fail("answer", message)
    elif value is None:
        entry.fail(
            "answer",
            msg(
                "判断题的答案应为“{true}”或“{false}”（也可写 {others}），而不是“{text}”",
                true=syntax.format_judge(True),
                false=syntax.format_judge(False),
                others=syntax.JUDGE_SYNONYMS_SHOWN,
                text=text,
            ),
        )
    else:
        entry.data["answer"] = value


def _read_fill(entry: Entry, cells: Cells) -> None:
    text = cells.get(Col.ANSWER, "")
    if text:
        entry.data["blanks"] = syntax.parse_blanks(text)
        _place_single_blank(entry)
    else:
        message = msg(
            "“{column}”为空（填空题写每个空的答案，用“{separator}”分隔）",
            column=_LABEL[Col.ANSWER],
            separator=syntax.BLANK_SEPARATOR,
        )
        entry.fail("blanks", message)


_END_PUNCTUATION = re.compile(r"[。？?！!]*$")


def _place_single_blank(entry: Entry) -> None:
    """A one-answer fill stem without a blank ("党的生日是？") gets one at its end, said so."""
    stem = entry.data.get("stem")
    if not isinstance(stem, str) or blank_spans(stem) or len(entry.data["blanks"]) != 1:
        return
    end = _END_PUNCTUATION.search(stem)
    cut = end.start() if end else len(stem)
    entry.data["stem"] = stem[:cut] + "{{1}}" + stem[cut:]
    entry.warnings.append(msg("填空题的题干没有标出空（（ ）或 ____），已在句末加一个空"))


def _read_short(entry: Entry, cells: Cells) -> None:
    text = cells.get(Col.ANSWER, "")
    if text:
        entry.data["reference"] = text
    else:
        message = msg("“{column}”为空（简答题在这里写参考答案）", column=_LABEL[Col.ANSWER])
        entry.fail("reference", message)
    if cells.get(Col.KEYWORDS):
        entry.data["keywords"] = syntax.parse_keywords(cells[Col.KEYWORDS])


_BODY: dict[QType, Callable[[Entry, Cells], None]] = {
    QType.SINGLE: _read_choice,
    QType.MULTIPLE: _read_choice,
    QType.JUDGE: _read_judge,
    QType.FILL: _read_fill,
    QType.SHORT: _read_short,
}


def _warn_unused(entry: Entry, cells: Cells, qtype: QType) -> None:
    # The type's name is the model's label (a message the interface translates).
    label = msg(QTYPE_LABELS[qtype])
    if qtype in (QType.FILL, QType.SHORT) and _options(cells):
        entry.warnings.append(msg("{type}题不用选项，选项列已忽略", type=label))
    if qtype is not QType.SHORT and cells.get(Col.KEYWORDS):
        message = msg("只有简答题用关键词，“{column}”列已忽略", column=_LABEL[Col.KEYWORDS])
        entry.warnings.append(message)


def question_to_row(question: AnyQuestion) -> dict[Col, CellValue]:
    """A question as the cells of one template row (empty cells left out)."""
    row: dict[Col, CellValue] = {
        Col.ID: question.id,
        Col.TYPE: QTYPE_LABELS[QType(question.type)],
        Col.STEM: question.stem,
        Col.EXPLANATION: question.explanation,
        Col.TAGS: syntax.format_list(question.tags),
        Col.DIFFICULTY: question.difficulty,
        Col.POINTS: syntax.format_number(question.points),
        Col.IMAGE: question.image or "",
    }
    if question.source is not None:
        row[Col.LOCATOR] = question.source.locator
        row[Col.QUOTE] = question.source.quote
    row.update(_answer_cells(question))
    return {col: value for col, value in row.items() if value != ""}


def _answer_cells(question: AnyQuestion) -> dict[Col, CellValue]:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        cells: dict[Col, CellValue] = {Col(key): text for key, text in question.options.items()}
        answer = question.answer
        cells[Col.ANSWER] = answer if isinstance(answer, str) else "".join(answer)
        return cells
    if isinstance(question, JudgeQuestion):
        return {Col.ANSWER: syntax.format_judge(question.answer)}
    if isinstance(question, FillQuestion):
        return {Col.ANSWER: syntax.format_blanks(question.blanks)}
    return {Col.ANSWER: question.reference, Col.KEYWORDS: syntax.format_keywords(question.keywords)}


_LIST_BREAKERS = re.compile(r"[、,，;；\n]")
_ALTERNATIVE_BREAKERS = re.compile(r"[;；|｜]")


def ambiguous_cells(question: AnyQuestion) -> list[str]:
    """Column names whose text holds a separator, so the row would read back differently."""
    found = []
    if any(_LIST_BREAKERS.search(tag) for tag in question.tags):
        found.append(EXPORT_LABELS[Col.TAGS])
    if isinstance(question, FillQuestion) and any(
        _ALTERNATIVE_BREAKERS.search(a) for accepted in question.blanks for a in accepted
    ):
        found.append(EXPORT_LABELS[Col.ANSWER])
    if isinstance(question, ShortQuestion) and any(
        _LIST_BREAKERS.search(w) or _ALTERNATIVE_BREAKERS.search(w)
        for k in question.keywords
        for w in (k.word, *k.aliases)
    ):
        found.append(EXPORT_LABELS[Col.KEYWORDS])
    return found
