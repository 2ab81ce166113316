"""题库编辑: the trainers' bank editor, as a page (:class:`BankEditor`) or a window."""

from jgstudy.gui.editor.page import BankEditor
from jgstudy.gui.editor.window import BankEditorWindow

__all__ = ["BankEditor", "BankEditorWindow"]
