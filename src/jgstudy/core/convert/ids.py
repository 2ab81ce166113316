"""Keep question ids attached to the same questions across versions of a bank.

A cadre's history (review logs, the wrong-answer book) belongs to a question id. When a trainer
converts a new version of a sheet onto an existing bank, each question is matched to the existing
one with the same stem (spaces and full-/half-width ignored) and takes its id; so inserting a row
and renumbering a 题号 column moves nothing. An id the source names on purpose (an 编号 column,
GIFT ``[id:…]``) is kept when its stem is new, unless it already belongs to another existing
question. What matched, what is new and what vanished is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jgstudy.core.convert.entries import RowProblem
from jgstudy.core.convert.result import Conversion, IdReport
from jgstudy.core.convert.validate import content_id, stem_key
from jgstudy.core.model import AnyQuestion, Bank
from jgstudy.core.text import Msg, join, msg

_SHOWN = 20


def onto_existing(
    conversion: Conversion,
    bank_id: str,
    existing: Sequence[AnyQuestion],
    title: str | None = None,
) -> Conversion:
    """``conversion`` with the bank id ``bank_id`` and ids matched to ``existing`` questions.

    ``title``: the existing bank's title, kept when the source's title is only its file name.
    """
    bank = conversion.bank
    if bank is None:
        return conversion
    notices: list[RowProblem] = []
    if bank.id != bank_id:
        notices.append(
            RowProblem(
                conversion.source,
                None,
                msg(
                    "题库编号沿用已有题库的 {id}（文件中的编号 {file_id} 未使用）",
                    id=bank_id,
                    file_id=bank.id,
                ),
            )
        )
    changes: dict[str, object] = {"id": bank_id}
    if title and bank.title == conversion.source.stem and title != bank.title:
        changes["title"] = title
        notices.append(
            RowProblem(
                conversion.source,
                None,
                msg("题库标题沿用已有题库的“{title}”（文件未写标题）", title=title),
            )
        )
    by_id = {q.id: q for q in existing}
    # First every stem match, so a question inserted above cannot take a renumbered id first.
    ids = _stem_matches(conversion, existing)
    taken = {qid for qid in ids if qid is not None}
    matched = [qid for qid in ids if qid is not None]
    new: list[str] = []
    edited: list[str] = []
    for index, item in enumerate(conversion.ready):
        question = item.question
        if ids[index] is not None:
            continue
        if question.id in by_id and question.id not in taken and _deliberate(question.id):
            qid = question.id
            edited.append(qid)
            matched.append(qid)
            text = msg("编号 {id} 的题干有改动", id=qid)
            notices.append(_notice(conversion, item.row, item.sheet, text))
        else:
            qid = _free_id(question, by_id, taken)
            new.append(qid)
            if question.id in by_id:
                text = msg(
                    "编号 {id} 已属于已有题库中题干不同的另一题，本题改用编号 {new}",
                    id=question.id,
                    new=qid,
                )
                notices.append(_notice(conversion, item.row, item.sheet, text))
        ids[index] = qid
        taken.add(qid)
    renamed = [
        item.question.model_copy(update={"id": qid})
        for item, qid in zip(conversion.ready, ids, strict=True)
    ]
    vanished = [q.id for q in existing if q.id not in taken]
    report = IdReport(bank_id, tuple(matched), tuple(new), tuple(vanished), tuple(edited))
    notices.insert(0, RowProblem(conversion.source, None, _listing(report.summary(), vanished)))
    updated = Bank.model_construct(**{**dict(bank), **changes, "questions": tuple(renamed)})
    return conversion.with_bank(updated, report, notices)


def _stem_matches(conversion: Conversion, existing: Sequence[AnyQuestion]) -> list[str | None]:
    """The existing id for each ready question whose stem an existing question has."""
    by_stem: dict[str, AnyQuestion] = {}
    for question in existing:
        by_stem.setdefault(stem_key(question.stem), question)
    taken: set[str] = set()
    ids: list[str | None] = []
    for item in conversion.ready:
        old = by_stem.get(stem_key(item.question.stem))
        if old is not None and old.id not in taken:
            taken.add(old.id)
            ids.append(old.id)
        else:
            ids.append(None)
    return ids


def _deliberate(qid: str) -> bool:
    # Content ids ("x-…") are derived from the stem: a different stem means a different question.
    return not qid.startswith("x-")


def _free_id(question: AnyQuestion, by_id: dict[str, AnyQuestion], taken: set[str]) -> str:
    qid = question.id
    if qid not in by_id and qid not in taken:
        return qid
    qid = content_id(question.stem, question.type)
    suffix = 1
    while qid in by_id or qid in taken:
        suffix += 1
        qid = f"{content_id(question.stem, question.type)}-{suffix}"
    return qid


def _notice(conversion: Conversion, row: int | None, sheet: str | None, text: str) -> RowProblem:
    return RowProblem(conversion.source, row, text, sheet=sheet)


def _listing(summary: Msg, ids: list[str]) -> Msg:
    if not ids:
        return summary
    shown: str = join("、", ids[:_SHOWN])
    if len(ids) > _SHOWN:
        shown = msg("{rows}……", rows=shown)
    return msg("{summary}；没有的：{ids}", summary=summary, ids=shown)


def existing_from_file(path: Path) -> Bank | None:
    """The bank in an existing YAML output file; None when there is no such file.

    Raises:
        ValueError: the file exists but is not a valid bank (its first problem is named): it
            must not be overwritten blindly, and the ids in it cannot be matched.
    """
    from jgstudy.core.banks import BankErrors, load_bank

    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return None
    try:
        return load_bank(path).bank
    except BankErrors as errors:
        first = errors.problems[0] if errors.problems else None
        where = (
            msg("（第 {line} 行：{problem}）", line=first.line, problem=first.message)
            if first
            else ""
        )
        raise ValueError(
            msg(
                "输出文件 {name} 已存在，但不是有效的题库{where}；新版本的题目编号无法与它对照。"
                "请先修正它（jgstudy check），或换一个输出文件名，以免覆盖",
                name=path.name,
                where=where,
            )
        ) from errors
