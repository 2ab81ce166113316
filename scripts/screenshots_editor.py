"""Screenshots of the bank editor (题库编辑), rendered offscreen at 1280x800.

    uv run python scripts/screenshots_editor.py [--out screenshots] [--theme light|dark]

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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shotkit import Shooter, settle, with_dialog

from jgstudy.core.drafting import draft_bank_yaml
from jgstudy.gui.editor import BankEditor
from jgstudy.gui.main import install_qt_translations, make_application
from jgstudy.gui.style import apply_theme

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
MATERIAL = ROOT / "tests" / "data" / "materials" / "volunteer_report.txt"
SIZE = (1280, 800)


def shoot_sample(s: Shooter, editor: BankEditor, folder: Path) -> None:
    bank = folder / "sample.yaml"
    shutil.copy(SAMPLE, bank)
    editor.open_path(bank)
    workspace = editor.workspace
    workspace.select(0)
    workspace.preview.reveal.setChecked(True)
    s.shot("editor-01-single", editor)
    workspace.preview.reveal.setChecked(False)
    workspace.select(3)
    stem = workspace.form.stem
    stem.setPlainText(stem.toPlainText().replace("{{2}}", "547"))  # the trainer typed the answer
    workspace.revalidate()
    workspace.select(3)
    s.shot("editor-02-fill-error", editor)
    workspace.undo()
    workspace.select(5)
    workspace.preview.reveal.setChecked(True)
    workspace.revalidate()
    s.shot("editor-04-short", editor)
    workspace.preview.reveal.setChecked(False)
    dialog = editor.edit_properties()
    settle(s.app)
    s.save("editor-05-bank-info", with_dialog(editor, dialog))
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
    s.shot("editor-03-draft", editor)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_qt_translations(app)
    apply_theme(app, options.theme, 15)
    shooter = Shooter(app, options.out)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        editor = BankEditor(folder=folder, inform=lambda *_a: None, ask_save=lambda *_a: "discard")
        editor.resize(*SIZE)
        editor.show()
        settle(app)
        shoot_sample(shooter, editor, folder)
        shoot_draft(shooter, editor, folder)
        editor.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
