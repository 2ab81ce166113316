"""预测: the simulator (每天 15 分钟 → 比赛当天预计掌握 82 %) and the true retention table.

The cadre chooses a date, daily minutes (or no limit: the plan's own pace) and the retention
reviews are scheduled for; the page shows the predicted recall on the date for that choice and
for a range of daily minutes, and the daily load. The figures come from PlanService.simulate
(the same as ``jgstudy simulate``), computed in the background: a long history takes a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.planning import MAX_DAYS_AHEAD, PlanService
from jgstudy.core.records import Progress, UserInfo
from jgstudy.core.scheduling.forecast import Plan
from jgstudy.core.scheduling.retention import RetentionRow
from jgstudy.gui.charts import BarChartView, StackedBarChartView
from jgstudy.gui.forecast_texts import load_series, simulation_lines, simulation_title
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.retentiontable import RetentionCard
from jgstudy.gui.style import colors_for
from jgstudy.gui.tasks import TaskRunner, failure_text
from jgstudy.gui.widgets import card, page_header, plain_label, view_layout

MINUTE_CHOICES = (2, 5, 10, 15, 20, 30, 45, 60)  # the bars of "minutes → recall"
DEFAULT_MINUTES = 15
DEFAULT_DAYS_AHEAD = 30  # the date offered when the cadre has none
DELAY_MS = 250  # after the last change of a control, before computing


@dataclass(frozen=True)
class Request:
    """One question to the simulator."""

    user: UserInfo
    until: date
    minutes: int | None  # None: no limit, the plan's own pace
    retention: float


@dataclass(frozen=True)
class Forecast:
    """The simulator's answer: the chosen plan, one plan per MINUTE_CHOICES, and the true
    retention table when it was asked for."""

    request: Request
    chosen: Plan
    curve: tuple[Plan, ...]
    retention: list[RetentionRow] | None


class ForecastView(QWidget):
    """预测与模拟: the simulator and 真实保持率 for the current cadre."""

    def __init__(
        self,
        plans: PlanService,
        today: Callable[[], date],
        retention: Callable[[], float],
    ) -> None:
        super().__init__()
        self._plans = plans
        self._today = today
        self._default_retention = retention
        self._user: UserInfo | None = None
        self._saved: date | None = None  # the cadre's saved target date, as last read
        self._runner = TaskRunner(self)
        self._pending = False
        self._retention_wanted = False
        self.result: Forecast | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        layout = view_layout(self)
        header, _title, _sub = page_header(
            tr("预测与模拟"),
            tr("每天学多少分钟，目标日期能掌握多少；以及过去的复习里预测准不准。"),
        )
        layout.addWidget(header)
        layout.addWidget(self._build_simulator())
        layout.addWidget(self._build_charts())
        self.retention_card = RetentionCard()
        layout.addWidget(self.retention_card)
        layout.addStretch(1)
        self._runner.progress.connect(self._on_progress)
        self.set_user(None)

    # -- building ------------------------------------------------------------------------

    def _build_simulator(self) -> QWidget:
        box = card(margins=20)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("模拟"), "section"))
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addLayout(self._build_form())
        result = QVBoxLayout()
        result.setSpacing(6)
        self.headline = plain_label("", "fact", wrap=True)
        self.details = plain_label("", wrap=True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        result.addWidget(self.headline)
        result.addWidget(self.details)
        result.addWidget(self.progress)
        result.addStretch(1)
        row.addLayout(result, 1)
        inner.addLayout(row)
        return box

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.by_minutes = QRadioButton(tr("每天限定"))
        self.by_minutes.setChecked(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(tr(" 分钟"))
        self.by_plan = QRadioButton(tr("不限时间，按计划学完新题"))
        self.retention = QSpinBox()
        self.retention.setRange(70, 99)
        self.retention.setSuffix(" %")
        self.retention.setToolTip(tr("复习安排在记忆降到这个比例时；越高复习越勤，每天用时越多。"))
        form.addRow(tr("目标日期"), self.until)
        form.addRow(self.by_minutes, self.minutes)
        form.addRow(self.by_plan)
        form.addRow(tr("记忆保持率"), self.retention)
        self.by_minutes.toggled.connect(self.minutes.setEnabled)
        for signal in (
            self.until.dateChanged,
            self.minutes.valueChanged,
            self.retention.valueChanged,
            self.by_minutes.toggled,
        ):
            signal.connect(self._changed)
        return form

    def _build_charts(self) -> QWidget:
        box = card(margins=20)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(6)
        inner.addWidget(plain_label(tr("每天学习分钟数与目标日期预计掌握率"), "section"))
        self.curve = BarChartView(percent=True, labels=True)
        self.curve.setFixedHeight(200)
        inner.addWidget(self.curve)
        self.load_title = plain_label(tr("每天的学习量"), "section")
        inner.addWidget(self.load_title)
        self.load = StackedBarChartView()
        self.load.setFixedHeight(240)
        inner.addWidget(self.load)
        return box

    # -- the Page protocol ---------------------------------------------------------------

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user
        self.result = None
        for widget in (self.until, self.by_minutes, self.by_plan, self.retention):
            widget.setEnabled(user is not None)
        self.minutes.setEnabled(user is not None and self.by_minutes.isChecked())
        if user is None:
            self.headline.setText(tr("请先选择用户。"))
            self.details.setText("")
            self.retention_card.clear("")
            return
        self._reset_controls(user)

    def activate(self) -> None:
        """Shown (or the cadre's answers changed): recompute, the retention table too. A
        target date saved in 设置 meanwhile becomes the simulator's date."""
        if self._user is None:
            return
        if self._plans.settings(self._user).target_date != self._saved:
            self._reset_controls(self._user)
        self._retention_wanted = True
        self.recompute()

    def _reset_controls(self, user: UserInfo) -> None:
        """The saved target date (or a month ahead) and the desktop's retention."""
        today = self._today()
        self._saved = self._plans.settings(user).target_date
        day = self._saved if self._saved is not None and self._saved > today else None
        day = day or today + timedelta(days=DEFAULT_DAYS_AHEAD)
        for widget in (self.until, self.minutes, self.retention):
            widget.blockSignals(True)
        self.until.setDateRange(
            _qdate(today + timedelta(days=1)), _qdate(today + timedelta(days=MAX_DAYS_AHEAD))
        )
        self.until.setDate(_qdate(day))
        self.retention.setValue(round(self._default_retention() * 100))
        for widget in (self.until, self.minutes, self.retention):
            widget.blockSignals(False)

    # -- computing -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A computation is waiting or running (tests wait for this to clear)."""
        return self._runner.busy or self._timer.isActive() or self._pending

    def _changed(self) -> None:
        self._timer.start()

    def request(self) -> Request | None:
        if self._user is None:
            return None
        minutes = self.minutes.value() if self.by_minutes.isChecked() else None
        until = self.until.date().toPython()
        assert isinstance(until, date)
        return Request(self._user, until, minutes, self.retention.value() / 100)

    def recompute(self) -> None:
        """Compute the figures for the controls' values in the background (again, once the
        running computation ends, if the controls changed meanwhile)."""
        self._timer.stop()
        request = self.request()
        if request is None:
            return
        if self._runner.busy:
            self._pending = True
            return
        self._pending = False
        with_retention = self._retention_wanted
        self._retention_wanted = False
        plans = self._plans

        def work(progress: Progress) -> Forecast:
            choices = [request.minutes, *MINUTE_CHOICES]
            found = plans.simulate(
                request.user, request.until, choices, request.retention, progress
            )
            assert found is not None  # the date is given
            table = plans.retention(request.user) if with_retention else None
            return Forecast(request, found[0], tuple(found[1:]), table)

        def failed(error: Exception) -> None:
            self._retention_wanted |= with_retention
            self._failed(error)

        if self._runner.start("simulate the plan", work, self._show, failed):
            self.progress.setRange(0, 0)
            self.progress.show()

    def wait(self) -> bool:
        """Block until the running computation is done (tests and shutdown)."""
        return self._runner.wait()

    def _on_progress(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    # -- showing -------------------------------------------------------------------------

    def _show(self, forecast: Forecast) -> None:
        self.progress.hide()
        if forecast.request.user != self._user:  # another cadre was chosen meanwhile
            self._pending = False
            self.recompute()
            return
        self.result = forecast
        colors = colors_for(self)
        plan = forecast.chosen
        self.headline.setText(simulation_title(forecast.request.minutes, plan))
        self.details.setText(
            "\n".join(
                simulation_lines(
                    forecast.request.minutes,
                    plan,
                    list(zip(MINUTE_CHOICES, forecast.curve, strict=True)),
                )
            )
        )
        self.curve.set_data(
            [tr("{minutes} 分钟").format(minutes=m) for m in MINUTE_CHOICES],
            [round(p.predicted_recall * 100) for p in forecast.curve],
            colors,
            colors.slate,
        )
        labels, title, stacks = load_series(plan, colors)
        self.load_title.setText(title)
        self.load.set_stacks(labels, stacks, colors)
        if forecast.retention is not None:
            self.retention_card.show_rows(forecast.retention)
        if self._pending:
            self.recompute()

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        if isinstance(error, ValueError):  # BadTarget: one sentence from the core
            self.headline.setText(tr_error(error))
        else:
            self.headline.setText(tr("计算失败：{error}").format(error=failure_text(error)))
        self.details.setText("")
        if self._pending:
            self.recompute()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
