"""The practice view and the widgets it shows a question with."""

from jgstudy.gui.practice.page import PracticePage

__all__ = ["PracticePage"]
