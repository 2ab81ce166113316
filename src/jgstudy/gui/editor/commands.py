"""Every change to the bank as an undoable command; keystrokes in one field merge into one."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from jgstudy.core.banks.editing import BankDocument, Item
from jgstudy.gui.editor.listmodel import QuestionListModel
from jgstudy.gui.i18n import tr

Data = dict[str, Any]
MERGE_ID = 4201


class Host(Protocol):
    """What the commands change and tell: the editor's document, its list model, its views."""

    @property
    def document(self) -> BankDocument: ...
    @property
    def model(self) -> QuestionListModel: ...
    def after_change(self, select: int | None) -> None:
        """Something changed; show question ``select`` (None: keep the current one)."""


class EditQuestion(QUndoCommand):
    """One question's data before and after; ``merge`` names a typing burst in one field."""

    def __init__(
        self, host: Host, index: int, before: Data, after: Data, text: str, merge: object = None
    ) -> None:
        super().__init__(text)
        self.host, self.index = host, index
        self.before, self.after = before, after
        self.merge = merge

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)

    def _put(self, data: Data) -> None:
        self.host.document.replace(self.index, data)
        self.host.model.changed(self.index)
        self.host.after_change(self.index)

    def id(self) -> int:
        return MERGE_ID if self.merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditQuestion) and other.index == self.index):
            return False
        if other.merge != self.merge:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True


class EditHeader(QUndoCommand):
    """The bank's own fields (id, title, description, tags, multiple_scoring)."""

    def __init__(self, host: Host, before: Data, after: Data) -> None:
        super().__init__(tr("编辑题库信息"))
        self.host, self.before, self.after = host, before, after

    def redo(self) -> None:
        self.host.document.set_header(self.after)
        self.host.after_change(None)

    def undo(self) -> None:
        self.host.document.set_header(self.before)
        self.host.after_change(None)


class InsertQuestion(QUndoCommand):
    """A new or duplicated question at ``index``."""

    def __init__(self, host: Host, index: int, item: Item, text: str) -> None:
        super().__init__(text)
        self.host, self.index, self.item = host, index, item

    def redo(self) -> None:
        self.host.model.insert(self.index, self.item)
        self.host.after_change(self.index)

    def undo(self) -> None:
        self.host.model.remove(self.index)
        self.host.after_change(min(self.index, len(self.host.document) - 1))


class RemoveQuestion(QUndoCommand):
    """A deleted (or rejected) question; undo puts the same item back, comments and all."""

    def __init__(self, host: Host, index: int, text: str) -> None:
        super().__init__(text)
        self.host, self.index = host, index
        self.item: Item | None = None

    def redo(self) -> None:
        self.item = self.host.model.remove(self.index)
        self.host.after_change(min(self.index, len(self.host.document) - 1))

    def undo(self) -> None:
        assert self.item is not None
        self.host.model.insert(self.index, self.item)
        self.host.after_change(self.index)


class MoveQuestion(QUndoCommand):
    def __init__(self, host: Host, source: int, target: int) -> None:
        super().__init__(tr("移动题目"))
        self.host, self.source, self.target = host, source, target

    def redo(self) -> None:
        self.host.model.move(self.source, self.target)
        self.host.after_change(self.target)

    def undo(self) -> None:
        self.host.model.move(self.target, self.source)
        self.host.after_change(self.source)


class ApproveAll(QUndoCommand):
    """Every remaining draft approved at once."""

    def __init__(self, host: Host) -> None:
        super().__init__(tr("全部通过草稿题"))
        self.host = host
        self.before: dict[int, Data] = {}

    def redo(self) -> None:
        document = self.host.document
        self.before = {i: document.question(i) for i in document.drafts()}
        document.approve_all()
        self.host.model.changed()
        self.host.after_change(None)

    def undo(self) -> None:
        for index, data in self.before.items():
            self.host.document.replace(index, data)
        self.host.model.changed()
        self.host.after_change(None)
