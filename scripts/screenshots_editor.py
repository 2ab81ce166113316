"""Screenshots of the bank editor (题库编辑) in the main window, rendered offscreen.

    uv run python scripts/screenshots_editor.py [--out DIR] [--theme dark] [--language en] [--size WxH]

Edits a copy of the test bank: a single-choice question with its answer shown in the preview, a
fill question whose stem lost a blank (the error next to the blanks and in the problem list), a
short-answer question, and a draft bank made by ``jgstudy draft`` under review. Saves
editor-*.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from shotkit import (
    ROOT,
    Shooter,
    prepare,
    run_script,
    settle,
    window_size,
    with_dialog,
)

from jgstudy.core.clock import FixedClock
from jgstudy.core.drafting import draft_bank_yaml
from jgstudy.core.services import open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.editor import BankEditor
from jgstudy.gui.prefs import Preferences

SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
MATERIAL = ROOT / "tests" / "data" / "materials" / "volunteer_report.txt"


def shoot_sample(s: Shooter, editor: BankEditor, folder: Path) -> None:
    bank = folder / "sample.yaml"
    shutil.copy(SAMPLE, bank)
    editor.open_path(bank)
    workspace = editor.workspace
    workspace.select(0)
    workspace.preview.reveal.setChecked(True)
    s.shot("editor-01-single")
    workspace.preview.reveal.setChecked(False)
    workspace.select(3)
    stem = workspace.form.stem
    stem.setPlainText(stem.toPlainText().replace("{{2}}", "547"))  # the trainer typed the answer
    workspace.revalidate()
    workspace.select(3)
    s.shot("editor-02-fill-error")
    workspace.undo()
    workspace.select(5)
    workspace.preview.reveal.setChecked(True)
    workspace.revalidate()
    s.shot("editor-04-short")
    workspace.preview.reveal.setChecked(False)
    dialog = editor.edit_properties()
    settle(s.app)
    s.save("editor-05-bank-info", with_dialog(s.default or editor, dialog))
    dialog.reject()


def shoot_draft(s: Shooter, editor: BankEditor, folder: Path) -> None:
    text, _count = draft_bank_yaml(
        MATERIAL.read_text(encoding="utf-8"), "draft-volunteer", "志愿服务工作报告·候选题"
    )
    draft = folder / "draft.yaml"
    draft.write_text(text, encoding="utf-8")
    editor.open_path(draft)
    workspace = editor.workspace
    workspace.select(0)
    workspace.approve()
    workspace.select(1)
    workspace.revalidate()  # (the page checks 300 ms after the last change)
    s.shot("editor-03-draft")


def build(options: argparse.Namespace) -> int:
    """Shoot the editor; the number of widgets found cut off."""
    app = prepare(options)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        prefs = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        url = f"sqlite:///{folder / 'jgstudy.sqlite3'}"
        services = open_services(url, FixedClock(datetime(2026, 3, 2, 1, 30, tzinfo=UTC)))
        window = MainWindow(services, prefs, str(folder), url)
        window.resize(window_size(options))
        window.show()
        window.navigate("editor")
        settle(app)
        shooter = Shooter(app, options.out, window)
        shoot_sample(shooter, window.editor, folder)
        shoot_draft(shooter, window.editor, folder)
        services.close()
    return shooter.clipped


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
