"""The main window: navigation on the left, one view at a time, profiles in the toolbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks.yamlfast import preload as preload_fast_yaml
from jgstudy.core.order import NewOrder
from jgstudy.core.records import ImportResult, PracticeMode, UserInfo
from jgstudy.core.services import Services
from jgstudy.core.stats import UserStats
from jgstudy.core.workbook import Selection
from jgstudy.gui.asks import Asks
from jgstudy.gui.banks import result_text
from jgstudy.gui.competition import CompetitionPage
from jgstudy.gui.editor import BankEditor
from jgstudy.gui.exam import ExamPage
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.fit import (
    DEFAULT_WINDOW,
    MINIMUM_WINDOW,
    FittedList,
    fit_to_screen,
    scroll_page,
)
from jgstudy.gui.fonts import base_pixel_size
from jgstudy.gui.forecast import ForecastView
from jgstudy.gui.home import HomeView
from jgstudy.gui.i18n import tr
from jgstudy.gui.icons import nav_icon, nav_icon_size
from jgstudy.gui.library import LibraryView
from jgstudy.gui.menus import build_menus
from jgstudy.gui.pages import TITLES, Page, View
from jgstudy.gui.practice import PracticePage
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.profile import ProfileDialog, ProfileSwitcher, profile_text
from jgstudy.gui.progress import ProgressView
from jgstudy.gui.reports import ReportsView
from jgstudy.gui.scorefiles import ScoreFiles
from jgstudy.gui.settings import SettingsView
from jgstudy.gui.statusbar import WorkProgress
from jgstudy.gui.style import apply_theme, colors_for
from jgstudy.gui.widgets import plain_label
from jgstudy.gui.workbook import WorkbookView
from jgstudy.gui.workbook.problems import ProblemQueue
from jgstudy.gui.workers import BankImporter
from jgstudy.gui.wrongbook import WrongBookView

VIEWS = tuple((view, TITLES[view]) for view in View)


class MainWindow(QMainWindow):
    """Owns the views and hands each the core service it needs (built once, by ``gui.main``)."""

    ready = Signal()  # the start-up flow (bundled import, profile) is done

    def __init__(
        self, services: Services, prefs: Preferences, data_folder: str, database_url: str
    ) -> None:
        super().__init__()
        self.services = services
        self.service = services.study
        self.prefs = prefs
        self.user: UserInfo | None = None
        self.profile_dialog: ProfileDialog | None = None
        self._starting = False
        self.asks = Asks()
        self.importer = BankImporter(services.study, parent=self)
        preload_fast_yaml()  # on this (the main) thread: banks are parsed on worker threads
        self.setWindowTitle(tr("机关学习"))
        self.setMinimumSize(MINIMUM_WINDOW)
        self._build_views(data_folder, database_url)
        self._build_chrome()
        self.actions_by_name = build_menus(self, self, VIEWS)
        self._restore()

    # -- building ------------------------------------------------------------------------

    def _build_views(self, data_folder: str, database_url: str) -> None:
        self.home = HomeView(self._stats, self.services.plans.plan)
        self.practice = PracticePage(self.service, self.prefs)
        self.exam = ExamPage(self.services.exams)
        self.competition = CompetitionPage(self.services.competitions, prefs=self.prefs)
        self.files = FileChooser(self.prefs)
        self.library = LibraryView(
            self.service, self.importer, Path(data_folder) / "imported", files=self.files
        )
        self.editor = BankEditor(folder=Path(data_folder), files=self.files)
        self.wrongbook = WrongBookView(self.service, self.files)
        self.wrongbook.set_workbook(self.services.workbook)
        self.workbook = WorkbookView(self.service, self.services.workbook)
        self.practice.marks.set_workbook(self.services.workbook)
        self.exam.set_workbook(self.services.workbook)
        self.editor.set_workbook(self.services.workbook)
        self.progress = ProgressView(self._stats)
        self.forecast = ForecastView(
            self.services.plans, self.service.study_day, lambda: self.service.desired_retention
        )
        self.score_files = ScoreFiles(lambda: self.services.scores, self.files, self)
        self.reports = ReportsView(
            self.services.reports, files=self.files, score_files=self.score_files
        )
        self.reports.add_problem_queue(ProblemQueue(self.services.workbook))
        self.settings = SettingsView(self.prefs, data_folder, database_url, self.services.plans)
        self.registry: dict[View, Page] = {
            View.HOME: self.home,
            View.PRACTICE: self.practice,
            View.EXAM: self.exam,
            View.COMPETITION: self.competition,
            View.LIBRARY: self.library,
            View.EDITOR: self.editor,
            View.WRONGBOOK: self.wrongbook,
            View.WORKBOOK: self.workbook,
            View.PROGRESS: self.progress,
            View.FORECAST: self.forecast,
            View.REPORTS: self.reports,
            View.SETTINGS: self.settings,
        }
        self.views: dict[View, QWidget] = {v: _widget(p) for v, p in self.registry.items()}
        self.home.practice_requested.connect(self.start_practice)
        self.home.tag_practice_requested.connect(self.practice_tag)
        self.home.wrong_book_requested.connect(lambda: self.navigate(View.WRONGBOOK))
        self.home.exam_requested.connect(lambda: self.navigate(View.EXAM))
        self.home.forecast_requested.connect(lambda: self.navigate(View.FORECAST))
        self.exam.closed.connect(lambda: self.navigate(View.HOME))
        # (no refresh when a paper is handed in: the exam page on screen would leave its result;
        # the other pages read the new figures when they are shown)
        self.competition.closed.connect(lambda: self.navigate(View.HOME))
        self.editor.bank_ready.connect(lambda path: self.library.banks.import_paths([path]))
        self.wrongbook.practice_requested.connect(self.start_practice)
        self.workbook.practice_requested.connect(self.practise_queue)
        self.practice.session_finished.connect(self.refresh)
        self.practice.home_requested.connect(lambda: self.navigate(View.HOME))
        self.library.banks.banks_changed.connect(self.refresh)
        self.settings.study_changed.connect(self._apply_study_settings)
        self.settings.display_changed.connect(self.apply_display)
        self.settings.language_changed.connect(lambda _code: self.offer_restart())

    def _build_chrome(self) -> None:
        self.stack = QStackedWidget()
        self.pages = {name: scroll_page(self.views[name]) for name, _title in VIEWS}
        for name, _title in VIEWS:
            self.stack.addWidget(self.pages[name])
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_sidebar())
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.work_progress = WorkProgress(self.importer)
        self.statusBar().addPermanentWidget(self.work_progress)
        self.statusBar().setSizeGripEnabled(False)
        self.importer.succeeded.connect(self._on_import_succeeded)

    def _build_sidebar(self) -> QFrame:
        """Brand, navigation, and the profile switcher at the bottom (one click to switch)."""
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setMinimumWidth(212)  # wider when the largest text needs it
        sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(14, 22, 14, 18)
        layout.setSpacing(6)
        brand = plain_label(tr("机关学习"), "brand")
        brand.setContentsMargins(10, 0, 0, 14)
        layout.addWidget(brand)
        self.nav = FittedList()
        self.nav.setObjectName("nav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setIconSize(nav_icon_size())
        # The list's default width hint (256 px) would widen the sidebar; its items are short.
        self.nav.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        for name, title in VIEWS:
            item = QListWidgetItem(tr(title))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self._paint_nav_icons()
        self.nav.currentRowChanged.connect(self._on_nav)
        layout.addWidget(self.nav, 1)
        who = plain_label(tr("当前用户"), "small")
        who.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(who)
        self.switcher = ProfileSwitcher()
        self.switcher.switch_requested.connect(self.switch_user)
        self.switcher.new_requested.connect(self.ask_profile)
        layout.addWidget(self.switcher)
        return sidebar

    def _paint_nav_icons(self) -> None:
        colors = colors_for(self)
        for row, (name, _title) in enumerate(VIEWS):
            self.nav.item(row).setIcon(nav_icon(name, colors.muted, colors.accent))

    def _restore(self) -> None:
        geometry = self.prefs.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_WINDOW)
        fit_to_screen(self)
        self.switcher.set_users(self.service.users(), None)
        last = self.prefs.last_view
        # Never straight into practice: a session starts from a choice on the home view.
        self.navigate(last if last in set(View) - {View.PRACTICE} else View.HOME)

    # -- start-up ------------------------------------------------------------------------

    def start(self) -> None:
        """First-run flow: import the bundled banks in the background, then pick a profile."""
        self._starting = True
        self.importer.finished.connect(self._after_startup_import)
        if not self.importer.import_bundled():
            self._after_startup_import()

    def _after_startup_import(self) -> None:
        if not self._starting:
            return
        self._starting = False
        self.asks = Asks()
        self.importer.finished.disconnect(self._after_startup_import)
        self.library.refresh()
        user = self.service.find_user(self.prefs.last_profile) if self.prefs.last_profile else None
        if user is not None:
            self.set_user(user)
            self.ready.emit()
        else:
            self.ask_profile()

    def schema_revision(self) -> str:
        return self.service.schema_revision()

    def ask_profile(self) -> ProfileDialog:
        """Open the (non-blocking) profile dialog; the choice becomes the current user."""
        dialog = ProfileDialog(self.service.users(), self.prefs.last_profile, self)
        dialog.accepted.connect(lambda: self._profile_chosen(dialog))
        dialog.rejected.connect(lambda: self._profile_cancelled(dialog))
        self.profile_dialog = dialog
        dialog.open()
        return dialog

    def _profile_chosen(self, dialog: ProfileDialog) -> None:
        name, unit = dialog.choice()
        self.set_user(self.service.ensure_user(name, unit))
        self.profile_dialog = None
        self.ready.emit()

    def _profile_cancelled(self, dialog: ProfileDialog) -> None:
        self.profile_dialog = None
        self.switcher.set_users(self.service.users(), self.user)
        self.ready.emit()

    # -- users ---------------------------------------------------------------------------

    def switch_user(self, name: str) -> None:
        user = self.service.find_user(name)
        if user is not None and user != self.user:
            self.set_user(user)

    def set_user(self, user: UserInfo) -> None:
        self.user = user
        self.setWindowTitle(profile_text(user))  # the platform appends " — 机关学习"
        self.prefs.last_profile = user.name
        self.switcher.set_users(self.service.users(), user)
        for page in self.registry.values():
            page.set_user(user)
        self.refresh()

    # -- navigation and refresh ----------------------------------------------------------

    def navigate(self, name: str) -> None:
        self.nav.setCurrentRow(list(View).index(View(name)))

    def current_view(self) -> View:
        return list(View)[max(self.nav.currentRow(), 0)]

    def _on_nav(self, row: int) -> None:
        view = list(View)[row]
        self.stack.setCurrentWidget(self.pages[view])
        self.prefs.last_view = view
        self.registry[view].activate()

    def practise_queue(self, pks: list[int], title: str) -> None:
        """Practise exactly these questions (专项练习, 收藏)."""
        self.navigate(View.PRACTICE)
        self.practice.start_queue(pks, title)

    def start_practice(self, mode: str, order: NewOrder = NewOrder.MIXED) -> None:
        """``mode``: a PracticeMode (signals carry it as its text)."""
        self.navigate(View.PRACTICE)
        self.practice.start(PracticeMode(mode), order)

    def practice_tag(self, tag: str) -> bool:
        """专项练习 on one tag: every active question of it (from 首页's weakest tags)."""
        self.navigate(View.PRACTICE)
        if self.user is None:
            return False
        queue = self.services.workbook.selection_queue(self.user, Selection(tags=(tag,)))
        return self.practice.start_queue(queue, tr("专项练习：{tag}").format(tag=tag))

    def refresh(self) -> None:
        """The data changed (an answer, an import, a setting): the page on screen re-reads it;
        every other page does when it is shown next."""
        self.registry[self.current_view()].activate()

    def _stats(self, user: UserInfo, knowledge: bool) -> UserStats:
        return self.service.stats(user, self.prefs.new_per_day, knowledge=knowledge)

    # -- settings ------------------------------------------------------------------------

    def _apply_study_settings(self) -> None:
        before = self.service.desired_retention
        self.service.set_desired_retention(self.prefs.retention)
        if self.user is not None:  # logged against the cadre studying on this desktop
            self.services.plans.log_retention(
                self.user, before, self.prefs.retention, actor=self.user.name
            )
        self.service.set_day_starts(self.prefs.day_starts)
        self.refresh()

    def follow_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched light/dark: follow it when the theme says so."""
        if self.prefs.theme == "system":
            self.apply_display(scheme)

    def apply_display(self, scheme: Qt.ColorScheme | None = None) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            size = base_pixel_size(self.prefs.font_size)
            apply_theme(app, self.prefs.theme, size, scheme)
        self._paint_nav_icons()
        self.refresh()

    # -- menu actions --------------------------------------------------------------------

    def import_files(self) -> None:
        self.navigate(View.LIBRARY)
        self.library.banks.choose_files()

    def import_folder(self) -> None:
        self.navigate(View.LIBRARY)
        self.library.banks.choose_folder()

    def reimport(self) -> None:
        self.navigate(View.LIBRARY)
        self.library.banks.reimport()

    def export_scores(self) -> None:
        if self.user is None:  # the profile dialog was closed without choosing anyone
            self.statusBar().showMessage(tr("请先选择或新建用户。"), 8000)
            return
        self.score_files.ask_export(self.user)

    def merge_scores(self) -> None:
        self.navigate(View.REPORTS)
        self.score_files.ask_merge()

    def _on_import_succeeded(self, result: ImportResult) -> None:
        self.statusBar().showMessage(result_text(result), 8000)

    def offer_restart(self) -> bool:
        """The language changed: restart now if the user wants (and the window may close)."""
        if not self.asks.restart(self) or not self.close():
            return False
        return self.asks.start_again()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.can_close():  # unsaved bank edits: the trainer chose to stay
            event.ignore()
            return
        running = self.exam.session is not None and self.exam.exam_screen.running()
        if running and not self.asks.close_during_exam(self):
            event.ignore()
            return
        self.prefs.geometry = self.saveGeometry()
        self.prefs.last_view = self.current_view()
        self.prefs.sync()
        self.importer.wait()
        super().closeEvent(event)


def _widget(page: Page) -> QWidget:
    """Every page is a widget too (the Page protocol only names what the window calls)."""
    assert isinstance(page, QWidget)
    return page
