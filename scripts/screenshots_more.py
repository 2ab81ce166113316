"""Screenshots of what the other scripts leave out: multiple-choice and judge feedback, dialogs.

    uv run python scripts/screenshots_more.py [--out DIR] [--theme dark] [--language en] [--size WxH]

On a temporary database with the sample bank and the bundled banks and two weeks of a cadre's
history (fixed clock): a multiple-choice question answered with a wrong pick and a right option
missed (漏选), a judge question answered wrong, the about box, the 界面语言 restart question,
the 从材料生成候选题 dialog reviewing candidates, and the import preview of a 考试宝 workbook
with a refused row. Saves more-*.png; widgets found cut off are printed as ``CLIPPED`` lines.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from screenshots_import import ROWS, book
from screenshots_views import window_with_history
from shotkit import ROOT, Shooter, key, prepare, run_script, settle, with_dialog

from jgstudy.core.convert import read_source
from jgstudy.core.drafting import draft_candidates
from jgstudy.core.services import Services
from jgstudy.core.storage.browse_repo import BrowseFilter
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.editor.drafting import DraftDialog
from jgstudy.gui.i18n import tr
from jgstudy.gui.importpreview import ImportPreview
from jgstudy.gui.menus import about_text

MATERIAL = ROOT / "tests" / "data" / "materials" / "volunteer_report.txt"
HISTORY_DAYS = 14


def sample_pk(services: Services, qid: str) -> int:
    rows = services.study.browse(None, BrowseFilter(bank_id="sample", text=qid))
    return next(r.pk for r in rows if r.qid == qid)


def shoot_feedback(s: Shooter, window: MainWindow, services: Services) -> None:
    """漏选 beside a wrong pick and a right one; a judge question answered wrong."""
    page = window.practice
    window.navigate("practice")
    page.start_queue([sample_pk(services, "m1"), sample_pk(services, "j1")])
    for code, text in ((Qt.Key.Key_A, "a"), (Qt.Key.Key_C, "c")):
        key(s.app, page, code, text)
    s.shot("more-01-multiple-question")
    key(s.app, page, Qt.Key.Key_Return)
    s.shot("more-02-multiple-feedback")
    key(s.app, page, Qt.Key.Key_Space)
    key(s.app, page, Qt.Key.Key_B, "b")
    s.shot("more-03-judge-question")
    key(s.app, page, Qt.Key.Key_Return)
    s.shot("more-04-judge-feedback")
    page.leave()
    page.leave()


def shoot_boxes(s: Shooter, window: MainWindow) -> None:
    """The about box and the restart question, built as the menus and asks build them."""
    about = QMessageBox(
        QMessageBox.Icon.NoIcon, tr("关于机关学习"), about_text(window), parent=window
    )
    about.show()
    settle(s.app)
    s.save("more-05-about", with_dialog(window, about))
    about.close()
    ask = QMessageBox(
        QMessageBox.Icon.Question,
        tr("界面语言"),
        tr("界面语言在重新启动后生效。现在重新启动机关学习吗？"),
        parent=window,
    )
    ask.setDefaultButton(ask.addButton(tr("现在重启"), QMessageBox.ButtonRole.AcceptRole))
    ask.addButton(tr("稍后"), QMessageBox.ButtonRole.RejectRole)
    ask.show()
    settle(s.app)
    s.save("more-06-restart", with_dialog(window, ask))
    ask.close()


def _fit(dialog: QDialog, window: QWidget) -> None:
    """A dialog no larger than the window (as on a small screen)."""
    size = dialog.size().boundedTo(window.size() - (window.size() / 10))
    dialog.resize(size)


def shoot_draft(s: Shooter, window: MainWindow) -> None:
    dialog = DraftDialog(window)
    _fit(dialog, window)
    dialog.set_candidates(draft_candidates(MATERIAL.read_text(encoding="utf-8")))
    dialog.list.setCurrentRow(0)
    dialog.accept_current()
    dialog.list.setCurrentRow(1)
    dialog.reject_current()
    dialog.list.setCurrentRow(2)
    dialog.show()
    settle(s.app)
    audit_dialog(s, dialog, "more-07-draft")
    s.save("more-07-draft", with_dialog(window, dialog))
    dialog.reject()


def shoot_import(s: Shooter, window: MainWindow, services: Services, folder: Path) -> None:
    conversion = read_source(book(folder / "题库v1.xlsx", ROWS))
    study = services.study
    dialog = ImportPreview(conversion, study.banks(), study.bank_questions, window)
    _fit(dialog, window)
    dialog.show()
    for index, name in ((0, "more-08-import-ready"), (1, "more-09-import-refused")):
        dialog.tabs.setCurrentIndex(index)
        settle(s.app)
        audit_dialog(s, dialog, name)
        s.save(name, with_dialog(window, dialog))
    dialog.reject()


def audit_dialog(s: Shooter, dialog: QWidget, name: str) -> None:
    from jgstudy.gui.layout_audit import audit

    for clip in audit(dialog):
        s.clipped += 1
        print(f"CLIPPED {s.out.name}/{name}: {clip}")


def build(options: argparse.Namespace) -> int:
    app = prepare(options)
    today = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    services, _user, window = window_with_history(
        app, options, "jgstudy-more-", today, HISTORY_DAYS
    )
    shooter = Shooter(app, options.out, window)
    shoot_feedback(shooter, window, services)
    shoot_boxes(shooter, window)
    shoot_draft(shooter, window)
    shoot_import(shooter, window, services, Path(tempfile.mkdtemp(prefix="jgstudy-more-import-")))
    window.close()
    services.close()
    return shooter.clipped


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
