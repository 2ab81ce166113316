"""Screenshots of 专项练习, 背题模式 and the 错题本 detail, offscreen on a temporary database.

uv run python scripts/screenshots_workbook.py [--out DIR] [--size WxH] [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots_views import HISTORY_DAYS, window_with_history
from shotkit import Shooter, prepare, run_script, settle, with_dialog

from jgstudy.core.model import QType
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.pages import View


def build(options: argparse.Namespace) -> int:
    app = prepare(options)
    today = datetime.now(UTC).replace(hour=1, minute=30, second=0, microsecond=0)
    services, user, window = window_with_history(
        app, options, "jgstudy-shots-", today, HISTORY_DAYS
    )
    shooter = Shooter(app, options.out, window)
    shoot(shooter, window, services, user)
    window.close()
    services.close()
    return shooter.clipped


def shoot(s: Shooter, window: MainWindow, services: Services, user: object) -> None:
    window.navigate(View.WORKBOOK)
    chooser = window.workbook.chooser
    chooser.bank_box.setCurrentIndex(max(chooser.bank_box.findData("wh2025-qiangji"), 0))
    chooser.type_box.setCurrentIndex(chooser.type_box.findData(QType.SINGLE.value))
    s.shot("workbook-chooser")
    chooser.recite_button.click()
    recite = window.workbook.recite
    recite.go(3)
    recite.marks.star.click()
    recite.marks.note.setText("九月、市委党校：首次机关党委书记培训")
    recite.marks.note.editingFinished.emit()
    s.shot("workbook-recite")
    recite.closed.emit()
    window.navigate(View.WRONGBOOK)
    book = window.wrongbook
    if book.records:
        detail = book.open_detail(0)
        settle(s.app)
        s.save("wrongbook-detail", with_dialog(window, detail))
        detail.close()


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
