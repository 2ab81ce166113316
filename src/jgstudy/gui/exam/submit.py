"""The confirmation before handing in a paper: what is still unanswered or flagged."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

MAX_LISTED = 30


def numbers(indexes: Sequence[int]) -> str:
    """``第 2、5、9 题`` (1-based), shortened after :data:`MAX_LISTED`."""
    shown = "、".join(str(i + 1) for i in indexes[:MAX_LISTED])
    more = f" 等 {len(indexes)} 题" if len(indexes) > MAX_LISTED else " 题"
    return f"第 {shown}{more}"


def confirm_text(unanswered: Sequence[int], flagged: Sequence[int]) -> str:
    lines = []
    if unanswered:
        lines.append(f"还有 {len(unanswered)} 题未作答：{numbers(unanswered)}。")
    else:
        lines.append("全部题目均已作答。")
    if flagged:
        lines.append(f"标记待检查 {len(flagged)} 题：{numbers(flagged)}。")
    lines.append("交卷后不能再修改答案。")
    return "\n".join(lines)


def confirm_box(
    parent: QWidget, unanswered: Sequence[int], flagged: Sequence[int]
) -> tuple[QMessageBox, QPushButton]:
    """A (not yet shown) message box; returns it with its 交卷 button."""
    box = QMessageBox(parent)
    box.setWindowTitle("确认交卷")
    box.setIcon(QMessageBox.Icon.Warning if unanswered else QMessageBox.Icon.Question)
    box.setText("确定交卷吗？")
    box.setInformativeText(confirm_text(unanswered, flagged))
    submit = box.addButton("交卷", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("继续答题", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box, submit
