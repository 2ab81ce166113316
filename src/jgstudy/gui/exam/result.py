"""The result of an exam: score, pass or fail, time, sections, and every question with 解析."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.exams import ExamResult, ItemResult
from jgstudy.core.model import display_stem
from jgstudy.core.records import UserInfo
from jgstudy.core.workbook import WorkbookService
from jgstudy.gui.exam.texts import duration_text, points_text, response_text, type_label
from jgstudy.gui.exam.util import clear_layout, discard
from jgstudy.gui.i18n import tr, trc
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import button, card, page_header, plain_label
from jgstudy.gui.workbook.marks import MarkBar

Marks = tuple[WorkbookService, UserInfo]


def verdict(good: bool) -> str:
    return "good" if good else "bad"


class ResultItem(QFrame):
    """One question of the paper as marked."""

    def __init__(self, item: ItemResult, marks: Marks | None = None) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("resultitem")
        question = item.record.question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(10)
        mark = plain_label("✓" if item.correct else ("✗" if item.answered else "—"))
        mark.setObjectName("mark")
        set_props(mark, verdict=verdict(item.correct))
        top.addWidget(mark)
        top.addWidget(plain_label(tr("第 {index} 题").format(index=item.index + 1), "section"))
        chip = plain_label(type_label(question))
        chip.setObjectName("chip")
        top.addWidget(chip)
        top.addWidget(plain_label(item.section, "muted"))
        top.addStretch(1)
        score = tr("{score} / {max_score} 分").format(
            score=points_text(item.score), max_score=points_text(item.max_score)
        )
        top.addWidget(plain_label(score, "muted"))
        layout.addLayout(top)
        layout.addWidget(plain_label(display_stem(question.stem), wrap=True))
        self.given = plain_label(
            tr("你的答案：{response_text}").format(
                response_text=response_text(question, item.response)
            ),
            wrap=True,
        )
        self.given.setObjectName("given")
        set_props(self.given, verdict=verdict(item.correct))
        layout.addWidget(self.given)
        right = plain_label(
            tr("正确答案：{answer_text}").format(answer_text=answer_text(question)), wrap=True
        )
        right.setObjectName("answer")
        layout.addWidget(right)
        explanation = plain_label(
            tr("解析：{explanation}").format(explanation=item.explanation), wrap=True
        )
        explanation.setObjectName("explain")
        layout.addWidget(explanation)
        self.marks: MarkBar | None = None
        if marks is not None:  # 收藏, 笔记 and 纠错, as after a practice answer
            workbook, user = marks
            self.marks = MarkBar(workbook)
            self.marks.show_question(user, item.record.pk)
            layout.addWidget(self.marks)


class ResultPanel(QWidget):
    """Shown when the paper is in; scrolls as one page."""

    home_requested = Signal()
    back_requested = Signal()  # 返回: to the list of papers
    again_requested = Signal()  # 再考一次: the same paper, drawn afresh

    def __init__(self) -> None:
        super().__init__()
        self.result: ExamResult | None = None
        self.items: list[ResultItem] = []
        self.marks: Marks | None = None  # set when the page knows the cadre and the workbook
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        outer.addWidget(self.area)
        body = QWidget()
        self.area.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(18)
        header, self.heading, self.subtitle = page_header(tr("考试结果"), " ")
        top = QHBoxLayout()  # 返回 and 再考一次 without scrolling past every question
        top.setSpacing(12)
        top.addWidget(header, 1)
        self.back_button = button(tr("返回"))
        self.back_button.setToolTip(tr("回到试卷列表，查看往次成绩"))
        self.again_top = button(tr("再考一次"), primary=True)
        self.back_button.clicked.connect(self.back_requested)
        self.again_top.clicked.connect(self.again_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.again_top, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.notice = self._notice()
        layout.addWidget(self.notice)
        layout.addLayout(self._tiles())
        self.sections_box = card(QGridLayout(), margins=18)
        layout.addWidget(self.sections_box)
        layout.addLayout(self._list_header())
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(10)
        layout.addLayout(self.list_layout)
        layout.addLayout(self._buttons())
        layout.addStretch(1)

    def _notice(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("notice")
        row = QHBoxLayout(frame)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(plain_label(tr("⏰ 考试时间到，系统已按已作答内容自动交卷。")))
        frame.hide()
        return frame

    def _tiles(self) -> QHBoxLayout:
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("score", tr("得分")),
            ("verdict", tr("结果")),
            ("time", tr("用时")),
            ("pass", tr("及格线")),
        ):
            box = card(margins=18)
            inner = box.layout()
            assert isinstance(inner, QVBoxLayout)
            inner.setSpacing(2)
            inner.addWidget(plain_label(label, "statlabel"))
            value = plain_label("—", "stat")
            if key == "verdict":
                value.setObjectName("verdictbig")
            inner.addWidget(value)
            self.values[key] = value
            tiles.addWidget(box, 1)
        return tiles

    def _list_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(plain_label(tr("逐题解析"), "section"))
        row.addStretch(1)
        self.only_wrong = QCheckBox(tr("只看错题和未答题"))
        self.only_wrong.toggled.connect(self._filter)
        row.addWidget(self.only_wrong)
        return row

    def _buttons(self) -> QHBoxLayout:
        self.home_button = button(tr("返回首页"), primary=True, big=True)
        self.again_button = button(tr("再考一次"), big=True)
        self.home_button.clicked.connect(self.home_requested)
        self.again_button.clicked.connect(self.again_requested)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.home_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        return row

    def show_result(self, result: ExamResult) -> None:
        self.result = result
        self.heading.setText(tr("考试结果"))
        self.subtitle.setText(
            tr("{title}　·　得分率 {percent:.0f}%").format(
                title=result.title, percent=result.percent
            )
        )
        self.notice.setVisible(result.auto_submitted)
        self.values["score"].setText(
            f"{points_text(result.score)} / {points_text(result.max_score)}"
        )
        self.values["verdict"].setText(trc("exam", "通过") if result.passed else tr("未通过"))
        set_props(self.values["verdict"], verdict=verdict(result.passed))
        self.values["time"].setText(duration_text(result.time_used))
        self.values["pass"].setText(
            tr("{points_text} 分").format(points_text=points_text(round(result.pass_score, 1)))
        )
        self._show_sections(result)
        self._show_items(result)
        self.area.verticalScrollBar().setValue(0)

    def _show_sections(self, result: ExamResult) -> None:
        grid = self.sections_box.layout()
        assert isinstance(grid, QGridLayout)
        clear_layout(grid)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        for col, text in enumerate((trc("exam", "部分"), tr("得分"), tr("作答"), tr("答对"))):
            grid.addWidget(plain_label(text, "statlabel"), 0, col)
        for row, s in enumerate(result.sections, start=1):
            grid.addWidget(plain_label(s.title), row, 0)
            score = f"{points_text(s.score)} / {points_text(s.max_score)}"
            for col, text in enumerate((score, f"{s.answered} / {s.count}", f"{s.correct}"), 1):
                grid.addWidget(plain_label(text), row, col)
        grid.setColumnStretch(0, 1)

    def _show_items(self, result: ExamResult) -> None:
        for widget in self.items:
            discard(widget)
        self.items = [ResultItem(item, self.marks) for item in result.items]
        for widget in self.items:
            self.list_layout.addWidget(widget)
        self._filter(self.only_wrong.isChecked())

    def _filter(self, only_wrong: bool) -> None:
        for widget in self.items:
            widget.setVisible(not only_wrong or not widget.item.correct)
