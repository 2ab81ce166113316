"""The list of every problem ``jgstudy check`` would report; a click goes to the question and field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout

from jgstudy.core.banks.editing import FieldProblem, Validation
from jgstudy.gui.editor.texts import question_place
from jgstudy.gui.fit import ElidedLabel
from jgstudy.gui.i18n import tr, tr_msg
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label


class ProblemPanel(QFrame):
    """检查结果: a summary line and one row per problem."""

    activated = Signal(object)  # FieldProblem

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head = QHBoxLayout()
        title = plain_label(tr("检查结果"))
        title.setObjectName("paneltitle")
        self.summary = plain_label()
        self.summary.setObjectName("summary")
        self.drafts = plain_label()
        self.drafts.setObjectName("drafts")
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.summary)
        head.addSpacing(12)
        head.addWidget(self.drafts)
        # Elided when there is no room (whole in its tooltip): on one line it made the editor
        # wider than the page at the larger text sizes.
        hint = ElidedLabel(tr("与 jgstudy check 相同；点一条问题可跳到对应的题目和字段"))
        hint.setProperty("role", "small")
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(hint, 1)
        layout.addLayout(head)
        self.list = QListWidget()
        self.list.setObjectName("problems")
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        layout.addWidget(self.list, 1)
        self.problems: list[FieldProblem] = []

    def show_validation(self, validation: Validation, ids: list[str]) -> None:
        """List the problems, each with the question it is in."""
        self.problems = list(validation.problems)
        self.list.clear()
        for problem in self.problems:
            qid = (
                ids[problem.index] if problem.index is not None and problem.index < len(ids) else ""
            )
            item = QListWidgetItem(
                tr("{question_place}：{message}").format(
                    question_place=question_place(problem.index, qid),
                    message=tr_msg(problem.message),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        count = len(self.problems)
        if count:
            self.summary.setText(tr("{count} 个问题，修正后才能导入").format(count=count))
        elif validation.drafts:
            self.summary.setText(tr("格式无误"))
        else:
            self.summary.setText(tr("✓ 没有问题，可以导入"))
        set_props(self.summary, state="bad" if count else "good")
        drafts = len(validation.drafts)
        self.drafts.setText(tr("{drafts} 道草稿题待审核").format(drafts=drafts) if drafts else "")
        self.drafts.setVisible(bool(drafts))

    def lines(self) -> list[str]:
        """The rows as shown (for tests and scripts)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(problem, FieldProblem):
            self.activated.emit(problem)
