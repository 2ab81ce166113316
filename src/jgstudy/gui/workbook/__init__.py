"""专项练习 and 背题模式, and the 收藏 / 笔记 / 纠错 bar shown with a question."""

from jgstudy.gui.workbook.marks import MarkBar
from jgstudy.gui.workbook.page import WorkbookView
from jgstudy.gui.workbook.recite import ReciteView

__all__ = ["MarkBar", "ReciteView", "WorkbookView"]
