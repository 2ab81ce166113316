"""Background-work progress in the status bar: a label and a slim progress bar."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import plain_label
from jgstudy.gui.workers import BankImporter


class WorkProgress(QWidget):
    """Shown while an import runs; hidden otherwise."""

    def __init__(self, importer: BankImporter) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        self.label = plain_label("", "small")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(220)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._title = ""
        self.hide()
        importer.started.connect(self.begin)
        importer.progress.connect(self.step)
        importer.finished.connect(self.hide)

    def begin(self, title: str) -> None:
        self._title = title
        self.label.setText(f"{title}……")
        self.bar.setRange(0, 0)  # busy until the first step says how much there is
        self.show()

    def step(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        detail = tr("：{name}").format(name=name) if name else ""
        self.label.setText(
            tr("{title}（{done}/{total}）{detail}").format(
                title=self._title, done=done, total=total, detail=detail
            )
        )
