"""What merging one score file did, as sentences for the trainer (the CLI and the desktop)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from jgstudy.core.scores.merge import MergeResult
from jgstudy.core.text import Msg, join, msg


class Kind(Enum):
    """How a sentence is shown: the outcome, a note, or a warning that something was left out."""

    DONE = "done"
    NOTE = "note"
    WARNING = "warning"


@dataclass(frozen=True)
class Sentence:
    kind: Kind
    text: str  # a Msg: the GUI translates it


def merge_summary(file: str, result: MergeResult) -> list[Sentence]:
    """The outcome first, then every record left out (one sentence each) and the notes."""
    sentences = [Sentence(Kind.DONE, _outcome(file, result))]
    if result.logs_unknown:
        skipped = msg(
            "{file} 中 {count} 条答题记录的试题不在本数据库中，已跳过；"
            "请先导入题库 {banks} 后再合并一次。",
            file=file,
            count=result.logs_unknown,
            banks=join("、", result.missing_banks),
        )
        sentences.append(Sentence(Kind.WARNING, skipped))
    for problem in result.foreign:
        sentences.append(
            Sentence(Kind.WARNING, msg("{where}：{problem}", where=file, problem=problem))
        )
    if result.changed_questions:
        changed = msg(
            "{count} 道试题在本数据库中的内容已修改，记录仍按题号合并。",
            count=len(result.changed_questions),
        )
        sentences.append(Sentence(Kind.NOTE, changed))
    return sentences


def _outcome(file: str, r: MergeResult) -> Msg:
    counts = {
        "added": r.logs_added,
        "present": r.logs_present,
        "attempts": r.attempts_added,
        "updated": r.attempts_updated,
        "cards": r.cards_replaced,
    }
    if r.created_user:
        return msg(
            "{file}：{user}（新建用户） 新增答题记录 {added} 条（已有 {present} 条），"
            "考试/练习新增 {attempts} 次、更新 {updated} 次，更新卡片 {cards} 张",
            file=file,
            user=r.user,
            **counts,
        )
    return msg(
        "{file}：{user} 新增答题记录 {added} 条（已有 {present} 条），"
        "考试/练习新增 {attempts} 次、更新 {updated} 次，更新卡片 {cards} 张",
        file=file,
        user=r.user,
        **counts,
    )
