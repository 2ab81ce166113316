"""The confirmation before handing in a paper: what is still unanswered or flagged."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from jgstudy.gui.i18n import tr

MAX_LISTED = 30


def numbers(indexes: Sequence[int]) -> str:
    """``第 2、5、9 题`` (1-based), shortened after :data:`MAX_LISTED`."""
    shown = tr("、").join(str(i + 1) for i in indexes[:MAX_LISTED])
    more = (
        tr(" 等 {count} 题").format(count=len(indexes)) if len(indexes) > MAX_LISTED else tr(" 题")
    )
    return tr("第 {shown}{more}").format(shown=shown, more=more)


def confirm_text(unanswered: Sequence[int], flagged: Sequence[int]) -> str:
    lines = []
    if unanswered:
        lines.append(
            tr("还有 {count} 题未作答：{numbers}。").format(
                count=len(unanswered), numbers=numbers(unanswered)
            )
        )
    else:
        lines.append(tr("全部题目均已作答。"))
    if flagged:
        lines.append(
            tr("标记待检查 {count} 题：{numbers}。").format(
                count=len(flagged), numbers=numbers(flagged)
            )
        )
    lines.append(tr("交卷后不能再修改答案。"))
    return "\n".join(lines)


def confirm_box(
    parent: QWidget, unanswered: Sequence[int], flagged: Sequence[int]
) -> tuple[QMessageBox, QPushButton]:
    """A (not yet shown) message box; returns it with its 交卷 button."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("确认交卷"))
    box.setIcon(QMessageBox.Icon.Warning if unanswered else QMessageBox.Icon.Question)
    box.setText(tr("确定交卷吗？"))
    box.setInformativeText(confirm_text(unanswered, flagged))
    submit = box.addButton(tr("交卷"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(tr("继续答题"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box, submit
