"""设置 → 目标与个人参数: the cadre's 目标日期 and target recall, and fitting their own FSRS
parameters (in the background: a long history takes a moment)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.planning import DEFAULT_TARGET_RECALL, PlanService
from jgstudy.core.records import Progress, UserInfo
from jgstudy.core.scheduling.fit import FitResult, NotEnoughHistory
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.tasks import TaskRunner, failure_text
from jgstudy.gui.widgets import button, card, plain_label


def fit_summary(result: FitResult) -> str:
    return tr(
        "已按 {reviews} 次隔天复习拟合个人参数，以后按它安排复习。\n"
        "预测误差（对数损失）：默认参数 {default:.3f} → 个人参数 {fitted:.3f}；"
        "RMSE {rmse_default:.3f} → {rmse_fitted:.3f}。"
    ).format(
        reviews=result.reviews,
        default=result.default.log_loss,
        fitted=result.fitted.log_loss,
        rmse_default=result.default.rmse,
        rmse_fitted=result.fitted.rmse,
    )


class PlanSettingsCard(QWidget):
    """The current cadre's target and parameters; disabled without a cadre."""

    def __init__(self, plans: PlanService) -> None:
        super().__init__()
        self._plans = plans
        self._user: UserInfo | None = None
        self._runner = TaskRunner(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = card(margins=22)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(12)
        inner.addWidget(plain_label(tr("目标与个人参数"), "section"))
        inner.addWidget(
            plain_label(
                tr("为当前用户设定目标日期（如比赛初赛日），首页会显示到那天的计划。"),
                "muted",
                wrap=True,
            )
        )
        inner.addLayout(self._build_form())
        inner.addWidget(plain_label(tr("个人 FSRS 参数"), "section"))
        inner.addWidget(
            plain_label(
                tr("按本人的作答记录拟合记忆模型参数（至少 400 次隔天复习）。"), "muted", wrap=True
            )
        )
        row = QHBoxLayout()
        self.optimize_button = button(tr("拟合个人参数"))
        self.optimize_button.clicked.connect(self.optimize)
        self.reset_button = button(tr("改回默认参数"), flat=True)
        self.reset_button.clicked.connect(self.reset)
        row.addWidget(self.optimize_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.fit_note = plain_label("", "small", wrap=True)
        inner.addWidget(self.fit_note)
        outer.addWidget(box)
        self.set_user(None)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        self.has_date = QCheckBox(tr("设定目标日期"))
        self.target_date = QDateEdit()
        self.target_date.setCalendarPopup(True)
        self.target_date.setDisplayFormat("yyyy-MM-dd")
        self.has_date.toggled.connect(self.target_date.setEnabled)
        self.recall = QDoubleSpinBox()
        self.recall.setRange(0.50, 0.99)
        self.recall.setSingleStep(0.01)
        self.recall.setDecimals(2)
        self.save_button = button(tr("保存目标"), primary=True)
        self.save_button.clicked.connect(self.save_target)
        form.addRow(self.has_date, self.target_date)
        form.addRow(tr("目标掌握率"), self.recall)
        form.addRow("", self.save_button)
        return form

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user
        for widget in (self.has_date, self.recall, self.save_button, self.optimize_button):
            widget.setEnabled(user is not None)
        self.reset_button.setEnabled(False)
        self.fit_note.setText("" if user else tr("请先选择用户。"))
        if user is None:
            self.target_date.setEnabled(False)
            return
        settings = self._plans.settings(user)
        self.has_date.setChecked(settings.target_date is not None)
        self.target_date.setEnabled(settings.target_date is not None)
        day = settings.target_date
        self.target_date.setDate(
            QDate(day.year, day.month, day.day) if day else QDate.currentDate().addDays(30)
        )
        self.recall.setValue(settings.target_recall or DEFAULT_TARGET_RECALL)
        self.reset_button.setEnabled(settings.parameters is not None)
        if settings.parameters is not None and settings.fitted_at is not None:
            fitted = settings.fitted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.fit_note.setText(tr("正在使用个人参数（{when} 拟合）。").format(when=fitted))

    def save_target(self) -> None:
        if self._user is None:
            return
        day = self.target_date.date().toPython() if self.has_date.isChecked() else None
        recall = self.recall.value() if day is not None else None
        try:
            self._plans.set_target(self._user, day, recall, actor=self._user.name)  # type: ignore[arg-type]
        except ValueError as exc:  # BadTarget: one sentence from the core
            self.fit_note.setText(tr_error(exc))
            return
        self.fit_note.setText(tr("目标已保存。") if day else tr("已取消目标日期。"))

    def optimize(self) -> None:
        user = self._user
        if user is None:
            return

        def work(_progress: Progress) -> FitResult:
            return self._plans.optimize(user, actor=user.name)

        if self._runner.start("optimize FSRS parameters", work, self._fitted, self._not_fitted):
            self.optimize_button.setEnabled(False)
            self.fit_note.setText(tr("正在拟合……"))

    def wait(self) -> bool:
        """Block until a running fit is done (tests and shutdown)."""
        return self._runner.wait()

    def _fitted(self, result: FitResult) -> None:
        self.optimize_button.setEnabled(True)
        self.reset_button.setEnabled(True)
        self.fit_note.setText(fit_summary(result))

    def _not_fitted(self, error: Exception) -> None:
        self.optimize_button.setEnabled(True)
        if isinstance(error, NotEnoughHistory):
            self.fit_note.setText(
                tr(
                    "只有 {count} 次隔天复习记录，至少需要 {minimum} 次才能拟合；参数未改变。"
                ).format(count=error.reviews, minimum=400)
            )
        else:
            self.fit_note.setText(
                tr("拟合失败，参数未改变：{error}").format(error=failure_text(error))
            )

    def reset(self) -> None:
        if self._user is not None:
            self._plans.reset_parameters(self._user, actor=self._user.name)
            self.set_user(self._user)
            self.fit_note.setText(tr("已改回 FSRS 默认参数。"))
