"""题库编辑: the page the main window hosts — open, import, edit, review drafts, save.

The page owns the file side (open, import, save, save as, the prompt about unsaved changes) and
the bank's own fields; :class:`EditorWorkspace` edits the questions. Saving emits ``saved(path)``
and nothing else: saving never changes what cadres practise. 发布 (publish) is the separate, named
action: it saves, checks the whole bank, and emits ``bank_ready(path)`` only when it passes, so
the main window imports it for practice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from jgstudy.core.banks.editfiles import SaveError
from jgstudy.core.banks.editing import BankDocument, FieldProblem
from jgstudy.core.banks.errors import BankErrors
from jgstudy.core.convert import ConvertError
from jgstudy.core.records import UserInfo
from jgstudy.core.workbook import WorkbookService
from jgstudy.gui.editor.commands import EditHeader
from jgstudy.gui.editor.dialogs import (
    IMPORT_FILTER,
    OPEN_FILTER,
    AskSave,
    Inform,
    ask_save_changes,
    choose_save_path,
    show_message,
)
from jgstudy.gui.editor.drafting import DraftDialog
from jgstudy.gui.editor.look import editor_stylesheet
from jgstudy.gui.editor.properties import BankPropertiesDialog
from jgstudy.gui.editor.workspace import EditorWorkspace
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.fit import ElidedLabel
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import tr, tr_error, tr_msg, tr_problem
from jgstudy.gui.restyle import StyleKeeper
from jgstudy.gui.widgets import button, plain_label
from jgstudy.gui.workbook.problems import ProblemQueue

SHOWN_NOTICES = 30


class BankEditor(QWidget):
    """The bank editor as a page; see the module docstring for its signals."""

    saved = Signal(Path)
    bank_ready = Signal(Path)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        ask_save: AskSave = ask_save_changes,
        inform: Inform = show_message,
        make_draft_dialog: Callable[[QWidget, FileChooser], DraftDialog] = DraftDialog,
        files: FileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_draft_dialog = make_draft_dialog
        self._files = files or FileChooser()
        self._ask_save, self._inform = ask_save, inform
        self._unsaved = False  # imported and not yet saved: changed though the history is empty
        self._dirty = False
        self.workspace = EditorWorkspace(BankDocument.new(folder, tr("新题库")))
        self.workspace.changed.connect(self._refresh)
        self.workspace.validated.connect(lambda _v: self._refresh())
        self.workspace.bank_problem_clicked.connect(lambda _p: self.edit_properties())
        self.workspace.stack.cleanChanged.connect(self._clean_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        layout.addWidget(self._draft_banner())
        self._problem_layout = layout  # the 学员纠错 queue goes here once a workbook is given
        self.report_queue: ProblemQueue | None = None
        layout.addWidget(self.workspace, 1)
        self._shortcuts()
        self.style_keeper = StyleKeeper(self, editor_stylesheet)
        self._refresh()

    # -- building ------------------------------------------------------------------------

    def set_user(self, user: UserInfo | None) -> None:
        """Banks are edited as files, for every cadre alike."""

    def activate(self) -> None:
        """The open file is the editor's own; the 纠错 reports on it are re-read."""
        self._refresh_problems()

    def set_workbook(self, workbook: WorkbookService) -> None:
        """Show the cadres' open 纠错 reports on the questions of the open bank (题目纠错)."""
        queue = ProblemQueue(workbook, lambda: str(self.document.header.get("id") or ""))
        queue.setContentsMargins(16, 0, 16, 0)
        queue.chosen.connect(self.go_to_question)
        self._problem_layout.insertWidget(self._problem_layout.count() - 1, queue)
        self.report_queue = queue
        self._refresh_problems()

    def _refresh_problems(self) -> None:
        if self.report_queue is not None:
            self.report_queue.refresh()
            self.report_queue.setVisible(bool(self.report_queue.reports))

    def go_to_question(self, qid: str) -> bool:
        """Select the question with id ``qid``; False when the open bank has none."""
        ids = self.document.ids()
        if qid not in ids:
            return False
        self.workspace.select(ids.index(qid))
        return True

    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("editorbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 12, 20, 12)
        row.setSpacing(8)
        names = QVBoxLayout()
        names.setSpacing(2)
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("banktitle")
        self.file_label = ElidedLabel()
        self.file_label.setProperty("role", "small")
        names.addWidget(self.title_label)
        names.addWidget(self.file_label)
        row.addLayout(names, 1)
        holder = QWidget()  # the buttons wrap to a second line on a small screen
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        flow = FlowLayout(holder)
        row.addWidget(holder, 3)
        self.buttons = {
            "new": button(tr("新建"), flat=True),
            "open": button(tr("打开…"), flat=True),
            "import": button(tr("导入表格…"), flat=True),
            "draft": button(tr("从材料生成…"), flat=True),
            "properties": button(tr("题库信息…"), flat=True),
            "undo": button(tr("↶ 撤销"), flat=True),
            "redo": button(tr("↷ 重做"), flat=True),
            "save_as": button(tr("另存为…")),
            "save": button(tr("保存"), primary=True),
            "publish": button(tr("发布到练习…")),
        }
        slots = {
            "new": self.new_bank,
            "open": self.choose_open,
            "import": self.choose_import,
            "draft": self.draft_from_material,
            "properties": self.edit_properties,
            "undo": self.workspace.undo,
            "redo": self.workspace.redo,
            "save_as": self.save_as,
            "save": self.save,
            "publish": self.publish,
        }
        tips = {
            "undo": tr("撤销（Ctrl+Z）"),
            "redo": tr("重做（Ctrl+Shift+Z）"),
            "save": tr("保存（Ctrl+S）：只保存文件，学员练习的题目不变"),
            "publish": tr("保存并导入题库，学员即可练习修改后的题目"),
            "draft": tr("从一份材料生成候选题，逐题采用、修改或舍弃后加入本题库"),
        }
        for name, widget in self.buttons.items():
            widget.clicked.connect(lambda _c=False, s=slots[name]: s())
            widget.setToolTip(tips.get(name, ""))
            flow.addWidget(widget)
        return bar

    def _draft_banner(self) -> QFrame:
        self.draft_banner = QFrame()
        self.draft_banner.setObjectName("draftbanner")
        row = QHBoxLayout(self.draft_banner)
        row.setContentsMargins(16, 8, 10, 8)
        self.draft_text = plain_label(wrap=True)
        self.approve_all_button = button(tr("全部通过"))
        self.approve_all_button.setToolTip(tr("把剩下的草稿题全部标为已审核（可撤销）"))
        self.approve_all_button.clicked.connect(self.workspace.approve_all)
        row.addWidget(self.draft_text, 1)
        row.addWidget(self.approve_all_button)
        holder = QFrame()
        outer = QHBoxLayout(holder)
        outer.setContentsMargins(16, 10, 16, 0)
        outer.addWidget(self.draft_banner)
        self.draft_holder = holder
        return holder

    def _shortcuts(self) -> None:
        keys: dict[str, tuple[Callable[[], object], list[str]]] = {
            "save": (self.save, ["Ctrl+S"]),
            "save_as": (self.save_as, ["Ctrl+Shift+S"]),
            "new_question": (self.workspace.add_question, ["Ctrl+N"]),
            "undo": (self.workspace.undo, ["Ctrl+Z"]),
            "redo": (self.workspace.redo, ["Ctrl+Shift+Z", "Ctrl+Y"]),
        }
        self.actions_by_name: dict[str, QAction] = {}
        for name, (slot, shortcuts) in keys.items():
            action = QAction(self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
            self.actions_by_name[name] = action

    # -- state ---------------------------------------------------------------------------

    @property
    def document(self) -> BankDocument:
        return self.workspace.document

    def is_dirty(self) -> bool:
        return self._unsaved or not self.workspace.stack.isClean()

    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.workspace.stack):  # not while Qt tears the editor down
            self._refresh()

    def _refresh(self) -> None:
        document, dirty = self.document, self.is_dirty()
        title = str(document.header.get("title") or tr("未命名题库"))
        name = document.path.name if document.path else tr("未保存的题库")
        self.title_label.setText(title)
        self.file_label.setText(
            tr("{name}{dirty}　·　{count} 题").format(
                name=name, dirty="*" if dirty else "", count=len(document)
            )
        )
        self.setWindowTitle(tr("{name}[*] — 题库编辑").format(name=name))
        self.setWindowModified(dirty)
        stack = self.workspace.stack
        self.buttons["undo"].setEnabled(stack.canUndo())
        self.buttons["redo"].setEnabled(stack.canRedo())
        drafts = len(document.drafts())
        self.draft_holder.setVisible(bool(drafts))
        self.draft_text.setText(
            tr("本题库还有 {drafts} 道草稿题待审核：逐题核对后点“通过”，不合适的点“删除”。").format(
                drafts=drafts
            )
        )
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _set_document(self, document: BankDocument, notices: list[str], unsaved: bool) -> None:
        self.workspace.set_document(document)
        self._unsaved = unsaved
        self._refresh()
        self._refresh_problems()
        if notices:
            shown = [tr_msg(notice) for notice in notices[:SHOWN_NOTICES]]
            more = (
                tr("\n……另有 {count} 条").format(count=len(notices) - len(shown))
                if len(notices) > len(shown)
                else ""
            )
            self._inform(self, tr("读取时的说明"), "\n".join(shown) + more)

    # -- files ---------------------------------------------------------------------------

    def new_bank(self) -> bool:
        if not self.can_close():
            return False
        self._set_document(BankDocument.new(self.document.folder, tr("新题库")), [], unsaved=False)
        return True

    def open_path(self, path: Path) -> bool:
        """Edit a bank or ``jgstudy draft`` file (after asking about unsaved changes)."""
        if not self.can_close():
            return False
        try:
            document, notices = BankDocument.open(path)
        except BankErrors as errors:
            lines = "\n".join(tr_problem(p) for p in errors.problems[:SHOWN_NOTICES])
            self._inform(
                self,
                tr("无法打开题库"),
                tr("{name} 无法在编辑器中打开：\n{lines}").format(name=path.name, lines=lines),
            )
            return False
        self._set_document(document, notices, unsaved=False)
        return True

    def import_path(self, path: Path) -> bool:
        """Questions of a spreadsheet or quiz file as a new bank, not saved yet."""
        if not self.can_close():
            return False
        try:
            document, notices = BankDocument.import_file(path)
        except (ConvertError, BankErrors, OSError) as exc:
            self._inform(
                self,
                tr("无法导入"),
                tr("{name} 无法导入：\n{exc}").format(name=path.name, exc=tr_error(exc)),
            )
            return False
        self._set_document(document, notices, unsaved=document.path is None)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self, path: Path | None = None) -> bool:
        target = path or self._ask_path()
        return target is not None and self._write(target)

    def _write(self, path: Path) -> bool:
        try:
            saved = self.document.save(path)
        except (SaveError, OSError) as exc:
            self._inform(
                self,
                tr("保存失败"),
                tr("无法保存到 {path}：\n{exc}\n\n原文件没有改动。").format(
                    path=path, exc=tr_error(exc)
                ),
            )
            return False
        self.workspace.stack.setClean()
        self._unsaved = False
        self._refresh()
        self.saved.emit(saved)
        return True

    def publish(self) -> bool:
        """Save, then hand the bank to practice (``bank_ready``) if it passes every check."""
        if (self.is_dirty() or self.document.path is None) and not self.save():
            return False
        if not self.workspace.revalidate().passes:
            self._inform(
                self,
                tr("不能发布"),
                tr("题库还有问题（见下方列表），修改后才能发布到练习。文件已保存。"),
            )
            return False
        assert self.document.path is not None
        self.bank_ready.emit(self.document.path)
        return True

    def can_close(self) -> bool:
        """True when nothing unsaved would be lost (the trainer is asked when something would)."""
        if not self.is_dirty():
            return True
        title = str(self.document.header.get("title") or tr("未命名题库"))
        answer = self._ask_save(
            self, tr("保存修改"), tr("题库“{title}”有未保存的修改，是否保存？").format(title=title)
        )
        if answer == "save":
            return self.save()
        return answer == "discard"

    def choose_open(self) -> bool:
        chosen = self._files.open_file(self, tr("打开题库"), tr(OPEN_FILTER))
        return chosen is not None and self.open_path(chosen)

    def draft_from_material(self) -> int:
        """从材料生成: review drafted candidates; the accepted ones join this bank (undoable)."""
        dialog = self._make_draft_dialog(self, self._files)
        if dialog.exec() != DraftDialog.DialogCode.Accepted:
            return 0
        return self.workspace.add_reviewed(dialog.accepted_questions())

    def choose_import(self) -> bool:
        chosen = self._files.open_file(self, tr("导入表格或题目文件"), tr(IMPORT_FILTER))
        return chosen is not None and self.import_path(chosen)

    def _ask_path(self) -> Path | None:
        document = self.document
        name = f"{document.header.get('id') or tr('题库')}.yaml"
        return choose_save_path(self, self._files, document.path or name)

    # -- the bank's own fields -----------------------------------------------------------

    def edit_properties(self) -> BankPropertiesDialog:
        """Open 题库信息 (not blocking); accepting it is one undoable change."""
        problems = [p for p in self.workspace.validation.problems if p.index is None]
        dialog = BankPropertiesDialog(self.document.header, problems, self)
        dialog.accepted.connect(lambda: self._header_edited(dialog))
        dialog.open()
        return dialog

    def _header_edited(self, dialog: BankPropertiesDialog) -> None:
        before, after = self.document.header, dialog.header()
        if after != before:
            self.workspace.stack.push(EditHeader(self.workspace, before, after))

    def problems(self) -> list[FieldProblem]:
        return list(self.workspace.validation.problems)
