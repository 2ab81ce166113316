"""Screenshots of 专项练习, 背题模式 and the 错题本 detail, offscreen on a temporary database.

uv run python scripts/screenshots_workbook.py [--out DIR] [--size WxH] [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from screenshots_views import HISTORY_DAYS, SAMPLE, play_history
from shotkit import Shooter, add_options, prepare, settle, window_size, with_dialog

from jgstudy.core.clock import FixedClock
from jgstudy.core.model import QType
from jgstudy.core.paths import bundled_banks
from jgstudy.core.services import Services, open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.pages import View
from jgstudy.gui.prefs import Preferences


def build(options: argparse.Namespace) -> int:
    app = prepare(options)
    tmp = Path(tempfile.mkdtemp(prefix="jgstudy-shots-"))
    prefs = Preferences(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    prefs.theme, prefs.font_size, prefs.language = (
        options.theme,
        options.font_size,
        options.language,
    )
    today = datetime.now(UTC).replace(hour=1, minute=30, second=0, microsecond=0)
    clock = FixedClock(today - timedelta(days=HISTORY_DAYS + 1))
    url = f"sqlite:///{tmp / 'jgstudy.sqlite3'}"
    services = open_services(url, clock)
    services.study.import_banks([SAMPLE, bundled_banks()])
    user = services.study.ensure_user("王明", "市委办公室")
    play_history(services.study, user, clock, today, HISTORY_DAYS)
    window = MainWindow(services, prefs, str(tmp), url)
    window.resize(window_size(options))
    window.show()
    settle(app)
    window.set_user(user)
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
    parser = argparse.ArgumentParser(description=__doc__)
    add_options(parser)
    return 1 if build(parser.parse_args(argv)) else 0


if __name__ == "__main__":
    sys.exit(main())
