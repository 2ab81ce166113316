"""Screenshots of the main window's views, rendered offscreen on a temporary database.

    uv run python scripts/screenshots_views.py [--out DIR] [--theme dark] [--language en] [--size WxH]

Imports the sample bank (and the bundled banks in question_banks/ when present), creates a profile,
plays six weeks of study history with a fixed clock, answers a few questions through the GUI, and
saves PNGs of the whole window. scripts/screenshots.py runs this for every screen size.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shotkit import Shooter, prepare, run_script, settle, window_size
from shotkit import key as press

from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    ShortQuestion,
    SingleQuestion,
)
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage.browse_repo import BrowseFilter
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.i18n import tr
from jgstudy.gui.prefs import Preferences

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
HISTORY_DAYS = 45
BAD_BANK = ROOT / "tests" / "data" / "broken" / "import-errors.yaml"
RNG = random.Random(3)


def answer(question: AnyQuestion, right: bool) -> Response:
    """A right (or a plausible wrong) answer to ``question``."""
    if isinstance(question, SingleQuestion):
        wrong = next(k for k in question.options if k != question.answer)
        return question.answer if right else wrong
    if isinstance(question, MultipleQuestion):
        keys = frozenset(question.answer)
        return keys if right else frozenset(list(question.options)[:1])
    if isinstance(question, JudgeQuestion):
        return question.answer if right else not question.answer
    if isinstance(question, FillQuestion):
        return tuple(b[0] if right else "不知道" for b in question.blanks)
    assert isinstance(question, ShortQuestion)
    return ShortResponse(question.reference if right else "", right)


def play_history(
    service: StudyService, user: UserInfo, clock: FixedClock, today: datetime, days: int
) -> None:
    """Study on most of the ``days`` days before ``today``, about 80% right; ends at ``today``."""
    rng = random.Random(7)
    for back in range(days, 0, -1):
        clock.advance(seconds=(today - timedelta(days=back) - clock.now()).total_seconds())
        if rng.random() < 0.25:
            continue
        queue = service.practice_queue(
            user, new_per_day=rng.randint(4, 12), limit=rng.randint(5, 18)
        )
        for record in service.questions(queue):
            clock.advance(seconds=rng.randint(8, 40))
            right = rng.random() < 0.8
            service.record(
                user.id, record, answer(record.question, right), rng.randint(4000, 20000)
            )
    clock.advance(seconds=(today - clock.now()).total_seconds())


def window_with_history(
    app: QApplication, options: argparse.Namespace, prefix: str, today: datetime, days: int
) -> tuple[Services, UserInfo, MainWindow]:
    """A shown main window over a temporary database: the sample and bundled banks and a cadre
    (王明) who has practised ``days`` days up to ``today``, with the options' look."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    prefs = Preferences(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    prefs.theme, prefs.font_size = options.theme, options.font_size
    prefs.language = options.language
    clock = FixedClock(today - timedelta(days=days + 1))
    url = f"sqlite:///{tmp / 'jgstudy.sqlite3'}"
    services = open_services(url, clock)
    services.study.import_banks([SAMPLE, bundled_banks()])
    user = services.study.ensure_user("王明", "市委办公室")
    play_history(services.study, user, clock, today, days)
    window = MainWindow(services, prefs, str(tmp), url)
    window.resize(window_size(options))
    window.show()
    settle(app)
    window.set_user(user)
    return services, user, window


def build(options: argparse.Namespace) -> int:
    """Shoot every view; the number of widgets found cut off."""
    app = prepare(options)
    tmp = Path(tempfile.mkdtemp(prefix="jgstudy-shots-"))
    prefs = Preferences(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    prefs.theme, prefs.font_size = options.theme, options.font_size
    prefs.language = options.language
    today = datetime.now(UTC).replace(hour=1, minute=30, second=0, microsecond=0)
    clock = FixedClock(today - timedelta(days=HISTORY_DAYS + 1))
    url = f"sqlite:///{tmp / 'jgstudy.sqlite3'}"
    services = open_services(url, clock)
    service = services.study
    banks = [SAMPLE] + ([bundled_banks()] if bundled_banks().is_dir() else [])
    service.import_banks(banks)
    user = service.ensure_user("王明", "市委办公室")
    service.ensure_user("李华", "市发展和改革委员会")
    play_history(service, user, clock, today, HISTORY_DAYS)
    # a preliminary three weeks ahead: 首页 shows the plan toward it
    services.plans.set_target(user, (today + timedelta(days=21)).date(), 0.9, actor=user.name)
    window = MainWindow(services, prefs, str(tmp), url)
    window.resize(window_size(options))
    window.show()
    window.activateWindow()
    settle(app)
    window.set_user(user)
    shooter = Shooter(app, options.out, window)
    shoot(shooter, app, window, service)
    window.close()
    services.close()
    return shooter.clipped


def shoot(s: Shooter, app: QApplication, window: MainWindow, service: StudyService) -> None:
    window.navigate("home")
    s.shot("01-home")
    window.start_practice("mixed")
    page = window.practice
    _answer_until(app, page, SingleQuestion)
    s.shot("02-practice-question")
    press(app, page, Qt.Key.Key_Return)
    s.shot("03-practice-feedback")
    press(app, page, Qt.Key.Key_Space)
    page.leave()
    s.shot("04-practice-summary")
    fill, short = (_sample_pk(service, qid) for qid in ("f1", "sh1"))
    page.start_queue([fill, short])
    _type(app, "294")
    press(app, page, Qt.Key.Key_Return)
    _type(app, "五百")
    s.shot("05-practice-fill")
    press(app, page, Qt.Key.Key_Return)
    s.shot("06-practice-fill-feedback")
    press(app, page, Qt.Key.Key_Space)
    _type(app, "组织警示教育，参观警示教育基地。")
    press(app, page, Qt.Key.Key_Return)
    s.shot("07-practice-short")
    page.leave()
    _shoot_views(s, window)


def _shoot_views(s: Shooter, window: MainWindow) -> None:
    window.navigate("library")
    window.library.tabs.setCurrentIndex(0)
    s.shot("08-library-banks")
    window.library.tabs.setCurrentIndex(1)
    window.library.browser.search.setText("党支部")
    window.library.browser.refresh()
    s.shot("09-library-browser")
    window.library.browser.open_detail(0)
    s.shot("10-question-detail", window.library.browser.detail)
    window.navigate("wrongbook")
    s.shot("11-wrongbook")
    window.navigate("progress")
    s.shot("12-progress")
    body = window.progress.findChild(QScrollArea).widget()
    s.shot("13-progress-full", body)
    window.navigate("forecast")
    _wait_for_forecast(s.app, window)
    s.shot("20-forecast")
    s.shot("21-forecast-full", window.forecast)
    window.navigate("reports")
    window.reports.preview()
    QThreadPool.globalInstance().waitForDone()
    settle(s.app)
    s.shot("19-reports")
    window.navigate("settings")
    s.shot("14-settings")
    dialog = window.ask_profile()
    s.shot("15-profile-dialog", dialog)
    dialog.reject()
    _shoot_import(s, window)
    assert window.user is not None
    window.practice.set_user(window.user)  # no session: the page offers the practice modes
    window.navigate("practice")
    s.shot("18-practice-start")


def _wait_for_forecast(app: QApplication, window: MainWindow) -> None:
    """The 预测 page computes in the background: wait for its figures."""
    while window.forecast.busy:
        QThreadPool.globalInstance().waitForDone()
        settle(app)


def _shoot_import(s: Shooter, window: MainWindow) -> None:
    """The status-bar progress (signals replayed) and the problems of an invalid bank."""
    window.navigate("library")
    window.library.tabs.setCurrentIndex(0)
    importer = window.importer
    importer.started.emit(tr("正在导入题库"))
    importer.progress.emit(2, 5, "02-funeng.yaml")
    s.shot("16-import-progress")
    importer.finished.emit()
    bad = Path(tempfile.mkdtemp(prefix="jgstudy-bad-")) / "bad.yaml"
    bad.write_text(BAD_BANK.read_text("utf-8"), encoding="utf-8")
    window.library.import_paths([bad])
    importer.wait()
    s.shot("17-import-errors")


def _sample_pk(service: StudyService, qid: str) -> int:
    rows = service.browse(None, BrowseFilter(bank_id="sample", text=qid))
    return next(r.pk for r in rows if r.qid == qid)


def _type(app: QApplication, text: str) -> None:
    target = app.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            app.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    settle(app)


def _answer_until(
    app: QApplication, page: QWidget, kind: type, typed: bool = False, limit: int = 60
) -> None:
    """Answer (wrong, to fill the wrong book) until a question of ``kind`` is shown."""
    from jgstudy.core.session import Phase

    for _ in range(limit):
        settle(app)
        card = page.card  # type: ignore[attr-defined]
        if page.phase is Phase.FEEDBACK:  # type: ignore[attr-defined]
            page.next()  # type: ignore[attr-defined]
            continue
        if card is None or page.phase is not Phase.ASKING:  # type: ignore[attr-defined]
            return
        question = card.record.question
        if isinstance(question, kind):
            _prepare(app, page, question, typed)
            return
        page.session.submit(answer(question, right=RNG.random() < 0.5))  # type: ignore[attr-defined]


def _prepare(app: QApplication, page: QWidget, question: AnyQuestion, typed: bool) -> None:
    if isinstance(question, SingleQuestion):
        wrong = next(k for k in question.options if k != question.answer)
        key = Qt.Key(Qt.Key.Key_A + "ABCDEFGH".index(wrong))
        press(app, page, key, wrong.lower())
    if isinstance(question, FillQuestion) and typed:
        card = page.card  # type: ignore[attr-defined]
        card.input.blanks[0].setText(question.blanks[0][0])
    if isinstance(question, ShortQuestion):
        page.card.input.editor.setPlainText(
            question.keywords[0].word if question.keywords else "要点"
        )  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
