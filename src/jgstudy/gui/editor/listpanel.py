"""The left column: the question list, with buttons and keys to add, copy, delete and move."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QListView, QMenu, QVBoxLayout, QWidget

from jgstudy.gui.editor.listmodel import QuestionDelegate, QuestionListModel
from jgstudy.gui.editor.texts import QTYPES, type_label
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.widgets import button, plain_label

BUTTONS = {  # action: (text, tooltip, key on the list)
    "duplicate": (N_("复制"), N_("复制这道题"), None),
    "delete": (N_("删除"), N_("删除这道题（Del）"), "Del"),
    "up": ("↑", N_("上移（Alt+↑）"), "Alt+Up"),
    "down": ("↓", N_("下移（Alt+↓）"), "Alt+Down"),
}


class QuestionListPanel(QWidget):
    """题目（N）, the list (rows can be dragged), and ＋新增 (a menu of types) 复制 删除 ↑ ↓."""

    def __init__(
        self,
        model: QuestionListModel,
        add: Callable[[str], object],
        actions: Mapping[str, Callable[[], object]],
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        self.count_label = plain_label("", "section")
        head = QHBoxLayout()  # 题目（N） with ↑ ↓ beside it: the row below stays narrow
        head.setSpacing(2)
        head.addWidget(self.count_label, 1)
        layout.addLayout(head)
        self.view = QListView()
        self.view.setObjectName("questions")
        self.view.setModel(model)
        self.view.setItemDelegate(QuestionDelegate(self.view))
        self.view.setMouseTracking(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.add_button = button(tr("＋ 新增"), flat=True)
        self.add_button.setObjectName("listbutton")
        self.add_button.setToolTip(tr("在这道题后面新增一道题（Ctrl+N：同一题型）"))
        menu = QMenu(self.add_button)
        for qtype in QTYPES:
            menu.addAction(type_label(qtype), partial(add, qtype))
        self.add_button.setMenu(menu)
        row.addWidget(self.add_button)
        for name, (text, tip, key) in BUTTONS.items():
            widget = button(tr(text), flat=True)
            widget.setObjectName("listbutton")
            widget.setToolTip(tr(tip))
            widget.clicked.connect(lambda _c=False, s=actions[name]: s())
            (head if name in ("up", "down") else row).addWidget(widget)
            if key:
                self._shortcut(key, actions[name])
        row.addStretch(1)
        layout.addLayout(row)

    def _shortcut(self, key: str, slot: Callable[[], object]) -> None:
        """A key that works while the list has the focus (Del in a text field deletes text)."""
        action = QAction(self.view)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.view.addAction(action)
