"""Profiles on a shared desktop: the dialog to pick or create one, and the toolbar switcher."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.names import BadName, clean_name, clean_unit
from jgstudy.core.records import UserInfo
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.widgets import plain_label

NEW_PROFILE = "__new__"


def profile_text(user: UserInfo) -> str:
    return tr("{name}（{unit}）").format(name=user.name, unit=user.unit) if user.unit else user.name


MIN_WIDTH = 460
SIDE = 28  # the dialog's left and right margins
TITLE_BAR = 40  # the window frame above the dialog, which the screen must hold too


class ProfileDialog(QDialog):
    """Pick an existing profile, or type a name and unit (单位) for a new one."""

    def __init__(
        self, users: Sequence[UserInfo], last: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("选择用户"))
        layout = QVBoxLayout(self)
        # The size hint counts the lines the intro wraps to; the minimum size (what the dialog
        # would otherwise get) does not, and the name fields were squeezed below their text.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(SIDE, 24, SIDE, 20)
        layout.setSpacing(14)
        layout.addWidget(plain_label(tr("欢迎使用机关学习"), "title"))
        intro = (  # on the first run there is nobody to choose yet
            tr("学习记录按用户分别保存。请选择你的名字，或新建一个。")
            if users
            else tr("学习记录按用户分别保存。请填写你的姓名和单位，开始学习。")
        )
        self.intro = plain_label(intro, "muted", wrap=True)
        self.intro.setMinimumWidth(MIN_WIDTH - 2 * SIDE)  # the fixed-size dialog's least width
        layout.addWidget(self.intro)
        self.list = QListWidget()
        for user in users:
            item = QListWidgetItem(profile_text(user))
            item.setData(Qt.ItemDataRole.UserRole, user.name)
            self.list.addItem(item)
            if user.name == last:
                self.list.setCurrentItem(item)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.list.currentItemChanged.connect(self._picked)
        layout.addWidget(self.list)
        self.list.setHidden(not users)
        layout.addLayout(self._build_form(bool(users)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("开始学习"))
        ok.setProperty("primary", True)
        buttons.accepted.connect(self._accept_if_valid)
        layout.addWidget(buttons)
        self.error = plain_label("", "small")
        layout.addWidget(self.error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Room for every field at the text size now in use (its stylesheet applies at show).

        The list shows up to five users without a scroll bar, however tall a row is at the
        largest text, and fewer when the dialog would not fit on the screen.
        """
        count = self.list.count()
        if not count:
            return
        self.list.ensurePolished()
        row = self.list.sizeHintForRow(0)
        frame = 2 * self.list.frameWidth() + 4
        self.list.setFixedHeight(row + frame)
        screen = self.screen().availableGeometry().height()
        room = screen - TITLE_BAR - (self.sizeHint().height() - row - frame)
        rows = max(1, min(count, 5, room // max(row, 1)))
        self.list.setFixedHeight(rows * row + frame)

    def _build_form(self, has_users: bool) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(10)
        if has_users:
            form.addRow(plain_label(tr("或新建用户："), "muted"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("姓名"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(tr("单位，如：市发展和改革委员会"))
        self.name_edit.textEdited.connect(lambda _t: self.list.clearSelection())
        form.addRow(tr("姓名"), self.name_edit)
        form.addRow(tr("单位"), self.unit_edit)
        return form

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.name_edit.clear()
            self.unit_edit.clear()

    def choice(self) -> tuple[str, str]:
        """(name, unit): the typed new profile, or the picked existing one (unit unchanged)."""
        name = self.name_edit.text().strip()
        if name:
            return name, self.unit_edit.text().strip()
        item = self.list.currentItem()
        if item is not None and item.isSelected():
            return str(item.data(Qt.ItemDataRole.UserRole)), ""
        return "", ""

    def _accept_if_valid(self) -> None:
        if not self.choice()[0]:
            self.error.setText(tr("请选择一个用户，或填写姓名新建。"))
            return
        try:  # the same cleaning the core applies: say here what it would refuse
            clean_name(self.choice()[0])
            clean_unit(self.unit_edit.text())
        except BadName as exc:
            self.error.setText(tr_error(exc))
            return
        self.accept()


class ProfileSwitcher(QComboBox):
    """The toolbar's profile combo: one click to switch; the last entry creates a profile."""

    switch_requested = Signal(str)  # a user name
    new_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setToolTip(tr("切换用户"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the view; a click opens it
        self.activated.connect(self._on_activated)

    def set_users(self, users: Sequence[UserInfo], current: UserInfo | None) -> None:
        self.blockSignals(True)
        self.clear()
        if current is None:
            self.addItem(tr("未选择用户"), None)
        for user in users:
            self.addItem(user.name, user.name)
            self.setItemData(self.count() - 1, profile_text(user), Qt.ItemDataRole.ToolTipRole)
        self.addItem(tr("＋ 新建用户…"), NEW_PROFILE)
        if current is not None:
            self.setCurrentIndex(max(self.findData(current.name), 0))
        self.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        value = self.itemData(index)
        if value == NEW_PROFILE:
            self.new_requested.emit()
        elif value:
            self.switch_requested.emit(str(value))
