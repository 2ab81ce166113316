"""统计: answers per day, accuracy by tag, and the FSRS forecast of questions falling due."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from jgstudy.core.records import UserInfo
from jgstudy.core.stats import NO_TAG, UserStats
from jgstudy.gui.charts import BarChartView
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.pages import StatsSource
from jgstudy.gui.style import colors_for
from jgstudy.gui.widgets import card, page_header, plain_label, view_layout

HISTORY_DAYS = 30
TOP_TAGS = 10
TILES = (
    ("total", N_("累计作答")),
    ("accuracy", N_("总正确率")),
    ("today", N_("今日作答")),
    ("wrong", N_("错题本")),
)
KNOWLEDGE_TIP = N_("按记忆模型（FSRS）估计：已练过的题目若不再复习，30 天后仍能答对的平均概率。")


def day_range(days: list[date]) -> str:
    first, last = days[0], days[-1]
    return tr("{first_month}月{first_day}日 – {last_month}月{last_day}日").format(
        first_month=first.month, first_day=first.day, last_month=last.month, last_day=last.day
    )


def day_labels(days: list[date]) -> list[str]:
    """Day-of-month axis labels, all distinct (the range goes in the axis title)."""
    labels: list[str] = []
    for day in days:
        text = str(day.day)
        while text in labels:  # category axes need distinct names; zero-width spaces are unseen
            text += "\u200b"
        labels.append(text)
    return labels


def tag_name(tag: str) -> str:
    """A tag as written in the bank; the questions without one under （无标签） in the interface's
    language."""
    return tr(NO_TAG) if tag == NO_TAG else tag


class ProgressView(QWidget):
    """Charts of the current cadre's learning."""

    def __init__(self, stats: StatsSource) -> None:
        super().__init__()
        self._stats = stats
        self._user: UserInfo | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = view_layout(body)
        header, _t, _s = page_header(
            tr("学习统计"), tr("最近一个月的作答、各专题正确率，以及未来 30 天的复习安排。")
        )
        layout.addWidget(header)
        layout.addLayout(self._build_tiles())
        self.history = BarChartView()
        self.forecast = BarChartView()
        self.by_tag = BarChartView(horizontal=True, percent=True)
        layout.addWidget(self._chart_card(tr("近 30 天每日作答"), self.history))
        layout.addWidget(self._chart_card(tr("未来 30 天到期复习（FSRS 预测）"), self.forecast))
        self.no_tags = plain_label(tr("还没有作答记录。"), "muted")
        self.tag_card = self._chart_card(tr("各专题正确率"), self.by_tag, self.no_tags)
        layout.addWidget(self.tag_card)
        self.knowledge = BarChartView(horizontal=True, percent=True)
        self.knowledge_card = self._chart_card(
            tr("各专题掌握程度（30 天后仍记得的估计比例）"), self.knowledge
        )
        self.knowledge_card.setToolTip(tr(KNOWLEDGE_TIP))
        self.knowledge.setToolTip(tr(KNOWLEDGE_TIP))
        layout.addWidget(self.knowledge_card)
        scroll.setWidget(body)
        outer.addWidget(scroll)

    def _build_tiles(self) -> QHBoxLayout:
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        for key, label in TILES:
            box = card(margins=18)
            inner = box.layout()
            assert isinstance(inner, QVBoxLayout)
            self.values[key] = plain_label("—", "stat")
            inner.addWidget(plain_label(tr(label), "statlabel"))
            inner.addWidget(self.values[key])
            tiles.addWidget(box, 1)
        return tiles

    @staticmethod
    def _chart_card(title: str, chart: BarChartView, *extra: QWidget) -> QWidget:
        box = card(margins=18)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(6)
        inner.addWidget(plain_label(title, "section"))
        inner.addWidget(chart)
        for widget in extra:
            inner.addWidget(widget)
        return box

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user

    def activate(self) -> None:
        """Read the cadre's figures, with the FSRS estimate of knowledge per tag."""
        self.set_stats(self._stats(self._user, True) if self._user is not None else None)

    def set_stats(self, stats: UserStats | None) -> None:
        if stats is None:
            for value in self.values.values():
                value.setText("—")
            return
        colors = colors_for(self)
        self.values["total"].setText(str(stats.total_reviews))
        self.values["accuracy"].setText(f"{stats.accuracy_all:.0%}" if stats.total_reviews else "—")
        self.values["today"].setText(str(stats.reviewed_today))
        self.values["wrong"].setText(str(stats.wrong_book))
        days = [stats.today - timedelta(days=i) for i in reversed(range(HISTORY_DAYS))]
        self.history.set_data(
            day_labels(days), [stats.per_day.get(d, 0) for d in days], colors, title=day_range(days)
        )
        ahead = sorted(stats.forecast)
        self.forecast.set_data(
            day_labels(ahead),
            [stats.forecast[d] for d in ahead],
            colors,
            colors.slate,
            title=day_range(ahead),
        )
        tags = sorted(stats.by_tag[:TOP_TAGS], key=lambda t: t.reviews)
        self.by_tag.set_data(
            [tr("{tag}（{reviews}）").format(tag=tag_name(t.tag), reviews=t.reviews) for t in tags],
            [round(t.accuracy * 100) for t in tags],
            colors,
            colors.slate,
        )
        self.by_tag.setFixedHeight(max(160, 34 * len(tags) + 60))
        self.by_tag.setVisible(bool(tags))
        self.no_tags.setVisible(not tags)
        known = [t for t in tags if t.knowledge is not None]
        self.knowledge.set_data(
            [tag_name(t.tag) for t in known],
            [round((t.knowledge or 0.0) * 100) for t in known],
            colors,
        )
        self.knowledge.setFixedHeight(max(160, 34 * len(known) + 60))
        self.knowledge_card.setVisible(bool(known))
