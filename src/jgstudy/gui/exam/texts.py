"""How exam and match values read on screen: clocks, durations, given answers, points."""

from __future__ import annotations

from datetime import timedelta

from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.model import (
    QTYPE_LABELS,
    AnyQuestion,
    MultipleQuestion,
    QType,
    SingleQuestion,
)
from jgstudy.gui.i18n import tr


def clock_text(remaining: timedelta | None) -> str:
    """A countdown: ``29:41``, ``1:05:00`` over an hour, ``--:--`` when no timer runs."""
    if remaining is None:
        return "--:--"
    total = max(int(-(-remaining.total_seconds() // 1)), 0)  # 0.2 s left still shows 00:01
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def duration_text(delta: timedelta) -> str:
    """Time used: ``14 分 32 秒``, ``45 秒``."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 60:
        return tr("{seconds} 秒").format(seconds=seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return tr("{hours} 小时 {minutes} 分").format(hours=hours, minutes=minutes)
    return tr("{minutes} 分 {seconds} 秒").format(minutes=minutes, seconds=seconds)


def points_text(value: float) -> str:
    """Points without a useless ``.0``: ``2``, ``1.5``."""
    return f"{value:g}"


def type_label(question: AnyQuestion) -> str:
    return tr("{type}题").format(type=tr(QTYPE_LABELS[QType(question.type)]))


def response_text(question: AnyQuestion, response: Response | None) -> str:
    """The answer a cadre gave, with option texts for choices; ``未作答`` for none."""
    if response is None:
        return tr("未作答")
    if isinstance(response, bool):
        return tr("正确") if response else tr("错误")
    if isinstance(response, ShortResponse):
        return response.text or tr("（空）")
    if isinstance(response, tuple):
        return tr("；").join(text or tr("（空）") for text in response)
    options = question.options if isinstance(question, SingleQuestion | MultipleQuestion) else {}
    keys = sorted(response) if isinstance(response, frozenset) else [response]
    return tr("；").join(
        tr("{k}．{options}").format(k=k, options=options[k]) if k in options else k for k in keys
    )
