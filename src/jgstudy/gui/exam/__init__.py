"""模拟考试 in the GUI: the blueprint picker, the timed exam (an ExamView) and the result."""

from jgstudy.gui.exam.page import ExamPage
from jgstudy.gui.exam.picker import BlueprintPicker
from jgstudy.gui.exam.result import ResultPanel
from jgstudy.gui.exam.screen import ExamScreen

__all__ = ["BlueprintPicker", "ExamPage", "ExamScreen", "ResultPanel"]
